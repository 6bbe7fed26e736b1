#!/usr/bin/env bash
# run.sh (make bench): fedmesh's sidecar against Apollo Gateway and Hive
# Gateway, side by side on the same C subgraphs (build/fedmesh-bench-subgraphs)
# and the same query (bench/workload). One gateway at a time, in rounds
# (A B C A B C ...) so machine noise shows as spread; the table quotes medians.
#
# Each round of each gateway: start it in its own session, check its answer
# equals expected-response.json, warm up, run wrk for a fixed time, and sample
# the CPU time (utime+stime) and peak RSS (VmHWM) of its process tree from
# /proc. A gateway that is not built, does not start or answers wrongly is
# reported as such in the table. Everything on 127.0.0.1; every process
# started here is stopped on exit.
#
# Knobs (environment): DURATION (s per measured run, default 15), WARMUP
# (s, default 3), ROUNDS (default 3), CONNECTIONS (default 50), WRK_THREADS
# (default 1), GATEWAYS (default "fedmesh apollo-gateway hive-gateway"),
# PORT_BASE (subgraphs on PORT_BASE+1..+4, default 14700), GATEWAY_PORT
# (default 14700), FEDMESH_THREADS (the sidecar's --threads, default its own),
# PROFILE (a file: `perf record -g` of fedmesh during its measured runs, into
# it; the profiling then weighs on fedmesh's figures).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

duration=${DURATION:-15} warmup=${WARMUP:-3} rounds=${ROUNDS:-3}
connections=${CONNECTIONS:-50} wrk_threads=${WRK_THREADS:-1}
port_base=${PORT_BASE:-14700} gateway_port=${GATEWAY_PORT:-14700}
read -ra gateways <<<"${GATEWAYS:-fedmesh apollo-gateway hive-gateway}"
for gw in "${gateways[@]}"; do
    case "$gw" in
    fedmesh | apollo-gateway | hive-gateway) ;;
    *) echo "bench: unknown gateway $gw" >&2; exit 2 ;;
    esac
done
workload=bench/workload
url="http://127.0.0.1:$gateway_port/graphql"
start_timeout_s=60
# Long enough that a slow gateway's latency is measured, not dropped as a timeout.
wrk_timeout_s=10
hz=$(getconf CLK_TCK)

for tool in wrk curl jq; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing (make deps)" >&2; exit 1; }
done
[ -x build/fedmesh-bench-subgraphs ] || { echo "bench: build first (make)" >&2; exit 1; }

# A port already answering would be measured in place of the server started here.
for port in "$gateway_port" $(seq $((port_base + 1)) $((port_base + 4))); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "bench: port $port is in use (PORT_BASE, GATEWAY_PORT move them)" >&2
        exit 1
    fi
done

work=$(mktemp -d)
sessions=()
stop_session() { # SID: TERM the whole session, KILL what is left after 5 s
    local sid=$1
    kill -TERM -- "-$sid" 2>/dev/null || return 0
    for _ in $(seq 50); do
        kill -0 -- "-$sid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL -- "-$sid" 2>/dev/null || true
    wait "$sid" 2>/dev/null || true
}
cleanup() {
    for sid in "${sessions[@]}"; do stop_session "$sid"; done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The supergraph with the subgraphs moved to PORT_BASE+1..+4.
supergraph="$work/supergraph.graphql"
sed -e "s#127.0.0.1:4201/#127.0.0.1:$((port_base + 1))/#" \
    -e "s#127.0.0.1:4202/#127.0.0.1:$((port_base + 2))/#" \
    -e "s#127.0.0.1:4203/#127.0.0.1:$((port_base + 3))/#" \
    -e "s#127.0.0.1:4204/#127.0.0.1:$((port_base + 4))/#" \
    "$workload/supergraph.graphql" >"$supergraph"
jq -c . "$workload/expected-response.json" >"$work/expected.json"

# start_session NAME COMMAND...: runs it in a new session, logging to
# $work/NAME.log; sets $started to its session id.
start_session() {
    local name=$1; shift
    setsid "$@" >"$work/$name.log" 2>&1 &
    started=$!
    sessions+=("$started")
}

# wait_http SID URL: until URL answers a POST of the query (any status);
# fails if the session dies or after start_timeout_s.
wait_http() {
    local code
    for _ in $(seq $((start_timeout_s * 10))); do
        kill -0 "$1" 2>/dev/null || return 1
        code=$(curl -s -o /dev/null -w '%{http_code}' -m 5 -H 'content-type: application/json' \
            --data-binary @"$workload/body.json" "$2" || true)
        [ "$code" != "000" ] && return 0
        sleep 0.1
    done
    return 1
}

gateway_command() { # NAME: the command line serving $supergraph on $gateway_port
    case "$1" in
    fedmesh)
        echo build/fedmesh-sidecar --supergraph "$supergraph" --listen "127.0.0.1:$gateway_port" \
            ${FEDMESH_THREADS:+--threads "$FEDMESH_THREADS"} ;;
    *) echo bench/peers/run-peer.sh "$1" "$supergraph" "$gateway_port" ;;
    esac
}

