// generate.mjs: records expected/*.json for every scenario from Apollo Gateway, the oracle.
//   node generate.mjs [--scenario X] [--gateway-cmd CMD] [--port N]
// The default command runs lib/apollo-oracle.mjs: Apollo Gateway from the install that
// /work/shared/bench/peers/run-peer.sh makes, so the tests need no gateway from npm.
// Errors are recorded without `extensions` (Apollo-specific codes); a `compare` member already in
// an expected file is kept, and a file with an `oracleWrong` member (an answer corrected by hand
// where Apollo Gateway has a bug, listed in apollo-differences.txt) is left alone (see README.md).
// Review the diff by hand before committing it.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { listScenarios, listQueries, post, root, withScenario } from "./lib/scenario.mjs";

const { values: opts } = parseArgs({
    options: {
        scenario: { type: "string" },
        "gateway-cmd": { type: "string" },
        port: { type: "string", default: "4150" },
    },
});
const command = opts["gateway-cmd"] ??
    `NODE_ENV=production exec node '${root}lib/apollo-oracle.mjs' {supergraph} {port}`;

function record(file, body) {
    const previous = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
    if (previous.oracleWrong) return;
    const out = {};
    if (previous.compare) out.compare = previous.compare;
    if (Object.hasOwn(body, "data")) out.data = body.data;
    // Messages naming a subgraph's URL carry a random port: keep the files stable.
    const stable = (message) => message.replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:PORT");
    // Errors of parallel fetches come in any order and are compared as a multiset: sort them.
    const key = (e) => `${JSON.stringify(e.path ?? null)} ${e.message}`;
    if (body.errors) {
        out.errors = body.errors.map(({ extensions, ...rest }) => ({ ...rest, message: stable(rest.message) }))
            .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    }
    if (body.text !== undefined) out.text = body.text;
    writeFileSync(file, JSON.stringify(out, null, 2) + "\n");
}

for (const scenario of listScenarios(opts.scenario)) {
    await withScenario(scenario, `http://127.0.0.1:${opts.port}/graphql`, command, async (gateway) => {
        for (const q of listQueries(scenario)) {
            const { body } = await post(gateway.url, q.query, q.variables);
            record(`${root}${scenario}/expected/${q.name}.json`, body);
        }
    });
    console.log(`${scenario}: recorded ${listQueries(scenario).length} answers`);
}
