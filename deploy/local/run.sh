#!/usr/bin/env bash
# run.sh (make run): the local demo. Today fedmesh is its planner library: this
# shows it on the benchmark supergraph (bench/workload/): the API schema clients
# see, validation of the benchmark query and of a broken one, and an
# introspection query answered locally. The control plane, the example services
# and their sidecars join this script as they are built (README, status table).
set -euo pipefail
cd "$(dirname "$0")/../.."
gql=build/fedmesh-gql
supergraph=bench/workload/supergraph.graphql

echo "== API schema of $supergraph (join/link machinery and @inaccessible removed)"
$gql api-schema "$supergraph"

echo; echo "== validating bench/workload/query.graphql"
$gql validate "$supergraph" bench/workload/query.graphql

for q in deploy/local/queries/mistakes.graphql; do
    echo; echo "== validating $q"; cat "$q"
    $gql validate "$supergraph" "$q" || true
done

q=deploy/local/queries/introspection.graphql
echo; echo "== $q, answered locally"; cat "$q"
$gql introspect "$supergraph" "$q"

echo; echo "The live mesh (control plane, example services, sidecars) is not built yet: see README.md."
