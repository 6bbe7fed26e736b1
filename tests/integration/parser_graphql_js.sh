#!/usr/bin/env bash
# parser_graphql_js.sh: fedmesh's parser and printer against graphql-js 16
# (see parser_graphql_js.mjs). Needs node and tests/node_modules (make deps).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x build/graphql-print ] || make -s build/graphql-print
exec node tests/integration/parser_graphql_js.mjs
