#!/usr/bin/env bash
# Speed of `shipshape audit docker` against docker-bench-security, on one private dockerd with
# 0, 50 and 200 running containers (busybox `sleep`), whole-process wall time, medians by hyperfine.
#
#   DOCKER_BENCH=/tmp/docker-bench-security bench/audit-docker.sh
#   COUNTS="0 50 200" RUNS=10 BENCH_RUNS=3 BENCH_MAX=50 bench/audit-docker.sh
#
# DOCKER_BENCH: a checkout of github.com/docker/docker-bench-security, kept OUTSIDE this repository
#               (never commit its code); it runs as `bash docker-bench-security.sh -b -l <log>` from
#               its own folder with DOCKER_HOST set to the private socket.
# BENCH_MAX:    docker-bench-security takes about 3 s per running container; above this count it is
#               not run and its time is extrapolated (linear fit of the counts it did run), and said so.
# SHIPSHAPE:    the command to measure (default: ./shipshape, which builds itself on first use).
#
# Needs root (dockerd), docker.io, busybox-static, hyperfine, python3. Stops its dockerd by pid on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
counts="${COUNTS:-0 50 200}"
runs="${RUNS:-10}"
bench_runs="${BENCH_RUNS:-3}"
bench_max="${BENCH_MAX:-50}"
shipshape="${SHIPSHAPE:-$root/shipshape}"
docker_bench="${DOCKER_BENCH:-}"
results="$root/bench/results"
mkdir -p "$results"

for tool in dockerd docker hyperfine python3 tar; do
  command -v "$tool" >/dev/null || { echo "bench: needs $tool" >&2; exit 2; }
done
[[ -x /bin/busybox ]] || { echo "bench: needs busybox-static" >&2; exit 2; }
[[ -z "$docker_bench" || -f "$docker_bench/docker-bench-security.sh" ]] \
  || { echo "bench: DOCKER_BENCH=$docker_bench holds no docker-bench-security.sh" >&2; exit 2; }

dir="$(mktemp -d /tmp/ssb.XXXX)"   # short: unix socket paths are limited to ~100 characters
sock="$dir/docker.sock"
export DOCKER_HOST="unix://$sock"
stop() {
  if [[ -f "$dir/dockerd.pid" ]]; then
    local pid
    pid="$(cat "$dir/dockerd.pid")"
    docker rm -f $(docker ps -aq) >/dev/null 2>&1 || true
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  grep " $dir/" /proc/self/mounts | awk '{print $2}' | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  rm -rf "$dir"
}
trap stop EXIT

echo "== private dockerd in $dir"
dockerd --iptables=false --ip6tables=false --bridge=none --storage-driver=vfs -H "unix://$sock" \
  --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$dir/dockerd.pid" >"$dir/dockerd.log" 2>&1 &
for _ in $(seq 120); do docker version >/dev/null 2>&1 && break; sleep 0.5; done
docker version --format 'engine {{.Server.Version}}, API {{.Server.APIVersion}}'

mkdir -p "$dir/rootfs/bin" && cp /bin/busybox "$dir/rootfs/bin/busybox"
for applet in sh sleep; do ln -s busybox "$dir/rootfs/bin/$applet"; done
tar -C "$dir/rootfs" -cf "$dir/rootfs.tar" . && docker import "$dir/rootfs.tar" bench/busybox:1 >/dev/null

echo "== warming up shipshape (build and start-up cache)"
"$shipshape" audit docker --quiet >/dev/null 2>&1 || true

summary="$results/audit-docker.tsv"
printf 'containers\ttool\tmedian_s\tmin_s\tmax_s\truns\n' >"$summary"
running=0
for n in $counts; do
  while (( running < n )); do
    docker run -d --network none bench/busybox:1 sleep 100000 >/dev/null
    running=$((running + 1))
  done
  echo "== $n running containers"
  hyperfine --ignore-failure --warmup 1 --runs "$runs" --export-json "$results/audit-docker-shipshape-$n.json" \
    "$shipshape audit docker --format json --output $dir/report.json" >/dev/null
  python3 - "$results/audit-docker-shipshape-$n.json" "$n" shipshape >>"$summary" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f"{sys.argv[2]}\t{sys.argv[3]}\t{r['median']:.3f}\t{r['min']:.3f}\t{r['max']:.3f}\t{len(r['times'])}")
PY
  if [[ -n "$docker_bench" ]] && (( n <= bench_max )); then
    hyperfine --ignore-failure --runs "$bench_runs" --export-json "$results/audit-docker-bench-$n.json" \
      "cd $docker_bench && bash docker-bench-security.sh -b -l $dir/docker-bench.log" >/dev/null
    python3 - "$results/audit-docker-bench-$n.json" "$n" docker-bench-security >>"$summary" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f"{sys.argv[2]}\t{sys.argv[3]}\t{r['median']:.3f}\t{r['min']:.3f}\t{r['max']:.3f}\t{len(r['times'])}")
PY
  fi
done

python3 - "$summary" "$counts" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
counts = [int(c) for c in sys.argv[2].split()]
def times(tool):
    return {int(r["containers"]): float(r["median_s"]) for r in rows if r["tool"] == tool}
ship, bench = times("shipshape"), times("docker-bench-security")
fit = None
if len(bench) >= 2:
    xs, ys = zip(*sorted(bench.items()))
    slope = (ys[-1] - ys[0]) / (xs[-1] - xs[0])
    fit = (ys[0] - slope * xs[0], slope)
print(f"{'containers':>10}  {'shipshape':>10}  {'docker-bench':>14}  {'speed-up':>8}")
for n in counts:
    b = bench.get(n)
    note = ""
    if b is None and fit:
        b, note = fit[0] + fit[1] * n, " (extrapolated)"
    s = ship.get(n)
    speed = f"{b / s:.0f}x" if b and s else "-"
    print(f"{n:>10}  {s:>9.3f}s  {(f'{b:.1f}s' if b else '-'):>14}{note}  {speed:>8}")
if len(ship) >= 2:
    xs, ys = zip(*sorted(ship.items()))
    print(f"shipshape grows by {1000 * (ys[-1] - ys[0]) / (xs[-1] - xs[0]):.2f} ms per running container")
if fit:
    print(f"docker-bench-security grows by {fit[1]:.2f} s per running container")
PY
