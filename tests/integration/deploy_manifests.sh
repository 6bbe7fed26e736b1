#!/usr/bin/env bash
# deploy_manifests.sh: the deployment files are checked without a cluster or
# a systemd host: systemd-analyze verifies the units (with ExecStart pointed at
# the built binaries, every flag they pass must be one the binary knows), and
# tests/deploy/check_k8s.py checks the Kubernetes manifests' structure and
# flags. A broken copy of each must be caught too, so the checks can fail.
set -euo pipefail
cd "$(dirname "$0")/../.."
make -s build/fedmesh-sidecar build/fedmesh-controlplane
build=$PWD/build
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# Flags in an ExecStart line that the binary's usage text does not mention.
unknown_flags() { # UNIT_FILE
    local bin flags
    bin=$(sed -n 's|^ExecStart=/usr/local/bin/\([a-z-]*\).*|\1|p' "$1")
    flags=$("$build/$bin" --help 2>&1 | grep -o -- '--[a-z][a-z0-9-]*' | sort -u)
    sed -e ':a' -e '/\\$/N; s/\\\n//; ta' "$1" | sed -n 's/^ExecStart=//p' |
        grep -o -- '--[a-z][a-z0-9-]*' | sort -u | comm -23 - <(echo "$flags")
}

verify_unit() { # UNIT_FILE INSTANCE_NAME -> prints problems
    sed "s|/usr/local/bin/|$build/|g" "$1" > "$tmp/$2"
    systemd-analyze verify "$tmp/$2" 2>&1 | grep -v '^$' || true
    unknown_flags "$1" | sed "s|^|$1: unknown flag |"
}

check_units() { # DIR -> number of problems
    { verify_unit "$1/fedmesh-controlplane.service" fedmesh-controlplane.service
      verify_unit "$1/fedmesh-sidecar@.service" fedmesh-sidecar@products.service; } | tee "$tmp/units.out"
    [ ! -s "$tmp/units.out" ]
}

if command -v systemd-analyze >/dev/null; then
    if check_units deploy/systemd; then echo "deploy: systemd units verify"
    else echo "deploy: systemd units have problems"; fail=1; fi
    mkdir -p "$tmp/broken"
    sed 's/^Restart=/Restartt=/; s/--state-dir/--stat-dir/' deploy/systemd/fedmesh-sidecar@.service \
        > "$tmp/broken/fedmesh-sidecar@.service"
    cp deploy/systemd/fedmesh-controlplane.service "$tmp/broken/"
    if check_units "$tmp/broken" >/dev/null; then echo "deploy: a broken unit passed"; fail=1; fi
else
    echo "deploy: systemd-analyze missing (make deps installs systemd)"; fail=1
fi

if /usr/bin/python3 tests/deploy/check_k8s.py "$build" deploy/k8s/*.yaml; then
    echo "deploy: Kubernetes manifests check"
else echo "deploy: Kubernetes manifests have problems"; fail=1; fi
sed 's/targetPort: graphql/targetPort: grapql/; s/- --admin$/- --admn/' \
    deploy/k8s/service-with-sidecar.yaml > "$tmp/broken.yaml"
if [ "$(/usr/bin/python3 tests/deploy/check_k8s.py "$build" "$tmp/broken.yaml" | wc -l)" -ne 2 ]; then
    echo "deploy: the broken manifest was not caught twice"; fail=1
fi
exit $fail
