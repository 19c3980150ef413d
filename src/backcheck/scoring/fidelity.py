"""Fidelity scores: how faithfully the English renders its source, sentence by sentence and as a whole.

With a source, each aligned pair is compared through back-translation: the English is translated
back into the source language and sacrebleu's chrF++, chrF, BLEU and TER compare that with the
source sentence. Where a neural engine can force-decode, the mean log-probability of one side
given the other (the Prism idea) is measured in each direction the engine has a model for.
Without a source the only evidence is a round trip (English → source language → English), which
shows what did not survive translation, not what the original said: it is labelled
``"mode": "round-trip"`` and scored against its own calibration.

The per-sentence fidelity (0–100) is a logistic regression on these features, fitted by
``scripts/evaluate_fidelity.py --fit`` on clean and perturbed news pairs (NTREX-128 reversed, one
half of the documents; the other half is for evaluation) and stored, per engine and mode, in
``data/fidelity_calibration.json``: the fitted probability (×100) that the pair is a clean
translation, clean and perturbed pairs weighted equally. A feature whose coefficient comes out
with the wrong sign is dropped, so the score never falls as the back-translation gets closer;
where no feature is left (a mode with no evidence for that engine) no fidelity is reported, only
the metrics. The default low-fidelity threshold is the score below which 5% of the clean fit pairs
fall. An engine without its own calibration uses another engine's, named "(fallback)" in the
signature. This module measures; the checks in :mod:`backcheck.checks.fidelity` decide what is
flagged.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from backcheck.errors import EngineError

SOURCE, ROUND_TRIP = "source", "round-trip"
#: The configuration threshold (``Config.thresholds``) that overrides each mode's default
#: low-fidelity threshold. The default comes with the calibration: the score below which 5% of the
#: clean pairs of the fit split fall.
THRESHOLD_NAMES = {SOURCE: "min_fidelity", ROUND_TRIP: "min_round_trip_fidelity"}
BOOTSTRAP_SAMPLES = 1000
BOOTSTRAP_SEED = 20190801
#: Words reported per sentence as least supported by forced decoding.
WEAK_WORDS = 3
CALIBRATION_FILE = "fidelity_calibration.json"


class Metrics:
    """sacrebleu's metric objects, built once: chrF++, chrF, sentence BLEU (exponential smoothing,
    effective order) and TER. Tokenisers are offline ones (``intl`` for BLEU, TER's ``tercom``;
    chrF works on characters), never sacrebleu's SentencePiece tokenisers, which download a model."""

    def __init__(self) -> None:
        from sacrebleu.metrics import BLEU, CHRF, TER

        self._metrics = {
            "chrf++": CHRF(word_order=2),
            "chrf": CHRF(),
            "bleu": BLEU(effective_order=True, tokenize="intl", smooth_method="exp"),
            "ter": TER(),
        }

    def sentence(self, hypothesis: str, reference: str) -> dict[str, float]:
        return {k: round(m.sentence_score(hypothesis, [reference]).score, 4) for k, m in self._metrics.items()}

    def corpus(self, hypotheses: Sequence[str], references: Sequence[str]) -> dict[str, float]:
        if not hypotheses:
            return {}
        return {
            k: round(m.corpus_score(list(hypotheses), [list(references)]).score, 4) for k, m in self._metrics.items()
        }

    def signature(self) -> str:
        return ",".join(f"{k}[{m.get_signature()}]" for k, m in self._metrics.items())


@lru_cache(maxsize=1)
def metrics() -> Metrics:
    return Metrics()


# --- calibration -----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def calibration() -> dict[str, Any]:
    """The fitted combination (see ``scripts/evaluate_fidelity.py``), with a checksum for signatures."""
    text = resources.files("backcheck").joinpath("data", CALIBRATION_FILE).read_text("utf-8")
    data = json.loads(text)
    data["checksum"] = hashlib.sha256(text.encode()).hexdigest()[:12]
    return data


