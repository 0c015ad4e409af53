"""Typed records that cross stage boundaries: Article -> Extraction (actors, events, facts) -> Store.

Every character offset in these records points into ``Article.text`` (the cleaned body text),
so ``article.text[start:end] == text`` always holds.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

SCHEMA_VERSION = "1"


def stable_id(prefix: str, *parts: object) -> str:
    """A short deterministic id: the same parts always give the same id, across runs and machines."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:16]}"


_SLUG_DROP = re.compile(r"[^a-z0-9]+")
_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўђјљњћџѓќѕ",
    ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
     "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "yi", "ye", "g", "w",
     "dj", "j", "lj", "nj", "c", "dz", "gj", "kj", "dz"]))
_GREEK = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψω",
                  ["a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s",
                   "s", "t", "y", "f", "ch", "ps", "o"]))
TRANSLITERATION = {**_CYRILLIC, **_GREEK}     # lower-case Cyrillic and Greek letters -> ASCII


def _latin_slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _SLUG_DROP.sub("-", folded.lower().replace("’", "'").replace("'", "")).strip("-")


def _foreign(ch: str) -> bool:
    """A letter or digit of a script other than Latin (the ASCII fold would drop it). Latin-1 and
    Latin Extended characters, modifier letters (ʻ, ʼ) and marks are not counted, so Latin names
    keep the slugs they always had."""
    if ord(ch) < 0x250:
        return False
    return any(not c.isascii() and unicodedata.category(c) in ("Lu", "Ll", "Lt", "Lo", "Nd", "Nl", "No")
               and not unicodedata.name(c, "").startswith("LATIN") for c in unicodedata.normalize("NFKD", ch))


def _transliterate(text: str) -> str | None:
    """Cyrillic and Greek letters spelt in ASCII ("Сергей Шойгу" -> "Sergey Shoygu" in lower case);
    None when letters of another script remain."""
    text = unicodedata.normalize("NFC", text).lower().replace("ου", "ou")
    out = []
    for ch in text:
        base = ch if ch in TRANSLITERATION else unicodedata.normalize("NFD", ch)[0]   # "ά" -> "α"
        out.append(TRANSLITERATION.get(base, ch))
    result = "".join(out)
    return None if any(_foreign(c) for c in result) else result


def name_key(text: str) -> str:
    """A name normalised for comparison: NFKC, case-folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def slugify(text: str) -> str:
    """A name -> the slug of its id, stable across runs and machines.

    Latin names: accents folded, lower case, other characters to hyphens ("Sergei Ryabkov" ->
    "sergei-ryabkov"; "Sergéi" and "Sergei" agree). Cyrillic and Greek: transliterated first
    ("Сергей Шойгу" -> "sergey-shoygu"). Any other script (Arabic, Hebrew, Han, Devanagari ...),
    or a name whose slug would be empty: "u-" and 10 hex digits of the SHA-1 of ``name_key``
    ("بدر عبد العاطي" -> "u-…"), so different names never share the empty slug.
    """
    if not text.strip():
        return ""
    if any(_foreign(c) for c in text):
        spelt = _transliterate(text)
        slug = _latin_slug(spelt) if spelt is not None else ""
    else:
        slug = _latin_slug(text)
    return slug or "u-" + hashlib.sha1(name_key(text).encode("utf-8")).hexdigest()[:10]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class TextSpan:
    """A stretch of the article text: ``article.text[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Caption:
    """A photo caption kept in the body as its own paragraph; ``credit`` is the photo credit closing it
    ("PID" in "... 2025. — PID"), which names no actor of the story."""

    start: int
    end: int
    text: str
    credit: TextSpan | None = None


@dataclass(slots=True)
class Article:
    text: str                              # body text only; offsets everywhere point into it
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None          # publication day: the anchor for relative dates
    published_at: datetime | None = None   # when the source gives a time of day
    updated_at: datetime | None = None
    dateline: str | None = None            # dateline city as printed, e.g. "Islamabad"
    dateline_country: str | None = None    # ISO3 of the dateline city, when known
    url: str | None = None
    source: str | None = None              # file path, "path:line" for corpora, or "<text>"
    language: str = "en"
    meta: dict[str, Any] = field(default_factory=dict)
    id: str = ""                           # filled from the content hash when empty
    content_hash: str = ""
    # What the layout reader found in the body (offsets into ``text``); later stages keep these out of actors.
    dateline_span: TextSpan | None = None  # where the dateline city is printed, e.g. "ISLAMABAD"
    story_start: int | None = None         # where the story begins after the dateline prefix
    agency: str | None = None              # wire agency named in the dateline, e.g. "Reuters"
    captions: list[Caption] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.text)
        if not self.id:
            self.id = "art-" + self.content_hash[:16]


