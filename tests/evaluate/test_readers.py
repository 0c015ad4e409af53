"""Readers of the PLOVER gold-standard records and of MEANTIME CAT XML (read in place from ../shared)."""
from __future__ import annotations

import json
from collections import Counter
from datetime import date

import pytest

from shared_data import SHARED, needs_shared

from dateline.evaluate.meantime import read_meantime
from dateline.evaluate.plover import read_plover

PLOVER = SHARED / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
MEANTIME = SHARED / "data" / "meantime"


@pytest.fixture(scope="module")
def plover():
    return read_plover(needs_shared(PLOVER))


def test_plover_counts(plover):
    raw = json.loads(PLOVER.read_text(encoding="utf-8"))
    events = [r for r in raw if r["event"] not in ("DOCUMENT", "CRIME")]
    assert plover.event_count == len(events)
    assert len(plover.records) == len({r["text"] for r in events})     # same sentence -> one record
    assert any("DOCUMENT" in s for s in plover.skipped)


def test_plover_labels_are_mapped_to_v2(plover):
    raw = json.loads(PLOVER.read_text(encoding="utf-8"))
    before = Counter(r["event"] for r in raw)
    after = Counter(e.type for r in plover.records for e in r.events)
    assert not {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT", "CRIME", "DOCUMENT"} & set(after)
    assert after["REQUEST"] == before["DEMAND"]
    assert after["ACCUSE"] == before["DISAPPROVE"] + before["INVESTIGATE"]
    assert after["ASSAULT"] == before["ASSAULT"] + before["FIGHT"]
    assert after["AGREE"] == before["AGREE"]


def test_plover_actor_codes_places_and_direction(plover):
    by_id = {e.id: e for r in plover.records for e in r.events}
    agree = by_id["PLOVER-GSR01-AGREE-0001"]          # "(SRC/TAR: Hungarian) and (SRC/TAR: Romanian) officials"
    assert agree.actors == ["HUN", "ROU"] and agree.symmetric
    apec = by_id["PLOVER-GSR01-AGREE-0002"]           # IGO source, "JAP" target fixed to ISO3
    assert apec.actors == ["IGO"] and apec.recipients == ["JPN"] and not apec.symmetric
    codes = {c for e in by_id.values() for c in e.countries}
    assert not {"JAP", "ITL", "VTN", "NGO", "IMG", "ISM"} & codes
    assert all(len(c) == 3 for c in codes)
    consult = by_id["PLOVER-GSR01-CONSULT-0001"]
    assert consult.mode == ["visit"] and consult.contexts == ["diplomatic"]
    places = Counter(e.place for e in by_id.values() if e.place)
    assert places["IRQ"] >= 5 and None not in places


def test_plover_record_is_one_sentence_with_its_date_as_publication(plover):
    rec = plover.records[0]
    assert rec.text.startswith("Senior Hungarian and Romanian officials agreed")
    assert rec.published == date(2000, 1, 1) and rec.exhaustive


@pytest.fixture(scope="module")
def meantime():
    return read_meantime(needs_shared(MEANTIME))


def test_meantime_counts(meantime):
    assert len(meantime.records) == 120 and meantime.skipped == []
    kinds = Counter(t.type for r in meantime.records for t in r.timexes)
    assert set(kinds) == {"DATE", "DURATION", "TIME", "SET"}
    assert kinds["DATE"] > 250
    assert all(r.published is not None and not r.events and not r.exhaustive for r in meantime.records)


def test_meantime_text_offsets_and_creation_time(meantime):
    rec = next(r for r in meantime.records if r.id == "meantime-1007169")   # Mary Barra appointed as GM chief
    assert rec.published == date(2013, 12, 10)
    assert rec.text.splitlines()[1] == "December 10, 2013"
    for t in rec.timexes:
        assert rec.text[t.start:t.end] == t.text
    assert ("today", "2013-12-10") in {(t.text, t.value) for t in rec.timexes}
    assert "December 10, 2013" not in {t.text for t in rec.timexes}        # the DCT is the anchor, not a test item


def test_meantime_day_first_creation_time(meantime):
    rec = next(r for r in meantime.records if r.id.startswith("meantime-120578"))
    assert rec.published == date(2009, 2, 3)
