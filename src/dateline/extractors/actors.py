"""Actor resolution: every mention of a political actor in an article, in text order.

What counts as a mention, and how it is resolved:
- people: spaCy PERSON entities and known names (actors.tsv), with the titles before them
  ("Pakistan's Deputy Prime Minister and Foreign Minister Ishaq Dar") or in apposition after them;
  the person's country comes from the text (possessive or adjacent country, "from Russia"), else
  from the known-actor table, else from a country-specific title; one actor per person per article
  (a later "Ryabkov" is the "Sergei Ryabkov" met earlier);
- countries: names, aliases, "Pakistan-Russia" pairs, ISO3 codes; demonyms and capitals only where
  they stand for a government ("Russian officials", "Moscow said"; not "in Islamabad");
- governments, ministries, armed forces and international organisations (organizations.tsv);
  a ministry without a country in the text takes the dateline's country;
- coreference: "the DPM" / "the minister" (the person holding the role), "the two countries",
  subject pronouns ("he" -> the last person, "it" -> the last country or body, "they" -> the last group);
- the office of a role ("the Prime Minister's Office") is that of the last holder of the role named.
Never actors: the outlet and the dateline's wire agency, the dateline prefix, caption credits, bare
title abbreviations, commodities, projects (non_actors.tsv).
"""
from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span

from dateline.extractors import sentence_index_of, token_positions
from dateline.knowledge import Country, Knowledge, KnownActor, Title, slugify
from dateline.knowledge.loader import shown_source
from dateline.knowledge.matchers import CompiledMatchers, compile_matchers
from dateline.knowledge.organizations import Organization
from dateline.model import Actor, ActorMention, Article

CONNECTORS = {"and", ",", "&"}
# Words that may stand between a country and a title, or open a titled name ("Lebanon's new President",
# "Nigerian junior foreign minister", "Ousted President", "Former Socialist prime minister").
TITLE_PREFIXES = {"former", "ex", "acting", "then", "interim", "outgoing", "incoming", "caretaker", "ousted",
                  "deposed", "exiled", "late", "new", "newly", "elected", "re-elected", "visiting", "embattled",
                  "junior", "senior", "top", "veteran", "current", "sitting", "transitional", "provisional",
                  "longtime", "self-proclaimed", "beleaguered", "powerful", "hardline", "moderate", "reformist",
                  "socialist", "communist", "conservative", "liberal", "nationalist", "islamist", "radical",
                  "labour", "labor"}
REGNAL = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XVI"}
POSSESSIVES = {"'s", "’s", "'", "’"}
HYPHENS = {"-", "–", "‑"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
PERSON_PRONOUNS = {"he", "she"}
_PRONOUNS = frozenset({*PERSON_PRONOUNS, "it", "they"})
# Object pronouns, read as their subject forms: "urged him to ...", "told her ...", "met them".
OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
OBJECT_DEPS = {"dobj", "pobj", "dative", "iobj"}
# Verbs whose "it" subject is usually no actor ("it is expected", "it seems", "it took two years").
IMPERSONAL_VERBS = {"be", "seem", "appear", "remain", "take", "become", "look", "happen", "mean", "matter"}
GROUP_KINDS = {"group", "military"}
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "ROOT", "dative"}
MODIFIER_DEPS = {"compound", "amod", "nmod"}
COUNTRY_KEYS = {"C", "D", "K", "I"}
# Which match wins when two of the same length overlap: organisations and known names first.
PRIORITY = {"O": 0, "P": 1, "T": 2, "A": 3, "C": 4, "D": 5, "K": 6, "I": 7}


@dataclass(slots=True)
class _Match:
    key: str        # C D K I O P T A (see knowledge.matchers)
    value: str
    start: int
    end: int


@dataclass(slots=True)
class _Person:
    start: int                  # mention start (titles and country modifier included)
    end: int
    name_start: int
    name: str
    titles: list[Title] = field(default_factory=list)
    country: str | None = None  # from the text around this mention
    from_country: str | None = None
    cluster: str = ""


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    actors: list[Actor]
    via: str


class ActorResolver:
    """Finds and resolves actor mentions. Build once (matchers compile on the first document)."""

    def __init__(self, kb: Knowledge) -> None:
        self.kb = kb
        self._matchers: dict[int, CompiledMatchers] = {}
        self._title_rank = {t.role: i for i, t in reversed(list(enumerate(kb.titles)))}

    # ------------------------------------------------------------------ entry point
    def resolve(self, doc: Doc, article: Article) -> list[ActorMention]:
        run = _Run(self, doc, article)
        mentions = run.resolve()
        out = []
        for m in sorted(mentions, key=lambda m: (m.start, m.end)):
            span = doc[m.start:m.end]
            out.append(ActorMention(actors=m.actors, start=span.start_char, end=span.end_char, text=span.text,
                                    sentence_index=sentence_index_of(doc, m.start),
                                    token_start=m.start, token_end=m.end, via=m.via))
        return out

    def __getstate__(self) -> dict:
        # Compiled matchers hold a vocabulary; worker processes compile their own.
        return {"kb": self.kb, "_matchers": {}, "_title_rank": self._title_rank}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)

    def matchers(self, doc: Doc) -> CompiledMatchers:
        key = id(doc.vocab)
        if key not in self._matchers:
            self._matchers[key] = compile_matchers(self.kb, doc.vocab)
        return self._matchers[key]

    def role_rank(self, role: str) -> int:
        return self._title_rank.get(role, len(self._title_rank))


