#!/usr/bin/env bash
# sidecar_mesh_fetch.sh: mesh fetches between two sidecars on the bench
# subgraphs. Every routing URL goes nowhere (port 9). Sidecar B holds the four
# subgraphs as --local-subgraph and answers peers on --mesh-listen; sidecar A
# reaches them only with --mesh-peer NAME=B. The bench query through A
# answers exactly bench/workload/expected-response.json (plain and
# ASan+UBSan builds); a peer that is down, a subgraph the peer does not hold,
# and a peer slower than --subgraph-timeout-ms fail their fetches with the
# same words as HTTP fetches.
set -euo pipefail
cd "$(dirname "$0")/../.."
make -s BUILD=build/san SAN=1 build/san/fedmesh-sidecar
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

base=$(free_port 17500)
PORT_BASE=$base build/fedmesh-bench-subgraphs --data bench/workload --threads 1 >/dev/null 2>&1 &
pids+=($!)
sed -e 's#127.0.0.1:420[1-4]#127.0.0.1:9#' bench/workload/supergraph.graphql > "$tmp/dead.graphql"
wait_http "http://127.0.0.1:$((base + 1))/health"

names=(accounts inventory products reviews) # graphs 1..4 of the bench subgraphs, in port order
b_port=$(free_port $((base + 10)))
b_mesh=tcp://127.0.0.1:$((b_port + 1))
local_args=()
for i in 1 2 3 4; do
    local_args+=(--local-subgraph "${names[$((i - 1))]}=http://127.0.0.1:$((base + i))/graphql")
done
build/fedmesh-sidecar --supergraph "$tmp/dead.graphql" --listen "127.0.0.1:$b_port" --threads 1 \
    "${local_args[@]}" --mesh-listen "$b_mesh" &
pids+=($!)
wait_http "http://127.0.0.1:$b_port/health"

run_a() { # binary, port, mesh address for every peer, more arguments...
    local bin=$1 p=$2 peer=$3
    shift 3
    local peer_args=()
    for n in "${names[@]}"; do peer_args+=(--mesh-peer "$n=$peer"); done
    "$bin" --supergraph "$tmp/dead.graphql" --listen "127.0.0.1:$p" --threads 2 \
        "${peer_args[@]}" "$@" &
    pids+=($!)
    wait_http "http://127.0.0.1:$p/health"
}
bench_query() { # port
    curl -s -m 30 -H 'content-type: application/json' --data @bench/workload/body.json \
        "http://127.0.0.1:$1/graphql"
}
same_as_expected() { # file
    node -e 'const [a,b]=process.argv.slice(1).map(f=>require("fs").readFileSync(f,"utf8"));
             console.log(JSON.stringify(JSON.parse(a))===JSON.stringify(JSON.parse(b)))' \
        "$1" bench/workload/expected-response.json
}
error_of() { # file, subgraph: the message of the first error naming that subgraph
    node -pe 'JSON.parse(require("fs").readFileSync(process.argv[1])).errors
              .find(e => e.extensions.serviceName === process.argv[2]).message' "$1" "$2"
}

a_port=$(free_port $((b_port + 10)))
run_a build/fedmesh-sidecar "$a_port" "$b_mesh"
bench_query "$a_port" > "$tmp/a.json"
expect "every subgraph through the peer: the bench query answers exactly" \
    "$(same_as_expected "$tmp/a.json")" true
bench_query "$a_port" > "$tmp/a2.json"
expect "again, on the open connection" "$(same_as_expected "$tmp/a2.json")" true

a_san=$(free_port $((a_port + 10)))
run_a build/san/fedmesh-sidecar "$a_san" "$b_mesh"
bench_query "$a_san" > "$tmp/san.json"
expect "ASan+UBSan build through the peer" "$(same_as_expected "$tmp/san.json")" true

# A peer nobody listens on: nng waits for a connection, as curl waits to connect.
dead_peer=tcp://127.0.0.1:$(free_port $((a_san + 10)))
a_dead=$(free_port $((a_san + 20)))
run_a build/fedmesh-sidecar "$a_dead" "$dead_peer" --subgraph-timeout-ms 500
bench_query "$a_dead" > "$tmp/dead.json"
expect "a peer that is down" "$(error_of "$tmp/dead.json" accounts)" \
    'Failed to fetch from subgraph "accounts": could not connect within 500 ms'

# Sidecar C listens for peers but holds no local subgraph.
c_port=$(free_port $((a_dead + 10)))
c_mesh=tcp://127.0.0.1:$((c_port + 1))
build/fedmesh-sidecar --supergraph "$tmp/dead.graphql" --listen "127.0.0.1:$c_port" --threads 1 \
    --mesh-listen "$c_mesh" &
pids+=($!)
wait_http "http://127.0.0.1:$c_port/health"
a_c=$(free_port $((c_port + 10)))
run_a build/fedmesh-sidecar "$a_c" "$c_mesh"
bench_query "$a_c" > "$tmp/c.json"
expect "a subgraph the peer does not hold" "$(error_of "$tmp/c.json" accounts)" \
    'Failed to fetch from subgraph "accounts": subgraph "accounts" is not local to this peer'

# Sidecar D forwards to a local URL that refuses connections: the peer's own reason.
d_port=$(free_port $((a_c + 10)))
d_mesh=tcp://127.0.0.1:$((d_port + 1))
build/fedmesh-sidecar --supergraph "$tmp/dead.graphql" --listen "127.0.0.1:$d_port" --threads 1 \
    --local-subgraph accounts=http://127.0.0.1:9/graphql --mesh-listen "$d_mesh" &
pids+=($!)
wait_http "http://127.0.0.1:$d_port/health"
a_d=$(free_port $((d_port + 10)))
run_a build/fedmesh-sidecar "$a_d" "$d_mesh"
bench_query "$a_d" > "$tmp/d.json"
expect "the peer's local service is down" "$(error_of "$tmp/d.json" accounts)" \
    'Failed to fetch from subgraph "accounts": could not connect: Connection refused'

expect "a --mesh-peer that is not tcp:// is refused" \
    "$(build/fedmesh-sidecar --supergraph "$tmp/dead.graphql" --mesh-peer accounts=http://x 2>&1 | head -1)" \
    'fedmesh-sidecar: --mesh-peer wants NAME=tcp://HOST:PORT, got accounts=http://x'

[ "$fail" -eq 0 ] && echo "sidecar_mesh_fetch: all passed"
exit "$fail"
