#!/usr/bin/env bash
# mesh.sh: the benchmark query through one sidecar (A) whose subgraph
# fetches go (direct) over HTTP straight to the four bench subgraphs, or
# (mesh) over nng through a peer sidecar (B: --mesh-listen, the four as
# --local-subgraph) that forwards them over loopback HTTP; and, as the floor,
# B's own /graphql with --local-subgraph (loopback, one hop). Rounds
# alternate the setups, so machine noise shows as spread. Prints one
# markdown row per setup and round: requests/s, p50 and p99 in ms, wrk errors.
# Knobs: DURATION (s, 10), WARMUP (s, 2), ROUNDS (3), CONNECTIONS (50),
# THREADS (sidecar A's workers, 2), PORT_BASE (18700).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
make -s build/fedmesh-sidecar build/fedmesh-bench-subgraphs

duration=${DURATION:-10} warmup=${WARMUP:-2} rounds=${ROUNDS:-3}
connections=${CONNECTIONS:-50} threads=${THREADS:-2} base=${PORT_BASE:-18700}
wait_http() { for _ in $(seq 100); do curl -sf -m 1 "$1" >/dev/null 2>&1 && return; sleep 0.1; done; }

pids=()
tmp=$(mktemp -d)
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; rm -rf "$tmp"; }
trap cleanup EXIT

PORT_BASE=$base build/fedmesh-bench-subgraphs --data bench/workload >/dev/null 2>&1 &
pids+=($!)
sed -e "s#127.0.0.1:4201#127.0.0.1:$((base + 1))#" -e "s#127.0.0.1:4202#127.0.0.1:$((base + 2))#" \
    -e "s#127.0.0.1:4203#127.0.0.1:$((base + 3))#" -e "s#127.0.0.1:4204#127.0.0.1:$((base + 4))#" \
    bench/workload/supergraph.graphql > "$tmp/supergraph.graphql"
wait_http "http://127.0.0.1:$((base + 1))/health"

names=(accounts inventory products reviews) # ports base+1..base+4
peer=tcp://127.0.0.1:$((base + 11))
local_args=() peer_args=()
for i in 1 2 3 4; do
    local_args+=(--local-subgraph "${names[$((i - 1))]}=http://127.0.0.1:$((base + i))/graphql")
    peer_args+=(--mesh-peer "${names[$((i - 1))]}=$peer")
done
start() { # port, arguments...
    local p=$1
    shift
    build/fedmesh-sidecar --supergraph "$tmp/supergraph.graphql" --listen "127.0.0.1:$p" "$@" \
        2>/dev/null &
    pids+=($!)
    wait_http "http://127.0.0.1:$p/health"
}
start $((base + 10)) --threads 1 "${local_args[@]}" --mesh-listen "$peer" # B
start $((base + 20)) --threads "$threads"                                 # A, direct
start $((base + 30)) --threads "$threads" "${peer_args[@]}"               # A, mesh
declare -A port=([direct]=$((base + 20)) [mesh]=$((base + 30)) [loopback]=$((base + 10)))

for setup in direct mesh loopback; do
    url=http://127.0.0.1:${port[$setup]}/graphql
    curl -s -m 30 -H 'content-type: application/json' --data @bench/workload/body.json "$url" \
        > "$tmp/got.json"
    node -e 'const [a,b]=process.argv.slice(1).map(f=>require("fs").readFileSync(f,"utf8"));
             process.exit(JSON.stringify(JSON.parse(a))===JSON.stringify(JSON.parse(b))?0:1)' \
        "$tmp/got.json" bench/workload/expected-response.json ||
        { echo "$setup: wrong answer"; exit 1; }
done

echo "| setup | round | requests/s | p50 ms | p99 ms | wrk errors |"
echo "|---|---|---|---|---|---|"
for round in $(seq "$rounds"); do
    for setup in direct mesh loopback; do
        url=http://127.0.0.1:${port[$setup]}/graphql
        BODY=bench/workload/body.json wrk -t1 -c"$connections" -d"${warmup}s" --timeout 10s \
            -s bench/workload/post.lua "$url" >/dev/null 2>&1 || true
        out=$(BODY=bench/workload/body.json wrk -t1 -c"$connections" -d"${duration}s" \
            --timeout 10s --latency -s bench/workload/post.lua "$url" 2>&1) || true
        echo "| $setup | $round | $(bench_wrk_field "$out" rps) | $(bench_wrk_field "$out" p50) |" \
            "$(bench_wrk_field "$out" p99) | $(bench_wrk_field "$out" errors) |"
    done
done
