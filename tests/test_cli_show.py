"""`dateline events` lists event ids and cuts evidence at a word with an ellipsis; `dateline show ID`
prints one event's coding and every sentence that reports it."""
from __future__ import annotations

import json

from click.testing import CliRunner

from dateline.commands.show import show
from dateline.store import open_store
from dateline.store.commands import events
from dateline.store.synthetic import make_extraction

LONG = ("Officials of PAK and RUS reported a consult event after a long day of meetings on trade, energy, "
        "security and education in the capital, officials said.")
WIDE = {"COLUMNS": "400"}


def _store(tmp_path):
    path = str(tmp_path / "show.db")
    extraction = make_extraction(1, events_per_article=2)
    extraction.events[1].mentions[0].sentence = LONG
    store = open_store(path)
    store.add(extraction)
    found = store.query_events()
    store.close()
    return path, found


def test_events_table_lists_ids_and_cuts_evidence_with_an_ellipsis(tmp_path):
    db, found = _store(tmp_path)
    result = CliRunner().invoke(events, ["--db", db], env=WIDE)
    assert result.exit_code == 0, result.output
    assert all(e.id in result.output for e in found) and "2 of 2 events" in result.output
    assert LONG not in result.output and "meetings on trade, energy…" in result.output
    one = CliRunner().invoke(events, ["--db", db, "--limit", "1"], env=WIDE)
    assert "1 of 2 events" in one.output
    single = CliRunner().invoke(events, ["--db", db, "--type", found[0].type], env=WIDE)
    assert "1 of 1 event " in single.output and "event(s)" not in single.output


def test_show_prints_coding_and_sentences(tmp_path):
    db, found = _store(tmp_path)
    ev = next(e for e in found if e.mentions[0].sentence != LONG)
    result = CliRunner().invoke(show, [ev.id, "--db", db], env=WIDE)
    assert result.exit_code == 0, result.output
    trigger = ev.mentions[0].trigger.text
    assert f"[{trigger}]" in result.output and ev.type in result.output and ev.cameo in result.output
    assert "1 article, 1 sentence" in result.output and "Synthetic Times, Synthetic report 1" in result.output
    assert "modality" in result.output and "asserted" in result.output
    as_json = CliRunner().invoke(show, [ev.id, "--db", db, "--format", "json"])
    record = json.loads(as_json.output)
    assert record["id"] == ev.id and record["articles"][ev.article_id]["outlet"] == "Synthetic Times"
    missing = CliRunner().invoke(show, ["evt-nope", "--db", db])
    assert missing.exit_code == 1 and "no event 'evt-nope'" in missing.output
