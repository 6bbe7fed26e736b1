// validate_structure_graphql_js.mjs: differential test of the structure rules
// (validate_structure_rules, through build/validate-rules) against graphql-js
// 16 on pseudo-random documents over the pets schema of planner/vtest.h:
// right and wrong fields, arguments and directives, fragments that spread
// each other (cycles included) on fitting and unfitting types, inline
// fragments, several operations of every kind, deep introspection, and
// type-system definitions mixed in. Errors are compared as sorted lists: the
// structure rules report in their own order.
//
//   node validate_structure_graphql_js.mjs [COUNT]   (default 1500 documents)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as g from 'graphql';

const root = new URL('../..', import.meta.url).pathname;
const tool = root + 'build/validate-rules';

// The schema is the unit tests' own: the C string literal in vtest.h.
const header = readFileSync(root + 'planner/vtest.h', 'utf8');
const literal = header.slice(header.indexOf('vtest_pets_sdl[] ='), header.indexOf(';', header.indexOf('vtest_pets_sdl[] =')));
const sdl = [...literal.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse('"' + m[1] + '"')).join('');
const schema = g.buildSchema(sdl);

const rules = [g.ExecutableDefinitionsRule, g.UniqueOperationNamesRule, g.LoneAnonymousOperationRule,
  g.SingleFieldSubscriptionsRule, g.KnownTypeNamesRule, g.FragmentsOnCompositeTypesRule, g.ScalarLeafsRule,
  g.FieldsOnCorrectTypeRule, g.UniqueFragmentNamesRule, g.KnownFragmentNamesRule, g.NoUnusedFragmentsRule,
  g.PossibleFragmentSpreadsRule, g.NoFragmentCyclesRule, g.KnownArgumentNamesRule, g.UniqueArgumentNamesRule,
  g.ProvidedRequiredArgumentsRule, g.MaxIntrospectionDepthRule];

// A small deterministic generator (the same documents on every run).
let seed = 20261128;
const rnd = (n) => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) % n;
};
const pick = (list) => list[rnd(list.length)];

const fields = ['dog', 'pet', 'human', 'catOrDog', 'dogOrHuman', 'humanOrAlien', 'alien', 'complex', 'name',
  'nickname', 'barkVolume', 'barks', 'doesKnowCommand', 'isHouseTrained', 'isAtLocation', 'owner', 'mother',
  'friends', 'meows', 'meowVolume', 'furColor', 'pets', 'relatives', '__typename', '__schema', '__type', 'nme',
  'nope', 'body', 'sender', 'newMessage', 'disallowedSecondRootField', 'mutateDog', 'types', 'queryType',
  'kind', 'fields', 'interfaces', 'possibleTypes', 'inputFields', 'type', 'ofType'];
const types = ['Dog', 'Cat', 'Pet', 'Canine', 'CatOrDog', 'DogOrHuman', 'HumanOrAlien', 'Human', 'Alien',
  'Query', 'Subscription', 'Int', 'String', 'DogCommand', 'ComplexInput', 'Nope', 'Dgo', '__Type', '__Field'];
const argNames = ['dogCommand', 'atOtherHomes', 'x', 'y', 'surname', 'id', 'req', 'opt', 'input', 'nullable',
  'name', 'if', 'iff', 'z'];
const values = ['1', 'true', 'SIT', '"s"', 'null', '$v', '{requiredField: true}', '[1]'];
const directiveUses = ['@include(if: true)', '@skip(if: false)', '@skip(if: true)', '@include', '@check',
  '@check(req: 1)', '@check(req: 1, req: 2)', '@nope(a: 1)', '@include(if: true, x: 1)',
  '@check(opts: 1, req: 2)'];
const fragmentNames = ['A', 'B', 'C', 'D'];

function args() {
  if (rnd(3)) return '';
  const list = Array.from({ length: 1 + rnd(3) }, () => pick(argNames) + ': ' + pick(values));
  return '(' + list.join(', ') + ')';
}
const directive = () => (rnd(5) ? '' : ' ' + pick(directiveUses));

