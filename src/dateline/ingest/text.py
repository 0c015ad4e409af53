"""Plain and e-paper text files -> Article."""
from __future__ import annotations

import re

from dateline.ingest.build import Given, Overrides, build_article, with_warning
from dateline.ingest.decode import decode
from dateline.ingest.errors import InputError
from dateline.ingest.layout import recognise
from dateline.ingest.textclean import normalise_newlines
from dateline.model import Article

LOOKS_LIKE_HTML = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
                             re.IGNORECASE | re.DOTALL)


def article_from_text(text: str, *, source: str = "<text>", overrides: Overrides | None = None,
                      encoding: str | None = None) -> Article:
    """Already-decoded text (a file's content, stdin, a pasted article) -> Article.
    Raises InputError when there is nothing to read."""
    raw = normalise_newlines(text)
    if not raw.strip():
        raise InputError(source, "empty file (only whitespace)", kind="empty")
    layout = recognise(raw)
    return build_article(layout, Given(), overrides or Overrides(), source=source, fmt="text", encoding=encoding)


def read_text_bytes(data: bytes, source: str, overrides: Overrides) -> Article:
    if not data:
        raise InputError(source, "empty file (0 bytes)", kind="empty")
    text, codec, warning = decode(data, source)
    if LOOKS_LIKE_HTML.match(text[:2048]):
        from dateline.ingest.webpage import article_from_html
        article = article_from_html(text, source=source, overrides=overrides, encoding=codec)
    else:
        article = article_from_text(text, source=source, overrides=overrides, encoding=codec)
    return with_warning(article, warning)
