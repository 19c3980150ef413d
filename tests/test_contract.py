"""Pins the backcheck-report/2 JSON envelope: CI pipelines parse it."""

from __future__ import annotations

import json

from backcheck.config import Config
from backcheck.pipeline.check import check
from backcheck.render import render

TOP = {"schema", "tool", "signature", "config", "documents"}
DOCUMENT = {
    "path",
    "source_path",
    "source_lang",
    "target_lang",
    "encoding",
    "machine_translation_disclaimer",
    "engine",
    "scores",
    "sentences",
    "notes",
    "summary",
    "flags",
    "facts",
}
FLAG = {
    "check",
    "category",
    "severity",
    "message",
    "detail",
    "fingerprint",
    "suggestion",
    "span",
    "source_span",
    "evidence",
}
SPAN = {"start", "end", "line", "column", "text"}


def test_report_envelope_keys(sample_path):
    report = json.loads(render(check(str(sample_path), config=Config(), engine="none"), "json"))
    assert report["schema"] == "backcheck-report/2"
    assert TOP <= set(report)
    assert {"name", "version"} <= set(report["tool"])
    assert report["signature"].startswith("backcheck:")
    doc = report["documents"][0]
    assert DOCUMENT <= set(doc)
    assert set(doc["summary"]) >= {"minor", "major", "critical", "penalty"}
    assert doc["flags"], "the sample article has flags"
    for flag in doc["flags"]:
        assert FLAG <= set(flag)
        assert set(flag["span"]) == SPAN
        assert flag["severity"] in {"minor", "major", "critical"}
        assert flag["category"] in {
            "name",
            "number",
            "untranslated",
            "omission",
            "addition",
            "mistranslation",
            "quote",
            "boilerplate",
            "style",
        }
