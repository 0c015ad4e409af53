"""Reading PETRARCH agent dictionaries: common nouns that name an actor's role or sector.

    TROOP {} [~MIL]                 a noun, its plural ({} = none; {X} = irregular), the code
    HUMAN_RIGHTS_BODY  [NGO~]       '~' first: the code follows the actor's; last: it comes before
    !PERSON! = MAN, MEN, WOMAN      a substitution set, used as CONGRESS!PERSON!
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from dateline.knowledge.petrarch.text import Problems, numbered_lines, phrase_words, strip_comment

_ENTRY = re.compile(r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]}]*)[\]}]\s*$")
_SUBST = re.compile(r"^(?P<mark>![A-Z]+!)\s*=\s*(?P<items>.+)$")


@dataclass(frozen=True, slots=True)
class AgentEntry:
    phrase: str                  # lower case, words joined by blanks: "human rights body"
    plurals: tuple[str, ...]     # explicit or regular; () when the entry says {}
    code: str                    # without '~': "MIL", "GOVMED", "NGO"
    before: bool                 # the code comes before the actor's ("NGO~")
    path: str
    line: int


def regular_plural(word: str) -> str:
    if word.endswith("ss") or word.endswith("sh") or word.endswith("ch") or word.endswith("x"):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def read_agents(path: Path, problems: Problems) -> list[AgentEntry]:
    subst: dict[str, list[str]] = {}
    out: list[AgentEntry] = []
    where = str(path)
    for n, raw in numbered_lines(path):
        if raw.lstrip().startswith("<!--"):
            continue
        line = strip_comment(raw).strip()
        if not line:
            continue
        if m := _SUBST.match(line):
            subst[m["mark"]] = [w.strip() for w in m["items"].split(",") if w.strip()]
            continue
        m = _ENTRY.match(line)
        if not m or "~" not in m["code"]:
            problems.add(where, n, "unreadable agent line (expected PHRASE {plural} [~CODE])")
            continue
        code_cell = m["code"].strip()
        before = code_cell.endswith("~")
        code = code_cell.strip("~").strip()
        phrase = m["phrase"].strip()
        marks = re.findall(r"![A-Z]+!", phrase)
        if any(mark not in subst for mark in marks):
            problems.add(where, n, f"substitution set {marks} not defined before use")
            continue
        if marks:                                 # CONGRESS!PERSON! -> congressman, congressmen, ...
            mark = marks[0]
            forms = [phrase.replace(mark, item) for item in subst[mark]]
            for form in forms:
                text = " ".join(phrase_words(form)).lower()
                out.append(AgentEntry(text, (), code, before, where, n))
            continue
        text = " ".join(phrase_words(phrase)).lower()
        if not text:
            problems.add(where, n, "agent line without a phrase")
            continue
        if m["plural"] is None:
            plurals: tuple[str, ...] = (regular_plural(text),)
        else:
            plurals = tuple(" ".join(phrase_words(p)).lower() for p in m["plural"].split() if p.strip("_"))
        out.append(AgentEntry(text, plurals, code, before, where, n))
    return out
