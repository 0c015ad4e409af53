"""Importer for PETRARCH/TABARI-format dictionaries (actors, agents, verbs, discards).

Each reader turns one dictionary format into plain records and counts what it could not convert
(with file:line); ``importer.import_petrarch`` writes them as dateline's own knowledge tables.
"""
from dateline.knowledge.petrarch.importer import ImportReport, import_petrarch

__all__ = ["ImportReport", "import_petrarch"]
