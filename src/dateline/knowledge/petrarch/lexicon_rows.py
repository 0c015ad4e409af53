"""Verb blocks -> rows of dateline's event_lexicon.tsv, CAMEO codes mapped to PLOVER."""
from __future__ import annotations

from pathlib import Path

from dateline.ontology import UnknownPloverCode, is_context
from dateline.ontology import mode as plover_mode
from dateline.ontology.cameo import to_plover


def _plover(code: str, where: str, report) -> tuple[str, str, str] | None:
    """(type, mode, contexts) for a CAMEO code, or None (counted) when PLOVER has no type for it."""
    try:
        coding = to_plover(code)
    except (KeyError, ValueError):
        path, _, line = where.rpartition(":")
        report.problems.add(path, int(line), f"CAMEO code {code!r} has no PLOVER mapping")
        return None
    if coding.type is None:
        report.skipped["verbs and patterns coded as CAMEO statements (01x: PLOVER codes none)"] += 1
        return None
    contexts = [c for c in coding.contexts if is_context(c)]     # the lexicon accepts PLOVER's own only
    mode = coding.mode
    if mode:
        try:
            plover_mode(coding.type, mode)
        except UnknownPloverCode:
            mode = None                      # a mapping mode the lexicon's PLOVER version lacks
    return coding.type, mode or "-", "|".join(contexts) or "-"


def _row(lemma: str, requires: list[str], code: str, plover: tuple[str, str, str], source: str) -> dict[str, str]:
    return {"lemma": lemma, "pos": "verb", "requires": ";".join(requires) or "-", "type": plover[0],
            "mode": plover[1], "cameo": code, "shape": "directed", "contexts": plover[2], "source": source}


def lexicon_rows(blocks, report) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    seen: set[tuple] = set()
    for block in blocks:
        for v in block.verbs:
            base = [f"prt={v.particle}"] if v.particle and " " not in v.particle else []
            if v.particle and " " in v.particle:
                report.skipped["multi-word verbs with more than one particle"] += 1
                continue
            src = f"{Path(v.path).name}:{v.line}"
            if v.code and (pl := _plover(v.code, f"{v.path}:{v.line}", report)):
                key = (v.lemma, tuple(base), v.code)
                if key not in seen:
                    seen.add(key)
                    rows.append(_row(v.lemma, base, v.code, pl, src))
            # Patterns with the same code and kind of constraint become one row per verb.
            merged: dict[tuple[str, str], list[str]] = {}
            first: dict[tuple[str, str], str] = {}
            for p in block.patterns:
                merged.setdefault((p.key, p.code), []).extend(p.values)
                first.setdefault((p.key, p.code), f"{p.path}:{p.line}")
            for (k, code), values in merged.items():
                pl = _plover(code, first[(k, code)], report)
                if pl is None:
                    continue
                req = base + [f"{k}=" + ",".join(sorted(set(values)))]
                key = (v.lemma, tuple(req), code)
                if key not in seen:
                    seen.add(key)
                    rows.append(_row(v.lemma, req, code, pl, Path(first[(k, code)]).name))
    return rows
