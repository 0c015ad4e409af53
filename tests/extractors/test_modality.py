"""Modality flags and clause tense read off the parse."""
from __future__ import annotations

from datetime import date

import pytest

from dateline.extractors.modality import ModalityDetector, is_historical, tense
from dateline.model import TimeRef


def trigger(nlp, text: str, word: str):
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text,word,expected", [
    ("Pakistan did not agree to the plan.", "agree", (True, False, False)),
    ("India never attacked Pakistan.", "attacked", (True, False, False)),
    ("Russia failed to sign the deal.", "sign", (True, False, False)),
    ("No talks were held.", "talks", (True, False, False)),
    ("Dar will visit Moscow.", "visit", (False, True, False)),
    ("Dar is expected to visit Moscow.", "visit", (False, True, False)),
    ("Russia plans to sign the deal.", "sign", (False, True, False)),
    ("The planned visit was announced.", "visit", (False, True, False)),
    ("Iran could attack Israel.", "attack", (False, False, True)),
    ("If Iran attacks, Israel will respond.", "attacks", (False, False, True)),
    ("Pakistan and Russia agreed to advance partnership.", "agreed", (False, False, False)),
])
def test_modality_flags(nlp, text, word, expected):
    m = ModalityDetector().of(trigger(nlp, text, word))
    assert (m.negated, m.future, m.hypothetical) == expected


@pytest.mark.parametrize("text,word,expected", [
    ("Ryabkov is visiting Islamabad.", "visiting", "present"),
    ("Pakistan and Russia agreed to advance partnership.", "agreed", "past"),
    ("Military cooperation has expanded.", "expanded", "perfect"),
    ("Dar will visit Moscow.", "visit", "future"),
    ("The session, held in Moscow, ended.", "held", "past"),
])
def test_tense(nlp, text, word, expected):
    assert tense(trigger(nlp, text, word)) == expected


def test_historical_needs_a_text_time_over_a_year_old():
    pub = date(2025, 4, 18)
    old = TimeRef("1998", "year", "text", date(1998, 1, 1), date(1998, 12, 31))
    recent = TimeRef("2024", "year", "text", date(2024, 1, 1), date(2024, 12, 31))
    none = TimeRef(None, "unknown", "none", fallback=pub)
    assert is_historical(old, pub) is True
    assert is_historical(recent, pub) is False
    assert is_historical(none, pub) is False
    assert is_historical(old, None) is False