def choose_model(engine: str, mode: str, available: set[str]) -> tuple[str, dict[str, Any]]:
    """The calibration fitted for this engine and mode; otherwise the one for the mode whose
    features are all available (a fallback, named as such in the signature)."""
    models = calibration()["models"]
    key = f"{engine}:{mode}"
    if key in models and set(models[key]["features"]) <= available:
        return key, models[key]
    for other, model in sorted(models.items()):
        if other.endswith(f":{mode}") and set(model["features"]) <= available:
            return f"{other} (fallback)", model
    raise EngineError(f"no fidelity calibration for mode {mode!r} with features {sorted(available)}")


def logistic(model: dict[str, Any], features: dict[str, float]) -> float:
    """Probability (×100) that a pair with these features is a clean translation."""
    z = model["intercept"]
    for name, mean, scale, coef in zip(model["features"], model["mean"], model["scale"], model["coef"]):
        z += coef * (features[name] - mean) / scale
    return 100.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def length_z(translation: str, reference: str, stats: dict[str, float]) -> float:
    """How unusual the length of ``translation`` is, as a z-score of log(len translation / len
    reference) against clean pairs (``stats``, fitted with the calibration): strongly negative
    means it is short (something omitted), strongly positive that it is long (something added)."""
    ratio = math.log((len(translation) + 1) / (len(reference) + 1))
    return (ratio - stats["mu"]) / stats["sigma"]


#: The regression's inputs besides forced decoding. chrF and TER are reported but left out: they
#: are nearly collinear with chrF++ and BLEU, and collinear inputs get coefficients of opposite
#: signs that make the score non-monotone in similarity.
BASE_FEATURES = ("chrf++", "bleu", "length_dev")


def feature_names(directions) -> set[str]:
    return set(BASE_FEATURES) | {f"fd:{d}" for d in directions}


def features(metric_values: dict[str, float], z: float, forced: dict[str, float]) -> dict[str, float]:
    """The regression's inputs: similarity of the back-translation, how unusual the length is,
    and the mean forced-decoding log-probability of each direction that has one."""
    out = {"chrf++": metric_values["chrf++"], "bleu": metric_values["bleu"], "length_dev": abs(z)}
    out.update({f"fd:{k}": v for k, v in forced.items() if not math.isnan(v)})
    return out


# --- forced-decoding evidence ----------------------------------------------------------------


def piece_offsets(text: str, pieces: Sequence[str]) -> list[tuple[int, int] | None]:
    """Character offsets of SentencePiece pieces in the text they were cut from.

    Pieces are matched left to right; a piece that does not occur next (SentencePiece normalised
    a character, or the piece is a control symbol) gets None, and the next piece may then skip a
    few characters to resynchronise.
    """
    out: list[tuple[int, int] | None] = []
    pos, slack = 0, 0
    for piece in pieces:
        surface = piece.replace("\u2581", "")
        if not surface or (piece.startswith("<") and piece.endswith(">")):
            out.append(None)
            continue
        at = text.find(surface, pos)
        if at < 0 or (text[pos:at].strip() and at - pos > slack):
            out.append(None)
            slack += len(surface) + 2
            continue
        out.append((at, at + len(surface)))
        pos, slack = at + len(surface), 0
    return out


def weak_words(
    text: str, offset: int, pieces: Sequence[str], log_probs: Sequence[float], limit: int = WEAK_WORDS
) -> list[dict[str, Any]]:
    """The words of ``text`` whose pieces the model finds least likely (lowest piece log-prob per
    word), with offsets shifted by ``offset`` into the document text."""
    words: list[dict[str, Any]] = []
    for piece, span, lp in zip(pieces, piece_offsets(text, pieces), log_probs):
        if span is None:
            continue
        starts_word = piece.startswith("\u2581") or not words or words[-1]["end"] < span[0] + offset
        if starts_word:
            words.append({"start": span[0] + offset, "end": span[1] + offset, "log_prob": lp})
        else:
            words[-1]["end"] = span[1] + offset
            words[-1]["log_prob"] = min(words[-1]["log_prob"], lp)
    for w in words:
        w["text"] = text[w["start"] - offset : w["end"] - offset]
        w["log_prob"] = round(w["log_prob"], 4)
    return sorted(words, key=lambda w: w["log_prob"])[:limit]


# --- results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    """One unit to score: translation sentence indices, source sentence indices and their texts."""

    target: tuple[int, ...]
    source: tuple[int, ...]
    english: str
    reference: str  #: the source sentence(s); in round-trip mode, the English itself
    start: int = 0  #: offset of the English in the document text (for token offsets)


