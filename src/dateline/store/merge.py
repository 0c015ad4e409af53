"""When two event reports describe the same real event, and how they combine.

The rule (docs/store.md, "Merging"): two events merge when
  - they have the same PLOVER type and the same negated/future/hypothetical flags;
  - their actors overlap on both sides: some actor (id or country) of one's actor side is on the
    other's actor side and some recipient is on the other's recipient side; for reciprocal types
    (CONSULT, AGREE, COOPERATE) the sides may also be swapped; when either event has no recipient
    (compound actors: "Pakistan and Russia agreed"), all participants are compared as one set and
    must share every country of the smaller event, up to two;
  - their times are compatible: the earliest..latest intervals overlap, or both are undated and
    come from the same article (undated events never merge across articles);
  - their places are compatible: same country, or one has no place.
Candidates come only from the same block (type, country pair or lone actor, month), so merging
costs one indexed lookup per event, never a scan of the store.
"""
from __future__ import annotations

import dataclasses
from datetime import date

from dateline.extractors.events import same_event
from dateline.knowledge.collectives import dyad_code
from dateline.model import Actor, Event, Place, TimeRef
from dateline.store.query import dyad_key

RECIPROCAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
MAX_BLOCK_MONTHS = 24    # an event dated only to a longer span never merges across articles


def side_keys(actors: list[Actor]) -> set[str]:
    keys = {a.id for a in actors}
    keys.update(a.country for a in actors if a.country)
    return keys


def countries(actors: list[Actor]) -> list[str]:
    """The dyad codes of ``actors``, in order: each one's country, or the code of the collective
    ("igo:g7" -> "G7") it is, so that a G7 statement on Russia is in the G7-RUS dyad."""
    seen: dict[str, None] = {}
    for a in actors:
        code = dyad_code(a)
        if code:
            seen.setdefault(code, None)
    return list(seen)


def dyads(event: Event) -> list[tuple[str, str, str]]:
    """(dyad "AAA-BBB" sorted, src, dst) for every distinct country pair the event involves.

    Actor-country x recipient-country pairs keep their direction; pairs inside the actor list
    (compound actors) and pairs seen in both directions get src/dst in sorted order.
    """
    acts, recs = countries(event.actors), countries(event.recipients)
    found: dict[str, tuple[str, str] | None] = {}
    for a in acts:
        for r in recs:
            if a == r:
                continue
            key = dyad_key(a, r)
            if key in found and found[key] != (a, r):
                found[key] = None          # both directions: reciprocal
            else:
                found.setdefault(key, (a, r))
    for i, a in enumerate(acts):
        for b in acts[i + 1:]:
            found[dyad_key(a, b)] = None
    out = []
    for key, direction in sorted(found.items()):
        src, dst = direction if direction else tuple(key.split("-"))
        out.append((key, src, dst))
    return out


def interval(time: TimeRef | None) -> tuple[date, date] | None:
    if time is None or time.earliest is None:
        return None
    return time.earliest, time.latest or time.earliest


def months(first: date, last: date) -> list[int]:
    """yyyymm numbers of every month from ``first`` to ``last``."""
    out, y, m = [], first.year, first.month
    while (y, m) <= (last.year, last.month):
        out.append(y * 100 + m)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def block_keys(event: Event) -> list[tuple[str, int]]:
    """(block, yyyymm) pairs under which the event is filed and searched for merge candidates."""
    span = interval(event.time)
    if span is None:
        return []
    first, last = span
    if (last.year - first.year) * 12 + last.month - first.month >= MAX_BLOCK_MONTHS:
        return []
    pairs = [d for d, _, _ in dyads(event)]
    if pairs:
        names = pairs
    else:
        names = countries(event.actors + event.recipients) or sorted(side_keys(event.actors + event.recipients))
    return [(f"{event.type}|{name}", month) for name in names for month in months(first, last)]


def _overlap(a: set[str], b: set[str]) -> bool:
    return not a.isdisjoint(b)


