"""Garbage collection of a store .NET wrote (CodecInteropTests): DataJoint-Python's own dry-run report.

    store_gc.py collect <schema> <root>   reports GarbageCollector(schema, store="cold").collect() (a dry run)

The stores are those of codecs.py: "main" (stores.default) and "cold" (subfolding [2, 2]) under <root>.
"""
import os
import sys

import interop

import datajoint as dj
from datajoint.gc import GarbageCollector


def main():
    _, schema_name, root = sys.argv[1:4]
    dj.config.stores = {
        "default": "main",
        "main": {"protocol": "file", "location": os.path.join(root, "main")},
        "cold": {"protocol": "file", "location": os.path.join(root, "cold"), "subfolding": [2, 2]},
    }
    schema = dj.Schema(schema_name, create_schema=False)
    report = GarbageCollector(schema, store="cold").collect()
    interop.finish({k: report[k] for k in ("hash_paths_referenced", "hash_paths_stored", "orphaned_hash_paths", "hash_paths_orphaned_bytes", "dry_run")})


if __name__ == "__main__":
    main()
