// diff.mjs: differential tests of fedmesh's composition against Apollo's (@apollo/composition).
//   node tests/compose/diff.mjs [--known-failures FILE] [--oracle-only] [SET...]
// (SET: ok/NAME or fail/NAME; default all; FEDMESH_BUILD=DIR takes the binaries from DIR).
// --oracle-only checks the sets themselves: Apollo's supergraph stands in for fedmesh's, so
// only Apollo's side and the harness are exercised.
// A set is a folder of subgraphs, one NAME.graphql each (the subgraph is called NAME; a first
// line "# url: URL" gives its routing URL).
//   ok/*:   both must compose, with the same hints (code and message, in order: fedmesh's
//           `compose --hints`); the API schemas (graphql-js printSchema of Apollo's, fedmesh-gql
//           api-schema of fedmesh's supergraph) must be equal; and Apollo's gateway must answer
//           every operation of queries.graphql identically on both supergraphs, the subgraphs
//           served in-process (LocalGraphQLDataSource) with generic resolvers (lib/subgraph.mjs).
//   fail/*: both must fail, with equal sets of error codes.
// The API schemas are compared as Apollo's gateway builds them from each supergraph SDL.
// One line per set, then "compose-diff: N passed, M failed". A set listed in the known-failures
// file (first word the set, the rest the reason) is reported but not counted as failed; one that
// passes while listed is a failure, so the list stays honest.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, printSchema, validate } from "graphql";
import { composeServices } from "@apollo/composition";
import { Supergraph } from "@apollo/federation-internals";
import { ApolloGateway, LocalGraphQLDataSource } from "@apollo/gateway";
import { buildGenericSubgraph } from "./lib/subgraph.mjs";

const here = new URL(".", import.meta.url).pathname;
const root = join(here, "../..");
const build = process.env.FEDMESH_BUILD ?? join(root, "build"); // where the binaries are
const controlplane = join(build, "fedmesh-controlplane");
const gql = join(build, "fedmesh-gql");
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

function parseArgs(argv) {
    const opts = { knownFailures: null, oracleOnly: false, sets: [] };
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === "--known-failures") opts.knownFailures = argv[++i];
        else if (argv[i] === "--oracle-only") opts.oracleOnly = true;
        else opts.sets.push(argv[i].replace(/\/$/, ""));
    }
    if (!opts.sets.length)
        for (const kind of ["ok", "fail"])
            if (existsSync(join(here, kind)))
                for (const d of readdirSync(join(here, kind)).sort()) opts.sets.push(`${kind}/${d}`);
    return opts;
}

