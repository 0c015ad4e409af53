"""Shared reading of PETRARCH dictionary lines: comments, phrases and where a line came from."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# Lower-case inside a name, except at its start ("Bashar al-Assad", "Javier de Cuellar").
_PARTICLES = frozenset("al el ul bin ibn bint de da das do dos du del della der di van von y la le ter".split())
_PREFIXES = ("al-", "el-", "ul-", "ad-", "as-", "ash-", "an-", "at-", "az-")


@dataclass(slots=True)
class Problems:
    """Lines that could not be converted, with file:line and why; counts by reason."""

    items: list[tuple[str, int, str]] = field(default_factory=list)

    def add(self, path: str, line: int, why: str) -> None:
        self.items.append((path, line, why))

    def __len__(self) -> int:
        return len(self.items)

    def lines(self) -> list[str]:
        return [f"{p}:{n}: {why}" for p, n, why in self.items]


def strip_comment(line: str) -> str:
    """Text before '#' (and before ';', the TABARI comment mark used in actor files)."""
    for mark in ("#", ";"):
        cut = line.find(mark)
        if cut >= 0:
            line = line[:cut]
    return line.rstrip()


def numbered_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, text) of every line; the files are ASCII in practice, read leniently."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    return list(enumerate(text.splitlines(), start=1))


def phrase_words(phrase: str) -> list[str]:
    """ "JAMES_BYRNES_" -> ["JAMES", "BYRNES"]: words joined by '_' or blanks, the end mark dropped."""
    return [w for w in re.split(r"[_\s]+", phrase.strip()) if w]


def _case_word(word: str, first: bool) -> str:
    low = word.lower()
    if not first and low in _PARTICLES:
        return low
    for pre in _PREFIXES:
        if low.startswith(pre) and len(low) > len(pre) + 1:
            head = pre if not first else pre.capitalize()
            return head + _case_word(word[len(pre):], True)
    if "-" in word:                           # "KI-MOON" -> "Ki-moon" reads as written in text
        parts = word.split("-")
        return "-".join([_case_word(parts[0], first)] + [p.lower() for p in parts[1:]])
    if low.startswith("mc") and len(low) > 3:
        return "Mc" + low[2:].capitalize()
    if "'" in low:                            # O'BRIEN -> O'Brien
        return "'".join(p.capitalize() for p in low.split("'"))
    if len(word) <= 3 and "." not in word and not any(c in "AEIOUY" for c in word.upper()):
        return word.upper()                   # "PKK", "MQM": acronyms stay capitals
    return low.capitalize()


def display_name(words: list[str]) -> str:
    """Upper-case dictionary words as a name is written in English text. Matching is case-blind;
    this only decides how the name is shown."""
    words = [w for w in words if not (w.startswith("(") and w.endswith(")"))]   # "(AAIA)"
    return " ".join(_case_word(w, i == 0) for i, w in enumerate(words))
