"""A PAK-RUS store for the selection tests of the API and the dashboard: per event its modality and
confidence (built with dyad_data.py)."""
from __future__ import annotations

import dataclasses

import dyad_data
from dyad_data import DAR, PAK, RUS, RYABKOV, Ev, build, day

SENTENCES = ["Pakistan and Russia agreed on Thursday to expand trade.",
             "Russia's Sergei Ryabkov met Ishaq Dar in Islamabad on Thursday.",
             "They did not sign an energy accord on Thursday.",
             "Russia could threaten Pakistan with sanctions on Thursday.",
             "Ryabkov will visit Karachi on Friday."]
# (flags, confidence) per event, in sentence order
KINDS = [({}, 0.9), ({}, 0.3), ({"negated": True}, 0.9), ({"hypothetical": True}, 0.9), ({"future": True}, 0.9)]


def flagged_extraction():
    """Asserted AGREE (0.9) and CONSULT (0.3); a negated AGREE, a hypothetical THREATEN and an announced
    CONSULT (each 0.9), all on 17/18 April 2025."""
    events = [Ev(0, "AGREE", "agreed", [PAK], [RUS], day("2025-04-17")),
              Ev(1, "CONSULT", "met", [RYABKOV], [DAR], day("2025-04-17")),
              Ev(2, "AGREE", "sign", [PAK], [RUS], day("2025-04-17")),
              Ev(3, "THREATEN", "threaten", [RUS], [PAK], day("2025-04-17")),
              Ev(4, "CONSULT", "visit", [RYABKOV], [PAK], day("2025-04-18"))]
    ex = build(SENTENCES, events, title="Flags", outlet="Flag Times", published="2025-04-18")
    ex.events = [dataclasses.replace(e, confidence=conf, **flags) for e, (flags, conf) in zip(ex.events, KINDS)]
    return ex


def fill(path: str) -> None:
    from dateline.store import open_store

    store = open_store(path)
    dyad_data.fill(store, [flagged_extraction()])
    store.close()
