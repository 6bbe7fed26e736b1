#!/usr/bin/env bash
# bench_subgraphs.sh: build/fedmesh-bench-subgraphs against the reference
# subgraphs' recorded answers (tests/fixtures/bench-subgraphs/*.json: the exact
# requests Apollo Gateway and Hive Gateway send for the benchmark query, plus
# edge cases), and its /health, /stats and /stats/reset routes. Starts the
# server on free local ports, stops it on exit; bounded by timeouts.
set -euo pipefail
cd "$(dirname "$0")/../.."
fixtures=tests/fixtures/bench-subgraphs
# The sanitizer build too: bad requests must not trip ASan or UBSan.
make -s BUILD=build/san SAN=1 build/san/fedmesh-bench-subgraphs

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_base() {
    for candidate in 14200 14220 14240 14260 14280 14300; do
        if port_free $((candidate + 1)) && port_free $((candidate + 2)) &&
            port_free $((candidate + 3)) && port_free $((candidate + 4)); then
            echo "$candidate"; return
        fi
    done
    echo "bench_subgraphs: no free ports" >&2; exit 1
}

pid=""
trap '[ -z "$pid" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }' EXIT

fail=0
expect() { # what, got, want
    if [ "$2" = "$3" ]; then echo "ok: $1"; else echo "FAIL: $1: got '$2', want '$3'"; fail=1; fi
}

check_binary() { # passes, binary, options...: every fixture `passes` times
    local passes=$1 bin=$2 base
    shift 2
    base=$(free_base)
    PORT_BASE=$base "$bin" --data bench/workload --threads 2 "$@" &
    pid=$!
    for _ in $(seq 300); do # 30 s at most: a loaded machine starts slowly
        curl -sf "http://127.0.0.1:$((base + 4))/health" >/dev/null 2>&1 && break
        sleep 0.1
    done
    echo "== $bin $* on 127.0.0.1:$((base + 1))..$((base + 4))"
    local url="http://127.0.0.1:$((base + 1))"
    expect "GET /health" "$(curl -s -m 5 "$url/health")" "ok"
    expect "POST /stats/reset" "$(curl -s -m 5 -X POST "$url/stats/reset")" "ok"
    expect "GET /stats after reset" "$(curl -s -m 5 "$url/stats")" '{"requests":0}'
    for _ in $(seq "$passes"); do
        timeout 120 node tests/integration/bench_subgraphs.mjs check "$base" "$fixtures" || fail=1
    done
    local count
    count=$(($(ls "$fixtures"/*.json | wc -l) * passes))
    expect "GET /stats counts every subgraph's requests" \
        "$(curl -s -m 5 "http://127.0.0.1:$((base + 3))/stats")" "{\"requests\":$count}"
    expect "content type" "$(curl -s -m 5 -o /dev/null -w '%{content_type}' \
        -d '{"query":"{ topProducts { upc } }"}' "http://127.0.0.1:$((base + 3))/graphql")" \
        "application/json"
    kill "$pid"
    wait "$pid" || { echo "FAIL: $bin exited with status $?"; fail=1; }
    pid=""
}

# Twice: the second pass is answered from the response cache.
check_binary 2 build/fedmesh-bench-subgraphs
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    check_binary 1 build/san/fedmesh-bench-subgraphs --no-response-cache
exit $fail
