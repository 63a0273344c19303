#!/usr/bin/env bash
# Benchmarks shipshape against the peers that install from npm, side by side in one run.
#
#   bench/run.sh              # all of it (about 5 minutes on 2 cores)
#   RUNS=5 bench/run.sh       # fewer repetitions
#   CORPUS=/path bench/run.sh # another corpus (default: ../shared/corpus)
#
# Needs: hyperfine (apt-get install hyperfine), node + npm, /usr/bin/time, python3.
# Peers are installed into bench/.peers (not committed) at pinned versions.
# Prints a table and leaves the raw hyperfine JSON under bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
corpus="$(cd "${CORPUS:-../shared/corpus}" && pwd)"
runs="${RUNS:-10}"
peers="$root/bench/.peers"
results="$root/bench/results"
mkdir -p "$results"

for tool in hyperfine node npm python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench: needs $tool" >&2; exit 2; }
done

echo "== building shipshape and its start-up cache"
./shipshape --version >/dev/null
./shipshape scan examples/insecure/compose.yaml --quiet >/dev/null || true

echo "== installing peers into $peers"
if [[ ! -x "$peers/node_modules/.bin/dclint" ]]; then
  npm install --silent --no-audit --no-fund --prefix "$peers" dclint@3.1.0 dockerfilelint@1.8.0 @monokle/validation@0.33.0 >/dev/null
fi
dclint="$peers/node_modules/.bin/dclint"
dockerfilelint="$peers/node_modules/.bin/dockerfilelint"
monokle="node $root/bench/peers/monokle-validate.mjs"
export PEERS_DIR="$peers"

# The same inputs for everyone.
one_compose="examples/insecure/compose.yaml"
one_dockerfile="examples/insecure/Dockerfile"
one_k8s="examples/insecure/k8s.yaml"
compose_files=("$corpus"/compose/*)
k8s_dir="$corpus/kubernetes"
jar="target/shipshape.jar"
java_home="$(cut -d' ' -f1 target/.java-home)"
direct_java="$java_home/bin/java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss2m -XX:AOTCache=target/shipshape.aot -Xlog:aot=off -Xlog:cds=off -jar $jar"

hf() { # name, then hyperfine's command arguments
  local name="$1"; shift
  hyperfine --style none --warmup 2 --runs "$runs" -i --export-json "$results/$name.json" "$@" >/dev/null
}

echo "== start-up: one small file, whole process"
hf startup-compose \
  -n "shipshape (launcher)" "./shipshape scan $one_compose --quiet" \
  -n "shipshape (java -jar, AOT cache)" "$direct_java scan $one_compose --quiet" \
  -n "shipshape (java -jar, no cache)" "$java_home/bin/java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar $jar scan $one_compose --quiet" \
  -n "dclint" "$dclint $one_compose"
hf startup-dockerfile \
  -n "shipshape" "./shipshape scan $one_dockerfile --quiet" \
  -n "dockerfilelint" "$dockerfilelint $one_dockerfile"
hf startup-k8s \
  -n "shipshape" "./shipshape scan $one_k8s --quiet" \
  -n "@monokle/validation" "$monokle $one_k8s"

echo "== corpus halves, whole process"
hf corpus-compose \
  -n "shipshape" "./shipshape scan $corpus/compose --quiet" \
  -n "dclint" "$dclint ${compose_files[*]}"
hf corpus-k8s \
  -n "shipshape" "./shipshape scan $k8s_dir --quiet" \
  -n "@monokle/validation" "$monokle $k8s_dir"
hf corpus-all \
  -n "shipshape" "./shipshape scan $corpus --quiet"

echo "== peak memory (max RSS, one run each)"
rss() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }
{
  echo "shipshape corpus/compose $(rss ./shipshape scan "$corpus/compose" --quiet)"
  echo "dclint corpus/compose $(rss "$dclint" "${compose_files[@]}")"
  echo "shipshape corpus/kubernetes $(rss ./shipshape scan "$k8s_dir" --quiet)"
  echo "@monokle/validation corpus/kubernetes $(rss node "$root/bench/peers/monokle-validate.mjs" "$k8s_dir")"
  echo "shipshape corpus $(rss ./shipshape scan "$corpus" --quiet)"
} >"$results/memory.txt"

echo "== in one JVM: full scan against merely parsing the same YAML files"
"$java_home/bin/java" -cp "$jar:target/lib/*" bench/CorpusThroughput.java "$corpus" 9 >"$results/throughput.txt"

python3 bench/report.py "$results" "$(ls "$corpus"/compose | wc -l)" "$(ls "$corpus"/kubernetes | wc -l)"
