#!/usr/bin/env bash
# start-gateway.sh MODE DIR: the gateway the federation audit runs
# (../shared/audit/run-audit.sh). Serves POST http://127.0.0.1:4000/graphql and
# GET /health in the foreground until SIGTERM.
#   static   DIR/supergraph.graphql, served by fedmesh-sidecar
#   compose  DIR/subgraphs.json ([{name,url,sdl}]) as the live mesh runs it:
#            fedmesh-controlplane reads each SDL from a file, composes, and
#            pushes a plan bundle to a fedmesh-sidecar in mesh mode, which
#            serves it. The control plane's admin API is on 127.0.0.1:4090,
#            its nng sockets on 4091-4093, the sidecar's admin on 4094; the
#            composed supergraph is copied to DIR/fedmesh-supergraph.graphql.
#            A composition that fails prints its errors and exits 1.
# The audit needs port 4000; tests that run this script beside an audit set
# GATEWAY_PORT (4000) and MESH_PORT_BASE (4090: admin, then +1..+4 as above).
set -euo pipefail
mode="${1:-}" dir="${2:-}"
gateway_port="${GATEWAY_PORT:-4000}" mesh="${MESH_PORT_BASE:-4090}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
[ -n "$dir" ] || { echo "usage: start-gateway.sh static|compose DIR" >&2; exit 2; }
[ -x "$root/build/fedmesh-sidecar" ] && [ -x "$root/build/fedmesh-controlplane" ] ||
    make -s -C "$root" >/dev/null
# The previous suite's gateway may still be letting go of the port.
for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$gateway_port) 2>/dev/null || break; sleep 0.1; done
# Writes DIR/fedmesh/controlplane.yaml: one subgraph per entry of
# subgraphs.json, its SDL from a file beside the config.
write_controlplane_config() {
    local dir="$1" conf="$1/fedmesh/controlplane.yaml"
    local count i
    count="$(jq length "$dir/subgraphs.json")"
    {
        printf 'state_dir: state\nadmin:\n  listen: 127.0.0.1:%d\n' "$mesh"
        printf 'nng:\n  publish: tcp://127.0.0.1:%d\n  fetch: tcp://127.0.0.1:%d\n' \
            $((mesh + 1)) $((mesh + 2))
        printf '  report: tcp://127.0.0.1:%d\nsubgraphs:\n' $((mesh + 3))
        for ((i = 0; i < count; i++)); do
            jq -j ".[$i].sdl" "$dir/subgraphs.json" > "$dir/fedmesh/$i.graphql"
            printf '  - name: %s\n    url: %s\n    sdl_file: %d.graphql\n' \
                "$(jq -c ".[$i].name" "$dir/subgraphs.json")" \
                "$(jq -c ".[$i].url" "$dir/subgraphs.json")" "$i"
        done
    } > "$conf"
}

# Polls URL until it answers 200 (30 s at most: a loaded machine starts
# slowly; or until process PID ends).
wait_ok() {
    local url="$1" pid="$2"
    for _ in $(seq 600); do
        curl -sf -m 1 "$url" >/dev/null 2>&1 && return 0
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.05
    done
    return 1
}

compose_through_the_mesh() {
    local dir="$1" cp_pid sidecar_pid status version
    rm -rf "$dir/fedmesh"; mkdir -p "$dir/fedmesh"
    write_controlplane_config "$dir"
    trap 'kill $cp_pid $sidecar_pid 2>/dev/null; wait; exit 0' TERM INT
    # stdbuf: their lines reach the audit's gateway log as they are written.
    stdbuf -oL "$root/build/fedmesh-controlplane" --config "$dir/fedmesh/controlplane.yaml" &
    cp_pid=$!
    wait_ok http://127.0.0.1:$mesh/v1/status "$cp_pid" ||
        { echo "start-gateway: the control plane did not start" >&2; kill "$cp_pid" 2>/dev/null; wait; exit 1; }
    for _ in $(seq 600); do # 30 s at most for the first composition
        status="$(curl -s -m 1 http://127.0.0.1:$mesh/v1/status)"
        version="$(jq -r '.version // 0' <<<"$status")"
        [ "${version:-0}" != 0 ] && break # empty: no answer this time
        jq -e '.composition.errors | length > 0' <<<"$status" >/dev/null 2>&1 && break
        sleep 0.05
    done
    if [ "${version:-0}" = 0 ]; then
        echo "start-gateway: composition failed:" >&2
        jq -r '.composition.errors[] | "\(.code): \(.message)"' <<<"$status" >&2
        kill "$cp_pid"; wait; exit 1
    fi
    curl -s -m 2 http://127.0.0.1:$mesh/v1/supergraph > "$dir/fedmesh-supergraph.graphql"
    stdbuf -oL "$root/build/fedmesh-sidecar" --control-plane tcp://127.0.0.1:$((mesh + 2)) --id audit \
        --listen "127.0.0.1:$gateway_port" --admin "127.0.0.1:$((mesh + 4))" &
    sidecar_pid=$!
    wait_ok "http://127.0.0.1:$((mesh + 4))/ready" "$sidecar_pid" ||
        { echo "start-gateway: the sidecar got no bundle" >&2; kill "$cp_pid" "$sidecar_pid" 2>/dev/null; wait; exit 1; }
    local rc=0 who=sidecar
    wait -n "$cp_pid" "$sidecar_pid" || rc=$?
    kill -0 "$cp_pid" 2>/dev/null || who=controlplane
    echo "start-gateway: fedmesh-$who stopped (status $rc)" >&2
    kill "$cp_pid" "$sidecar_pid" 2>/dev/null; wait; exit 1
}

case "$mode" in
static)
    exec "$root/build/fedmesh-sidecar" --supergraph "$dir/supergraph.graphql" \
        --listen "127.0.0.1:$gateway_port" ;;
compose)
    compose_through_the_mesh "$dir" ;;
*)
    echo "start-gateway: MODE is static or compose" >&2; exit 2 ;;
esac
