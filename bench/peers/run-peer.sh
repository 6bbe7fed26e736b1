#!/usr/bin/env bash
# run-peer.sh: the peer gateways fedmesh is measured against (bench/run.sh),
# installed from npm (versions pinned in package.json) into a scratch folder
# outside the repository: FEDMESH_PEERS_DIR, default /tmp/fedmesh-peers.
#
#   run-peer.sh install                                   install if missing, then exit
#   run-peer.sh apollo-gateway|hive-gateway SUPERGRAPH [PORT]
#                  runs the peer in the foreground on 127.0.0.1:PORT/graphql (default 4100)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${FEDMESH_PEERS_DIR:-/tmp/fedmesh-peers}"

install() {
    mkdir -p "$work"
    cp "$here/package.json" "$here/apollo-gateway.mjs" "$work/"
    if [ ! -d "$work/node_modules/@apollo/gateway" ] ||
        [ ! -d "$work/node_modules/@graphql-hive/gateway" ] ||
        [ "$here/package.json" -nt "$work/node_modules/.fedmesh-stamp" ]; then
        echo "run-peer: npm install into $work" >&2
        (cd "$work" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
        touch "$work/node_modules/.fedmesh-stamp"
    fi
}

case "${1:-}" in
install) install; exit 0 ;;
apollo-gateway | hive-gateway) ;;
*) echo "usage: run-peer.sh install | apollo-gateway|hive-gateway SUPERGRAPH [PORT]" >&2; exit 2 ;;
esac
[ $# -ge 2 ] || { echo "usage: run-peer.sh apollo-gateway|hive-gateway SUPERGRAPH [PORT]" >&2; exit 2; }
peer="$1"; supergraph="$(realpath "$2")"; port="${3:-4100}"
install
export NODE_ENV=production
cd "$work"
case "$peer" in
apollo-gateway) exec node ./apollo-gateway.mjs "$supergraph" "$port" ;;
hive-gateway)
    exec ./node_modules/.bin/hive-gateway supergraph "$supergraph" \
        --port "$port" --host 127.0.0.1 --fork 1 ;;
esac
