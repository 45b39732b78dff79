"""Every blob value through the database: Python writes it, .NET reads it and writes it back, Python compares.

    blobs.py write <upstream> <main>   inserts each value of blob_values.values() as box 1..N
    blobs.py check <upstream> <main>   .NET copied box i to box 1000+i: Python reads the same value and type from both, same bytes
"""
import sys
import zlib

import numpy as np

import blob_values
import interop
from interop import check
from datajoint.blob import MatCell, MatStruct

command, upstream, main = sys.argv[1:4]
p = interop.declare(upstream, main)
boxes = p["BlobBox"]
values = list(blob_values.values())


def same(a, b):
    """Equal values of exactly the same types, arrays by dtype, shape, subclass and elements (object elements recursively)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, np.ndarray):
        if a.dtype != b.dtype or a.shape != b.shape:
            return False
        if a.dtype.fields:
            return all(same(a[f], b[f]) for f in a.dtype.names)
        if a.dtype == object:
            return all(same(x, y) for x, y in zip(a.ravel(), b.ravel()))
        return np.array_equal(a, b)
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def raw_blobs():
    """The stored bytes of every box, uncompressed (zlib output may differ between the languages; the blob may not)."""
    rows = boxes.connection.query(f"SELECT box_id, value FROM {boxes.full_table_name}").fetchall()
    result = {}
    for box_id, value in rows:
        data = None if value is None else bytes(value)  # a None value is stored as NULL
        result[int(box_id)] = zlib.decompress(data[14:]) if data and data.startswith(b"ZL123\0") else data
    return result


if command == "write":
    boxes.insert([dict(box_id=i + 1, name=name, value=value) for i, (name, value) in enumerate(values)])
    interop.finish({"count": len(values)})
elif command == "check":
    raw = raw_blobs()
    for i, (name, value) in enumerate(values, start=1):
        check(i + 1000 in raw, f"{name}: .NET wrote no box {i + 1000}")
        # Compared with what Python reads of its own box: DataJoint-Python itself reads a str array back as an object array.
        own = (boxes & dict(box_id=i)).fetch1("value")
        read = (boxes & dict(box_id=i + 1000)).fetch1("value")
        check(same(read, own), f"{name}: Python reads {read!r} ({type(read).__name__}) from .NET's copy, {own!r} ({type(own).__name__}) from its own")
        check(raw[i + 1000] == raw[i], f"{name}: .NET re-encoded {raw[i + 1000]!r} from Python's {raw[i]!r}")
    interop.finish({"checked": len(values)})
