"""Write docs/extraction.schema.json: the JSON Schema of one `dateline extract --format json(l)` record.

    python scripts/gen_schema.py
"""
from __future__ import annotations

import json
from pathlib import Path

from pydantic import TypeAdapter

from dateline.model import SCHEMA_VERSION, Extraction


def extraction_schema() -> dict:
    schema = TypeAdapter(Extraction).json_schema()
    schema["$defs"]["Event"]["properties"]["source_count"] = {
        "type": "integer", "title": "Source Count", "description": "distinct articles reporting the event"}
    schema["title"] = f"dateline Extraction (schema version {SCHEMA_VERSION})"
    return schema


if __name__ == "__main__":
    out = Path(__file__).resolve().parents[1] / "docs" / "extraction.schema.json"
    out.write_text(json.dumps(extraction_schema(), indent=2) + "\n")
    print(f"wrote {out}")
