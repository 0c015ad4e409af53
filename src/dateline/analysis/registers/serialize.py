"""The relationship file as JSON: {"dyad", "names", "start", "end", "visits", "agreements",
"mechanisms", "figures", "articles"} (the API and `dateline file --json` answer the same)."""
from __future__ import annotations

from typing import Any

from dateline.analysis.registers.records import RelationshipFile
from dateline.model import to_jsonable


def file_json(rf: RelationshipFile) -> dict[str, Any]:
    data = to_jsonable(rf)
    data["dyad"] = list(rf.dyad)
    return data
