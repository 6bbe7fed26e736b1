import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { parse } from "graphql";
import { composeServices, validateSatisfiability } from "@apollo/composition";
const root = process.argv[2];
let same = 0, diff = 0, variants = 0, unsat = 0;
const mutations = [
  [/@key\(fields: ("[^"]*")\)/g, (m, f) => `@key(fields: ${f}, resolvable: false)`],
  [/ @shareable/g, () => ""],
  [/@provides\(fields: "[^"]*"\)/g, () => ""],
];
for (const d of readdirSync(root).sort()) {
  const dir = join(root, d);
  let files; try { files = readdirSync(dir).filter(f => f.endsWith(".graphql") && f !== "supergraph.graphql"); } catch { continue; }
  const texts = files.map(f => readFileSync(join(dir, f), "utf8"));
  for (let fi = 0; fi < files.length; fi++) for (const [re, rep] of mutations) {
    const matches = [...texts[fi].matchAll(re)];
    for (const m of matches) {
      const t = texts[fi].slice(0, m.index) + m[0].replace(new RegExp(re.source), rep) + texts[fi].slice(m.index + m[0].length);
      const subs = files.map((f, i) => ({ name: f.replace(".graphql",""), url: "http://x", typeDefs: parse(i === fi ? t : texts[i]) }));
      let r; try { r = composeServices(subs, { runSatisfiability: false }); } catch (e) { continue; }
      if (r.errors) continue;
      variants++;
      const want = (validateSatisfiability({ supergraphSdl: r.supergraphSdl }).errors ?? []).map(e => e.message).sort();
      if (want.length) unsat++;
      writeFileSync("/tmp/mut-sg.graphql", r.supergraphSdl);
      const got = execFileSync("/tmp/satcheck", ["/tmp/mut-sg.graphql"], { encoding: "utf8" }).split("\n%%\n").filter(Boolean).sort();
      if (JSON.stringify(want) === JSON.stringify(got)) { same++; continue; }
      diff++;
      writeFileSync(`/tmp/mut-diff-${diff}.graphql`, r.supergraphSdl);
      console.log(`== ${d} ${files[fi]} ${m[0]}: apollo ${want.length} fedmesh ${got.length} -> /tmp/mut-diff-${diff}.graphql`);
      const w = new Set(want), g = new Set(got);
      console.log("only apollo:", want.filter(x => !g.has(x)).slice(0,1).join("\n"), "\nonly fedmesh:", got.filter(x => !w.has(x)).slice(0,1).join("\n"));
    }
  }
}
console.log("variants", variants, "unsatisfiable", unsat, "same", same, "different", diff);
