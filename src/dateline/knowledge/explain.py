"""`dateline knowledge explain NAME --date D`: which table entry a name resolves to, and why.

The same lookups the actor resolver makes, in its order: countries, organisations, the hand-kept
actor tables (actors.tsv, actors_historical.tsv; the row whose term holds on the date), then the
dictionary (actors_dictionary.tsv; the article's country and the date decide, never a guess),
and for a single word the surname rules.
"""
from __future__ import annotations

from datetime import date

from dateline.knowledge import Knowledge
from dateline.knowledge.known_actors import KnownActor
from dateline.knowledge.petrarch.codes import read_code


def _term(r: KnownActor) -> str:
    if not (r.valid_from or r.valid_to):
        return "undated"
    return f"{r.valid_from or '…'} to {r.valid_to or '…'}"


def _row(r: KnownActor, day: date | None, kb: Knowledge) -> str:
    held = "holds" if r.valid_on(day) else "does not hold"
    code = ""
    if r.code and (c := read_code(r.code, frozenset(x.iso3 for x in kb.countries))):
        code = f"  [{c.describe()}]"
    return (f"  {r.source}: {r.name} ({r.kind}) country {r.country or '-'} sector {r.sector or '-'} "
            f"roles {', '.join(r.roles) or '-'}; term {_term(r)} ({held} on {day}){code}")


def explain(kb: Knowledge, name: str, day: date | None, country: str | None = None) -> list[str]:
    out = [f"{name!r} on {day or 'an undated article'}" + (f", article country {country}" if country else "")]
    if c := kb.countries.lookup(name):
        out.append(f"country: {c.iso3} {c.name} (countries.tsv name, alias, demonym or code)")
    curated = kb.actors.curated(name)
    if curated:
        out.append("hand-kept actor rows (actors_historical.tsv, then actors.tsv; later rows win):")
        out += [_row(r, day, kb) for r in curated]
        chosen = kb.actors.lookup_on(name, day)
        why = "its term holds on the date" if chosen.valid_on(day) and (chosen.valid_from or chosen.valid_to) \
            else "the last row (no dated row holds on the date)"
        out.append(f"=> {chosen.id}, country {chosen.country or '-'}, from {chosen.source}: {why}; "
                   f"the dictionary is not consulted for this name")
        return out
    dictionary = kb.actors.dictionary
    cands = dictionary.candidates(name, None) if dictionary is not None else []
    if cands:
        out.append("dictionary rows (actors_dictionary.tsv):")
        out += [_row(r, day, kb) for r in cands]
        chosen, why = dictionary.pick(name, day, country)
        if chosen is None:
            out.append(f"=> no table entry: {why}")
        else:
            out.append(f"=> {chosen.id}, country {chosen.country or '-'}, sector "
                       f"{chosen.sector_on(day) or '-'}, from {chosen.source}: {why}")
        out.append("   (text in the article — a country word, a title, an apposition — is applied "
                   "first and beats these rows)")
        return out
    if len(name.split()) == 1:
        entry = kb.actors.by_surname(name, day)
        if entry:
            out.append(f"=> surname of one known person, {entry.name} ({entry.source}), whose row holds "
                       f"on the date or is undated; used only when the article names no other {name}")
            return out
        if iso3 := kb.actors.surname_country(name):
            out.append(f"=> no person; every known person with this surname is of {iso3}, which a bare "
                       f"surname takes only when the article never names the person in full")
            return out
        out.append("=> a bare surname never matches a dictionary person")
        return out
    out.append("=> no table entry: the country comes from the article alone, or stays empty")
    return out
