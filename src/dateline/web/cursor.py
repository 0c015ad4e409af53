"""Opaque cursors of /api/events: the keyset position (dateline.store.ordering.SortKey) of the last
event of a page, and the sort it belongs to, as URL-safe base64 of a small JSON object. A cursor is
only valid with the sort that made it; anything else is a 422 naming ``cursor``."""
from __future__ import annotations

import base64
import binascii
import json
from datetime import date

from dateline.store.ordering import SortKey, column
from dateline.web.errors import InvalidParameter

VERSION = 1


def encode(sort: str, key: SortKey) -> str:
    value = key.value.isoformat() if isinstance(key.value, date) else key.value
    raw = json.dumps({"v": VERSION, "sort": sort, "value": value, "id": key.id}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")


def decode(token: str, sort: str) -> SortKey:
    try:
        data = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode("utf-8"))
        if not isinstance(data, dict) or data.get("v") != VERSION or not isinstance(data.get("id"), str):
            raise ValueError
        made_for, value = data.get("sort"), data.get("value")
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise InvalidParameter("cursor", "not a cursor of this API; pass back a next_cursor as it was given")
    if made_for != sort:
        raise InvalidParameter("cursor", f"this cursor belongs to sort={made_for}, not sort={sort}; "
                                         "start again without a cursor to change the sort")
    return SortKey(_value(sort, value), data["id"])


def _value(sort: str, value):
    if value is None:
        return None
    try:
        if column(sort).name == "earliest":
            return date.fromisoformat(value)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError
        return float(value)
    except (TypeError, ValueError):
        raise InvalidParameter("cursor", "not a cursor of this API; pass back a next_cursor as it was given") from None
