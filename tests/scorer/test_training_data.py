"""The training data the scorer learns from is what training/README.md says it is: valid records, unique
ids, every trigger, actor and recipient in its text, evidence an exact substring of the story, codes
the codebook knows, dates that parse. A broken record would silently teach the model a wrong label."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dateline.ontology import event_type
from dateline.ontology.cameo import codebook

TRAINING = Path(__file__).resolve().parents[2] / "training"
FILES = sorted(TRAINING.glob("*.jsonl")) + sorted((TRAINING / "stories").glob("*.jsonl"))
MODALITIES = {"asserted", "negated", "future", "hypothetical"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_there_is_training_data():
    assert len(FILES) >= 4 and sum(len(records(p)) for p in FILES) >= 3000


def test_ids_are_unique_across_files():
    ids = [r["id"] for p in FILES for r in records(p)]
    assert len(ids) == len(set(ids)), [i for i in set(ids) if ids.count(i) > 1][:5]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(TRAINING).as_posix())
def test_every_record_is_consistent(path):
    known = codebook()
    story = path.parent.name == "stories"
    problems = []
    for r in records(path):
        text = r["text"]
        if story and not r.get("title"):
            problems.append(f"{r['id']}: a story needs a title")
        for e in r["events"]:
            where = f"{r['id']} {e.get('trigger')!r}"
            try:
                event_type(e["plover"])
            except Exception:  # noqa: BLE001 - any unknown type is a problem to report
                problems.append(f"{where}: unknown PLOVER type {e['plover']!r}")
            if e["cameo"] not in known:
                problems.append(f"{where}: CAMEO {e['cameo']!r} is not in the codebook")
            if e.get("modality", "asserted") not in MODALITIES:
                problems.append(f"{where}: modality {e.get('modality')!r}")
            scope = text
            if story:
                if e["evidence"] not in text:
                    problems.append(f"{where}: evidence is not in the text")
                scope = e["evidence"]
                if e.get("date") is not None and not DATE.match(e["date"]):
                    problems.append(f"{where}: date {e['date']!r}")
            if e["trigger"] not in scope:
                problems.append(f"{where}: trigger not in its {'evidence' if story else 'text'}")
            for role in ("actor", "recipient"):
                if e.get(role) and e[role] not in text:
                    problems.append(f"{where}: {role} {e[role]!r} not in the text")
    assert problems == [], "\n".join(problems[:20])
