"""Progress on long runs: `extract` and `ingest` show articles done of the total and the time left on
stderr when it is a terminal, and nothing of it when stderr is a pipe or a file."""
from __future__ import annotations

import gzip
import json
import os
import pty
import select
import subprocess
import sys

import pytest

from dateline.ingest.count import count_articles

STORY = "ISLAMABAD, April 17 — Pakistan's foreign minister met Russia's deputy foreign minister on Thursday ({})."


def write_corpus(folder):
    folder.mkdir()
    for i in range(2):
        (folder / f"a{i}.txt").write_text(STORY.format(i), encoding="utf-8")
    (folder / "c.jsonl").write_text("\n".join(json.dumps({"text": STORY.format(f"record {i}"), "published": "2025-04-18"})
                                              for i in range(3)) + "\n\n", encoding="utf-8")
    return folder


def test_count_articles_counts_files_records_rows_items_and_bad_paths(tmp_path):
    folder = write_corpus(tmp_path / "in")
    (folder / "d.csv").write_text('text,published\n"two\nlines",2025-01-01\nthree,2025-01-02\n\n', encoding="utf-8")
    with gzip.open(folder / "e.jsonl.gz", "wt", encoding="utf-8") as out:
        out.write('{"text": "x"}\n{"text": "y"}\n')
    (folder / "f.xml").write_text("<rss><channel><item><title>a</title></item><item><title>b</title></item>"
                                  "</channel></rss>", encoding="utf-8")
    (folder / "g.json").write_text(json.dumps([{"text": "a"}, {"text": "b"}, {"text": "c"}]), encoding="utf-8")
    # 2 texts + 3 JSONL lines + 2 CSV rows (one with a quoted newline) + 2 gzip lines + 2 feed items
    # + 3 JSON records, and one missing path
    assert count_articles([folder, tmp_path / "missing.txt"]) == 2 + 3 + 2 + 2 + 2 + 3 + 1


def test_count_articles_gives_up_on_stdin_and_past_its_budget(tmp_path):
    big = tmp_path / "big.jsonl"
    big.write_text('{"text": "x"}\n' * 50_000, encoding="utf-8")
    assert count_articles(["-"]) is None
    assert count_articles([big], budget_s=0.0) is None
    assert count_articles([big]) == 50_000


def run_on_terminal(args, cwd):
    """Run dateline with stderr on a pseudo-terminal and stdout on a pipe: (stdout, what the terminal showed)."""
    master, slave = pty.openpty()
    env = dict(os.environ, COLUMNS="160", DATELINE_DATA_DIR=str(cwd))
    proc = subprocess.Popen([sys.executable, "-m", "dateline.cli", *args], stdout=subprocess.PIPE,
                            stderr=slave, cwd=cwd, env=env)
    os.close(slave)
    shown = b""
    while True:
        ready, _, _ = select.select([master], [], [], 120)
        if not ready:
            proc.kill()
            pytest.fail("dateline printed nothing for 120 s")
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal closes when the process exits
            break
        if not chunk:
            break
        shown += chunk
    out = proc.stdout.read().decode()
    assert proc.wait(timeout=60) == 0, shown.decode(errors="replace")
    os.close(master)
    return out, shown.decode(errors="replace")


def test_extract_shows_the_total_and_time_left_on_a_terminal_and_keeps_records_on_stdout(tmp_path):
    folder = write_corpus(tmp_path / "in")
    out, shown = run_on_terminal(["extract", str(folder), "--format", "jsonl", "--published", "2025-04-18"], tmp_path)
    assert "5/5" in shown and "ETA" in shown
    assert len(out.splitlines()) == 5 and all(json.loads(line)["article"] for line in out.splitlines())


def test_ingest_shows_the_total_and_time_left_on_a_terminal(tmp_path):
    folder = write_corpus(tmp_path / "in")
    _, shown = run_on_terminal(["ingest", str(folder), "--db", str(tmp_path / "s.db"), "--published", "2025-04-18"],
                               tmp_path)
    assert "5/5" in shown and "ETA" in shown


def test_no_progress_when_stderr_is_not_a_terminal(tmp_path):
    folder = write_corpus(tmp_path / "in")
    proc = subprocess.run([sys.executable, "-m", "dateline.cli", "ingest", str(folder), "--db", str(tmp_path / "s.db"),
                           "--published", "2025-04-18"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "ETA" not in proc.stderr and "/5" not in proc.stderr
    assert "5 articles stored" in proc.stderr
