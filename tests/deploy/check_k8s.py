#!/usr/bin/python3
"""check_k8s.py: structural checks of deploy/k8s/*.yaml without a cluster.

Every document parses and names its apiVersion, kind and metadata.name;
Deployments select their own pods; probes, Services and volume mounts refer to
ports and volumes that exist; ConfigMaps and PVCs used are defined; the control
plane's embedded config has the keys docs/MESH.md lists; every flag passed to a
fedmesh binary is one its usage text (from `BIN --help`) mentions.
usage: check_k8s.py BUILD_DIR FILE...   (prints problems; exit 1 when any)"""
import re
import subprocess
import sys

import yaml

problems = []


def problem(where, msg):
    problems.append(f"{where}: {msg}")


def usage_flags(build, binary):
    try:
        out = subprocess.run([f"{build}/{binary}", "--help"], capture_output=True, text=True)
    except OSError as e:
        problem(binary, f"cannot run it for its usage: {e.strerror}")
        return set()
    return set(re.findall(r"--[a-z][a-z0-9-]*", out.stdout + out.stderr))


def check_container(where, c, build, port_names):
    for key in ("name", "image"):
        if not c.get(key):
            problem(where, f"container without {key}")
    names = {p.get("name") for p in c.get("ports", [])}
    port_names.update(names)
    for probe in ("readinessProbe", "livenessProbe"):
        p = c.get(probe) or {}
        for kind in ("tcpSocket", "httpGet"):
            port = (p.get(kind) or {}).get("port")
            if isinstance(port, str) and port not in names:
                problem(where, f"{probe} uses port {port!r}, not a port of {c.get('name')}")
    cmd = c.get("command") or []
    if cmd and cmd[0].startswith("/usr/local/bin/fedmesh-"):
        known = usage_flags(build, cmd[0].rsplit("/", 1)[1])
        for arg in c.get("args", []):
            if arg.startswith("--") and arg not in known:
                problem(where, f"{cmd[0]} has no flag {arg}")


def check_controlplane_config(where, text):
    cfg = yaml.safe_load(text)
    for key in ("state_dir", "admin", "nng", "poll", "subgraphs"):
        if key not in cfg:
            problem(where, f"control plane config lacks {key}")
    for key in ("publish", "fetch", "report"):
        if not str(cfg.get("nng", {}).get(key, "")).startswith("tcp://"):
            problem(where, f"nng.{key} is not a tcp:// address")
    for s in cfg.get("subgraphs", []):
        if not s.get("name") or not s.get("url"):
            problem(where, "a subgraph without name or url")


def main():
    build, files = sys.argv[1], sys.argv[2:]
    docs = []
    for f in files:
        with open(f) as fh:
            for i, d in enumerate(yaml.safe_load_all(fh)):
                if d is not None:
                    docs.append((f"{f}#{i}", d))
    defined = {(d.get("kind"), (d.get("metadata") or {}).get("name")) for _, d in docs}
    pods = []  # (labels, port names)
    for where, d in docs:
        for key in ("apiVersion", "kind"):
            if key not in d:
                problem(where, f"no {key}")
        if not (d.get("metadata") or {}).get("name"):
            problem(where, "no metadata.name")
        if d.get("kind") == "ConfigMap" and "controlplane.yaml" in d.get("data", {}):
            check_controlplane_config(where, d["data"]["controlplane.yaml"])
        if d.get("kind") != "Deployment":
            continue
        spec = d["spec"]
        labels = spec["template"]["metadata"].get("labels", {})
        for k, v in spec["selector"]["matchLabels"].items():
            if labels.get(k) != v:
                problem(where, f"selector {k}={v} does not match the pod template")
        pod = spec["template"]["spec"]
        volumes = {v["name"]: v for v in pod.get("volumes", [])}
        for v in volumes.values():
            if "configMap" in v and ("ConfigMap", v["configMap"]["name"]) not in defined:
                problem(where, f"ConfigMap {v['configMap']['name']} is not defined")
            claim = (v.get("persistentVolumeClaim") or {}).get("claimName")
            if claim and ("PersistentVolumeClaim", claim) not in defined:
                problem(where, f"PersistentVolumeClaim {claim} is not defined")
        port_names = set()
        for c in pod.get("containers", []):
            check_container(where, c, build, port_names)
            for m in c.get("volumeMounts", []):
                if m["name"] not in volumes:
                    problem(where, f"volume {m['name']} is mounted but not defined")
        pods.append((labels, port_names))
    for where, d in docs:
        if d.get("kind") != "Service":
            continue
        sel = d["spec"].get("selector", {})
        matches = [ports for labels, ports in pods
                   if all(labels.get(k) == v for k, v in sel.items())]
        if not matches:
            problem(where, "the Service selects no pod defined here")
        for p in d["spec"].get("ports", []):
            t = p.get("targetPort")
            if isinstance(t, str) and not any(t in ports for ports in matches):
                problem(where, f"targetPort {t!r} is no port of the selected pods")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
