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
    data: dict[str, Any] = {"article": article_meta(extraction.article), "added": to_jsonable(added),
                            "events": to_jsonable(extraction.events), "facts": to_jsonable(extraction.facts),
                            "warnings": extraction.warnings}
    return JSONResponse(data, status_code=201)


