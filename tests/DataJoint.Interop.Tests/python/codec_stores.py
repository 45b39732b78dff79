"""Shared by the codec scripts (codecs.py, arrays.py, custom_codecs.py): their stores and MariaDB's json recovery.

The stores are "main" (stores.default, <root>/main) and "cold" (<root>/cold, subfolding [2, 2]), as the C# tests
configure them.
"""
import os

import datajoint as dj
from datajoint.codecs import resolve_dtype


def configure(root):
    dj.config.stores = {
        "default": "main",
        "main": {"protocol": "file", "location": os.path.join(root, "main")},
        "cold": {"protocol": "file", "location": os.path.join(root, "cold"), "subfolding": [2, 2]},
    }


def recover_json(table):
    """MariaDB: marks the columns of codecs stored as json, as 2.3.2's recovery does for `json` attributes."""
    heading = table.heading
    heading.attributes  # loads the heading
    attributes = heading._attributes
    for name, attr in list(attributes.items()):
        if attr.codec is not None and (attr.store is not None or resolve_dtype(f"<{attr.codec.name}>")[0] == "json"):
            attributes[name] = attr._replace(json=True)
