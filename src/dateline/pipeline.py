"""Builds the spaCy Language and runs the extraction stages over many articles.

Stages run in a straight line per article (actors -> times -> places -> events -> facts); each
stage only reads the Doc and the records of the stages before it.
"""
from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dateline import __version__
from dateline.config import Settings
from dateline.model import Article, Extraction


class ModelNotInstalled(RuntimeError):
    pass


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
            events = self.scorer.score(doc, events)
        facts = self.facts.extract(doc, article, mentions, times)
        actors = {}
        for m in mentions:
            for a in m.actors:
                actors.setdefault(a.id, a)
        return Extraction(article=article, actors=list(actors.values()), actor_mentions=mentions,
                          events=events, facts=facts, version=__version__)

    def extract(self, article: Article) -> Extraction:
        return self.extract_doc(self.nlp(article.text), article)

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Batched through ``nlp.pipe``; yields one Extraction per article, in order."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.settings.batch_size):
            yield self.extract_doc(doc, article)