function selections(depth) {
  const out = Array.from({ length: 1 + rnd(3) }, () => {
    const kind = rnd(10);
    if (kind < 6 || depth > 4) {
      const alias = rnd(6) ? '' : pick(['a', 'b', 'x']) + ': ';
      const sub = depth <= 4 && rnd(2) ? ' ' + selections(depth + 1) : '';
      return alias + pick(fields) + args() + directive() + sub;
    }
    if (kind < 8) return '...' + pick(fragmentNames.concat(['Z'])) + directive();
    return '...' + (rnd(3) ? ' on ' + pick(types) : '') + directive() + ' ' + selections(depth + 1);
  });
  return '{ ' + out.join(' ') + ' }';
}

function typeDefinition() {
  return pick(['type T' + directive() + ' { a(x: Int' + directive() + '): Nope' + directive() + ' }',
    'scalar S' + directive(), 'extend type Dog' + directive() + ' { q: Int }',
    'schema' + directive() + ' { query: Query }',
    'directive @check(' + pick(['req: Int', 'opt: Int!', 'req: Int!, opt: String!', 'x: Int']) + ') on FIELD | QUERY',
    'directive @include(x: Int!) on FIELD', 'enum E' + directive() + ' { A' + directive() + ' }',
    'input I { a: Int' + directive() + ' }', 'union U' + directive() + ' = Dog']);
}

function documentText() {
  const defs = [];
  const operations = 1 + rnd(3);
  for (let i = 0; i < operations; i++) {
    const keyword = pick(['query', 'query', 'mutation', 'subscription', '']);
    if (keyword === '') {
      defs.push(selections(0));
      continue;
    }
    const name = rnd(3) ? ' ' + pick(['Q', 'R', 'Q']) : '';
    const variables = rnd(3) ? '' : '($v: ' + pick(['Int', '[String!]', 'Nope', 'ComplexInput', 'Dog', 'Boolean!']) +
      (rnd(2) ? ' @check' : '') + ')';
    defs.push(keyword + name + variables + directive() + ' ' + selections(0));
  }
  const fragments = rnd(4);
  for (let i = 0; i < fragments; i++)
    defs.push('fragment ' + pick(fragmentNames) + ' on ' + pick(types) + directive() + ' ' + selections(1));
  const typeDefinitions = rnd(3) ? 0 : 1 + rnd(3);
  for (let i = 0; i < typeDefinitions; i++) defs.push(typeDefinition());
  return defs.join('\n') + '\n';
}

// graphql-js's single-root-field rule throws on a subscription whose
// @skip/@include condition has no value (a variable, or no argument at all):
// such documents are not compared.
function expected(doc) {
  let errors;
  try {
    errors = g.validate(schema, g.parse(doc), rules, { maxErrors: 100000 });
  } catch {
    return null;
  }
  return errors.map((e) =>
    e.message + ' @' + (e.locations ?? []).slice(0, 4).map((l) => `${l.line}:${l.column}`).join(',')).sort();
}

const count = Number(process.argv[2] ?? 1500);
const docs = Array.from({ length: count }, documentText);
const dir = mkdtempSync(tmpdir() + '/fedmesh-structure-');
let output;
try {
  writeFileSync(dir + '/pets.graphql', sdl);
  output = execFileSync(tool, ['structure', dir + '/pets.graphql'], {
    input: docs.join('\n\f\n'), maxBuffer: 1 << 28,
  }).toString();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const results = output.split('\f\n');
let failures = 0, compared = 0;
docs.forEach((doc, i) => {
  const want = expected(doc);
  if (want === null) return;
  compared++;
  const got = results[i].split('\n').filter((line) => line !== '').sort();
  if (got.join('\n') === want.join('\n')) return;
  if (++failures <= 5)
    console.log(`FAIL document ${i}:\n${doc}--- graphql-js:\n${want.join('\n')}\n--- fedmesh:\n${got.join('\n')}\n`);
});
console.log(`validate_structure_graphql_js: ${compared - failures} of ${compared} documents agree`);
process.exit(failures ? 1 : 0);
