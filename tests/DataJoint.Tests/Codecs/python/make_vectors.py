"""Prints the blobs DataJoint-Python packs for the values of tests/DataJoint.Tests/Codecs/PythonTypedBlobVectors.cs.

Documentation only, not run by the build. To regenerate the vectors:
    /work/shared/peer/python tests/DataJoint.Tests/Codecs/python/make_vectors.py
and paste the printed lines into the Hex dictionary of PythonTypedBlobVectors.cs. Every value must also round-trip in
Python itself (pack(unpack(blob)) == blob); the script stops if one does not.
"""

import datetime
import uuid
from decimal import Decimal

import numpy as np
from datajoint.blob import MatCell, MatStruct, pack, unpack

INTEGER_DTYPES = ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"]


def cell(shape, *items):
    array = np.empty(len(items), dtype=object)
    array[:] = list(items)
    return array.reshape(shape, order="F").view(MatCell)


def struct(shape, names, *records):
    array = np.empty(len(records), dtype=[(name, object) for name in names])
    for i, record in enumerate(records):
        array[i] = record
    return array.reshape(shape, order="F").view(MatStruct)


def values():
    yield "float64 1-D", np.array([1.5, -2.0, 3.25])
    yield "float32 1-D", np.array([0.5, -1.25], dtype=np.float32)
    for dtype in INTEGER_DTYPES:
        info = np.iinfo(dtype)
        yield f"{dtype} 1-D", np.array([info.min, 1, info.max], dtype=dtype)
    for dtype in ["float64", "float32"] + INTEGER_DTYPES:
        yield f"{dtype} 2x3", np.arange(6, dtype=dtype).reshape(2, 3)
    yield "float64 2x2x2", np.arange(8, dtype=np.float64).reshape(2, 2, 2)
    yield "bool 1-D", np.array([True, False, True])
    yield "bool 2x2", np.array([[True, False], [False, False]])
    yield "complex128 1-D", np.array([1 + 2j, -3.5j])
    yield "complex128 2x2", np.array([[1 + 1j, 2], [3j, -4 - 4j]])
    yield "float64 0-d", np.float64(3.0)
    yield "float32 0-d", np.float32(-0.5)
    yield "int8 0-d", np.int8(-7)
    yield "uint8 0-d", np.uint8(200)
    yield "int32 0-d", np.int32(7)
    yield "int64 0-d", np.int64(-(2**40))
    yield "uint64 0-d", np.uint64(2**64 - 1)
    yield "bool 0-d", np.bool_(True)
    yield "complex128 0-d", np.complex128(1 + 2j)
    yield "float64 empty", np.array([])
    yield "float64 0x3", np.zeros((0, 3))
    yield "int32 2x0", np.zeros((2, 0), dtype=np.int32)
    yield "uint8 empty", np.array([], dtype=np.uint8)
    yield "str 1-D", np.array(["ab", "cd"])
    yield "str 1-D unicode", np.array(["é", "日本", ""])
    yield "str 2x2", np.array([["a", "bc"], ["d", "e"]])
    yield "str 0-d", np.array("abc")
    yield "object 1-D mixed", np.array([1, "a", None], dtype=object)
    yield "object 1-D of arrays", np.array([np.array([1.0]), np.array([2, 3], dtype=np.int32), "x"], dtype=object)
    yield "object 2x2", np.array([[1, "a"], [None, 2.5]], dtype=object)
    yield "object 0-d", np.array(None, dtype=object)
    yield "object empty", np.array([], dtype=object)
    yield "dict of arrays", {"a": np.array([1.0, 2.0]), "b": np.array([1, 2], dtype=np.uint8), "c": np.float64(1.5), "d": np.array(["x"])}
    yield "list of tuples", [(1, "a"), (2, "b")]
    yield "tuple of arrays", (np.array([1, 2], dtype=np.int16), np.array([[True]]))
    yield "list of 0-d", [np.int32(1), np.float64(2.0)]
    yield "int", 5
    yield "int negative", -300
    yield "int big", 2**100
    yield "int big negative", -(2**70)
    yield "float", 2.5
    yield "complex", 1 - 2j
    yield "str", "héllo"
    yield "bytes", b"\x00\xff\x10"
    yield "None", None
    yield "bool", True
    yield "Decimal", Decimal("3.14")
    yield "datetime", datetime.datetime(2024, 5, 6, 7, 8, 9, 123456)
    yield "date", datetime.date(1999, 12, 31)
    yield "time", datetime.time(23, 59, 58, 1)
    yield "UUID", uuid.UUID("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0")
    yield "set", {1, 2, 3}
    yield "empty list", []
    yield "empty tuple", ()
    yield "empty dict", {}
    yield "cell 1x2 arrays", cell((1, 2), np.array([[1.0]]), np.array([[2.0, 3.0]]))
    yield "cell 2x1 mixed", cell((2, 1), "text", np.array([[4.0]]))
    yield "cell nested", cell((1, 2), cell((1, 1), np.array([[1.0]])), np.array([[5.0]]))
    yield "struct 1x1", struct((1, 1), ["a", "b"], (np.array([[1.0]]), "x"))
    yield "struct 1x2", struct((1, 2), ["x", "y"], (1.0, "p"), (2, None))
    yield "struct in cell", cell((1, 1), struct((1, 1), ["f"], (np.array([[7.0]]),)))


if __name__ == "__main__":
    # Also imported (as blob_values) by the interop tests, which send every value through the database.
    for name, value in values():
        blob = pack(value, compress=False)
        if pack(unpack(blob), compress=False) != blob:
            raise SystemExit(f"{name}: DataJoint-Python does not round-trip its own blob")
        print(f'        ["{name}"] = "{blob.hex()}",')
