// compose.mjs: composes each scenario's subgraphs (SCENARIO/subgraphs.mjs) into
// SCENARIO/supergraph.graphql with @apollo/composition, the same composition Apollo's tools use.
//   node compose.mjs [SCENARIO...]   (default: every scenario folder with a subgraphs.mjs)
// The subgraph URLs in the output are placeholders: run.mjs rewrites them to the ports it picks.
// Scenarios with a hand-written supergraph (a "handwritten" file beside it) are skipped.
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parse } from "graphql";
import { composeServices } from "@apollo/composition";

const here = new URL(".", import.meta.url).pathname;
const wanted = process.argv.slice(2);
const scenarios = wanted.length
    ? wanted
    : readdirSync(here).filter((d) => existsSync(`${here}${d}/subgraphs.mjs`));

let failed = false;
for (const scenario of scenarios) {
    const dir = `${here}${scenario}`;
    if (existsSync(`${dir}/handwritten`)) continue;
    const subgraphs = (await import(pathToFileURL(`${dir}/subgraphs.mjs`).href)).default;
    const services = Object.entries(subgraphs).map(([name, s]) => ({
        name,
        typeDefs: parse(s.typeDefs),
        url: `http://${name}.invalid/graphql`,
    }));
    const result = composeServices(services);
    if (result.errors) {
        failed = true;
        for (const e of result.errors) console.error(`${scenario}: ${e.message}`);
        continue;
    }
    writeFileSync(`${dir}/supergraph.graphql`, result.supergraphSdl + "\n");
    console.log(`${scenario}: composed ${services.length} subgraphs`);
}
process.exit(failed ? 1 : 0);
