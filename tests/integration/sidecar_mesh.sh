#!/usr/bin/env bash
# sidecar_mesh.sh: fedmesh-sidecar in mesh mode against a stand-in control
# plane (build/mesh_publisher: the nng sockets of docs/MESH.md) and the C
# benchmark subgraphs:
#   - the first bundle arrives by fetch, /ready turns 200, the benchmark
#     query answers exactly bench/workload/expected-response.json (with one
#     subgraph reached by --local-subgraph, its routing URL going nowhere);
#   - 20 swaps under load (wrk plus a checking curl loop): no failed request,
#     one ack per version, only the current bundle left in memory, and no
#     planning (each bundle brings the query's plan precompiled);
#   - a corrupt envelope is rejected with its reason and the old bundle keeps
#     serving;
#   - restarted without the control plane, it serves the last good bundle
#     from --state-dir, and catches up when the control plane returns;
#   - the ASan+UBSan build does the same swaps without a report, and under
#     valgrind a swap, a request and a stop leave no error and nothing
#     allocated.
set -euo pipefail
cd "$(dirname "$0")/../.."
make -s build/fedmesh-sidecar build/mesh_publisher build/fedmesh-bench-subgraphs
make -s BUILD=build/san SAN=1 build/san/fedmesh-sidecar

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { # a free port at or after $1, with its next four free too
    local p=$1
    while ! { port_free "$p" && port_free $((p + 1)) && port_free $((p + 2)) &&
        port_free $((p + 3)) && port_free $((p + 4)); }; do p=$((p + 10)); done
    echo "$p"
}
tries=300 # of wait_for and wait_version, 0.1 s apart (a loaded machine is slow); more under valgrind
wait_for() { # url, want-status
    for _ in $(seq "$tries"); do
        [ "$(curl -s -m 1 -o /dev/null -w '%{http_code}' "$1" 2>/dev/null)" = "$2" ] && return 0
        sleep 0.1
    done
    return 1
}