declare -A status rps p50 p99 cpu sub_cpu rss errors
for gw in "${gateways[@]}"; do status[$gw]=ok; done
if [ -n "${status[fedmesh]:-}" ] && [ ! -x build/fedmesh-sidecar ]; then
    status[fedmesh]="not built"
fi
if [ -n "${status[apollo-gateway]:-}${status[hive-gateway]:-}" ]; then
    bench/peers/run-peer.sh install
fi

PORT_BASE=$port_base start_session subgraphs build/fedmesh-bench-subgraphs --data "$workload"
subgraphs_sid=$started
for i in 1 2 3 4; do
    code=""
    for _ in $(seq 100); do
        code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((port_base + i))/health" ||
            true)
        [ "$code" = 200 ] && break
        sleep 0.1
    done
    [ "$code" = 200 ] || { echo "bench: subgraphs did not start:" >&2; cat "$work/subgraphs.log" >&2; exit 1; }
done

# check_answer NAME: the gateway's answer to the query equals the expected one.
check_answer() {
    curl -s -m 10 -H 'content-type: application/json' --data-binary @"$workload/body.json" "$url" \
        >"$work/$1.answer" || true
    jq -c . "$work/$1.answer" 2>/dev/null | cmp -s - "$work/expected.json"
}

# measure NAME: one round of gateway NAME; appends its figures or sets its status.
measure() {
    local gw=$1 sid out requests cpu0 cpu1 sub0 sub1 profiler
    # shellcheck disable=SC2046 # the command line is split on purpose
    start_session "$gw" $(gateway_command "$gw")
    sid=$started
    if ! wait_http "$sid" "$url"; then
        status[$gw]="did not start"
        echo "bench: $gw did not start; its log:" >&2; tail -20 "$work/$gw.log" >&2
    elif ! check_answer "$gw"; then
        status[$gw]="wrong answer"
        echo "bench: $gw answered (first 300 bytes): $(head -c 300 "$work/$gw.answer")" >&2
    else
        if [ "$warmup" != 0 ]; then
            BODY=$workload/body.json wrk -t"$wrk_threads" -c"$connections" -d"${warmup}s" \
                --timeout "${wrk_timeout_s}s" -s "$workload/post.lua" "$url" >/dev/null || true
        fi
        profiler=""
        if [ "$gw" = fedmesh ] && [ -n "${PROFILE:-}" ]; then
            perf record -q -g -o "$PROFILE" -p "$sid" -- sleep "$duration" 2>/dev/null &
            profiler=$!
        fi
        cpu0=$(bench_session_cpu_ticks "$sid") sub0=$(bench_session_cpu_ticks "$subgraphs_sid")
        out=$(BODY=$workload/body.json wrk -t"$wrk_threads" -c"$connections" -d"${duration}s" \
            --timeout "${wrk_timeout_s}s" --latency -s "$workload/post.lua" "$url" 2>&1) || true
        cpu1=$(bench_session_cpu_ticks "$sid") sub1=$(bench_session_cpu_ticks "$subgraphs_sid")
        [ -z "$profiler" ] || wait "$profiler" || true
        requests=$(bench_wrk_field "$out" requests)
        if [ "$requests" = 0 ]; then
            status[$gw]="no request done in ${duration}s"
            echo "bench: $gw under load:" >&2; echo "$out" >&2
        else
            errors[$gw]+=" $(bench_wrk_field "$out" errors)"
            rps[$gw]+=" $(bench_wrk_field "$out" rps)"
            p50[$gw]+=" $(bench_wrk_field "$out" p50)"
            p99[$gw]+=" $(bench_wrk_field "$out" p99)"
            cpu[$gw]+=" $(awk -v t=$((cpu1 - cpu0)) -v hz="$hz" -v n="$requests" \
                'BEGIN { printf "%.4f", t * 1000 / hz / n }')"
            sub_cpu[$gw]+=" $(awk -v t=$((sub1 - sub0)) -v hz="$hz" -v n="$requests" \
                'BEGIN { printf "%.4f", t * 1000 / hz / n }')"
            rss[$gw]+=" $(awk -v kb="$(bench_session_peak_rss_kb "$sid")" \
                'BEGIN { printf "%.1f", kb / 1024 }')"
        fi
    fi
    stop_session "$sid"
}

