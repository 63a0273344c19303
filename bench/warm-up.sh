#!/usr/bin/env bash
# The first seconds of `shipshape serve` after it reports ready, with its warm-up (--warm-up, the
# default) and without (--warm-up 0): decisions/s and p99 of AuthZReq in SLICES consecutive slices
# of SLICE each, saturated by wrk (CONNECTIONS connections), from the moment /readyz answers 200.
# Cold, the JIT compiler competes with the requests for the cores; warm, it has done its work.
#
#   bench/warm-up.sh
#   ROUNDS=3 SLICES=4 SLICE=5s bench/warm-up.sh
#
# Needs wrk, curl, python3. SHIPSHAPE: the command to run (default ./shipshape).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
shipshape="${SHIPSHAPE:-$root/shipshape}"
rounds="${ROUNDS:-2}"
slices="${SLICES:-4}"
slice="${SLICE:-5s}"
connections="${CONNECTIONS:-16}"
for tool in wrk python3 curl; do
  command -v "$tool" >/dev/null || { echo "bench: needs $tool (apt-get install $tool)" >&2; exit 2; }
done
dir="$(mktemp -d /tmp/sswarm.XXXX)"
server_pid=""
trap '[[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null; rm -rf "$dir"' EXIT
python3 "$root/bench/serve/authz-envelope.py" "$root/bench/serve/container-create.json" >"$dir/authz.json"
cat >"$dir/post.lua" <<'LUA'
local file = assert(io.open(os.getenv("BODY"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.1f\n", summary.requests / (summary.duration / 1e6), latency:percentile(99)))
end
LUA
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
"$shipshape" --version >/dev/null   # builds on first use, outside the measurement
printf 'warm_up\tround\tslice\tready_after_s\trequests_per_s\tp99_us\n' >"$dir/results.tsv"
for round in $(seq "$rounds"); do
  for warm_up in 0 30; do
    start="$(date +%s.%N)"
    "$shipshape" serve --docker-plugin --plugin-address "tcp://127.0.0.1:$port" --warm-up "$warm_up" \
      --decision-log "$dir/decisions.jsonl" >/dev/null 2>"$dir/serve.err" &
    server_pid=$!
    until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do
      kill -0 "$server_pid" 2>/dev/null || { cat "$dir/serve.err" >&2; exit 1; }
      sleep 0.05
    done
    ready="$(python3 -c "import time; print(round(time.time() - $start, 1))")"
    for index in $(seq "$slices"); do
      read -r _ rate p99 < <(BODY="$dir/authz.json" wrk -t2 -c"$connections" -d"$slice" -s "$dir/post.lua" \
        "http://127.0.0.1:$port/AuthZPlugin.AuthZReq" | grep '^RESULT')
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$warm_up" "$round" "$index" "$ready" "$rate" "$p99" >>"$dir/results.tsv"
    done
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
  done
done
mkdir -p "$root/bench/results"
cp "$dir/results.tsv" "$root/bench/results/warm-up.tsv"
python3 - "$dir/results.tsv" "$slice" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
print(f"AuthZReq after /readyz turned 200, saturated, slices of {sys.argv[2]} (medians of the rounds)")
print(f"{'--warm-up':<10}{'ready after':>12}" + "".join(f"{'slice ' + str(i) + ' req/s':>16}{'p99 ms':>9}" for i in sorted({int(r['slice']) for r in rows})))
for mode in ("0", "30"):
    mine = [r for r in rows if r["warm_up"] == mode]
    line = f"{mode:<10}{statistics.median(float(r['ready_after_s']) for r in mine):>11.1f}s"
    for index in sorted({r["slice"] for r in mine}, key=int):
        cells = [r for r in mine if r["slice"] == index]
        line += f"{statistics.median(float(r['requests_per_s']) for r in cells):>16.0f}"
        line += f"{statistics.median(float(r['p99_us']) for r in cells) / 1000:>9.1f}"
    print(line)
PY
