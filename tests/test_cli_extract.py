"""`dateline extract` as a user runs it: formats, metadata overrides, and bad inputs in one run."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from dateline.cli import cli
from shared_data import REFERENCE_ARTICLE, needs_shared

GOOD = ("ISLAMABAD: Pakistan and Russia on Thursday agreed to expand trade and energy cooperation, "
        "officials said.\n")


def run(*args):
    return CliRunner().invoke(cli, list(args), obj={"debug": False})


@pytest.fixture()
def good_file(tmp_path):
    p = tmp_path / "good.txt"
    p.write_text(GOOD, encoding="utf-8")
    return p


def test_jsonl_one_record_per_article_with_overrides(good_file):
    res = run("extract", str(good_file), "--format", "jsonl", "--published", "2025-04-18", "--outlet", "Wire")
    assert res.exit_code == 0, res.output
    lines = [json.loads(ln) for ln in res.stdout.splitlines() if ln.strip()]
    assert len(lines) == 1
    rec = lines[0]
    assert rec["article"]["outlet"] == "Wire" and rec["article"]["published"] == "2025-04-18"
    agree = [e for e in rec["events"] if e["type"] == "AGREE"]
    assert agree and agree[0]["time"]["value"] == "2025-04-17"


def test_table_output_names_the_events(good_file):
    res = run("extract", str(good_file), "--published", "2025-04-18")
    assert res.exit_code == 0, res.output
    assert "AGREE" in res.stdout


def test_bad_inputs_are_reported_and_the_good_one_still_processed(tmp_path, good_file):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    huge = tmp_path / "huge.txt"
    huge.write_text("Pakistan and Russia agreed to talk. " * 600_000)  # ~21 MB
    nosent = tmp_path / "numbers.txt"
    nosent.write_text("12 34 56 -- ... 789\n")
    undated = tmp_path / "undated.txt"
    undated.write_text("Pakistan and Russia agreed to expand trade.\n")
    dated = tmp_path / "dated.jsonl"
    dated.write_text(json.dumps({"text": GOOD, "published": "2025-04-18", "outlet": "Wire"}) + "\n")
    res = run("extract", str(empty), str(binary), str(huge), str(nosent), str(undated), str(dated),
              "--format", "json")
    assert res.exit_code == 1
    errors = [ln for ln in res.stderr.splitlines() if ln.startswith("error:")]
    for bad in (empty, binary, huge, nosent, undated):
        assert sum(bad.name in ln for ln in errors) == 1, (bad.name, res.stderr)
    assert "Traceback" not in res.stderr
    records = json.loads(res.stdout)
    assert len(records) == 1 and records[0]["article"]["source"].startswith(str(dated))
    assert any(e["type"] == "AGREE" for e in records[0]["events"])


def test_published_given_for_all_inputs_makes_undated_text_usable(tmp_path):
    undated = tmp_path / "undated.txt"
    undated.write_text("Pakistan and Russia agreed to expand trade last year.\n")
    res = run("extract", str(undated), "--published", "2025-04-18", "--format", "json", "--min-confidence", "0")
    assert res.exit_code == 0, res.stderr
    years = {e["time"]["value"] for e in json.loads(res.stdout)[0]["events"]}
    assert "2024" in years


def test_missing_input_and_bad_date_are_clear(tmp_path):
    res = run("extract", str(tmp_path / "nope.txt"))
    assert res.exit_code != 0 and "nope.txt" in res.stderr
    res = run("extract", "x.txt", "--published", "18/04/2025")
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.output


def test_reference_article_from_the_command_line():
    path = needs_shared(REFERENCE_ARTICLE)
    proc = subprocess.run([sys.executable, "-m", "dateline.cli", "extract", str(path), "--format", "json",
                           "--min-confidence", "0"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    [rec] = json.loads(proc.stdout)
    assert rec["article"]["outlet"] == "Dawn"
    assert len(rec["events"]) >= 9
    # at the default threshold the low-confidence candidates are left out, and stderr says how many
    proc = subprocess.run([sys.executable, "-m", "dateline.cli", "extract", str(path), "--format", "json"],
                          capture_output=True, text=True, timeout=300)
    [default] = json.loads(proc.stdout)
    hidden = len(rec["events"]) - len(default["events"])
    assert all(e["confidence"] >= 0.5 for e in default["events"])
    assert hidden == sum(e["confidence"] < 0.5 for e in rec["events"]) > 0
    assert f"{hidden} candidate events below confidence 0.5 left out" in proc.stderr


def test_sample_corpus_runs():
    res = run("extract", "--sample", "--format", "jsonl")
    assert res.exit_code == 0, res.stderr
    records = [json.loads(ln) for ln in res.stdout.splitlines() if ln.strip()]
    assert len(records) >= 6
    assert sum(len(r["events"]) for r in records) >= 10


# -- one bad input among good ones: the good ones' records are printed, the bad one is one line --------
def _ok_files():
    from dateline.ingest import sample_paths

    by_name = {p.name: p for p in sample_paths()}
    return (by_name["indus-herald-2023-06-12-russian-crude-karachi.txt"],
            by_name["capital-courier-2024-07-04-shehbaz-putin-astana.txt"])


def _check_good_records_and_one_error(stdout: str, stderr: str, exit_code: int, bad_name: str) -> None:
    ok, ok2 = _ok_files()
    records = [json.loads(ln) for ln in stdout.splitlines() if ln.strip()]
    assert [r["article"]["source"] for r in records] == [str(ok), str(ok2)], stderr
    assert all(r["events"] for r in records)
    errors = [ln for ln in stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and bad_name in errors[0], stderr
    assert "Traceback" not in stderr
    assert exit_code == 1, stderr


def _cap_memory() -> None:  # a child that reads /dev/zero to the end must not take this machine with it
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def _run_cli(*args, timeout: float = 240):
    return subprocess.run([sys.executable, "-m", "dateline.cli", *args], capture_output=True, text=True,
                          timeout=timeout, preexec_fn=_cap_memory)


def _make_fifo(path):
    os.mkfifo(path)


def _make_dev_zero(path):
    if not os.path.exists("/dev/zero"):
        pytest.skip("needs /dev/zero")
    path.symlink_to("/dev/zero")


def _make_unreadable(path):
    if os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not stop root reading (see the simulated case below)")
    path.write_text(GOOD)
    path.chmod(0)


@pytest.mark.slow
@pytest.mark.parametrize("make_bad", [_make_fifo, _make_dev_zero, _make_unreadable],
                         ids=["fifo", "dev-zero", "unreadable"])
def test_a_special_or_unreadable_file_among_good_ones(tmp_path, make_bad):
    ok, ok2 = _ok_files()
    bad = tmp_path / "bad.txt"
    make_bad(bad)
    try:
        proc = _run_cli("extract", str(ok), str(bad), str(ok2), "--format", "jsonl")
    finally:
        if bad.exists() and not bad.is_symlink():
            bad.chmod(0o644)
    _check_good_records_and_one_error(proc.stdout, proc.stderr, proc.returncode, "bad.txt")


def test_an_unreadable_file_among_good_ones_is_one_input_error_not_a_usage_error(tmp_path, monkeypatch):
    # As root chmod 000 blocks nothing, so the file system's answer is simulated.
    from pathlib import Path

    ok, ok2 = _ok_files()
    bad = tmp_path / "bad.txt"
    bad.write_text(GOOD)
    real_access, real_open = os.access, Path.open
    monkeypatch.setattr(os, "access", lambda p, mode, *a, **k: False if str(p) == str(bad) else
                        real_access(p, mode, *a, **k))

    def deny(self, *args, **kwargs):
        if self == bad:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    res = run("extract", str(ok), str(bad), str(ok2), "--format", "jsonl")
    _check_good_records_and_one_error(res.stdout, res.stderr, res.exit_code, "bad.txt")
    assert "permission denied" in res.stderr


def test_an_unreadable_subfolder_is_one_input_error(tmp_path, monkeypatch):
    import shutil
    from pathlib import Path

    ok, ok2 = _ok_files()
    top = tmp_path / "news"
    locked = top / "b-locked"
    locked.mkdir(parents=True)
    shutil.copy(ok, top / "a.txt")
    shutil.copy(ok2, top / "c.txt")
    (locked / "x.txt").write_text(GOOD)
    if os.geteuid() != 0:
        locked.chmod(0)
    else:
        real = os.scandir
        monkeypatch.setattr(os, "scandir", lambda path=".": (_ for _ in ()).throw(
            PermissionError(13, "Permission denied", str(path))) if Path(os.fsdecode(path)) == locked
            else real(path))
    try:
        res = run("extract", str(top), "--format", "jsonl")
    finally:
        locked.chmod(0o755)
    records = [json.loads(ln) for ln in res.stdout.splitlines() if ln.strip()]
    assert [Path(r["article"]["source"]).name for r in records] == ["a.txt", "c.txt"]
    errors = [ln for ln in res.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and "b-locked" in errors[0] and "permission denied" in errors[0], res.stderr
    assert res.exit_code == 1


CRASH = "CRASH-ME-PLEASE"


@pytest.fixture()
def crashing_extractor(monkeypatch):
    """The event extractor raises, with a long several-line message like spaCy's, on a marker text."""
    from dateline.extractors.events import EventExtractor

    real = EventExtractor.extract

    def extract(self, doc, article, *args, **kwargs):
        if CRASH in article.text:
            raise ValueError("[E999] Something broke on this text. Here is a long explanation " + "x" * 300
                             + "\nand a second line\nand a third")
        return real(self, doc, article, *args, **kwargs)

    monkeypatch.setattr(EventExtractor, "extract", extract)


