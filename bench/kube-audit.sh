#!/usr/bin/env bash
# Speed and memory of `shipshape audit kubernetes` against a real API server (kube-apiserver v1.20.2 with
# Debian's etcd, ../shared/tools/kube-apiserver): creates 2,000 Deployments, 500 Services and 200 RBAC
# objects (100 Roles, 100 RoleBindings) in 20 namespaces (the Services headless: the test server's service
# range has 254 addresses), then measures the whole process: wall time
# (hyperfine, median) and peak resident memory (/usr/bin/time -v, the largest of the runs).
#
#   bench/kube-audit.sh
#   DEPLOYMENTS=2000 SERVICES=500 RBAC=200 NAMESPACES=20 RUNS=5 bench/kube-audit.sh
#
# SHIPSHAPE:  the command to measure (default: ./shipshape, which builds itself on first use).
# KUBE_TOOLS: the folder with start-cluster.sh (default: ../shared/tools/kube-apiserver).
# Needs etcd (etcd-server), kubectl, hyperfine, GNU time, python3, openssl. Stops etcd and the API server by pid on exit.
#
# Polaris and kubescape (the usual cluster auditors) are Go programs; there is no Go toolchain here and no
# release binaries to fetch, so they are not run beside it.
#
# Measured 2026-12-07 on the shared 2-core build machine (load average 17-21 from other builds), shipshape
# launcher with its AOT cache, kube-apiserver v1.20.2: 2,725 objects judged, 14,233 findings;
# median 7.6 s wall (min 6.3 s), 3.6 s user + 0.8 s system CPU per run; peak RSS 261 MiB.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
deployments="${DEPLOYMENTS:-2000}"
services="${SERVICES:-500}"
rbac="${RBAC:-200}"
namespaces="${NAMESPACES:-20}"
runs="${RUNS:-5}"
shipshape="${SHIPSHAPE:-$root/shipshape}"
tools="${KUBE_TOOLS:-$root/../shared/tools/kube-apiserver}"
results="$root/bench/results"
mkdir -p "$results"

for tool in etcd kubectl hyperfine python3 openssl; do
  command -v "$tool" >/dev/null || { echo "bench: needs $tool" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "bench: needs GNU time (/usr/bin/time)" >&2; exit 2; }
[[ -x "$tools/start-cluster.sh" ]] || { echo "bench: no start-cluster.sh in $tools (set KUBE_TOOLS)" >&2; exit 2; }

dir="$(mktemp -d /tmp/sskb.XXXX)"
trap '"$tools/stop-cluster.sh" "$dir" >/dev/null 2>&1 || true; rm -rf "$dir"' EXIT
echo "== kube-apiserver in $dir"
"$tools/start-cluster.sh" "$dir" >/dev/null
export KUBECONFIG="$dir/kubeconfig"
kubectl version -o json 2>/dev/null | python3 -c 'import json,sys; print("server", json.load(sys.stdin)["serverVersion"]["gitVersion"])'

echo "== creating $deployments Deployments, $services Services and $rbac RBAC objects in $namespaces namespaces"
python3 - "$deployments" "$services" "$rbac" "$namespaces" "$dir" <<'PY'
import sys
deployments, services, rbac, namespaces = (int(a) for a in sys.argv[1:5])
folder = sys.argv[5]
out = []
for n in range(namespaces):
    out.append(f"apiVersion: v1\nkind: Namespace\nmetadata: {{name: bench-{n}}}\n")
for i in range(deployments):
    ns = f"bench-{i % namespaces}"
    out.append(f"""apiVersion: apps/v1
kind: Deployment
metadata: {{name: app-{i}, namespace: {ns}, labels: {{app: app-{i}}}}}
spec:
  replicas: {1 + i % 3}
  selector: {{matchLabels: {{app: app-{i}}}}}
  template:
    metadata: {{labels: {{app: app-{i}}}}}
    spec:
      containers:
        - name: app
          image: registry.example.com/app-{i % 50}:1.{i % 7}
          ports: [{{containerPort: 8080}}]
          securityContext: {{{'privileged: true' if i % 10 == 0 else 'allowPrivilegeEscalation: false'}}}
          resources: {{limits: {{memory: 256Mi}}}}
""")
for i in range(services):
    ns = f"bench-{i % namespaces}"
    out.append(f"""apiVersion: v1
kind: Service
metadata: {{name: svc-{i}, namespace: {ns}}}
spec:
  clusterIP: None
  selector: {{app: app-{i}}}
  ports: [{{port: 80, targetPort: 8080}}]
""")
for i in range(rbac // 2):
    ns = f"bench-{i % namespaces}"
    out.append(f"""apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {{name: role-{i}, namespace: {ns}}}
rules: [{{apiGroups: [""], resources: [pods, secrets], verbs: [get, list{', "*"' if i % 5 == 0 else ''}]}}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {{name: binding-{i}, namespace: {ns}}}
roleRef: {{apiGroup: rbac.authorization.k8s.io, kind: Role, name: role-{i}}}
subjects: [{{kind: ServiceAccount, name: default, namespace: {ns}}}]
""")
# the namespaces first, then the rest in four files that four kubectl processes create at once
open(f"{folder}/namespaces.yaml", "w").write("---\n".join(out[:namespaces]))
rest = out[namespaces:]
for part in range(4):
    open(f"{folder}/objects-{part}.yaml", "w").write("---\n".join(rest[part::4]))
PY
start=$(date +%s)
kubectl create -f "$dir/namespaces.yaml" >/dev/null
for part in 0 1 2 3; do kubectl create -f "$dir/objects-$part.yaml" >"$dir/create-$part.log" 2>&1 & done
wait
kubectl get deployments,services,roles,rolebindings -A --no-headers | grep -c bench- | xargs echo "   objects in bench namespaces:"
echo "   created in $(( $(date +%s) - start )) s"

echo "== warming up shipshape (build and start-up cache)"
"$shipshape" audit kubernetes --quiet >/dev/null 2>&1 || true
"$shipshape" audit kubernetes --format json --output "$dir/report.json" || true
python3 - "$dir/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"   {len(r['findings'])} findings over {r['coverage']['found']['kubernetes']} objects judged")
PY

echo "== wall time ($runs runs)"
hyperfine --ignore-failure --warmup 1 --runs "$runs" --export-json "$results/kube-audit-time.json" \
  "$shipshape audit kubernetes --format json --output $dir/report.json" >/dev/null
echo "== peak memory ($runs runs)"
peak=0
for _ in $(seq "$runs"); do
  /usr/bin/time -v "$shipshape" audit kubernetes --format json --output "$dir/report.json" 2>"$dir/time.txt" >/dev/null || true
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time.txt")
  (( kb > peak )) && peak=$kb
done
python3 - "$results/kube-audit-time.json" "$peak" "$deployments" "$services" "$rbac" >"$results/kube-audit.tsv" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
peak_kb, d, s, b = (int(a) for a in sys.argv[2:])
print("deployments\tservices\trbac\tmedian_s\tmin_s\tmax_s\truns\tpeak_rss_mib")
print(f"{d}\t{s}\t{b}\t{r['median']:.3f}\t{r['min']:.3f}\t{r['max']:.3f}\t{len(r['times'])}\t{peak_kb / 1024:.0f}")
PY
cat "$results/kube-audit.tsv"
