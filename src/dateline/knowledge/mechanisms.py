"""Standing bilateral mechanisms and their numbered sessions, recognised in a sentence.

"the 15th round of the Pakistan-Russia Consultative Group on Strategic Stability" ->
Consultative Group on Strategic Stability, round 15. The names (mechanisms.tsv), the ways a session
is printed (mechanism_patterns.tsv), the words for a sitting (mechanism_units.tsv) and the ordinal
words (ordinal_words.tsv) are knowledge tables: built-in rows first, then the user's files of the
same name in DATELINE_KNOWLEDGE directories. The relationship file reads stored evidence sentences
with this at read time, so a new mechanism row applies to articles already in the store.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from dateline.knowledge.loader import KnowledgeFileError, read_table, where
from dateline.knowledge.numbers import number_words

KINDS = ("commission", "working_group", "dialogue", "consultations", "consultative_group", "committee", "forum")

# What may stand before a mechanism's name: an article or possessive, then a hyphenated pair of
# capitalised names ("Pakistan-Russia", "Russian–Pakistani") or "bilateral". Case matters here.
_OWNER = (r"(?:(?:the|their|its|a|an|this\s+year's|last\s+year's|next)\s+)?"
          r"(?-i:(?:[A-Z][\w’'.]*(?:\s*[-–—‑]\s*[A-Z][\w’'.]*)+\s+|bilateral\s+)?)")
# A short subject after "on": up to four words, ending before punctuation or a clause word.
_TOPIC = (r"[A-Za-z][\w’'-]*(?:\s+(?:and\s+|&\s+)?[A-Za-z][\w’'-]*){0,3}?"
          r"(?=\s*[,.;:()]|\s*$|\s+(?:in|at|held|was|were|is|are|on|took|which|that|met|meets|ended|"
          r"concluded|began|opened|from|last|this|next|will|would|has|have|had|with|co-chaired|chaired)\b)")
_SUFFIXED = r"\d{1,3}(?:st|nd|rd|th)"


@dataclass(frozen=True, slots=True)
class Mechanism:
    name: str          # "Consultative Group on Strategic Stability"; may hold "{topic}"
    kind: str
    pattern: str
    source: str        # file:line of its row


@dataclass(frozen=True, slots=True)
class SessionMention:
    """One printed session of a mechanism in a sentence (offsets into the sentence)."""

    mechanism: str     # the register name, topic filled in
    kind: str
    ordinal: int | None
    unit: str | None   # session | round | meeting (None when the text gives no unit)
    start: int
    end: int
    text: str


class MechanismTable:
    """Compiled session patterns; ``find(sentence)`` lists the sessions a sentence names."""

    def __init__(self, mechanisms: list[Mechanism], patterns: list[str], units: dict[str, str],
                 ordinals: dict[str, int], tens: dict[str, int], numbers: dict[str, int]) -> None:
        self.mechanisms = sorted(mechanisms, key=lambda m: -len(m.pattern))
        self.units, self.ordinals, self.tens, self.numbers = units, ordinals, tens, numbers
        alternatives = []
        for i, m in enumerate(self.mechanisms):
            pieces = m.pattern.split("{topic}")   # each "{topic}" its own group: t<i>_<k>
            body = pieces[0] + "".join(f"(?P<t{i}_{k}>{_TOPIC})" + rest for k, rest in enumerate(pieces[1:]))
            alternatives.append(f"(?P<m{i}>(?<![\\w-])(?:{body})(?![\\w-]))")
        mechanism = "(?:" + "|".join(alternatives) + ")"
        words = sorted(ordinals, key=len, reverse=True)
        tens_words = "|".join(sorted(tens, key=len, reverse=True))
        ordinal = (rf"(?P<ordinal>{_SUFFIXED}|(?:{tens_words})[-‑ ](?:{'|'.join(words)})|"
                   rf"{'|'.join(words)})") if words else rf"(?P<ordinal>{_SUFFIXED})"
        number = rf"(?P<number>\d{{1,3}}|{'|'.join(sorted(numbers, key=len, reverse=True))})(?![\w-])"
        unit = rf"(?P<unit>{'|'.join(sorted(units, key=len, reverse=True))})(?![\w-])"
        self.patterns: list[re.Pattern[str]] = []
        for text in patterns:
            expanded = (text.replace("{ordinal}", rf"(?<![\w-]){ordinal}").replace("{number}", number)
                        .replace("{unit}", unit).replace("{owner}", _OWNER).replace("{mechanism}", mechanism))
            try:
                self.patterns.append(re.compile(expanded, re.IGNORECASE))
            except re.error as exc:
                raise KnowledgeFileError(f"mechanism_patterns.tsv: pattern {text!r} is not a regular "
                                         f"expression once expanded ({exc})") from None
        self._gate = re.compile("|".join(f"(?:{m.pattern.replace('{topic}', _TOPIC)})" for m in self.mechanisms),
                                re.IGNORECASE) if self.mechanisms else None

    def find(self, sentence: str) -> list[SessionMention]:
        if self._gate is None or not self._gate.search(sentence):
            return []
        found: list[SessionMention] = []
        taken: list[tuple[int, int]] = []
        for pattern in self.patterns:
            for m in pattern.finditer(sentence):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                mention = self._mention(m)
                if mention is not None:
                    found.append(mention)
                    taken.append(m.span())
        return sorted(found, key=lambda s: s.start)

    def _mention(self, m: re.Match[str]) -> SessionMention | None:
        groups = m.groupdict()
        index = next((int(k[1:]) for k, v in groups.items() if k.startswith("m") and k[1:].isdigit() and v), None)
        if index is None:
            return None
        mech = self.mechanisms[index]
        name = mech.name
        if "{topic}" in name:
            topic = next((v for k, v in groups.items() if k.startswith(f"t{index}_") and v), "").strip()
            if not topic:
                return None
            name = name.replace("{topic}", _title(topic))
        ordinal = None
        if groups.get("ordinal"):
            ordinal = self.ordinal(groups["ordinal"])
        elif groups.get("number"):
            ordinal = self._number(groups["number"])
        unit = self.units.get(groups["unit"].lower()) if groups.get("unit") else None
        return SessionMention(name, mech.kind, ordinal, unit, m.start(), m.end(), m.group(0))

    def ordinal(self, text: str) -> int | None:
        """'15th' -> 15, 'eighth' -> 8, 'twenty-first' -> 21; None when not an ordinal."""
        t = text.lower().strip()
        if re.fullmatch(_SUFFIXED, t):
            return int(t.rstrip("stndrh"))
        if t in self.ordinals:
            return self.ordinals[t]
        parts = re.split(r"[-‑ ]", t)
        if len(parts) == 2 and parts[0] in self.tens and parts[1] in self.ordinals and self.ordinals[parts[1]] < 10:
            return self.tens[parts[0]] + self.ordinals[parts[1]]
        return None

    def _number(self, text: str) -> int | None:
        t = text.lower()
        return int(t) if t.isdigit() else self.numbers.get(t)


def _title(topic: str) -> str:
    """'counter-terrorism' -> 'Counter-Terrorism'; words already capitalised are kept."""
    small = {"and", "of", "the", "on", "for", "in"}
    out = []
    for i, word in enumerate(topic.split()):
        if word.lower() in small and i:
            out.append(word.lower())
        elif word[:1].islower():
            out.append("-".join(p[:1].upper() + p[1:] for p in word.split("-")))
        else:
            out.append(word)
    return " ".join(out)


def load_mechanisms(extra: tuple[str, ...] = ()) -> MechanismTable:
    """The mechanism tables, built-in then the user's (``extra`` directories). Cached."""
    return _load(tuple(str(p) for p in extra))


