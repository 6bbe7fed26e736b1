// parser_graphql_js.mjs: differential test of fedmesh's parser and printer
// (through build/graphql-print) against graphql-js 16 on every case of
// tests/fixtures/parser-cases.jsonl and on the federation SDL fixture.
//
// A case is a JSON string (a document) or {"mode": "value"|"type"|"selection-set", "src": ...}.
// Documents must give graphql-js's error message and location, or its print()
// output in the pretty form and stripIgnoredCharacters(print()) in the compact
// one. Two documented differences are allowed for: columns count UTF-8 bytes
// (graphql-js counts UTF-16 units), and descriptions print as block strings
// wherever graphql-js's isPrintableAsBlockString allows.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse, parseValue, parseType, print, stripIgnoredCharacters, visit } from 'graphql';
import { isPrintableAsBlockString } from 'graphql/language/blockString.js';

const root = new URL('../..', import.meta.url).pathname;
const tool = root + 'build/graphql-print';

function ours(src, flag) {
  try {
    return { ok: true, text: execFileSync(tool, flag ? [flag] : [], { input: src, stdio: 'pipe' }).toString() };
  } catch (e) {
    if (e.status !== 1) return { ok: false, text: `exit ${e.status}: ${e.stderr}` };
    return { ok: false, text: e.stderr.toString().replace(/\n$/, '') };
  }
}

// graphql-js's location, with the column in UTF-8 bytes.
function byteLocation(src, e) {
  const { line, column } = e.locations[0];
  const text = src.split(/\r\n|[\n\r]/g)[line - 1] ?? '';
  return `${line}:${Buffer.byteLength(text.slice(0, column - 1)) + 1}`;
}

function blockDescriptions(doc) {
  return visit(doc, {
    enter(node) {
      if (!node.description) return undefined;
      const block = isPrintableAsBlockString(node.description.value);
      return { ...node, description: { ...node.description, block } };
    },
  });
}

const selectionSet = src => parse(`{${src}\n}`).definitions[0].selectionSet;

let failures = 0, checks = 0;
function expect(what, src, got, want) {
  checks++;
  if (got === want) return;
  failures++;
  console.log(`MISMATCH (${what}) ${JSON.stringify(src)}\n  want: ${JSON.stringify(want)}\n  got:  ${JSON.stringify(got)}`);
}

function checkCase(mode, src) {
  const parsers = { document: parse, value: parseValue, type: parseType, 'selection-set': selectionSet };
  let tree;
  try {
    tree = parsers[mode](src);
  } catch (e) {
    if (mode === 'selection-set') return; // graphql-js's errors here are about the braces we add
    const got = ours(src, mode === 'document' ? '' : '--' + mode);
    expect(mode, src, got.ok ? 'accepted' : got.text, `${e.message} (${byteLocation(src, e)})`);
    return;
  }
  if (mode === 'selection-set') {
    expect(mode, src, ours(src, '--selection-set').text, print(tree));
    return;
  }
  if (mode !== 'document') {
    expect(mode, src, ours(src, '--' + mode).text, print(tree));
    return;
  }
  if (src.includes('\0')) return; // descriptions are C strings: a NUL inside ends them
  const pretty = print(blockDescriptions(tree));
  expect('pretty', src, ours(src, '').text, pretty);
  expect('compact', src, ours(src, '--compact').text, stripIgnoredCharacters(pretty));
}

for (const line of readFileSync(root + 'tests/fixtures/parser-cases.jsonl', 'utf8').split('\n')) {
  if (!line) continue;
  const c = JSON.parse(line);
  if (typeof c === 'string') checkCase('document', c);
  else checkCase(c.mode, c.src);
}
checkCase('document', readFileSync(root + 'tests/fixtures/federation.graphql', 'utf8'));
console.log(`parser_graphql_js: ${checks} checks, ${failures} mismatches`);
process.exit(failures ? 1 : 0);
