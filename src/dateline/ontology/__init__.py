"""PLOVER v2 and CAMEO definitions: event types, modes, contexts, quad classes, scores, mappings.

    >>> from dateline import ontology
    >>> ontology.quad_class("CONSULT"), ontology.score("CONSULT", "visit")
    (1, 4.0)
    >>> ontology.goldstein("057"), ontology.to_plover("042").mode
    (8.0, 'visit')
"""
from __future__ import annotations

from dateline.ontology.cameo import (CameoCode, PloverCoding, UnknownCameoCode, codebook,
                                     from_plover, goldstein, lookup, to_plover)
from dateline.ontology.irrealis import Recoding, recode_irrealis
from dateline.ontology.plover import (EVENT_TYPES, QUAD_NAMES, EventType, Mode, UnknownPloverCode,
                                      contexts, event_type, event_types, is_context, mode, quad_class,
                                      score)

__all__ = [
    "EVENT_TYPES", "QUAD_NAMES", "CameoCode", "EventType", "Mode", "PloverCoding", "Recoding",
    "UnknownCameoCode", "UnknownPloverCode", "codebook", "contexts", "event_type", "event_types",
    "from_plover", "goldstein", "is_context", "lookup", "mode", "quad_class", "recode_irrealis", "score",
    "to_plover",
]
