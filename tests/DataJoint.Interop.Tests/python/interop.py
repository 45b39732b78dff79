"""Shared by the interop scripts: connection, the pipeline both languages declare, and the values both sides expect.

The C# twins of these definitions and values are in Pipeline.cs and ExpectedValues.cs; keep them identical.
DataJoint-Python reads its connection from DJ_HOST, DJ_PORT, DJ_USER, DJ_PASS and DJ_BACKEND (set by the tests).
"""
import datetime
import decimal
import json
import os
import sys
import time
import uuid

import numpy as np
import datajoint as dj

dj.config["safemode"] = False
BACKEND = os.environ.get("DJ_BACKEND", "mysql")
POSTGRES = BACKEND == "postgresql"


def finish(result):
    """Hands the result to the .NET test (a JSON file named by DJ_INTEROP_RESULT)."""
    with open(os.environ["DJ_INTEROP_RESULT"], "w", encoding="utf-8") as f:
        json.dump(result, f)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


LAB = """
# a lab
lab : varchar(16)   # lab name
---
institution : varchar(64)
"""

SUBJECT = """
# experimental subject
subject_id : int32          # lab-wide id
---
-> Lab
species = "mouse" : varchar(32)   # species
sex = "U" : enum('F', 'M', 'U')
date_of_birth = null : date
weight = null : decimal(6,2)     # grams
active = 1 : bool
"""

ALL_TYPES = """
# every core type
item_id : int64
---
i8 : int8
i16 : int16
i32 : int32
f32 : float32
f64 : float64
amount : decimal(10,3)
flag : bool
code : char(4)
label : varchar(64)
kind : enum('x', 'y', 'z')
day : date
moment : datetime(6)
stamp = CURRENT_TIMESTAMP : datetime
uid = null : uuid
doc = null : json
raw = null : bytes
opt_i = null : int32
opt_s = "none" : varchar(8)
"""

SESSION = """
# recording session
-> Subject
session_idx : int16
---
session_date : date
-> [nullable] Subject.proj(buddy_id='subject_id')
"""

TRIAL = """
-> master
trial_idx : int32
---
outcome : enum('hit', 'miss')
trace = null : <blob>
"""

STATS = """
# trial statistics
-> Session
---
n_trials : int32
hits : int32
summary = null : <blob>
"""

BLOB_BOX = """
# blob values written by one language and read by the other
box_id : int32
---
name = "" : varchar(64)
value = null : <blob>
"""

WORK = """
-> Session
---
worker : varchar(16)
"""


def declare(upstream_name, main_name, worker_name="python", make_delay=0.0):
    """Declares (or binds to) the pipeline in two schemas and returns its classes by name."""
    up = dj.Schema(upstream_name)

    @up
    class Lab(dj.Lookup):
        definition = LAB
        contents = [("alpha", "MIT"), ("beta", "Caltech")]

    ctx = {"Lab": Lab}
    main = dj.Schema(main_name, context=ctx)

    @main
    class Subject(dj.Manual):
        definition = SUBJECT

    ctx["Subject"] = Subject

    @main
    class AllTypes(dj.Manual):
        definition = ALL_TYPES

    @main
    class Session(dj.Manual):
        definition = SESSION

        class Trial(dj.Part):
            definition = TRIAL

    ctx["Session"] = Session

    @main
    class Stats(dj.Computed):
        definition = STATS

        def make(self, key):
            self.insert1(stats_of(Session.Trial & key, key))

    @main
    class Work(dj.Computed):
        definition = WORK

        def make(self, key):
            time.sleep(make_delay)
            self.insert1(dict(key, worker=worker_name))

    @main
    class BlobBox(dj.Manual):
        definition = BLOB_BOX

    return dict(Lab=Lab, Subject=Subject, AllTypes=AllTypes, Session=Session, Trial=Session.Trial, Stats=Stats, Work=Work,
                BlobBox=BlobBox, schemas=(up, main))


def stats_of(trials, key):
    """What Stats.make computes (the .NET Make computes the same): counts and the trial indices halved as float64."""
    idx = trials.fetch("trial_idx", order_by="trial_idx")
    outcomes = trials.fetch("outcome")
    return dict(key, n_trials=len(idx), hits=int(sum(1 for o in outcomes if o == "hit")),
                summary=np.asarray(idx, dtype=np.float64) * 0.5)


