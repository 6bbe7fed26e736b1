#!/usr/bin/env bash
# gen-golden.sh [NAME...]: writes tests/fixtures/compose/NAME/supergraph.graphql,
# what @apollo/composition composes from that directory's other *.graphql files
# (one subgraph per file, named after it, routing URL http://NAME.example/graphql).
# planner/compose_golden_test.c checks that fedmesh's compose() gives the same bytes.
# The audit-suite directories hold the subgraphs of the federation gateway
# audit's test suites (graphql-hive/federation-gateway-audit, MIT).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root/tests/fixtures/compose"
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(*/)
for name in "${names[@]}"; do
    name="${name%/}"
    NODE_PATH="$root/tests/node_modules" node "$root/tests/compose/apollo-compose.mjs" "$name" \
        > "$name/supergraph.graphql.new"
    mv "$name/supergraph.graphql.new" "$name/supergraph.graphql"
done
