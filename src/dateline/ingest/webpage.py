"""HTML pages -> Article: trafilatura finds the main text and metadata; a small tag stripper is the
fallback when it finds nothing (tiny or unusual pages)."""
from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

from dateline.ingest.build import Given, Overrides, build_article, with_warning
from dateline.ingest.dates import UnparseableDate, parse_field
from dateline.ingest.decode import BOMS, Decoded, binary_reason, decode
from dateline.ingest.errors import InputError
from dateline.ingest.layout import recognise
from dateline.ingest.textclean import clean_line, normalise_newlines, word_count
from dateline.model import Article

META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", re.IGNORECASE)
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "head", "nav",
                       "footer", "aside", "form", "button", "select"})
BLOCK_TAGS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                        "article", "section", "header", "blockquote", "figcaption", "figure", "tr",
                        "table", "pre", "hr", "dd", "dt", "main"})
META_FIELDS = {"author": "author", "og:site_name": "outlet", "article:published_time": "published",
               "og:title": "title", "og:url": "url", "date": "published", "pubdate": "published"}

# trafilatura reports pages it cannot use through logging; our InputError says it once, clearly.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def decode_html(data: bytes, source: str) -> Decoded:
    """BOM, then UTF-8, then the page's own <meta charset>, then the general guesser."""
    reason = binary_reason(data)
    if reason:
        raise InputError(source, reason, kind="binary")
    if not any(data.startswith(bom) for bom, _ in BOMS):
        try:
            return Decoded(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            m = META_CHARSET.search(data[:4096])
            if m:
                try:
                    codec = m.group(1).decode("ascii")
                    return Decoded(data.decode(codec), codec)
                except (LookupError, UnicodeDecodeError):
                    pass
    return decode(data, source)


class TagStripper(HTMLParser):
    """Visible text, one paragraph per block element, plus a few <meta> facts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.in_title = False
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.in_h1 = False
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs) -> None:
        attr = {k: (v or "") for k, v in attrs}
        if tag == "title":
            self.in_title = True
        elif tag == "meta":
            key = (attr.get("property") or attr.get("name") or "").lower()
            if key in META_FIELDS and attr.get("content"):
                self.meta.setdefault(META_FIELDS[key], attr["content"])
        elif tag == "link" and attr.get("rel", "").lower() == "canonical" and attr.get("href"):
            self.meta.setdefault("url", attr["href"])
        if tag in SKIP_TAGS:
            self.skip_depth += 1
        if tag in BLOCK_TAGS:
            self.flush()
        if tag == "h1":
            self.in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in SKIP_TAGS and self.skip_depth:
            self.skip_depth -= 1
        if tag in BLOCK_TAGS:
            self.flush()
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.skip_depth:
            self.current.append(data)
            if self.in_h1:
                self.h1_parts.append(data)

    def flush(self) -> None:
        text = clean_line(" ".join("".join(self.current).split()))
        if text:
            self.paragraphs.append(text)
        self.current.clear()


def strip_tags(html: str) -> tuple[str, dict[str, str]]:
    parser = TagStripper()
    parser.feed(html)
    parser.close()
    parser.flush()
    meta = dict(parser.meta)
    heading = clean_line("".join(parser.h1_parts)) or clean_line("".join(parser.title_parts))
    if heading:
        meta.setdefault("title", heading)
    return "\n\n".join(parser.paragraphs), meta


def with_trafilatura(html: str) -> tuple[str, dict[str, str]]:
    import trafilatura  # imported here: only HTML inputs pay for it

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception:  # trafilatura on broken markup: fall back to the stripper, never fail the run
        return "", {}
    if doc is None:
        return "", {}
    meta = {key: value for key, value in (
        ("title", doc.title), ("author", doc.author), ("outlet", doc.sitename),
        ("published", doc.date), ("url", doc.url)) if value}
    # One paragraph per line in trafilatura's text; make each its own block.
    text = "\n\n".join(line for line in (doc.text or "").split("\n") if line.strip())
    return text, meta


def html_to_text(html: str) -> tuple[str, dict[str, str], str]:
    """(visible text, page metadata, extractor name): trafilatura first, the tag stripper when it finds
    nothing. Also used for HTML inside feed items."""
    text, meta = with_trafilatura(html)
    if word_count(text) >= 2:
        return text, meta, "trafilatura"
    text, fallback_meta = strip_tags(html)
    return text, {**fallback_meta, **meta}, "tag_stripper"


def article_from_html(html: str, *, source: str, overrides: Overrides, encoding: str | None = None) -> Article:
    text, meta, extractor = html_to_text(html)
    if not text.strip():
        raise InputError(source, "no sentences to read (the page has no visible text)", kind="no_text")
    given = Given(title=meta.get("title"), author=meta.get("author"), outlet=meta.get("outlet"),
                  url=meta.get("url"), meta={"extractor": extractor})
    if meta.get("published"):
        try:
            given.published, given.published_at = parse_field(meta["published"])
        except UnparseableDate:
            given.meta["unparsed_published"] = meta["published"]
    layout = recognise(normalise_newlines(text), guess_title=False, known_title=given.title)
    return build_article(layout, given, overrides, source=source, fmt="html", encoding=encoding)


def read_html_bytes(data: bytes, source: str, overrides: Overrides) -> Article:
    if not data.strip():
        raise InputError(source, "empty file (0 bytes)" if not data else "empty file (only whitespace)", kind="empty")
    decoded = decode_html(data, source)
    article = article_from_html(decoded.text, source=source, overrides=overrides, encoding=decoded.codec)
    return with_warning(article, decoded.warning)