function readKnownFailures(file) {
    const known = new Map();
    if (!file) return known;
    for (const line of readFileSync(file, "utf8").split("\n")) {
        const m = line.match(/^\s*([^#\s]\S*)\s*(.*)$/);
        if (m) known.set(m[1], m[2] || "(no reason given)");
    }
    return known;
}

function readSubgraphs(dir) {
    return readdirSync(dir)
        .filter((f) => f.endsWith(".graphql") && f !== "queries.graphql")
        .sort()
        .map((f) => {
            const name = f.slice(0, -".graphql".length);
            const sdl = readFileSync(join(dir, f), "utf8");
            const url = /^# url: (\S+)/.exec(sdl)?.[1] ?? `http://${name}.invalid/graphql`;
            return { name, file: join(dir, f), url, sdl };
        });
}

// A subgraph that graphql-js cannot parse counts as INVALID_GRAPHQL (as fail-oracle.mjs says).
function composeApollo(subgraphs) {
    try {
        return composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
    } catch (e) {
        return { errors: [{ message: String(e.message), extensions: { code: "INVALID_GRAPHQL" } }] };
    }
}

// Apollo's hints as fedmesh's `compose --hints` prints them: "CODE: message", one after the other.
function hintText(hints) {
    return (hints ?? []).map((h) => `${h.definition?.code ?? "HINT"}: ${h.message}`).join("\n");
}

// fedmesh's compose command: the supergraph on stdout, or "CODE: message" lines on stderr;
// withHints: its hints too (on stderr, each ending with its location, which is dropped here).
function composeFedmesh(subgraphs, withHints = false) {
    if (opts.oracleOnly) {
        const apollo = composeApollo(subgraphs);
        if (!apollo.errors) return { supergraphSdl: apollo.supergraphSdl, hints: hintText(apollo.hints) };
        return { errors: apollo.errors.map((e) => e.message), codes: apollo.errors.map((e) => e.extensions?.code) };
    }
    const args = ["compose", ...(withHints ? ["--hints"] : []),
        ...subgraphs.flatMap((s) => ["--subgraph", `${s.name}=${s.url}=${s.file}`])];
    const r = spawnSync(controlplane, args, { encoding: "utf8", maxBuffer: 1 << 28 });
    if (r.error) return { errors: [`cannot run ${controlplane}: ${r.error.message}`], codes: [] };
    if (r.status !== 0) {
        const lines = r.stderr.split("\n").filter(Boolean);
        const codes = lines.map((l) => l.match(/^([A-Z][A-Z0-9_]*): /)).filter(Boolean).map((m) => m[1]);
        return { errors: lines.length ? lines : [`exit status ${r.status}`], codes };
    }
    return { supergraphSdl: r.stdout, hints: r.stderr.replace(/ \(at [^)\n]*\)$/gm, "").trimEnd() };
}

// fedmesh's API schema of a supergraph: { api } or { error } when fedmesh-gql refuses it.
function fedmeshApiSchema(supergraphSdl) {
    const dir = mkdtempSync(join(tmpdir(), "compose-diff-"));
    try {
        writeFileSync(join(dir, "supergraph.graphql"), supergraphSdl);
        const r = spawnSync(gql, ["api-schema", join(dir, "supergraph.graphql")], { encoding: "utf8" });
        if (r.status !== 0) return { error: (r.stderr.trim() || `exit status ${r.status}`).split("\n").slice(0, 3).join(" | ") };
        return { api: r.stdout };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

function firstDifference(a, b) {
    const x = a.trimEnd().split("\n"), y = b.trimEnd().split("\n");
    for (let i = 0; i < Math.max(x.length, y.length); i++)
        if (x[i] !== y[i]) return `line ${i + 1}: apollo ${JSON.stringify(x[i] ?? "<end>")}, fedmesh ${JSON.stringify(y[i] ?? "<end>")}`;
    return null;
}

// Apollo's gateway and fedmesh's loader both refuse a supergraph that links a feature "for:
// SECURITY" (@authenticated, @requiresScopes, @policy), since they cannot enforce it. No
// credentials are checked here, so both supergraphs get that purpose removed alike before
// they are loaded.
function withoutSecurityPurpose(supergraphSdl) {
    return supergraphSdl.replace(/, for: SECURITY\)/g, ")");
}

// Apollo's gateway on a supergraph, its subgraphs served in-process.
async function startGateway(supergraphSdl, services) {
    const gateway = new ApolloGateway({
        supergraphSdl: withoutSecurityPurpose(supergraphSdl), logger: quiet,
        buildService: ({ name }) => new LocalGraphQLDataSource(services[name]),
    });
    const { schema, executor } = await gateway.load();
    const run = async (document, source, operationName) => {
        const errors = validate(schema, document);
        if (errors.length) return { errors: errors.map((e) => ({ message: e.message })) };
        const response = await executor({
            request: { query: source, operationName, variables: {} }, document, source,
            queryHash: `${operationName}:${source}`, operationName, schema, context: {}, logger: quiet,
            metrics: {}, overallCachePolicy: { restrict() {}, replace() {} },
        });
        return { data: response.data, errors: response.errors?.map((e) => ({ message: e.message, path: e.path })) };
    };
    return { run, stop: () => gateway.stop() };
}

async function answersDiffer(dir, subgraphs, apolloSdl, fedmeshSdl) {
    const queriesFile = join(dir, "queries.graphql");
    if (!existsSync(queriesFile)) return "no queries.graphql";
    const source = readFileSync(queriesFile, "utf8");
    const document = parse(source);
    const names = document.definitions.filter((d) => d.kind === "OperationDefinition").map((d) => d.name?.value);
    if (!names.length || names.some((n) => !n)) return "queries.graphql: every operation needs a name";
    const services = Object.fromEntries(subgraphs.map((s) => [s.name, buildGenericSubgraph(s.name, s.sdl)]));
    const apollo = await startGateway(apolloSdl, services);
    const fedmesh = await startGateway(fedmeshSdl, services);
    try {
        for (const name of names) {
            const want = await apollo.run(document, source, name);
            if (want.errors) return `${name}: Apollo's own supergraph answers with errors: ${JSON.stringify(want.errors)}`;
            if (process.env.COMPOSE_DIFF_VERBOSE) console.log(`  ${name}: ${JSON.stringify(want)}`);
            const got = await fedmesh.run(document, source, name);
            if (JSON.stringify(got) !== JSON.stringify(want))
                return `${name}: answers differ: apollo ${JSON.stringify(want)} fedmesh ${JSON.stringify(got)}`;
        }
    } finally {
        await apollo.stop();
        await fedmesh.stop();
    }
    return null;
}

// Returns null when the set passes, else why it does not.
async function checkOk(dir) {
    const subgraphs = readSubgraphs(dir);
    const apollo = composeApollo(subgraphs);
    if (apollo.errors) return `Apollo does not compose the set: ${apollo.errors[0].message}`;
    const fedmesh = composeFedmesh(subgraphs, true);
    if (fedmesh.errors) return `fedmesh does not compose: ${fedmesh.errors.slice(0, 3).join(" | ")}`;
    const hints = firstDifference(hintText(apollo.hints), fedmesh.hints);
    if (hints) return `hints differ at ${hints}`;
    // The API schema as Apollo builds it from the supergraph SDL (the composed schema object
    // keeps types in merge order; the SDL, and so what clients see, sorts them).
    const supergraph = Supergraph.build(withoutSecurityPurpose(apollo.supergraphSdl));
    const apolloApi = printSchema(supergraph.apiSchema().toGraphQLJSSchema());
    const fedmeshApi = fedmeshApiSchema(withoutSecurityPurpose(fedmesh.supergraphSdl));
    if (fedmeshApi.error) return `fedmesh's supergraph does not load: ${fedmeshApi.error}`;
    const diff = firstDifference(apolloApi, fedmeshApi.api);
    if (diff) return `API schemas differ at ${diff}`;
    return answersDiffer(dir, subgraphs, apollo.supergraphSdl, fedmesh.supergraphSdl);
}

async function checkFail(dir) {
    const subgraphs = readSubgraphs(dir);
    const apollo = composeApollo(subgraphs);
    if (!apollo.errors) return "Apollo composes the set";
    const fedmesh = composeFedmesh(subgraphs);
    if (!fedmesh.errors) return "fedmesh composes the set";
    const want = [...new Set(apollo.errors.map((e) => e.extensions?.code ?? "UNKNOWN"))].sort();
    const got = [...new Set(fedmesh.codes)].sort();
    if (want.join() !== got.join())
        return `error codes differ: apollo [${want}] fedmesh [${got}] (${fedmesh.errors[0]})`;
    return null;
}

const opts = parseArgs(process.argv.slice(2));
const known = readKnownFailures(opts.knownFailures);
let passed = 0, failed = 0, knownCount = 0;
for (const set of opts.sets) {
    const dir = join(here, set);
    let why;
    try {
        why = set.startsWith("fail/") ? await checkFail(dir) : await checkOk(dir);
    } catch (e) {
        why = `crashed: ${e.stack?.split("\n").slice(0, 3).join(" ") ?? e}`;
    }
    if (known.has(set)) {
        if (why) { knownCount++; console.log(`${set}: known failure (${known.get(set)})`); }
        else { failed++; console.log(`${set}: FAIL: passes but is listed in known failures; remove it`); }
    } else if (why) {
        failed++; console.log(`${set}: FAIL: ${why}`);
    } else {
        passed++; console.log(`${set}: ok`);
    }
}
console.log(`compose-diff: ${passed} passed, ${failed} failed (${knownCount} known failures)`);
process.exit(failed ? 1 : 0);
