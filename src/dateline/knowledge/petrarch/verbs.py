"""Reading PETRARCH verb dictionaries (CAMEO.2.0.txt format): synsets, verb blocks, patterns.

    &CURRENCY              a synset: '+' lines follow
    --- MEET_PEOPLE [040] ---     a block and its default code ('---': the bare verb is no event)
    MEET {MEETS MET MEETING}      a verb, its irregular forms, optionally its own [code]
    +MEET_WITH                    a multi-word verb; '+' marks the verb word
    - * (FOR TALKS)   [036]       a pattern: pre-verb nouns * post-verb nouns (prep phrases)

Patterns belong to every verb of their block. A pattern is kept when dateline's lexicon can
express it: one object noun (``* AID``, ``* {FINANCIAL AID}`` by its head, ``* &FOOD`` as the
synset's words) or one preposition (``* (FOR TALKS)`` as prep=for). Anything needing more
noun-phrase structure is counted; the verb keeps its block code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from dateline.knowledge.petrarch.text import Problems, numbered_lines, strip_comment

_BLOCK = re.compile(r"^---\s*(?P<name>\S+)\s*\[(?P<code>[^\]]*)\]\s*---")
_CODE = re.compile(r"\[(?P<code>[^\]]*)\]\s*$")


@dataclass(frozen=True, slots=True)
class Verb:
    lemma: str                    # lower case: "meet"
    particle: str | None          # "with" for MEET_WITH
    code: str | None              # its own code or the block's; None = no event alone
    path: str
    line: int


@dataclass(frozen=True, slots=True)
class Pattern:
    key: str                      # obj | prep
    values: tuple[str, ...]       # lower case
    code: str
    path: str
    line: int


@dataclass(slots=True)
class VerbBlock:
    name: str
    code: str | None
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)
    line: int = 0


def cameo_code(cell: str) -> str | None:
    """ "042:043" -> "042"; ":020" -> "020"; "---" -> None (no event)."""
    for part in cell.strip().split(":"):
        part = part.strip()
        if part and part != "---":
            return part
    return None


def _verb(line: str, block: VerbBlock, where: str, n: int, problems: Problems) -> Verb | None:
    own = _CODE.search(line)
    code = cameo_code(own["code"]) if own else block.code
    text = re.sub(r"\{[^}]*\}", " ", _CODE.sub("", line)).strip()
    words = [w for w in text.lstrip("+").split("_") if w]
    if not words or " " in text:
        problems.add(where, n, "unreadable verb line")
        return None
    if "+" in text.lstrip("+"):                   # WIRE_+TAP: words before the verb
        problems.add(where, n, "verb with words before it (pre-compound) not converted")
        return None
    particle = " ".join(words[1:]).lower() or None
    return Verb(words[0].lower(), particle, code, where, n)


def _pattern(body: str, synsets: dict[str, list[str]]) -> tuple[str, tuple[str, ...]] | None:
    """(key, values) for a pattern dateline can express, else None."""
    pre, star, post = body.partition("*")
    post = post.strip()
    if not star or pre.strip() or not post or "$" in post or "%" in post or "^" in post:
        return None
    if m := re.fullmatch(r"\((\w+)\)", post):                       # * (TO)
        return "prep", (m[1].lower(),)
    if m := re.fullmatch(r"\((\w+)\s+[^()]+\)", post):               # * (FOR TALKS): the preposition
        return "prep", (m[1].lower(),)
    if m := re.fullmatch(r"\{[^{}]*?([&\w-]+)\}", post):             # * {FINANCIAL AID}: the head
        post = m[1]
    if post.startswith("&"):
        words = synsets.get(post)
        if not words:
            return None
        return "obj", tuple(sorted({w.split()[-1] for w in words}))
    if re.fullmatch(r"[A-Za-z-]+", post):
        return "obj", (post.lower(),)
    return None


def read_verbs(path: Path, problems: Problems) -> list[VerbBlock]:
    synsets: dict[str, list[str]] = {}
    blocks: list[VerbBlock] = []
    block: VerbBlock | None = None
    synset: str | None = None
    where = str(path)
    for n, raw in numbered_lines(path):
        line = strip_comment(raw).strip()
        if not line or line.startswith("<"):
            continue
        if line.startswith("&"):
            synset = line.split()[0].rstrip("_")
            synsets[synset] = []
            block = None
            continue
        if m := _BLOCK.match(line):
            synset = None
            block = VerbBlock(m["name"], cameo_code(m["code"]), line=n)
            blocks.append(block)
            continue
        if synset is not None and block is None:
            if line.startswith("+"):
                synsets[synset].append(line[1:].replace("_", " ").strip().lower())
            else:
                problems.add(where, n, "line in a synset that is not a '+' member")
            continue
        if block is None:
            if not line.startswith("#"):
                problems.add(where, n, "line outside any verb block")
            continue
        if line.startswith("~"):
            problems.add(where, n, "transformation (verb acting on verb) not converted")
        elif line.startswith("-"):
            m = _CODE.search(line)
            code = cameo_code(m["code"]) if m else None
            if m is None:
                problems.add(where, n, "pattern without a [code]")
                continue
            found = _pattern(line[1:m.start()].strip(), synsets)
            if found is None:
                problems.add(where, n, "pattern needs noun-phrase structure dateline cannot match "
                                       "(the verb keeps its block code)")
            elif code:
                block.patterns.append(Pattern(found[0], found[1], code, where, n))
        elif v := _verb(line, block, where, n, problems):
            block.verbs.append(v)
    return blocks
