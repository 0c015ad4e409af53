"""Pairs events with the articles behind them, fetching articles a page at a time."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from dateline.model import Article, Event

PAGE = 500


def with_articles(events: Iterable[Event], lookup) -> Iterator[tuple[Event, dict[str, Article]]]:
    page: list[Event] = []

    def flush() -> Iterator[tuple[Event, dict[str, Article]]]:
        ids = {m.article_id for e in page for m in e.mentions} | {e.article_id for e in page}
        found = dict(lookup(sorted(ids))) if lookup else {}
        for e in page:
            yield e, found

    for event in events:
        page.append(event)
        if len(page) >= PAGE:
            yield from flush()
            page = []
    if page:
        yield from flush()
