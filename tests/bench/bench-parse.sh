#!/usr/bin/env bash
# bench-parse.sh (make bench-parse): parse + validate the benchmark operation
# against the benchmark supergraph's API schema, fedmesh (C) and graphql-js
# side by side in one run, alternating rounds; prints ops/s and the ratio.
# SECONDS_PER_ROUND (default 3) and ROUNDS (default 3) tune it.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs="${SECONDS_PER_ROUND:-3}" rounds="${ROUNDS:-3}"
supergraph=bench/workload/supergraph.graphql query=bench/workload/query.graphql
api=$(mktemp --suffix=.graphql); trap 'rm -f "$api"' EXIT
build/fedmesh-gql api-schema "$supergraph" > "$api"
[ -d tests/node_modules/graphql ] || { echo "bench-parse: run make deps first" >&2; exit 1; }
c=() js=()
for r in $(seq "$rounds"); do
    c+=("$(build/fedmesh-gql bench-parse "$supergraph" "$query" "$secs" | awk '{print $2}')")
    js+=("$(node tests/bench/parse-validate.mjs "$api" "$query" "$secs" | awk '{print $2}')")
    echo "round $r: fedmesh ${c[-1]} ops/s, graphql-js ${js[-1]} ops/s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mc=$(median "${c[@]}") mj=$(median "${js[@]}")
echo "median: fedmesh $mc ops/s, graphql-js $mj ops/s, ratio $(awk -v a="$mc" -v b="$mj" 'BEGIN{printf "%.1fx", a/b}')"
