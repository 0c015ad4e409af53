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
            title: str | None = None, url: str | None = None, dateline: str | None = None):
    """Extract events, actors and facts from one article's text.

    >>> from dateline import extract
    >>> result = extract("Pakistan and Russia on Thursday agreed ...", published="2025-04-18")
    >>> [e.type for e in result.events]
    """
    from dateline.model import Article

    if isinstance(published, str):
        published = date.fromisoformat(published[:10])
    elif isinstance(published, datetime):
        published = published.date()
    article = Article(text=text, published=published, outlet=outlet, title=title, url=url,
                      dateline=dateline, source="<text>")
    return _default_pipeline().extract(article)
