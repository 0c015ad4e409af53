"""Builds the spaCy Language and runs the extraction stages over many articles.

Stages run in a straight line per article (actors -> times -> places -> events -> facts); each
stage only reads the Doc and the records of the stages before it.

A long article (over ``CHUNK_CHARS``) is parsed in pieces cut at paragraph breaks and the pieces'
Docs are joined into one Doc whose text is exactly ``Article.text``, so every offset still points
into it; memory stays bounded (spaCy's own limit, ``nlp.max_length``, is 1,000,000 characters, and
one 1.5 MB Doc parsed whole takes ~4.8 GB). An article whose extraction raises is an
``ExtractionFailed`` value in ``extract_each``; the other articles of its batch are extracted.
"""
from __future__ import annotations

import collections
import dataclasses
import functools
from collections.abc import Iterable, Iterator, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dateline import __version__
from dateline.config import Settings
from dateline.model import Article, Extraction


class ModelNotInstalled(RuntimeError):
    pass


# Longest text parsed as one piece; longer articles are cut at paragraph breaks (see split_text).
# Peak memory for a 1.5 MB article: ~0.7 GB in 100k pieces, ~4.8 GB parsed whole.
CHUNK_CHARS = 100_000
# How much of an exception's message a failure keeps: one line, the first sentence if it is long.
REASON_CHARS = 200


def short_message(exc: BaseException) -> str:
    """The first line of ``exc``'s message, cut to its first sentence (spaCy's errors are paragraphs)."""
    line = next((ln.strip() for ln in str(exc).splitlines() if ln.strip()), "") or "(no message)"
    if len(line) <= REASON_CHARS:
        return line
    end = line.find(". ", 0, REASON_CHARS)
    return line[:end + 1] if end > 0 else line[:REASON_CHARS - 3].rstrip() + "..."


class ExtractionFailed(Exception):
    """One article whose extraction raised, as a value (like ``InputError``): reported, counted, and the
    run goes on. ``str(f) == f"{f.source}: {f.reason}"``; ``error`` is the exception itself (None once
    the value has travelled between processes)."""

    def __init__(self, source: str, error_type: str, message: str, error: BaseException | None = None) -> None:
        super().__init__(f"{source}: extraction failed: {error_type}: {message}")
        self.source = source
        self.error_type = error_type
        self.message = message
        self.error = error

    @classmethod
    def of(cls, article: Article, exc: BaseException) -> "ExtractionFailed":
        if isinstance(exc, ExtractionFailed):
            return exc
        return cls(article.source or article.id, type(exc).__name__, short_message(exc), exc)

    @property
    def reason(self) -> str:
        return f"extraction failed: {self.error_type}: {self.message}"

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"

    def __reduce__(self):  # picklable whatever the exception was: it stays in its own process
        return (ExtractionFailed, (self.source, self.error_type, self.message))


