import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { parse } from "graphql";
import { composeServices, validateSatisfiability } from "@apollo/composition";
const root = process.argv[2];
let same = 0, diff = 0;
for (const d of readdirSync(root).sort()) {
  const dir = join(root, d);
  let files; try { files = readdirSync(dir).filter(f => f.endsWith(".graphql") && f !== "supergraph.graphql"); } catch { continue; }
  const subs = files.map(f => ({ name: f.replace(".graphql",""), url: "http://x", typeDefs: parse(readFileSync(join(dir, f), "utf8")) }));
  let r; try { r = composeServices(subs, { runSatisfiability: false }); } catch (e) { console.log(d, "throws"); continue; }
  if (r.errors) { console.log(d, "merge errors", r.errors[0].message.slice(0,100)); continue; }
  const want = (validateSatisfiability({ supergraphSdl: r.supergraphSdl }).errors ?? []).map(e => e.message).sort();
  writeFileSync("/tmp/cmp-sg.graphql", r.supergraphSdl);
  const got = execFileSync("/tmp/satcheck", ["/tmp/cmp-sg.graphql"], { encoding: "utf8" }).split("\n%%\n").filter(Boolean).sort();
  if (JSON.stringify(want) === JSON.stringify(got)) { same++; continue; }
  diff++;
  console.log(`== ${d}: apollo ${want.length} fedmesh ${got.length}`);
  console.log("apollo:", want.slice(0,2).join("\n"), "\nfedmesh:", got.slice(0,2).join("\n"));
}
console.log("same", same, "different", diff);
