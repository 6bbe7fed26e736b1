#!/usr/bin/env bash
# bench_harness.sh: the measuring helpers of the gateway benchmark
# (bench/lib.sh) on known input: wrk reports in every latency unit, error
# counts, medians, ratios, and the CPU time and peak RSS of a live process
# session; plus bench/run.sh's and run-peer.sh's refusal of bad arguments.
# Starts no gateway and no load.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
source bench/lib.sh
passed=0 failed=0

expect() { # NAME GOT WANT
    if [ "$2" = "$3" ]; then passed=$((passed + 1)); else
        failed=$((failed + 1)); echo "FAIL $1: got '$2', want '$3'"; fi
}

wrk_ms='Running 15s test @ http://127.0.0.1:14700/graphql
  1 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   103.43ms   20.01ms 187.56ms   70.00%
  Latency Distribution
     50%  103.43ms
     75%  110.00ms
     90%  140.00ms
     99%  187.56ms
  7170 requests in 15.01s, 690.12MB read
Requests/sec:    477.68
Transfer/sec:     45.98MB'
expect "rps" "$(bench_wrk_field "$wrk_ms" rps)" 478
expect "requests" "$(bench_wrk_field "$wrk_ms" requests)" 7170
expect "p50 in ms" "$(bench_wrk_field "$wrk_ms" p50)" 103.430
expect "p99 in ms" "$(bench_wrk_field "$wrk_ms" p99)" 187.560
expect "no errors" "$(bench_wrk_field "$wrk_ms" errors)" 0

wrk_mixed='  Latency Distribution
     50%  651.00us
     75%  900.00us
     90%    1.20s
     99%    4.57s
  210 requests in 15.02s, 20.40MB read
  Socket errors: connect 1, read 2, write 3, timeout 4
  Non-2xx or 3xx responses: 5
Requests/sec:     13.98'
expect "p50 in us" "$(bench_wrk_field "$wrk_mixed" p50)" 0.651
expect "p99 in s" "$(bench_wrk_field "$wrk_mixed" p99)" 4570.000
expect "socket and HTTP errors" "$(bench_wrk_field "$wrk_mixed" errors)" 15
expect "rps rounds" "$(bench_wrk_field "$wrk_mixed" rps)" 14
expect "minutes" "$(bench_wrk_field '     99%    1.50m' p99)" 90000.000

expect "median odd" "$(bench_median 3 1 2)" 2
expect "median even" "$(bench_median 10 4 2 8)" 6
expect "median one" "$(bench_median 0.5)" 0.5
expect "median sorts numbers, not text" "$(bench_median 9 10 100)" 10
bench_median >/dev/null 2>&1
expect "median of nothing fails" $? 1
expect "spread" "$(bench_spread 14 478 120)" 14-478
expect "sum" "$(bench_sum 1 2 0 4)" 7
expect "sum of nothing" "$(bench_sum)" 0
expect "ratio" "$(bench_ratio 478 14)" 34.14x
expect "ratio below one" "$(bench_ratio 1 40)" 0.03x
expect "ratio to zero" "$(bench_ratio 5 0)" -

# A live session: a shell whose child burns CPU (at most 60 s), polled until
# the session has used 0.2 s of it (slow on a busy machine: 30 s at most).
setsid bash -c 'timeout 60 bash -c "while :; do :; done" & sleep 90' >/dev/null 2>&1 &
sid=$!
for _ in $(seq 300); do
    [ "$(bench_session_cpu_ticks "$sid")" -gt 20 ] && break
    sleep 0.1
done
pids=$(bench_session_pids "$sid" | wc -l)
expect "session has its shell and its children" "$((pids >= 2))" 1
ticks=$(bench_session_cpu_ticks "$sid")
expect "session burned CPU (ticks > 20)" "$((ticks > 20))" 1
rss=$(bench_session_peak_rss_kb "$sid")
expect "session peak RSS is counted (kB > 1000)" "$((rss > 1000))" 1
expect "no session, no pids" "$(bench_session_pids 999999999 | wc -l)" 0
expect "no session, no ticks" "$(bench_session_cpu_ticks 999999999)" 0
kill -TERM -- "-$sid" 2>/dev/null
wait "$sid" 2>/dev/null

out=$(GATEWAYS="fedmesh nginx" bench/run.sh 2>&1)
expect "unknown gateway exit" $? 2
expect "unknown gateway message" "$(tail -n 1 <<<"$out")" "bench: unknown gateway nginx"
# Ports taken by someone else's subgraphs: refused before anything starts.
PORT_BASE=15960 setsid build/fedmesh-bench-subgraphs --data bench/workload >/dev/null 2>&1 &
sid=$!
for _ in $(seq 300); do
    curl -sf http://127.0.0.1:15964/health >/dev/null 2>&1 && break
    sleep 0.1
done
out=$(GATEWAYS=fedmesh PORT_BASE=15960 GATEWAY_PORT=15960 bench/run.sh 2>&1)
expect "port in use exit" $? 1
expect "port in use message" "$out" "bench: port 15961 is in use (PORT_BASE, GATEWAY_PORT move them)"
kill -TERM -- "-$sid" 2>/dev/null
wait "$sid" 2>/dev/null

out=$(bench/peers/run-peer.sh envoy x.graphql 2>&1)
expect "unknown peer exit" $? 2
expect "unknown peer message" "$out" \
    "usage: run-peer.sh install | apollo-gateway|hive-gateway SUPERGRAPH [PORT]"

echo "bench_harness: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
