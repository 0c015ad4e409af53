"""Layout + metadata from the container (HTML head, corpus record) + user overrides -> Article."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from dateline.ingest.errors import InputError
from dateline.ingest.layout import Layout
from dateline.ingest.textclean import has_words
from dateline.model import Article, TextSpan, stable_id

MIN_WORDS = 2   # fewer words of two or more letters than this: nothing a sentence splitter can use


@dataclass(slots=True)
class Given:
    """Metadata the container states outright; it wins over what the layout suggests."""

    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: date | None = None
    published_at: datetime | None = None
    updated_at: datetime | None = None
    url: str | None = None
    dateline: str | None = None
    language: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Overrides:
    """What the user passed (--published, --outlet): wins over everything found in the input."""

    published: date | None = None
    outlet: str | None = None


def build_article(layout: Layout, given: Given, overrides: Overrides, *, source: str, fmt: str,
                  encoding: str | None = None) -> Article:
    if not has_words(layout.text, MIN_WORDS):
        what = "no body text left after the headline, byline and footer" if layout.dropped else "no words"
        raise InputError(source, f"no sentences to read ({what})", kind="no_text")
    meta: dict[str, Any] = {"format": "epaper" if layout.parts else fmt}
    if encoding:
        meta["encoding"] = encoding
    published, published_at, published_from = given.published, given.published_at, "container"
    if published is None:
        published, published_at, published_from = layout.published, layout.published_at, layout.published_from
    if overrides.published is not None:
        if published_at is not None and published_at.date() != overrides.published:
            published_at = None
        published, published_from = overrides.published, "user"
    outlet, outlet_from = given.outlet, "container"
    if outlet is None and layout.outlet:
        outlet, outlet_from = layout.outlet, "footer"
    if outlet is None and layout.dateline and layout.dateline.agency:
        outlet, outlet_from = layout.dateline.agency, "dateline_agency"
    if overrides.outlet is not None:
        outlet, outlet_from = overrides.outlet, "user"
    if published is not None:
        meta["published_from"] = published_from
    if outlet is not None:
        meta["outlet_from"] = outlet_from
    dateline = given.dateline
    dateline_span, story_start, agency = None, None, None
    if layout.dateline is not None:
        d = layout.dateline
        dateline = dateline or d.city
        dateline_span = TextSpan(d.start, d.end, layout.text[d.start:d.end])
        story_start, agency = d.prefix_end, d.agency
        if d.date_text:
            meta["dateline_date"] = d.date_text
    if layout.dropped:
        meta["dropped"] = layout.dropped
    if layout.edition:
        meta["edition"] = layout.edition
    meta["source_map"] = layout.source_map
    meta.update(given.meta)
    return Article(
        # a story with a URL keeps its id when it is edited, so the store replaces the old version
        # instead of counting the update as a second source; without one the content decides
        id=stable_id("art", given.url) if given.url else "",
        text=layout.text,
        title=given.title or layout.title,
        outlet=outlet,
        author=given.author or layout.author,
        published=published,
        published_at=published_at,
        updated_at=given.updated_at or layout.updated_at,
        dateline=dateline,
        url=given.url,
        source=source,
        language=given.language or "en",
        meta=meta,
        dateline_span=dateline_span,
        story_start=story_start,
        agency=agency,
        captions=list(layout.captions),
    )


def with_warning(article: Article, warning: str | None) -> Article:
    """``article`` with ``warning`` added to ``meta["warnings"]`` (a list of one-line notes about the input)."""
    if warning:
        article.meta.setdefault("warnings", []).append(warning)
    return article
