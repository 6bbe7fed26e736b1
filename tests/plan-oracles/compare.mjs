// compare.mjs: how many subgraph requests and sequential steps Hive Router's
// and Apollo's query planners need for each query of tests/fixtures/plans/,
// the yardstick for fedmesh's planner (tests/integration/plan_counts.sh).
//
//   node tests/plan-oracles/compare.mjs [FILE.graphql...]
// prints one line per query: "NAME hive F D apollo F D" (F fetches, D steps;
// "- -" when that planner refuses the query).
// A query file NAME.graphql runs against tests/fixtures/supergraph/P.graphql
// where P is NAME up to its first "-" (bench: bench/workload/supergraph.graphql).
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'tests', 'package.json'));
const { parse } = require('graphql');
const { QueryPlanner: ApolloPlanner } = require('@apollo/query-planner');
const { Supergraph, operationFromDocument } = require('@apollo/federation-internals');
const { QueryPlanner: HivePlanner } = require('@graphql-hive/router-query-planner');

export function supergraphFor(queryFile) {
    const prefix = basename(queryFile, '.graphql').split('-')[0];
    return prefix === 'bench'
        ? join(root, 'bench', 'workload', 'supergraph.graphql')
        : join(root, 'tests', 'fixtures', 'supergraph', `${prefix}.graphql`);
}

// Fetches when every branch runs, and the longest chain of dependent steps.
function measure(node) {
    if (!node) return { fetches: 0, depth: 0 };
    switch (node.kind) {
        case 'Fetch':
        case 'BatchFetch':
            return { fetches: 1, depth: 1 };
        case 'Flatten':
            return measure(node.node);
        case 'Sequence':
        case 'Parallel': {
            let fetches = 0, depth = 0;
            for (const child of node.nodes) {
                const m = measure(child);
                fetches += m.fetches;
                depth = node.kind === 'Sequence' ? depth + m.depth : Math.max(depth, m.depth);
            }
            return { fetches, depth };
        }
        case 'Condition': {
            const a = measure(node.ifClause), b = measure(node.elseClause);
            return { fetches: a.fetches + b.fetches, depth: Math.max(a.depth, b.depth) };
        }
        default:
            throw new Error(`unknown plan node ${node.kind}`);
    }
}

function hiveCounts(sdl, query) {
    const plan = new HivePlanner(sdl).plan(query, null, new Set(), 0);
    return measure(plan.node);
}

function apolloCounts(sdl, query) {
    const supergraph = Supergraph.build(sdl);
    const operation = operationFromDocument(supergraph.apiSchema(), parse(query), {});
    const plan = new ApolloPlanner(supergraph).buildQueryPlan(operation);
    return measure(plan.node);
}

function attempt(fn) {
    try {
        return fn();
    } catch {
        return null;
    }
}

const dir = join(root, 'tests', 'fixtures', 'plans');
const files = process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort().map((f) => join(dir, f));
for (const file of files) {
    const sdl = readFileSync(supergraphFor(file), 'utf8');
    const query = readFileSync(file, 'utf8');
    const show = (m) => (m ? `${m.fetches} ${m.depth}` : '- -');
    const hive = attempt(() => hiveCounts(sdl, query));
    const apollo = attempt(() => apolloCounts(sdl, query));
    console.log(`${basename(file, '.graphql')} hive ${show(hive)} apollo ${show(apollo)}`);
}
