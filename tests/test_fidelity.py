"""Fidelity scores: sacrebleu metrics against hand-computed values, forced-decoding evidence,
calibration, document aggregates, round-trip labelling and the fidelity checks.

A small fake engine stands in for a translation engine: it implements the Engine protocol with a
fixed phrase table, so the tests know exactly what the back-translation is; forced decoding also
runs on the tiny committed CTranslate2 model (tests/fixtures/tiny_model).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from backcheck.config import Config
from backcheck.engines.base import TokenScores, Translation
from backcheck.formats.article import from_text
from backcheck.lang.align import AlignedPair
from backcheck.pipeline.check import Job, run_checks
from backcheck.scoring import fidelity

# --- sacrebleu metrics against values computed by hand -------------------------------------------


def test_chrf_and_chrf_plus_plus_by_hand():
    # characters (whitespace ignored) "abcd" vs "abce": unigram F 3/4, bigram 2/3, trigram 1/2,
    # 4-gram 0; orders 5-6 have no n-grams and do not count. chrF = (3/4 + 2/3 + 1/2 + 0) / 4.
    # chrF++ adds word unigrams {ab, cd} vs {ab, ce} (F 1/2) and word bigrams (0): six orders.
    values = fidelity.metrics().sentence("ab cd", "ab ce")
    assert values["chrf"] == pytest.approx(100 * (3 / 4 + 2 / 3 + 1 / 2) / 4, abs=1e-3)
    assert values["chrf++"] == pytest.approx(100 * (3 / 4 + 2 / 3 + 1 / 2 + 1 / 2) / 6, abs=1e-3)


def test_sentence_bleu_and_ter_by_hand():
    # n-gram precisions 5/6, 3/5, 2/4, 1/3; equal lengths so no brevity penalty
    values = fidelity.metrics().sentence("the cat sat on the mat", "the cat sat on a mat")
    assert values["bleu"] == pytest.approx(100 * (5 / 6 * 3 / 5 * 2 / 4 * 1 / 3) ** 0.25, abs=1e-3)
    # one insertion against a four-word reference
    assert fidelity.metrics().sentence("the cat sat", "the cat sat down")["ter"] == pytest.approx(25.0)


def test_identical_sentences_score_perfectly():
    values = fidelity.metrics().sentence("Vlada je usvojila budžet.", "Vlada je usvojila budžet.")
    assert (values["chrf++"], values["chrf"], values["bleu"], values["ter"]) == (100.0, 100.0, 100.0, 0.0)


def test_signature_names_every_metric_and_offline_tokenisers():
    sig = fidelity.metrics().signature()
    for part in ("chrf++[", "chrf[", "bleu[", "ter[", "tok:intl", "smooth:exp", "tok:tercom", "version:"):
        assert part in sig
    assert "spm" not in sig and "flores" not in sig


# --- forced-decoding evidence ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, pieces, expected",
    [
        (
            "The minister resigned.",
            ["▁The", "▁minis", "ter", "▁resigned", ".", "</s>"],
            [(0, 3), (4, 9), (9, 12), (13, 21), (21, 22), None],
        ),
        # a piece SentencePiece normalised (… → ...) is skipped and the next one resynchronises
        (
            "Wait… then 40 votes",
            ["▁Wait", "...", "▁then", "▁40", "▁votes"],
            [(0, 4), None, (6, 10), (11, 13), (14, 19)],
        ),
    ],
)
def test_piece_offsets(text, pieces, expected):
    assert fidelity.piece_offsets(text, pieces) == expected


def test_weak_words_join_pieces_and_shift_offsets():
    text = "Police arrested 40 protesters."
    pieces = ["▁Police", "▁arrest", "ed", "▁40", "▁protest", "ers", ".", "</s>"]
    log_probs = [-0.2, -0.1, -6.5, -9.0, -0.3, -0.4, -0.1, -0.05]
    weak = fidelity.weak_words(text, 100, pieces, log_probs, limit=2)
    assert weak == [
        {"start": 116, "end": 118, "log_prob": -9.0, "text": "40"},
        {"start": 107, "end": 115, "log_prob": -6.5, "text": "arrested"},
    ]


# --- calibration and aggregates ------------------------------------------------------------------


def test_calibration_is_fitted_and_monotone_in_similarity():
    key, model = fidelity.choose_model("apertium", fidelity.SOURCE, fidelity.feature_names([]))
    assert key == "apertium:source" and model["pairs"] > 100 and model["length"]["sigma"] > 0
    low = fidelity.features({"chrf++": 20.0, "chrf": 22.0, "bleu": 3.0, "ter": 90.0}, 0.0, {})
    high = fidelity.features({"chrf++": 70.0, "chrf": 72.0, "bleu": 40.0, "ter": 40.0}, 0.0, {})
    assert fidelity.logistic(model, low) < fidelity.logistic(model, high)


def test_unknown_engine_falls_back_to_a_named_calibration():
    key, _ = fidelity.choose_model("ct2", fidelity.ROUND_TRIP, fidelity.feature_names(["en|bt"]))
    assert key.endswith(":round-trip (fallback)")


def test_bootstrap_interval_is_reproducible_and_brackets_the_mean():
    values = [92.0, 15.0, 78.0, 64.0, 88.0, 40.0, 97.0, 71.0]
    lo, hi = fidelity.bootstrap_ci(values)
    assert (lo, hi) == fidelity.bootstrap_ci(values)
    assert lo < sum(values) / len(values) < hi


# --- a fake engine with a fixed phrase table ---------------------------------------------------------

SOURCE_TEXT = (
    "Vlada je u utorak usvojila budžet za narednu godinu. Ministar finansija je rekao da će porezi ostati isti."
)
BACK = {
    "The government adopted next year's budget on Tuesday.": "Vlada je u utorak usvojila budžet za narednu godinu.",
    "The finance minister said that taxes would remain the same.": "Ministar finansija je rekao da će porezi ostati isti.",
    # unfaithful: negation flipped and the subject replaced
    "The opposition said that taxes would not remain the same.": "Opozicija je rekla da porezi neće ostati isti.",
}


class FakeEngine:
    """Phrase-table engine: exact back-translations, identity elsewhere; forced decoding gives a
    low log-probability to English words absent from the English side of the table."""

    name = "fake"

    def __init__(self, can_score: bool = True):
        self.can_score = can_score
        self.calls: list[tuple[str, str]] = []

    def translate(self, sentences, src, tgt):
        self.calls.append((src, tgt))
        table = BACK if src == "en" else {v: k for k, v in BACK.items()}
        return [Translation(table.get(s, s)) for s in sentences]

    def score(self, sources, targets, src, tgt):
        if not self.can_score:
            return None
        known = {w for k in BACK for w in k.lower().split()} if tgt == "en" else set()
        out = []
        for target in targets:
            pieces = ["▁" + w for w in target.split()] + ["</s>"]
            out.append(
                TokenScores(
                    tuple(pieces),
                    tuple(-0.3 if p[1:].lower() in known and p[1:] != "opposition" else -7.0 for p in pieces[:-1])
                    + (-0.1,),
                )
            )
        return out

    def signature(self):
        return {"name": self.name, "model": "phrase-table"}


def test_fake_engine_answers_like_an_engine():
    """The stand-in gives what the pipeline reads from a real engine (see test_engines_ct2)."""
    engine = FakeEngine()
    [translation] = engine.translate(["Pristina"], "en", "sr")
    assert isinstance(translation.text, str) and engine.signature()["name"] == engine.name


def _docs(english: str):
    doc = from_text(english, path="en.txt", lang="en")
    src = from_text(SOURCE_TEXT, path="sr.txt", lang="sr")
    alignment = [AlignedPair((i,), (i,), 1.0) for i in range(len(src.sentences))]
    backs = {s.index: FakeEngine().translate([s.text], "en", "sr")[0].text for s in doc.sentences}
    return doc, src, alignment, backs


FAITHFUL = (
    "The government adopted next year's budget on Tuesday. The finance minister said that taxes would remain the same."
)
UNFAITHFUL = (
    "The government adopted next year's budget on Tuesday. The opposition said that taxes would not remain the same."
)


def test_with_source_scores_each_pair_and_the_document():
    doc, src, alignment, backs = _docs(UNFAITHFUL)
    result = fidelity.score_document(doc, backs, FakeEngine(), FakeEngine(), src, alignment)
    assert result.mode == "source"
    first, second = result.sentences
    assert first.metrics["chrf++"] == 100.0 and first.fidelity > 90
    assert second.metrics["chrf++"] < 70 and second.fidelity < first.fidelity
    assert set(first.forced) == {"src|en", "en|src"}
    assert result.document["pairs"] == 2 and result.document["mode"] == "source"
    lo, hi = result.document["ci95"]
    assert lo <= result.document["fidelity"] <= hi
    assert "calibration:apertium:source (fallback)" in result.signature and "chrf++[" in result.signature


def test_scores_are_deterministic():
    doc, src, alignment, backs = _docs(UNFAITHFUL)
    a = fidelity.score_document(doc, backs, FakeEngine(), FakeEngine(), src, alignment)
    b = fidelity.score_document(doc, backs, FakeEngine(), FakeEngine(), src, alignment)
    assert [s.to_dict() for s in a.sentences] == [s.to_dict() for s in b.sentences]
    assert a.document == b.document


def test_without_source_is_a_labelled_round_trip():
    doc = from_text(FAITHFUL, path="en.txt", lang="en")
    engine = FakeEngine(can_score=False)
    backs = {s.index: BACK[s.text] for s in doc.sentences}
    result = fidelity.score_document(doc, backs, engine, engine, lang="sr")
    assert result.mode == "round-trip" and result.document["mode"] == "round-trip"
    assert engine.calls == [("sr", "en")]  # back into English, once for the whole article
    assert all(s.metrics["chrf++"] == 100.0 and s.forced == {} for s in result.sentences)
    assert "fidelity:round-trip" in result.signature


# --- the checks that read the scores ---------------------------------------------------------------


def _scored(english: str, can_score: bool = True):
    doc, src, alignment, backs = _docs(english)
    engine = FakeEngine(can_score)
    return Job(doc, src), alignment, backs, fidelity.score_document(doc, backs, engine, engine, src, alignment)


def _flags(english: str, config: Config | None = None, can_score: bool = True):
    job, alignment, backs, scores = _scored(english, can_score)
    flags = run_checks(job, config or Config(), backtranslations=backs, alignment=alignment, scores=scores)
    return [f for f in flags if f.check.startswith("fidelity.")]


def _between_the_two_sentences(english: str) -> Config:
    """A threshold between the faithful first sentence and the unfaithful second one."""
    first, second = _scored(english)[3].sentences
    assert second.fidelity < first.fidelity
    return Config(thresholds={"min_fidelity": (first.fidelity + second.fidelity) / 2})


def test_low_fidelity_flags_the_unfaithful_sentence_only():
    config = _between_the_two_sentences(UNFAITHFUL)
    assert _flags(FAITHFUL, config) == []
    flags = _flags(UNFAITHFUL, config, can_score=False)
    assert [(f.check, f.category, f.severity) for f in flags] == [("fidelity.low", "mistranslation", "major")]
    assert flags[0].span.text == "The opposition said that taxes would not remain the same."
    assert flags[0].source_span.text.startswith("Ministar finansija")
    assert flags[0].evidence["backtranslation"].startswith("Opozicija")


def test_low_fidelity_span_narrows_to_unsupported_words():
    flags = _flags(UNFAITHFUL, _between_the_two_sentences(UNFAITHFUL))
    assert [f.span.text for f in flags] == ["opposition"]
    assert "least supported: 'opposition'" in flags[0].message


def test_min_fidelity_threshold_is_configurable():
    assert _flags(UNFAITHFUL, Config(thresholds={"min_fidelity": 0.0})) == []
    assert len(_flags(FAITHFUL, Config(thresholds={"min_fidelity": 101.0}))) == 2


@pytest.mark.parametrize(
    "english, category",
    [
        # the second sentence keeps only its first words: far shorter than its source
        ("The government adopted next year's budget on Tuesday. The minister spoke.", "omission"),
        (
            "The government adopted next year's budget on Tuesday. The finance minister said that taxes would remain "
            "the same, although the central bank warned that inflation, which rose sharply in the spring, could force "
            "the cabinet to raise excise duties on fuel and tobacco before the end of the year.",
            "addition",
        ),
    ],
)
def test_length_says_omission_or_addition(english, category):
    flags = _flags(english, can_score=False)
    assert [f.category for f in flags] == [category]


@pytest.fixture
def round_trip_calibration(monkeypatch):
    """A round-trip calibration for the fake engine (the shipped one may hold no evidence)."""
    shipped = fidelity.calibration()
    model = {
        "features": ["chrf++"],
        "mean": [60.0],
        "scale": [15.0],
        "coef": [1.5],
        "intercept": 0.0,
        "length": {"mu": 0.0, "sigma": 0.1},
        "min_fidelity": 40.0,
    }
    patched = {**shipped, "models": {**shipped["models"], "fake:round-trip": model}}
    monkeypatch.setattr(fidelity, "calibration", lambda: patched)


def test_round_trip_flags_are_minor_and_labelled(round_trip_calibration):
    doc = from_text(
        "The opposition said that taxes would not remain the same. The finance minister said that "
        "taxes would remain the same.",
        path="en.txt",
        lang="en",
    )
    engine = FakeEngine(can_score=False)
    # the first round trip loses the subject and the negation; the second comes back intact
    backs = {0: "Rekla je da su porezi isti.", 1: BACK["The finance minister said that taxes would remain the same."]}
    scores = fidelity.score_document(doc, backs, engine, engine, lang="sr")
    assert scores.document["calibrated"] and "calibration:fake:round-trip@" in scores.signature
    flags = run_checks(Job(doc), Config(), backtranslations=backs, scores=scores)
    low = [f for f in flags if f.check.startswith("fidelity.")]
    assert [(f.check, f.severity, f.evidence["mode"]) for f in low] == [("fidelity.round_trip", "minor", "round-trip")]
    assert (
        low[0].span.text.startswith("The opposition")
        and "round trip" in low[0].message
        and "round-trip mode" in low[0].detail
    )


def test_a_mode_without_evidence_reports_metrics_but_no_fidelity(monkeypatch):
    shipped = fidelity.calibration()
    empty = {
        "features": [],
        "mean": [],
        "scale": [],
        "coef": [],
        "intercept": 0.0,
        "length": {"mu": 0.0, "sigma": 0.1},
        "min_fidelity": 50.0,
    }
    monkeypatch.setattr(
        fidelity, "calibration", lambda: {**shipped, "models": {**shipped["models"], "fake:round-trip": empty}}
    )
    doc = from_text(FAITHFUL, path="en.txt", lang="en")
    engine = FakeEngine(can_score=False)
    scores = fidelity.score_document(doc, {s.index: BACK[s.text] for s in doc.sentences}, engine, engine, lang="sr")
    assert [s.fidelity for s in scores.sentences] == [None, None]
    assert scores.document["calibrated"] is False and "fidelity" not in scores.document
    assert scores.document["chrf++"] == 100.0
    config = Config(thresholds={"min_round_trip_fidelity": 101.0})
    assert [f for f in run_checks(Job(doc), config, scores=scores) if f.check.startswith("fidelity.")] == []


def test_checks_skip_without_scores():
    doc = from_text(UNFAITHFUL, path="en.txt", lang="en")
    assert [f for f in run_checks(Job(doc), Config()) if f.check.startswith("fidelity.")] == []


# --- forced decoding on the tiny committed CTranslate2 model (a copy model, English → sh) -----------

TINY = Path(__file__).parent / "fixtures" / "tiny_model"


def test_tiny_model_scores_are_deterministic_and_prefer_the_faithful_source():
    from backcheck.engines.ct2 import CT2Engine

    engine = CT2Engine(TINY, beam_size=1)
    english = [
        "The minister said on Monday that 15 people were hurt in the fire.",
        "Parliament rejected the budget after the vote.",
    ]
    # the copy model renders each piece as itself, so the faithful "source" is the English itself
    faithful = [fidelity.Pair((i,), (i,), e, e) for i, e in enumerate(english)]
    changed = [
        fidelity.Pair((0,), (0,), english[0], english[0].replace("15", "51")),
        fidelity.Pair((1,), (1,), english[1], english[1].replace("rejected", "adopted")),
    ]
    bts = [t.text for t in engine.translate(english, "en", "hr")]
    runs = [fidelity.score_with_source(faithful, bts, engine, None, "hr") for _ in range(2)]
    assert [s.to_dict() for s in runs[0].sentences] == [s.to_dict() for s in runs[1].sentences]
    assert runs[0].document == runs[1].document
    good = runs[0].sentences
    bad = fidelity.score_with_source(changed, bts, engine, None, "hr").sentences
    assert all(set(s.forced) == {"src|en"} for s in good)  # no hr → en model: one direction only
    assert all(g.forced["src|en"] > b.forced["src|en"] for g, b in zip(good, bad))
    assert "calibration:apertium:source (fallback)" in runs[0].signature
