#!/usr/bin/env bash
# Sizes and one-file start-up of the three ways to run shipshape, side by side in one hyperfine run:
# the repository launcher (./shipshape, with its AOT cache), the self-contained jar (`java -jar`, JDK 25,
# no flags) and the release bundle (bin/shipshape: its own runtime and AOT cache).
#
#   ./mvnw -Prelease package && bench/release.sh
#   RUNS=20 bench/release.sh
#   IMAGE=shipshape:0.1.0 DOCKER_HOST=unix:///… bench/release.sh   # also the image's size
#
# The file: examples/hardened/compose.yaml (no findings: exit 0). Results also go to target/bench-release/.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
version="$(sed -n 's/^version=//p' target/classes/dev/shipshape/build.properties)"
java_home="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
jar="target/shipshape-$version.jar"
bundle="target/bundle/shipshape"
tarball="target/shipshape-$version-linux-x86_64.tar.gz"
file="examples/hardened/compose.yaml"
results="target/bench-release"
mkdir -p "$results"

for needed in "$jar" "$tarball" "$bundle/bin/shipshape"; do
  [[ -e "$needed" ]] || { echo "bench/release.sh: $needed is missing: run ./mvnw -Prelease package first" >&2; exit 2; }
done

mib() { awk -v bytes="$1" 'BEGIN { printf "%.1f MiB", bytes / 1048576 }'; }
{
  echo "| artifact | size |"
  echo "|---|---|"
  echo "| self-contained jar ($jar) | $(mib "$(stat -c %s "$jar")") |"
  echo "| bundle tarball ($tarball) | $(mib "$(stat -c %s "$tarball")") |"
  echo "| bundle unpacked | $(mib "$(du -sb "$bundle" | cut -f1)") (runtime $(mib "$(du -sb "$bundle/runtime" | cut -f1)"), jar, AOT cache $(mib "$(stat -c %s "$bundle/lib/shipshape.aot")")) |"
  if [[ -n "${IMAGE:-}" ]]; then
    echo "| image $IMAGE | $(mib "$(docker image inspect --format '{{.Size}}' "$IMAGE")") |"
  fi
} | tee "$results/sizes.md"

# the launcher trains its AOT cache on first use: do that before measuring
./shipshape scan "$file" >/dev/null

hyperfine --warmup 3 --runs "${RUNS:-15}" --export-markdown "$results/startup.md" \
  --command-name "launcher (./shipshape)" "$root/shipshape scan $file" \
  --command-name "jar (java -jar)" "$java_home/bin/java -jar $root/$jar scan $file" \
  --command-name "bundle (bin/shipshape)" "$root/$bundle/bin/shipshape scan $file"
