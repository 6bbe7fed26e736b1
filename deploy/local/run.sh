#!/usr/bin/env bash
# run.sh (make run): a local fedmesh mesh on this machine.
#
# Starts the four example services of the benchmark workload (accounts,
# inventory, products, reviews: build/fedmesh-bench-subgraphs on
# 127.0.0.1:4201..4204) and a sidecar beside each (127.0.0.1:4001..4004), every
# sidecar serving the whole supergraph (bench/workload/supergraph.graphql).
# Sends a query to one of them, prints the addresses and a query to try, and
# keeps running until Ctrl-C. With --once it stops after the demo query.
#
# The control plane is not built yet: the sidecars run in static mode on a
# supergraph file, and schema changes do not roll out live (README, status).
set -euo pipefail
cd "$(dirname "$0")/../.."
once=false
[ "${1:-}" = "--once" ] && once=true
supergraph=bench/workload/supergraph.graphql
services=(accounts inventory products reviews)

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in 4001 4002 4003 4004 4201 4202 4203 4204; do
    if port_busy "$p"; then echo "run: port $p is in use; stop what uses it first" >&2; exit 1; fi
done

pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; }
trap stop EXIT
trap 'exit 0' INT TERM
wait_http() { for _ in $(seq 100); do curl -sf -m 1 "$1" >/dev/null 2>&1 && return; sleep 0.1; done
    echo "run: $1 did not come up" >&2; exit 1; }

logs=build/local-logs
mkdir -p "$logs"
build/fedmesh-bench-subgraphs --data bench/workload > "$logs/services.log" 2>&1 &
pids+=($!)
wait_http http://127.0.0.1:4204/health
for i in 0 1 2 3; do
    build/fedmesh-sidecar --supergraph "$supergraph" --listen "127.0.0.1:400$((i + 1))" \
        --threads 1 > "$logs/sidecar-${services[$i]}.log" 2>&1 &
    pids+=($!)
done
for i in 1 2 3 4; do wait_http "http://127.0.0.1:400$i/health"; done

echo "fedmesh local mesh"
for i in 0 1 2 3; do
    printf '  %-10s service http://127.0.0.1:420%d/graphql   sidecar http://127.0.0.1:400%d/graphql\n' \
        "${services[$i]}" $((i + 1)) $((i + 1))
done
query='{ topProducts(first: 2) { name price shippingEstimate inStock reviews { author { name } } } }'
echo
echo "A query across all four services, through the accounts sidecar:"
echo "  curl -s http://127.0.0.1:4001/graphql -H 'content-type: application/json' \\"
echo "       -d '{\"query\": \"$query\"}'"
curl -s -m 10 http://127.0.0.1:4001/graphql -H 'content-type: application/json' \
    -d "{\"query\": \"$query\"}"
echo; echo
echo "Its plan: build/fedmesh-sidecar --supergraph $supergraph --explain QUERY_FILE"
echo "Logs: $logs/"
$once && exit 0
echo "Running; Ctrl-C stops everything."
wait
