"""`backcheck score`: JSON with signatures, --min-fidelity gating and the documented exit codes."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

import backcheck.engines
from backcheck.cli.app import app
from backcheck.engines.base import Translation

runner = CliRunner()

SOURCE = [
    "Vlada je u utorak usvojila budžet za narednu godinu.",
    "Ministar finansija je rekao da će porezi ostati isti.",
    "Policija je uhapsila dvojicu osumnjičenih u Nikšiću.",
]
ENGLISH = [
    "The government adopted next year's budget on Tuesday.",
    "The finance minister said that taxes would remain the same.",
    "Police arrested two suspects in Nikšić.",
]


class PhraseEngine:
    """Back-translates the test sentences exactly (line n of ENGLISH to line n of SOURCE)."""

    name = "phrase"

    def translate(self, sentences, src, tgt):
        table = dict(zip(ENGLISH, SOURCE)) if src == "en" else dict(zip(SOURCE, ENGLISH))
        return [Translation(table.get(s, s)) for s in sentences]

    def score(self, sources, targets, src, tgt):
        return None

    def signature(self):
        return {"name": self.name, "model": "table"}


@pytest.fixture
def phrase_engine(monkeypatch):
    monkeypatch.setattr(
        backcheck.engines, "resolve", lambda name, src, tgt, **_: None if name == "none" else PhraseEngine()
    )


@pytest.fixture
def files(write):
    def _files(english=ENGLISH, source=SOURCE):
        return str(write("src.txt", "\n".join(source) + "\n")), str(write("hyp.txt", "\n".join(english) + "\n"))

    return _files


def invoke(*args):
    return runner.invoke(app, ["score", *args])


def test_lines_are_scored_with_signatures(phrase_engine, files):
    src, hyp = files()
    result = invoke("--source", src, "--translation", hyp, "--source-lang", "sr")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "backcheck-score/1" and data["unit"] == "lines" and data["source_lang"] == "sr"
    assert data["fidelity"]["mode"] == "source" and data["fidelity"]["pairs"] == 3
    assert data["fidelity"]["chrf++"] == 100.0 and len(data["segments"]) == 3
    for part in ("backcheck:", "engine:phrase", "fidelity:source", "calibration:", "min_fidelity:", "chrf++[nrefs:1"):
        assert part in data["signature"]


@pytest.mark.parametrize("gate, code, passed", [("0", 0, True), ("100.5", 1, False)])
def test_min_fidelity_gates_the_exit_code(phrase_engine, files, gate, code, passed):
    src, hyp = files()
    result = invoke(
        "--source", src, "--translation", hyp, "--source-lang", "sr", "--min-fidelity", gate, "--no-segments"
    )
    assert result.exit_code == code
    data = json.loads(result.stdout)
    assert data["gate"] == {"min_fidelity": float(gate), "passed": passed} and "segments" not in data


def test_unpaired_files_exit_3(phrase_engine, files):
    src, hyp = files(english=ENGLISH[:2])
    result = invoke("--source", src, "--translation", hyp, "--source-lang", "sr")
    assert result.exit_code == 3
    assert "3 lines but" in result.stderr and "--documents" in result.stderr


def test_missing_file_exits_3(phrase_engine, files, tmp_path):
    src, _ = files()
    result = invoke("--source", src, "--translation", str(tmp_path / "nope.txt"))
    assert result.exit_code == 3


def test_no_engine_exits_4_unless_only_a_reference_is_scored(phrase_engine, files, write):
    src, hyp = files()
    result = invoke("--source", src, "--translation", hyp, "--source-lang", "sr", "--engine", "none")
    assert result.exit_code == 4 and "needs a back-translation engine" in result.stderr
    ref = str(write("ref.txt", "\n".join(ENGLISH) + "\n"))
    result = invoke(
        "--source", src, "--translation", hyp, "--reference", ref, "--source-lang", "sr", "--engine", "none"
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["reference"]["chrf++"] == 100.0 and data["reference"]["ter"] == 0.0 and "fidelity" not in data


@pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium-hbs-eng is not installed")
def test_lines_with_apertium(files):
    src, hyp = files()
    result = invoke("--source", src, "--translation", hyp, "--source-lang", "hr", "--engine", "apertium", "--no-cache")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["engine"]["name"] == "apertium" and "calibration:apertium:source@" in data["signature"]
    assert all(0 <= s["fidelity"] <= 100 and s["backtranslation"] for s in data["segments"])


def test_documents_are_aligned_and_scored(phrase_engine, write):
    src = write("src.txt", "Budžet usvojen\n\n" + " ".join(SOURCE) + "\n")
    hyp = write("hyp.txt", "Budget adopted\n\n" + " ".join(ENGLISH) + "\n")
    result = invoke("--source", str(src), "--translation", str(hyp), "--source-lang", "hr", "--documents")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["unit"] == "documents" and data["fidelity"]["mode"] == "source"
    by_text = {s["backtranslation"]: s for s in data["segments"]}
    assert all(by_text[s]["chrf++"] == 100.0 for s in SOURCE)