def orientation(new: Event, old: Event) -> str | None:
    """'same' or 'swapped' when the actor sides match under the merge rule, else None."""
    if new.recipients and old.recipients:
        na, nr = side_keys(new.actors), side_keys(new.recipients)
        oa, orr = side_keys(old.actors), side_keys(old.recipients)
        if _overlap(na, oa) and _overlap(nr, orr):
            return "same"
        if new.type in RECIPROCAL_TYPES and _overlap(na, orr) and _overlap(nr, oa):
            return "swapped"
        return None
    new_all, old_all = new.actors + new.recipients, old.actors + old.recipients
    nc, oc = set(countries(new_all)), set(countries(old_all))
    needed = min(2, len(nc), len(oc))
    if needed == 0:
        return "same" if _overlap(side_keys(new_all), side_keys(old_all)) else None
    return "same" if len(nc & oc) >= needed else None


def times_compatible(new: Event, old: Event, same_article: bool) -> bool:
    a, b = interval(new.time), interval(old.time)
    if a is None and b is None:
        return same_article
    if a is None or b is None:
        return False
    return a[0] <= b[1] and b[0] <= a[1]


def places_compatible(new: Event, old: Event) -> bool:
    a = new.place.country if new.place else None
    b = old.place.country if old.place else None
    return a is None or b is None or a == b


def match(new: Event, old: Event, same_article: bool) -> str | None:
    """The orientation under which ``new`` merges into ``old``, or None when they stay apart."""
    if new.type != old.type:
        return None
    if same_article and not same_event(new, old):
        # Within one article the extractor's rule decides (extract.events.same_event, applied by
        # merge_article_events): two events it kept apart stay apart in the store too.
        return None
    if (new.negated, new.future, new.hypothetical) != (old.negated, old.future, old.hypothetical):
        return None
    if not times_compatible(new, old, same_article) or not places_compatible(new, old):
        return None
    return orientation(new, old)


def closeness(new: Event, old: Event) -> tuple[int, int]:
    """Higher is a better merge target: more shared actors, then a narrower time."""
    shared = len(side_keys(new.actors + new.recipients) & side_keys(old.actors + old.recipients))
    span = interval(old.time)
    width = (span[1] - span[0]).days if span else 0
    return shared, -width


def _add_actors(target: list[Actor], extra: list[Actor], taken: set[str]) -> list[Actor]:
    out = list(target)
    for actor in extra:
        if actor.id not in taken:
            out.append(actor)
            taken.add(actor.id)
    return out


def _union(a: list[str], b: list[str]) -> list[str]:
    return list(dict.fromkeys([*a, *b]))


def _better_place(a: Place | None, b: Place | None) -> Place | None:
    if a is None:
        return b
    if b is not None and a.feature == "country" and b.feature != "country":
        return b
    return a


def _narrower_time(a: TimeRef | None, b: TimeRef | None) -> TimeRef | None:
    ia, ib = interval(a), interval(b)
    if ia is None:
        return b if ib is not None else a
    if ib is None:
        return a
    return b if (ib[1] - ib[0]) < (ia[1] - ia[0]) else a


def fold(canonical: Event, new: Event, how: str = "same") -> Event:
    """The canonical event after ``new`` joins it. Keeps the canonical id, codes and first article."""
    taken = {a.id for a in canonical.actors + canonical.recipients}
    extra_actors, extra_recipients = (new.actors, new.recipients) if how == "same" else (new.recipients, new.actors)
    return dataclasses.replace(
        canonical,
        mode=canonical.mode or new.mode,
        contexts=_union(canonical.contexts, new.contexts),
        dimensions=_union(canonical.dimensions, new.dimensions),
        cameo=canonical.cameo or new.cameo,
        quad_class=canonical.quad_class if canonical.quad_class is not None else new.quad_class,
        plover_score=canonical.plover_score if canonical.plover_score is not None else new.plover_score,
        goldstein=canonical.goldstein if canonical.goldstein is not None else new.goldstein,
        actors=_add_actors(canonical.actors, extra_actors, taken),
        recipients=_add_actors(canonical.recipients, extra_recipients, taken),
        time=_narrower_time(canonical.time, new.time),
        place=_better_place(canonical.place, new.place),
        trigger=canonical.trigger or new.trigger,
        confidence=max(canonical.confidence, new.confidence),
        quantity=canonical.quantity if canonical.quantity is not None else new.quantity,
        mentions=[],
    )


def refold(canonical_id: str, members: list[Event]) -> Event:
    """Rebuilds a canonical event from its remaining members (after an article was re-processed)."""
    first = dataclasses.replace(members[0], id=canonical_id, mentions=[])
    out = first
    for member in members[1:]:
        out = fold(out, member, match(member, out, same_article=True) or "same")
    return out