# Values of AllTypes rows: 1 and 2 are inserted by Python, 3 and 4 by .NET (ExpectedValues.cs).
UID = uuid.UUID("0f8fad5b-d9cb-469f-a165-70867728950e")
ALL_TYPES_ROWS = {
    1: dict(item_id=1, i8=-128, i16=-32768, i32=-2147483648, f32=1.5, f64=-2.25e300, amount=decimal.Decimal("-1234567.891"),
            flag=True, code="abcd", label="quote ' and \\ backslash \" dq", kind="x", day=datetime.date(2024, 2, 29),
            moment=datetime.datetime(2024, 2, 29, 23, 59, 58, 123456), uid=UID, doc={"a": [1, 2, {"b": None}], "s": "\u00fc"},
            raw=b"\x00\x01\xff", opt_i=None, opt_s="none"),
    2: dict(item_id=2, i8=127, i16=32767, i32=2147483647, f32=-0.25, f64=1.0 / 3.0, amount=decimal.Decimal("0.001"),
            flag=False, code="wxyz", label="emoji \U0001F600 and \u00fcn\u00efcode", kind="z", day=datetime.date(1970, 1, 1),
            moment=datetime.datetime(2000, 1, 1, 0, 0, 0, 1), uid=None, doc=[1, "two", 3.5], raw=b"", opt_i=42, opt_s="set"),
    3: dict(item_id=3, i8=0, i16=-1, i32=123456, f32=3.0, f64=-0.0, amount=decimal.Decimal("9999999.999"),
            flag=True, code="q", label="", kind="y", day=datetime.date(2099, 12, 31),
            moment=datetime.datetime(1999, 12, 31, 23, 59, 59, 999999), uid=uuid.UUID("a3bb189e-8bf9-3888-9912-ace4e6543002"),
            doc={"nested": {"list": [True, False, None]}, "n": -7}, raw=bytes(range(256)), opt_i=-5, opt_s="dotnet"),
    4: dict(item_id=4, i8=-1, i16=1, i32=-1, f32=0.125, f64=6.02214076e23, amount=decimal.Decimal("-0.500"),
            flag=False, code="tab\t", label="new\nline", kind="x", day=datetime.date(2000, 2, 29),
            moment=datetime.datetime(2024, 1, 1, 12, 0, 0), uid=None, doc=None, raw=None, opt_i=None, opt_s="none"),
}


def fetch_all_types(AllTypes, item_id):
    """One AllTypes row as Python reads it (uuid left out on PostgreSQL, where DataJoint-Python 2.3.2 cannot read it)."""
    attrs = [a for a in AllTypes.heading.names if not (POSTGRES and a == "uid")]
    return dict(zip(attrs, (AllTypes & dict(item_id=item_id)).fetch1(*attrs)))


STRICT_TYPES = (str, bytes, datetime.date, datetime.datetime, decimal.Decimal, uuid.UUID, dict, list)


def check_all_types(AllTypes, item_id):
    """The row as Python reads it equals ALL_TYPES_ROWS[item_id], attribute by attribute (numbers by value)."""
    expected = ALL_TYPES_ROWS[item_id]
    for name, value in fetch_all_types(AllTypes, item_id).items():
        want = expected.get(name)
        if name == "stamp":
            check(isinstance(value, datetime.datetime), f"stamp of row {item_id} is {value!r}")
            continue
        if name == "raw" and isinstance(value, memoryview):
            value = bytes(value)
        if name == "doc" and isinstance(value, str):
            value = json.loads(value)
        if name == "code" and isinstance(value, str):
            value = value.rstrip(" ")
        if name == "f32" and value is not None:
            value = float(np.float32(value))
        message = f"row {item_id} {name}: Python reads {value!r} ({type(value).__name__}), expected {want!r} ({type(want).__name__})"
        check(value == want, message)
        if isinstance(want, STRICT_TYPES):
            check(type(value) is type(want), message)


def trials_of(subject_id, session_idx):
    """The trials of a session, as both languages insert them: subject_id + session_idx trials."""
    return [dict(subject_id=subject_id, session_idx=session_idx, trial_idx=t, outcome="hit" if t % 2 == 1 else "miss",
                 trace=signal_of(subject_id, t)) for t in range(1, subject_id + session_idx + 1)]


def signal_of(subject_id, trial_idx):
    """A trial's <blob>: nothing, a float64 vector, or an int32 matrix (the .NET twin: null, double[], int[,])."""
    if trial_idx % 3 == 0:
        return None
    if trial_idx % 3 == 1:
        return np.arange(trial_idx, dtype=np.float64) * 1.5
    return np.array([[trial_idx, 2], [3, subject_id]], dtype=np.int32)


def insert_subject(p, subject_id, lab, sessions, buddy=None):
    """A subject with its sessions and their trials (what the .NET side's InsertSubject inserts)."""
    p["Subject"].insert1(dict(subject_id=subject_id, lab=lab, sex="F" if subject_id % 2 else "M",
                              date_of_birth=datetime.date(2020, 1, subject_id), weight=decimal.Decimal(f"{subject_id}.25")))
    for k in sessions:
        p["Session"].insert1(dict(subject_id=subject_id, session_idx=k, session_date=datetime.date(2024, 5, k),
                                  buddy_id=buddy if k == 1 else None))
        p["Trial"].insert(trials_of(subject_id, k))


def check_signal(actual, subject_id, trial_idx, where):
    want = signal_of(subject_id, trial_idx)
    if want is None:
        check(actual is None, f"{where}: signal {actual!r}, expected None")
        return
    check(isinstance(actual, np.ndarray) and actual.dtype == want.dtype and actual.shape == want.shape
          and np.array_equal(actual, want), f"{where}: signal {actual!r}, expected {want!r}")
