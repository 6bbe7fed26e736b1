#!/usr/bin/env bash
# capacity.sh: requests/s each benchmark subgraph sustains on its most common
# request (its _entities request from the benchmark query, as Apollo Gateway
# sends it), side by side in one run: build/fedmesh-bench-subgraphs as the
# benchmark runs it (response cache on), the same with --no-response-cache
# (every request parsed and executed), and the Node reference subgraphs.
# Everything on 127.0.0.1; bounded runs.
#
#   bench/subgraphs/capacity.sh [SECONDS]      (default 5 per subgraph and server)
#
# REFERENCE=path/to/reference-subgraphs/run.sh picks the reference server
# (default: /work/shared/bench/reference-subgraphs/run.sh; REFERENCE= skips it).
# CONNECTIONS (default 50) and WRK_THREADS (default 1) shape the load.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-5}"
connections="${CONNECTIONS:-50}"
wrk_threads="${WRK_THREADS:-1}"
reference="${REFERENCE-/work/shared/bench/reference-subgraphs/run.sh}"
fixtures=tests/fixtures/bench-subgraphs
ours_base=14500 exec_base=14520 ref_base=14510
# The _entities request of each subgraph with the most representations.
declare -A request=([accounts]=apollo-07-accounts [inventory]=apollo-12-inventory
    [products]=apollo-09-products [reviews]=apollo-03-reviews)
names=(accounts inventory products reviews)

work=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill -- "-$p" 2>/dev/null || kill "$p" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

start() { # name, port base, command...
    local name=$1 base=$2; shift 2
    PORT_BASE=$base setsid "$@" >"$work/$name.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 600); do
        curl -sf "http://127.0.0.1:$((base + 4))/health" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "capacity: $name did not start:"; cat "$work/$name.log"; exit 1
}

rate() { # port base, subgraph index (1-4), body file -> requests/s
    local out
    out=$(BODY="$3" wrk -t"$wrk_threads" -c"$connections" -d"${seconds}s" \
        -s bench/workload/post.lua "http://127.0.0.1:$(($1 + $2))/graphql")
    if grep -q "Non-2xx" <<<"$out"; then echo "capacity: HTTP errors:" >&2; echo "$out" >&2; fi
    awk '/^Requests\/sec:/ { printf "%d", $2 }' <<<"$out"
}

start fedmesh "$ours_base" build/fedmesh-bench-subgraphs --data bench/workload
start fedmesh-exec "$exec_base" build/fedmesh-bench-subgraphs --data bench/workload --no-response-cache
[ -n "$reference" ] && start reference "$ref_base" "$reference"

printf '%-10s %5s %6s %14s %21s %15s\n' subgraph reps bytes fedmesh-bench "--no-response-cache" node-reference
for i in 0 1 2 3; do
    name=${names[$i]}
    body="$work/$name.json"
    jq -c .request "$fixtures/${request[$name]}.json" >"$body"
    reps=$(jq '.variables.representations | length' "$body")
    bytes=$(curl -s -H 'content-type: application/json' --data-binary @"$body" \
        "http://127.0.0.1:$((ours_base + i + 1))/graphql" | wc -c)
    ours=$(rate "$ours_base" $((i + 1)) "$body")
    executed=$(rate "$exec_base" $((i + 1)) "$body")
    ref=-
    [ -n "$reference" ] && ref=$(rate "$ref_base" $((i + 1)) "$body")
    printf '%-10s %5s %6s %14s %21s %15s\n' "$name" "$reps" "$bytes" "$ours/s" "$executed/s" "$ref/s"
done
