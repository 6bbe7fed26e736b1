#!/usr/bin/env bash
# sidecar_http.sh: fedmesh-sidecar in static mode, end to end over HTTP, on the
# C benchmark subgraphs: the benchmark query answers exactly
# bench/workload/expected-response.json (plain and ASan+UBSan builds), and the
# GraphQL-over-HTTP rules hold (GET, negotiation, status codes, limits,
# /health). Starts everything on free local ports and stops it on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
make -s BUILD=build/san SAN=1 build/san/fedmesh-sidecar build/san/fedmesh-bench-subgraphs

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

base=$(free_port 14500)
PORT_BASE=$base build/san/fedmesh-bench-subgraphs --data bench/workload --threads 1 &
pids+=($!)
sed -e "s#127.0.0.1:4201#127.0.0.1:$((base + 1))#" -e "s#127.0.0.1:4202#127.0.0.1:$((base + 2))#" \
    -e "s#127.0.0.1:4203#127.0.0.1:$((base + 3))#" -e "s#127.0.0.1:4204#127.0.0.1:$((base + 4))#" \
    bench/workload/supergraph.graphql > "$tmp/supergraph.graphql"
wait_http "http://127.0.0.1:$((base + 1))/health"

run_sidecar() { # binary, port
    "$1" --supergraph "$tmp/supergraph.graphql" --listen "127.0.0.1:$2" --threads 2 \
        --max-body-bytes 100000 &
    pids+=($!)
    wait_http "http://127.0.0.1:$2/health"
}

check_bench_query() { # url, label
    curl -s -m 30 -H 'content-type: application/json' --data @bench/workload/body.json "$1" \
        > "$tmp/got.json"
    if node -e 'const [a,b]=process.argv.slice(1).map(f=>require("fs").readFileSync(f,"utf8"));
                process.exit(JSON.stringify(JSON.parse(a))===JSON.stringify(JSON.parse(b))?0:1)' \
        "$tmp/got.json" bench/workload/expected-response.json; then
        echo "ok: $2: benchmark query answers exactly expected-response.json"
    else
        echo "FAIL: $2: benchmark query"; head -c 400 "$tmp/got.json"; echo; fail=1
    fi
}

port=$(free_port 14600)
run_sidecar build/fedmesh-sidecar "$port"
url="http://127.0.0.1:$port/graphql"
check_bench_query "$url" "plain build"
check_bench_query "$url" "plain build, from the plan cache"

status() { curl -s -m 10 -o "$tmp/body" -w '%{http_code}' "$@"; }
json='content-type: application/json'
gqlresp='accept: application/graphql-response+json'

expect "GET /health" "$(status "http://127.0.0.1:$port/health")" 200
expect "unknown path is 404" "$(status "http://127.0.0.1:$port/nope")" 404
expect "GET query" "$(status "$url?query=%7B__typename%7D")" 200
expect "GET query body" "$(cat "$tmp/body")" '{"data":{"__typename":"Query"}}'
expect "GET with variables" "$(status -G "$url" --data-urlencode 'query=query($id: ID!) { user(id: $id) { name } }' --data-urlencode 'variables={"id":"2"}')" 200
expect "GET with variables body" "$(cat "$tmp/body")" '{"data":{"user":{"name":"Alan Turing"}}}'
expect "PUT is 405" "$(status -X PUT -H "$json" -d '{"query":"{a}"}' "$url")" 405
expect "non-JSON content type is 415" "$(status -H 'content-type: text/plain' -d '{ users { id } }' "$url")" 415
expect "malformed JSON is 400" "$(status -H "$json" -d '{"query":' "$url")" 400
expect "missing query is 400" "$(status -H "$json" -d '{"variables":{}}' "$url")" 400
expect "unacceptable Accept is 406" "$(status -H 'accept: text/html' -H "$json" -d '{"query":"{a}"}' "$url")" 406
expect "syntax error, graphql-response+json: 400" "$(status -H "$gqlresp" -H "$json" -d '{"query":"{ users { id }"}' "$url")" 400
expect "syntax error message" "$(node -pe 'JSON.parse(require("fs").readFileSync(process.argv[1])).errors[0].message' "$tmp/body")" 'Syntax Error: Expected Name, found <EOF>.'
expect "syntax error content type" "$(curl -s -m 10 -o /dev/null -w '%{content_type}' -H "$gqlresp" -H "$json" -d '{"query":"{"}' "$url")" 'application/graphql-response+json'
expect "syntax error, application/json: 200" "$(status -H "$json" -d '{"query":"{ users { id }"}' "$url")" 200
expect "validation error: 400" "$(status -H "$gqlresp" -H "$json" -d '{"query":"{ users { nope } }"}' "$url")" 400
expect "validation error code" "$(node -pe 'JSON.parse(require("fs").readFileSync(process.argv[1])).errors[0].extensions.code' "$tmp/body")" GRAPHQL_VALIDATION_FAILED
expect "missing required variable" "$(status -H "$gqlresp" -H "$json" -d '{"query":"query($id: ID!) { user(id: $id) { id } }"}' "$url")" 400
expect "missing variable message" "$(node -pe 'JSON.parse(require("fs").readFileSync(process.argv[1])).errors[0].message' "$tmp/body")" 'Variable "$id" of required type "ID!" was not provided.'
expect "unknown operation name" "$(status -H "$gqlresp" -H "$json" -d '{"query":"query A { me { id } }","operationName":"B"}' "$url")" 400
expect "operation chosen by name" "$(status -H "$json" -d '{"query":"query A { me { id } } query B { me { name } }","operationName":"B"}' "$url")" 200
expect "operation chosen by name body" "$(cat "$tmp/body")" '{"data":{"me":{"name":"Ada Lovelace"}}}'
expect "mutation over GET is 405" "$(status "$url?query=mutation%7B__typename%7D")" 405
head -c 200000 /dev/zero | tr '\0' ' ' > "$tmp/big"
expect "body over --max-body-bytes is 413" "$(status -H "$json" --data-binary @"$tmp/big" "$url")" 413
deep=$(printf '{ me %.0s' $(seq 300))$(printf '} %.0s' $(seq 300))
expect "too deep a query is a parse error" "$(status -H "$gqlresp" -H "$json" -d "{\"query\":\"$deep\"}" "$url")" 400
expect "introspection" "$(status -H "$json" -d '{"query":"{ __type(name: \"Review\") { fields { name } } }"}' "$url")" 200
expect "introspection body" "$(cat "$tmp/body")" '{"data":{"__type":{"fields":[{"name":"id"},{"name":"body"},{"name":"product"},{"name":"author"}]}}}'
expect "still healthy after bad input" "$(status "http://127.0.0.1:$port/health")" 200

port2=$(free_port $((port + 10)))
run_sidecar build/san/fedmesh-sidecar "$port2"
check_bench_query "http://127.0.0.1:$port2/graphql" "ASan+UBSan build"
check_bench_query "http://127.0.0.1:$port2/graphql" "ASan+UBSan build, from the plan cache"

[ "$fail" -eq 0 ] && echo "sidecar_http: all passed"
exit "$fail"
