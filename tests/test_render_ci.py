"""The CI formats: JUnit XML, GitHub workflow commands, GitLab Code Quality, JSON Lines."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from _render_reports import synthetic_report
from backcheck.config import Config
from backcheck.model.report import DocumentReport, Report
from backcheck.render import render
from backcheck.render.github import _escape_data, _escape_property


def _two_documents(fail_on: str = "major") -> Report:
    flagged = synthetic_report(path="news/council.txt").documents[0]
    clean = synthetic_report(path="news/sport.txt").documents[0]
    clean.flags = [f for f in clean.flags if f.severity == "minor"]
    return Report([flagged, clean], Config(fail_on=fail_on, severities=synthetic_report().config.severities), "sig")


# --- JUnit -------------------------------------------------------------------------------------


def test_junit_one_case_per_document_failures_carry_flags():
    root = ET.fromstring(render(_two_documents(), "junit"))
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["news/council.txt", "news/sport.txt"]
    assert (suite.get("tests"), suite.get("failures")) == ("2", "1")
    failure = cases[0].find("failure")
    assert failure.get("type") == "critical" and failure.get("message") == "3 flag(s) at or above major"
    assert "news/council.txt:5:127: major [name.inflected]" in failure.text
    assert "(suggestion: Kovač)" in failure.text
    assert "name.inconsistent" not in failure.text  # minor: below --fail-on
    assert "name.inconsistent" in cases[0].find("system-out").text
    assert cases[1].find("failure") is None and "name.inconsistent" in cases[1].find("system-out").text


def test_junit_follows_fail_on():
    root = ET.fromstring(render(_two_documents(fail_on="critical"), "junit"))
    failure = root.find("testsuite/testcase/failure")
    assert failure.get("message") == "1 flag(s) at or above critical"
    assert "boilerplate.residue" in failure.text and "name.inflected" not in failure.text


def test_junit_stays_well_formed_with_control_characters():
    report = synthetic_report()
    report.documents[0].path = "news/bad\x0bname.txt"
    report.documents[0].flags = [replace(f, message=f.message + " \x0c") for f in report.documents[0].flags]
    root = ET.fromstring(render(report, "junit"))
    case = root.find("testsuite/testcase")
    assert case.get("name") == "news/bad\ufffdname.txt"
    assert "\ufffd" in case.find("failure").text and "\ufffd" in case.find("system-out").text


# --- GitHub ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, data, prop",
    [
        ("50% of votes", "50%25 of votes", "50%25 of votes"),
        ("line one\nline two\r", "line one%0Aline two%0D", "line one%0Aline two%0D"),
        ("Zagreb, Split: both", "Zagreb, Split: both", "Zagreb%2C Split%3A both"),
        ("%0A literally", "%250A literally", "%250A literally"),
    ],
)
def test_github_escaping(raw, data, prop):
    assert _escape_data(raw) == data
    assert _escape_property(raw) == prop


def test_github_annotations():
    lines = render(synthetic_report(), "github").splitlines()
    assert len(lines) == len(synthetic_report().flags)
    by_check = {line.split("title=backcheck ")[1].split(" ")[0]: line for line in lines}
    assert by_check["name.inflected"] == (
        "::error file=news/council.txt,line=5,col=127,endColumn=134,"
        'title=backcheck name.inflected (major)::"Kovačeva" is "Kovač" with a case ending (suggestion: Kovač)'
    )
    assert by_check["name.inconsistent"].startswith("::warning ")
    assert "50%25, or more, of: readers%0Anotice" in by_check["name.inconsistent"]
    assert by_check["boilerplate.residue"].startswith("::error ")
    # a span over two paragraphs: lines only, columns belong to one line
    assert "line=3,endLine=5,title=" in by_check["disclaimer"] and "col=" not in by_check["disclaimer"]


def test_github_escapes_paths():
    report = synthetic_report(path="news/a,b:c.txt")
    assert "file=news/a%2Cb%3Ac.txt," in render(report, "github")


# --- GitLab ------------------------------------------------------------------------------------


def test_gitlab_code_quality_fields():
    issues = json.loads(render(_two_documents(), "gitlab"))
    assert len(issues) == sum(len(d.flags) for d in _two_documents().documents)
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] in {"news/council.txt", "news/sport.txt"}
        assert isinstance(issue["location"]["lines"]["begin"], int)
    assert len({i["fingerprint"] for i in issues}) == len(issues)  # unique across documents
    name = next(i for i in issues if i["check_name"] == "name.inflected")
    assert name["location"]["lines"] == {"begin": 5, "end": 5}
    assert name["description"].endswith("(suggestion: Kovač)")


def test_gitlab_empty_report_is_an_empty_list():
    report = synthetic_report()
    report.documents[0].flags = []
    assert json.loads(render(report, "gitlab")) == []


# --- JSON Lines --------------------------------------------------------------------------------


def test_jsonl_one_flag_per_line_with_its_path():
    report = _two_documents()
    lines = render(report, "jsonl").splitlines()
    assert len(lines) == len(report.flags)
    records = [json.loads(line) for line in lines]
    assert {r["path"] for r in records} == {"news/council.txt", "news/sport.txt"}
    first = records[0]
    assert first["span"]["text"] == report.flags[0].span.text
    assert first["fingerprint"] == report.documents[0].fingerprints()[0]


def test_jsonl_of_a_clean_report_is_empty():
    report = Report([DocumentReport("a.txt", None, None, "en", False, None, {}, [])], Config(), "sig")
    assert render(report, "jsonl") == ""
