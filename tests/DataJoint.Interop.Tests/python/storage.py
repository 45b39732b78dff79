"""DataJoint-Python's own hash registry on a file store, for StorageInteropTests (no database involved).

  storage.py put LOCATION SUBFOLDING HASH_PREFIX SCHEMA STORE FILE...   stores each file's bytes (put_hash)
  storage.py get LOCATION SUBFOLDING HASH_PREFIX METADATA_FILE...       reads each metadata's object (get_hash)

SUBFOLDING is a JSON list or "none"; HASH_PREFIX is the prefix or "default"; STORE is a store name or "-" for the
default store (<hash@>). The store is named "local" and is also stores.default.
"""
import base64
import json
import os
import sys

import datajoint as dj
from datajoint import hash_registry


def finish(result):
    with open(os.environ["DJ_INTEROP_RESULT"], "w", encoding="utf-8") as f:
        json.dump(result, f)


def configure(location, subfolding, hash_prefix):
    spec = {"protocol": "file", "location": location}
    if subfolding != "none":
        spec["subfolding"] = json.loads(subfolding)
    if hash_prefix != "default":
        spec["hash_prefix"] = hash_prefix
    dj.config.stores = {"default": "local", "local": spec}


def main():
    mode, location, subfolding, hash_prefix = sys.argv[1:5]
    configure(location, subfolding, hash_prefix)
    results = []
    if mode == "put":
        schema, store = sys.argv[5], sys.argv[6]
        for name in sys.argv[7:]:
            with open(name, "rb") as f:
                data = f.read()
            metadata = hash_registry.put_hash(data, schema, None if store == "-" else store, config=dj.config)
            results.append({"json": json.dumps(metadata), "hash": hash_registry.compute_hash(data)})
    elif mode == "get":
        for name in sys.argv[5:]:
            with open(name, encoding="utf-8") as f:
                metadata = json.load(f)
            try:
                data = hash_registry.get_hash(metadata, config=dj.config)
                results.append({"content": base64.b64encode(data).decode("ascii")})
            except dj.DataJointError as e:
                results.append({"error": str(e)})
    else:
        raise SystemExit(f"unknown mode {mode}")
    finish(results)


main()
