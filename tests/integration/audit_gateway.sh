#!/usr/bin/env bash
# audit_gateway.sh: tests/audit/start-gateway.sh keeps the federation audit's
# contract (../shared/audit/run-audit.sh): in both modes it serves
# POST $gateway/graphql and GET /health, answers the benchmark
# query exactly (bench/workload/expected-response.json, on the C benchmark
# subgraphs), and stops everything it started on SIGTERM. Compose mode goes
# through the control plane and a sidecar in mesh mode; subgraphs that do not
# compose make it exit 1 with the composition's errors. It runs the gateway on
# ports of its own (GATEWAY_PORT, MESH_PORT_BASE), not the audit's 4000, so an
# audit can run beside the tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
make -s build/fedmesh-sidecar build/fedmesh-controlplane build/fedmesh-bench-subgraphs

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { # a multiple of 10 at or after $1 (one) whose next four ports are free too
    local p=$1
    while port_busy "$p" || port_busy $((p + 1)) || port_busy $((p + 2)) || port_busy $((p + 3)) ||
        port_busy $((p + 4)); do p=$((p + 10)); done
    echo "$p"
}
pids=()
tmp=$(mktemp -d)
cleanup() { # a gateway the test stopped is gone already: not an error (set -e)
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT
fail=0
expect() { # what, got, want
    if [ "$2" = "$3" ]; then echo "ok: $1"; else echo "FAIL: $1: got '$2', want '$3'"; fail=1; fi
}

# Free ports, not fixed ones: a run beside this one (another checkout's tests) held
# 14641 once. The subgraphs are on base+1..base+4 (420N becomes base/10 N below).
base=$(free_port 14640)
GATEWAY_PORT=$(free_port $((base + 10)))
MESH_PORT_BASE=$(free_port $((GATEWAY_PORT + 10))) # control plane +0..+3, sidecar admin +4
export GATEWAY_PORT MESH_PORT_BASE
gateway="http://127.0.0.1:$GATEWAY_PORT"
admin="http://127.0.0.1:$MESH_PORT_BASE"
PORT_BASE=$base build/fedmesh-bench-subgraphs --data bench/workload --threads 1 &
pids+=($!)
for _ in $(seq 300); do curl -sf -m 1 "http://127.0.0.1:$((base + 4))/health" >/dev/null && break; sleep 0.1; done

# The suite folders the audit gives: the bench supergraph, and its subgraphs.
mkdir -p "$tmp/static" "$tmp/compose" "$tmp/broken"
sed "s#127.0.0.1:420#127.0.0.1:$((base / 10))#" bench/workload/supergraph.graphql \
    > "$tmp/static/supergraph.graphql"
i=1
for name in accounts inventory products reviews; do
    jq -n --arg name "$name" --arg url "http://127.0.0.1:$((base + i))/graphql" \
        --rawfile sdl "bench/workload/subgraphs/$name.graphql" '{name: $name, url: $url, sdl: $sdl}'
    i=$((i + 1))
done | jq -s . > "$tmp/compose/subgraphs.json"
# Two subgraphs resolve Query.me without @shareable: INVALID_FIELD_SHARING.
jq '[.[0], (.[0] | .name = "accounts2")]' "$tmp/compose/subgraphs.json" \
    > "$tmp/broken/subgraphs.json"

# Runs start-gateway.sh MODE DIR, checks the benchmark answer, then SIGTERM.
check_mode() {
    local mode="$1" gw
    tests/audit/start-gateway.sh "$mode" "$tmp/$mode" > "$tmp/$mode.log" 2>&1 &
    gw=$!
    pids+=("$gw")
    # start-gateway.sh may take 30 s for each of its two steps on a loaded machine
    for _ in $(seq 900); do curl -sf -m 1 $gateway/health >/dev/null && break; sleep 0.1; done
    expect "$mode: /health" "$(curl -s -o /dev/null -w '%{http_code}' -m 2 $gateway/health)" 200
    curl -s -m 10 -H 'content-type: application/json' --data-binary @bench/workload/body.json \
        $gateway/graphql > "$tmp/$mode.json"
    expect "$mode: the benchmark query's answer" \
        "$(jq -S . "$tmp/$mode.json" | cmp -s - <(jq -S . bench/workload/expected-response.json) && echo same)" same
    if [ "$mode" = compose ]; then
        expect "compose: the sidecar runs the control plane's version 1" \
            "$(curl -s -m 2 $admin/v1/sidecars | jq -c '[.[] | [.id, .version]]')" '[["audit",1]]'
        expect "compose: the composed supergraph is kept in DIR" \
            "$(grep -c '@join__graph(name: "reviews"' "$tmp/compose/fedmesh-supergraph.graphql")" 1
    fi
    kill -TERM "$gw"
    local rc=0
    wait "$gw" || rc=$?
    expect "$mode: SIGTERM stops it (exit 0)" "$rc" 0
    local busy=""
    for p in $GATEWAY_PORT $MESH_PORT_BASE $((MESH_PORT_BASE + 4)); do port_busy "$p" && busy="$busy $p"; done
    expect "$mode: nothing left listening" "${busy:-none}" none
}

check_mode static
check_mode compose

rc=0
timeout 60 tests/audit/start-gateway.sh compose "$tmp/broken" > "$tmp/broken.log" 2>&1 || rc=$?
expect "compose: subgraphs that do not compose exit 1" "$rc" 1
expect "compose: the composition errors are printed" \
    "$(grep -A1 '^start-gateway: composition failed:' "$tmp/broken.log" | tail -1)" \
    'INVALID_FIELD_SHARING: Non-shareable field "Query.me" is resolved from multiple subgraphs: it is resolved from subgraphs "accounts" and "accounts2" and defined as non-shareable in all of them'
expect "compose: nothing left listening after the failure" \
    "$(port_busy $MESH_PORT_BASE && echo busy || echo none)" none

[ "$fail" -eq 0 ] && echo "audit_gateway: all passed"
exit "$fail"
