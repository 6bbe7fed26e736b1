// bench.mjs: `make bench-compose`. Composes the generated graph (gen.mjs: 50 subgraphs, 2,000
// types) with @apollo/composition and with fedmesh's compose() (build/compose_bench) in one run,
// checks both give the same API schema, and prints the medians and the ratios (target >= 20x):
// wall clock, and CPU time (the process's, Node's GC threads included), which is the fairer
// figure when other work shares the machine.
//   node tests/compose/bench/bench.mjs [APOLLO_ROUNDS] [FEDMESH_ROUNDS]   (defaults 3 and 20)
// FEDMESH_BUILD=DIR takes compose_bench from DIR instead of build/.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, printSchema } from "graphql";
import { composeServices } from "@apollo/composition";
import { Supergraph } from "@apollo/federation-internals";
import { generate } from "./gen.mjs";

const here = new URL(".", import.meta.url).pathname;
const root = join(here, "../../..");
const build = process.env.FEDMESH_BUILD ?? join(root, "build");
const apolloRounds = Number(process.argv[2] ?? 3);
const fedmeshRounds = Number(process.argv[3] ?? 20);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const apiSchema = (sdl) => printSchema(Supergraph.build(sdl).apiSchema().toGraphQLJSSchema());

const dir = mkdtempSync(join(tmpdir(), "compose-bench-"));
try {
    const subgraphs = generate();
    for (const s of subgraphs) writeFileSync(join(dir, `${s.name}.graphql`), s.sdl);
    const types = new Set(subgraphs.flatMap((s) => [...s.sdl.matchAll(/^(?:type|interface|union|enum|input) (\w+)/gm)].map((m) => m[1])));
    console.log(`graph: ${subgraphs.length} subgraphs, ${types.size} types (Query included)`);

    // Apollo: the whole of composeServices, parsing included, as a control plane would run it.
    const apolloMs = [], apolloCpu = [];
    let apollo;
    for (let i = 0; i < apolloRounds; i++) {
        const start = performance.now(), cpuStart = process.cpuUsage();
        apollo = composeServices(subgraphs.map((s) => ({ name: s.name, url: `http://${s.name}.invalid/graphql`, typeDefs: parse(s.sdl) })));
        const cpu = process.cpuUsage(cpuStart);
        apolloMs.push(performance.now() - start);
        apolloCpu.push((cpu.user + cpu.system) / 1000);
        if (apollo.errors) throw new Error(`Apollo does not compose the graph: ${apollo.errors[0].message}`);
    }
    console.log(`apollo: median ${median(apolloMs).toFixed(2)} ms, min ${Math.min(...apolloMs).toFixed(2)} ms, cpu median ${median(apolloCpu).toFixed(2)} ms, ${apolloRounds} rounds`);

    const out = join(dir, "fedmesh.supergraph.graphql");
    const r = spawnSync(join(build, "compose_bench"), [dir, String(fedmeshRounds), out], { encoding: "utf8" });
    process.stdout.write(r.stdout);
    if (r.status !== 0) {
        process.stderr.write(r.stderr);
        throw new Error("fedmesh does not compose the graph");
    }
    const fedmeshMedian = Number(r.stdout.match(/: median ([0-9.]+) ms/)[1]);
    const fedmeshCpu = Number(r.stdout.match(/cpu median ([0-9.]+) ms/)[1]);
    const same = apiSchema(readFileSync(out, "utf8")) === apiSchema(apollo.supergraphSdl);
    console.log(`API schemas equal: ${same ? "yes" : "NO"}`);
    console.log(`ratio: fedmesh ${(median(apolloMs) / fedmeshMedian).toFixed(1)}x faster than @apollo/composition in wall time, ${(median(apolloCpu) / fedmeshCpu).toFixed(1)}x in CPU time (target >= 20x)`);
    if (!same) process.exitCode = 1;
} finally {
    rmSync(dir, { recursive: true, force: true });
}