pids=()
tmp=$(mktemp -d)
cleanup() { # must not fail: under set -e a failing command here would be the exit status
    exec 3>&- 2>/dev/null || true
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT
fail=0
expect() { # what, got, want
    if [ "$2" = "$3" ]; then echo "ok: $1"; else echo "FAIL: $1: got '$2', want '$3'"; fail=1; fi
}

base=$(free_port 15500)
PORT_BASE=$base build/fedmesh-bench-subgraphs --data bench/workload --threads 1 >/dev/null 2>&1 &
pids+=($!)
sed -e "s#127.0.0.1:4201#127.0.0.1:$((base + 1))#" -e "s#127.0.0.1:4202#127.0.0.1:$((base + 2))#" \
    -e "s#127.0.0.1:4203#127.0.0.1:9#" -e "s#127.0.0.1:4204#127.0.0.1:$((base + 4))#" \
    bench/workload/supergraph.graphql > "$tmp/a.graphql"
# products' routing URL goes nowhere (port 9): the sidecar reaches it by --local-subgraph.
local_products=http://127.0.0.1:$((base + 3))/graphql
# The same supergraph with other bytes: another bundle, another SHA-256.
{ cat "$tmp/a.graphql"; echo "# variant b"; } > "$tmp/b.graphql"
wait_for "http://127.0.0.1:$((base + 1))/health" 200

cp_port=$(free_port $((base + 10)))
fetch=tcp://127.0.0.1:$cp_port
start_publisher() {
    rm -f "$tmp/ctl"
    mkfifo "$tmp/ctl"
    build/mesh_publisher --fetch "$fetch" --publish "tcp://127.0.0.1:$((cp_port + 1))" \
        --report "tcp://127.0.0.1:$((cp_port + 2))" < "$tmp/ctl" >> "$tmp/reports" &
    publisher=$!
    pids+=($publisher)
    exec 3>"$tmp/ctl"
}
stop_publisher() {
    echo quit >&3
    exec 3>&-
    wait "$publisher"
}
publish() { echo "$*" >&3; }

sc_port=$(free_port $((cp_port + 10)))
graphql=http://127.0.0.1:$sc_port/graphql
admin=http://127.0.0.1:$((sc_port + 1))
start_sidecar() { # command (the binary, perhaps under valgrind)
    "$@" --control-plane "$fetch" --listen "127.0.0.1:$sc_port" \
        --admin "127.0.0.1:$((sc_port + 1))" --id mesh-test --state-dir "$tmp/state" \
        --threads 2 --fetch-interval-ms 1000 --local-subgraph "products=$local_products" \
        2>> "$tmp/sidecar.log" &
    sidecar=$!
    pids+=($sidecar)
    wait_for "$admin/health" 200
}
stop_sidecar() { # the exit status of the sidecar (or of valgrind)
    kill "$sidecar"
    local rc=0
    wait "$sidecar" || rc=$?
    return $rc
}
version_of() { # a field of /admin/version
    curl -s -m 5 "$admin/admin/version" | node -pe "JSON.parse(require('fs').readFileSync(0)).$1"
}
status_of() { curl -s -m 10 -o /dev/null -w '%{http_code}' "$@"; }
bench_query() { # the benchmark query's answer on stdout
    curl -s -m 60 -H 'content-type: application/json' --data @bench/workload/body.json "$graphql"
}
answers_same() { bench_query | cmp -s - "$tmp/first.json" && echo same || echo different; }
metric() { curl -s -m 5 "$admin/metrics" | awk -v m="$1" '$1 == m { print $2 }'; }
wait_version() { # version
    for _ in $(seq "$tries"); do
        [ "$(version_of version)" = "$1" ] && return 0
        sleep 0.1
    done
    return 1
}

mkdir -p "$tmp/state"
: > "$tmp/reports"
start_publisher
start_sidecar build/fedmesh-sidecar
expect "/ready before any bundle" "$(status_of "$admin/ready")" 503
expect "GraphQL before any bundle" \
    "$(status_of -H 'content-type: application/json' -d @bench/workload/body.json "$graphql")" 503
publish bundle 1 "$tmp/a.graphql" bench/workload/query.graphql
wait_version 1 || true
expect "first bundle by fetch or announcement" "$(version_of version)" 1
expect "/ready once loaded" "$(status_of "$admin/ready")" 200
expect "source" "$(version_of source)" control-plane
bench_query > "$tmp/first.json"
if node -e 'const [a,b]=process.argv.slice(1).map(f=>require("fs").readFileSync(f,"utf8"));
            process.exit(JSON.stringify(JSON.parse(a))===JSON.stringify(JSON.parse(b))?0:1)' \
    "$tmp/first.json" bench/workload/expected-response.json; then
    echo "ok: benchmark query answers exactly expected-response.json"
else
    echo "FAIL: benchmark query"; head -c 300 "$tmp/first.json"; echo; fail=1
fi

# Swaps under load: wrk for volume (non-2xx and socket errors counted), and a
# curl loop that checks every body byte for byte.
checker() {
    local ok=0 bad=0
    while [ ! -e "$tmp/stop" ] && [ -d "$tmp" ]; do # the script may have ended
        if [ "$(answers_same)" = same ]; then ok=$((ok + 1)); else bad=$((bad + 1)); fi
    done
    echo "$ok $bad" > "$tmp/checker"
}
checker &
checker_pid=$!
pids+=($checker_pid)
# (--timeout: a reply slower than wrk's default 2 s on a loaded machine is no error.)
BODY=bench/workload/body.json wrk -t2 -c8 -d5s --timeout 30s -s bench/workload/post.lua "$graphql" \
    > "$tmp/wrk.txt" 2>&1 &
wrk_pid=$!
for v in $(seq 2 21); do # alternating contents
    if [ $((v % 2)) -eq 0 ]; then file=b; else file=a; fi
    publish bundle "$v" "$tmp/$file.graphql" bench/workload/query.graphql
    sleep 0.2
done
wait "$wrk_pid"
touch "$tmp/stop"
wait "$checker_pid"
read -r ok bad < "$tmp/checker"
requests=$(awk '/requests in/ { print $1 }' "$tmp/wrk.txt")
echo "wrk: $requests requests during 20 swaps; checker: $ok identical answers"; cat "$tmp/wrk.txt"
expect "no failed request during swaps (wrk non-2xx)" \
    "$(grep -c 'Non-2xx' "$tmp/wrk.txt" || true)" 0
expect "no socket error during swaps (wrk)" "$(grep -c 'Socket errors' "$tmp/wrk.txt" || true)" 0
expect "every checked answer identical across swaps" "$bad" 0
[ "$ok" -gt 0 ] || { echo "FAIL: the checker made no request"; fail=1; }
wait_version 21 || true
expect "version after 20 swaps" "$(version_of version)" 21
# A fetch reply may carry a version newer than the next announcement, which
# is then skipped as older: acks rise strictly and end at 21, one per swap.
acks=$(awk '$1 == "ack" { print $3 }' "$tmp/reports" | tr '\n' ' ')
expect "acks rise strictly to 21" \
    "$(awk '$1 == "ack" { if ($3 <= last) bad = 1; last = $3 } END { print bad ? "no" : last }' \
        "$tmp/reports")" 21
# Most versions are acked from their announcement: all 20 on an idle machine.
# A loaded one may take longer than the 0.2 s between announcements to load
# and store a bundle, and a fetch (every second) then skips queued ones; with
# announcements lost, only the fetches would bring versions: about 5.
nacks=$(wc -w <<<"$acks")
if [ "$nacks" -gt 11 ]; then echo "ok: $nacks acks ($acks)"; else
    echo "FAIL: $nacks acks: $acks"; fail=1; fi
expect "one swap per ack after the first" "$(metric fedmesh_sidecar_bundle_swaps_total)" \
    $((nacks - 1))
expect "nothing planned: every bundle brought the query's plan" \
    "$(metric fedmesh_sidecar_plan_cache_misses_total)" 0
echo "requests $(metric fedmesh_sidecar_requests_total)," \
    "plan cache hits $(metric fedmesh_sidecar_plan_cache_hits_total)," \
    "errors $(metric fedmesh_sidecar_request_errors_total) (one: the 503 before any bundle)"
# Announcement to swap (verified, loaded, current), from the publisher's clock and the acks.
awk '$1 == "announce" { at[$2] = $3 } $1 == "ack" && ($3 in at) { print $5 - at[$3] }' \
    "$tmp/reports" | sort -n > "$tmp/latency"
echo "announcement to swap, ms, over $(wc -l < "$tmp/latency") swaps under load:" \
    "median $(awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }' "$tmp/latency")," \
    "max $(tail -n 1 "$tmp/latency")"
# The last requests on an old bundle may still be finishing: wait for them (30 s at most).
for _ in $(seq 300); do [ "$(metric fedmesh_sidecar_bundles_live)" = 1 ] && break; sleep 0.1; done
expect "only the current bundle in memory" "$(metric fedmesh_sidecar_bundles_live)" 1

publish corrupt 22 "$tmp/a.graphql"
for _ in $(seq 300); do grep -q '^reject mesh-test 22 ' "$tmp/reports" && break; sleep 0.1; done
expect "corrupt envelope rejected with its reason" \
    "$(grep '^reject mesh-test 22 ' "$tmp/reports" | cut -d' ' -f4-6)" "bundle sha256 is"
expect "rejections counted" "$(metric fedmesh_sidecar_bundle_rejections_total)" 1
expect "old bundle keeps serving" "$(version_of version)" 21
expect "query after the rejection" "$(answers_same)" same
# Heartbeats go out every second, usage frames every 5 s: give the next ones time to come.
for _ in $(seq 300); do grep -q '^heartbeat mesh-test 21 ' "$tmp/reports" && break; sleep 0.1; done
grep -q '^heartbeat mesh-test 21 ' "$tmp/reports" && echo "ok: heartbeats carry the version" ||
    { echo "FAIL: no heartbeat with version 21"; fail=1; }
for _ in $(seq 300); do grep -q '^usage mesh-test [0-9]' "$tmp/reports" && break; sleep 0.1; done
grep -q '^usage mesh-test [0-9]' "$tmp/reports" && echo "ok: usage frames" ||
    { echo "FAIL: no usage frame"; fail=1; }

# Restart without the control plane: the last good bundle from disk.
stop_sidecar
stop_publisher
start_sidecar build/fedmesh-sidecar
wait_version 21 || true
expect "restart without control plane: version from disk" "$(version_of version)" 21
expect "restart without control plane: source" "$(version_of source)" disk
expect "restart without control plane: query" "$(answers_same)" same
start_publisher
publish bundle 23 "$tmp/a.graphql"
wait_version 23 || true
expect "caught up when the control plane returned" "$(version_of version)" 23
expect "caught up: source" "$(version_of source)" control-plane
stop_sidecar

# The sanitizer build: swaps while requests run, then a clean stop.
start_sidecar build/san/fedmesh-sidecar
wait_version 23 || true
rm -f "$tmp/stop"
checker &
checker_pid=$!
pids+=($checker_pid)
for v in $(seq 24 33); do publish bundle "$v" "$tmp/b.graphql"; sleep 0.2; done
touch "$tmp/stop"
wait "$checker_pid"
read -r ok bad < "$tmp/checker"
wait_version 33 || true
expect "ASan build: version after 10 swaps" "$(version_of version)" 33
expect "ASan build: every answer identical across swaps" "$bad" 0
stop_sidecar
if grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error' "$tmp/sidecar.log"; then
    echo "FAIL: sanitizer report"
    grep -A20 -E 'ERROR|runtime error' "$tmp/sidecar.log" | head -40
    fail=1
else
    echo "ok: ASan build: no sanitizer report"
fi

# Valgrind: a swap, a request, a stop: no error, every block freed.
if command -v valgrind >/dev/null; then
    tries=1200 # a loaded machine makes valgrind slow to start
    start_sidecar valgrind --error-exitcode=9 --leak-check=full --show-leak-kinds=all \
        --errors-for-leak-kinds=all --log-file="$tmp/valgrind.log" build/fedmesh-sidecar
    wait_version 33 || true
    publish bundle 34 "$tmp/a.graphql"
    wait_version 34 || true
    expect "valgrind: swapped" "$(version_of version)" 34
    expect "valgrind: query" "$(answers_same)" same
    rc=0
    stop_sidecar || rc=$?
    expect "valgrind: clean exit, nothing left allocated" \
        "$rc $(grep -c 'All heap blocks were freed' "$tmp/valgrind.log")" "0 1"
fi
stop_publisher

if [ "$fail" -eq 0 ]; then echo "sidecar_mesh: all passed"; else
    echo "--- sidecar log (tail)"; tail -n 30 "$tmp/sidecar.log"
    [ -e "$tmp/valgrind.log" ] && { echo "--- valgrind log (tail)"; tail -n 30 "$tmp/valgrind.log"; }
fi
exit "$fail"
