"""<npy@store> through a file store: one language writes, the other reads (ArrayInteropTests).

    arrays.py write <schema> <root>   declares Waveform and inserts the arrays of ARRAYS (rows 1..8)
    arrays.py read <schema> <root>    reads every row of Waveform: shape and dtype before loading, then the values

DataJoint-Python 2.3.2 cannot write <npy@> (it looks up a store named ""), so the table names its store ("cold",
<root>/cold); on MariaDB the script marks the codec's column as json, as codecs.py does. The C# twin of the definition
is ArrayInteropTests.Waveform.
"""
import sys

import numpy as np

import codec_stores
import interop

import datajoint as dj

WAVEFORM = """
# arrays kept as .npy files
arr_id : int32
---
samples = null : <npy@cold>   # one array per row
"""

ARRAYS = {
    1: np.arange(6.0).reshape(2, 3),
    2: np.array([1, -2, 3], dtype=np.int16),
    3: np.array([True, False, True]),
    4: np.array(2.5),
    5: np.asfortranarray(np.arange(6, dtype=np.int64).reshape(2, 3)),
    6: np.array([1 + 2j, 3 - 4j]),
    7: np.array([[0, 255], [7, 8]], dtype=np.uint8),
    8: np.arange(4, dtype=np.float32).reshape(2, 1, 2),
}


def plain(values):
    """JSON for an array's values: nested lists; a complex number as [real, imaginary]."""
    if np.iscomplexobj(values):
        return np.stack([values.real, values.imag], axis=-1).tolist()
    return values.tolist()


def main():
    command, schema_name, root = sys.argv[1:4]
    codec_stores.configure(root)
    schema = dj.Schema(schema_name)

    @schema
    class Waveform(dj.Manual):
        definition = WAVEFORM

    if not interop.POSTGRES:
        codec_stores.recover_json(Waveform)

    if command == "write":
        for arr_id, values in ARRAYS.items():
            Waveform.insert1({"arr_id": arr_id, "samples": values})
        interop.finish({"written": len(ARRAYS)})
    elif command == "read":
        rows = []
        for row in Waveform.to_dicts(order_by="arr_id"):
            ref = row["samples"]
            shape, dtype, loaded_before = list(ref.shape), str(ref.dtype), ref.is_loaded
            values = ref.load()
            interop.check(list(values.shape) == shape and str(values.dtype) == dtype, f"row {row['arr_id']}: metadata matches the file")
            rows.append({"arr_id": row["arr_id"], "shape": shape, "dtype": dtype, "loaded_before": loaded_before,
                         "path": ref.path, "values": plain(values)})
        interop.finish(rows)
    else:
        raise SystemExit(f"unknown command {command}")


main()
