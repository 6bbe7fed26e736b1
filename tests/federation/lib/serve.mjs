// serve.mjs: runs one scenario's subgraphs in this process, one HTTP port each.
//   node lib/serve.mjs SCENARIO_DIR   with FED_PORTS='{"name": port, ...}'
// SCENARIO_DIR/subgraphs.mjs default-exports { name: { typeDefs, resolvers, behavior } };
// behavior (optional) makes a subgraph misbehave on purpose, to test the gateway's error paths:
//   "down"     nothing listens on its port (connection refused)
//   "http500"  every request gets HTTP 500 with a plain-text body
//   "badjson"  every request gets HTTP 200 with a body that is not JSON
// Prints "ready" once every port listens.
import { createServer } from "node:http";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parse, execute, validate } from "graphql";
import { buildSubgraphSchema } from "@apollo/subgraph";

const dir = resolve(process.argv[2]);
const subgraphs = (await import(pathToFileURL(`${dir}/subgraphs.mjs`).href)).default;
const ports = JSON.parse(process.env.FED_PORTS ?? "{}");

function send(res, status, type, body) {
    res.writeHead(status, { "content-type": type });
    res.end(body);
}

async function answer(schema, body) {
    try {
        const { query, variables, operationName } = JSON.parse(body);
        const document = parse(query);
        const errors = validate(schema, document);
        if (errors.length) return { errors: errors.map((e) => e.toJSON()) };
        return await execute({ schema, document, variableValues: variables, operationName });
    } catch (e) {
        return { errors: [{ message: String(e.message ?? e) }] };
    }
}

function handler(subgraph, schema) {
    return (req, res) => {
        let body = "";
        req.on("data", (c) => (body += c));
        req.on("end", async () => {
            if (subgraph.behavior === "http500") return send(res, 500, "text/plain", "boom");
            if (subgraph.behavior === "badjson") return send(res, 200, "application/json", "{not json");
            send(res, 200, "application/json", JSON.stringify(await answer(schema, body)));
        });
    };
}

const listening = [];
for (const [name, subgraph] of Object.entries(subgraphs)) {
    if (!(name in ports)) throw new Error(`serve: no port for subgraph ${name}`);
    if (subgraph.behavior === "down") continue;
    const schema = buildSubgraphSchema([
        { typeDefs: parse(subgraph.typeDefs), resolvers: subgraph.resolvers ?? {} },
    ]);
    const server = createServer(handler(subgraph, schema));
    listening.push(new Promise((ok) => server.listen(ports[name], "127.0.0.1", ok)));
}
await Promise.all(listening);
console.log("ready");
