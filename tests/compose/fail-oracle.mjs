// fail-oracle.mjs: composes each failing subgraph set under tests/compose/fail/
// with @apollo/composition and checks that Apollo rejects it with the code the
// directory is named after (NN-code-name: "07-key-fields-has-args" expects
// KEY_FIELDS_HAS_ARGS). Prints every error Apollo gives; exits 1 on a mismatch.
// Usage: node tests/compose/fail-oracle.mjs [SET_DIR...]   (-v prints messages)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, '..', 'package.json'));
const { composeServices } = require('@apollo/composition');
const { parse } = require('graphql');

function readSet(dir) {
    return readdirSync(dir)
        .filter((f) => f.endsWith('.graphql'))
        .sort()
        .map((f) => {
            const sdl = readFileSync(join(dir, f), 'utf8');
            const url = /^# url: (\S+)/.exec(sdl)?.[1] ?? `http://${basename(f, '.graphql')}`;
            return { name: basename(f, '.graphql'), url, sdl };
        });
}

function composeSet(subgraphs) {
    try {
        const services = subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) }));
        return composeServices(services).errors ?? [];
    } catch (e) {
        return [{ extensions: { code: 'INVALID_GRAPHQL' }, message: String(e.message) }];
    }
}

const args = process.argv.slice(2);
const verbose = args.includes('-v');
const root = join(here, 'fail');
let dirs = args.filter((a) => a !== '-v');
if (dirs.length === 0) dirs = readdirSync(root).sort().map((d) => join(root, d));
let bad = 0;
for (const dir of dirs) {
    if (!statSync(dir).isDirectory()) continue;
    const want = basename(dir).replace(/^\d+-/, '').toUpperCase().replace(/-/g, '_');
    const errors = composeSet(readSet(dir));
    const codes = errors.map((e) => e.extensions?.code ?? 'NO_CODE');
    const ok = codes.includes(want);
    if (!ok) bad++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${basename(dir)}: ${codes.join(', ') || 'composes'}`);
    if (verbose || !ok) for (const e of errors) console.log(`     [${e.extensions?.code}] ${e.message}`);
}
process.exit(bad ? 1 : 0);
