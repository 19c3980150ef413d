"""The CLI contract: exit codes, messages on stderr, data on stdout, the JSON envelope."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from backcheck.cli.app import app
from backcheck.errors import ExitCode

runner = CliRunner()

CLEAN = (
    "Parliament adopts budget\n\nThe parliament adopted the budget for next year on Thursday. "
    "Finance Minister Ana Petrović said the deficit would fall.\n"
)


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_exit_code_constants_are_the_documented_contract():
    assert [int(c) for c in (ExitCode.OK, ExitCode.FLAGGED, ExitCode.USAGE, ExitCode.INPUT, ExitCode.ENGINE)] == [
        0,
        1,
        2,
        3,
        4,
    ]


def test_sample_article_is_flagged_with_exit_1(sample_path):
    result = invoke("check", sample_path, "--engine", "none")
    assert result.exit_code == ExitCode.FLAGGED
    assert "[name.inflected]" in result.stdout and "[[Hornova]]" in result.stdout
    assert "suggestion: Horn" in result.stdout
    for name in ("Emily Horn", "Sergei Lavrov", "Jake Sullivan", "Yuri Ushakov", "Vladimir Putin"):
        for part in name.split():
            assert f"[[{part}]]" not in result.stdout


def test_sample_json_report(sample_path):
    result = invoke("check", sample_path, "--format", "json", "--engine", "none")
    report = json.loads(result.stdout)
    doc = report["documents"][0]
    assert doc["machine_translation_disclaimer"] is True
    majors = [f for f in doc["flags"] if f["severity"] == "major"]
    assert [(f["check"], f["category"], f["span"]["text"], f["suggestion"]) for f in majors] == [
        ("name.inflected", "name", "Hornova", "Horn")
    ]
    text = sample_path.read_text(encoding="utf-8")
    span = majors[0]["span"]
    assert text[span["start"] : span["end"]] == "Hornova"
    assert text.splitlines()[span["line"] - 1][span["column"] - 1 :].startswith("Hornova")
    residue = {f["span"]["text"] for f in doc["flags"] if f["check"] == "boilerplate.residue"}
    assert {"2325 views 0 comment(s)", "Bonus video:"} <= residue


@pytest.mark.parametrize(
    "fail_on, code", [("critical", ExitCode.OK), ("major", ExitCode.FLAGGED), ("minor", ExitCode.FLAGGED)]
)
def test_fail_on_threshold(sample_path, fail_on, code):
    assert invoke("check", sample_path, "--fail-on", fail_on, "--engine", "none").exit_code == code


def test_clean_article_exits_0(write):
    result = invoke("check", write("clean.txt", CLEAN), "--engine", "none")
    assert result.exit_code == ExitCode.OK, result.output
    assert "0 flag(s)" in result.stdout


def test_usage_error_exits_2(sample_path):
    assert invoke("check", sample_path, "--fail-on", "sometimes").exit_code == ExitCode.USAGE
    assert invoke("check", sample_path, "--format", "pdf").exit_code == ExitCode.USAGE
    assert invoke("explain", "no.such.check").exit_code == ExitCode.USAGE


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b"  \n\n \n", "file is empty"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01", "binary file"),
        ("tabs.txt", bytes(range(1, 9)) * 50, "binary file"),
    ],
)
def test_bad_input_exits_3_with_one_line(write, name, content, message):
    result = invoke("check", write(name, content), "--engine", "none")
    assert result.exit_code == ExitCode.INPUT
    assert message in result.stderr and name in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_missing_file_and_directory_exit_3(tmp_path):
    for target, message in ((tmp_path / "nope.txt", "no such file"), (tmp_path, "is a directory")):
        result = invoke("check", target, "--engine", "none")
        assert result.exit_code == ExitCode.INPUT and message in result.stderr


def test_huge_file_exits_3_without_reading_it(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    result = invoke("check", huge, "--engine", "none")
    assert result.exit_code == ExitCode.INPUT
    assert "over the" in result.stderr and "limit" in result.stderr


def test_output_file_is_written_atomically(sample_path, tmp_path):
    out = tmp_path / "report.json"
    result = invoke("check", sample_path, "--format", "json", "--output", out, "--engine", "none")
    assert result.exit_code == ExitCode.FLAGGED
    assert json.loads(out.read_text())["schema"] == "backcheck-report/2"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary left behind
    bad = invoke("check", sample_path, "--output", tmp_path / "missing-dir" / "r.json", "--engine", "none")
    assert bad.exit_code == ExitCode.INPUT


def test_checks_and_explain_document_every_check():
    from backcheck.checks import all_checks
    from backcheck.checks.examples import examples

    listing = invoke("checks").stdout
    for check_id, cls in all_checks().items():
        assert check_id in listing
        assert cls.doc(), f"{check_id} has no docstring"
        assert examples(check_id), f"{check_id} has no example"
        result = invoke("explain", check_id)
        assert result.exit_code == 0 and cls.doc().split()[0] in result.stdout
        # every structured example is printed: its texts, what it flags or that it is a near-miss, and why
        assert "Examples" in result.stdout
        for ex in examples(check_id):
            assert ex.english.splitlines()[0] in result.stdout and ex.note in result.stdout
            if ex.source is not None:
                assert ex.source.splitlines()[0] in result.stdout
            if ex.positive:
                suggestion = ex.suggestion if ex.suggestion is not None else "(no suggestion)"
                assert f"flags: «{ex.flags}» → {suggestion}" in result.stdout
        near_misses = sum(not ex.positive for ex in examples(check_id))
        assert result.stdout.count("does not flag (near-miss)") == near_misses >= 1


def test_explain_prints_a_structured_example_in_full():
    result = invoke("explain", "name.transliterated")
    assert result.exit_code == 0
    assert (
        "source (Serbian): Otvaranju novog bolničkog krila prisustvovao je i ministar zdravlja Zoran Petković.\n"
        "   English: Health Minister Zoran Petkovic also attended the opening of the new hospital wing.\n"
        "   flags: «Petkovic» → Petković\n"
        "   note: "
    ) in result.stdout


def test_help_does_not_import_heavy_libraries():
    code = (
        "import sys; from backcheck.cli.app import app; "
        "heavy = {'ctranslate2', 'sentencepiece', 'sacrebleu', 'trafilatura', 'pysbd', 'wordfreq', 'translate', "
        "'lingua', 'numpy'}; print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
