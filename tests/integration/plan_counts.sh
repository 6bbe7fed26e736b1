#!/usr/bin/env bash
# plan_counts.sh: for every query of tests/fixtures/plans/, fedmesh's plan
# (`fedmesh-gql plan`) must need no more subgraph requests and no more
# sequential steps than the better of Hive Router's and Apollo's planners
# (tests/plan-oracles/compare.mjs). Skips when the npm oracles are missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
modules=tests/node_modules
if [ ! -d "$modules/@graphql-hive/router-query-planner" ] || [ ! -d "$modules/@apollo/query-planner" ]; then
    echo "plan_counts: skipped (run make deps for the npm query planners)"
    exit 0
fi
make -s build/fedmesh-gql
fail=0
while read -r name _ hive_f hive_d _ apollo_f apollo_d; do
    query=tests/fixtures/plans/$name.graphql
    prefix=${name%%-*}
    if [ "$prefix" = bench ]; then sdl=bench/workload/supergraph.graphql
    else sdl=tests/fixtures/supergraph/$prefix.graphql; fi
    counts=$(build/fedmesh-gql plan "$sdl" "$query" | tail -n 1)
    ours_f=$(sed -E 's/fetches: ([0-9]+), depth: ([0-9]+)/\1/' <<<"$counts")
    ours_d=$(sed -E 's/fetches: ([0-9]+), depth: ([0-9]+)/\2/' <<<"$counts")
    best_f="" best_d=""
    for pair in "$hive_f $hive_d" "$apollo_f $apollo_d"; do
        read -r f d <<<"$pair"
        [ "$f" = - ] && continue
        if [ -z "$best_f" ] || [ "$f" -lt "$best_f" ]; then best_f=$f; fi
        if [ -z "$best_d" ] || [ "$d" -lt "$best_d" ]; then best_d=$d; fi
    done
    if [ -z "$best_f" ]; then
        echo "ok: $name: fedmesh $ours_f fetches, $ours_d steps (no oracle plans it)"
    elif [ "$ours_f" -le "$best_f" ] && [ "$ours_d" -le "$best_d" ]; then
        echo "ok: $name: fedmesh $ours_f/$ours_d, hive $hive_f/$hive_d, apollo $apollo_f/$apollo_d"
    else
        echo "FAIL: $name: fedmesh $ours_f/$ours_d, best of hive and apollo $best_f/$best_d"
        fail=1
    fi
done < <(timeout 300 node tests/plan-oracles/compare.mjs)
exit $fail
