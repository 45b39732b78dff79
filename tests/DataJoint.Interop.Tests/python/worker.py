"""A DataJoint-Python worker populating Work with reserved jobs while a .NET worker does the same.

    worker.py <upstream> <main> <delay-seconds>   prints "ready" when it is about to populate; reports how many keys it made
"""
import sys

import interop

upstream, main, delay = sys.argv[1], sys.argv[2], float(sys.argv[3])
p = interop.declare(upstream, main, worker_name="python", make_delay=delay)
print("ready", flush=True)
p["Work"].populate(reserve_jobs=True)
made = len(p["Work"]() & "worker = 'python'")
interop.finish({"made": made})
