#!/usr/bin/env bash
# compose_diff.sh: fedmesh's composition against Apollo's on the sets of tests/compose (ok/ sets
# must compose to the same API schema and answers, fail/ sets must fail with the same error
# codes). Sets listed in tests/compose/known-failures.txt do not fail the run. Bounded in time.
set -uo pipefail
cd "$(dirname "$0")/../.."
timeout 500 node tests/compose/diff.mjs --known-failures tests/compose/known-failures.txt
