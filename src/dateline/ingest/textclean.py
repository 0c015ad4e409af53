"""Character-level cleaning that every reader shares: newlines, odd spaces, invisible characters."""
from __future__ import annotations

import re

# \r\n, lone \r, and the Unicode line/paragraph separators all become \n.
NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# Invisible characters that break tokenisation: zero-width spaces/joiners, BOMs mid-text, soft hyphens.
INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Other control characters (tab is handled as a space).
CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
NEEDS_CLEANING = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\t\u00a0\u00ad\u1680\u2000-\u200d\u202f\u205f"
                            r"\u2060\u3000\ufeff]|  ")
WORD = re.compile(r"[^\W\d_]{2,}")


def normalise_newlines(text: str) -> str:
    """Newlines become \\n; offsets recorded as ``raw_start`` point into this string."""
    return NEWLINES.sub("\n", text)


def clean_line(line: str) -> str:
    """One line with invisible characters removed and every run of spaces made one space."""
    if not NEEDS_CLEANING.search(line):
        return line.strip()  # the common case: one scan instead of three substitutions
    line = INVISIBLE.sub("", line)
    line = CONTROLS.sub("", line)
    return SPACES.sub(" ", line).strip()


def same_text_key(line: str) -> str:
    """Comparison key for spotting a repeated line (a caption printed twice)."""
    return " ".join(line.casefold().split())


def has_words(text: str, n: int) -> bool:
    """At least ``n`` words of two or more letters (stops at the n-th)."""
    for i, _ in enumerate(WORD.finditer(text), start=1):
        if i >= n:
            return True
    return n <= 0


def word_count(text: str) -> int:
    """Words of two or more letters: a text with none has no sentences to read."""
    return sum(1 for _ in WORD.finditer(text))
