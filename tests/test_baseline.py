"""Baselines: accepted findings are dropped, new ones still fail the build."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from backcheck.cli.app import app
from backcheck.config import Config
from backcheck.errors import InputError
from backcheck.pipeline import baseline
from backcheck.pipeline.check import check

runner = CliRunner()

ARTICLE = (
    "Ministers meet in Kiev\n\n"
    "Foreign ministers met in Kiev on Tuesday to discuss grain exports.\n\n"
    "The talks will continue next week, officials said.\n"
)
GLOSSARY = Config(glossary={"Kiev": "Kyiv"})


def _write_baseline(tmp_path, report) -> str:
    path = tmp_path / "baseline.json"
    path.write_text(baseline.dumps(baseline.entries_from_report(report)))
    return str(path)


def test_accepted_findings_are_dropped_and_counted(write, tmp_path):
    article = write("a.txt", ARTICLE)
    accepted = check(str(article), config=GLOSSARY)
    assert len(accepted.flags) == 2
    path = _write_baseline(tmp_path, accepted)
    report = check(str(article), config=Config(glossary={"Kiev": "Kyiv"}, baseline=path))
    assert report.flags == []
    assert baseline.suppressed(report.documents[0]) == 2
    assert int(report.exit_code()) == 0


@pytest.mark.parametrize(
    "edit, new_flags",
    [
        # a paragraph added above moves every offset; the accepted findings stay accepted
        (lambda t: t.replace("Foreign ministers", "Markets were calm.\n\nForeign ministers"), 0),
        # the same finding in a new sentence is new
        (lambda t: t + "\nA second round in Kiev is planned for May.\n", 1),
        # an edited sentence is reviewed again: its findings are new, the headline's stays accepted
        (lambda t: t.replace("in Kiev on Tuesday", "in Kiev and Kiev on Tuesday"), 2),
    ],
)
def test_only_new_findings_survive_an_edit(write, tmp_path, edit, new_flags):
    article = write("a.txt", ARTICLE)
    path = _write_baseline(tmp_path, check(str(article), config=GLOSSARY))
    article.write_text(edit(ARTICLE))
    report = check(str(article), config=Config(glossary={"Kiev": "Kyiv"}, baseline=path))
    assert len(report.flags) == new_flags
    assert all(f.check == "style.glossary" for f in report.flags)


def test_fingerprints_ignore_offsets_but_not_the_sentence(write):
    first = check(str(write("a.txt", ARTICLE)), config=GLOSSARY).flags
    moved = check(str(write("b.txt", "Update\n\n" + ARTICLE)), config=GLOSSARY).flags
    assert [f.fingerprint() for f in first] == [f.fingerprint() for f in moved]
    assert first[0].span.start != moved[0].span.start
    assert first[0].fingerprint() != first[1].fingerprint()  # headline vs body sentence


def test_baseline_from_a_jsonl_report_matches_one_from_files(write, tmp_path, monkeypatch):
    article = write("a.txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "backcheck.toml").write_text('[glossary]\nKiev = "Kyiv"\n')
    result = runner.invoke(app, ["check", str(article), "--format", "jsonl", "--output", "report.jsonl"])
    assert result.exit_code == 0, result.stderr  # minor flags do not fail at the default "major"
    assert runner.invoke(app, ["baseline", "create", "report.jsonl", "-o", "from-report.json"]).exit_code == 0
    assert runner.invoke(app, ["baseline", "create", str(article), "-o", "from-files.json"]).exit_code == 0
    fingerprints = [
        sorted(e["fingerprint"] for e in json.loads((tmp_path / name).read_text())["findings"])
        for name in ("from-report.json", "from-files.json")
    ]
    assert fingerprints[0] == fingerprints[1] and len(fingerprints[0]) == 2


def test_ci_fails_only_on_new_findings(write, tmp_path, monkeypatch):
    article = write("a.txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "backcheck.toml").write_text('fail_on = "minor"\n[glossary]\nKiev = "Kyiv"\n')
    assert runner.invoke(app, ["check", str(article)]).exit_code == 1
    assert runner.invoke(app, ["baseline", "create", str(article), "-o", "baseline.json"]).exit_code == 0
    result = runner.invoke(app, ["check", str(article), "--baseline", "baseline.json"])
    assert result.exit_code == 0
    assert "baseline: 2 known findings suppressed" in result.stdout
    article.write_text(ARTICLE + "\nThe next round is in Kiev.\n")
    result = runner.invoke(app, ["check", str(article), "--baseline", "baseline.json"])
    assert result.exit_code == 1
    assert "The next round is in [[Kiev]]" in result.stdout


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", r"bad.json:1: invalid baseline JSON"),
        ('{"schema": "something-else", "findings": []}', "not a backcheck-baseline/1 file"),
        ('{"schema": "backcheck-baseline/1", "findings": [{"check": "x"}]}', "no fingerprint"),
    ],
)
def test_bad_baseline_is_an_input_error(write, sample_path, content, message):
    path = write("bad.json", content)
    with pytest.raises(InputError, match=message):
        baseline.load(path)
    result = runner.invoke(app, ["check", str(sample_path), "--baseline", str(path)])
    assert result.exit_code == 3 and "bad.json" in result.stderr


def test_report_without_fingerprints_is_refused(write):
    path = write(
        "r.json",
        json.dumps(
            {
                "schema": "backcheck-report/2",
                "documents": [{"path": "a.txt", "flags": [{"check": "style.glossary", "span": {"line": 1}}]}],
            }
        ),
    )
    with pytest.raises(InputError, match="without a fingerprint"):
        baseline.entries_from_report_file(path)
