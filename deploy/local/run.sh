#!/usr/bin/env bash
# run.sh (make run): the live fedmesh mesh on this machine.
#
# Starts the four example services of the benchmark workload (accounts,
# inventory, products, reviews: build/fedmesh-bench-subgraphs on
# 127.0.0.1:4201..4204, serving their SDL files live from build/local/data),
# the control plane (build/fedmesh-controlplane: admin API on 127.0.0.1:7000,
# nng on 7100..7102, state in build/local/state) and a sidecar beside each
# service (GraphQL on 127.0.0.1:4001..4004, admin on 127.0.0.1:4101..4104)
# that gets its plan bundles from the control plane. Sends a query through a
# sidecar, prints the addresses, a query to try and how to change a schema
# live (deploy/local/change-schema.sh), and keeps running until Ctrl-C. With
# --once it stops after the demo query.
set -euo pipefail
cd "$(dirname "$0")/../.."
once=false
[ "${1:-}" = "--once" ] && once=true
services=(accounts inventory products reviews)
ports=(4001 4002 4003 4004 4101 4102 4103 4104 4201 4202 4203 4204 7000 7100 7101 7102)

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "${ports[@]}"; do
    if port_busy "$p"; then echo "run: port $p is in use; stop what uses it first" >&2; exit 1; fi
done

pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; }
trap stop EXIT
trap 'exit 0' INT TERM
wait_http() { # 30 s at most: a loaded machine starts slowly
    for _ in $(seq 300); do curl -sf -m 1 "$1" >/dev/null 2>&1 && return; sleep 0.1; done
    echo "run: $1 did not come up (logs in $logs/)" >&2; exit 1; }

local=build/local
logs=$local/logs
mkdir -p "$logs"
rm -rf "$local/data" && cp -r bench/workload "$local/data"
build/fedmesh-bench-subgraphs --data "$local/data" --live-sdl > "$logs/services.log" 2>&1 &
pids+=($!)
wait_http http://127.0.0.1:4204/health

{
    printf '# written by deploy/local/run.sh\nstate_dir: state\n'
    printf 'operations:\n  - file: data/query.graphql\nsubgraphs:\n'
    for i in 0 1 2 3; do
        printf '  - name: %s\n    url: http://127.0.0.1:420%d/graphql\n' "${services[$i]}" $((i + 1))
    done
} > "$local/controlplane.yaml"
build/fedmesh-controlplane --config "$local/controlplane.yaml" > "$logs/controlplane.log" 2>&1 &
pids+=($!)
wait_http http://127.0.0.1:7000/v1/status

for i in 0 1 2 3; do
    build/fedmesh-sidecar --control-plane tcp://127.0.0.1:7101 --id "${services[$i]}" \
        --listen "127.0.0.1:400$((i + 1))" --admin "127.0.0.1:410$((i + 1))" \
        --state-dir "$local/sidecar-${services[$i]}" --threads 1 \
        > "$logs/sidecar-${services[$i]}.log" 2>&1 &
    pids+=($!)
done
for i in 1 2 3 4; do wait_http "http://127.0.0.1:410$i/ready"; done

echo "fedmesh local mesh (live: the control plane pushes every schema change to the sidecars)"
printf '  control plane   http://127.0.0.1:7000/v1/status   /v1/sidecars   /v1/supergraph   /metrics\n'
for i in 0 1 2 3; do
    printf '  %-10s service http://127.0.0.1:420%d/graphql   sidecar http://127.0.0.1:400%d/graphql   admin http://127.0.0.1:410%d/admin/version\n' \
        "${services[$i]}" $((i + 1)) $((i + 1)) $((i + 1))
done
echo "  running version $(curl -s http://127.0.0.1:7000/v1/status | jq .version)"
query='{ topProducts(first: 2) { name price shippingEstimate inStock reviews { author { name } } } }'
echo
echo "A query across all four services, through the accounts sidecar:"
echo "  curl -s http://127.0.0.1:4001/graphql -H 'content-type: application/json' \\"
echo "       -d '{\"query\": \"$query\"}'"
curl -s -m 10 http://127.0.0.1:4001/graphql -H 'content-type: application/json' \
    -d "{\"query\": \"$query\"}"
echo; echo
echo "Change a schema live and watch the new version reach every sidecar:"
echo "  deploy/local/change-schema.sh"
echo "Logs: $logs/"
$once && exit 0
echo "Running; Ctrl-C stops everything."
wait
