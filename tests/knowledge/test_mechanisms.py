"""Standing mechanisms and their numbered sessions, on sentences written for these tests."""
from __future__ import annotations

import pytest

from dateline.knowledge.loader import KnowledgeFileError
from dateline.knowledge.mechanisms import load_mechanisms


def one(sentence: str, extra=()):
    found = load_mechanisms(extra).find(sentence)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("sentence, name, ordinal, unit", [
    ("Ryabkov led his delegation at the 15th round of the Pakistan-Russia Consultative Group on Strategic "
     "Stability.", "Consultative Group on Strategic Stability", 15, "round"),
    ("The 9th session of the Pakistan-Russia Inter-Governmental Commission was held in Moscow.",
     "Inter-Governmental Commission", 9, "session"),
    ("They signed deals at the ninth session of their Intergovernmental Commission in 2024.",
     "Inter-Governmental Commission", 9, "session"),
    ("The eighth meeting of the Joint Working Group on counter-terrorism ended in Beijing.",
     "Joint Working Group on Counter-Terrorism", 8, "meeting"),
    ("The twenty-first round of the Pakistan-China Strategic Dialogue opened on Monday.",
     "Strategic Dialogue", 21, "round"),
    ("Officials prepared the 3rd Pakistan-Russia IGC session.", "Inter-Governmental Commission", 3, "session"),
    ("Round 4 of the Joint Working Group on trade and investment ended.",
     "Joint Working Group on Trade and Investment", 4, "round"),
    ("The inaugural session of the Joint Economic Commission met in Tashkent.", "Joint Economic Commission", 1,
     "session"),
    ("The 22nd round of bilateral political consultations took place in Ankara.",
     "Bilateral Political Consultations", 22, "round"),
])
def test_numbered_sessions(sentence, name, ordinal, unit):
    s = one(sentence)
    assert (s.mechanism, s.ordinal, s.unit) == (name, ordinal, unit)
    assert sentence[s.start:s.end] == s.text


def test_a_session_without_a_number_is_found_unnumbered():
    s = one("The two countries agreed in January, at a session of their Inter-Governmental Commission in "
            "Islamabad, that Russia would supply crude oil.")
    assert (s.mechanism, s.ordinal, s.unit) == ("Inter-Governmental Commission", None, "session")


@pytest.mark.parametrize("sentence", [
    "The SCO Council of Heads of Government met in Islamabad.",          # multilateral, not in the table
    "She passed her IGCSE exams in the first session of the year.",        # IGC inside a word
    "The commission met for the second time.",                             # no mechanism named
    "Ministers discussed the strategic stability situation.",
])
def test_no_session(sentence):
    assert load_mechanisms().find(sentence) == []


def test_ordinals():
    t = load_mechanisms()
    assert [t.ordinal(w) for w in ("1st", "2nd", "23rd", "15th", "eighth", "twenty-first", "thirtieth", "xth")] == \
        [1, 2, 23, 15, 8, 21, 30, None]


def test_users_add_a_mechanism_in_their_knowledge_directory(tmp_path):
    sentence = "The 4th meeting of the Pakistan-Russia Joint Task Force on Energy opened in Karachi."
    assert load_mechanisms().find(sentence) == []
    (tmp_path / "mechanisms.tsv").write_text(
        "name\tkind\tpattern\nJoint Task Force on Energy\tworking_group\tjoint\\s+task\\s+force\\s+on\\s+energy\n",
        encoding="utf-8")
    s = one(sentence, (str(tmp_path),))
    assert (s.mechanism, s.ordinal, s.unit) == ("Joint Task Force on Energy", 4, "meeting")


def test_users_add_a_unit_word(tmp_path):
    sentence = "The 5th conclave of the Joint Economic Commission ended."
    assert load_mechanisms().find(sentence) == []
    (tmp_path / "mechanism_units.tsv").write_text("word\tunit\nconclave\tsession\n", encoding="utf-8")
    s = one(sentence, (str(tmp_path),))
    assert (s.ordinal, s.unit) == (5, "session")


def test_bad_rows_are_named(tmp_path):
    (tmp_path / "mechanisms.tsv").write_text("name\tkind\tpattern\nX\tparty\tx\n", encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match=r"mechanisms.tsv:2: kind 'party'"):
        load_mechanisms((str(tmp_path),))
