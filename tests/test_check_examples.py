"""Every example of every check (src/backcheck/checks/examples.toml) runs through the pipeline:
a positive example is flagged by its check on exactly the ``flags`` text with exactly the
``suggestion``; a near-miss is not flagged by its check at all. Each check has both kinds.

Examples marked ``needs = "engine"`` (the fidelity checks read back-translation scores) carry the
engine's output; a stub engine replays it, and the scores are computed and read as
``pipeline.check.check_jobs`` does (align with the back-translations, ``score_document``,
``run_checks``). Against a source the shipped Apertium calibration decides. The shipped
round-trip calibration has no evidence (it reports metrics but no fidelity, so
``fidelity.round_trip`` cannot flag); round-trip examples run under a stand-in calibration on
chrF++, the one tests/test_fidelity.py uses for the same reason.
"""

from __future__ import annotations

import pytest

from backcheck.checks import all_checks
from backcheck.checks.examples import Example, all_examples, examples
from backcheck.config import Config
from backcheck.engines.base import Translation
from backcheck.formats.article import from_text
from backcheck.pipeline.check import Job, run_checks
from backcheck.scoring import fidelity

CHECKS = all_checks()

#: The engine a source-mode example is scored as (its calibration is shipped).
SOURCE_ENGINE = "apertium"
#: Round trips are scored as this engine, under ROUND_TRIP_MODEL.
ROUND_TRIP_ENGINE = "example"
ROUND_TRIP_MODEL = {
    "features": ["chrf++"],
    "mean": [60.0],
    "scale": [15.0],
    "coef": [1.5],
    "intercept": 0.0,
    "length": {"mu": 0.0, "sigma": 0.1},
    "min_fidelity": 40.0,
}


class ReplayEngine:
    """An engine that replays the translations an example carries; it cannot force-decode."""

    def __init__(self, name: str, table: dict[str, str]):
        self.name = name
        self.table = table

    def translate(self, sentences, src, tgt):
        return [Translation(self.table[s]) for s in sentences]

    def score(self, sources, targets, src, tgt):
        return None

    def signature(self):
        return {"name": self.name, "model": "replay"}


def run_example(example: Example, monkeypatch) -> list:
    """The flags of every check on the example, as the pipeline computes them."""
    doc = from_text(example.english, path="example.txt", lang="en")
    src = from_text(example.source, path="source.txt", lang=example.source_lang) if example.source is not None else None
    job = Job(doc, src)
    config = Config(**example.config)
    if example.needs != "engine":
        return run_checks(job, config)
    sentences = doc.article_sentences
    assert len(example.backtranslation) == len(sentences), [s.text for s in sentences]
    backs = {s.index: bt for s, bt in zip(sentences, example.backtranslation, strict=True)}
    lang = src.lang if src is not None else "sr"
    if src is not None:
        from backcheck.lang.align import align

        alignment = align(src, doc, backs)
        # the back-translations are given; against a source the engine is only asked to force-decode
        forward = ReplayEngine(SOURCE_ENGINE, {})
        scores = fidelity.score_document(doc, backs, forward, None, src, alignment, lang, config.thresholds)
    else:
        shipped = fidelity.calibration()
        patched = {**shipped, "models": {**shipped["models"], f"{ROUND_TRIP_ENGINE}:round-trip": ROUND_TRIP_MODEL}}
        monkeypatch.setattr(fidelity, "calibration", lambda: patched)
        engine = ReplayEngine(ROUND_TRIP_ENGINE, dict(zip(example.backtranslation, example.round_trip, strict=True)))
        alignment = None
        scores = fidelity.score_document(doc, backs, engine, engine, None, None, lang, config.thresholds)
    return run_checks(job, config, backtranslations=backs, alignment=alignment, scores=scores)


def _cases():
    for check_id in CHECKS:
        for n, example in enumerate(examples(check_id), 1):
            kind = "flags" if example.positive else "near-miss"
            yield pytest.param(check_id, example, id=f"{check_id}-{n}-{kind}")


@pytest.mark.parametrize("check_id, example", list(_cases()))
def test_example_runs_as_documented(check_id, example, monkeypatch):
    found = [(f.span.text, f.suggestion) for f in run_example(example, monkeypatch) if f.check == check_id]
    if example.positive:
        assert (example.flags, example.suggestion) in found, (
            f"{check_id} should flag {example.flags!r} (suggestion {example.suggestion!r}); it flagged {found}"
        )
    else:
        assert found == [], f"{check_id} should not flag this near-miss; it flagged {found}"


def test_every_check_has_a_positive_example_and_a_near_miss():
    for check_id in CHECKS:
        kinds = [example.positive for example in examples(check_id)]
        assert True in kinds, f"{check_id} has no example it flags"
        assert False in kinds, f"{check_id} has no near-miss example"


def test_examples_name_registered_checks_only():
    assert set(all_examples()) <= set(CHECKS)


def test_examples_carry_what_their_check_needs():
    for check_id, cls in CHECKS.items():
        for example in examples(check_id):
            if cls.requires_source:
                assert example.source is not None, f"{check_id} needs a source; an example has none"
            if check_id.startswith("fidelity."):
                assert example.needs == "engine", f'{check_id} reads engine scores: mark its examples needs = "engine"'


def test_bad_example_is_refused():
    from backcheck.checks.examples import _example

    with pytest.raises(ValueError, match="not in the english"):
        _example("untranslated", 1, {"english": "The decision was final.", "flags": "odluka", "note": "x"})
    with pytest.raises(ValueError, match="unknown key"):
        _example("untranslated", 1, {"english": "The decision was final.", "note": "x", "flag": "decision"})
    with pytest.raises(ValueError, match="backcheck|backtranslation"):
        _example("fidelity.low", 1, {"english": "The decision was final.", "note": "x", "needs": "engine"})
