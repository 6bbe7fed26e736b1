// bench_subgraphs.mjs: replays request/response fixtures against subgraphs.
//   node bench_subgraphs.mjs check  PORT_BASE DIR   compare with DIR/*.json, exit 1 on mismatch
//   node bench_subgraphs.mjs record PORT_BASE DIR
//        re-records the response of every DIR/*.json from the subgraphs at
//        PORT_BASE (the reference ones); a new case is a file with just
//        {"subgraph": ..., "request": ...}.
// Responses are compared as parsed JSON, member order included: graphql-js
// orders fields as selected, and so must the subgraphs.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";

const ports = { accounts: 1, inventory: 2, products: 3, reviews: 4 };
const [mode, base, dir] = process.argv.slice(2);

async function post(subgraph, request) {
  const url = `http://127.0.0.1:${Number(base) + ports[subgraph]}/graphql`;
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(request),
    signal: AbortSignal.timeout(10000),
  });
  if (!(res.headers.get("content-type") ?? "").startsWith("application/json"))
    throw new Error(`${url}: content-type ${res.headers.get("content-type")}`);
  return JSON.parse(await res.text());
}

async function record() {
  const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  for (const file of files) {
    const { subgraph, request } = JSON.parse(readFileSync(`${dir}/${file}`, "utf8"));
    const response = await post(subgraph, request);
    writeFileSync(`${dir}/${file}`, JSON.stringify({ subgraph, request, response }, null, 1) + "\n");
  }
  console.log(`recorded ${files.length} cases`);
}

async function check() {
  let passed = 0, failed = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const { subgraph, request, response } = JSON.parse(readFileSync(`${dir}/${file}`, "utf8"));
    let got;
    try {
      got = await post(subgraph, request);
    } catch (e) {
      got = { transportError: String(e) };
    }
    if (JSON.stringify(got) === JSON.stringify(response)) {
      passed++;
    } else {
      failed++;
      console.log(`MISMATCH ${file}\n  want: ${JSON.stringify(response).slice(0, 600)}\n  got:  ${JSON.stringify(got).slice(0, 600)}`);
    }
  }
  console.log(`bench-subgraphs fixtures: ${passed} passed, ${failed} failed`);
  process.exit(failed || passed === 0 ? 1 : 0);
}

await (mode === "record" ? record() : check());
