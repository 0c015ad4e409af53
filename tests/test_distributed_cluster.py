"""Dask done properly: one LocalCluster for the run, the pipeline loaded once per worker, even
bounded batches, input order kept, failures isolated, and no worker process left behind."""
from __future__ import annotations

import json
from datetime import date

import pytest

from dateline.model import Article

TEXTS = [
    "Pakistan and Russia on Thursday agreed to expand trade and energy cooperation.",
    "Russian Foreign Minister Sergei Lavrov met Indian External Affairs Minister S. Jaishankar in Moscow on Monday.",
    "China condemned the United States on Tuesday over new tariffs.",
    "Turkey and Russia held talks in Ankara last month on grain exports.",
]


def _articles(n: int) -> list[Article]:
    return [Article(text=TEXTS[i % len(TEXTS)] + f" Story {i}.", published=date(2025, 4, 18), source=f"t{i}")
            for i in range(n)]


def _codings(extraction) -> list[tuple]:
    return [(e.id, e.type, e.mode, e.cameo, e.quad_class, e.plover_score, round(e.confidence, 6),
             [a.id for a in e.actors], [a.id for a in e.recipients]) for e in extraction.events]


def _alive(pids) -> list[int]:
    import psutil

    alive = []
    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                alive.append(pid)
        except psutil.NoSuchProcess:
            pass
    return alive


def _worker_children() -> list:
    """This process's children, less multiprocessing's resource tracker (it lives as long as we do)."""
    import psutil

    return [p for p in psutil.Process().children(recursive=True)
            if "resource_tracker" not in " ".join(p.cmdline())]


@pytest.mark.parametrize("text, expected", [
    ("processes", ("processes", None, None)), ("processes:3", ("processes", 3, None)),
    ("threads:2", ("threads", 2, None)), ("synchronous", ("synchronous", None, None)),
    ("tcp://10.0.0.5:8786", ("address", None, "tcp://10.0.0.5:8786")),
])
def test_scheduler_forms(text, expected):
    from dateline.distributed import parse_scheduler

    spec = parse_scheduler(text)
    assert (spec.kind, spec.workers, spec.address) == expected


@pytest.mark.parametrize("text", ["process", "processes:0", "processes:x", "synchronous:2", ""])
def test_unknown_scheduler_is_refused(text):
    from dateline.distributed import parse_scheduler

    with pytest.raises(ValueError, match="processes\\[:N\\]"):
        parse_scheduler(text)


def test_batches_are_bounded_and_keep_every_article_in_order():
    from dateline.distributed.batches import even_batches

    articles = [Article(text="x" * n, source=str(i)) for i, n in enumerate([10, 30, 30, 5, 100, 1, 1, 1, 1])]
    batches = list(even_batches(iter(articles), max_articles=3, max_chars=60))
    assert [a.source for b in batches for a in b] == [a.source for a in articles]
    for batch in batches:
        assert len(batch) <= 3
        assert len(batch) == 1 or sum(len(a.text) for a in batch) <= 60
    assert [len(b) for b in batches] == [2, 2, 1, 3, 1]


def test_a_whole_batch_lost_fails_each_of_its_articles():
    from dateline.distributed import _outcomes
    from dateline.pipeline import ExtractionFailed

    class Lost:
        def result(self):
            raise RuntimeError("worker died")

    batch = _articles(2)
    outcomes = _outcomes(batch, Lost())
    assert all(isinstance(o, ExtractionFailed) for o in outcomes)
    assert [o.source for o in outcomes] == ["t0", "t1"] and "worker died" in str(outcomes[0])


