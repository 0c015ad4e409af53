"""A run killed with SIGKILL half way leaves whole articles only; running again finishes without duplicates."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa

from dateline.store import EventQuery, aggregates, open_store
from dateline.store.schema import article_events, articles, event_mentions, events
from dateline.store.synthetic import make_extraction

SCRIPT = Path(__file__).with_name("ingest_slowly.py")
TOTAL = 30


def run_until_killed(url: str, stored_before_kill: int) -> None:
    proc = subprocess.Popen([sys.executable, str(SCRIPT), url, str(TOTAL), "0.02"], stdout=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    deadline = time.monotonic() + 120
    try:
        for line in proc.stdout:
            if line.strip() == f"stored {stored_before_kill}":
                break
            assert time.monotonic() < deadline, "ingest subprocess too slow"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL


def consistent_counts(store) -> tuple[int, int, int]:
    """(articles, per-article events, mentions); asserts every stored article has all its events."""
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(articles.c.id, articles.c.n_events)).all()
        per_article = dict(conn.execute(sa.select(article_events.c.article_id, sa.func.count())
                                        .group_by(article_events.c.article_id)).all())
        n_mentions = conn.execute(sa.select(sa.func.count()).select_from(event_mentions)).scalar_one()
        n_canonical = conn.execute(sa.select(sa.func.count()).select_from(events)).scalar_one()
        kept, fresh = aggregates.stored(conn), aggregates.recomputed(conn)
    for article_id, n_events in rows:
        assert per_article.get(article_id, 0) == n_events == 6
    assert kept == fresh     # the per-dyad totals were committed with their events, or not at all
    assert n_canonical <= sum(per_article.values())
    return len(rows), sum(per_article.values()), n_mentions


def test_killed_ingest_resumes_without_duplicates(store_url):
    run_until_killed(store_url, stored_before_kill=8)
    store = open_store(store_url)
    n_articles, n_events, n_mentions = consistent_counts(store)
    assert 8 <= n_articles < TOTAL
    assert n_events == n_mentions == 6 * n_articles
    store.close()

    # the second run starts from scratch over the same inputs and must add only what is missing
    done = subprocess.run([sys.executable, str(SCRIPT), store_url, str(TOTAL), "0"], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    store = open_store(store_url)
    assert consistent_counts(store) == (TOTAL, 6 * TOTAL, 6 * TOTAL)
    expected = {m.sentence for i in range(TOTAL) for e in make_extraction(i, events_per_article=6).events
                for m in e.mentions}
    stored = {m.sentence for e in store.query_events(EventQuery(limit=None)) for m in e.mentions}
    assert stored == expected
    store.close()
