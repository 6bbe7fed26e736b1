#!/usr/bin/env bash
# sidecar_local_subgraph.sh: --local-subgraph in static mode. Every routing
# URL of the supergraph goes nowhere (port 9); the sidecar reaches the four
# bench subgraphs only through its --local-subgraph overrides, and the bench
# query answers exactly bench/workload/expected-response.json. Without the
# override for products, its fetches fail with the routing URL's error.
set -euo pipefail
cd "$(dirname "$0")/../.."
make -s build/fedmesh-sidecar build/fedmesh-bench-subgraphs

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { # a free port at or after $1, with its next four free too
    local p=$1
    while ! { port_free "$p" && port_free $((p + 1)) && port_free $((p + 2)) &&
        port_free $((p + 3)) && port_free $((p + 4)); }; do p=$((p + 10)); done
    echo "$p"
}
wait_http() { # url: until it answers 2xx; 60 s at most (a loaded machine starts slowly)
    for _ in $(seq 600); do curl -sf -m 1 "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done
    echo "FAIL: $1 did not answer within 60 s"; return 1
}

pids=()
tmp=$(mktemp -d)
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; rm -rf "$tmp"; }
trap cleanup EXIT
fail=0
expect() { # what, got, want
    if [ "$2" = "$3" ]; then echo "ok: $1"; else echo "FAIL: $1: got '$2', want '$3'"; fail=1; fi
}

base=$(free_port 16500)
PORT_BASE=$base build/fedmesh-bench-subgraphs --data bench/workload --threads 1 >/dev/null 2>&1 &
pids+=($!)
sed -e 's#127.0.0.1:420[1-4]#127.0.0.1:9#' bench/workload/supergraph.graphql > "$tmp/dead.graphql"
wait_http "http://127.0.0.1:$((base + 1))/health"

local_of() { echo "http://127.0.0.1:$((base + $1))/graphql"; }
port=$(free_port $((base + 10)))
run_sidecar() { # port, --local-subgraph arguments...
    local p=$1
    shift
    build/fedmesh-sidecar --supergraph "$tmp/dead.graphql" --listen "127.0.0.1:$p" --threads 1 \
        "$@" &
    pids+=($!)
    wait_http "http://127.0.0.1:$p/health"
}
bench_query() { # port
    curl -s -m 30 -H 'content-type: application/json' --data @bench/workload/body.json \
        "http://127.0.0.1:$1/graphql"
}

run_sidecar "$port" --local-subgraph "accounts=$(local_of 1)" --local-subgraph "inventory=$(local_of 2)" \
    --local-subgraph "products=$(local_of 3)" --local-subgraph "reviews=$(local_of 4)"
bench_query "$port" > "$tmp/got.json"
same=$(node -e 'const [a,b]=process.argv.slice(1).map(f=>require("fs").readFileSync(f,"utf8"));
                console.log(JSON.stringify(JSON.parse(a))===JSON.stringify(JSON.parse(b)))' \
    "$tmp/got.json" bench/workload/expected-response.json)
expect "every subgraph by --local-subgraph: the bench query answers exactly" "$same" true

port2=$(free_port $((port + 10)))
run_sidecar "$port2" --local-subgraph "accounts=$(local_of 1)" --local-subgraph "inventory=$(local_of 2)" \
    --local-subgraph "reviews=$(local_of 4)"
bench_query "$port2" > "$tmp/got2.json"
expect "products without an override: its routing URL fails" \
    "$(node -pe 'JSON.parse(require("fs").readFileSync(process.argv[1])).errors[0].message' "$tmp/got2.json")" \
    'Failed to fetch from subgraph "products": could not connect: Connection refused'

[ "$fail" -eq 0 ] && echo "sidecar_local_subgraph: all passed"
exit "$fail"
