// gen-large-supergraph.mjs: composes a large supergraph with Apollo's composition, for measuring
// sg_load (tools/wire-bench.c; figures in docs/PERFORMANCE.md).
//   NODE_PATH=tests/node_modules node tests/bench/gen-large-supergraph.mjs SUBGRAPHS TYPES > FILE
// Each of the TYPES entity types (keyed by id) lives in one owning subgraph with five fields and a
// list of the next type; two other subgraphs extend it with a field each (so entities span
// three subgraphs, as ownership tables do in real graphs); every subgraph has a root field.
import { createRequire } from 'module';
const require = createRequire(import.meta.url);
const { parse } = require('graphql');
const { composeServices } = require('@apollo/composition');

const nsub = Number(process.argv[2] || 50), ntypes = Number(process.argv[3] || 2000);
const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])\n';
const sdl = Array.from({ length: nsub }, () => [link]);
for (let t = 0; t < ntypes; t++) {
    const owner = t % nsub, next = (t + 1) % ntypes;
    sdl[owner].push(`type T${t} @key(fields: "id") {\n  id: ID!\n  name: String\n  count: Int\n` +
        `  price: Float\n  tags: [String!]!\n  next: [T${next}!]\n}\n`);
    if (next % nsub !== owner)
        sdl[owner].push(`type T${next} @key(fields: "id", resolvable: false) {\n  id: ID!\n}\n`);
    for (const k of [1, 2]) {
        const g = (owner + k * 7) % nsub;
        if (g === owner) continue;
        sdl[g].push(`type T${t} @key(fields: "id") {\n  id: ID!\n  extra${k}: String\n}\n`);
    }
}
for (let g = 0; g < nsub; g++) {
    const t = g % ntypes;
    sdl[g].push(`type Query {\n  root${g}: [T${t}]\n}\n`);
}
// A type defined twice in one subgraph (a stub and the full type) is merged into one definition.
function dedupe(parts) {
    const seen = new Map();
    for (const p of parts) {
        const m = /^type (\w+) /.exec(p);
        if (!m) { seen.set(p, p); continue; }
        if (!seen.has(m[1]) || seen.get(m[1]).length < p.length) seen.set(m[1], p);
    }
    return [...seen.values()].join('\n');
}
const services = sdl.map((parts, g) => ({
    name: `sub${g}`, url: `http://127.0.0.1:${5000 + g}/graphql`, typeDefs: parse(dedupe(parts)),
}));
const result = composeServices(services);
if (result.errors) {
    console.error(result.errors.slice(0, 5).map(String).join('\n'));
    process.exit(1);
}
process.stdout.write(result.supergraphSdl + '\n');
