"""What a report says to an editor about fidelity: one readable line, or one line saying why no
number is shown. Shared by the text and HTML reports (the JSON keeps every raw field)."""

from __future__ import annotations

from typing import Any

#: why a score is withheld, by mode, when the calibration found no evidence for the engine
_NO_EVIDENCE = {
    "round-trip": (
        "no fidelity score: without the source, this engine's round trip did not tell clean "
        "from flawed sentences on the calibration data, so a number would mislead"
    ),
    "source": (
        "no fidelity score: this engine's back-translation did not tell clean from flawed "
        "sentences on the calibration data, so a number would mislead"
    ),
}


def low_sentences(scores: dict[str, Any], sentences: list[dict[str, Any]]) -> list[tuple[int, float]]:
    """(1-based sentence number, fidelity) of the sentences below the threshold in force."""
    threshold = scores.get("min_fidelity")
    if "fidelity" not in scores or not isinstance(threshold, (int, float)):
        return []
    return [
        (s["index"] + 1, s["fidelity"])
        for s in sentences
        if isinstance(s.get("fidelity"), (int, float)) and s["fidelity"] < threshold
    ]


def score_line(scores: dict[str, Any]) -> str:
    """ "back-translation agrees: 82/100 (typical for clean news: 75–95)", or why there is no number."""
    if not scores.get("pairs"):
        return "no fidelity score: no sentence could be compared"
    if "fidelity" not in scores:
        return _NO_EVIDENCE.get(scores.get("mode", ""), _NO_EVIDENCE["source"])
    compared = "the source" if scores.get("mode") == "source" else "the English (round trip, no source)"
    line = f"back-translation agrees with {compared}: {scores['fidelity']:.0f}/100"
    typical = scores.get("typical")
    if isinstance(typical, list) and len(typical) == 2:
        line += f" (typical for clean news: {typical[0]:.0f}–{typical[1]:.0f})"
    return line
