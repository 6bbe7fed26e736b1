#!/usr/bin/env bash
# start-gateway.sh MODE DIR: the gateway the federation audit runs
# (../shared/audit/run-audit.sh). Serves POST http://127.0.0.1:4000/graphql and
# GET /health in the foreground until SIGTERM.
#   static   DIR/supergraph.graphql, served by fedmesh-sidecar
#   compose  DIR/subgraphs.json ([{name,url,sdl}]), composed by
#            fedmesh-controlplane compose into DIR/fedmesh-supergraph.graphql,
#            served by fedmesh-sidecar
set -euo pipefail
mode="${1:-}" dir="${2:-}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
[ -n "$dir" ] || { echo "usage: start-gateway.sh static|compose DIR" >&2; exit 2; }
[ -x "$root/build/fedmesh-sidecar" ] && [ -x "$root/build/fedmesh-controlplane" ] ||
    make -s -C "$root" >/dev/null
# The previous suite's gateway may still be letting go of the port.
for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/4000) 2>/dev/null || break; sleep 0.1; done
case "$mode" in
static)
    exec "$root/build/fedmesh-sidecar" --supergraph "$dir/supergraph.graphql" \
        --listen 127.0.0.1:4000 ;;
compose)
    sdl_dir="$dir/fedmesh-subgraphs"
    rm -rf "$sdl_dir"; mkdir -p "$sdl_dir"
    args=()
    count="$(jq length "$dir/subgraphs.json")"
    for ((i = 0; i < count; i++)); do
        name="$(jq -r ".[$i].name" "$dir/subgraphs.json")"
        url="$(jq -r ".[$i].url" "$dir/subgraphs.json")"
        jq -j ".[$i].sdl" "$dir/subgraphs.json" > "$sdl_dir/$i.graphql"
        args+=(--subgraph "$name=$url=$sdl_dir/$i.graphql")
    done
    "$root/build/fedmesh-controlplane" compose "${args[@]}" > "$dir/fedmesh-supergraph.graphql"
    exec "$root/build/fedmesh-sidecar" --supergraph "$dir/fedmesh-supergraph.graphql" \
        --listen 127.0.0.1:4000 ;;
*)
    echo "start-gateway: MODE is static or compose" >&2; exit 2 ;;
esac
