#!/usr/bin/env bash
# mesh_failover.sh: the live mesh when things go wrong, end to end, under a
# bounded load (wrk, 10 connections, on sidecar 1, counting any failed
# request or GraphQL error):
#   - a corrupt bundle (from a stand-in publisher, build/mesh_publisher, whose
#     fetch replies send the sidecar's reports to the real control plane) is
#     rejected: the sidecar keeps serving its version, and the rejection with
#     its reason shows on the control plane's /v1/sidecars;
#   - the control plane is killed (SIGKILL): clients see no failure;
#   - a sidecar restarted while the control plane is down serves the last
#     good version from its --state-dir;
#   - the control plane restarted on its state directory keeps its version
#     sequence, and the next schema change reaches every sidecar again.
set -euo pipefail
cd "$(dirname "$0")/../.."
make -s build/fedmesh-controlplane build/fedmesh-sidecar build/fedmesh-bench-subgraphs \
    build/mesh_publisher

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { # a free port at or after $1, with its next four free too
    local p=$1
    while ! { port_free "$p" && port_free $((p + 1)) && port_free $((p + 2)) &&
        port_free $((p + 3)) && port_free $((p + 4)); }; do p=$((p + 10)); done
    echo "$p"
}
wait_status() { # url, status: true once the url answers it (60 s at most: a loaded machine is slow)
    for _ in $(seq 600); do
        [ "$(curl -s -m 1 -o /dev/null -w '%{http_code}' "$1" 2>/dev/null)" = "$2" ] && return 0
        sleep 0.1
    done
    return 1
}

