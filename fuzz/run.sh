#!/usr/bin/env bash
# Fuzzes the loaders and the gate's request readers with Jazzer (coverage-guided, libFuzzer), one
# @FuzzTest at a time, for the maxDuration its annotation gives (2 minutes each). A crash is saved by
# Jazzer under src/test/resources/dev/shipshape/load/<Class>Inputs/<test>/ (crash-<sha1>), which makes
# it a regression test of every later ./mvnw verify; fix the reader, keep the file.
# The generated corpus stays in .cifuzz-corpus/ (not committed). fuzz/ci.sh runs a short bounded pass.
#
# Usage: fuzz/run.sh [TARGET...]
#   loaders: compose kubernetes dockerfile daemonConfig
#   gate:    authzEnvelope dockerRequest goJson admissionReview
#   (default: all eight)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
source fuzz/targets.sh
tests=("$@")
[[ ${#tests[@]} -gt 0 ]] || tests=("${FUZZ_TARGETS[@]}")
mkdir -p target
for name in "${tests[@]}"; do
  test="$(fuzz_test "$name")"
  echo "== fuzzing $test"
  JAZZER_FUZZ=1 ./mvnw -B -ntp -o test -Dtest="${test##*.}" -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.hooks=true \
    2>&1 | tee "target/fuzz-$name.log" | grep -E '#[0-9]+.*(DONE|cov:)|Tests run:|== Java Exception|crash-' | tail -5
done