@pytest.mark.parametrize("extra", [[], ["--dask", "synchronous"]], ids=["local", "dask"])
def test_an_article_whose_extraction_crashes_is_one_line_and_the_run_goes_on(tmp_path, crashing_extractor,
                                                                             extra):
    if extra:
        pytest.importorskip("dask")
    ok, ok2 = _ok_files()
    bad = tmp_path / "bad.txt"
    bad.write_text(GOOD + f"\nThe {CRASH} marker paragraph.\n")
    res = run("extract", str(ok), str(bad), str(ok2), "--format", "jsonl", "--published", "2025-04-18", *extra)
    _check_good_records_and_one_error(res.stdout, res.stderr, res.exit_code, "bad.txt")
    [line] = [ln for ln in res.stderr.splitlines() if ln.startswith("error:")]
    assert line.startswith(f"error: {bad}: extraction failed: ValueError: [E999] Something broke on this text.")
    assert "second line" not in res.stderr and len(line) < 300


@pytest.mark.parametrize("extra", [[], ["--dask", "synchronous"]], ids=["local", "dask"])
def test_ingest_records_a_crashing_article_with_a_one_line_reason(tmp_path, crashing_extractor, extra):
    from dateline.store import open_store

    if extra:
        pytest.importorskip("dask")

    ok, ok2 = _ok_files()
    bad = tmp_path / "bad.txt"
    bad.write_text(GOOD + f"\nThe {CRASH} marker paragraph.\n")
    db = str(tmp_path / "store.db")
    res = run("ingest", str(ok), str(bad), str(ok2), "--db", db, "--published", "2025-04-18", *extra)
    assert res.exit_code == 1, res.output
    assert "2 articles stored" in res.stderr and "1 failed" in res.stderr
    store = open_store(db)
    try:
        [failure] = store.status().failures
    finally:
        store.close()
    assert failure.source == str(bad)
    assert failure.error.startswith("extraction failed: ValueError: [E999] Something broke on this text.")
    assert "\n" not in failure.error and len(failure.error) < 250


