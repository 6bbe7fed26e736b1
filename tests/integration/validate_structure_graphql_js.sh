#!/usr/bin/env bash
# validate_structure_graphql_js.sh: the structure rules against graphql-js 16
# on generated documents (see validate_structure_graphql_js.mjs). Needs node
# and tests/node_modules (make deps).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x build/validate-rules ] || make -s build/validate-rules
exec node tests/integration/validate_structure_graphql_js.mjs
