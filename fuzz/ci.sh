#!/usr/bin/env bash
# A short, bounded fuzz pass for CI, after ./mvnw verify has compiled the tests: each target for
# FUZZ_SECONDS (default 12), FUZZ_JOBS (default 2) at a time, with Jazzer's bug-detector hooks on.
# Jazzer runs each @FuzzTest from the command line here (its JUnit runner), since the annotation's
# maxDuration (2 minutes, for fuzz/run.sh) cannot be shortened from outside. Coverage and hooks are
# limited to shipshape and the parsers it reads with, which keeps the start of each JVM short.
# Fails when a target finds a crash, a property violation or a timeout, and says where the reproducer is.
#
# Usage: fuzz/ci.sh [TARGET...]   (targets as in fuzz/run.sh; default: the gate's four readers, whose
# bugs would let a request through; each JVM spends most of its time starting, so the loaders, whose
# rule set takes longer still to start, are left to fuzz/run.sh)
# The class path comes from target/fuzz-ci/classpath.txt (.ci/run writes it with the verify run);
# it is made with the dependency plugin when missing.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
source fuzz/targets.sh
seconds="${FUZZ_SECONDS:-12}"
jobs="${FUZZ_JOBS:-2}"
out="$PWD/target/fuzz-ci"
tests=("$@")
[[ ${#tests[@]} -gt 0 ]] || tests=(authzEnvelope dockerRequest goJson admissionReview)
for name in "${tests[@]}"; do fuzz_test "$name" >/dev/null || exit 2; done

if [[ ! -d target/test-classes ]]; then
  echo "fuzz/ci.sh: target/test-classes is missing: run ./mvnw verify (or test-compile) first" >&2
  exit 2
fi
mkdir -p "$out"
if [[ ! -s "$out/classpath.txt" ]]; then
  ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt" || exit 2
fi
classpath="$PWD/target/test-classes:$PWD/target/classes:$(cat "$out/classpath.txt")"
scope='dev.shipshape.**:com.fasterxml.jackson.core.**:org.snakeyaml.**'

# Fuzzes one target in target/fuzz-ci/<name>/ (its corpus and any reproducer stay there); prints one line.
fuzz_one() {
  local name="$1" test dir started status runs findings
  test="$(fuzz_test "$name")"
  dir="$out/$name"
  rm -rf "$dir" && mkdir -p "$dir/corpus"
  started=$SECONDS
  (cd "$dir" && "$JAVA_HOME/bin/java" -cp "$classpath" -Djazzer.hooks=true com.code_intelligence.jazzer.Jazzer \
    --target_class="${test%%#*}" --target_method="${test#*#}" \
    --instrumentation_includes="$scope" --custom_hook_includes="$scope" \
    -max_total_time="$seconds" -timeout=10 -artifact_prefix="$dir/" corpus >"$dir/fuzz.log" 2>&1)
  status=$?
  runs="$(grep -oE '^Done [0-9]+ runs' "$dir/fuzz.log" | grep -oE '[0-9]+' || echo '?')"
  findings="$(find "$dir" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'slow-unit-*' \) | sort)"
  if [[ $status -eq 0 && -z "$findings" ]]; then
    echo "fuzz: $name ok: $runs runs in $((SECONDS - started)) s"
    return 0
  fi
  touch "$out/failed"
  echo "fuzz: $name FAILED (exit $status) after $((SECONDS - started)) s; log: $dir/fuzz.log"
  grep -m3 -E '^== Java Exception|^==[0-9]+== ERROR|^SUMMARY' "$dir/fuzz.log" | sed 's/^/fuzz:   /'
  for file in $findings; do
    echo "fuzz:   reproducer: $file"
    echo "fuzz:   to keep it as a regression test: cp '$file' src/test/resources/$(tr . / <<<"${test%%#*}")Inputs/${test#*#}/"
  done
  return 1
}

started=$SECONDS
rm -f "$out/failed"
for name in "${tests[@]}"; do
  while [[ $(jobs -rp | wc -l) -ge $jobs ]]; do wait -n; done
  fuzz_one "$name" &
done
wait
echo "fuzz: ${#tests[@]} targets, ${seconds} s each, $jobs at a time: $((SECONDS - started)) s in all"
[[ ! -e "$out/failed" ]]
