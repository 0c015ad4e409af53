"""Write endpoints: post an article (text or HTML), get its events back. Off unless a token is set."""
from __future__ import annotations

import logging
import secrets
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, model_validator

from dateline.model import Article, Extraction, to_jsonable
from dateline.web.api import article_meta, ctx
from dateline.web.context import AppContext
from dateline.web.errors import ApiError

router = APIRouter(prefix="/api")
log = logging.getLogger("dateline.web")

UNDATED_MESSAGE = "no publication date found; send published=YYYY-MM-DD or allow_undated=true"


class ArticleIn(BaseModel):
    """An article to extract and store: body ``text``, or a whole ``html`` page (no URL fetching)."""

    text: str | None = Field(None, description="plain body text", max_length=2_000_000)
    html: str | None = Field(None, description="an HTML page; its main text is extracted", max_length=5_000_000)
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=200)
    author: str | None = Field(None, max_length=300)
    published: date | None = Field(None, description="publication day, the anchor for 'on Thursday', 'last year'")
    url: str | None = Field(None, max_length=2000, description="kept as the source link; never fetched")
    dateline: str | None = Field(None, max_length=100, description="dateline city, e.g. Islamabad")
    allow_undated: bool = Field(False, description="store the article even when no publication date is "
                                                   "given or found (its relative dates stay unresolved)")

    @model_validator(mode="after")
    def one_body(self) -> "ArticleIn":
        has_text, has_html = bool(self.text and self.text.strip()), bool(self.html and self.html.strip())
        if has_text == has_html:
            raise ValueError("give exactly one of 'text' or 'html', not empty")
        return self


class WriteDisabled(ApiError):
    status = 403


class Unauthorized(ApiError):
    status = 401


class UndatedArticle(ApiError):
    """Same rule as `dateline ingest`: without a publication date "on Thursday" cannot be resolved."""

    status = 422


class ExtractionFailed(ApiError):
    """The pipeline raised on this article; the failure is recorded in the store (see /api/status)."""

    status = 500


def require_token(request: Request) -> None:
    """Write endpoints answer 403 when no token is configured, 401 without the right bearer token."""
    expected = ctx(request).token
    if not expected:
        raise WriteDisabled("write endpoints are disabled: start the server with --token or set DATELINE_API_TOKEN")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise Unauthorized("missing token: send 'Authorization: Bearer <token>'",
                           headers={"WWW-Authenticate": "Bearer"})
    if not secrets.compare_digest(given.strip().encode(), expected.encode()):
        raise Unauthorized("invalid token", headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})


def to_article(body: ArticleIn) -> Article:
    """The posted article through the same readers as files: cleaning, headline/byline/dateline
    recognition. Fields given in the post win over what the text says."""
    from dateline.ingest import InputError, read_text
    from dateline.ingest.build import Overrides
    from dateline.ingest.webpage import article_from_html

    overrides = Overrides(published=body.published, outlet=body.outlet)
    try:
        if body.html:
            article = article_from_html(body.html, source="<api:html>", overrides=overrides)
        else:
            found = read_text(body.text, source="<api:text>", published=body.published, outlet=body.outlet)
            if isinstance(found, InputError):
                raise found
            article = found
    except InputError as exc:
        raise ApiError(f"cannot read the posted article: {exc}", status=422) from None
    for name in ("title", "author", "url", "dateline"):
        value = getattr(body, name)
        if value:
            setattr(article, name, value)
    return article


def failure_source(article: Article) -> str:
    # record_failure keeps one reason per source: every posted article needs its own name
    return article.url or f"<api:{article.id}>"


def is_article_fault(exc: Exception) -> bool:
    """True when the posted article itself cannot be extracted (422), False for a fault of this
    server (500). spaCy reports a too-long text as ValueError; broken knowledge or ontology data files
    are ValueErrors too, but they are the server's problem."""
    from dateline.extractors.events import EventExtractionError
    from dateline.knowledge.loader import KnowledgeFileError
    from dateline.ontology.tables import OntologyDataError

    if isinstance(exc, (KnowledgeFileError, OntologyDataError)):
        return False
    return isinstance(exc, (ValueError, EventExtractionError))


def extract_or_record(c: AppContext, article: Article) -> Extraction:
    """The article's Extraction; when the pipeline raises, the failure is recorded in the store, as
    `dateline ingest` does, and answered as a one-line JSON error (422 bad article, 500 otherwise).
    A text the store already holds (re-posted with, say, a publication date the extractor cannot
    use) is answered 422 and recorded nowhere: the stored article is healthy and stays as it is."""
    from dateline.store.errors import StoreError

    try:
        return c.extract(article)
    except Exception as exc:  # noqa: BLE001 - any extractor fault becomes a recorded failure
        reason = f"extraction failed: {type(exc).__name__}: {exc}"
        source = failure_source(article)
        bad_article = is_article_fault(exc)
        # the traceback goes to the server log only when the fault is ours; the client gets one line
        log.warning("POST /api/articles %s: %s", source, reason, exc_info=None if bad_article else exc)
        stored = c.store.stored_id(article)
        if stored is not None:
            raise ExtractionFailed(f"{reason} [published {article.published or 'not given'}]; the stored "
                                   f"article {stored} is kept as it was and no failure is recorded",
                                   status=422) from None
        try:
            c.store.record_failure(source, reason, article)
        except StoreError as store_exc:
            reason += f" (the failure could not be recorded: {store_exc})"
        raise ExtractionFailed(f"{reason} [source {source}]",
                               status=422 if bad_article else 500) from None


@router.post("/articles", status_code=201, dependencies=[Depends(require_token)],
             summary="Extract an article's events and store them (needs the API token)",
             responses={201: {"description": "`{article, added, events, facts, warnings}`"},
                        401: {"description": "missing or wrong bearer token"},
                        403: {"description": "write endpoints disabled (no token configured)"},
                        422: {"description": "bad body, no publication date (without `allow_undated`), "
                                              "or an article the extractor cannot read (recorded as a failure)"},
                        500: {"description": "the extractor failed on this server (recorded as a failure)"}})
def post_article(request: Request, body: ArticleIn) -> JSONResponse:
    c = ctx(request)
    article = to_article(body)
    if article.published is None and not body.allow_undated:
        raise UndatedArticle(UNDATED_MESSAGE)
    extraction = extract_or_record(c, article)
    added = c.store.add(extraction)
    data: dict[str, Any] = {"article": article_meta(extraction.article), "added": to_jsonable(added),
                            "events": to_jsonable(extraction.events), "facts": to_jsonable(extraction.facts),
                            "warnings": extraction.warnings}
    return JSONResponse(data, status_code=201)


