// apollo-compose.mjs [--hints] DIR: composes DIR/*.graphql (one subgraph per file, named
// after the file; routing URL http://NAME.example/graphql unless DIR/urls.json
// maps names to URLs) with @apollo/composition, the oracle fedmesh's
// compose() is compared against. Prints the supergraph to stdout, or each
// error as "CODE: message" to stderr and exits 1. --hints: each hint as
// "HINT CODE: message" to stderr as well.
import fs from "node:fs";
import path from "node:path";
import { parse } from "graphql";
import { composeServices } from "@apollo/composition";

const hints = process.argv[2] === "--hints";
const dir = process.argv[hints ? 3 : 2];
if (!dir) {
  console.error("usage: node apollo-compose.mjs DIR");
  process.exit(2);
}
const urlsFile = path.join(dir, "urls.json");
const urls = fs.existsSync(urlsFile) ? JSON.parse(fs.readFileSync(urlsFile, "utf8")) : {};
const services = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".graphql") && f !== "supergraph.graphql")
  .sort()
  .map((f) => {
    const name = f.slice(0, -".graphql".length);
    const sdl = fs.readFileSync(path.join(dir, f), "utf8");
    return { name, url: urls[name] ?? `http://${name}.example/graphql`, typeDefs: parse(sdl) };
  });
const result = composeServices(services);
if (hints)
  for (const h of result.hints ?? []) console.error(`HINT ${h.definition?.code ?? "HINT"}: ${h.message}`);
if (result.errors) {
  for (const e of result.errors) console.error(`${e.extensions?.code ?? "ERROR"}: ${e.message}`);
  process.exit(1);
}
process.stdout.write(result.supergraphSdl);
