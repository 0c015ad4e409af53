"""Which Dask to run on (``--dask``), and one client for the whole run, shut down at exit.

    synchronous        in this process, no Dask at all (debugging, tests)
    threads[:N]        one in-process worker with N threads (default: the CPUs)
    processes[:N]      a LocalCluster of N worker processes, one thread each (default: the CPUs)
    tcp://host:port    a running scheduler (dask-jobqueue on SLURM, the Dask Helm chart, ...);
                       its workers must have dateline installed (see docs/scale.md)
"""
from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from dateline.config import Settings

SCHEDULER_HELP = ("Extract on Dask: 'processes[:N]' (N local worker processes, default one per CPU), "
                  "'threads[:N]', 'synchronous', or tcp://host:port of a running scheduler.")
_LOCAL = ("synchronous", "threads", "processes")

# Dask's nannies start workers with MALLOC_TRIM_THRESHOLD_=65536 so that they hand memory back sooner.
# Setting it turns off glibc's adaptive mmap threshold, so every large array spaCy allocates becomes
# an mmap/munmap pair with fresh page faults: 15-20 % more CPU per article in bench_dask.py
# (22.5 s against 19.5 s for the same 200k words on two workers). Our workers keep glibc's default
# and trim after each batch (worker.trim_heap), with two malloc arenas (one per thread that works:
# the task thread and the event loop; glibc's default of 8 per core left a worker's peak growing 17 %
# from 100k to 1M words, two arenas 10.6 %). Dask's statistical profiler samples the worker's stack
# every 10 ms and keeps an hour of it: deep spaCy stacks, memory that grows with the run.
WORKER_CONFIG = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
                 "distributed.nanny.pre-spawn-environ.MALLOC_ARENA_MAX": 2,
                 "distributed.worker.profile.enabled": False}


@dataclass(frozen=True)
class SchedulerSpec:
    kind: str  # "synchronous", "threads", "processes" or "address"
    workers: int | None = None
    address: str | None = None


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def parse_scheduler(text: str) -> SchedulerSpec:
    """``--dask`` as given; ValueError with the accepted forms when it is none of them."""
    text = (text or "").strip()
    if "://" in text:
        return SchedulerSpec("address", address=text)
    kind, _, count = text.partition(":")
    if kind in _LOCAL and (not count or (kind != "synchronous" and count.isdigit() and int(count) >= 1)):
        return SchedulerSpec(kind, int(count) if count else None)
    raise ValueError(f"unknown Dask scheduler {text!r}: use processes[:N], threads[:N], synchronous "
                     f"or tcp://host:port")


@contextmanager
def dask_client(spec: SchedulerSpec, settings: Settings) -> Iterator[tuple[object, int]]:
    """(client, how many batches it can run at once); client is None for "synchronous". The workers
    load the pipeline once as they start; cluster and client are closed however the run ends
    (error, Ctrl-C), so no worker process outlives it."""
    if spec.kind == "synchronous":
        yield None, 1
        return
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError as exc:  # dask is an optional extra
        raise RuntimeError("Dask is not installed: pip install dask distributed (pinned in requirements.txt)") from exc
    from dateline.distributed.worker import PipelinePlugin

    cluster = None
    client = None
    try:
        if spec.kind == "address":
            client = Client(spec.address)
        else:
            n = spec.workers or cpu_count()
            processes = spec.kind == "processes"
            with dask.config.set(WORKER_CONFIG):
                cluster = LocalCluster(n_workers=n if processes else 1, threads_per_worker=1 if processes else n,
                                       processes=processes, silence_logs=logging.ERROR,
                                       dashboard_address=":0")  # any free port: runs side by side never collide
            client = Client(cluster)
            client.wait_for_workers(n if processes else 1)
        client.register_plugin(PipelinePlugin(settings))
        slots = sum(client.nthreads().values()) or 1
        yield client, slots
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
