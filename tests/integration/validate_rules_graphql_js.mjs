// validate_rules_graphql_js.mjs: differential test of the value, variable,
// directive and overlap rules (through build/validate-rules) against
// graphql-js 16 on pseudo-random documents over tests/validate/schema.graphql:
// right and wrong literals of every kind, variables with and without
// defaults, directives in every place, aliases, inline fragments and
// fragments. Each group's errors must be graphql-js's: same messages, same
// locations, same order.
//
//   node validate_rules_graphql_js.mjs [COUNT [GROUP...]]
//
// GROUP is values, overlap or all (every rule, compared as sorted lists
// since fedmesh runs its rule groups one after another); default: all three,
// on 1000 documents.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as g from 'graphql';

const root = new URL('../..', import.meta.url).pathname;
const tool = root + 'build/validate-rules';
const schemaFile = root + 'tests/validate/schema.graphql';
const schema = g.buildSchema(readFileSync(schemaFile, 'utf8'));

const groups = {
  values: { sorted: false, rules: [g.ValuesOfCorrectTypeRule, g.UniqueInputFieldNamesRule,
    g.KnownDirectivesRule, g.UniqueDirectivesPerLocationRule, g.UniqueVariableNamesRule,
    g.VariablesAreInputTypesRule, g.NoUndefinedVariablesRule, g.NoUnusedVariablesRule,
    g.VariablesInAllowedPositionRule] },
  overlap: { sorted: false, rules: [g.OverlappingFieldsCanBeMergedRule] },
  all: { sorted: true, rules: g.specifiedRules },
};

// A small deterministic generator (the same documents on every run).
let seed = 20261128;
const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;

const variableNames = ['a', 'b', 'c', 'int', 'str', 'list', 'obj', 'fur'];
const variableTypes = ['Int', 'Int!', 'String', '[String]', '[String!]!', 'ComplexInput', 'FurColor',
  'Boolean', 'Boolean!', '[[Int!]]', 'OneOfInput', 'ID', 'Dog', 'Float', 'Unknown'];
const scalars = ['0', '-1', '2147483648', '1.5', '1e3', '"str"', '"""blk"""', 'true', 'false', 'SIT',
  'BROWN', '"BROWN"', '"a\\"b\\\\c\\u0001"'];
const directiveUses = ['@include(if: $b)', '@include(if: false)', '@skip(if: true)', '@onField',
  '@rep', '@onFrag', '@onInline', '@withArg(arg: 1)', '@withArg(arg: "x", opt: {intField: 1})',
  '@unknown', '@onQuery', '@skip(if: $b) @skip(if: true)'];
const fragmentNames = ['FA', 'FB', 'FC'];

function literal(type, depth, constant) {
  const r = random();
  if (r < 0.12 && !constant) return '$' + pick(variableNames);
  if (r < 0.18) return 'null';
  if (depth > 2) return pick(scalars);
  const nullable = type && g.getNullableType(type);
  if (r < 0.3) {
    const item = nullable && g.isListType(nullable) ? nullable.ofType : type;
    const items = Array.from({ length: Math.floor(random() * 3) }, () => literal(item, depth + 1, constant));
    return '[' + items.join(', ') + ']';
  }
  const named = type && g.getNamedType(type);
  const inputObject = g.isInputObjectType(named);
  if (r < 0.45 || (inputObject && r < 0.8)) {
    const defs = inputObject ? named.getFields() : {};
    const names = inputObject ? Object.keys(defs) : ['x'];
    const fields = Array.from({ length: Math.floor(random() * 4) }, () => {
      const name = chance(0.85) ? pick(names) : pick(['zz', 'requiredFeild']);
      return name + ': ' + literal(defs[name]?.type, depth + 1, constant);
    });
    return '{' + fields.join(', ') + '}';
  }
  if (g.isEnumType(named) && chance(0.6))
    return pick(named.getValues().map((v) => v.name).concat(['brown', 'PURPLE']));
  return pick(scalars);
}

function argumentList(field) {
  if (!field.args?.length) return chance(0.1) ? '(bogus: 1)' : '';
  const args = field.args.filter(() => chance(0.6)).map((a) => a.name + ': ' + literal(a.type, 0));
  if (args.length && chance(0.1)) args.push(args[0]);
  return args.length ? '(' + args.join(', ') + ')' : '';
}

