"""What the editor reads: flags by risk, one plain line per flag with the reason on demand, and
fidelity in one line or a one-line reason why no number is shown."""

from __future__ import annotations

import re

from _render_reports import synthetic_report
from backcheck.render import render
from backcheck.render.words import low_sentences, score_line


def test_score_line_withholds_an_uncalibrated_number_and_says_why():
    line = score_line({"mode": "round-trip", "pairs": 12, "chrf++": 63.1, "calibrated": False})
    assert line.startswith("no fidelity score: without the source")
    assert "63" not in line


def test_score_line_reads_as_one_sentence_with_the_clean_range():
    scores = {"mode": "source", "pairs": 9, "fidelity": 81.6, "min_fidelity": 40.0, "typical": [54.8, 68.6]}
    assert score_line(scores) == "back-translation agrees with the source: 82/100 (typical for clean news: 55–69)"
    assert score_line({"mode": "source", "pairs": 0}) == "no fidelity score: no sentence could be compared"


def test_only_sentences_below_the_threshold_are_listed():
    scores = {"mode": "source", "pairs": 3, "fidelity": 60.0, "min_fidelity": 50.0}
    sentences = [{"index": 0, "fidelity": 90.0}, {"index": 1, "fidelity": 49.9}, {"index": 2, "fidelity": None}]
    assert low_sentences(scores, sentences) == [(2, 49.9)]
    assert low_sentences({"mode": "round-trip", "pairs": 3}, sentences) == []


def test_text_report_orders_by_risk_and_keeps_the_check_id_for_why():
    text = render(synthetic_report(with_source=True), "text")
    heads = re.findall(r"^  news/council\.txt:\d+:\d+: (critical|major|minor): ", text, re.M)
    order = {"critical": 0, "major": 1, "minor": 2}
    assert heads and [order[h] for h in heads] == sorted(order[h] for h in heads)
    assert "[name.inflected]" in text  # the check id, under "why"
    assert not re.search(r"^  news/council\.txt:\d+:\d+: \w+ \[", text, re.M)  # not up front
    assert "sentences that disagree most (below 50): " in text
