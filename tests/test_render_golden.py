"""Golden files for the renderers, from the fixed synthetic report.

A renderer change shows up as a diff here. After checking the diff is intended, regenerate with
``BACKCHECK_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_render_golden.py`` and commit the files.
SARIF is compared on its results only, without rule indices: its rule list documents every
registered check and changes whenever a check is added.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from _render_reports import synthetic_report
from backcheck.render import render

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("BACKCHECK_UPDATE_GOLDEN") == "1"


def _sarif_results(report) -> str:
    results = json.loads(render(report, "sarif"))["runs"][0]["results"]
    for result in results:
        del result["ruleIndex"]  # a position in the rule list (test_render_sarif checks it)
    return json.dumps(results, ensure_ascii=False, indent=2) + "\n"


CASES = {
    "council.html": lambda: render(synthetic_report(), "html"),
    "council-source.html": lambda: render(synthetic_report(with_source=True), "html"),
    "council.junit.xml": lambda: render(synthetic_report(), "junit"),
    "council.github.txt": lambda: render(synthetic_report(), "github"),
    "council.gitlab.json": lambda: render(synthetic_report(), "gitlab"),
    "council.jsonl": lambda: render(synthetic_report(), "jsonl"),
    "council.sarif-results.json": lambda: _sarif_results(synthetic_report()),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name):
    produced = CASES[name]()
    path = GOLDEN / name
    if UPDATE:
        path.write_text(produced, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with BACKCHECK_UPDATE_GOLDEN=1 to create it"
    assert produced == path.read_text(encoding="utf-8"), (
        f"{name} differs from its golden file; if the change is intended, regenerate with BACKCHECK_UPDATE_GOLDEN=1"
    )
