"""Combines DataJoint-Python's timings (bench.py) and BenchmarkDotNet's JSON reports into one Markdown table:
per step and backend, ours / raw driver and DataJoint-Python's time / ours (how many times faster we are).

    table.py <bdn results dir> <python-mysql.json> <python-postgresql.json>
"""
import glob
import json
import sys

# step → (BenchmarkDotNet class, our method, raw baseline method or None)
STEPS = [
    ("insert 100k (one call)", "insert", "InsertBenchmarks", "TypedBulk", "RawBulk"),
    ("fetch 100k, ToDicts", "fetch_dicts", "FetchBenchmarks", "Dicts", "RawReader"),
    ("fetch 100k, typed Fetch()", "fetch_typed", "FetchBenchmarks", "Typed", "RawReader"),
    ("restricted fetch of 1,000, typed", "restricted_typed", "QueryBenchmarks", "TypedRestricted", "RawRestricted"),
    ("join 10k×10k, dicts", "join_dicts", "QueryBenchmarks", "JoinDicts", "RawJoinDicts"),
    ("join 10k×10k, typed", "join_typed", "QueryBenchmarks", "TypedJoin", "RawJoin"),
    ("populate 1,000 keys, trivial make", "populate", "PopulateBenchmarks", "Populate", "RawLoop"),
    ("populate 1,000 keys, reserve jobs", "populate_reserve", "PopulateBenchmarks", "PopulateReserved", "RawLoopReserved"),
    ("delete 100k, no dependents", "delete", "DeleteBenchmarks", "Delete", "RawDelete"),
    ("cascading delete, 22k rows", "cascade", "DeleteBenchmarks", "Cascade", "RawCascade"),
]
BACKENDS = [("MySql", "MariaDB"), ("PostgreSql", "PostgreSQL")]

results_dir, python_files = sys.argv[1], sys.argv[2:]
medians = {}  # (class, method, backend) → seconds
for path in glob.glob(f"{results_dir}/*.json"):
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    for b in report.get("Benchmarks", []):
        backend = b.get("Parameters", "").replace("Backend=", "")
        stats = b.get("Statistics") or {}
        if "Median" in stats:
            medians[(b["Type"], b["Method"], backend)] = stats["Median"] / 1e9

python = {}
for path in python_files:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    python["PostgreSql" if data["backend"] == "postgresql" else "MySql"] = data["seconds"]


def cell(value, digits=2, suffix=""):
    return "—" if value is None else f"{value:.{digits}f}{suffix}"


header = "| step |" + "".join(f" {name} ms (ours) | {name} ×DJ-Python | {name} ours/raw |" for _, name in BACKENDS)
print(header)
print("|---|" + "---:|---:|---:|" * len(BACKENDS))
for title, step, cls, ours, raw in STEPS:
    line = f"| {title} |"
    for backend, _ in BACKENDS:
        mine = medians.get((cls, ours, backend))
        base = medians.get((cls, raw, backend)) if raw else None
        py = python.get(backend, {}).get(step)
        line += f" {cell(mine * 1000 if mine else None, 1)} | {cell(py / mine if py and mine else None, suffix='×')} | {cell(mine / base if mine and base else None)} |"
    print(line)
