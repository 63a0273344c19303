#!/usr/bin/env bash
# Builds the release bundle, target/shipshape-VERSION-linux-x86_64.tar.gz: a jlink runtime with only the
# modules shipshape uses (jdeps decides), the self-contained jar, its AOT cache and bin/shipshape.
# `./mvnw -Prelease package` runs it (pom.xml, profile "release"); the unpacked bundle stays in
# target/bundle/shipshape/, which the Dockerfile copies.
#
# Usage: bundle.sh JDK_HOME VERSION TARGET_DIR REPOSITORY_DIR
set -euo pipefail

jdk="$1" version="$2" target="$3" root="$4"
jar="$target/shipshape-$version.jar"
stage="$target/bundle/shipshape"
tarball="$target/shipshape-$version-linux-x86_64.tar.gz"

say() { printf 'bundle: %s\n' "$*" >&2; }

major="$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')"
if [[ ! "$major" =~ ^[0-9]+$ || "$major" -lt 25 ]]; then
  say "the release bundle is linked from a JDK 25 or newer (its start-up cache is a JDK 25 AOT cache); Maven runs on $jdk (Java ${major:-unknown}): set JAVA_HOME to a JDK 25"
  exit 1
fi
[[ -f "$jar" ]] || { say "$jar is missing: the shade step of package makes it"; exit 1; }

# Modules the jar needs. --ignore-missing-deps: optional integrations inside libraries (Jetty's JMX,
# the Kubernetes client's HTTP back ends) name classes that are not shipped, and are never loaded.
modules="$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 21 "$jar")"
say "modules: $modules"

rm -rf "$stage" "$tarball"
mkdir -p "$stage/lib" "$stage/bin"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress zip-6 \
  --output "$stage/runtime"
cp "$jar" "$stage/lib/shipshape.jar"
cp "$root/src/release/bin/shipshape" "$stage/bin/shipshape"
chmod 755 "$stage/bin/shipshape"

# Training run through bin/shipshape itself, so that the cache is made with the very flags it is used with
# (the JVM refuses it otherwise). Read-only from then on: a read-only root filesystem is fine.
# The examples have findings (exit 1); the JVM says on stderr that it picked up the options of its second,
# cache-writing step.
code=0
SHIPSHAPE_JAVA_OPTS="-XX:AOTCacheOutput=$stage/lib/shipshape.aot" \
  "$stage/bin/shipshape" scan "$root/examples" --format json --allow-empty >/dev/null 2>"$target/bundle/training.log" || code=$?
if [[ "$code" -gt 1 || ! -f "$stage/lib/shipshape.aot" ]]; then
  say "the training run (exit $code) made no AOT cache:"
  cat "$target/bundle/training.log" >&2
  exit 1
fi

# Stable names and times inside the tarball; the folder in it is shipshape-VERSION/.
tar -C "$target/bundle" --sort=name --owner=0 --group=0 --numeric-owner \
  --transform "s,^shipshape,shipshape-$version," -czf "$tarball" shipshape
say "$tarball: $(du -h "$tarball" | cut -f1) (unpacked $(du -sh "$stage" | cut -f1))"