@dataclass(frozen=True)
class SentenceScore:
    target: tuple[int, ...]
    source: tuple[int, ...]
    #: None when the calibration found no evidence in this mode (no feature separated clean
    #: from perturbed pairs): the metrics are still reported, a score is not invented
    fidelity: float | None
    metrics: dict[str, float]
    length_z: float
    backtranslation: str
    forced: dict[str, float] = field(default_factory=dict)  #: "en|src" / "src|en" / "en|bt": mean log-prob
    weak_words: list[dict[str, Any]] = field(default_factory=list)  #: offsets into the document text

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.target[0] if self.target else None,
            "sentences": list(self.target),
            "source": list(self.source),
            "fidelity": round(self.fidelity, 2) if self.fidelity is not None else None,
            **self.metrics,
            "length_z": round(self.length_z, 3),
            **{f"logprob[{k}]": round(v, 4) for k, v in self.forced.items()},
            "weak_words": self.weak_words,
            "backtranslation": self.backtranslation,
        }


@dataclass(frozen=True)
class FidelityResult:
    mode: str
    sentences: list[SentenceScore]
    document: dict[str, Any]
    signature: str
    min_fidelity: float  #: the low-fidelity threshold in force (configured, or the calibration's)


def bootstrap_ci(
    values: Sequence[float], samples: int = BOOTSTRAP_SAMPLES, seed: int = BOOTSTRAP_SEED
) -> tuple[float, float]:
    """95% percentile interval of the mean by resampling sentences (fixed seed: reproducible)."""
    rng = random.Random(seed)
    n = len(values)
    means = sorted(sum(rng.choices(values, k=n)) / n for _ in range(samples))
    return (round(means[int(0.025 * samples)], 2), round(means[int(0.975 * samples) - 1], 2))


def score_pairs(
    pairs: Sequence[Pair],
    backtranslations: Sequence[str],
    mode: str,
    engine_name: str,
    forced: dict[str, Sequence[Any]] | None = None,
    min_fidelity: float | None = None,
    weak_direction: str | None = None,
) -> FidelityResult:
    """Score pairs whose back-translations (or round trips) are already known.

    ``forced`` maps a direction ("src|en": source given English, "en|src": English given source,
    "en|bt": English given its back-translation) to one :class:`TokenScores` per pair;
    ``weak_direction`` names the one whose per-token log-probs are over the English.
    """
    forced = forced or {}
    m = metrics()
    scored = []
    for i, (pair, bt) in enumerate(zip(pairs, backtranslations)):
        values = m.sentence(bt, pair.reference)
        fd = {d: scores[i].mean for d, scores in forced.items() if scores[i] is not None and scores[i].log_probs}
        _, model = choose_model(engine_name, mode, feature_names(fd))
        # length is judged on the English against its source (engine-independent) with a source,
        # and on the round trip against the English without one
        z = length_z(
            pair.english if mode == SOURCE else bt, pair.reference if mode == SOURCE else pair.english, model["length"]
        )
        weak = []
        if weak_direction in forced and forced[weak_direction][i] is not None:
            ts = forced[weak_direction][i]
            weak = weak_words(pair.english, pair.start, ts.tokens, ts.log_probs)
        score = logistic(model, features(values, z, fd)) if model["features"] else None
        scored.append(SentenceScore(pair.target, pair.source, score, values, z, bt, fd, weak))
    model_key, document_model = choose_model(engine_name, mode, feature_names(forced))
    if min_fidelity is None:
        min_fidelity = document_model["min_fidelity"]
    fid = [s.fidelity for s in scored if s.fidelity is not None]
    doc: dict[str, Any] = {"mode": mode, "calibrated": bool(document_model["features"])}
    if fid:
        doc["fidelity"] = round(sum(fid) / len(fid), 2)
        doc["ci95"] = list(bootstrap_ci(fid))
        doc["low_fidelity_share"] = round(sum(f < min_fidelity for f in fid) / len(fid), 4)
        if document_model.get("typical_article"):  # what clean news scores (calibration data)
            doc["typical"] = document_model["typical_article"]
    doc.update(m.corpus(list(backtranslations), [p.reference for p in pairs]))
    doc["pairs"] = len(scored)
    doc["min_fidelity"] = min_fidelity
    cal = calibration()
    signature = (
        f"fidelity:{mode}|calibration:{model_key}@{cal['checksum']}|min_fidelity:{min_fidelity:g}"
        f"|bootstrap:{BOOTSTRAP_SAMPLES}x{BOOTSTRAP_SEED}|sacrebleu:{m.signature()}"
    )
    return FidelityResult(mode, scored, doc, signature, min_fidelity)


