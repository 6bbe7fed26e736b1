import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { parse } from "graphql";
import { composeServices, validateSatisfiability } from "@apollo/composition";
for (const d of process.argv.slice(2)) {
  const subs = readdirSync(d).filter(f => f.endsWith(".graphql")).sort().map(f => ({ name: f.replace(".graphql",""), url: "http://x", typeDefs: parse(readFileSync(d + "/" + f, "utf8")) }));
  const r = composeServices(subs, { runSatisfiability: false });
  if (r.errors) { console.log(d, "merge:", r.errors[0].message); continue; }
  const want = (validateSatisfiability({ supergraphSdl: r.supergraphSdl }).errors ?? []).map(e => e.message);
  writeFileSync("/tmp/m-sg.graphql", r.supergraphSdl);
  const got = execFileSync("/tmp/satcheck", ["/tmp/m-sg.graphql"], { encoding: "utf8" }).split("\n%%\n").filter(Boolean);
  console.log("==", d, "apollo:\n" + want.join("\n--\n"), "\nfedmesh:\n" + got.join("\n--\n"));
}
