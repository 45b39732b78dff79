"""Stored codecs through a file store: one language writes, the other reads (CodecInteropTests).

    codecs.py write <schema> <root> <note_file>   declares Document and inserts rows 1 and 2
    codecs.py read <schema> <root> <downloads>    reads every row of Document and returns its values
    codecs.py write-objects <schema> <root> <file> <folder>   declares Recording and inserts rows 1 (file) and 2 (folder)
    codecs.py read-objects <schema> <root>        reads every row of Recording through DataJoint's ObjectRef

DataJoint-Python 2.3.2 cannot write <blob@> (it looks up a store named "") and, on PostgreSQL, cannot read an in-table
<attach> (psycopg2 returns a memoryview, which its decoder cannot split); so Python leaves `fallback` empty, and on
PostgreSQL `note` is read from the column's bytes as DataJoint's decoder would split them. On MariaDB, which reports
json columns as longtext, 2.3.2 recovers the json flag for `json` attributes but not for codecs stored as json, and
passes the metadata dict to the driver unserialized; the script sets that flag as the recovery does for `json`.
The stores are codec_stores.py's; the C# twin of the definition is CodecInteropTests.Document.
"""
import base64
import os
import sys

import numpy as np

import codec_stores
import interop

import datajoint as dj

DOCUMENT = """
# documents kept in and beside the database
doc_id : int32
---
summary = null : <blob@cold>     # serialized into the cold store
fallback = null : <blob@>        # the default store
raw = null : <hash@cold>
note = null : <attach>
report = null : <attach@cold>
"""


RECORDING = """
# recordings kept as objects and references
rec_id : int32
---
recording = null : <object@cold>
source = null : <filepath@cold>
"""


def encode_bytes(data):
    return None if data is None else base64.b64encode(data).decode("ascii")


def attachment(path):
    if path is None:
        return None
    with open(path, "rb") as f:
        return {"name": os.path.basename(path), "content": encode_bytes(f.read())}


def split_attachment(stored, folder):
    """DataJoint's in-table attachment (name, NUL, content) written to a file of that name in folder."""
    name, content = stored.split(b"\x00", 1)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, name.decode("utf-8"))
    with open(path, "wb") as f:
        f.write(content)
    return path


def blob_value(value):
    if isinstance(value, np.ndarray):
        return {"type": "ndarray", "dtype": str(value.dtype), "shape": list(value.shape), "values": value.tolist()}
    return {"type": type(value).__name__, "value": value}


def main():
    command, schema_name, root = sys.argv[1:4]
    codec_stores.configure(root)
    schema = dj.Schema(schema_name)

    @schema
    class Document(dj.Manual):
        definition = DOCUMENT

    @schema
    class Recording(dj.Manual):
        definition = RECORDING

    if not interop.POSTGRES:
        for table in (Document, Recording):
            codec_stores.recover_json(table)

    if command == "write-objects":
        Recording.insert1({"rec_id": 1, "recording": sys.argv[4], "source": "raw/s1.bin"})
        Recording.insert1({"rec_id": 2, "recording": sys.argv[5]})
        interop.finish({"written": 2})
        return
    if command == "read-objects":
        rows = []
        for row in Recording.to_dicts(order_by="rec_id"):
            ref, source = row["recording"], row["source"]
            files = {}
            if ref.is_dir:
                for folder, _, names in ref.walk():
                    for name in names:
                        sub = f"{folder}/{name}" if folder else name
                        with ref.open(sub) as f:
                            files[sub] = encode_bytes(f.read())
            rows.append({
                "rec_id": row["rec_id"],
                "path": ref.path, "size": ref.size, "ext": ref.ext, "is_dir": ref.is_dir, "item_count": ref.item_count,
                "content": None if ref.is_dir else encode_bytes(ref.read()),
                "files": files,
                "source": None if source is None else {"path": source.path, "size": source.size, "content": encode_bytes(source.read())},
            })
        interop.finish(rows)
        return

    if command == "write":
        note = sys.argv[4]
        Document.insert1({"doc_id": 1, "summary": np.array([[1.0, 2.0], [3.0, 4.0]]),
                          "raw": bytes([9, 8, 7]), "note": note, "report": note})
        Document.insert1({"doc_id": 2, "raw": bytes([5, 5])})
        raw = (Document & {"doc_id": 1}).fetch1("raw")
        interop.check(raw == bytes([9, 8, 7]), "Python reads its own <hash@>")
        interop.finish({"written": 2})
    elif command == "read":
        dj.config["download_path"] = sys.argv[4]
        rows = []
        readable = Document.proj(*[a for a in Document.heading.secondary_attributes if a != "note" or not interop.POSTGRES])
        for row in readable.to_dicts(order_by="doc_id"):
            if interop.POSTGRES:
                stored = schema.connection.query(
                    f"SELECT note FROM {Document.full_table_name} WHERE doc_id = %s", args=(row["doc_id"],)).fetchone()[0]
                row["note"] = None if stored is None else split_attachment(bytes(stored), sys.argv[4])
            rows.append({
                "doc_id": row["doc_id"],
                "summary": None if row["summary"] is None else blob_value(row["summary"]),
                "fallback": None if row["fallback"] is None else blob_value(row["fallback"]),
                "raw": encode_bytes(row["raw"]),
                "note": attachment(row["note"]),
                "report": attachment(row["report"]),
            })
        interop.finish(rows)
    else:
        raise SystemExit(f"unknown command {command}")


main()