echo "bench: ${gateways[*]}; $rounds rounds of ${duration}s (after ${warmup}s warm-up)," \
    "$connections connections, wrk -t$wrk_threads; $(nproc) cores shared by wrk, subgraphs, gateway;" \
    "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$rounds"); do
    for gw in "${gateways[@]}"; do
        [ "${status[$gw]}" = ok ] || continue
        measure "$gw"
        [ "${status[$gw]}" = ok ] &&
            echo "round $round: $gw ${rps[$gw]##* } req/s, p99 ${p99[$gw]##* } ms, CPU ${cpu[$gw]##* } ms/req," \
                "peak RSS ${rss[$gw]##* } MB"
    done
done

cell() { # FIGURES...: "median (min-max)", 4 significant digits
    local figures
    figures=$(printf '%s\n' "$@" | awk '{ printf "%.4g\n", $1 }')
    # shellcheck disable=SC2086 # figures are one a line on purpose
    echo "$(bench_median $figures) ($(bench_spread $figures))"
}
echo "bench: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| gateway | requests/s | p50 ms | p99 ms | CPU ms/request | peak RSS MB |" \
    "subgraphs' CPU ms/request | wrk errors |"
echo "|---|---|---|---|---|---|---|---|"
for gw in "${gateways[@]}"; do
    if [ -n "${rps[$gw]:-}" ]; then
        # shellcheck disable=SC2086
        echo "| $gw | $(cell ${rps[$gw]}) | $(cell ${p50[$gw]}) | $(cell ${p99[$gw]}) |" \
            "$(cell ${cpu[$gw]}) | $(cell ${rss[$gw]}) | $(cell ${sub_cpu[$gw]}) |" \
            "$(bench_sum ${errors[$gw]}) |"
    else
        echo "| $gw | ${status[$gw]} | | | | | | |"
    fi
done

peers_measured=""
for gw in "${gateways[@]}"; do
    [ "$gw" = fedmesh ] || peers_measured+="${rps[$gw]:-}"
done
[ -n "${rps[fedmesh]:-}" ] && [ -n "$peers_measured" ] || exit 0
echo
echo "Ratios of medians, fedmesh / peer (above 1 is better for requests/s, below 1 for the rest):"
# shellcheck disable=SC2086
{
    f_rps=$(bench_median ${rps[fedmesh]}) f_p99=$(bench_median ${p99[fedmesh]})
    f_cpu=$(bench_median ${cpu[fedmesh]}) f_rss=$(bench_median ${rss[fedmesh]})
}
for gw in "${gateways[@]}"; do
    if [ "$gw" = fedmesh ] || [ -z "${rps[$gw]:-}" ]; then continue; fi
    # shellcheck disable=SC2086
    echo "fedmesh / $gw: requests/s $(bench_ratio "$f_rps" "$(bench_median ${rps[$gw]})")," \
        "p99 $(bench_ratio "$f_p99" "$(bench_median ${p99[$gw]})")," \
        "CPU per request $(bench_ratio "$f_cpu" "$(bench_median ${cpu[$gw]})")," \
        "peak RSS $(bench_ratio "$f_rss" "$(bench_median ${rss[$gw]})")"
done
