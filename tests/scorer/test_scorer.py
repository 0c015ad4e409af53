"""The learned event scorer: training separates real from invented candidates, and the shipped model loads."""
from dateline.scorer.model import DEFAULT_MODEL_PATH, EventScorer, fit


def test_fit_learns_a_cue_that_marks_negatives_and_is_deterministic():
    samples = [["bias", "type=AGREE", "cue=condition"]] * 20 + [["bias", "type=AGREE"]] * 20
    labels = [0] * 20 + [1] * 20
    weights = fit(samples, labels, l2=0.1, min_count=1)
    model = EventScorer(weights)
    assert model.probability(["bias", "type=AGREE", "cue=condition"]) < 0.2
    assert model.probability(["bias", "type=AGREE"]) > 0.8
    assert fit(samples, labels, l2=0.1, min_count=1) == weights
    assert model.explain(["bias", "type=AGREE", "cue=condition"])[0][0] == "cue=condition"


def test_shipped_model_loads_and_gives_probabilities():
    model = EventScorer.load(DEFAULT_MODEL_PATH)
    assert len(model.weights) > 50 and "bias" in model.weights
    p = model.probability(["bias", "type=CONSULT", "mode=visit"])
    assert 0.0 < p < 1.0


def test_extract_sets_confidence_from_the_scorer():
    import dateline
    extraction = dateline.extract("ISLAMABAD: Russian Deputy Foreign Minister Sergei Ryabkov met Pakistan's "
                                    "Foreign Minister Ishaq Dar in Islamabad on Thursday.", published="2025-04-18")
    assert extraction.events
    assert all(0.0 < e.confidence < 1.0 for e in extraction.events)


def test_calibration_recovers_a_known_mapping_and_survives_saving(tmp_path):
    import math
    import random

    from dateline.scorer.model import fit_calibration

    rng = random.Random(3)
    logits = [rng.uniform(-6, 6) for _ in range(4000)]
    # an overconfident raw score: the true probability is sigmoid(0.5 * logit - 1)
    labels = [int(rng.random() < 1 / (1 + math.exp(-(0.5 * z - 1)))) for z in logits]
    a, b = fit_calibration(logits, labels)
    assert abs(a - 0.5) < 0.1 and abs(b + 1) < 0.2
    model = EventScorer({"bias": 0.0, "x": 4.0}, calibration=(a, b))
    path = tmp_path / "scorer.json"
    path.write_text(model.to_json(), encoding="utf-8")
    loaded = EventScorer.load(path)
    assert loaded.calibration == (round(a, 4), round(b, 4))
    assert abs(loaded.probability(["bias", "x"]) - 1 / (1 + math.exp(-(a * 4 + b)))) < 1e-3
    assert EventScorer({"bias": 0.0, "x": 4.0}).probability(["bias", "x"]) > loaded.probability(["bias", "x"])


def test_the_main_pair_breaks_ties_by_code_not_by_set_order():
    """Three countries named equally often: the pair is the same whatever the order of the events
    (it once followed set order, which changes with Python's hash seed, so scores changed between runs)."""
    from dateline.model import Actor, Event
    from dateline.scorer.features import main_countries

    def ev(*codes):
        return Event(id="e", article_id="a", type="CONSULT",
                     actors=[Actor(id=f"country:{c}", name=c, kind="country", country=c) for c in codes])

    events = [ev("RUS", "PAK"), ev("CHN", "RUS"), ev("PAK", "CHN")]
    assert main_countries(events) == frozenset({"CHN", "PAK"})
    assert main_countries(list(reversed(events))) == frozenset({"CHN", "PAK"})
