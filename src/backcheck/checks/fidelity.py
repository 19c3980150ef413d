"""Sentences whose back-translation does not match what they should say (fidelity below a threshold).

The scores are measured beforehand by :mod:`backcheck.scoring.fidelity` (engines run outside checks) and
read from ``CheckContext.scores``; these checks only decide which sentences to flag and how.
"""

from __future__ import annotations

from backcheck.checks.base import Check, CheckContext, Finding, register
from backcheck.scoring.fidelity import ROUND_TRIP, SOURCE, THRESHOLD_NAMES

#: |z| of the English/source length ratio beyond which a low-fidelity pair is called an
#: omission (short) or an addition (long) rather than a mistranslation.
DEFAULT_LENGTH_Z = 2.0
#: A word whose least likely piece has a forced-decoding log-probability at or below this
#: (about 1 in 150) is "unsupported" and narrows the span.
DEFAULT_TOKEN_LOGPROB = -5.0


def _low_fidelity(check: Check, ctx: CheckContext, mode: str):
    result = ctx.scores
    if result is None or result.mode != mode:
        return
    config = ctx.config
    threshold = config.threshold(THRESHOLD_NAMES[mode], result.min_fidelity)
    z_limit = config.threshold("fidelity_length_z")
    token_limit = config.threshold("fidelity_token_logprob")
    doc = ctx.document
    for score in result.sentences:
        if score.fidelity is None or score.fidelity >= threshold or not score.target:
            continue
        start, end = doc.sentences[score.target[0]].start, doc.sentences[score.target[-1]].end
        weak = [w for w in score.weak_words if w["log_prob"] <= token_limit]
        if weak:
            start, end = min(w["start"] for w in weak), max(w["end"] for w in weak)
        category = None
        what = "this sentence may not say what the original says: compare it with the original"
        if mode == SOURCE and score.length_z <= -z_limit:
            category, what = "omission", "this sentence is much shorter than the original: something may be missing"
        elif mode == SOURCE and score.length_z >= z_limit:
            category, what = "addition", "this sentence is much longer than the original: something may be added"
        elif mode == ROUND_TRIP:
            what = "this sentence does not survive a translation round trip: read it for sense"
        source_start = source_end = None
        if mode == SOURCE and ctx.source is not None and score.source:
            source_start = ctx.source.sentences[score.source[0]].start
            source_end = ctx.source.sentences[score.source[-1]].end
        yield Finding(
            check.id,
            start,
            end,
            what + (f" (least supported: {', '.join(repr(w['text']) for w in weak)})" if weak else ""),
            detail=f"fidelity {score.fidelity:.0f}/100, below the threshold {threshold:g} ({mode} mode)",
            source_start=source_start,
            source_end=source_end,
            category=category,
            evidence={
                "fidelity": round(score.fidelity, 2),
                "threshold": threshold,
                "mode": mode,
                **{k: score.metrics[k] for k in ("chrf++", "bleu", "ter")},
                "length_z": round(score.length_z, 3),
                "backtranslation": score.backtranslation,
                "weak_words": weak,
            },
        )


@register
class LowFidelity(Check):
    """A sentence whose back-translation into the source language matches its source sentence
    poorly. A faithful translation keeps the content of the source, so translating it back
    recovers much of the source's words and character n-grams; a lost or invented clause, or a
    sentence from elsewhere, does not (the calibrated score is described in backcheck.scoring.fidelity).
    A length far from the usual English/source ratio says omission or addition, and a neural
    model's least likely words narrow the span.
    """

    id = "fidelity.low"
    category = "mistranslation"
    severity = "major"
    requires_source = True

    def run(self, ctx):
        yield from _low_fidelity(self, ctx, SOURCE)


@register
class LowRoundTripFidelity(Check):
    """A sentence that does not survive a round trip into the source language and back, when no
    source is given. A round trip shows what the engine cannot carry across, not what the original
    said, so it is weaker evidence than a source comparison and flags only at minor severity.
    """

    id = "fidelity.round_trip"
    category = "mistranslation"
    severity = "minor"

    def run(self, ctx):
        yield from _low_fidelity(self, ctx, ROUND_TRIP)
