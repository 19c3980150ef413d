"""Every --format keeps the exit-code contract: 1 when a flag is at or above --fail-on, else 0."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from _render_reports import ARTICLE
from backcheck.cli.app import app
from backcheck.render import FORMATS

runner = CliRunner()
CLEAN = "Podgorica council approves new budget\n\nThe city council adopted the budget for next year.\n"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("fail_on, code", [("major", 1), ("critical", 0)])
def test_exit_code_is_the_same_for_every_format(article, fmt, fail_on, code):
    result = runner.invoke(app, ["check", str(article), "--format", fmt, "--fail-on", fail_on])
    assert result.exit_code == code, result.output
    assert result.stdout.strip()  # every format reports something for a flagged article


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_clean_article_exits_zero(tmp_path, fmt):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--format", fmt])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "fmt, parse",
    [
        ("sarif", json.loads),
        ("gitlab", json.loads),
        ("junit", ET.fromstring),
        ("html", lambda s: s.index("<mark")),
    ],
)
def test_output_file_holds_the_report(article, tmp_path, fmt, parse):
    out = tmp_path / f"report.{fmt}"
    result = runner.invoke(app, ["check", str(article), "--format", fmt, "--output", str(out)])
    assert result.exit_code == 1
    parse(out.read_text(encoding="utf-8"))


def test_unknown_format_is_a_usage_error(article):
    result = runner.invoke(app, ["check", str(article), "--format", "pdf"])
    assert result.exit_code == 2
    assert "'pdf' is not one of" in result.output