function directives() {
  let text = '';
  while (chance(0.15)) text += ' ' + pick(directiveUses);
  return text;
}

function selections(type, depth) {
  const named = g.getNamedType(type);
  const out = [];
  for (let i = 1 + Math.floor(random() * 4); i > 0; i--) {
    const r = random();
    if (r < 0.1 && depth < 4) {
      out.push('...' + pick(fragmentNames) + directives());
    } else if (r < 0.2 && depth < 4) {
      const condition = pick(['Dog', 'Cat', 'Pet', 'CatOrDog', 'Query', 'Human', '']);
      const inner = condition ? schema.getType(condition) : named;
      out.push('...' + (condition ? ' on ' + condition : '') + directives() + ' { ' +
               selections(inner, depth + 1) + ' }');
    } else {
      const fields = g.isObjectType(named) || g.isInterfaceType(named) ? Object.values(named.getFields()) : [];
      const field = fields.length && chance(0.9) ? pick(fields)
        : { name: pick(['name', 'nickname', '__typename', 'unknownField']), args: [] };
      const alias = chance(0.3) ? pick(['x', 'y', 'name', 'a']) + ': ' : '';
      const fieldType = field.type && g.getNamedType(field.type);
      const sub = fieldType && !g.isLeafType(fieldType) && depth < 4
        ? ' { ' + selections(field.type, depth + 1) + ' }' : '';
      out.push(alias + field.name + argumentList(field) + directives() + sub);
    }
  }
  return out.join(' ');
}

function variableDefinitions() {
  const defs = Array.from({ length: Math.floor(random() * 4) }, () => {
    const type = pick(variableTypes);
    const fallback = chance(0.3) ? ' = ' + literal(schema.getType(type.replace(/[[\]!]/g, '')), 1, true) : '';
    return '$' + pick(variableNames) + ': ' + type + fallback + (chance(0.1) ? ' @onVar' : '');
  });
  return defs.length ? '(' + defs.join(', ') + ')' : '';
}

function documentText() {
  let text = '';
  const operations = 1 + Math.floor(random() * 2);
  for (let i = 0; i < operations; i++) {
    const header = i === 0 && chance(0.2) ? '' : 'query Q' + i + variableDefinitions() + directives() + ' ';
    text += header + '{ ' + selections(schema.getQueryType(), 0) + ' }\n';
  }
  for (const name of fragmentNames) {
    if (!chance(0.7)) continue;
    const condition = pick(['Dog', 'Cat', 'Pet', 'Query']);
    text += 'fragment ' + name + ' on ' + condition + directives() + ' { ' +
            selections(schema.getType(condition), 1) + ' }\n';
  }
  return text;
}

function expected(doc, group) {
  let ast;
  try {
    ast = g.parse(doc);
  } catch {
    return null; // not a document: nothing to compare
  }
  const lines = g.validate(schema, ast, groups[group].rules, { maxErrors: 100000 }).map((e) =>
    e.message + ' @' + (e.locations ?? []).slice(0, 4).map((l) => `${l.line}:${l.column}`).join(','));
  return groups[group].sorted ? lines.sort() : lines;
}

const count = Number(process.argv[2] ?? 1000);
const chosen = process.argv.length > 3 ? process.argv.slice(3) : ['values', 'overlap', 'all'];
const docs = Array.from({ length: count }, documentText);
let failures = 0, compared = 0;
for (const group of chosen) {
  const output = execFileSync(tool, [group, schemaFile], {
    input: docs.join('\n\f\n'), maxBuffer: 1 << 28,
  }).toString();
  const results = output.split('\f\n');
  docs.forEach((doc, i) => {
    const want = expected(doc, group);
    if (want === null) return;
    compared++;
    let got = results[i].split('\n').filter((line) => line !== '');
    if (groups[group].sorted) got = got.sort();
    if (got.join('\n') === want.join('\n')) return;
    if (++failures <= 5)
      console.log(`FAIL ${group} document ${i}:\n${doc}--- graphql-js:\n${want.join('\n')}\n--- fedmesh:\n${got.join('\n')}\n`);
  });
}
console.log(`validate_rules_graphql_js: ${compared - failures} of ${compared} documents agree`);
process.exit(failures ? 1 : 0);
