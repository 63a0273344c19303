"""Draws a seeded random sample of shipshape's findings on a corpus, to be judged by hand.

    python3 bench/precision/sample.py [--corpus DIR] [--json FILE] [--size N] [--tsv FILE]

Scans the corpus (../shared/corpus beside the worktree by default) with ./shipshape, or reads
--json, the output of an earlier `shipshape scan --format json`. The findings are put in a stable
order (file, line, column, rule, message) before random.seed(13) picks --size of them, so the same
scan output always gives the same sample. Prints each sampled finding with its file:line and the
lines around it, and writes a TSV with the columns rule, location, message, verdict, reason; the
last two are left empty for the reader to fill in. An existing TSV is never overwritten.

    python3 bench/precision/sample.py --recheck FILE.tsv [--json FILE]

Rescans (or reads --json) and tells, for each row of a judged TSV, whether the same finding
(rule, location, message) is still reported, is reported with another message, or is gone; then
counts the verdicts. This is how a fix is re-judged on the same sample.
"""
import argparse
import csv
import datetime
import json
import pathlib
import random
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEED = 13


def scan(corpus, json_file):
    if json_file:
        return json.loads(pathlib.Path(json_file).read_text())
    run = subprocess.run([str(ROOT / "shipshape"), "scan", str(corpus), "--format", "json"],
                         capture_output=True, text=True, check=False)
    if not run.stdout.strip():
        sys.exit(f"shipshape scan printed nothing (exit {run.returncode}): {run.stderr.strip()}")
    return json.loads(run.stdout)


def relative(path, corpus):
    try:
        return str(pathlib.Path(path).resolve().relative_to(pathlib.Path(corpus).resolve()))
    except ValueError:
        return path


def rows(report, corpus):
    for finding in report["findings"]:
        where = finding["location"]
        yield {
            "rule": finding["rule"],
            "file": relative(where["file"], corpus),
            "path": where["file"],
            "line": where.get("line", 0),
            "column": where.get("column", 0),
            "message": finding["message"],
        }


def location(row):
    return f"{row['file']}:{row['line']}:{row['column']}"


def context(path, line, around=4):
    try:
        lines = pathlib.Path(path).read_text(errors="replace").splitlines()
    except OSError as error:
        return [f"    (cannot read {path}: {error.strerror})"]
    first, last = max(1, line - around), min(len(lines), line + around)
    return [f"  {'>' if n == line else ' '}{n:5} | {lines[n - 1]}" for n in range(first, last + 1)]


def draw(args):
    report = scan(args.corpus, args.json)
    population = sorted(rows(report, args.corpus),
                        key=lambda r: (r["file"], r["line"], r["column"], r["rule"], r["message"]))
    random.seed(SEED)
    sample = random.sample(population, min(args.size, len(population)))
    tsv = pathlib.Path(args.tsv or ROOT / "bench" / "precision"
                       / f"sample-{datetime.date.today().isoformat()}.tsv")
    print(f"{len(sample)} of {len(population)} findings, random.seed({SEED})\n")
    for number, row in enumerate(sample, 1):
        print(f"#{number} {location(row)} {row['rule']}\n    {row['message']}")
        print("\n".join(context(row["path"], row["line"])) + "\n")
    if tsv.exists():
        print(f"{tsv} exists: left as it is", file=sys.stderr)
        return
    with tsv.open("w", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(["rule", "location", "message", "verdict", "reason"])
        for row in sample:
            writer.writerow([row["rule"], location(row), row["message"], "", ""])
    print(f"wrote {tsv}", file=sys.stderr)


def recheck(args):
    report = scan(args.corpus, args.json)
    now = {}
    for row in rows(report, args.corpus):
        now.setdefault((row["rule"], location(row)), set()).add(row["message"])
    with open(args.recheck, newline="") as judged:
        sample = list(csv.DictReader(judged, delimiter="\t"))
    counts = {}
    for number, row in enumerate(sample, 1):
        messages = now.get((row["rule"], row["location"]), set())
        state = "same" if row["message"] in messages else "changed" if messages else "gone"
        counts[(row["verdict"], state)] = counts.get((row["verdict"], state), 0) + 1
        if state != "same":
            print(f"#{number} {state}: {row['location']} {row['rule']} (judged {row['verdict']})")
            for message in sorted(messages):
                print(f"    now: {message}")
    print()
    for (verdict, state), count in sorted(counts.items()):
        print(f"{count:4} {verdict or '(not judged)'} / {state}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--json", help="read this scan output instead of scanning")
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--tsv", help="where to write the sample (default bench/precision/sample-<date>.tsv)")
    parser.add_argument("--recheck", metavar="TSV", help="compare a judged sample with a new scan")
    args = parser.parse_args()
    recheck(args) if args.recheck else draw(args)


if __name__ == "__main__":
    main()
