"""A bounded fuzz of the extraction path: 2,500 mutated one-sentence windows of the shipped samples
(number, date, unicode, control-character and length mutations, publication dates including
0001-01-01 and 9999-12-31; bench/fuzz_mutations.py, fixed seed) through ``read_text`` and the
Pipeline, as ``dateline.extract`` runs them. None may raise. ``bench/fuzz_extract.py`` runs the
same generator at scale and reports crashes and slow inputs."""
from __future__ import annotations

import sys
import traceback


from shared_data import REPO

sys.path.insert(0, str(REPO / "bench"))
from fuzz_mutations import SEED, base_windows, fuzz_inputs  # noqa: E402

N = 2500



def _where(exc: BaseException) -> tuple[str, str]:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/dateline/" in f.filename.replace("\\", "/")]
    if not frames:
        return "?", "?"
    return frames[-1].filename.replace("\\", "/").split("/dateline/", 1)[-1], frames[-1].name


def test_mutated_texts_never_raise(pipeline):
    from dateline.ingest import InputError, read_text

    items = list(fuzz_inputs(N, SEED, base_windows(max_sentences=1), length_scale=0.1))
    assert {p for p in (i.published for i in items) if p and p.year in (1, 9999)}, "edge dates missing"
    crashes: list[tuple[str, str, str, object]] = []
    articles = []
    for item in items:
        try:
            article = read_text(item.text, published=item.published)
        except Exception as exc:   # noqa: BLE001 - every crash is reported below
            crashes.append((type(exc).__name__, *_where(exc), item))
            continue
        if not isinstance(article, InputError):     # "nothing to read" is a value, by design
            articles.append((article, item))
    docs = pipeline.nlp.pipe((a.text for a, _ in articles), batch_size=64)
    extracted = 0
    for (article, item), doc in zip(articles, docs):
        try:
            pipeline.extract_doc(doc, article)     # what extract_many does per article
            extracted += 1
        except Exception as exc:   # noqa: BLE001
            crashes.append((type(exc).__name__, *_where(exc), item))
    assert extracted > N * 0.8
    assert not crashes, "\n".join(f"{t} in {f} {fn}: published={i.published} {i.text[:120]!r}"
                                   for t, f, fn, i in crashes[:10])


def test_generator_is_deterministic():
    windows = base_windows(max_sentences=1)
    first = list(fuzz_inputs(50, SEED, windows, length_scale=0.1))
    assert first == list(fuzz_inputs(50, SEED, windows, length_scale=0.1))
    assert first[:20] == list(fuzz_inputs(20, SEED, windows, length_scale=0.1))
    assert {m for i in fuzz_inputs(500, SEED, windows) for m in i.mutations} == \
        {"number", "date", "unicode", "control", "length"}
