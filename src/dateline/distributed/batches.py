"""Articles cut into even, bounded batches: at most ``max_articles`` articles and about ``max_chars``
characters each (parsing time follows the text's length), read lazily from any iterable."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from dateline.model import Article

MAX_ARTICLES = 16
# about 3k words, a second or two of work: 60 batches for 200k words, so the last one to finish
# leaves a worker idle for a short while only
MAX_CHARS = 20_000


def even_batches(articles: Iterable[Article], max_articles: int = MAX_ARTICLES,
                 max_chars: int = MAX_CHARS) -> Iterator[list[Article]]:
    """Batches in input order; a batch closes before it would pass either bound (an article longer
    than ``max_chars`` is a batch of its own). Only one batch is held at a time."""
    if max_articles < 1 or max_chars < 1:
        raise ValueError("batch bounds must be at least 1")
    batch: list[Article] = []
    chars = 0
    for article in articles:
        size = len(article.text) if isinstance(article.text, str) else 0
        if batch and (len(batch) >= max_articles or chars + size > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(article)
        chars += size
    if batch:
        yield batch
