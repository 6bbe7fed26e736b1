#!/usr/bin/env bash
# compose_cli.sh: `fedmesh-controlplane compose` from the command line: the
# benchmark's four subgraphs given as --subgraph NAME=URL=FILE and as a
# control-plane config (--config, sdl_file each) compose to the same bytes,
# which load as a supergraph; a config subgraph without sdl_file, an unreadable
# file and a non-composing set are refused with exit status 2, 2 and 1.
set -euo pipefail
cd "$(dirname "$0")/../.."
make -s build/fedmesh-controlplane build/fedmesh-gql
cp_bin=build/fedmesh-controlplane
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
expect() { # what, got, want
    if [ "$2" = "$3" ]; then echo "ok: $1"; else echo "FAIL: $1: got '$2', want '$3'"; fail=1; fi
}

names=(accounts inventory products reviews)
args=()
printf 'state_dir: %s/state\nsubgraphs:\n' "$tmp" > "$tmp/cp.yaml"
for i in 0 1 2 3; do
    n=${names[$i]}
    url="http://127.0.0.1:420$((i + 1))/graphql"
    args+=(--subgraph "$n=$url=bench/workload/subgraphs/$n.graphql")
    printf '  - name: %s\n    url: %s\n    sdl_file: %s/bench/workload/subgraphs/%s.graphql\n' \
        "$n" "$url" "$PWD" "$n" >> "$tmp/cp.yaml"
done
"$cp_bin" compose "${args[@]}" > "$tmp/from-flags.graphql"
"$cp_bin" compose --config "$tmp/cp.yaml" > "$tmp/from-config.graphql"
expect "--config and --subgraph compose the same bytes" \
    "$(cmp -s "$tmp/from-flags.graphql" "$tmp/from-config.graphql" && echo same)" same
expect "the result loads as a supergraph" \
    "$(build/fedmesh-gql api-schema "$tmp/from-config.graphql" > /dev/null && echo loads)" loads
expect "it names all four subgraphs" "$(grep -c '@join__graph(name: "' "$tmp/from-config.graphql")" 4

printf 'subgraphs:\n  - name: polled\n    url: http://127.0.0.1:1/graphql\n' > "$tmp/polled.yaml"
status=0
"$cp_bin" compose --config "$tmp/polled.yaml" > /dev/null 2> "$tmp/err" || status=$?
expect "a subgraph without sdl_file is refused" "$status $(cat "$tmp/err")" \
    "2 compose: subgraph polled has no sdl_file (this command does not poll)"
status=0
"$cp_bin" compose --subgraph "a=http://x/graphql=$tmp/missing.graphql" 2> "$tmp/err" || status=$?
expect "an unreadable file is refused" "$status $(cat "$tmp/err")" \
    "2 compose: cannot read $tmp/missing.graphql"

sed 's/^  name: String$/  name: Int/' bench/workload/subgraphs/products.graphql > "$tmp/products.graphql"
printf 'type Query { p: Product }\ntype Product @key(fields: "upc") { upc: String! name: String @shareable }\n' \
    > "$tmp/other.graphql"
status=0
"$cp_bin" compose --subgraph "products=http://a/graphql=$tmp/products.graphql" \
    --subgraph "other=http://b/graphql=$tmp/other.graphql" > /dev/null 2> "$tmp/err" || status=$?
expect "a set that does not compose exits 1 with a coded error" \
    "$status $(grep -c '^[A-Z_]*: ' "$tmp/err" | sed 's/^[1-9][0-9]*$/some/')" "1 some"
exit "$fail"
