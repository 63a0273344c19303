#!/usr/bin/env bash
# What custom rules in CEL cost: a scan of the corpus with 20 custom rules against the same scan
# with none (both with a configuration file, so that only the rules differ). Not a test: it prints
# hyperfine's medians and their ratio. The same pair over one small file tells the fixed cost
# (starting the CEL library, compiling the rules) from the cost that grows with the estate
# (evaluating the rules), which is the difference of the two differences.
#
#   bench/cel-overhead.sh                 # ../shared/corpus, 10 runs each
#   RUNS=5 CORPUS=/path bench/cel-overhead.sh
#   SHIPSHAPE="java -cp ... dev.shipshape.Main" bench/cel-overhead.sh   # another build of shipshape
#
# Needs: hyperfine (apt-get install hyperfine), python3.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
corpus="$(cd "${CORPUS:-../shared/corpus}" && pwd)"
runs="${RUNS:-10}"
shipshape="${SHIPSHAPE:-$root/shipshape}"
for tool in hyperfine python3; do
  command -v "$tool" >/dev/null || { echo "bench: needs $tool" >&2; exit 2; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/none" "$work/cel"
printf 'fail-on: critical\n' >"$work/none/.shipshape.yaml"

rule() { # name match expression message
  cat <<RULE
  - name: $1
    pillar: orchestration
    severity: low
    title: Bench rule $1
    match: $2
    expression: "$3"
    message: "$4"
    remediation: Fix it.
RULE
}
{
  printf 'fail-on: critical\nrules:\n'
  rule team-label workload "'team' in workload.labels" "{{workload.description}} has no team label"
  rule two-replicas workload "workload.?replicas.orValue(1) >= 2" "{{workload.description}} runs one replica"
  rule named-restart workload "has(workload.restartPolicy)" "{{workload.description}} sets no restart policy"
  rule spread workload "workload.scheduling.podAntiAffinity || workload.scheduling.topologySpread || size(workload.scheduling.placementPreferences) > 0" "{{workload.description}} is not spread"
  rule healthy-dependencies workload "workload.dependencies.all(d, d.?condition.orValue('') == 'service_healthy')" "{{workload.description}} starts before its dependencies are healthy"
  rule no-links workload "size(workload.links) == 0" "{{workload.description}} uses links"
  rule acme-registry container "has(container.imageRef) && container.imageRef.registry in ['ghcr.io', 'registry.example.com']" "{{container.description}} runs {{container.?image.orValue('?')}}"
  rule tagged-image container "has(container.imageRef) && has(container.imageRef.tag) && container.imageRef.tag != 'latest'" "{{container.description}} has no fixed tag"
  rule non-root-user container "container.?user.orValue('0') != '0' && container.?user.orValue('root') != 'root'" "{{container.description}} runs as root"
  rule drop-all container "'ALL' in container.capabilitiesDropped" "{{container.description}} keeps capabilities"
  rule memory-limit container "has(container.resources.memoryLimit)" "{{container.description}} has no memory limit"
  rule readonly-mounts container "container.mounts.all(m, !m.hostPath || m.?readOnly.orValue(false))" "{{container.description}} writes to the host"
  rule no-secret-literals container "container.env.all(e, !(e.name.lowerAscii().contains('password') && e.source == 'literal'))" "{{container.description}} has a literal password"
  rule loopback-ports container "container.ports.all(p, !p.published || p.?hostIp.orValue('') == '127.0.0.1')" "{{container.description}} publishes on every interface"
  rule has-probe container "container.init || size(container.probes) > 0" "{{container.description}} has no probe"
  rule image-source-label image "'org.opencontainers.image.source' in image.labels" "{{image.file}} has no source label"
  rule image-user image "has(image.user)" "{{image.file}} sets no USER"
  rule encrypted-overlay network "network.?driver.orValue('bridge') != 'overlay' || 'encrypted' in network.driverOptions" "network {{network.name}} is not encrypted"
  rule local-volumes volume "volume.?driver.orValue('local') == 'local'" "volume {{volume.name}} uses driver {{volume.?driver.orValue('local')}}"
  rule daemon-icc daemon "!daemon.?icc.orValue(true)" "icc is on"
} >"$work/cel/.shipshape.yaml"
count="$(grep -c '^  - name:' "$work/cel/.shipshape.yaml")"
[[ "$count" == 20 ]] || { echo "bench: expected 20 rules, wrote $count" >&2; exit 2; }

scan() { echo "$shipshape scan $1 --config $2/.shipshape.yaml --quiet"; }
# the configuration must load: a broken rule would make the "custom" runs fast and wrong
$shipshape rules --config "$work/cel/.shipshape.yaml" >/dev/null 2>&1 || { echo "bench: the custom rules do not load" >&2; exit 2; }

small="$root/examples/insecure/compose.yaml"
echo "== $(find "$corpus" -type f \( -name '*.yml' -o -name '*.yaml' \) | wc -l) corpus files, and one small file; $runs runs each"
hyperfine --style basic --warmup 2 --runs "$runs" -i --export-json "$work/corpus.json" \
  -n "no custom rules" "$(scan "$corpus" "$work/none") >/dev/null 2>&1" \
  -n "20 custom CEL rules" "$(scan "$corpus" "$work/cel") >/dev/null 2>&1"
hyperfine --style basic --warmup 2 --runs "$runs" -i --export-json "$work/small.json" \
  -n "no custom rules" "$(scan "$small" "$work/none") >/dev/null 2>&1" \
  -n "20 custom CEL rules" "$(scan "$small" "$work/cel") >/dev/null 2>&1"
python3 - "$work/corpus.json" "$work/small.json" <<'PY'
import json, statistics, sys
def medians(path):
    results = {r["command"]: r for r in json.load(open(path))["results"]}
    return (statistics.median(results["no custom rules"]["times"]) * 1000,
            statistics.median(results["20 custom CEL rules"]["times"]) * 1000)
none, cel = medians(sys.argv[1])
small_none, small_cel = medians(sys.argv[2])
print(f"corpus:     {none:6.0f} ms without custom rules, {cel:6.0f} ms with 20 CEL rules: ratio {cel / none:.2f}x (+{cel - none:.0f} ms)")
print(f"small file: {small_none:6.0f} ms without custom rules, {small_cel:6.0f} ms with 20 CEL rules: +{small_cel - small_none:.0f} ms (the fixed cost)")
print(f"evaluating 20 rules over the corpus: {(cel - none) - (small_cel - small_none):+.0f} ms")
PY
