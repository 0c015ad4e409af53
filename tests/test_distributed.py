"""Dask extraction gives exactly what the single-process pipeline gives."""
from __future__ import annotations

from datetime import date

import pytest

from dateline.model import Article

TEXTS = [
    "Pakistan and Russia on Thursday agreed to expand trade and energy cooperation.",
    "Russian Foreign Minister Sergei Lavrov met Indian External Affairs Minister S. Jaishankar in Moscow on Monday.",
    "China condemned the United States on Tuesday over new tariffs.",
    "Turkey and Russia held talks in Ankara last month on grain exports.",
]


@pytest.mark.slow
@pytest.mark.parametrize("scheduler", ["synchronous", "threads", "processes"])
def test_dask_matches_single_process(pipeline, scheduler):
    pytest.importorskip("dask")
    from dateline.distributed import extract_with_dask

    articles = [Article(text=t, published=date(2025, 4, 18), source=f"t{i}") for i, t in enumerate(TEXTS)]
    expected = [[e.id for e in x.events] for x in pipeline.extract_many(articles)]
    got = [[e.id for e in x.events] for x in extract_with_dask(articles, scheduler=scheduler, partition_size=2)]
    assert got == expected
    assert sum(map(len, got)) >= 3


@pytest.mark.slow
def test_ingest_on_dask_stores_the_same_events(tmp_path):
    pytest.importorskip("dask")
    from click.testing import CliRunner

    from dateline.ingest import sample_paths
    from dateline.store import EventQuery, open_store
    from dateline.store.commands import ingest

    samples = [str(p) for p in sample_paths()]
    stored = {}
    for name, extra in (("plain", []), ("dask", ["--dask", "processes:2", "--batch-size", "2"])):
        db = str(tmp_path / f"{name}.db")
        result = CliRunner().invoke(ingest, [*samples, "--db", db, *extra])
        assert result.exit_code == 0, result.output
        store = open_store(db)
        stored[name] = sorted(e.id for e in store.query_events(EventQuery(limit=None)))
        store.close()
    assert stored["dask"] == stored["plain"] and len(stored["plain"]) >= 10
