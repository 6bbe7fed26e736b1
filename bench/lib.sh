# shellcheck shell=bash
# lib.sh: the measuring helpers of bench/run.sh, sourced (no side effects):
# reading wrk's report, the CPU time and peak RSS of a process session from
# /proc, medians and ratios. Kept apart so tests/integration/bench_harness.sh
# can check each one on known input.

# bench_wrk_field REPORT FIELD: one figure from `wrk --latency` output.
#   FIELD: rps (Requests/sec), requests (total completed), p50 and p99
#   (milliseconds), errors (socket errors + non-2xx/3xx responses).
bench_wrk_field() {
    awk -v field="$2" '
        function ms(v) {
            if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
            if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
            if (v ~ /m$/) return substr(v, 1, length(v) - 1) * 60000
            if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000
            return v + 0
        }
        /^Requests\/sec:/ { rps = $2 }
        / requests in / { requests = $1 }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        /^ *Socket errors:/ {
            for (i = 3; i <= NF; i += 2) { v = $(i + 1); sub(/,$/, "", v); errors += v }
        }
        /^ *Non-2xx or 3xx responses:/ { errors += $NF }
        END {
            if (field == "rps") printf "%.0f\n", rps
            else if (field == "requests") printf "%d\n", requests
            else if (field == "p50") printf "%.3f\n", p50
            else if (field == "p99") printf "%.3f\n", p99
            else if (field == "errors") printf "%d\n", errors
        }' <<<"$1"
}

# bench_session_pids SID: the processes of session SID (a gateway started with
# setsid is its own session, so this is its whole process tree, forks included).
bench_session_pids() {
    local stat line rest
    local -a f
    for stat in /proc/[0-9]*/stat; do
        { read -r line <"$stat"; } 2>/dev/null || continue
        rest=${line##*) }
        read -ra f <<<"$rest"
        [ "${f[3]}" = "$1" ] && { line=${stat#/proc/}; echo "${line%/stat}"; }
    done
    return 0
}

# bench_session_cpu_ticks SID: user+system CPU time of session SID in clock
# ticks, counting reaped children (cutime, cstime) so exits lose nothing.
bench_session_cpu_ticks() {
    local pid line rest total=0
    local -a f
    for pid in $(bench_session_pids "$1"); do
        { read -r line <"/proc/$pid/stat"; } 2>/dev/null || continue
        rest=${line##*) }
        read -ra f <<<"$rest"
        total=$((total + f[11] + f[12] + f[13] + f[14]))
    done
    echo "$total"
}

# bench_session_peak_rss_kb SID: the sum of the peak resident sizes (VmHWM)
# of the processes of session SID, in kB.
bench_session_peak_rss_kb() {
    local pid kb total=0
    for pid in $(bench_session_pids "$1"); do
        kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null)
        total=$((total + ${kb:-0}))
    done
    echo "$total"
}

# bench_median N...: the median (mean of the middle two for an even count).
bench_median() {
    [ $# -gt 0 ] || return 1
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 }
        END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# bench_sum N...: the total.
bench_sum() {
    printf '%s\n' "$@" | awk '{ t += $1 } END { print t + 0 }'
}

# bench_spread N...: "min-max" of the figures, for the table.
bench_spread() {
    printf '%s\n' "$@" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s-%s\n", lo, hi }'
}

# bench_ratio A B: A / B as "12.3x" ("-" when B is zero).
bench_ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "-"; else printf "%.2fx\n", a / b }'
}
