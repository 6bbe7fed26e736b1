// run.mjs: runs the federation scenarios against a gateway and checks every answer.
//   node run.mjs GATEWAY_URL --gateway-cmd CMD [--scenario X] [--known-failures FILE] [--verbose]
// For each scenario: starts its subgraphs on free ports, runs CMD through sh to start the gateway
// ({supergraph} is replaced by a temporary copy of the scenario's supergraph whose subgraph URLs
// point at those ports, {port} by GATEWAY_URL's port), sends each query, compares the answer
// with expected/ID.json, then stops everything. Prints PASS/FAIL per query and a final line
// "federation: N passed, M failed". GATEWAY_URL with port 0 (http://127.0.0.1:0/graphql) takes a
// free port for each gateway start. Exits 1 if a failure is not listed in the known-failures file
// (lines "scenario/query reason"), else 0.
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { listScenarios, listQueries, post, root, withScenario } from "./lib/scenario.mjs";
import { compareResponse } from "./lib/compare.mjs";

const { values: opts, positionals } = parseArgs({
    allowPositionals: true,
    options: {
        "gateway-cmd": { type: "string" },
        scenario: { type: "string" },
        "known-failures": { type: "string" },
        verbose: { type: "boolean", default: false },
    },
});
const [gatewayUrl] = positionals;
if (!gatewayUrl || !opts["gateway-cmd"]) {
    console.error("usage: run.mjs GATEWAY_URL --gateway-cmd CMD [--scenario X] [--known-failures FILE]");
    process.exit(2);
}

function readKnownFailures(file) {
    const known = new Map();
    if (!file) return known;
    for (const line of readFileSync(file, "utf8").split("\n")) {
        const trimmed = line.trim();
        if (!trimmed || trimmed.startsWith("#")) continue;
        const [id, ...reason] = trimmed.split(/\s+/);
        known.set(id, reason.join(" "));
    }
    return known;
}

// A gateway that crashed on a query is restarted, so that one crash fails only its own query.
async function check(gateway, q) {
    const expected = JSON.parse(readFileSync(`${root}${q.id.replace("/", "/expected/")}.json`, "utf8"));
    let actual;
    try {
        actual = (await post(gateway.url, q.query, q.variables)).body;
    } catch (e) {
        const status = await gateway.exitStatus();
        if (status === null) return { reason: `request failed: ${e.cause?.message ?? e.message}` };
        await gateway.restart();
        return { reason: `gateway exited (${status}) on this query` };
    }
    return { reason: compareResponse(expected, actual), expected, actual };
}

const known = readKnownFailures(opts["known-failures"]);
const results = [];
for (const scenario of listScenarios(opts.scenario)) {
    const queries = listQueries(scenario);
    try {
        await withScenario(scenario, gatewayUrl, opts["gateway-cmd"], async (gateway) => {
            for (const q of queries) results.push({ id: q.id, ...(await check(gateway, q)) });
        }, opts.verbose);
    } catch (e) {
        const reason = `scenario did not run: ${e.message.split("\n")[0]}`;
        console.error(e.message);
        for (const q of queries) if (!results.some((r) => r.id === q.id)) results.push({ id: q.id, reason });
    }
}

let passed = 0, failed = 0, unknown = 0;
for (const r of results) {
    if (!r.reason) {
        passed++;
        console.log(`PASS ${r.id}${known.has(r.id) ? " (listed as a known failure: remove it)" : ""}`);
        continue;
    }
    failed++;
    if (known.has(r.id)) {
        console.log(`FAIL ${r.id}: ${r.reason} (known: ${known.get(r.id)})`);
        continue;
    }
    unknown++;
    console.log(`FAIL ${r.id}: ${r.reason}`);
    if (r.actual) {
        console.log(`  expected: ${JSON.stringify(r.expected).slice(0, 600)}`);
        console.log(`  got:      ${JSON.stringify(r.actual).slice(0, 600)}`);
    }
}
console.log(`federation: ${passed} passed, ${failed} failed`);
if (failed) console.log(`federation: ${failed - unknown} of the failures are known, ${unknown} are not`);
process.exit(unknown ? 1 : 0);
