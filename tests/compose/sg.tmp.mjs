import { readFileSync, readdirSync } from "node:fs";
import { parse, printSchema } from "graphql";
import { composeServices } from "@apollo/composition";
const dir = process.argv[2];
const s = readdirSync(dir).filter(f => f.endsWith(".graphql") && f !== "queries.graphql").sort()
  .map(f => ({ name: f.replace(".graphql",""), url: `http://${f.replace(".graphql","")}.invalid/graphql`, typeDefs: parse(readFileSync(dir+"/"+f,"utf8")) }));
const r = composeServices(s);
if (r.errors) { for (const e of r.errors) console.error(e.extensions?.code, e.message); process.exit(1); }
if (process.argv[3] === "api") console.log(printSchema(r.schema.toAPISchema().toGraphQLJSSchema()));
else console.log(r.supergraphSdl);
