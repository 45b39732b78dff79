"""Python declares and fills the pipeline, .NET binds and extends it, Python checks what .NET did.

    python_first.py declare <upstream> <main>   declare, insert subjects 1-3 and AllTypes 1-2, populate 2 Stats keys with jobs
    python_first.py verify <upstream> <main>    after .NET inserted subject 4 and AllTypes 3-4, populated the rest, deleted subject 1
"""
import sys

import interop
from interop import check

command, upstream, main = sys.argv[1:4]
p = interop.declare(upstream, main)

if command == "declare":
    interop.insert_subject(p, 1, "alpha", [1, 2])
    interop.insert_subject(p, 2, "beta", [1], buddy=1)
    interop.insert_subject(p, 3, "alpha", [1, 2])
    for item_id in (1, 2):
        row = dict(interop.ALL_TYPES_ROWS[item_id])
        if interop.POSTGRES:
            row.pop("uid")  # DataJoint-Python 2.3.2 cannot insert uuid values on PostgreSQL
        p["AllTypes"].insert1(row)
    p["Stats"].populate(reserve_jobs=True, max_calls=2)
    made = p["Stats"].fetch("KEY", order_by="subject_id, session_idx")
    check(len(made) == 2, f"Python made {len(made)} Stats keys, expected 2")
    interop.finish({"made": [dict(subject_id=int(k["subject_id"]), session_idx=int(k["session_idx"])) for k in made]})

elif command == "verify":
    subjects = sorted(int(s) for s in p["Subject"].fetch("subject_id"))
    check(subjects == [2, 3, 4], f"subjects after the .NET cascade: {subjects}")
    sessions = sorted((int(a), int(b)) for a, b in zip(*p["Session"].fetch("subject_id", "session_idx")))
    # Subject 1's delete cascades through the renamed buddy_id key to session (2, 1).
    check(sessions == [(3, 1), (3, 2), (4, 1), (4, 2)], f"sessions after the .NET cascade: {sessions}")
    check(len(p["Trial"] & "subject_id in (1, 2)") == 0, "trials of deleted sessions remain")
    for key in p["Session"].fetch("KEY"):
        row = (p["Stats"] & key).fetch1()
        want = interop.stats_of(p["Trial"] & key, key)
        check(row["n_trials"] == want["n_trials"] and row["hits"] == want["hits"], f"Stats {key}: {row} != {want}")
        check(row["summary"].dtype == want["summary"].dtype and interop.np.array_equal(row["summary"], want["summary"]),
              f"Stats {key} summary {row['summary']!r} != {want['summary']!r}")
    check(len(p["Stats"].jobs & "status = 'error'") == 0, "error jobs: %s" % (p["Stats"].jobs & "status = 'error'").fetch())
    check(len(p["Stats"] & "subject_id = 1") == 0, "Stats of subject 1 remain")
    for trial in (p["Trial"] & "subject_id = 4").fetch(as_dict=True):
        check(trial["outcome"] == ("hit" if trial["trial_idx"] % 2 == 1 else "miss"), f"trial {trial}")
        interop.check_signal(trial["trace"], 4, trial["trial_idx"], f"trial {trial['session_idx']}.{trial['trial_idx']} of subject 4")
    for item_id in (1, 2, 3, 4):
        interop.check_all_types(p["AllTypes"], item_id)
    interop.finish({"checked": True})
