"""Declares the pipeline and reports DataJoint-Python's describe() of every table, for the describe comparison.

    describe.py <upstream> <main>

Parents are named from a module holding the main schema's classes: by class name there, by full table name elsewhere.
"""
import sys

import interop

p = interop.declare(sys.argv[1], sys.argv[2])
context = {name: p[name] for name in ("Subject", "AllTypes", "Session", "Stats", "Work", "BlobBox")}
tables = {name: p[name] for name in ("Lab", "Subject", "AllTypes", "Session", "Trial", "Stats", "Work", "BlobBox")}
interop.finish({t.table_name: t.describe(context=context) for t in tables.values()})
