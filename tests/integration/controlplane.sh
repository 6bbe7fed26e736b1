#!/usr/bin/env bash
# controlplane.sh: fedmesh-controlplane --config on the four bench subgraphs,
# which serve their SDL files live (--live-sdl), end to end over HTTP:
# the first version and /v1/status, an SDL change becomes the next version,
# a change that does not compose is not published and shows its error,
# subgraphs removed and added through the admin API, rollback, /metrics, a
# restart that restores the current version and the subgraph list and
# continues the sequence, and refusals to start (bad YAML, an unprotected
# non-loopback admin address). The nng side (fetch, announce, reports) is
# covered by the daemon_test unit test. Free local ports; stops all on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
make -s build/fedmesh-controlplane build/fedmesh-bench-subgraphs

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
cleanup() { # never fails: a process may have ended already
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT
fail=0
expect() { # what, got, want
    if [ "$2" = "$3" ]; then echo "ok: $1"; else echo "FAIL: $1: got '$2', want '$3'"; fail=1; fi
}

base=$(free_port 15500)
cp_port=$(free_port $((base + 10)))
admin="http://127.0.0.1:$cp_port"
cp -r bench/workload "$tmp/data"
sdl="$tmp/data/subgraphs"
PORT_BASE=$base build/fedmesh-bench-subgraphs --data "$tmp/data" --threads 1 --live-sdl \
    > "$tmp/subgraphs.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$((base + 4))/health"

cat > "$tmp/cp.yaml" <<YAML
state_dir: state
admin:
  listen: 127.0.0.1:$cp_port
nng:
  publish: tcp://127.0.0.1:$((cp_port + 1))
  fetch: tcp://127.0.0.1:$((cp_port + 2))
  report: tcp://127.0.0.1:$((cp_port + 3))
poll:
  interval_ms: 100
  jitter_ms: 20
operations:
  - file: data/query.graphql
subgraphs:
  - name: accounts
    url: http://127.0.0.1:$((base + 1))/graphql
  - name: inventory
    url: http://127.0.0.1:$((base + 2))/graphql
  - name: products
    url: http://127.0.0.1:$((base + 3))/graphql
  - name: reviews
    url: http://127.0.0.1:$((base + 4))/graphql
YAML

cp_pid=
start_cp() {
    build/fedmesh-controlplane --config "$tmp/cp.yaml" >> "$tmp/cp.log" 2>&1 &
    cp_pid=$!
    pids+=("$cp_pid")
    wait_http "$admin/v1/status"
}
stop_rc=
stop_cp() { # SIGTERM; its exit status in stop_rc
    kill -TERM "$cp_pid"
    stop_rc=0
    wait "$cp_pid" || stop_rc=$?
}
status() { curl -s -m 5 "$admin/v1/status"; }
wait_for() { # jq filter that must become true, within 30 s (a loaded machine is slow)
    for _ in $(seq 300); do
        [ "$(status | jq -r "$1")" = true ] && return 0
        sleep 0.1
    done
    echo "timed out waiting for $1: $(status)"
    return 1
}

start_cp
wait_for '.version == 1'
expect "first version" "$(status | jq -c '[.version, .composition.ok, (.subgraphs | length)]')" "[1,true,4]"
expect "every subgraph polled, none failing" \
    "$(status | jq '[.subgraphs[] | select(.sdl_sha256 != null and .error == null and .last_poll_ms > 0)] | length')" 4
expect "the registered operation is precompiled" "$(status | jq -c '.plans | [.precompiled, .failed]')" "[2,0]"
expect "supergraph names the four subgraphs" \
    "$(curl -s "$admin/v1/supergraph" | grep -c '@join__graph(name: "')" 4
expect "sha256 of the current bundle" "$(status | jq -r '.sha256 | test("^[0-9a-f]{64}$")')" true

# An SDL change: the next version, with the new field.
sed -i 's/^  weight: Int$/  weight: Int\n  color: String/' "$sdl/products.graphql"
wait_for '.version == 2'
expect "the change is in the supergraph" "$(curl -s "$admin/v1/supergraph" | grep -c '  color: String')" 1
expect "products changed after the others" \
    "$(status | jq '(.subgraphs[] | select(.name == "products") | .last_change_ms) > (.subgraphs[] | select(.name == "accounts") | .last_change_ms)')" true

# A change that does not compose: version 2 stays, the errors show.
cp "$sdl/inventory.graphql" "$tmp/inventory.graphql"
sed -i 's/^  inStock: Boolean$/  inStock: Boolean\n  name: Int/' "$sdl/inventory.graphql"
wait_for '.composition.ok == false'
expect "still version 2" "$(status | jq .version)" 2
expect "the composition error" "$(status | jq -r '.composition.errors[0].code')" FIELD_TYPE_MISMATCH
expect "its message" "$(status | jq -r '.composition.errors[0].message')" \
    'Type of field "Product.name" is incompatible across subgraphs: it has type "Int" in subgraph "inventory" but type "String" in subgraph "products"'
expect "the supergraph is version 2's" "$(curl -s "$admin/v1/supergraph" | grep -c 'name: Int')" 0
expect "history records the failure" "$(grep -c '^{"version":0,' "$tmp/state/history.jsonl")" 1
cp "$tmp/inventory.graphql" "$sdl/inventory.graphql"
wait_for '.composition.ok == true'
expect "back to what runs: no new version" "$(status | jq .version)" 2

# The subgraph list through the admin API.
expect "delete" "$(curl -s -X DELETE "$admin/v1/subgraphs/inventory")" '{"removed":"inventory","subgraphs":3}'
wait_for '.version == 3'
expect "three subgraphs" "$(status | jq '.subgraphs | length')" 3
expect "delete again" "$(curl -s -o /dev/null -w '%{http_code}' -X DELETE "$admin/v1/subgraphs/inventory")" 404
expect "add" "$(curl -s -X POST "$admin/v1/subgraphs" -d "{\"name\":\"inventory\",\"url\":\"http://127.0.0.1:$((base + 2))/graphql\"}")" \
    '{"added":"inventory","subgraphs":4}'
wait_for '.version == 4'
expect "add twice" "$(curl -s -X POST "$admin/v1/subgraphs" -d "{\"name\":\"inventory\",\"url\":\"http://x/\"}")" \
    '{"error":"subgraph \"inventory\" is already in the list"}'
