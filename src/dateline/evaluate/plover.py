"""Reader: the PLOVER gold-standard records (PLOVER_GSR_CAMEO.txt) -> gold records.

Each PLOVER record is one sentence coded with one event (v0.5 labels), source and target actors
with country codes, an optional mode, context(s) and location. Labels are converted to PLOVER v2 and
odd codes to ISO3 by the rules in ``data/plover_gold_codes.tsv``. Two records with the same sentence
become one gold record with two events.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dateline.evaluate.gold import GoldEvent, GoldFormatError, GoldRecord
from dateline.knowledge.loader import read_table
from dateline.ontology import plover

DATA_DIR = Path(__file__).resolve().parent / "data"
CODES_FILE = "plover_gold_codes.tsv"
DROP = "-"
SKIP = "skip"


@dataclass(slots=True)
class ReadResult:
    records: list[GoldRecord]
    skipped: list[str] = field(default_factory=list)     # "record id: why", one per record not converted
    notes: list[str] = field(default_factory=list)       # conversions worth knowing (odd fields)

    @property
    def event_count(self) -> int:
        return sum(len(r.events) for r in self.records)


@functools.lru_cache(maxsize=1)
def conversion_rules() -> dict[str, dict[str, str]]:
    rules: dict[str, dict[str, str]] = {"event": {}, "actor": {}, "iso2": {}, "place": {}, "mode": {}, "context": {}}
    for row in read_table(CODES_FILE, (str(DATA_DIR),)):
        if row["kind"] not in rules:
            raise GoldFormatError(f"{DATA_DIR / CODES_FILE}: unknown rule kind {row['kind']!r}")
        rules[row["kind"]][row["from"]] = row["to"]
    return rules


def _actor_codes(value: Any, record_id: str, notes: list[str]) -> list[str]:
    if not value:
        return []
    if not isinstance(value, list):
        notes.append(f"{record_id}: actor field {value!r} is not a list of actors; read as none")
        return []
    fixes = conversion_rules()["actor"]
    codes: list[str] = []
    for actor in value:
        code = str(actor.get("code") or "").strip().upper() if isinstance(actor, dict) else ""
        if not code:
            notes.append(f"{record_id}: actor without a code {actor!r}")
            continue
        code = fixes.get(code, code)
        if code not in codes:
            codes.append(code)
    return codes


def _place(loc: Any) -> str | None:
    if not isinstance(loc, dict):
        return None
    rules = conversion_rules()
    iso2 = loc.get("country code")
    if iso2 and iso2 in rules["iso2"]:
        return rules["iso2"][iso2]
    found = rules["place"].get(str(loc.get("name", "")))
    return None if found in (None, DROP) else found


def _contexts(value: Any, record_id: str, notes: list[str]) -> list[str]:
    if not isinstance(value, str):
        return []
    fixes = conversion_rules()["context"]
    out = []
    for raw in (c.strip() for c in value.split(",")):
        if not raw:
            continue
        name = fixes.get(raw, raw)
        if name == DROP:
            continue
        if not plover.is_context(name):
            notes.append(f"{record_id}: context {raw!r} has no PLOVER v2 equivalent; not scored")
            continue
        if name not in out:
            out.append(name)
    return out


def _mode(value: Any, event_type: str, record_id: str, notes: list[str]) -> list[str]:
    if not isinstance(value, str) or not value.strip():
        return []
    name = conversion_rules()["mode"].get(value.strip(), value.strip())
    if name == DROP:
        return []
    if name not in plover.event_type(event_type).modes:
        notes.append(f"{record_id}: mode {value!r} is not a PLOVER v2 mode of {event_type}; not scored")
        return []
    return [name]


def convert_record(rec: dict[str, Any], result: ReadResult) -> tuple[str, GoldEvent] | None:
    """One PLOVER record -> (sentence, gold event), or None when the record is skipped (reason kept)."""
    record_id = str(rec.get("id", "?"))
    label = str(rec.get("event", "")).upper()
    mapped = conversion_rules()["event"].get(label, label)
    if mapped == SKIP:
        result.skipped.append(f"{record_id}: {label} records document the file, they are not events")
        return None
    if mapped == DROP:
        result.skipped.append(f"{record_id}: {label} has no PLOVER v2 type")
        return None
    text = rec.get("text")
    if not text:
        result.skipped.append(f"{record_id}: no sentence text")
        return None
    info = rec.get("textInfo")
    markup = str(info.get("markup", "") if isinstance(info, dict) else info or "")   # one record has the bare string
    event = GoldEvent(
        types=[mapped], id=record_id,
        mode=_mode(rec.get("mode"), mapped, record_id, result.notes),
        actors=_actor_codes(rec.get("source"), record_id, result.notes),
        recipients=_actor_codes(rec.get("target"), record_id, result.notes),
        symmetric="SRC/TAR" in markup,
        place=_place(rec.get("eventLoc")),
        place_name=rec["eventLoc"].get("name") if isinstance(rec.get("eventLoc"), dict) else None,
        contexts=_contexts(rec.get("context"), record_id, result.notes),
        note=f"PLOVER v0.5 {label}" if mapped != label else "",
    )
    if rec.get("mode") == "host":    # v2 codes a hosted visit from the visitor's side
        event.actors, event.recipients = event.recipients, event.actors
    return text, event


def read_plover(path: str | Path) -> ReadResult:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"{path}: not a PLOVER gold-standard JSON file ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, list):
        raise GoldFormatError(f"{path}: expected a JSON list of PLOVER records")
    result = ReadResult(records=[])
    by_text: dict[str, GoldRecord] = {}
    for rec in data:
        converted = convert_record(rec, result)
        if converted is None:
            continue
        text, event = converted
        record = by_text.get(text)
        if record is None:
            published = None
            if rec.get("date"):
                try:
                    published = date.fromisoformat(str(rec["date"])[:10])
                except ValueError:
                    result.notes.append(f"{event.id}: date {rec['date']!r} is not an ISO date; no publication date")
            record = GoldRecord(id=event.id, text=text, published=published, source=f"{path.name}#{event.id}")
            by_text[text] = record
            result.records.append(record)
        else:
            result.notes.append(f"{event.id}: same sentence as {record.id}; one record with two events")
        record.events.append(event)
    return result
