"""Prints bench/run.sh's results as one table: medians, ratios to the peer, memory, throughput."""
import json
import pathlib
import sys

results = pathlib.Path(sys.argv[1])
compose_files, k8s_files = int(sys.argv[2]), int(sys.argv[3])


def medians(name):
    data = json.loads((results / f"{name}.json").read_text())
    return [(r["command"], r["median"], r["min"], r["max"]) for r in data["results"]]


def table(title, name, files=None):
    rows = medians(name)
    ours = rows[0][1]
    print(f"\n{title}")
    print(f"  {'command':36} {'median s':>9} {'min':>7} {'max':>7} {'vs first':>9}" + ("  files/s" if files else ""))
    for command, median, low, high in rows:
        ratio = median / ours
        rate = f"  {files / median:7.0f}" if files else ""
        print(f"  {command:36} {median:9.3f} {low:7.3f} {high:7.3f} {ratio:8.1f}x{rate}")


table("Start-up, one Compose file (whole process)", "startup-compose")
table("Start-up, one Dockerfile", "startup-dockerfile")
table("Start-up, one Kubernetes file", "startup-k8s")
table(f"Corpus, Compose half ({compose_files} files)", "corpus-compose", compose_files)
table(f"Corpus, Kubernetes half ({k8s_files} files)", "corpus-k8s", k8s_files)
table(f"Corpus, all ({compose_files + k8s_files} files)", "corpus-all", compose_files + k8s_files)
print("\nPeak memory (max RSS)")
for line in (results / "memory.txt").read_text().splitlines():
    *tool, kib = line.split()
    print(f"  {' '.join(tool):48} {int(kib) / 1024:7.1f} MiB")
print("\nIn one warm JVM, full scan vs parsing the same YAML with the same library")
print("  " + (results / "throughput.txt").read_text().strip())
