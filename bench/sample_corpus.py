"""A corpus of any size built from the shipped samples (src/dateline/samples/), so a benchmark runs
from any clone, without ../shared.

Copy 0 is the samples as shipped; copy k > 0 marks the end of every sentence with " [k]" (so no
sentence repeats across copies, as in a real corpus: sentence-keyed caches cannot hide growth),
is published k days later and has its own source. Deterministic: the same --words, the same corpus.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from datetime import timedelta

SENTENCE_END = re.compile(r"(?<=\w)([.!?])(?=\s|$)")


def samples() -> list:
    from dateline.ingest import InputError, read_inputs, sample_paths

    return [a for a in read_inputs(sample_paths()) if not isinstance(a, InputError)]


def vary(article, k: int):
    """Copy k of ``article``: every sentence end outside the dateline and the captions marked, and
    every offset the reader recorded moved with the text, so ``text[start:end]`` still holds."""
    from dateline.model import Caption, TextSpan

    if k == 0:
        return article
    marker = f" [{k}]"
    keep_out = [(c.start, c.end) for c in article.captions]
    if article.dateline_span is not None:
        keep_out.append((article.dateline_span.start, article.dateline_span.end))
    at = [m.start() for m in SENTENCE_END.finditer(article.text)
          if not any(a <= m.start() < b for a, b in keep_out)]
    pieces, last = [], 0
    for p in at:
        pieces += [article.text[last:p], marker]
        last = p
    text = "".join(pieces) + article.text[last:]

    def start(o: int) -> int:
        return o + len(marker) * bisect.bisect_right(at, o)

    def end(o: int) -> int:
        return o + len(marker) * bisect.bisect_left(at, o)

    def span(s):
        return None if s is None else TextSpan(start(s.start), end(s.end), s.text)

    return dataclasses.replace(
        article, text=text, id="", content_hash="", source=f"{article.source}#{k}",
        published=article.published + timedelta(days=k) if article.published else None,
        dateline_span=span(article.dateline_span),
        story_start=None if article.story_start is None else start(article.story_start),
        captions=[Caption(start(c.start), end(c.end), c.text, span(c.credit)) for c in article.captions])


def sample_corpus(words: int) -> list:
    """Whole articles, copies of the samples varied as above, until ``words`` words are reached."""
    base = samples()
    out, total, k = [], 0, 0
    while total < words:
        for article in base:
            if total >= words:
                break
            varied = vary(article, k)
            out.append(varied)
            total += len(varied.text.split())
        k += 1
    return out


def n_words(articles) -> int:
    return sum(len(a.text.split()) for a in articles)
