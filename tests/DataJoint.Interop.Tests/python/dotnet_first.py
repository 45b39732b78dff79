"""The mirror direction: .NET declared and filled the pipeline; Python reads it, populates it and deletes from it.

    dotnet_first.py read <upstream> <main>   read through dj.VirtualModule, check types and values, populate Stats, delete subject 1
"""
import sys

import interop
from interop import check, dj

command, upstream, main = sys.argv[1:4]
check(command == "read", f"unknown command {command}")

# What Python sees without any class of its own: the heading's DataJoint types come from .NET's DDL.
vm = dj.VirtualModule("pipeline", main)
heading = vm.AllTypes.heading
core_types = {a.name: (a.original_type or a.type) for a in heading.attributes.values()}
expected_types = dict(item_id="int64", i8="int8", i16="int16", i32="int32", f32="float32", f64="float64", amount="decimal(10,3)",
                      flag="bool", code="char(4)", label="varchar(64)", kind="enum('x', 'y', 'z')", day="date", moment="datetime(6)",
                      stamp="datetime", uid="uuid", doc="json", raw="bytes", opt_i="int32", opt_s="varchar(8)")
check(core_types == expected_types, f"AllTypes heading as Python reads it: {core_types}")
check(vm.AllTypes.heading.primary_key == ["item_id"], f"primary key {vm.AllTypes.heading.primary_key}")
for item_id in (1, 2, 3, 4):
    interop.check_all_types(vm.AllTypes, item_id)
trials = vm.Session.Trial.fetch(as_dict=True)
check(len(trials) == 2 + 3 + 3 + 4 + 5, f"{len(trials)} trials")
for trial in trials:
    interop.check_signal(trial["trace"], trial["subject_id"], trial["trial_idx"], f"trial {trial}")
subject = (vm.Subject & "subject_id = 2").fetch1()
check(subject["lab"] == "beta" and subject["sex"] == "M" and str(subject["weight"]) == "2.25", f"subject 2 reads {subject}")

# Python's own classes bind to the tables .NET declared (same definitions) and populate them.
p = interop.declare(upstream, main)
p["Stats"].populate(reserve_jobs=True)
stats, sessions = len(p["Stats"]()), len(p["Session"]())
check(stats == sessions, f"{stats} Stats for {sessions} sessions")
(p["Subject"] & "subject_id = 1").delete(prompt=False)
interop.finish({"stats": len(p["Stats"]()), "sessions": len(p["Session"]())})
