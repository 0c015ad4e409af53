"""Reading articles: text and e-paper files, HTML pages, JSON Lines / JSON / CSV corpora, saved news
feeds (RSS, Atom, RDF), each also gzip-compressed -> Article.

>>> from dateline.ingest import read_inputs, InputError
>>> for item in read_inputs(["article.txt", "corpus.jsonl", "folder/"]):
...     if isinstance(item, InputError):
...         print("skipped:", item)        # "corpus.jsonl:7: invalid JSON: ..."
...     else:
...         print(item.title, item.published, item.dateline)

Bad inputs are yielded as InputError values, never raised, so one bad file does not stop a run.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from dateline.ingest.build import Overrides
from dateline.ingest.errors import InputError
from dateline.ingest.files import SUPPORTED_SUFFIXES, iter_inputs
from dateline.ingest.samples import sample_paths, samples_dir
from dateline.model import Article

__all__ = ["InputError", "read_inputs", "read_text", "sample_paths", "samples_dir", "SUPPORTED_SUFFIXES",
           "DEFAULT_MAX_BYTES"]

DEFAULT_MAX_BYTES = 5_000_000


def read_inputs(paths: Iterable[str | Path], *, published: date | None = None, outlet: str | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | InputError]:
    """One Article per article found in ``paths`` (files, folders walked recursively, "-" for stdin),
    or one InputError value per bad file or record. ``published`` and ``outlet`` override what the
    files say. ``max_bytes`` limits each file (each record's text for JSONL/CSV corpora)."""
    return iter_inputs(paths, Overrides(published=published, outlet=outlet), max_bytes)


def read_text(text: str, *, source: str = "<text>", published: date | None = None,
              outlet: str | None = None) -> Article | InputError:
    """One article from a string (pasted text, an API request body): same cleaning and metadata
    recognition as a .txt file. Returns an InputError value when there is nothing to read."""
    from dateline.ingest.text import article_from_text

    try:
        return article_from_text(text, source=source, overrides=Overrides(published=published, outlet=outlet))
    except InputError as exc:
        return exc
