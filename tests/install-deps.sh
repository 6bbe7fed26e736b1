#!/usr/bin/env bash
# install-deps.sh (make deps): everything fedmesh needs to build and test on
# Debian 12: the Debian packages (apt-get) and the npm packages pinned in
# tests/package.json. Safe to run again; it only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
    build-essential pkg-config clang libclang-rt-14-dev valgrind
    libnng-dev libprotobuf-c-dev protobuf-c-compiler libcurl4-openssl-dev
    libmicrohttpd-dev libmsgpack-dev libyaml-dev libssl-dev
    libjansson-dev libjson-c-dev libcjson-dev libyajl-dev
    wrk curl jq python3-yaml systemd
)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "deps: apt-get install ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Node.js is not installed from Debian here: Debian 12's nodejs is 18, and
# packages tests/package.json pins want 20 or newer (the Hive planner's
# engines field, make-fetch-happen 15 under @apollo/gateway).
command -v node >/dev/null && command -v npm >/dev/null || {
    echo "deps: node (20 or newer) and npm are needed for the test subgraphs and oracles;" \
        "Debian 12's nodejs is 18: install Node.js 20, e.g. NodeSource's nodejs package" >&2
    exit 1
}
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] ||
    echo "deps: warning: node $(node --version) is older than 20, which the pinned npm packages want" >&2
if [ ! -d tests/node_modules/graphql ] || [ tests/package.json -nt tests/node_modules/.fedmesh-stamp ]; then
    echo "deps: npm install in tests/"
    (cd tests && npm install --no-audit --no-fund --loglevel=error)
    touch tests/node_modules/.fedmesh-stamp
fi
echo "deps: ready"
