"""PLOVER types, modes, contexts, scores and the CAMEO codebook / mapping."""
from __future__ import annotations

import pytest

from dateline import ontology

SIXTEEN = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
           "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


def test_sixteen_types_with_quad_classes():
    assert list(ontology.EVENT_TYPES) == SIXTEEN
    quads = [ontology.quad_class(t) for t in SIXTEEN]
    assert quads == [1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4]


def test_scores_are_signed_by_cooperation():
    for t in SIXTEEN:
        s = ontology.score(t)
        assert -10 <= s <= 10
        if ontology.quad_class(t) in (2,):
            assert s > 0
        if ontology.quad_class(t) == 4:
            assert s < 0
    assert ontology.score("ACCUSE") == -3        # the manual's misprinted sign, corrected
    assert ontology.score("CONSULT", "visit") == 4
    assert ontology.score("ASSAULT", "unconventional") == -10
    assert ontology.score("CONSULT", "no-such-mode") == ontology.score("CONSULT")


def test_modes_and_contexts():
    assert ontology.event_type("CONSULT").modes == ("visit", "third-party", "multilateral", "phone")
    assert "release" in ontology.event_type("RETREAT").modes
    assert ontology.event_type("AGREE").modes == ()
    ctx = ontology.contexts()
    assert len(ctx) == 37 and {"diplomatic", "economic", "military", "terrorism",
                               "natural_resource", "health"} <= set(ctx)
    with pytest.raises(ontology.UnknownPloverCode, match="unknown PLOVER mode 'swim' for CONSULT"):
        ontology.mode("CONSULT", "swim")
    with pytest.raises(ontology.UnknownPloverCode, match="unknown PLOVER event type 'FIGHT'"):
        ontology.event_type("FIGHT")


def test_cameo_codebook():
    assert ontology.lookup("057").name == "Sign formal agreement"
    assert ontology.goldstein("057") == 8.0
    assert ontology.goldstein("042") == 1.9
    assert ontology.goldstein("0999") == ontology.goldstein("09")   # unknown child -> parent
    assert len(ontology.codebook()) > 300
    with pytest.raises(ontology.UnknownCameoCode):
        ontology.lookup("999")


def test_cameo_plover_mapping_both_ways():
    assert (ontology.to_plover("042").type, ontology.to_plover("042").mode) == ("CONSULT", "visit")
    assert ontology.to_plover("062").contexts == ("military",)
    assert ontology.to_plover("04").type == "CONSULT"
    assert ontology.to_plover("0211").type == "REQUEST"      # appeals, added by dateline
    assert ontology.to_plover("010").type is None            # statements are not PLOVER events
    assert ontology.from_plover("CONSULT", "visit") == "042"
    assert ontology.from_plover("ASSAULT") == "180"
    for t in SIXTEEN:
        code = ontology.from_plover(t)
        assert ontology.to_plover(code).type == t        # each type's own CAMEO code maps back


def test_irrealis_recoding_follows_the_manual():
    from dateline.ontology import recode_irrealis
    # 3.1: future cooperation is an intention
    assert recode_irrealis("CONSULT", "visit", future=True, hypothetical=False).type == "AGREE"
    # hypothetical cooperation is not recoded; only conflict becomes a threat
    assert recode_irrealis("CONSULT", "visit", future=False, hypothetical=True) is None
    # 3.7: announced retreats are concessions
    assert recode_irrealis("RETREAT", "withdraw", future=True, hypothetical=False).type == "CONCEDE"
    # 2.3 and Table 3.6: the threat's mode is its content
    r = recode_irrealis("COERCE", "curfew", future=True, hypothetical=False)
    assert (r.type, r.mode, r.cameo) == ("THREATEN", "restrict", "1323")
    r = recode_irrealis("SANCTION", "withdraw", future=False, hypothetical=True)
    assert (r.type, r.mode) == ("THREATEN", "relations")
    assert recode_irrealis("ASSAULT", None, future=False, hypothetical=False) is None


def test_irrealis_targets_are_known_codes():
    from dateline import ontology
    from dateline.ontology.tables import rows
    for r in rows("irrealis.tsv"):
        assert ontology.lookup(r["cameo"]).code == r["cameo"]
