"""The merge rule as pure functions: dyads, blocking keys, compatibility."""
from __future__ import annotations

import dataclasses
from datetime import date

from dateline.model import Actor, Event, Place, TimeRef
from dateline.store import merge

PAK = Actor("country:PAK", "Pakistan", "country", "PAK")
RUS = Actor("country:RUS", "Russia", "country", "RUS")
CHN = Actor("country:CHN", "China", "country", "CHN")


def ev(actors, recipients=(), when=(date(2025, 4, 17), date(2025, 4, 17)), etype="CONSULT", place=None):
    time = TimeRef(value=None, granularity="day", source="text", earliest=when[0], latest=when[1]) if when else None
    return Event(id="e", article_id="a", type=etype, actors=list(actors), recipients=list(recipients),
                 time=time, place=place)


def test_dyads_keep_direction_and_sort_compound_pairs():
    assert merge.dyads(ev([PAK], [RUS])) == [("PAK-RUS", "PAK", "RUS")]
    assert merge.dyads(ev([RUS], [PAK])) == [("PAK-RUS", "RUS", "PAK")]
    assert merge.dyads(ev([RUS, PAK])) == [("PAK-RUS", "PAK", "RUS")]
    assert merge.dyads(ev([PAK, RUS], [CHN])) == [("CHN-PAK", "PAK", "CHN"), ("CHN-RUS", "RUS", "CHN"),
                                                 ("PAK-RUS", "PAK", "RUS")]


def test_block_keys_cover_each_month_of_the_time_span():
    assert merge.block_keys(ev([PAK], [RUS])) == [("CONSULT|PAK-RUS", 202504)]
    spanning = ev([PAK], [RUS], when=(date(2024, 12, 1), date(2025, 1, 31)))
    assert merge.block_keys(spanning) == [("CONSULT|PAK-RUS", 202412), ("CONSULT|PAK-RUS", 202501)]
    assert merge.block_keys(ev([PAK], [RUS], when=(date(2020, 1, 1), date(2025, 1, 1)))) == []
    assert merge.block_keys(ev([PAK], [RUS], when=None)) == []


def test_match_rules():
    met = ev([PAK], [RUS])
    assert merge.match(ev([RUS], [PAK]), met, False) == "swapped"              # reciprocal type
    assert merge.match(ev([RUS], [PAK], etype="ACCUSE"), dataclasses.replace(met, type="ACCUSE"), False) is None
    assert merge.match(ev([PAK, RUS]), met, False) == "same"                   # compound actors
    assert merge.match(ev([PAK], [CHN]), met, False) is None                  # other recipient
    later = ev([PAK], [RUS], when=(date(2025, 5, 2), date(2025, 5, 2)))
    assert merge.match(later, met, False) is None                             # times do not overlap
    month = ev([PAK], [RUS], when=(date(2025, 4, 1), date(2025, 4, 30)))
    assert merge.match(month, met, False) == "same"                           # "in April" covers the 17th
    undated = ev([PAK], [RUS], when=None)
    assert merge.match(undated, ev([PAK], [RUS], when=None), False) is None   # never across articles
    assert merge.match(undated, ev([PAK], [RUS], when=None), True) == "same"  # repeats in one article
    assert merge.match(undated, met, True) is None                            # dated vs undated
    moscow = ev([PAK], [RUS], place=Place("Moscow", "RUS"))
    assert merge.match(moscow, ev([PAK], [RUS], place=Place("Islamabad", "PAK")), False) is None
    assert merge.match(moscow, met, False) == "same"                           # one place missing
    assert merge.match(dataclasses.replace(met, future=True), met, False) is None


def test_fold_keeps_the_narrowest_time_and_the_union_of_actors():
    coarse = ev([PAK], [RUS], when=(date(2025, 4, 1), date(2025, 4, 30)))
    exact = ev([RUS], [PAK, CHN])
    merged = merge.fold(coarse, exact, "swapped")
    assert (merged.time.earliest, merged.time.latest) == (date(2025, 4, 17), date(2025, 4, 17))
    assert [a.id for a in merged.actors] == ["country:PAK", "country:CHN"]
    assert [a.id for a in merged.recipients] == ["country:RUS"]
