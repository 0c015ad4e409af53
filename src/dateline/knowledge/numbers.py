"""The one reader of written numbers ("eight", "twenty-five", "a dozen", "1,000", "1.5" + "bn").

Built from number_words.tsv plus the user's knowledge directories, so a spelling a user adds there
is read the same way by the fact, time and event extractors.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from dateline.knowledge.loader import KnowledgeFileError, read_table

KINDS = ("number", "multiplier")


@dataclass(frozen=True, slots=True, eq=False)
class NumberWords:
    """word -> (value, kind); kind is "number" (a count on its own) or "multiplier" ("million")."""

    table: dict[str, tuple[float, str]]

    def __contains__(self, word: str) -> bool:
        return word in self.table

    def words(self, kind: str) -> list[str]:
        return [w for w, (_, k) in self.table.items() if k == kind]

    def parse(self, text: str, multiplier: str | None = None) -> float | None:
        """'1,000' -> 1000; '1.5' + 'bn' -> 1.5e9; 'eight' -> 8; 'twenty-five' -> 25;
        'a dozen' -> 12; 'a couple of' -> 2; 'two and a half' -> 2.5. None when not a number."""
        t = " ".join(text.lower().split())
        half = t.endswith(" and a half")
        t = t.removesuffix(" and a half").removesuffix(" of")
        if " " in t:
            article, _, t = t.partition(" ")   # "a dozen", "a couple": the article adds nothing
            if article not in ("a", "an"):
                return None
        if not t:
            return None
        if t[0].isdigit():
            try:
                value = float(t.replace(",", ""))
            except ValueError:
                return None
        else:
            value = self._words_value(t)
            if value is None:
                return None
        if half:
            value += 0.5
        if multiplier:
            entry = self.table.get(multiplier.lower())
            if entry is None:
                return None
            value *= entry[0]
        return value

    def _words_value(self, t: str) -> float | None:
        """'eight' -> 8, 'twenty-five' -> 25 (tens then ones only); multipliers alone are no count."""
        parts = t.split("-")
        entries = [self.table.get(p) for p in parts]
        if len(parts) > 2 or any(e is None or e[1] != "number" for e in entries):
            return None
        if len(entries) == 2:
            tens, ones = entries[0][0], entries[1][0]
            if not (tens >= 20 and tens % 10 == 0 and 0 < ones < 10):
                return None
            return tens + ones
        return entries[0][0]


@functools.lru_cache(maxsize=8)
def number_words(extra_dirs: tuple[str, ...] = ()) -> NumberWords:
    """number_words.tsv, built-in rows then the user's (a user's row for a word wins)."""
    table: dict[str, tuple[float, str]] = {}
    for row in read_table("number_words.tsv", extra_dirs):
        word, kind = row.get("word", "").lower(), row.get("kind", "")
        if not word or kind not in KINDS:
            raise KnowledgeFileError(f"number_words.tsv: row {row} needs a word and kind number or multiplier")
        try:
            table[word] = (float(row.get("value", "")), kind)
        except ValueError:
            raise KnowledgeFileError(f"number_words.tsv: {word!r} has value {row.get('value')!r}; "
                                     f"use a number") from None
    return NumberWords(table)