@dataclass(slots=True)
class Actor:
    """A resolved political actor (person, country, government body, organisation)."""

    id: str                       # stable, e.g. "person:ishaq-dar", "country:PAK", "org:PAK:foreign-ministry"
    name: str
    kind: str                     # person | country | government | military | organization | igo | group
    country: str | None = None    # ISO3; None for international organisations
    sector: str | None = None     # event-data sector code: GOV, MIL, LEG, JUD, BUS, MED, CVL, REB, IGO, ...
    roles: list[str] = field(default_factory=list)
    source: str | None = None     # what resolved it: a table row ("actors.tsv:12"), "text", or None


@dataclass(slots=True)
class ActorMention:
    """One place in the text that refers to one or more actors ("the two countries" -> PAK, RUS)."""

    actors: list[Actor]
    start: int
    end: int
    text: str
    sentence_index: int
    token_start: int              # spaCy token indices in the article Doc, for later stages
    token_end: int
    via: str = "name"             # name | title | demonym | capital | iso3 | coref | dateline | user | agent


@dataclass(slots=True)
class TimeRef:
    """When something happened, resolved against the publication date, with its granularity.

    ``source`` says where the value came from: "text" (a time expression in the sentence or
    its paragraph), "publication_date" (present-tense report, explicitly marked) or "none"
    (the text gives no time; ``value`` is None and ``fallback`` holds the publication date).
    """

    value: str | None             # ISO: "2025-04-17", "2025-W16", "2025-04", "2024"
    granularity: str              # day | week | month | year | unknown
    source: str                   # text | publication_date | none
    earliest: date | None = None
    latest: date | None = None
    span: TextSpan | None = None
    fallback: date | None = None  # publication date, offered but never used silently


@dataclass(slots=True)
class Place:
    name: str
    country: str | None = None    # ISO3
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    feature: str = "city"         # city | country | region
    source: str = "sentence"      # sentence | dateline
    span: TextSpan | None = None


@dataclass(slots=True)
class Evidence:
    """The sentence behind an event or fact, with the spans of its parts."""

    article_id: str
    sentence_index: int
    sentence: str
    sentence_start: int
    sentence_end: int
    trigger: TextSpan | None = None
    actors: list[TextSpan] = field(default_factory=list)
    recipients: list[TextSpan] = field(default_factory=list)
    time: TextSpan | None = None
    place: TextSpan | None = None


@dataclass(slots=True)
class Event:
    id: str
    article_id: str
    type: str                                   # PLOVER v2 event type, e.g. CONSULT
    mode: str | None = None                     # PLOVER mode, e.g. "visit"
    contexts: list[str] = field(default_factory=list)     # PLOVER contexts
    dimensions: list[str] = field(default_factory=list)   # partnership areas the text names
    cameo: str | None = None                    # nearest CAMEO code, e.g. "042"
    quad_class: int | None = None               # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    plover_score: float | None = None           # cooperation(+)/conflict(-) on [-10, 10]
    goldstein: float | None = None
    actors: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    time: TimeRef | None = None
    place: Place | None = None
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    historical: bool = False
    trigger: str = ""                           # trigger lemma or phrase
    confidence: float = 1.0
    quantity: float | None = None               # e.g. 8 for "signing of eight agreements"
    mentions: list[Evidence] = field(default_factory=list)
    coded_by: str | None = None                 # the lexicon row that fired ("event_lexicon.tsv:57"), and any recoding

    @property
    def source_count(self) -> int:
        return len({m.article_id for m in self.mentions}) or 1


@dataclass(slots=True)
class Fact:
    """A quantity an article reports about an actor or dyad (trade volume, agreements signed...)."""

    id: str
    article_id: str
    indicator: str                # trade_volume | agreements_signed | aid | casualties | ...
    subjects: list[Actor]
    value: float
    unit: str                     # ISO currency code or "count", "people", ...
    qualifier: str | None = None  # more_than | about | less_than | at_least | None (exact)
    period: TimeRef | None = None
    evidence: Evidence | None = None


@dataclass(slots=True)
class Extraction:
    article: Article
    actors: list[Actor] = field(default_factory=list)
    actor_mentions: list[ActorMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    version: str = ""


def to_jsonable(obj: Any) -> Any:
    """Records -> plain JSON types (dates as ISO strings). Keeps field order."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out = {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        if isinstance(obj, Event):
            out["source_count"] = obj.source_count
        return out
    if isinstance(obj, (datetime, date)):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(v) for v in obj]
    return obj
