"""Write endpoints: post an article (text or HTML), get its events back. Off unless a token is set."""
from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, model_validator

from dateline.model import Article, to_jsonable
from dateline.web.api import article_meta, ctx
from dateline.web.errors import ApiError

router = APIRouter(prefix="/api")


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


def html_to_article(body: ArticleIn) -> Article:
    """The main text of a posted page, with the page's own metadata where the post gives none."""
    import trafilatura

    doc = trafilatura.bare_extraction(body.html, with_metadata=True, include_comments=False,
                                      include_tables=False, url=body.url)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise ApiError("no article text found in the posted HTML", status=422)
    published = body.published
    if published is None and getattr(doc, "date", None):
        try:
            published = date.fromisoformat(str(doc.date)[:10])
        except ValueError:
            published = None
    return Article(text=text, title=body.title or getattr(doc, "title", None),
                   outlet=body.outlet or getattr(doc, "sitename", None),
                   author=body.author or getattr(doc, "author", None), published=published, url=body.url,
                   dateline=body.dateline, source="<api:html>")


def to_article(body: ArticleIn) -> Article:
    if body.html:
        return html_to_article(body)
    return Article(text=body.text.strip(), title=body.title, outlet=body.outlet, author=body.author,
                   published=body.published, url=body.url, dateline=body.dateline, source="<api:text>")


@router.post("/articles", status_code=201, dependencies=[Depends(require_token)],
             summary="Extract an article's events and store them (needs the API token)",
             responses={201: {"description": "`{article, added, events, facts, warnings}`"},
                        401: {"description": "missing or wrong bearer token"},
                        403: {"description": "write endpoints disabled (no token configured)"},
                        422: {"description": "bad body"}})
def post_article(request: Request, body: ArticleIn) -> JSONResponse:
    c = ctx(request)
    article = to_article(body)
    extraction = c.pipeline().extract(article)
    added = c.store.add(extraction)
    c.changed()
    data: dict[str, Any] = {"article": article_meta(extraction.article), "added": to_jsonable(added),
                            "events": to_jsonable(extraction.events), "facts": to_jsonable(extraction.facts),
                            "warnings": extraction.warnings}
    return JSONResponse(data, status_code=201)


