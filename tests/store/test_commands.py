"""The CLI over the store: ingest (with a stand-in extractor), events, export, status."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from click.testing import CliRunner

import dateline
from dateline.model import Article
from dateline.store import EventQuery, open_store
from dateline.store.commands import events, export, ingest, status
from dateline.store.synthetic import make_extraction


class FakePipeline:
    """Extracts synthetic events; articles whose text contains BOOM raise, like a broken extractor."""

    def __init__(self, *args, **kwargs) -> None:
        pass

    def extract(self, article):
        if "BOOM" in article.text:
            raise ValueError("extractor crashed on this text")
        n = int(article.meta.get("n", 0))
        extraction = make_extraction(n, events_per_article=3, version=dateline.__version__)
        extraction.article = article
        for e in extraction.events:
            e.article_id = article.id
            for m in e.mentions:
                m.article_id = article.id
        return extraction

    def extract_many(self, articles):
        for article in articles:
            yield self.extract(article)


@pytest.fixture
def fake_inputs(monkeypatch):
    import dateline.ingest
    import dateline.pipeline
    from dateline.ingest import InputError
    from dateline.model import Article

    def read_inputs(paths, published=None, outlet=None, max_bytes=0):
        for p in paths:
            if p == "missing.txt":
                yield InputError(p, "file not found", "missing")
                continue
            n = int(p.split("-")[1].split(".")[0])
            text = f"Article {n} text." + (" BOOM" if "boom" in p else "")
            yield Article(text=text, published=None if "undated" in p else published or date(2025, 4, 18),
                          source=p, outlet="Test", meta={"n": n})

    monkeypatch.setattr(dateline.ingest, "read_inputs", read_inputs)
    monkeypatch.setattr(dateline.pipeline, "Pipeline", FakePipeline)


def test_ingest_stores_reports_failures_and_is_idempotent(store_url, fake_inputs):
    runner = CliRunner()
    args = ["a-1.txt", "a-2.txt", "missing.txt", "boom-3.txt", "undated-4.txt", "--db", store_url,
            "--batch-size", "2"]
    result = runner.invoke(ingest, args)
    assert result.exit_code == 1, result.output
    assert "2 articles stored, 6 events" in result.output
    assert "3 failed" in result.output
    store = open_store(store_url)
    st = store.status()
    assert st.articles == 2 and st.article_events == 6
    reasons = {f.source: f.error for f in st.failures}
    assert reasons["missing.txt"] == "file not found"
    assert reasons["boom-3.txt"].startswith("extraction failed: ValueError: extractor crashed")
    assert "no publication date" in reasons["undated-4.txt"]
    store.close()

    again = runner.invoke(ingest, ["a-1.txt", "a-2.txt", "--db", store_url])
    assert again.exit_code == 0, again.output
    assert "0 articles stored" in again.output and "2 unchanged" in again.output

    shown = runner.invoke(status, ["--db", store_url, "--format", "json"])
    data = json.loads(shown.output)
    assert data["articles"] == 2 and data["articles_failed"] == 3


def test_events_and_export_commands(store_url, tmp_path):
    store = open_store(store_url)
    for i in range(10):
        store.add(make_extraction(i, events_per_article=4))
    expected = store.query_events(EventQuery(
        dyad=("PAK", "RUS"), limit=None))
    store.close()
    runner = CliRunner()
    listed = runner.invoke(events, ["--db", store_url, "--dyad", "PAK-RUS", "--format", "jsonl", "--limit", "1000"])
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert [r["id"] for r in rows] == [e.id for e in expected]
    table = runner.invoke(events, ["--db", store_url, "--dyad", "PAK-RUS"])
    assert table.exit_code == 0 and f"of {len(expected)} events" in table.output
    bad = runner.invoke(events, ["--db", store_url, "--dyad", "Pakistan"])
    assert bad.exit_code == 2 and "not a country pair" in bad.output

    out = tmp_path / "pak-rus.csv"
    done = runner.invoke(export, ["--db", store_url, "--format", "csv", "--out", str(out), "--dyad", "PAK-RUS"])
    assert done.exit_code == 0, done.output
    with open(out, newline="", encoding="utf-8") as f:
        assert sorted(r["event_id"] for r in csv.DictReader(f)) == sorted(e.id for e in expected)
    to_stdout = runner.invoke(export, ["--db", store_url, "--format", "jsonl", "--out", "-", "--type", "AGREE"])
    assert to_stdout.exit_code == 0
    types = {json.loads(line)["type"] for line in io.StringIO(to_stdout.stdout) if line.strip()}
    assert types == {"AGREE"}


def test_cli_reports_bad_database_in_one_line(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 500)
    result = CliRunner().invoke(status, ["--db", str(bad)])
    assert result.exit_code == 1
    assert "not a readable SQLite database" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command, extra", [(events, []), (export, ["--format", "csv", "--out", "x.csv"]),
                                            (status, [])])
def test_read_commands_refuse_a_store_that_does_not_exist(tmp_path, command, extra):
    missing = tmp_path / "never" / "made.db"
    result = CliRunner().invoke(command, ["--db", str(missing), *extra])
    assert result.exit_code == 1
    assert "no store at" in result.output and "dateline ingest" in result.output
    assert not missing.parent.exists()  # nothing was created as a side effect


def _db_fault(kind, driver_message: str, url: str):
    """A StoreError as Store.add raises it: a driver error wrapped by SQLAlchemy, explained in one line."""
    import sqlite3

    from sqlalchemy import exc as sa_exc

    from dateline.store.errors import explain

    driver = {"IntegrityError": sqlite3.IntegrityError, "DataError": sqlite3.DataError,
              "OperationalError": sqlite3.OperationalError}[kind]
    wrapped = getattr(sa_exc, kind)("INSERT INTO articles ...", {}, driver(driver_message))
    return explain(wrapped, url)


def _add_fails_for(monkeypatch, source: str, make_error) -> None:
    from dateline.store.store import Store

    real_add = Store.add

    def add(self, extraction):
        if extraction.article.source == source:
            raise make_error(self.url)
        return real_add(self, extraction)

    monkeypatch.setattr(Store, "add", add)


@pytest.mark.parametrize("make_error, reason", [
    pytest.param(lambda url: _db_fault("IntegrityError", "UNIQUE constraint failed: articles.id", url),
                 "UNIQUE constraint failed: articles.id", id="integrity"),
    pytest.param(lambda url: _db_fault("DataError", "string or blob too big", url), "string or blob too big",
                 id="data"),
    pytest.param(lambda url: ValueError("month must be in 1..12"), "ValueError: month must be in 1..12", id="value"),
    pytest.param(lambda url: TypeError("unhashable type: 'list'"), "TypeError: unhashable type: 'list'", id="type"),
])
def test_ingest_records_an_article_the_store_refuses_and_goes_on(store_url, fake_inputs, monkeypatch,
                                                                  make_error, reason):
    _add_fails_for(monkeypatch, "a-2.txt", make_error)
    result = CliRunner().invoke(ingest, ["a-1.txt", "a-2.txt", "a-3.txt", "--db", store_url, "--batch-size", "2"])
    assert result.exit_code == 1, result.output
    assert "2 articles stored, 6 events" in result.output and "1 failed" in result.output
    assert "failed a-2.txt: storing failed" in result.output
    with open_store(store_url) as store:
        st = store.status()
        assert st.articles == 2 and st.article_events == 6
        [failure] = st.failures
        assert failure.source == "a-2.txt" and failure.error.startswith("storing failed") and reason in failure.error


def test_ingest_still_records_the_failure_when_the_article_itself_cannot_be_kept(store_url, fake_inputs,
                                                                                 monkeypatch):
    from dateline.store.store import Store

    _add_fails_for(monkeypatch, "a-2.txt", lambda url: _db_fault("DataError", "NUL in text", url))
    real_record = Store.record_failure

    def record_failure(self, source, error, article=None):
        if article is not None and source == "a-2.txt":
            raise _db_fault("DataError", "NUL in text", self.url)
        return real_record(self, source, error, article)

    monkeypatch.setattr(Store, "record_failure", record_failure)
    result = CliRunner().invoke(ingest, ["a-1.txt", "a-2.txt", "a-3.txt", "--db", store_url])
    assert result.exit_code == 1 and "2 articles stored" in result.output, result.output
    with open_store(store_url) as store:
        assert [(f.source, f.article_id) for f in store.status().failures] == [("a-2.txt", None)]


@pytest.mark.parametrize("driver_message, shown", [
    ("database is locked", "is locked by another process"),
    ("database or disk is full", "is full; free some space"),
    ("server closed the connection unexpectedly", "server closed the connection unexpectedly"),
])
def test_ingest_stops_with_a_clear_message_when_the_store_itself_fails(store_url, fake_inputs, monkeypatch,
                                                                      driver_message, shown):
    _add_fails_for(monkeypatch, "a-2.txt", lambda url: _db_fault("OperationalError", driver_message, url))
    result = CliRunner().invoke(ingest, ["a-1.txt", "a-2.txt", "a-3.txt", "--db", store_url])
    assert result.exit_code == 1
    assert shown in result.output and "kept: 1 article stored before the error" in result.output
    assert "Traceback" not in result.output
    with open_store(store_url) as store:
        st = store.status()
        assert st.articles == 1 and st.failures == []


# -- filters are checked, dates take a year or a month, ingest --sample -----------------------------
@pytest.mark.parametrize("args, option, wanted", [
    (["--type", "FOO"], "'--type'", "'FOO' is not a PLOVER event type; expected one of AGREE"),
    (["--type", "CONSULT,AGRE"], "'--type'", "'AGRE' is not a PLOVER event type; did you mean AGREE?"),
    (["--quad", "9"], "'--quad'", "'9' is not a quad class"),
    (["--context", "foo"], "'--context'", "'foo' is not a PLOVER context"),
    (["--dimension", "foo"], "'--dimension'", "'foo' is not a partnership dimension"),
    (["--place", "XX"], "'--place'", "'XX' is not an ISO3 country code dateline knows"),
    (["--dyad", "PAK-XXX"], "'--dyad'", "'XXX' is not an ISO3 country code dateline knows"),
    (["--dyad", "PAKRUS"], "'--dyad'", "'PAKRUS' is not a country pair; write two ISO3 codes such as PAK-RUS"),
    (["--from", "2025", "--to", "2024-06"], "--from/--to", "the period ends (2024-06-30) before it starts (2025-01-01)"),
    (["--from", "2024-13"], "'--from'", "'2024-13' is not a valid date"),
])
@pytest.mark.parametrize("command, extra", [(events, []), (export, ["--format", "csv", "--out", "x.csv"])])
def test_unknown_filter_values_are_usage_errors_naming_the_option(tmp_path, command, extra, args, option, wanted):
    missing = tmp_path / "none.db"
    result = CliRunner().invoke(command, ["--db", str(missing), *extra, *args])
    assert result.exit_code == 2, result.output
    assert f"Invalid value for {option}: {wanted}" in " ".join(result.output.split())
    assert not missing.exists()          # checked before the store is touched


def test_events_and_export_take_a_year_or_month_as_period_bounds(store_url, tmp_path):
    store = open_store(store_url)
    for i in range(12):
        store.add(make_extraction(i, events_per_article=4))
    years = sorted({e.time.earliest.year for e in store.query_events(EventQuery(limit=None)) if e.time})
    year = years[len(years) // 2]
    expected = store.query_events(EventQuery(start=date(year, 1, 1), end=date(year, 12, 31), limit=None))
    june = store.query_events(EventQuery(start=date(year, 6, 1), end=date(year, 6, 30), limit=None))
    store.close()
    assert expected, "the synthetic store should have events in its middle year"
    runner = CliRunner()
    listed = runner.invoke(events, ["--db", store_url, "--from", str(year), "--to", str(year), "--format", "jsonl",
                                    "--limit", "1000"])
    assert listed.exit_code == 0, listed.output
    assert [json.loads(line)["id"] for line in listed.output.splitlines()] == [e.id for e in expected]
    month = runner.invoke(events, ["--db", store_url, "--from", f"{year}-06", "--to", f"{year}-06",
                                   "--format", "jsonl", "--limit", "1000"])
    assert [json.loads(line)["id"] for line in month.output.splitlines()] == [e.id for e in june]
    out = tmp_path / "year.jsonl"
    done = runner.invoke(export, ["--db", store_url, "--format", "jsonl", "--out", str(out), "--from", str(year),
                                  "--to", str(year)])
    assert done.exit_code == 0, done.output
    assert sorted(json.loads(line)["id"] for line in out.read_text().splitlines()) == sorted(e.id for e in expected)


def test_events_filters_accept_any_case_of_known_values(store_url):
    store = open_store(store_url)
    for i in range(6):
        store.add(make_extraction(i, events_per_article=4))
    expected = store.query_events(EventQuery(types=["AGREE"], dimensions=["trade"], place_country="PAK", limit=None))
    store.close()
    result = CliRunner().invoke(events, ["--db", store_url, "--type", "agree", "--dimension", "Trade",
                                         "--place", "pak", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.output.splitlines()] == [e.id for e in expected]


def test_ingest_published_must_be_a_full_day(tmp_path):
    result = CliRunner().invoke(ingest, ["a-1.txt", "--db", str(tmp_path / "s.db"), "--published", "2025"])
    assert result.exit_code == 2
    assert "Invalid value for '--published': '2025' is not a date in YYYY-MM-DD form" in result.output


def test_ingest_sample_reads_the_shipped_corpus(store_url, monkeypatch):
    import dateline.ingest
    import dateline.pipeline
    from dateline.ingest import sample_paths
    from dateline.model import Article

    given: list[str] = []

    def read_inputs(paths, published=None, outlet=None, max_bytes=0):
        given.extend(paths)
        for n, p in enumerate(paths):
            yield Article(text=f"Article {n}.", published=date(2025, 4, 18), source=p, meta={"n": n})

    monkeypatch.setattr(dateline.ingest, "read_inputs", read_inputs)
    monkeypatch.setattr(dateline.pipeline, "Pipeline", FakePipeline)
    samples = [str(p) for p in sample_paths()]
    assert samples
    result = CliRunner().invoke(ingest, ["--sample", "--db", store_url])
    assert result.exit_code == 0, result.output
    assert given == samples
    assert f"{len(samples)} articles stored" in result.output
    given.clear()
    both = CliRunner().invoke(ingest, ["extra.txt", "--sample", "--db", store_url])
    assert both.exit_code == 0 and given == ["extra.txt", *samples]
    nothing = CliRunner().invoke(ingest, ["--db", store_url])
    assert nothing.exit_code == 2 and "(or --sample)" in nothing.output


# -- integer options are bounded: out of range is a usage error naming the option -----------------
HUGE = "99999999999999999999"   # more than any database integer


@pytest.fixture
def small_store(tmp_path):
    url = f"sqlite:///{tmp_path / 'small.db'}"
    store = open_store(url)
    for i in range(3):
        store.add(make_extraction(i, events_per_article=2))
    store.close()
    return url


@pytest.mark.parametrize("command, extra, option, value", [
    (events, [], "--limit", HUGE),
    (events, [], "--limit", "-1"),
    (events, [], "--offset", HUGE),
    (events, [], "--offset", "-1"),
    (export, ["--format", "csv", "--out", "-"], "--limit", HUGE),
    (export, ["--format", "csv", "--out", "-"], "--limit", "-1"),
    (export, ["--format", "csv", "--out", "-"], "--limit", "0"),
    (status, [], "--failures", HUGE),
    (status, [], "--failures", "-1"),
])
def test_integer_options_out_of_range_are_usage_errors(small_store, command, extra, option, value):
    result = CliRunner().invoke(command, ["--db", small_store, *extra, option, value])
    assert result.exit_code == 2, (result.output, result.exception)
    assert f"Invalid value for '{option}'" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("option, value", [("--batch-size", "0"), ("--batch-size", HUGE),
                                           ("--max-size", "0"), ("--max-size", "-1"), ("--max-size", "inf"),
                                           ("--max-size", "nan")])
def test_ingest_size_options_out_of_range_are_usage_errors(tmp_path, option, value):
    db = tmp_path / "s.db"
    result = CliRunner().invoke(ingest, ["a-1.txt", "--db", str(db), option, value])
    assert result.exit_code == 2, (result.output, result.exception)
    assert f"Invalid value for '{option}'" in result.output
    assert not db.exists()               # checked before the store is touched


def test_events_limit_zero_counts_only_and_the_largest_values_are_accepted(small_store):
    from dateline.store.query import MAX_COUNT

    runner = CliRunner()
    counted = runner.invoke(events, ["--db", small_store, "--limit", "0"])
    assert counted.exit_code == 0 and "0 of 6 events" in counted.output
    far = runner.invoke(events, ["--db", small_store, "--limit", str(MAX_COUNT), "--offset", str(MAX_COUNT),
                                 "--format", "json"])
    assert far.exit_code == 0, far.output
    assert json.loads(far.output) == []


def test_ingest_applies_a_corrected_publication_date_and_reports_it_updated(store_url, fake_inputs):
    runner = CliRunner()
    first = runner.invoke(ingest, ["a-1.txt", "--db", store_url])
    assert first.exit_code == 0, first.output
    fixed = runner.invoke(ingest, ["a-1.txt", "--db", store_url, "--published", "2025-04-25"])
    assert fixed.exit_code == 0, fixed.output
    assert "1 updated, 0 unchanged" in fixed.output
    with open_store(store_url) as store:
        assert store.get_article(Article(text="Article 1 text.").id).published == date(2025, 4, 25)
        assert store.status().article_events == 3
    again = runner.invoke(ingest, ["a-1.txt", "--db", store_url, "--published", "2025-04-25"])
    assert "0 updated, 1 unchanged" in again.output


def test_an_unreadable_file_among_good_ones_is_one_input_error(store_url, tmp_path, monkeypatch):
    # As root chmod 000 blocks nothing, so the file system's answer is simulated (as for `extract`).
    import os
    from pathlib import Path

    import dateline.pipeline

    monkeypatch.setattr(dateline.pipeline, "Pipeline", FakePipeline)
    ok, bad, ok2 = (tmp_path / name for name in ("ok.txt", "bad.txt", "ok2.txt"))
    for n, path in enumerate((ok, bad, ok2)):
        path.write_text(f"Pakistan and Russia agreed to expand trade, officials said. Report {n}.\n")
    real_access, real_open = os.access, Path.open
    monkeypatch.setattr(os, "access", lambda p, mode, *a, **k: False if str(p) == str(bad) else
                        real_access(p, mode, *a, **k))

    def deny(self, *args, **kwargs):
        if self == bad:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    result = CliRunner().invoke(ingest, [str(ok), str(bad), str(ok2), "--db", store_url,
                                         "--published", "2025-04-18"])
    assert result.exit_code == 1, result.output
    failed = [line for line in result.output.splitlines() if line.startswith("failed")]
    assert len(failed) == 1 and str(bad) in failed[0] and "permission denied" in failed[0], result.output
    assert "1 failed" in result.output
    with open_store(store_url) as store:
        st = store.status()
        assert st.articles == 2
        assert [(f.source, f.article_id) for f in st.failures] == [(str(bad), None)]
