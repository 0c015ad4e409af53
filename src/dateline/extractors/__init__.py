"""Extraction stages: each module turns an annotated spaCy Doc into one kind of record.

Shared conventions for every stage:
- ``sentences(doc)`` is the one list of sentences; ``sentence_index`` always means an index into it.
- Character offsets are ``doc`` offsets, which equal offsets into ``Article.text`` because the Doc
  is built from exactly that text.
"""
from __future__ import annotations

import numpy
from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Span

from dateline.model import Evidence


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once: spaCy rebuilds it from every token on each access."""
    text = doc.user_data.get("dateline_text")
    if text is None:
        text = doc.user_data["dateline_text"] = doc.text
    return text


def token_positions(doc: Doc, words: frozenset[str], lower: bool = True) -> list[int]:
    """Indices of the tokens whose lowercase (or exact) text is in ``words``, found on the Doc's
    attribute array: walking every Token object in Python costs more than the whole lookup."""
    key = "dateline_lower" if lower else "dateline_orth"
    column = doc.user_data.get(key)
    if column is None:
        column = doc.user_data[key] = doc.to_array(LOWER if lower else ORTH)
    wanted = [doc.vocab.strings[w] for w in words]
    return numpy.nonzero(numpy.isin(column, wanted))[0].tolist()


def sentences(doc: Doc) -> list[Span]:
    """The article's sentences, computed once per Doc and cached on it."""
    cached = doc.user_data.get("dateline_sentences")
    if cached is None:
        cached = [s for s in doc.sents if s.text.strip()]
        doc.user_data["dateline_sentences"] = cached
    return cached


def sentence_index_of(doc: Doc, token_i: int) -> int:
    """Index (into ``sentences(doc)``) of the sentence holding token ``token_i``."""
    table = doc.user_data.get("dateline_sent_of_token")
    if table is None:
        table = [-1] * len(doc)
        for idx, sent in enumerate(sentences(doc)):
            for i in range(sent.start, sent.end):
                table[i] = idx
        doc.user_data["dateline_sent_of_token"] = table
    return table[token_i]


def evidence_for(doc: Doc, article_id: str, sentence_index: int) -> Evidence:
    """Evidence for a sentence; the sentence span excludes the blank lines spaCy attaches to it."""
    sent = sentences(doc)[sentence_index]
    raw = sent.text
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    start = sent.start_char + lead
    return Evidence(article_id=article_id, sentence_index=sentence_index, sentence=text,
                    sentence_start=start, sentence_end=start + len(text))