class _Run:
    """The state of resolving one document (kept apart so the resolver itself stays reusable)."""

    def __init__(self, resolver: ActorResolver, doc: Doc, article: Article) -> None:
        self.r = resolver
        self.kb = resolver.kb
        self.doc = doc
        self.article = article
        self.day: date | None = article.published
        self.taken: set[int] = set()              # tokens already inside a mention
        self.country_refs: Counter[str] = Counter()
        self.first_ref: dict[str, int] = {}
        self.mentions: list[_Mention] = []
        self.country_actors: dict[str, Actor] = {}
        self.home = article.dateline_country or self._dateline_capital_country()

    def _dateline_capital_country(self) -> str | None:
        """The dateline's country when the pipeline did not set it: ISLAMABAD -> PAK."""
        if not self.article.dateline:
            return None
        c = self.kb.countries.by_capital(self.article.dateline.title()) or self.kb.countries.lookup(self.article.dateline)
        return c.iso3 if c else None

    # ------------------------------------------------------------------ matching
    def resolve(self) -> list[_Mention]:
        doc = self.doc
        raw = self.r.matchers(doc).keyed(doc)
        blocked = self._blocked_tokens(raw)
        self.matches = self._select(raw, blocked)
        self.by_start = {m.start: m for m in self.matches}
        self.by_end = {m.end - 1: m for m in self.matches}
        self.at_token: dict[int, _Match] = {i: m for m in self.matches for i in range(m.start, m.end)}
        self.person_ents = [e for e in doc.ents if e.label_ == "PERSON"]
        self.person_tokens = {i for e in self.person_ents for i in range(e.start, e.end)}

        persons = self._find_persons(blocked)
        self._resolve_persons(persons)
        self._surname_mentions(blocked)
        self._known_bodies()
        self._organizations()
        self._title_coreference()
        self._countries()
        self._unnamed()
        self._pairs()
        self._pronouns()
        return self.mentions

    def _blocked_tokens(self, raw: list[tuple[str, int, int]]) -> set[int]:
        """Tokens no actor may cover: never-actors, the outlet and the wire agency of the dateline
        wherever they appear, the dateline prefix itself, and photo credits closing a caption."""
        blocked = {i for key, s, e in raw if key.startswith("N|") for i in range(s, e)}
        article = self.article
        for name in (article.outlet, article.agency):
            name = (name or "").strip()
            if not name:
                continue
            first, n = name.split()[0], len(name.split())
            for tok in self.doc:
                if tok.text == first and self.doc[tok.i:tok.i + n].text == name:
                    blocked.update(range(tok.i, tok.i + n))
        if article.dateline_span is not None and article.story_start is not None:
            # "ASTANA, July 3 (Eurasia Wire) –"
            blocked.update(self._tokens_between(article.dateline_span.start, article.story_start))
        for caption in article.captions:
            if caption.credit is not None:
                blocked.update(self._tokens_between(caption.credit.start, caption.credit.end))
        return blocked

    def _tokens_between(self, start_char: int, end_char: int) -> range:
        span = self.doc.char_span(start_char, end_char, alignment_mode="expand")
        return range(span.start, span.end) if span is not None else range(0)

    def _select(self, raw: list[tuple[str, int, int]], blocked: set[int]) -> list[_Match]:
        """Longest matches win; titles may sit on blocked tokens ("the DPM"), other names may not."""
        cands = []
        for key, s, e in raw:
            kind, _, value = key.partition("|")
            if kind == "N":
                continue
            if kind not in ("T", "A") and any(i in blocked for i in range(s, e)):
                continue
            cands.append(_Match(kind, value, s, e))
        cands.sort(key=lambda m: (-(m.end - m.start), PRIORITY.get(m.key, 9), m.start))
        used: set[int] = set()
        chosen = []
        for m in cands:
            if any(i in used for i in range(m.start, m.end)):
                continue
            used.update(range(m.start, m.end))
            chosen.append(m)
        return sorted(chosen, key=lambda m: m.start)

    # ------------------------------------------------------------------ shared helpers
    def _country_of(self, m: _Match) -> Country | None:
        return self.kb.countries.get(m.value) if m.key in COUNTRY_KEYS else None

    def _note_country(self, iso3: str | None, at: int) -> None:
        if iso3:
            self.country_refs[iso3] += 1
            self.first_ref.setdefault(iso3, at)

    def _free(self, start: int, end: int) -> bool:
        return not any(i in self.taken for i in range(start, end))

    def _add(self, start: int, end: int, actors: list[Actor], via: str) -> None:
        self.taken.update(range(start, end))
        self.mentions.append(_Mention(start, end, actors, via))

    def _country_actor(self, c: Country) -> Actor:
        # Event-data convention: a country acting is its government. One object per country per article.
        actor = self.country_actors.get(c.iso3)
        if actor is None:
            actor = Actor(id=f"country:{c.iso3}", name=c.name, kind="country", country=c.iso3, sector="GOV",
                          source="countries.tsv")
            self.country_actors[c.iso3] = actor
        return actor

    def _left_country(self, i: int) -> tuple[int, str | None]:
        """A country modifier ending just before token ``i``: "Russia's", "Russian", "Pakistan"."""
        doc = self.doc
        j = i - 1
        if j >= 1 and doc[j].text in POSSESSIVES:
            m = self.by_end.get(j - 1)
            if m and m.key in ("C", "K", "I") and self._free(m.start, m.end):
                return m.start, m.value
            return i, None
        m = self.by_end.get(j)
        if m and m.key in ("C", "D") and self._free(m.start, m.end):
            return m.start, m.value
        if m and m.key == "K" and self._free(m.start, m.end) and m.start > 0 and self.doc[m.start - 1].lower_ == "the":
            return m.start, m.value                       # "the Khartoum government"
        if m and m.key == "O" and self._free(m.start, m.end):
            org = self.kb.organizations.entries[int(m.value)]
            if org.scope == "fixed":                      # "Kremlin spokesman Dmitry Peskov"
                return m.start, org.country
            if org.scope == "any":                        # "French National Assembly president Laurent Fabius"
                start, iso3 = self._left_country(m.start)
                if iso3:
                    return start, iso3
        return i, None

    def _left_titles(self, i: int) -> tuple[int, list[Title], str | None]:
        """Titles chained before token ``i`` ("Deputy Prime Minister and Foreign Minister") and the
        country before them; returns (start of the chain, titles, ISO3 or None)."""
        doc = self.doc
        titles: list[Title] = []
        j = i - 1
        start = i
        of_country = None
        # "Prime Minister of Pakistan Shehbaz Sharif": the country after the title.
        m = self.by_end.get(j)
        if m and m.key == "C" and m.start >= 2 and doc[m.start - 1].lower_ == "of" \
                and (t := self.by_end.get(m.start - 2)) and t.key == "T":
            of_country, j = m.value, m.start - 2
        while j >= 0:
            m = self.by_end.get(j)
            if m and m.key in ("T", "A"):
                t = self.kb.titles.lookup(doc[m.start:m.end].text)
                if t is None:
                    break
                titles.insert(0, t)
                start, j = m.start, m.start - 1
                continue
            before = self.by_end.get(j - 1)
            if titles and doc[j].lower_ in CONNECTORS and before is not None and before.key in ("T", "A"):
                j -= 1                                        # "Deputy Prime Minister and Foreign Minister"
                continue
            break
        if of_country and not titles:
            return i, [], None
        while start > 0 and doc[start - 1].lower_ in TITLE_PREFIXES:
            start -= 1
        new_start, country = self._left_country(start)
        return new_start, titles, country or of_country

    def _right_apposition(self, end: int) -> tuple[list[Title], str | None]:
        """ "Ishaq Dar, Pakistan's foreign minister," -> titles and country after the name."""
        doc = self.doc
        if end >= len(doc) or doc[end].text != ",":
            return [], None
        j = end + 1
        country = None
        if j + 1 < len(doc) and doc[j + 1].text in POSSESSIVES and (m := self.by_start.get(j)) and m.key == "C":
            country, j = m.value, m.end + 1
        elif (m := self.by_start.get(j)) and m.key in ("C", "D"):
            country, j = m.value, m.end
        elif j < len(doc) and doc[j].lower_ == "the":
            j += 1
        titles = []
        while j < len(doc) and (m := self.by_start.get(j)) and m.key in ("T",):
            t = self.kb.titles.lookup(doc[m.start:m.end].text)
            if t:
                titles.append(t)
            j = m.end
            if j < len(doc) and doc[j].lower_ in ("and", "&") and (n := self.by_start.get(j + 1)) and n.key == "T":
                j += 1
        if titles and country is None and j + 1 < len(doc) and doc[j].lower_ == "of" \
                and (m := self.by_start.get(j + 1)) and m.key == "C":
            country = m.value                                 # "..., president of Kyrgyzstan"
        if not titles and country is not None and self._describes_person(j):
            return [], country                                # "..., Algeria's leading human rights activist,"
        return titles, country if titles else None

    def _describes_person(self, j: int) -> bool:
        """Words from ``j`` up to a comma are a short noun phrase ending in a noun ("leading human
        rights activist")."""
        doc = self.doc
        k = j
        while k < len(doc) and k - j < 6 and doc[k].is_lower and (
                doc[k].pos_ in ("ADJ", "NOUN") or doc[k].tag_ in ("VBG", "VBN")):
            k += 1
        return k > j and doc[k - 1].pos_ == "NOUN" and k < len(doc) and doc[k].text in (",", ".", ";")

    # ------------------------------------------------------------------ people
    def _find_persons(self, blocked: set[int]) -> list[_Person]:
        doc = self.doc
        author = (self.article.author or "").strip()
        spans: list[tuple[int, int]] = []
        for m in self.matches:
            if m.key == "P" and self._known_person(m):
                spans.append((m.start, m.end))
        for ent in self.person_ents:
            s, e = ent.start, ent.end
            while s < e and (s in blocked or (self.by_start.get(s) and self.by_start[s].key in ("T", "A"))):
                s = self.by_start[s].end if s in self.by_start else s + 1
            while e > s and (doc[e - 1].text in POSSESSIVES or doc[e - 1].is_punct or doc[e - 1].is_space):
                e -= 1
            if s >= e or any(i in blocked for i in range(s, e)):
                continue
            s, e = self._script_run(s, e, blocked)
            if author and doc[s:e].text == author:
                continue
            if not self._plausible_person(s, e):
                continue
            if any((m := self._match_at(i)) and m.key in ("C", "D", "K", "I", "O") for i in range(s, e)):
                continue
            spans.append((s, e))
        # A title directly before a run of capitalised words the NER missed: still a name.
        for m in self.matches:
            if m.key != "T":
                continue
            e, words = m.end, 0
            while e < len(doc) and self._name_word(e, blocked):
                words += 1
                e += 1
                # "Kassym-Jomart": a hyphen written tight between two name words
                if e + 1 < len(doc) and doc[e].text in HYPHENS and not doc[e - 1].whitespace_ \
                        and not doc[e].whitespace_ and self._name_word(e + 1, blocked):
                    e += 1
            if words >= 2 or (words == 1 and _uncased_word(doc[m.end].text)):   # "Foreign Minister 王毅"
                spans.append((m.end, e))
        spans = _longest_first(spans)
        persons = []
        for s, e in spans:
            start, titles, country = self._left_titles(s)
            if not titles and country is None:
                start = s
            after_titles, after_country = self._right_apposition(e)
            persons.append(_Person(start=start, end=e, name_start=s, name=_clean_name(doc[s:e]),
                                   titles=titles + after_titles, country=country or after_country,
                                   from_country=self._from_country(s)))
        return persons

    def _plausible_person(self, s: int, e: int) -> bool:
        """The small NER model tags rivers, pipelines and acronyms as people; a title in front
        settles it, otherwise reject what a person's name never looks like."""
        doc = self.doc
        titled = s > 0 and (m := self.by_end.get(s - 1)) is not None and m.key in ("T", "A")
        if titled:
            return True
        if s > 0 and doc[s - 1].lower_ in ("the", "a", "an"):
            return False                                  # "the Rhine", "the Keystone XL Pipeline"
        if doc[e - 1].text in self.kb.non_actors.name_heads:
            return False
        if e - s == 1 and doc[s].is_upper and len(doc[s]) > 1:
            return False                                  # "BRI": an acronym, not a name
        if any(t.like_num for t in doc[s:e]) and doc[e - 1].text not in REGNAL:
            return False                                  # "Friendship 2016": an exercise
        j = s - 1
        if j >= 0 and doc[j].text == ",":
            j -= 1
        if j >= 0 and doc[j].lower_ in self.kb.non_actors.thing_nouns:
            return False                                  # "the tanker Pure Point"
        return True

    def _name_word(self, i: int, blocked: set[int]) -> bool:
        tok = self.doc[i]
        if i in self.at_token or i in blocked:
            return False
        # Scripts without capitals (Arabic, Hebrew, Han, Devanagari ...) have no is_title, and the
        # English tagger often calls such words nouns: any word of one of them is read as a name word.
        return (tok.tag_ == "NNP" and tok.is_alpha and tok.is_title) or _uncased_word(tok.text)

    def _script_run(self, s: int, e: int, blocked: set[int]) -> tuple[int, int]:
        """A PERSON entity in a non-Latin script grows over the adjacent words of that script, which
        the English model often leaves out ("بدر عبد" of "بدر عبد العاطي")."""
        doc = self.doc
        script = _script(doc[e - 1].text)
        if script is None or script == "LATIN" or _script(doc[s].text) != script:
            return s, e

        def same(i: int) -> bool:
            return 0 <= i < len(doc) and i not in blocked and i not in self.at_token and _script(doc[i].text) == script
        while same(e):
            e += 1
        while same(s - 1):
            s -= 1
        return s, e

    def _known_person(self, m: _Match) -> bool:
        entry = self.kb.actors.lookup(m.value)
        return entry is None or entry.kind == "person"

    def _known_bodies(self) -> None:
        """Groups and organisations from actors.tsv ("TTP"), as the table describes them."""
        for m in self.matches:
            if m.key == "P" and not self._known_person(m) and self._free(m.start, m.end):
                entry = self.kb.actors.lookup(m.value)
                start = m.start - 1 if self._definite(m.start) else m.start
                actor = self.kb.actors.actor(entry, self.day)
                self._note_country(actor.country, start)
                self._add(start, m.end, [actor], "user")

    def _match_at(self, i: int) -> _Match | None:
        return self.at_token.get(i)

    def _from_country(self, i: int) -> str | None:
        """ "visits from Russia, including Prime Minister Mikhail Mishustin": the country before."""
        sent = self.doc[i].sent
        found = None
        for tok in sent:
            if tok.i >= i:
                break
            if tok.lower_ == "from" and (m := self.by_start.get(tok.i + 1)) and m.key in ("C", "D"):
                found = m.value
        return found

    def _resolve_persons(self, persons: list[_Person]) -> None:
        known = self.kb.actors
        clusters: dict[str, list[_Person]] = {}
        by_surname: dict[str, set[str]] = {}
        entries: dict[str, KnownActor] = {}
        for p in persons:                                    # full names first
            words = p.name.split()
            if len(words) < 2 and not known.lookup(p.name):
                continue
            if words[-1] in REGNAL and len(words) > 1:
                words = words[:-1]                             # "Abdullah II": no surname "II"
            # the article's own country for this name decides among dictionary candidates
            entry = known.lookup_on(p.name, self.day, country=p.country)
            key = entry.id if entry else f"person:{slugify(p.name)}"
            if entry:
                entries[key] = entry
            p.cluster = key
            clusters.setdefault(key, []).append(p)
            by_surname.setdefault(words[-1], set()).add(key)
        for p in persons:                                    # then single names: surnames
            if p.cluster:
                continue
            keys = by_surname.get(p.name, set())
            if len(keys) == 1:
                key = next(iter(keys))
            elif not keys and (entry := known.by_surname(p.name, self.day)):
                key = entry.id                                 # "Putin" alone: the one known Putin
                entries[key] = entry
            else:
                key = f"person:{slugify(p.name)}"
            p.cluster = key
            clusters.setdefault(key, []).append(p)
        self.person_actors: dict[str, Actor] = {}
        self.person_order: list[tuple[int, Actor]] = []
        self.surnames: dict[str, Actor] = {}
        for key, members in clusters.items():
            actor = self._person_actor(key, members, entries.get(key))
            self.person_actors[key] = actor
            for p in sorted(members, key=lambda p: p.start):
                if not self._free(p.start, p.end):
                    continue
                via = "title" if p.titles else ("coref" if len(p.name.split()) == 1 and
                                                 len(actor.name.split()) > 1 else "name")
                self._add(p.start, p.end, [actor], via)
                self.person_order.append((p.start, actor))
                if p.country:
                    self._note_country(p.country, p.start)
            if len(actor.name.split()) > 1 and actor.name.split()[-1] not in REGNAL:
                self.surnames.setdefault(actor.name.split()[-1], actor)

    def _person_actor(self, key: str, members: list[_Person], entry: KnownActor | None) -> Actor:
        members = sorted(members, key=lambda p: p.start)
        name = entry.name if entry else max((p.name for p in members), key=lambda n: (len(n.split()), len(n)))
        if entry and entry.dictionary:       # dictionary names are upper case: show the article's spelling
            name = next((p.name for p in members if p.name.casefold() == entry.name.casefold()), name)
        titles = [t for p in members for t in p.titles]
        country = next((p.country for p in members if p.country), None)
        if country is None and entry and entry.country:
            country = entry.country
        if country is None and all(" " not in p.name for p in members):
            # "President Bush": known people of one country share the surname (never for a person
            # the article named in full: "Gen. Syed Asim Munir ... Munir" is not another Munir)
            country = next((c for p in members if " " not in p.name
                            and (c := self.kb.actors.surname_country(p.name))), None)
        if country is None:
            country = next((p.from_country for p in members if p.from_country), None)
        if country is None:
            country = next((t.country for t in titles if t.country), None)
        if country is None and entry is None and titles:
            # "President Jovenel Moise", in no table, in a story about Haiti: an office holder the
            # article names with a title is most likely its country's (never an untitled person:
            # analysts and foreign visitors are named without one)
            country = self._dominant_country
        roles = list(dict.fromkeys(t.role for t in titles))
        if entry:
            roles += [r for r in self.kb.actors.roles_on(entry.name, self.day) if r not in roles]
        roles.sort(key=self.r.role_rank)
        # A title in the article beats a dictionary row's sector; a dictionary sector holds only in its term.
        sector = entry.sector_on(self.day) if entry and not (entry.dictionary and titles) else None
        if sector is None and roles:
            top = self.kb.titles.by_role(roles[0])
            sector = top.sector if top else None
        return Actor(id=key, name=name, kind="person", country=country, sector=sector, roles=roles,
                     source=shown_source(entry.source) if entry else "text")

    def _surname_mentions(self, blocked: set[int]) -> None:
        """A later bare surname the NER did not tag: "Ryabkov is visiting Islamabad"."""
        if not self.surnames:
            return
        for i in token_positions(self.doc, frozenset(self.surnames), lower=False):
            tok = self.doc[i]
            actor = self.surnames[tok.text]
            if tok.i not in self.taken and tok.i not in blocked and tok.pos_ == "PROPN" \
                    and self._match_at(tok.i) is None:
                self._add(tok.i, tok.i + 1, [actor], "coref")
                self.person_order.append((tok.i, actor))

    # ------------------------------------------------------------------ organisations
    def _organizations(self) -> None:
        doc = self.doc
        entries = self.kb.organizations.entries
        for m in self.matches:
            if m.key != "O" or not self._free(m.start, m.end):
                continue
            org: Organization = entries[int(m.value)]
            start, end, via = m.start, m.end, "name"
            head = doc[m.end - 1]
            if org.scope == "international":
                actor = self.kb.organizations.actor(org, None)
            elif org.scope == "fixed":
                actor = self.kb.organizations.actor(org, None)
            else:
                start, iso3 = self._left_country(m.start)
                if iso3 is None and (iso3 := self._right_of_country(m.end)):
                    end = m.end + 2                          # "the Government of India"
                if iso3 is None:
                    if head.dep_ in MODIFIER_DEPS and head.head.i >= m.end:
                        continue                             # "military cooperation": a modifier
                    if not self._definite(m.start) or not (doc[m.start].is_title or head.dep_ in ARGUMENT_DEPS):
                        continue
                    if org.holder and (iso3 := self._holder_country(org.holder, m.start)):
                        via = "coref"                        # "the Prime Minister's Office": of the PM just named
                    else:
                        iso3 = self.home or self._sole_country(m.start)
                        via = "dateline" if self.home else "name"
                if iso3 is None:
                    continue
                c = self.kb.countries.get(iso3)
                actor = self.kb.organizations.actor(org, iso3, c.name if c else None)
            if self._definite(start):
                start -= 1
            if self._free(start, end):
                self._note_country(actor.country, start)
                self._add(start, end, [actor], via)

    def _holder_country(self, role: str, at: int) -> str | None:
        """The country of the last person before ``at`` who holds ``role``."""
        before = [(i, a) for i, a in self.person_order if i < at and a.country and role in a.roles]
        return max(before, key=lambda x: x[0])[1].country if before else None

    def _definite(self, i: int) -> bool:
        return i > 0 and self.doc[i - 1].lower_ == "the"

    def _right_of_country(self, end: int) -> str | None:
        """ "Ministry of Foreign Affairs of Russia" -> RUS."""
        doc = self.doc
        if end + 1 < len(doc) and doc[end].lower_ == "of" and (m := self.by_start.get(end + 1)) and m.key == "C":
            return m.value
        return None

    def _sole_country(self, i: int) -> str | None:
        """With no dateline: the country of "the police" is the one country its sentence names (by
        name, demonym or capital). (Falling back on the story's main country added more false
        events than it fixed on VOA dev, cross-validated: 45 -> 48 counted at 0.5 for no match more.)"""
        sent = self.doc[i].sent
        named = {m.value for m in self.matches if m.key in ("C", "D", "K") and sent.start <= m.start < sent.end}
        return named.pop() if len(named) == 1 else None

    @functools.cached_property
    def _dominant_country(self) -> str | None:
        """The country a story without a dateline is about: named (by name, demonym or capital) at
        least three times and at least twice as often as any other. None when no country stands out."""
        top = Counter(m.value for m in self.matches if m.key in ("C", "D", "K")).most_common(2)
        if not top or top[0][1] < 3 or (len(top) > 1 and top[0][1] < 2 * top[1][1]):
            return None
        return top[0][0]

    # ------------------------------------------------------------------ "the DPM", "the minister"
    def _title_coreference(self) -> None:
        doc = self.doc
        for m in self.matches:
            if m.key not in ("T", "A") or not self._free(m.start, m.end):
                continue
            title = self.kb.titles.lookup(doc[m.start:m.end].text)
            if title is None:
                continue
            if m.end < len(doc) and doc[m.end].is_title and doc[m.end].pos_ == "PROPN" and m.end not in self.taken:
                continue                                      # a name we could not read follows
            start, country = self._left_country(m.start)
            end = m.end
            if country is None and (country := self._right_of_country(m.end)):
                end = m.end + 2                                # "the foreign minister of Russia"
            if country:
                actor = self._role_holder(title, country, m.start)
                if actor and self._free(start, end):
                    self._note_country(country, start)
                    if self._definite(start):
                        start -= 1
                    self._add(start, end, [actor], "title")
                continue
            if not self._definite(m.start):
                continue
            actor = self._person_with_role(title, m.start)
            if actor:
                self._add(m.start - 1, m.end, [actor], "coref")
                self.person_order.append((m.start - 1, actor))

    def _person_with_role(self, title: Title, at: int) -> Actor | None:
        def holds(a: Actor) -> bool:
            if title.role.lower() in ("minister", "federal minister"):
                return any("minister" in r.lower() for r in a.roles)
            return title.role in a.roles
        # Only people already met: "the minister" looks back, never ahead.
        before = [(i, a) for i, a in self.person_order if i < at and holds(a)]
        return max(before, key=lambda x: x[0])[1] if before else None

    def _role_holder(self, title: Title, iso3: str, at: int) -> Actor:
        """ "Russia's foreign minister" without a name: the person in the article or the known
        office holder on the publication day, else the office itself."""
        for i, a in sorted(self.person_order, key=lambda x: -x[0]):
            if a.country == iso3 and title.role in a.roles:
                return a
        entry = self.kb.actors.holder(title.role, iso3, self.day)
        if entry:
            return self.kb.actors.actor(entry, self.day)
        c = self.kb.countries.get(iso3)
        return Actor(id=f"role:{iso3}:{slugify(title.role)}", name=f"{title.role} ({c.name if c else iso3})",
                     kind="person", country=iso3, sector=title.sector, roles=[title.role], source="titles.tsv")

    # ------------------------------------------------------------------ countries
    def _countries(self) -> None:
        skip_next = -1
        for idx, m in enumerate(self.matches):
            if m.key not in COUNTRY_KEYS or m.start <= skip_next or not self._free(m.start, m.end):
                continue
            c = self._country_of(m)
            if c is None:
                continue
            pair = self._hyphen_pair(m)
            if pair is not None:
                other, end = pair
                self._note_country(c.iso3, m.start)
                self._note_country(other.iso3, m.start)
                self._add(m.start, end, [self._country_actor(c), self._country_actor(other)],
                          "capital" if m.key == "K" else "name")
                skip_next = end - 1
                continue
            if m.key == "C":
                if self._opens_thing_name(m):
                    continue
                self._country_or_sector(m, c, "name", demonym=False)
            elif m.key == "D":
                self._country_or_sector(m, c, "demonym", demonym=True)
            elif m.key == "K":
                if self._capital_as_government(m):
                    self._note_country(c.iso3, m.start)
                    self._add(m.start, m.end, [self._country_actor(c)], "capital")
            elif m.key == "I":
                if self._reads_as_code(m):
                    self._note_country(c.iso3, m.start)
                    self._add(m.start, m.end, [self._country_actor(c)], "iso3")

    def _unnamed(self) -> None:
        """Sector nouns standing alone: "police arrested ...", "gunmen stormed ..." (extractors.agents)."""
        from dateline.extractors.agents import unnamed_actors
        from dateline.knowledge.gazetteer import load_gazetteer

        gazetteer = load_gazetteer(tuple(self.kb.extra_paths))

        def country_at(i: int) -> str | None:
            m = self.at_token.get(i)
            return m.value if m is not None and m.key in COUNTRY_KEYS else None

        def place_country(name: str) -> str | None:
            entries = gazetteer.entries(name)
            return entries[0].country if entries else None

        def country_name(iso3: str) -> str:
            c = self.kb.countries.get(iso3)
            return c.name if c else iso3

        for start, end, actor in unnamed_actors(self.doc, self._free, self.kb.sectors, self.home, country_at,
                                                self._sole_country, place_country, country_name):
            self._add(start, end, [actor], "agent")

    def _hyphen_pair(self, m: _Match) -> tuple[Country, int] | None:
        """ "Pakistan-Russia" (written without spaces): both countries."""
        doc = self.doc
        h = m.end
        if h + 1 >= len(doc) or doc[h].text not in HYPHENS or doc[h - 1].whitespace_ or doc[h].whitespace_:
            return None
        n = self.by_start.get(h + 1)
        if n is None or n.key not in ("C", "K") or n.key != m.key or not self._free(n.start, n.end):
            return None
        other = self._country_of(n)
        return (other, n.end) if other else None

    def _opens_thing_name(self, m: _Match) -> bool:
        """ "Pakistan Stream Gas Pipeline": a country opening the name of a project or event."""
        doc = self.doc
        e = m.end
        while e < len(doc) and doc[e].is_title and doc[e].pos_ == "PROPN":
            e += 1
        return e > m.end and doc[e - 1].text in self.kb.non_actors.name_heads

    def _country_or_sector(self, m: _Match, c: Country, via: str, demonym: bool) -> None:
        """A country reference, or its sector group when it names one: "Russian officials" (GOV,
        the country itself), "Pakistani troops" (MIL), "Afghan rebel leaders" (REB),
        "Israel's high court" (JUD). "U.S. and Russian negotiators" gives both countries."""
        doc = self.doc
        tok = doc[m.end - 1]
        head = self._modified_noun(tok)
        if demonym and head is None and tok.pos_ != "ADJ" and tok.tag_ not in ("NNS", "NNPS") and m.start > 0 \
                and doc[m.start - 1].pos_ == "ADP":
            return                                            # "in Russian": the language
        sector, noun = None, ""
        if head is not None:
            for t in doc[m.end:head.i + 1]:
                if t.pos_ != "NOUN":
                    continue                                  # "Libyan National Army": a name, not "nationals"
                found = self.kb.sectors.for_noun(t.lower_) or self.kb.sectors.for_noun(t.lemma_)
                if found:
                    sector, noun = found, t.lower_
                    break
        if sector is not None:
            partners = self._coordinated_countries(m, head.i)
            # "Russia's delegation" stays "Russia": the possessor is the actor, the noun adds nothing.
            possessive = tok.dep_ == "poss" and sector == "GOV"
            if partners and not possessive and self._free(m.start, head.i + 1):
                # "Senior Hungarian and Romanian officials": one group, both countries
                actors: list[Actor] = []
                for part in [c] + partners:
                    self._note_country(part.iso3, m.start)
                    a = self._sector_actor(part, sector, noun)
                    if all(a is not b for b in actors):
                        actors.append(a)
                self._add(m.start, head.i + 1, actors, via)
                return
            end = m.end if partners or possessive else head.i + 1
            if self._free(m.start, end):
                self._note_country(c.iso3, m.start)
                self._add(m.start, end, [self._sector_actor(c, sector, noun)], via)
                return
        self._note_country(c.iso3, m.start)
        self._add(m.start, m.end, [self._country_actor(c)], via)

    def _coordinated_countries(self, m: _Match, head: int) -> list[Country]:
        """Other country words between a country word and the noun they share, joined by "and" or
        commas: "U.S. and Russian negotiators", "French, British and Italian troops"."""
        out: list[Country] = []
        i = m.end
        while i < head:
            tok = self.doc[i]
            n = self.by_start.get(i)
            if n is not None and n.key in COUNTRY_KEYS:
                c = self._country_of(n)
                if c is None or not self._free(n.start, n.end):
                    return []
                if all(c is not o for o in out):
                    out.append(c)
                i = n.end
            elif tok.lower_ in CONNECTORS or tok.lower_ in ("or", "both"):
                i += 1
            else:
                break
        return out

    def _modified_noun(self, tok) -> object | None:
        """The noun a country word modifies, through coordination ("U.S. and Russian negotiators")
        and possession ("Israel's high court")."""
        first = tok
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        if first.dep_ in MODIFIER_DEPS | {"poss"} and first.head.i > tok.i and first.head.i - tok.i <= 5 \
                and first.head.pos_ in ("NOUN", "PROPN"):
            return first.head
        return None

    def _sector_actor(self, c: Country, sector: str, noun: str) -> Actor:
        if sector == "GOV":
            return self._country_actor(c)
        if sector == "MIL":
            org = self.kb.organizations.lookup(noun)
            if org is not None and org.kind == "military":
                return self.kb.organizations.actor(org, c.iso3, c.name)
            org = self.kb.organizations.lookup("military")
            if org is not None:
                return self.kb.organizations.actor(org, c.iso3, c.name)
        label = self.kb.sectors.label(sector)
        return Actor(id=f"group:{c.iso3}:{sector}", name=f"{label} ({c.name})", kind="group",
                     country=c.iso3, sector=sector, source="sectors.tsv")

    def _capital_as_government(self, m: _Match) -> bool:
        """ "Moscow said", "Islamabad rejected", "Moscow's stance"; not "in Islamabad"."""
        doc = self.doc
        tok = doc[m.end - 1]
        if tok.i in self.person_tokens or (m.start > 0 and doc[m.start - 1].pos_ == "ADP"):
            return False
        if tok.dep_ in SUBJECT_DEPS and tok.head.pos_ in ("VERB", "AUX"):
            return True
        if tok.dep_ == "poss":
            return True
        if tok.dep_ == "conj" and tok.head.dep_ in SUBJECT_DEPS:
            return True
        return False

    def _reads_as_code(self, m: _Match) -> bool:
        """ "RUS" as a code, unless the sentence is all capitals (a shouted headline)."""
        sent = self.doc[m.start].sent
        words = [t for t in sent if t.is_alpha]
        return len(words) > 1 and not all(t.is_upper for t in words)

    # ------------------------------------------------------------------ pronouns
    def _pronouns(self) -> None:
        """Subject and object pronouns: "he"/"she"/"him"/"her" is the last person named in its sentence
        or the two before, "it" the last country or body, "they"/"them" the last group (a pronoun
        resolved before counts as a mention of its antecedent); a subject antecedent is preferred
        ("Katsav refused to meet King Abdullah, saying he would ..." -> Katsav)."""
        doc = self.doc
        ordered = sorted(self.mentions, key=lambda m: m.start)
        if not ordered:
            return
        found: list[_Mention] = []
        for i in token_positions(doc, _PRONOUNS | OBJECT_PRONOUNS.keys()):
            tok = doc[i]
            low = OBJECT_PRONOUNS.get(tok.lower_, tok.lower_)
            if tok.i in self.taken:
                continue
            if tok.lower_ in OBJECT_PRONOUNS:
                if tok.dep_ not in OBJECT_DEPS:       # "her" as a possessive ("her book") is not read
                    continue
            elif tok.dep_ not in SUBJECT_DEPS:
                continue
            if low == "it" and (tok.head.lemma_ in IMPERSONAL_VERBS or (
                    tok.dep_ == "nsubjpass" and any(c.dep_ in ("xcomp", "ccomp") for c in tok.head.children))):
                continue                                      # "it is expected", "it was agreed to ..."
            sent = tok.sent
            window_start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
            if low in PERSON_PRONOUNS and window_start > 0:   # a person is named further back (a quote between)
                window_start = doc[window_start - 1].sent.start
            # a pronoun resolved earlier stands for its person too ("Dar said he ... He added ...")
            pool = sorted([*ordered, *found], key=lambda m: m.start)
            cands = [m for m in pool if window_start <= m.start and m.end <= tok.i and self._fits(m, low)]
            if tok.lower_ in OBJECT_PRONOUNS:
                # "he would welcome him": an object is not its own clause's subject; the nearest other
                subject = {a.id for m in pool if any(c.dep_ in SUBJECT_DEPS and m.start <= c.i < m.end
                                                      for c in tok.head.children) for a in m.actors}
                cands = [m for m in cands if not {a.id for a in m.actors} & subject]
                best = cands[-1] if cands else None
            elif cands:
                subjects = [m for m in cands if self._is_subject(m)]
                best = (subjects or cands)[-1]
            if not cands:
                continue
            actors = list(best.actors)
            if low == "they" and len(actors) == 1:
                actors += [a for m in self._conjoined(best, cands) for a in m.actors if all(a is not b for b in actors)]
            found.append(_Mention(tok.i, tok.i + 1, actors, "coref"))
        for m in found:
            self._add(m.start, m.end, m.actors, m.via)

    def _fits(self, m: _Mention, pronoun: str) -> bool:
        if len(m.actors) != 1:
            return pronoun == "they"
        a = m.actors[0]
        if pronoun in PERSON_PRONOUNS:
            return a.kind == "person"
        if pronoun == "it":
            return a.kind not in GROUP_KINDS and a.kind != "person"
        head = _span_head(self.doc, m.start, m.end)
        return a.kind in GROUP_KINDS or (a.kind != "person" and head.tag_ in ("NNS", "NNPS")) \
            or any(c.i in self.taken for c in head.conjuncts)          # "Pakistan and Russia ... they"

    def _is_subject(self, m: _Mention) -> bool:
        head = _span_head(self.doc, m.start, m.end)
        return head.dep_ in SUBJECT_DEPS or (head.dep_ == "conj" and head.head.dep_ in SUBJECT_DEPS)

    def _conjoined(self, m: _Mention, cands: list[_Mention]) -> list[_Mention]:
        """Mentions coordinated with ``m`` ("Pakistan and Russia ... they")."""
        head = _span_head(self.doc, m.start, m.end)
        linked = {c.i for c in head.conjuncts}
        return [c for c in cands if c is not m and _span_head(self.doc, c.start, c.end).i in linked]

    # ------------------------------------------------------------------ "the two countries"
    def _pairs(self) -> None:
        """The two countries the article refers to most: named, as modifiers, or as the country of
        the people and bodies it mentions (ties go to the one named first). A code the countries
        table does not declare (a stray code in some actor's data) names no country: it is skipped."""
        counts = Counter(self.country_refs)
        first = dict(self.first_ref)
        for m in self.mentions:
            for a in m.actors:
                if a.country and a.kind != "country":
                    counts[a.country] += 1
                    first[a.country] = min(first.get(a.country, m.start), m.start)
        for code in [c for c in counts if self.kb.countries.get(c) is None]:
            del counts[code]
        if len(counts) < 2:
            return
        top = sorted(counts, key=lambda c: (-counts[c], first[c]))[:2]
        top.sort(key=lambda c: first[c])                    # in the order the article introduced them
        actors = [self._country_actor(self.kb.countries.by_iso3(c)) for c in top]
        for _, s, e in self.r.matchers(self.doc).pairs(self.doc):
            if self._free(s, e):
                self._add(s, e, list(actors), "coref")