def _spans_point_into(text: str, node) -> int:
    """Checks every offset in a JSON record against ``text``; returns how many were checked."""
    n = 0
    if isinstance(node, dict):
        if {"start", "end", "text"} <= node.keys() and isinstance(node["start"], int):
            assert text[node["start"]:node["end"]] == node["text"], node
            n += 1
        if {"sentence_start", "sentence_end", "sentence"} <= node.keys():
            assert text[node["sentence_start"]:node["sentence_end"]] == node["sentence"], node
            n += 1
        for value in node.values():
            n += _spans_point_into(text, value)
    elif isinstance(node, list):
        for value in node:
            n += _spans_point_into(text, value)
    return n


@pytest.mark.slow
def test_an_article_longer_than_spacy_max_length_is_extracted_with_true_offsets(tmp_path):
    ok, ok2 = _ok_files()
    paragraphs = [p for p in ok2.read_text(encoding="utf-8").split("\n\n") if len(p) > 100]
    long = tmp_path / "long.txt"
    text, i = ok2.read_text(encoding="utf-8").rsplit("\n\n", 1)[0] + "\n\n", 0
    while len(text) < 1_050_000:  # paragraphs of the sample, each made unique, blank lines between
        text += f"{paragraphs[i % len(paragraphs)]} (Report {i}.)\n\n"
        i += 1
    long.write_text(text, encoding="utf-8")
    res = run("extract", str(ok), str(long), str(ok2), "--format", "jsonl")
    assert res.exit_code == 0, res.stderr
    records = [json.loads(ln) for ln in res.stdout.splitlines() if ln.strip()]
    assert [r["article"]["source"] for r in records] == [str(ok), str(long), str(ok2)]
    rec = records[1]
    article_text = rec["article"]["text"]
    assert len(article_text) > 1_000_000
    assert len(rec["events"]) > 100
    last = max(m["sentence_start"] for e in rec["events"] for m in e["mentions"])
    assert last > 1_000_000  # events are found after spaCy's max_length too
    assert _spans_point_into(article_text, rec) > 1000
