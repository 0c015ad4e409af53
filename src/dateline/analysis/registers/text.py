"""Register rows as short strings, shared by the terminal view and the brief."""
from __future__ import annotations

from dateline.analysis.registers.records import Figure, MechanismRecord, Visit, When

QUALIFIER_WORDS = {"more_than": "more than ", "at_least": "at least ", "about": "about ", "less_than": "less than ",
                   "at_most": "up to "}


def when_text(w: When | None) -> str:
    if w is None or not w.value:
        return "date unknown"
    return w.value if w.granularity in ("day", "week", "month", "year") else f"{w.value} ({w.granularity})"


def person_text(v: Visit) -> str:
    role = f"{v.visitor.roles[0]} " if v.visitor.roles else ""
    return f"{role}{v.visitor.name} ({v.visitor.country or '?'})"


def place_text(city: str | None, country: str | None) -> str:
    return ", ".join(p for p in (city, country) if p) or "—"


def amount(value: float, unit: str) -> str:
    if unit == "count" or unit == "people":
        return f"{value:,.0f}" + (" people" if unit == "people" else "")
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:,.{0 if value % size == 0 else 1}f} {word} {unit}"
    return f"{value:,.0f} {unit}"


def value_text(value: float, unit: str, qualifier: str | None) -> str:
    return QUALIFIER_WORDS.get(qualifier or "", "") + amount(value, unit)


def figure_text(f: Figure) -> str:
    return value_text(f.value, f.unit, f.qualifier)


def indicator_text(name: str) -> str:
    return name.replace("_", " ")


def ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 5, 7, 8] -> '1–3, 5, 7–8'."""
    out: list[str] = []
    start = prev = None
    for n in numbers + [None]:
        if start is not None and (n is None or n != prev + 1):
            out.append(f"{start}" if start == prev else f"{start}–{prev}")
            start = None
        if n is not None and start is None:
            start = n
        prev = n
    return ", ".join(out)


def gaps_text(m: MechanismRecord) -> str:
    return f"not reported: {ranges(m.missing)}" if m.missing else ""