def score_with_source(
    pairs: Sequence[Pair],
    backtranslations: Sequence[str],
    forward,
    reverse,
    lang: str,
    min_fidelity: float | None = None,
) -> FidelityResult:
    """Fidelity of aligned pairs against their source. ``forward`` is the English → source engine
    that back-translated; ``reverse`` (source → English, None when no model is installed for that
    direction) adds the forced-decoding score of the English given its source and the per-word
    evidence over the English."""
    english = [p.english for p in pairs]
    source = [p.reference for p in pairs]
    forced = {}
    if pairs:
        scores = forward.score(english, source, "en", lang)
        if scores is not None:
            forced["src|en"] = scores
        scores = reverse.score(source, english, lang, "en") if reverse is not None else None
        if scores is not None:
            forced["en|src"] = scores
    return score_pairs(pairs, backtranslations, SOURCE, forward.name, forced, min_fidelity, "en|src")


def score_round_trip(
    pairs: Sequence[Pair], backtranslations: Sequence[str], reverse, lang: str, min_fidelity: float | None = None
) -> FidelityResult:
    """Round trip without a source: the ``reverse`` (source → English) engine translates the
    back-translations into English again, to compare with the English, and force-decodes the
    English given its back-translation where it can."""
    forced = {}
    round_trips: list[str] = []
    if pairs:
        round_trips = [t.text for t in reverse.translate(list(backtranslations), lang, "en")]
        scores = reverse.score(list(backtranslations), [p.english for p in pairs], lang, "en")
        if scores is not None:
            forced["en|bt"] = scores
    rt_pairs = [Pair(p.target, p.source, p.english, p.english, p.start) for p in pairs]
    return score_pairs(rt_pairs, round_trips, ROUND_TRIP, reverse.name, forced, min_fidelity, "en|bt")


def document_pairs(document, source=None, alignment=None) -> list[Pair]:
    """The units to score in a document: aligned pairs with a source (1-0 and 0-1 beads are left
    to the alignment checks), each article sentence alone without one."""
    if source is None or alignment is None:
        return [Pair((s.index,), (), s.text, s.text, s.start) for s in document.article_sentences]
    pairs = []
    for bead in alignment:
        if not bead.source or not bead.target:
            continue
        tgt = [document.sentences[i] for i in bead.target]
        src = [source.sentences[i] for i in bead.source]
        english = document.text[tgt[0].start : tgt[-1].end]
        pairs.append(Pair(tuple(bead.target), tuple(bead.source), english, " ".join(s.text for s in src), tgt[0].start))
    return pairs


def score_document(
    document,
    backtranslations: dict[int, str],
    forward,
    reverse=None,
    source=None,
    alignment=None,
    lang: str = "sr",
    thresholds: dict[str, float] | None = None,
) -> FidelityResult:
    """Fidelity of one article: against its source when there is one (and an alignment), else by
    round trip, which needs the ``reverse`` (source → English) engine. ``backtranslations`` maps
    translation sentence indices to what ``forward`` (English → source) made of them;
    ``thresholds`` (``Config.thresholds``) may override the low-fidelity threshold of the mode."""
    thresholds = thresholds or {}
    pairs = [p for p in document_pairs(document, source, alignment) if all(i in backtranslations for i in p.target)]
    bts = [" ".join(backtranslations[i] for i in p.target) for p in pairs]
    if source is not None and alignment is not None:
        return score_with_source(pairs, bts, forward, reverse, source.lang, thresholds.get(THRESHOLD_NAMES[SOURCE]))
    if reverse is None:
        raise EngineError(f"a round trip needs a {lang} → en engine; none is installed")
    return score_round_trip(pairs, bts, reverse, lang, thresholds.get(THRESHOLD_NAMES[ROUND_TRIP]))