expect "a bad body" "$(curl -s -X POST "$admin/v1/subgraphs" -d '{"name": 3}')" '{"error":"\"name\" must be a string"}'

# Rollback: version 1's content as version 5.
expect "rollback" "$(curl -s -X POST "$admin/v1/rollback" -d '{"version":1}' | jq -c '[.version, .rollback_of]')" "[5,1]"
expect "the rolled-back supergraph" "$(curl -s "$admin/v1/supergraph" | grep -c '  color: String')" 0
expect "metrics: version" "$(curl -s "$admin/metrics" | grep '^fedmesh_controlplane_version ')" "fedmesh_controlplane_version 5"
expect "metrics: compositions" "$(curl -s "$admin/metrics" | grep -c '^fedmesh_controlplane_compositions_total{result="failed"} 1$')" 1
expect "no sidecars yet" "$(curl -s "$admin/v1/sidecars")" "[]"

# Restart: version 5 (a rollback, which holds until an SDL changes) and the
# edited list are restored; the sequence goes on.
stop_cp
expect "SIGTERM stops it cleanly" "$stop_rc" 0
restarted=$(date +%s%3N)
start_cp
expect "restored version" "$(status | jq .version)" 5
wait_for "[.subgraphs[] | select(.last_poll_ms >= $restarted)] | length == 4" # polled since
expect "the rollback holds" "$(status | jq -c '[.version, .composition.ok]')" "[5,true]"
sed -i 's/^  color: String$/  color: String\n  size: Int/' "$sdl/products.graphql"
wait_for '.version == 6'
expect "the list survived the restart" "$(status | jq -c '[.subgraphs[].name]')" '["accounts","products","reviews","inventory"]'
expect "every version kept" "$(ls "$tmp/state/bundles" | tr '\n' ' ')" \
    "00000001.pb 00000002.pb 00000003.pb 00000004.pb 00000005.pb 00000006.pb "
expect "current" "$(cat "$tmp/state/current")" 6
stop_cp
expect "SIGTERM again" "$stop_rc" 0

# Refusals to start.
printf 'poll:\n  interval_ms: [1\n' > "$tmp/bad.yaml"
out=$(build/fedmesh-controlplane --config "$tmp/bad.yaml" 2>&1) && rc=0 || rc=$?
expect "malformed YAML: exit status" "$rc" 1
expect "malformed YAML: message" "$out" \
    "fedmesh-controlplane: $tmp/bad.yaml:3:1: did not find expected ',' or ']' while parsing a flow sequence"
out=$(FEDMESH_ADMIN_LISTEN=0.0.0.0:$cp_port build/fedmesh-controlplane --config "$tmp/cp.yaml" 2>&1) && rc=0 || rc=$?
expect "open admin without a token: exit status" "$rc" 1
expect "open admin without a token: message" "$out" \
    "fedmesh-controlplane: $tmp/cp.yaml: admin.token is required when admin.listen (0.0.0.0:$cp_port) is not a loopback address"

if [ "$fail" -ne 0 ]; then echo "--- cp.log"; cat "$tmp/cp.log"; fi
exit "$fail"
