#!/usr/bin/env bash
# run-tests.sh: everything `make test` runs, in order, with one summary line
# at the end that CI reads ("tests: N passed, M failed"):
#   1. the unit test binaries, plain build
#   2. the same binaries under ASan+UBSan (build/san)
#   3. each libFuzzer target for a short smoke run on its seed corpus (clang):
#      tests/fuzz/NAME/ and the fixture files tests/fuzz/NAME.seeds lists
#   4. the integration scripts tests/integration/*.sh
set -uo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
passed=0 failed=0 log=build/test-log.txt
mkdir -p build && : > "$log"

tally() { # reads "name: N passed, M failed" lines from a binary's output
    local line p f
    line=$(grep -E '^[^ ]+: [0-9]+ passed, [0-9]+ failed$' <<<"$1" | tail -n 1)
    if [ -z "$line" ]; then failed=$((failed + 1)); return; fi
    p=$(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$line")
    f=$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$line")
    passed=$((passed + p)); failed=$((failed + f))
}

run_suite() { # label, binary... (each 10 min at most: a hung one fails, not the whole run)
    local label="$1"; shift
    for bin in "$@"; do
        out=$(timeout 600 "$bin" 2>&1); rc=$?
        printf '%s\n' "$out" >> "$log"
        tally "$out"
        if [ $rc -ne 0 ]; then
            echo "FAILED ($label): $bin"; grep -v ': [0-9]* passed' <<<"$out" | head -40
            grep -qE ' [1-9][0-9]* failed$' <<<"$out" || failed=$((failed + 1))
        fi
    done
    echo "$label: done"
}

seed_inputs() { # NAME: "-seed_inputs=FILE,..." for the fixtures tests/fuzz/NAME.seeds names
    local list=tests/fuzz/$1.seeds pattern files=()
    [ -f "$list" ] || return 0
    while read -r pattern; do # a path or a glob a line; "#" starts a comment
        case $pattern in '' | '#'*) continue ;; esac
        local matched=($pattern)
        [ -e "${matched[0]}" ] || { echo "$list: no file matches $pattern"; return 1; }
        files+=("${matched[@]}")
    done <"$list"
    local IFS=,
    echo "-seed_inputs=${files[*]}"
}

echo "== build"
make -s -j"$jobs" all || { echo "tests: 0 passed, 1 failed"; exit 1; }
echo "== unit"
run_suite unit build/test/*_test

echo "== unit under ASan+UBSan"
if make -s -j"$jobs" BUILD=build/san SAN=1 unit-bins; then
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 run_suite asan build/san/test/*_test
else
    echo "sanitizer build failed"; failed=$((failed + 1))
fi

echo "== fuzz smoke"
if command -v clang >/dev/null && ls planner/*_fuzz.c >/dev/null 2>&1; then
    if make -s -j"$jobs" fuzz; then
        for f in build/fuzz/*_fuzz; do
            name=$(basename "$f" _fuzz)
            corpus=tests/fuzz/$name
            if ! seeds=$(seed_inputs "$name"); then
                echo "FAILED fuzz smoke: $seeds"; failed=$((failed + 1)); continue
            fi
            tmp=$(mktemp -d)
            if "$f" -max_total_time="${FUZZ_SMOKE_SECONDS:-10}" -rss_limit_mb=2048 $seeds "$tmp" \
                $( [ -d "$corpus" ] && echo "$corpus" ) >> "$log" 2>&1; then
                passed=$((passed + 1))
            else
                echo "FAILED fuzz smoke: $f (see $log)"; failed=$((failed + 1))
            fi
            rm -rf "$tmp"
        done
    else
        echo "fuzz build failed"; failed=$((failed + 1))
    fi
else
    echo "no clang or no fuzz targets: skipped"
fi

echo "== integration"
for t in tests/integration/*.sh; do
    [ -e "$t" ] || continue
    # Into a file, not $(...): a background process the script left behind
    # would hold a pipe open and stall the run; timeout kills the script's
    # process group.
    rc=0
    timeout -k 10 600 bash "$t" > "$log.one" 2>&1 || rc=$?
    cat "$log.one" >> "$log"
    if [ $rc -eq 0 ]; then passed=$((passed + 1)); else
        echo "FAILED integration: $t (status $rc)"; tail -30 "$log.one"; failed=$((failed + 1)); fi
done

echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
