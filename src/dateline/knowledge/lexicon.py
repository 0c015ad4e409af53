"""Loads the event trigger lexicon, the dimension keyword table and the modality cues.

Each table is read once through ``knowledge.loader.read_table`` (built-in rows, then rows from
user knowledge directories) and indexed for constant-time lookups by lemma.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

from dateline.knowledge.loader import KnowledgeFileError, origin, read_table, split_list

LEXICON_FILE = "event_lexicon.tsv"
# PETRARCH2's verb patterns (MIT), for lemmas the lexicon above lacks (scripts/build_petrarch_tables.py)
FALLBACK_LEXICON_FILE = "event_lexicon_petrarch.tsv"
DIMENSIONS_FILE = "dimensions.tsv"
MODALITY_FILE = "modality_cues.tsv"

CONSTRAINT_KEYS = frozenset({"obj", "prep", "pobj", "prt", "mod", "form", "xcomp", "has", "oprd", "clause_aux"})
ANY = "*"                                   # a constraint value that any word satisfies
SHAPES = frozenset({"directed", "reciprocal", "swap", "none"})
POS = frozenset({"verb", "noun"})
MODALITY_KINDS = frozenset({"negated", "future", "hypothetical"})
MODALITY_ROLES = frozenset({"aux", "governor", "mark", "det", "neg"})


@dataclass(frozen=True, slots=True)
class TriggerSense:
    """One row of the lexicon: a lemma, the context it needs, and the event it reports."""

    lemma: str
    pos: str                                         # verb | noun
    requires: tuple[tuple[str, frozenset[str]], ...]  # (key, allowed values)
    type: str
    mode: str | None
    cameo: str
    shape: str
    contexts: tuple[str, ...]
    order: int                                       # row number, for stable tie-breaks
    fallback: bool = False                           # from the PETRARCH fallback table
    origin: str = ""                                 # file:line of the row, for the event's coding trace

    @property
    def specificity(self) -> int:
        return len(self.requires)


@dataclass(frozen=True, slots=True)
class Lexicon:
    by_lemma: dict[tuple[str, str], tuple[TriggerSense, ...]]   # (lemma, pos) -> senses, best first

    def senses(self, lemma: str, pos: str) -> tuple[TriggerSense, ...]:
        return self.by_lemma.get((lemma, pos), ())

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_lemma.values())


def _parse_requires(cell: str, where: str) -> tuple[tuple[str, frozenset[str]], ...]:
    if not cell or cell == "-":
        return ()
    out = []
    for part in cell.split(";"):
        key, sep, values = part.partition("=")
        key = key.strip()
        if not sep or key not in CONSTRAINT_KEYS:
            raise KnowledgeFileError(f"{where}: bad constraint {part!r}; use key=v1,v2 with key in "
                                     f"{', '.join(sorted(CONSTRAINT_KEYS))}")
        out.append((key, frozenset(v.strip().lower() for v in values.split(",") if v.strip())))
    return tuple(out)


def _dash(value: str) -> str:
    return "" if value == "-" else value


@functools.lru_cache(maxsize=8)
def load_lexicon(extra_dirs: tuple[str, ...] = ()) -> Lexicon:
    from dateline import ontology

    index: dict[tuple[str, str], list[TriggerSense]] = defaultdict(list)
    own = read_table(LEXICON_FILE, extra_dirs)
    # the fallback never adds a sense to a lemma dateline's own (or the user's) rows describe; a row of
    # shape none only blocks its own context ("met with opposition") and leaves the lemma to the fallback
    known = {(r["lemma"].lower(), r["pos"].lower()) for r in own if r["shape"].lower() != "none"}
    fallback = [r for r in read_table(FALLBACK_LEXICON_FILE) if (r["lemma"].lower(), r["pos"].lower()) not in known]
    for n, row in enumerate([*own, *fallback]):
        where = f"{LEXICON_FILE if n < len(own) else FALLBACK_LEXICON_FILE} row {n + 1} ({row.get('lemma', '')!r})"
        pos, shape, ptype = row["pos"].lower(), row["shape"].lower(), row["type"].upper()
        mode = _dash(row["mode"]) or None
        if pos not in POS:
            raise KnowledgeFileError(f"{where}: pos must be verb or noun, not {pos!r}")
        if shape not in SHAPES:
            raise KnowledgeFileError(f"{where}: shape must be one of {', '.join(sorted(SHAPES))}")
        try:
            ontology.event_type(ptype)
            if mode:
                ontology.mode(ptype, mode)
        except ontology.UnknownPloverCode as exc:
            raise KnowledgeFileError(f"{where}: {exc}") from None
        contexts = tuple(split_list(_dash(row["contexts"])))
        bad = [c for c in contexts if not ontology.is_context(c)]
        if bad:
            raise KnowledgeFileError(f"{where}: unknown PLOVER context(s) {', '.join(bad)}")
        sense = TriggerSense(row["lemma"].lower(), pos, _parse_requires(row["requires"], where),
                             ptype, mode, row["cameo"], shape, contexts, n, fallback=n >= len(own),
                             origin=origin(row, LEXICON_FILE if n < len(own) else FALLBACK_LEXICON_FILE)
                             + (f" ({row['source']})" if row.get("source") else ""))   # the PETRARCH2 line
        index[(sense.lemma, pos)].append(sense)
    # Most specific sense first; among equals, a user row (later) wins over a built-in one.
    return Lexicon({k: tuple(sorted(v, key=lambda s: (-s.specificity, -s.order)))
                    for k, v in index.items()})


@dataclass(frozen=True, slots=True)
class DimensionKeyword:
    lemmas: tuple[str, ...]
    dimension: str | None
    context: str | None


@functools.lru_cache(maxsize=8)
def load_dimensions(extra_dirs: tuple[str, ...] = ()) -> dict[str, tuple[DimensionKeyword, ...]]:
    """First lemma of each keyword -> the keywords starting with it (longest first)."""
    from dateline import ontology

    index: dict[str, list[DimensionKeyword]] = defaultdict(list)
    for row in read_table(DIMENSIONS_FILE, extra_dirs):
        lemmas = tuple(row["keyword"].lower().replace("-", " ").split())
        if not lemmas:
            raise KnowledgeFileError(f"{DIMENSIONS_FILE}: empty keyword in row {row!r}")
        kw = DimensionKeyword(lemmas, _dash(row["dimension"]) or None, _dash(row["context"]) or None)
        if kw.context and not ontology.is_context(kw.context):
            raise KnowledgeFileError(f"{DIMENSIONS_FILE}: keyword {row['keyword']!r} names unknown "
                                     f"PLOVER context {kw.context!r}")
        index[lemmas[0]].append(kw)
    return {k: tuple(sorted(v, key=lambda kw: -len(kw.lemmas))) for k, v in index.items()}


@functools.lru_cache(maxsize=8)
def load_modality_cues(extra_dirs: tuple[str, ...] = ()) -> dict[tuple[str, str], str]:
    """(role, cue lemma) -> kind."""
    out = {}
    for row in read_table(MODALITY_FILE, extra_dirs):
        kind, role = row["kind"].lower(), row["role"].lower()
        if kind not in MODALITY_KINDS or role not in MODALITY_ROLES:
            raise KnowledgeFileError(f"{MODALITY_FILE}: bad kind/role in row {row!r}")
        out[(role, row["cue"].lower())] = kind
    return out
