"""Flag fingerprints: a finding's identity across runs, independent of where the span sits."""

from __future__ import annotations

import pytest

from _render_reports import synthetic_report
from backcheck.checks import all_checks
from backcheck.checks.base import Finding
from backcheck.config import Config
from backcheck.formats.article import from_text
from backcheck.model.report import DocumentReport
from backcheck.pipeline.decide import decide


def _flags(text: str, word: str, check_id: str = "name.inflected", occurrences: int = 1):
    doc = from_text(text, path="a.txt")
    findings, start = [], -1
    for _ in range(occurrences):
        start = doc.text.index(word, start + 1)
        findings.append(Finding(check_id, start, start + len(word), "m"))
    return decide(findings, all_checks(), doc, None, Config())


BASE = "The minister met Petrovića in Belgrade on Monday.\n\nTalks will resume next week."


@pytest.mark.parametrize(
    "other, same",
    [
        ("A new first paragraph.\n\n" + BASE, True),  # offsets move
        (BASE.replace("Monday.", "Monday.  "), True),  # trailing spaces
        (BASE.replace("Talks will resume", "Negotiators will meet"), True),  # another sentence changes
        (BASE.replace("in Belgrade", "in Novi Sad"), False),  # the flagged sentence changes
    ],
)
def test_fingerprint_depends_on_the_sentence_not_the_offsets(other, same):
    assert (_flags(BASE, "Petrovića")[0].fingerprint() == _flags(other, "Petrovića")[0].fingerprint()) is same


def test_fingerprint_distinguishes_check_and_text():
    base = _flags(BASE, "Petrovića")[0].fingerprint()
    assert _flags(BASE, "Petrovića", "name.inconsistent")[0].fingerprint() != base
    assert _flags(BASE, "Belgrade")[0].fingerprint() != base


def test_repeated_finding_in_one_sentence_gets_distinct_fingerprints():
    flags = _flags("Petrovića said Petrovića would come.", "Petrovića", occurrences=2)
    assert flags[0].fingerprint() == flags[1].fingerprint()
    report = DocumentReport("a.txt", None, None, "en", False, None, {}, flags)
    fps = report.fingerprints()
    assert len(set(fps)) == 2 and fps[1] == fps[0] + ":2"


def test_path_is_mixed_in_on_request():
    one = synthetic_report(path="a.txt").documents[0]
    two = synthetic_report(path="b.txt").documents[0]
    assert one.fingerprints() == two.fingerprints()
    assert not set(one.fingerprints(with_path=True)) & set(two.fingerprints(with_path=True))
