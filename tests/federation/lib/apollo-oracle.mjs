// apollo-oracle.mjs: Apollo Gateway on a supergraph, introspection on, for generate.mjs.
//   node lib/apollo-oracle.mjs SUPERGRAPH PORT
// Loads @apollo/gateway and @apollo/server from FEDMESH_PEERS_DIR (default /tmp/fedmesh-peers,
// installed by /work/shared/bench/peers/run-peer.sh), so the tests themselves never need them.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const peers = process.env.FEDMESH_PEERS_DIR ?? "/tmp/fedmesh-peers";
const require = createRequire(`${peers}/package.json`);
const { ApolloServer } = require("@apollo/server");
const { startStandaloneServer } = require("@apollo/server/standalone");
const { ApolloGateway } = require("@apollo/gateway");

const [supergraph, port] = process.argv.slice(2);
const gateway = new ApolloGateway({ supergraphSdl: readFileSync(supergraph, "utf8") });
const server = new ApolloServer({ gateway, introspection: true });
const { url } = await startStandaloneServer(server, { listen: { port: Number(port), host: "127.0.0.1" } });
console.log(`apollo oracle ready at ${url}`);
