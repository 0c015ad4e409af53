"""Reading PETRARCH discard lists: phrases that mark a sentence (or, with '+', a story) as not
political news ("WORLD CUP", "+ACADEMY AWARD"). A trailing '_' means a whole word, else a stem."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dateline.knowledge.petrarch.text import Problems, numbered_lines, strip_comment


@dataclass(frozen=True, slots=True)
class Discard:
    phrase: str          # lower case
    scope: str           # sentence | story
    whole_word: bool
    path: str
    line: int


def read_discards(path: Path, problems: Problems) -> list[Discard]:
    out = []
    for n, raw in numbered_lines(path):
        line = strip_comment(raw).strip()
        if not line:
            continue
        scope = "story" if line.startswith("+") else "sentence"
        text = line.lstrip("+").strip()
        whole = text.endswith("_")
        phrase = " ".join(text.replace("_", " ").split()).lower()
        if not phrase:
            problems.add(str(path), n, "discard line without a phrase")
            continue
        out.append(Discard(phrase, scope, whole, str(path), n))
    return out
