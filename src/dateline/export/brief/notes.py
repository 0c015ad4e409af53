"""Evidence footnotes: each register row gets a number; its note lists the sentences and articles behind it."""
from __future__ import annotations

from dataclasses import dataclass, field

from dateline.analysis.registers.records import RelationshipFile


@dataclass(slots=True)
class Note:
    number: int
    ids: list[str]                                   # event or fact ids
    lines: list[tuple[str, str]] = field(default_factory=list)   # (sentence, article label)


class Notes:
    def __init__(self, rf: RelationshipFile) -> None:
        self.articles = rf.articles
        self.notes: list[Note] = []

    def article_label(self, article_id: str) -> str:
        a = self.articles.get(article_id) or {}
        bits = [a.get("outlet"), a.get("published"), f"“{a['title']}”" if a.get("title") else None]
        return ", ".join(b for b in bits if b) + f" [{article_id}]"

    def add(self, ids: list[str], sentences: list[tuple[str, str]]) -> int:
        """sentences: (sentence, article id) pairs; returns the note's number."""
        seen, lines = set(), []
        for sentence, article_id in sentences:
            if (sentence, article_id) not in seen:
                seen.add((sentence, article_id))
                lines.append((sentence, self.article_label(article_id)))
        note = Note(len(self.notes) + 1, list(ids), lines)
        self.notes.append(note)
        return note.number

    def row(self, row) -> int:
        ids = list(getattr(row, "event_ids", []) or getattr(row, "fact_ids", []))
        if hasattr(row, "sources"):
            pairs = [(s.sentence, s.article_id) for s in row.sources]
        else:   # figures
            pairs = [(r.sentence or "", r.article_id) for r in row.reports]
        return self.add(ids, pairs)