def split_text(text: str, size: int) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters that join back to exactly ``text``.
    Cuts fall after a blank line (a paragraph break) where there is one, else after a line break,
    a sentence end or a space; a piece with none of those is cut at ``size``."""
    pieces, start, n = [], 0, len(text)
    while n - start > size:
        end = start + size
        cut = -1
        for mark in ("\n\n", "\n", ". ", " "):
            at = text.rfind(mark, start + 1, end)
            if at > start:
                cut = at + len(mark)
                while cut < end and text[cut].isspace():  # keep a run of blank lines in one piece
                    cut += 1
                break
        if cut <= start:
            cut = end
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


@Language.component("dateline_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line always ends a sentence: headlines, captions and paragraphs never run together."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


def load_scorer(path: str):
    """The learned event scorer, or None when switched off (path "")."""
    if not path:
        return None
    from dateline.scorer.model import EventScorer
    try:
        return EventScorer.load(path)
    except FileNotFoundError:
        raise RuntimeError(f"event scorer not found: {path} (set DATELINE_SCORER to a weights file, or '' for none)") from None


@functools.lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    name = model or Settings().model
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy model '{name}' is not installed; install requirements-model.txt "
            f"(see README) or set DATELINE_MODEL to an installed pipeline") from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dateline_paragraphs", before="parser")
    return nlp


class Pipeline:
    """Article -> Extraction. Reuse one instance: loading knowledge and the model is the slow part."""

    def __init__(self, settings: Settings | None = None) -> None:
        from dateline.extractors.actors import ActorResolver
        from dateline.extractors.events import EventExtractor
        from dateline.extractors.facts import FactExtractor
        from dateline.extractors.places import PlaceResolver
        from dateline.extractors.time import TimeResolver
        from dateline.knowledge import load_knowledge

        self.settings = settings or Settings()
        self.nlp = load_nlp(self.settings.model)
        self.kb = load_knowledge(tuple(self.settings.knowledge_paths))
        self.actors = ActorResolver(self.kb)
        self.times = TimeResolver(self.kb)
        self.places = PlaceResolver(self.kb)
        self.events = EventExtractor(self.kb)
        self.facts = FactExtractor(self.kb)
        self.scorer = load_scorer(self.settings.scorer)

    def extract_doc(self, doc: Doc, article: Article) -> Extraction:
        if article.dateline and not article.dateline_country:
            # the dateline country anchors "the Foreign Office" and place ambiguity
            place = self.places.dateline_place(article)
            if place is not None:  # a copy: the caller's Article is never changed
                article = dataclasses.replace(article, dateline_country=place.country)
        mentions = self.actors.resolve(doc, article)
        times = self.times.find(doc, article)
        places = self.places.find(doc, article)
        events = self.events.extract(doc, article, mentions, times, places)
        if self.scorer is not None:
            events = self.scorer.score(doc, events, article.title)
        facts = self.facts.extract(doc, article, mentions, times)
        actors = {}
        for m in mentions:
            for a in m.actors:
                actors.setdefault(a.id, a)
        # what extraction could not read as written (a time phrase left unresolved); what the reader
        # noticed in the input (mixed encodings) is in article.meta["warnings"]
        from dateline.extractors.time import time_warnings
        warnings = time_warnings(doc)
        return Extraction(article=article, actors=list(actors.values()), actor_mentions=mentions,
                          events=events, facts=facts, warnings=warnings, version=__version__)

    @property
    def chunk_chars(self) -> int:
        return min(CHUNK_CHARS, self.nlp.max_length)

    def parse(self, text: str) -> Doc:
        """The annotated Doc of one article; a long text is parsed in pieces (``split_text``) joined
        into one Doc with exactly ``text`` as its text."""
        if len(text) <= self.chunk_chars:
            return self.nlp(text)
        pieces = self.nlp.pipe(split_text(text, self.chunk_chars), batch_size=1)
        # no tensor: no stage reads it, and it would be copied once more here
        return Doc.from_docs(list(pieces), ensure_whitespace=False, exclude=["tensor"])

    def extract(self, article: Article) -> Extraction:
        return self.extract_doc(self.parse(article.text), article)

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Batched through ``nlp.pipe``; yields one Extraction per article, in order. Raises the error
        of the first article that cannot be extracted (``extract_each`` reports it and goes on)."""
        for item in self.extract_each(articles):
            if isinstance(item, ExtractionFailed):
                raise item.error if item.error is not None else item
            yield item

    def extract_each(self, articles: Iterable[Article]) -> Iterator[Extraction | ExtractionFailed]:
        """One Extraction per article, in order, or an ExtractionFailed value in the place of an article
        whose extraction raised: one bad article never costs the others of its batch."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.settings.batch_size:
                yield from self._extract_batch(batch)
                batch = []
        if batch:
            yield from self._extract_batch(batch)

    def _parse_one(self, article: Article) -> Doc | Exception:
        try:
            return self.parse(article.text)
        except Exception as exc:  # noqa: BLE001 - this article fails, the run goes on
            return exc

    def _pipe(self, batch: Sequence[Article]) -> collections.deque:
        """Docs (or the exception) for short articles, through ``nlp.pipe``; a batch that fails there is
        parsed again one article at a time, so only the article at fault fails."""
        try:
            docs = list(self.nlp.pipe([a.text for a in batch], batch_size=self.settings.batch_size))
        except Exception:  # noqa: BLE001
            docs = [self._parse_one(a) for a in batch]
        return collections.deque(docs)

    def _extract_batch(self, batch: list[Article]) -> Iterator[Extraction | ExtractionFailed]:
        def short(a: Article) -> bool:
            return isinstance(a.text, str) and len(a.text) <= self.chunk_chars

        # long articles are parsed when their turn comes, one at a time, so at most one is in memory
        docs = self._pipe([a for a in batch if short(a)])
        for article in batch:
            doc = docs.popleft() if short(article) else self._parse_one(article)
            if isinstance(doc, Exception):
                yield ExtractionFailed.of(article, doc)
                continue
            try:
                result: Extraction | ExtractionFailed = self.extract_doc(doc, article)
            except Exception as exc:  # noqa: BLE001 - any stage's fault is this article's failure
                result = ExtractionFailed.of(article, exc)
            del doc
            yield result