def _span_head(doc: Doc, start: int, end: int):
    """The token of a span whose head lies outside it (the phrase's syntactic head)."""
    for t in doc[start:end]:
        if t.head.i < start or t.head.i >= end or t.head.i == t.i:
            return t
    return doc[end - 1]


def _longest_first(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    used: set[int] = set()
    out = []
    for s, e in sorted(set(spans), key=lambda x: (-(x[1] - x[0]), x[0])):
        if any(i in used for i in range(s, e)):
            continue
        used.update(range(s, e))
        out.append((s, e))
    return sorted(out)


_SCRIPT_GROUPS = {"HIRAGANA": "CJK", "KATAKANA": "CJK"}


def _script(text: str) -> str | None:
    """The one script of a word's letters ("LATIN", "CYRILLIC", "ARABIC", "CJK", ...), from the
    Unicode character names; None for a word with anything but letters and marks, or mixed scripts."""
    scripts = set()
    for ch in text:
        cat = unicodedata.category(ch)
        if cat[0] == "M":
            continue
        if cat[0] != "L":
            return None
        first = unicodedata.name(ch, "?").split()[0]
        scripts.add(_SCRIPT_GROUPS.get(first, first))
    return scripts.pop() if len(scripts) == 1 else None


def _uncased_word(text: str) -> bool:
    """A word of a non-Latin script that has no capitals: Arabic, Hebrew, Han, Devanagari ..."""
    script = _script(text)
    return script is not None and script != "LATIN" and not any(c.isupper() or c.islower() for c in text)


def _clean_name(span: Span) -> str:
    return " ".join(t.text for t in span if not t.is_space).replace(" - ", "-").strip()