@functools.lru_cache(maxsize=4)
def _load(extra: tuple[str, ...]) -> MechanismTable:
    mechanisms = []
    for row in read_table("mechanisms.tsv", extra):
        at = where(row, "mechanisms.tsv")
        if not row.get("name") or not row.get("pattern"):
            raise KnowledgeFileError(f"{at}: a mechanism row needs a name and a pattern")
        if row.get("kind") not in KINDS:
            raise KnowledgeFileError(f"{at}: kind {row.get('kind')!r} is not one of {', '.join(KINDS)}")
        if ("{topic}" in row["name"]) != ("{topic}" in row["pattern"]):
            raise KnowledgeFileError(f"{at}: '{{topic}}' must be in both the name and the pattern, or neither")
        try:
            re.compile(row["pattern"].replace("{topic}", "x"))
        except re.error as exc:
            raise KnowledgeFileError(f"{at}: pattern is not a regular expression ({exc})") from None
        mechanisms.append(Mechanism(row["name"], row["kind"], row["pattern"], at))
    patterns = []
    for row in read_table("mechanism_patterns.tsv", extra):
        text = row.get("pattern", "")
        if "{mechanism}" not in text:
            raise KnowledgeFileError(f"{where(row, 'mechanism_patterns.tsv')}: a pattern needs {{mechanism}}")
        patterns.append(text)
    units = {r["word"].lower(): r.get("unit") or r["word"].lower() for r in read_table("mechanism_units.tsv", extra)
             if r.get("word")}
    ordinals: dict[str, int] = {}
    for row in read_table("ordinal_words.tsv", extra):
        try:
            ordinals[row["word"].lower()] = int(row["value"])
        except (KeyError, ValueError):
            raise KnowledgeFileError(f"{where(row, 'ordinal_words.tsv')}: value must be a whole number") from None
    numbers = number_words(extra)
    cardinals = {w: int(v) for w, (v, kind) in numbers.table.items()
                 if kind == "number" and v == int(v) and 0 < v < 1000 and len(w) > 2}
    tens = {w: v for w, v in cardinals.items() if v % 10 == 0 and 20 <= v <= 90}
    return MechanismTable(mechanisms, patterns, units, ordinals, tens, cardinals)
