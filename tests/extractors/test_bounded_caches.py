"""A long run must not grow memory: every cache in the extractors has a size bound, and the time
caches keyed on phrases and whole sentences hold no more than their bound however many they see."""
from __future__ import annotations

import importlib
import pkgutil
from datetime import date, timedelta

import dateline.extractors as extractors
from dateline.extractors import time as time_stage


def _caches():
    for info in pkgutil.iter_modules(extractors.__path__):
        module = importlib.import_module(f"dateline.extractors.{info.name}")
        for name, value in vars(module).items():
            if callable(getattr(value, "cache_parameters", None)) and value.__module__ == module.__name__:
                yield f"{module.__name__}.{name}", value


def test_every_extractor_cache_with_arguments_has_a_bound():
    caches = dict(_caches())
    assert "dateline.extractors.time.normalize" in caches  # the walk finds the caches
    unbounded = [name for name, fn in caches.items()
                 if fn.cache_parameters()["maxsize"] is None and fn.__wrapped__.__code__.co_argcount > 0]
    assert unbounded == []


def test_phrase_cache_stops_at_its_bound():
    time_stage.normalize.cache_clear()
    start = date(2020, 1, 1)
    for i in range(time_stage.PHRASE_CACHE + 300):  # every article's date is a new anchor: a new key
        time_stage.normalize("last Tuesday", start + timedelta(days=i))
    assert time_stage.normalize.cache_info().currsize == time_stage.PHRASE_CACHE
    assert time_stage.normalize("last Tuesday", date(2025, 4, 18)) is not None


def test_sentence_cache_stops_at_its_bound():
    time_stage.timex_in_sentence.cache_clear()
    anchor = date(2025, 4, 18)
    for i in range(time_stage.SENTENCE_CACHE + 100):
        time_stage.timex_in_sentence("last year", anchor, f"Trade grew by {i} percent last year, officials said.")
    assert time_stage.timex_in_sentence.cache_info().currsize == time_stage.SENTENCE_CACHE
    assert time_stage.timex_in_sentence("last year", anchor, "Trade grew last year.") == "2024"
