"""DataJoint-Python's side of benchmarks/compare.sh: the same tables, rows and operations as the .NET
benchmarks in ComparisonBenchmarks.cs, timed here with a monotonic clock (median of N repetitions).

    bench.py <repetitions> <result.json>

Connection from DJ_HOST, DJ_PORT, DJ_USER, DJ_PASS and DJ_BACKEND. Each step's untimed set-up (filling or emptying
tables) runs before its clock starts, as BenchmarkDotNet's IterationSetup does on the .NET side.
"""
import datetime
import json
import os
import statistics
import sys
import time
import uuid

import datajoint as dj

dj.config["database.host"] = os.environ.get("DJ_HOST", "127.0.0.1")
dj.config["database.user"] = os.environ.get("DJ_USER", "datajoint")
dj.config["database.password"] = os.environ.get("DJ_PASS", "datajoint")
dj.config["database.backend"] = os.environ.get("DJ_BACKEND", "mysql")
dj.config["database.port"] = int(os.environ.get("DJ_PORT", "3306"))
dj.config["safemode"] = False

repetitions, result_path = int(sys.argv[1]), sys.argv[2]
schema = dj.Schema("djcmp_" + uuid.uuid4().hex[:16])

ROWS, RESTRICTED, JOIN_ROWS, KEYS = 100_000, 1_000, 10_000, 1_000
PARENTS, CHILDREN_PER_PARENT = 2_000, 5  # 2,000 + 10,000 + 10,000 = 22,000 rows in the cascade


@schema
class CmpItem(dj.Manual):
    definition = """
    item_id : int32
    ---
    label   : varchar(32)
    value   : float64
    created : date
    """


@schema
class CmpLeft(dj.Manual):
    definition = """
    join_id : int32
    ---
    left_value : int32
    """


@schema
class CmpRight(dj.Manual):
    definition = """
    -> CmpLeft
    ---
    right_value : float64
    """


@schema
class CmpSource(dj.Manual):
    definition = """
    source_id : int32
    ---
    value : int32
    """


@schema
class CmpDoubled(dj.Computed):
    definition = """
    -> CmpSource
    ---
    doubled : int64
    """

    def make(self, key):
        source = (CmpSource & key).fetch1()
        self.insert1(dict(source_id=key["source_id"], doubled=source["value"] * 2))


@schema
class CmpParent(dj.Manual):
    definition = """
    parent_id : int32
    ---
    name : varchar(16)
    """


@schema
class CmpChild(dj.Manual):
    definition = """
    -> CmpParent
    child : int16
    ---
    weight : float64
    """


@schema
class CmpGrandchild(dj.Manual):
    definition = """
    -> CmpChild
    ---
    note : varchar(16)
    """


START = datetime.date(2020, 1, 1)


def items(count):
    # The rows FetchItemData.Create makes on the .NET side.
    return [dict(item_id=i, label=f"item {i}", value=i * 0.5, created=START + datetime.timedelta(days=i % 1000))
            for i in range(1, count + 1)]


def fill_cascade():
    CmpParent.insert(dict(parent_id=p, name=f"p{p}") for p in range(1, PARENTS + 1))
    children = [dict(parent_id=p, child=c, weight=p + c / 10) for p in range(1, PARENTS + 1) for c in range(CHILDREN_PER_PARENT)]
    CmpChild.insert(children)
    CmpGrandchild.insert(dict(parent_id=c["parent_id"], child=c["child"], note="n") for c in children)


def timed(name, run, setup=None):
    seconds = []
    for _ in range(repetitions):
        if setup:
            setup()
        started = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - started)
    results[name] = statistics.median(seconds)
    print(f"{name}: {results[name] * 1000:.1f} ms", file=sys.stderr)


results = {}
rows = items(ROWS)
try:
    timed("insert", lambda: CmpItem.insert(rows), setup=lambda: CmpItem.delete_quick())
    timed("fetch_dicts", lambda: CmpItem.to_dicts())
    timed("fetch_typed", lambda: CmpItem.to_arrays())
    timed("restricted_typed", lambda: (CmpItem & f"item_id BETWEEN 5001 AND {5000 + RESTRICTED}").to_arrays())
    CmpLeft.insert(dict(join_id=i, left_value=i) for i in range(1, JOIN_ROWS + 1))
    CmpRight.insert(dict(join_id=i, right_value=i / 4) for i in range(1, JOIN_ROWS + 1))
    timed("join_dicts", lambda: (CmpLeft * CmpRight).to_dicts())
    timed("join_typed", lambda: (CmpLeft * CmpRight).to_arrays())
    CmpSource.insert(dict(source_id=i, value=i) for i in range(1, KEYS + 1))

    def empty_doubled():
        CmpDoubled.delete_quick()
        CmpDoubled.jobs.delete_quick()

    timed("populate", lambda: CmpDoubled.populate(), setup=empty_doubled)
    timed("populate_reserve", lambda: CmpDoubled.populate(reserve_jobs=True), setup=empty_doubled)
    timed("delete", lambda: CmpItem.delete(prompt=False), setup=lambda: (CmpItem.delete_quick(), CmpItem.insert(rows)))

    def refill_cascade():
        CmpGrandchild.delete_quick()
        CmpChild.delete_quick()
        CmpParent.delete_quick()
        fill_cascade()

    timed("cascade", lambda: CmpParent.delete(prompt=False), setup=refill_cascade)
finally:
    schema.drop(prompt=False)

with open(result_path, "w", encoding="utf-8") as f:
    json.dump({"backend": dj.config["database.backend"], "repetitions": repetitions, "seconds": results}, f, indent=1)
