#!/usr/bin/env bash
# Fuzzes each loader with Jazzer (coverage-guided, libFuzzer), one @FuzzTest at a time, for the
# maxDuration its annotation gives (2 minutes each). A crash is saved by Jazzer under
# src/test/resources/dev/shipshape/load/LoaderFuzzTestInputs/<test>/ (crash-<sha1>), which makes it
# a regression test of every later ./mvnw verify; fix the loader, keep the file.
# The generated corpus stays in .cifuzz-corpus/ (not committed).
#
# Usage: fuzz/run.sh [TEST...]   (default: all four: compose, kubernetes, dockerfile, daemonConfig)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
tests=("$@")
[[ ${#tests[@]} -gt 0 ]] || tests=(compose kubernetes dockerfile daemonConfig)
for name in "${tests[@]}"; do
  method="${name}LoaderEndsWithDiagnosticsNotExceptions"
  echo "== fuzzing $method"
  JAZZER_FUZZ=1 ./mvnw -B -ntp -o test -Dtest="LoaderFuzzTest#$method" -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.hooks=true \
    2>&1 | tee "target/fuzz-$name.log" | grep -E '#[0-9]+.*(DONE|cov:)|Tests run:|== Java Exception|crash-' | tail -5
done