@pytest.mark.slow
def test_local_cluster_of_two_matches_one_process_and_leaves_nothing(pipeline):
    pytest.importorskip("distributed")
    import os

    from dateline.distributed import DaskExtractor
    from dateline.distributed.worker import loaded_pipelines
    from dateline.pipeline import ExtractionFailed

    articles = _articles(12)
    bad = Article(text=TEXTS[0], published="2025-13-45", source="bad")  # fails inside the extractors
    articles.insert(5, bad)
    expected = [x if isinstance(x, ExtractionFailed) else _codings(x) for x in pipeline.extract_each(articles)]
    with DaskExtractor("processes:2", max_articles=2, in_flight=3) as dask:
        workers = dask.client.run(os.getpid)
        got = [(a.source, o if isinstance(o, ExtractionFailed) else _codings(o))
               for a, o in dask.extract_pairs(iter(articles))]
        per_worker = dask.client.run(loaded_pipelines)
        trim = dask.client.run(lambda: (os.environ.get("MALLOC_TRIM_THRESHOLD_"), os.environ.get("MALLOC_ARENA_MAX")))
    assert len(workers) == 2 and set(workers.values()).isdisjoint({os.getpid()})
    assert [s for s, _ in got] == [a.source for a in articles]            # input order
    assert [c for _, c in got if not isinstance(c, ExtractionFailed)] == \
           [c for c in expected if not isinstance(c, ExtractionFailed)]   # same events, same codings
    [(source, failure)] = [(s, c) for s, c in got if isinstance(c, ExtractionFailed)]
    assert source == "bad" and "AttributeError" in str(failure)           # only the bad article failed
    assert sum(len(c) for _, c in got if not isinstance(c, ExtractionFailed)) >= 9
    assert sorted(per_worker.values()) == [1, 1]                          # loaded once per worker
    assert set(trim.values()) == {(None, "2")}  # glibc's adaptive malloc, two arenas (cluster.py)
    assert _alive(workers.values()) == [] and _worker_children() == []    # gone after the run


@pytest.mark.slow
def test_extract_command_on_two_processes_prints_what_one_process_prints(tmp_path):
    pytest.importorskip("distributed")
    from click.testing import CliRunner

    from dateline.commands.extract import extract

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"text": t, "published": "2025-04-18", "source": f"s{i}"}) + "\n"
                              for i, t in enumerate(TEXTS * 2)))
    outputs = {}
    for name, extra in (("one", []), ("dask", ["--dask", "processes:2"])):
        result = CliRunner().invoke(extract, [str(corpus), "--format", "jsonl", *extra])
        assert result.exit_code == 0, result.stderr
        outputs[name] = [(r["article"]["source"], [e["id"] for e in r["events"]])
                         for r in map(json.loads, result.stdout.splitlines())]
    assert outputs["dask"] == outputs["one"] and sum(len(ids) for _, ids in outputs["one"]) >= 6
    assert _worker_children() == []


def test_extract_command_refuses_an_unknown_scheduler():
    from click.testing import CliRunner

    from dateline.commands.extract import extract

    result = CliRunner().invoke(extract, ["--sample", "--dask", "proceses"])
    assert result.exit_code == 2 and "unknown Dask scheduler" in result.output


def test_workers_get_the_builtin_scorer_by_name_not_by_the_clients_path():
    from dateline.config import DEFAULT_SCORER, Settings
    from dateline.distributed.worker import BUILTIN_SCORER, _here, for_workers

    sent = for_workers(Settings(scorer=str(DEFAULT_SCORER)))
    assert sent.scorer == BUILTIN_SCORER and _here(sent).scorer == str(DEFAULT_SCORER)
    assert for_workers(Settings(scorer="/data/my_scorer.json")).scorer == "/data/my_scorer.json"
    assert for_workers(Settings(scorer="")).scorer == ""


def test_each_batch_hands_its_freed_heap_back(monkeypatch):
    """Workers keep glibc's adaptive malloc for speed; each batch then trims the heap, so a worker's
    peak memory does not creep up over a long run (bench/bench_memory.py)."""
    import contextlib

    from dateline.config import Settings
    from dateline.distributed import worker

    class Stub:
        def extract_each(self, articles):
            return iter(["done"] * len(articles))

    trims = []
    monkeypatch.setattr(worker, "borrowed_pipeline", lambda settings: contextlib.nullcontext(Stub()))
    monkeypatch.setattr(worker, "trim_heap", lambda: trims.append(1))
    assert worker.extract_batch(_articles(3), Settings()) == ["done"] * 3
    assert trims == [1]
    monkeypatch.undo()
    worker.trim_heap()                                   # the real one: glibc's malloc_trim, or nothing
    import platform
    if platform.system() == "Linux" and platform.libc_ver()[0] == "glibc":
        assert worker._malloc_trim() is not None
