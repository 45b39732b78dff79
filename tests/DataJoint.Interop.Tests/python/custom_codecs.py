"""Custom codecs with the same names in both languages (CustomCodecInteropTests): one writes, the other reads.

    custom_codecs.py write <schema> <root>   declares Network and inserts rows 1 and 2
    custom_codecs.py read <schema> <root>    reads every row of Network through the codecs below

<graph> keeps {"nodes": int, "weights": float64 array} through <blob> (with a store: <blob@cold>); <label> keeps
{"text": str} as json. The C# twins are CustomCodecInteropTests.GraphCodec and .LabelCodec.
"""
import sys

import numpy as np

import codec_stores
import interop

import datajoint as dj


class GraphCodec(dj.Codec):
    name = "graph"

    def get_dtype(self, is_store):
        return "<blob>"

    def encode(self, value, *, key=None, store_name=None):
        return {"nodes": int(value["nodes"]), "weights": np.asarray(value["weights"], dtype=np.float64)}

    def decode(self, stored, *, key=None):
        return {"nodes": int(stored["nodes"]), "weights": np.asarray(stored["weights"]).ravel().tolist()}


class LabelCodec(dj.Codec):
    name = "label"

    def get_dtype(self, is_store):
        return "json"

    def encode(self, value, *, key=None, store_name=None):
        return {"text": value}

    def decode(self, stored, *, key=None):
        return stored["text"]


NETWORK = """
# networks kept through custom codecs
net_id : int32
---
graph : <graph>
archived = null : <graph@cold>
label = null : <label>
"""


def main():
    command, schema_name, root = sys.argv[1:4]
    codec_stores.configure(root)
    schema = dj.Schema(schema_name)

    @schema
    class Network(dj.Manual):
        definition = NETWORK

    if not interop.POSTGRES:
        codec_stores.recover_json(Network)

    if command == "write":
        graph = {"nodes": 3, "weights": [0.5, 1.5]}
        Network.insert1({"net_id": 1, "graph": graph, "archived": graph, "label": "lab"})
        Network.insert1({"net_id": 2, "graph": {"nodes": 0, "weights": [2.0]}})
        interop.finish({"written": 2})
    elif command == "read":
        interop.finish(Network.to_dicts(order_by="net_id"))
    else:
        raise SystemExit(f"unknown command {command}")


main()
