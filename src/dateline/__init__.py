"""dateline: news articles -> traceable PLOVER/CAMEO political events and dyad relationship views."""
from __future__ import annotations

import functools
from datetime import date, datetime

__version__ = "0.1.0"


@functools.lru_cache(maxsize=1)
def _default_pipeline():
    from dateline.pipeline import Pipeline

    return Pipeline()


def extract(text: str, published: date | str | None = None, outlet: str | None = None,
            title: str | None = None, url: str | None = None, dateline: str | None = None,
            min_confidence: float | None = None):
    """Extract events, actors and facts from one article's text.

    The text goes through the same reader as a .txt file, so raw e-paper text (banner, byline,
    captions, footer) is cleaned and its metadata recovered; arguments given here win. Events come
    with every modality (flags negated / future / hypothetical) whose confidence is at least
    ``min_confidence`` (None: DATELINE_MIN_CONFIDENCE or the default, dateline.store.selection; 0: all).

    >>> import dateline
    >>> result = dateline.extract("Pakistan and Russia on Thursday agreed to expand trade.", published="2025-04-18")
    >>> [(e.type, e.time.value) for e in result.events]
    [('AGREE', '2025-04-17')]
    """
    import dataclasses

    from dateline.ingest import InputError, read_text

    if isinstance(published, str):
        published = date.fromisoformat(published[:10])
    elif isinstance(published, datetime):
        published = published.date()
    article = read_text(text, published=published, outlet=outlet)
    if isinstance(article, InputError):
        raise article
    given = {k: v for k, v in (("title", title), ("url", url), ("dateline", dateline)) if v is not None}
    if given:
        article = dataclasses.replace(article, **given)
    from dateline.store.selection import confident

    return confident(_default_pipeline().extract(article), min_confidence)


def extract_file(path, published: date | str | None = None, outlet: str | None = None,
                 min_confidence: float | None = None) -> list:
    """Extractions for every article in a file or folder (text, e-paper, HTML, feed, JSONL/CSV), with
    the events at or above ``min_confidence`` as in ``extract``. Raises ``dateline.ingest.InputError``
    for the first input that cannot be read."""
    from dateline.ingest import InputError, read_inputs
    from dateline.store.selection import confident

    if isinstance(published, str):
        published = date.fromisoformat(published[:10])
    articles = []
    for item in read_inputs([path], published=published, outlet=outlet):
        if isinstance(item, InputError):
            raise item
        articles.append(item)
    return [confident(x, min_confidence) for x in _default_pipeline().extract_many(articles)]
