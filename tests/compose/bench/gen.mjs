// gen.mjs: the composition benchmark's graph, 50 subgraphs and 2,000 types, written as
// DIR/sNN.graphql (default build/compose-bench). Deterministic; it composes and is satisfiable.
//   800 entities E<i> (@key "id"), owned by subgraph i % 50 and extended by two others, which
//       add fields of their own, a @shareable label, and a @requires on the owner's weight;
//       each entity points at the next one (a resolvable: false reference where it is not owned);
//   600 @shareable value types V<k>, in two subgraphs each;
//   100 interfaces I<k> and 100 unions U<k> over the entities of one subgraph;
//   300 enums N<k>, output in two subgraphs (values merged), half of them input too in the first
//       (values equal);
//   100 input types In<k>, in two subgraphs with different optional fields (intersected).
//   node tests/compose/bench/gen.mjs [DIR]
import { mkdirSync, writeFileSync } from "node:fs";

export const SUBGRAPHS = 50;
const ENTITIES = 800, VALUES = 600, INTERFACES = 100, UNIONS = 100, ENUMS = 300, INPUTS = 100;
const PER = ENTITIES / SUBGRAPHS; // entities owned per subgraph

const owner = (i) => i % SUBGRAPHS;
const extenders = (i) => [(i + 17) % SUBGRAPHS, (i + 31) % SUBGRAPHS];
const pad = (n) => String(n).padStart(2, "0");

function ownedEntity(i, s) {
    const j = Math.floor(i / SUBGRAPHS); // 0..PER-1: its rank in its subgraph
    const impl = [];
    for (let k = s; k < INTERFACES; k += SUBGRAPHS)
        if (Math.floor(k / SUBGRAPHS) * 2 === j || Math.floor(k / SUBGRAPHS) * 2 + 1 === j) impl.push(`I${k}`);
    const value = `V${s + SUBGRAPHS * (j % (VALUES / SUBGRAPHS))}`;
    const status = `N${s + SUBGRAPHS * (j % (ENUMS / SUBGRAPHS))}`;
    return `type E${i}${impl.length ? " implements " + impl.join(" & ") : ""} @key(fields: "id") {
  id: ID!
  name: String
  weight: Int
  label: String @shareable
  info: ${value}
  status: ${status}
  next: E${(i + 1) % ENTITIES}
  score(factor: Float = 1.0, filter: In${s}): Float
}`;
}

function extendedEntity(i, s) {
    return `type E${i} @key(fields: "id") {
  id: ID!
  label: String @shareable
  weight: Int @external
  cost_${s}: Int @requires(fields: "weight")
  extra_${s}: String
}`;
}

function subgraph(s) {
    const parts = [`extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable", "@external", "@requires"])`];
    const defined = new Set();
    const query = [];
    for (let i = s; i < ENTITIES; i += SUBGRAPHS) {
        parts.push(ownedEntity(i, s));
        defined.add(i);
        query.push(`  e${i}(id: ID!): E${i}`);
    }
    for (let i = 0; i < ENTITIES; i++)
        if (owner(i) !== s && extenders(i).includes(s)) { parts.push(extendedEntity(i, s)); defined.add(i); }
    for (let i = s; i < ENTITIES; i += SUBGRAPHS) {
        const next = (i + 1) % ENTITIES;
        if (!defined.has(next)) {
            parts.push(`type E${next} @key(fields: "id", resolvable: false) {\n  id: ID!\n}`);
            defined.add(next);
        }
    }
    for (let k = 0; k < VALUES; k++)
        if (k % SUBGRAPHS === s || (k + 7) % SUBGRAPHS === s)
            parts.push(`type V${k} @shareable {\n  a: Int\n  b: String\n  c: [Int!]\n}`);
    for (let k = s; k < INTERFACES; k += SUBGRAPHS) parts.push(`interface I${k} {\n  id: ID!\n  name: String\n}`);
    for (let k = s; k < UNIONS; k += SUBGRAPHS) {
        const j = Math.floor(k / SUBGRAPHS) * 2;
        parts.push(`union U${k} = E${s + SUBGRAPHS * j} | E${s + SUBGRAPHS * (j + 1)}`);
        query.push(`  u${k}: [U${k}]`);
    }
    for (let k = s; k < INTERFACES; k += SUBGRAPHS) query.push(`  i${k}: I${k}`);
    for (let k = 0; k < ENUMS; k++) {
        const both = k % 2 === 0; // used as input too: then the values must agree
        if (k % SUBGRAPHS === s) {
            parts.push(`enum N${k} {\n  A${k}\n  B${k}\n  C${k}\n}`);
            if (both) query.push(`  byStatus${k}(status: N${k}): Int`);
        } else if ((k + 3) % SUBGRAPHS === s) {
            parts.push(`enum N${k} {\n  A${k}\n  B${k}\n${both ? `  C${k}\n` : ""}}`);
            query.push(`  status${k}: N${k}`);
        }
    }
    for (let k = 0; k < INPUTS; k++)
        if (k % SUBGRAPHS === s || (k + 11) % SUBGRAPHS === s) {
            const extra = k % SUBGRAPHS === s ? "min" : "max";
            parts.push(`input In${k} {\n  text: String\n  limit: Int = 10\n  ${extra}: Int\n}`);
            if (k % SUBGRAPHS !== s) query.push(`  find${k}(where: In${k}): [ID]`);
        }
    parts.push(`type Query {\n${query.join("\n")}\n}`);
    return parts.join("\n\n") + "\n";
}

export function generate() {
    return Array.from({ length: SUBGRAPHS }, (_, s) => ({ name: `s${pad(s)}`, sdl: subgraph(s) }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
    const dir = process.argv[2] ?? "build/compose-bench";
    mkdirSync(dir, { recursive: true });
    for (const { name, sdl } of generate()) writeFileSync(`${dir}/${name}.graphql`, sdl);
    console.log(`wrote ${SUBGRAPHS} subgraphs to ${dir}`);
}
