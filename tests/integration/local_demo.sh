#!/usr/bin/env bash
# local_demo.sh: the README's run command keeps working: deploy/local/run.sh
# --once starts the live local mesh (services, control plane, sidecars),
# answers its demo query, and stops everything; then, with the mesh running,
# deploy/local/change-schema.sh's schema change reaches all four sidecars.
# Skipped (passes) when its fixed ports are taken on this machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
ports=(4001 4002 4003 4004 4101 4102 4103 4104 4201 4202 4203 4204 7000 7100 7101 7102)
for p in "${ports[@]}"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "skipped: port $p in use"; exit 0; fi
done
make -s build/fedmesh-controlplane build/fedmesh-sidecar build/fedmesh-bench-subgraphs
out=$(timeout 120 deploy/local/run.sh --once)
echo "$out"
grep -q '"topProducts":\[{"name":"Table","price":899,"shippingEstimate":50' <<<"$out"
grep -Eq '^  running version [1-9][0-9]*$' <<<"$out"
released() {
    for p in 4001 4101 4201 7000 7101; do
        if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "FAIL: port $p still served"; exit 1; fi
    done
}
released

deploy/local/run.sh > build/local/logs/demo.txt 2>&1 &
run_pid=$!
trap 'kill -TERM $run_pid 2>/dev/null; wait $run_pid 2>/dev/null' EXIT
for _ in $(seq 900); do grep -q '^Running' build/local/logs/demo.txt && break; sleep 0.1; done
deploy/local/change-schema.sh
kill -TERM "$run_pid"
wait "$run_pid" || true
trap - EXIT
released
echo "local_demo: passed"
