"""Declares the pipeline and its job tables, nothing else, for the DDL comparison.

    declare_only.py <upstream> <main>
"""
import sys

import interop

p = interop.declare(sys.argv[1], sys.argv[2])
for name in ("Stats", "Work"):
    p[name].jobs.refresh()
interop.finish({"declared": True})
