#!/usr/bin/env bash
# change-schema.sh: while `make run` runs, changes a subgraph's schema and
# shows the new version reach every sidecar. Adds a field to the products
# service's SDL (build/local/data/subgraphs/products.graphql, which the
# service serves live), then watches the control plane's /v1/sidecars until
# all four sidecars acknowledged the new version, and prints each sidecar's
# /admin/version.
set -euo pipefail
cd "$(dirname "$0")/../.."
sdl=build/local/data/subgraphs/products.graphql
cp=http://127.0.0.1:7000
curl -sf -m 2 "$cp/v1/status" >/dev/null 2>&1 || { echo "start the mesh first: make run" >&2; exit 1; }
before=$(curl -s "$cp/v1/status" | jq .version)
n=$(($(grep -c '^  note[0-9]*: String$' "$sdl" || true) + 1))
sed -i "s/^  weight: Int\$/  weight: Int\n  note$n: String/" "$sdl"
start=$(date +%s%3N)
echo "products: added the field note$n: String; the mesh runs version $before"
want=$((before + 1))
for _ in $(seq 600); do # 30 s at most
    on=$(curl -s "$cp/v1/sidecars" | jq "[.[] | select(.version == $want)] | length")
    [ "$on" = 4 ] && break
    sleep 0.05
done
echo "version $want on $on of 4 sidecars after $(($(date +%s%3N) - start)) ms:"
for i in 1 2 3 4; do
    printf '  127.0.0.1:410%d  %s\n' "$i" "$(curl -s "http://127.0.0.1:410$i/admin/version" | jq -c '{version, source}')"
done
[ "$on" = 4 ]
