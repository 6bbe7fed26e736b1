#!/usr/bin/env bash
# validate_rules_graphql_js.sh: the validation rules against graphql-js 16 on
# generated documents, each group alone (exact order) and all together (see
# validate_rules_graphql_js.mjs). Needs node and tests/node_modules (make deps).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x build/validate-rules ] || make -s build/validate-rules
exec node tests/integration/validate_rules_graphql_js.mjs
