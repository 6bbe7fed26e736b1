// parse-validate.mjs: graphql-js's side of `make bench-parse`. Parses and
// validates one operation against one schema in a loop for a fixed time and
// prints "graphql-js: N ops/s". usage: node parse-validate.mjs SCHEMA.graphql QUERY.graphql SECONDS
import { readFileSync } from "node:fs";
import { buildSchema, parse, validate } from "graphql";

const [schemaFile, queryFile, seconds = "3"] = process.argv.slice(2);
const schema = buildSchema(readFileSync(schemaFile, "utf8"));
const query = readFileSync(queryFile, "utf8");

function round(ms) {
  let n = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) {
      const errors = validate(schema, parse(query));
      if (errors.length) throw new Error(errors[0].message);
    }
    n += 100;
  }
  return n / (ms / 1000);
}
round(1000); // warm up the JIT
console.log(`graphql-js: ${Math.round(round(Number(seconds) * 1000))} ops/s`);
