"""The event scorer: L2-regularised logistic regression over named binary features.

The model is a JSON file of feature weights (`event_scorer.json`, built by scripts/train_scorer.py), so
it loads in milliseconds, needs nothing beyond numpy to train and nothing at all to apply, and every
score can be explained feature by feature."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy

from dateline.model import Event

DEFAULT_MODEL_PATH = Path(__file__).with_name("event_scorer.json")


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


@dataclass(slots=True)
class EventScorer:
    """``weights`` give a raw score (a logit); ``calibration`` (a, b) maps it to a probability,
    sigmoid(a * logit + b), fitted on held-out real news so that a confidence of 0.7 means about
    seven in ten such events are right (Platt scaling)."""
    weights: dict[str, float]
    meta: dict = field(default_factory=dict)
    calibration: tuple[float, float] = (1.0, 0.0)

    @classmethod
    def load(cls, path: str | Path = DEFAULT_MODEL_PATH) -> "EventScorer":
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        a, b = data.get("calibration", (1.0, 0.0))
        return cls(weights=data["weights"], meta=data.get("meta", {}), calibration=(float(a), float(b)))

    def logit(self, features: list[str]) -> float:
        w = self.weights
        return sum(w.get(name, 0.0) for name in features)

    def probability(self, features: list[str]) -> float:
        a, b = self.calibration
        return _sigmoid(a * self.logit(features) + b)

    def explain(self, features: list[str], top: int = 6) -> list[tuple[str, float]]:
        """The features that moved the score most, with their weights."""
        found = [(name, self.weights[name]) for name in features if name in self.weights and name != "bias"]
        return sorted(found, key=lambda kv: -abs(kv[1]))[:top]

    def score(self, doc, events: list[Event], title: str | None = None) -> list[Event]:
        """Set each candidate's confidence to the probability that it is a real event of its type."""
        from dateline.scorer.features import candidate_features, main_countries

        main = main_countries(events)
        for event in events:
            event.confidence = round(self.probability(candidate_features(doc, event, title, main=main)), 4)
        return events

    def to_json(self) -> str:
        ordered = {k: self.weights[k] for k in sorted(self.weights)}
        return json.dumps({"meta": self.meta, "calibration": [round(x, 4) for x in self.calibration],
                           "weights": ordered}, indent=0, sort_keys=False) + "\n"


def fit_calibration(logits: list[float], labels: list[int], steps: int = 3000,
                    rate: float = 0.5) -> tuple[float, float]:
    """Platt scaling: (a, b) minimising the logistic loss of sigmoid(a * logit + b) on held-out pairs."""
    z = numpy.array(logits, dtype=numpy.float64)
    y = numpy.array(labels, dtype=numpy.float64)
    a, b = 1.0, 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + numpy.exp(-numpy.clip(a * z + b, -30, 30)))
        a -= rate * float(((p - y) * z).mean())
        b -= rate * float((p - y).mean())
    return a, b


def fit(samples: list[list[str]], labels: list[int], l2: float = 1.0, epochs: int = 400,
        rate: float = 0.1, sample_weight: list[float] | None = None, min_count: int = 2) -> dict[str, float]:
    """Weights minimising the weighted logistic loss + l2/2 * |w|^2 (bias unpenalised), by full-batch Adam.

    Deterministic: same samples and labels give the same weights. Features seen in fewer than
    ``min_count`` samples are dropped (they only memorise)."""
    counts: dict[str, int] = {}
    for feats in samples:
        for name in set(feats):
            counts[name] = counts.get(name, 0) + 1
    names = sorted(n for n, c in counts.items() if c >= min_count or n == "bias")
    index = {n: i for i, n in enumerate(names)}
    rows, cols = [], []
    for r, feats in enumerate(samples):
        for name in set(feats):
            if name in index:
                rows.append(r)
                cols.append(index[name])
    rows_a, cols_a = numpy.array(rows, dtype=numpy.int64), numpy.array(cols, dtype=numpy.int64)
    y = numpy.array(labels, dtype=numpy.float64)
    sw = numpy.ones(len(samples)) if sample_weight is None else numpy.array(sample_weight, dtype=numpy.float64)
    sw = sw / sw.sum()
    w = numpy.zeros(len(names))
    penalty = numpy.full(len(names), l2 / len(samples))
    if "bias" in index:
        penalty[index["bias"]] = 0.0
    m, v = numpy.zeros_like(w), numpy.zeros_like(w)
    b1, b2, eps = 0.9, 0.999, 1e-8
    for step in range(1, epochs + 1):
        z = numpy.bincount(rows_a, weights=w[cols_a], minlength=len(samples))
        p = 1.0 / (1.0 + numpy.exp(-numpy.clip(z, -30, 30)))
        err = (p - y) * sw
        grad = numpy.bincount(cols_a, weights=err[rows_a], minlength=len(names)) + penalty * w
        m = b1 * m + (1 - b1) * grad
        v = b2 * v + (1 - b2) * grad * grad
        w -= rate * (m / (1 - b1 ** step)) / (numpy.sqrt(v / (1 - b2 ** step)) + eps)
    return {n: round(float(x), 4) for n, x in zip(names, w) if abs(x) >= 1e-4}
