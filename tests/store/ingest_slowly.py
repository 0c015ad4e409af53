"""Ingests synthetic articles one by one, slowly, so a test can kill it with SIGKILL mid-run.

    python ingest_slowly.py DB_URL COUNT DELAY_SECONDS
Prints "stored N" after each committed article.
"""
from __future__ import annotations

import sys
import time

from dateline.store import open_store
from dateline.store.synthetic import make_extraction


def main() -> None:
    url, count, delay = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    store = open_store(url)
    for i in range(count):
        store.add(make_extraction(i, events_per_article=6))
        print(f"stored {i + 1}", flush=True)
        time.sleep(delay)
    store.close()


if __name__ == "__main__":
    main()
