#!/usr/bin/env bash
# compose_diff.sh: fedmesh's composition against Apollo's on the sets of tests/compose (ok/ sets
# must compose to the same API schema and answers, fail/ sets must fail with the same error
# codes). Sets listed in tests/compose/known-failures.txt do not fail the run. Until
# build/fedmesh-controlplane exists, only the sets themselves are checked against Apollo
# (--oracle-only) and the fedmesh side reports "skipped". Bounded in time.
set -uo pipefail
cd "$(dirname "$0")/../.."
if [ ! -x build/fedmesh-controlplane ]; then
    echo "skipped fedmesh: no build/fedmesh-controlplane; checking the sets against Apollo only"
    exec timeout 500 node tests/compose/diff.mjs --oracle-only
fi
exec timeout 500 node tests/compose/diff.mjs --known-failures tests/compose/known-failures.txt