pids=()
tmp=$(mktemp -d)
cleanup() { # must not fail: under set -e a failing command here would be the exit status
    exec 4>&- 2>/dev/null || true
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT
fail=0
expect() { # what, got, want
    if [ "$2" = "$3" ]; then echo "ok: $1"; else echo "FAIL: $1: got '$2', want '$3'"; fail=1; fi
}

sub=$(free_port 16600)             # subgraphs: sub+1..sub+4
cpp=$(free_port $((sub + 10)))     # control plane: admin, publish, fetch, report
sc=$(free_port $((cpp + 10)))      # sidecars' GraphQL: sc+1..sc+3
adm=$(free_port $((sc + 10)))      # sidecars' admin: adm+1..adm+3
pub=$(free_port $((adm + 10)))     # stand-in publisher: fetch, publish, report
admin="http://127.0.0.1:$cpp"
cp -r bench/workload "$tmp/data"
PORT_BASE=$sub build/fedmesh-bench-subgraphs --data "$tmp/data" --threads 1 --live-sdl \
    > "$tmp/subgraphs.log" 2>&1 &
pids+=($!)
wait_status "http://127.0.0.1:$((sub + 4))/health" 200

names=(accounts inventory products reviews)
{
    printf 'state_dir: state\nadmin:\n  listen: 127.0.0.1:%d\n' "$cpp"
    printf 'nng:\n  publish: tcp://127.0.0.1:%d\n  fetch: tcp://127.0.0.1:%d\n  report: tcp://127.0.0.1:%d\n' \
        $((cpp + 1)) $((cpp + 2)) $((cpp + 3))
    printf 'poll:\n  interval_ms: 250\n  jitter_ms: 50\noperations:\n  - file: data/query.graphql\nsubgraphs:\n'
    for i in 0 1 2 3; do
        printf '  - name: %s\n    url: http://127.0.0.1:%d/graphql\n' "${names[$i]}" $((sub + 1 + i))
    done
} > "$tmp/cp.yaml"
start_cp() {
    build/fedmesh-controlplane --config "$tmp/cp.yaml" >> "$tmp/cp.log" 2>&1 &
    cp_pid=$!
    pids+=($cp_pid)
    wait_status "$admin/v1/status" 200
}
start_sidecar() { # n, control plane fetch address
    build/fedmesh-sidecar --control-plane "$2" --listen "127.0.0.1:$((sc + $1))" \
        --admin "127.0.0.1:$((adm + $1))" --id "sidecar-$1" --state-dir "$tmp/sidecar-$1" \
        --threads 1 >> "$tmp/sidecar-$1.log" 2>&1 &
    sidecar_pid[$1]=$!
    pids+=(${sidecar_pid[$1]})
}
query() { # n: the bench query through sidecar n, compared with the expected answer
    curl -s -m 5 -H 'content-type: application/json' -d @"$tmp/data/body.json" \
        "http://127.0.0.1:$((sc + $1))/graphql" | jq -S -c . 2>/dev/null
}
want=$(jq -S -c . bench/workload/expected-response.json)
version_of() { curl -s -m 2 "http://127.0.0.1:$((adm + $1))/admin/version" | jq -r ".${2:-version}"; }

start_cp
declare -A sidecar_pid
for i in 1 2; do start_sidecar $i "tcp://127.0.0.1:$((cpp + 2))"; done
for i in 1 2; do wait_status "http://127.0.0.1:$((adm + i))/ready" 200 || true; done
expect "sidecars 1 and 2 run version 1" "$(version_of 1) $(version_of 2)" "1 1"
expect "a query through sidecar 1" "$(query 1)" "$want"

# wrk's --timeout: a reply slower than its default 2 s on a loaded machine is
# no failed request; a request that never gets one still counts.
BODY="$tmp/data/body.json" wrk -t1 -c10 -d600s --timeout 30s -s tests/mesh/load.lua \
    "http://127.0.0.1:$((sc + 1))/graphql" > "$tmp/wrk.txt" 2>&1 &
wrk_pid=$!
pids+=($wrk_pid)
sleep 1

# A corrupt bundle: sidecar 3 takes its bundles from a stand-in publisher and
# reports to the real control plane.
curl -s "$admin/v1/supergraph" > "$tmp/supergraph.graphql"
mkfifo "$tmp/publisher.in"
build/mesh_publisher --fetch "tcp://127.0.0.1:$pub" --publish "tcp://127.0.0.1:$((pub + 1))" \
    --report "tcp://127.0.0.1:$((pub + 2))" --report-to "tcp://127.0.0.1:$((cpp + 3))" \
    < "$tmp/publisher.in" > "$tmp/publisher.out" 2>&1 &
pids+=($!)
exec 4> "$tmp/publisher.in"
echo "bundle 1 $tmp/supergraph.graphql" >&4
start_sidecar 3 "tcp://127.0.0.1:$pub"
wait_status "http://127.0.0.1:$((adm + 3))/ready" 200 || true
expect "sidecar 3 runs the publisher's version 1" "$(version_of 3)" 1
# Sent again every 2 s until the rejection shows (30 s at most): sidecar 3 may
# not be subscribed yet when the first one goes out. Another rejection of the
# same version shows the same on /v1/sidecars.
rejected=""
for i in $(seq 300); do
    [ $((i % 20)) -eq 1 ] && echo "corrupt 2 $tmp/supergraph.graphql" >&4
    rejected=$(curl -s "$admin/v1/sidecars" |
        jq -r '.[] | select(.id == "sidecar-3") | .rejected | select(. != null) | "\(.version) \(.reason)"')
    [ -n "$rejected" ] && break
    sleep 0.1
done
echo "rejection on /v1/sidecars: $rejected"
expect "the rejection of version 2 shows on /v1/sidecars" "$(grep -c '^2 .*sha256' <<<"$rejected" || true)" 1
expect "sidecar 3 keeps serving version 1" "$(version_of 3) $(query 3)" "1 $want"

# The control plane dies: nothing changes for clients.
version=$(curl -s "$admin/v1/status" | jq .version)
kill -KILL "$cp_pid"
wait "$cp_pid" 2>/dev/null || true
sleep 2
expect "sidecar 1 answers with the control plane gone" "$(query 1)" "$want"

# A sidecar restarted while the control plane is down serves from disk.
kill "${sidecar_pid[2]}"
wait "${sidecar_pid[2]}" 2>/dev/null || true
start_sidecar 2 "tcp://127.0.0.1:$((cpp + 2))"
wait_status "http://127.0.0.1:$((adm + 2))/ready" 200 || true
expect "restarted sidecar 2 serves version $version from disk" \
    "$(version_of 2) $(version_of 2 source)" "$version disk"
expect "restarted sidecar 2 answers" "$(query 2)" "$want"

# The control plane returns on its state: same sequence, and a change rolls out.
start_cp
expect "the control plane keeps its version after a restart" \
    "$(curl -s "$admin/v1/status" | jq .version)" "$version"
sed -i 's/^  weight: Int$/  weight: Int\n  failoverField: String/' "$tmp/data/subgraphs/products.graphql"
next=$((version + 1))
for _ in $(seq 600); do # 30 s at most
    [ "$(version_of 1) $(version_of 2)" = "$next $next" ] && break
    sleep 0.05
done
expect "the next change reaches sidecars 1 and 2" "$(version_of 1) $(version_of 2)" "$next $next"

kill -INT "$wrk_pid" 2>/dev/null || true
wait "$wrk_pid" 2>/dev/null || true
echo "wrk on sidecar 1: $(tail -n 1 "$tmp/wrk.txt")"
expect "requests were served" "$(awk '/^requests/ {print ($2 > 0)}' "$tmp/wrk.txt")" 1
expect "no failed request" "$(awk '/^requests/ {print $4}' "$tmp/wrk.txt")" 0
if [ "$fail" -ne 0 ]; then
    for f in cp.log sidecar-1.log sidecar-2.log sidecar-3.log publisher.out wrk.txt; do
        echo "--- $f"; tail -15 "$tmp/$f"
    done
fi
exit "$fail"
