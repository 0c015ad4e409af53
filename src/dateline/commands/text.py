"""Small text helpers every command uses: counted nouns and text cut at a word with an ellipsis."""
from __future__ import annotations

ELLIPSIS = "…"


def plural(n: int, noun: str, many: str | None = None) -> str:
    """plural(1, "event") -> "1 event"; plural(2, "event") -> "2 events"; plural(0, "entry", "entries")."""
    return f"{n} {noun if n == 1 else (many or noun + 's')}"


def shorten(text: str, width: int) -> str:
    """``text`` if it fits in ``width`` characters, else cut at the last word boundary that fits, with "…"."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[:width - 1]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + ELLIPSIS
