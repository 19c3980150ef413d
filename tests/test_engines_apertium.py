"""The Apertium engine with Debian's apertium-hbs-eng (installed by .ci/run)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from backcheck.cli.app import app
from backcheck.engines import apertium
from backcheck.engines.apertium import ApertiumEngine
from backcheck.errors import EngineError

needs_apertium = pytest.mark.skipif(
    not apertium.available("en", "sr"),
    reason="apertium with apertium-hbs-eng is not installed (`apt-get install apertium-hbs-eng`; .ci/run does it)",
)

SENTENCES = [
    "The government announced new elections on Monday.",
    "Police said that 15 people were arrested in the city.",
    "The minister did not attend the meeting.",
    "He said the agreement would be signed next year.",
]


@needs_apertium
@pytest.mark.parametrize(
    "lang,mode",
    [
        ("sr", "eng-hbs_SR"),
        ("hr", "eng-hbs_HR"),
        ("bs", "eng-hbs_BS"),
        ("cnr", "eng-hbs_SR"),
        ("sr-Latn", "eng-hbs_SR"),
    ],
)
def test_modes_per_language(lang, mode):
    assert ApertiumEngine().mode("en", lang) == mode


@needs_apertium
def test_back_translation_is_serbo_croatian_without_unknown_word_marks():
    out = ApertiumEngine().translate(SENTENCES, "en", "sr")
    assert len(out) == len(SENTENCES)
    for source, result in zip(SENTENCES, out):
        assert result.text and result.text != source
        assert not any(word.startswith(("*", "#", "@")) for word in result.text.split())
    assert "ministar" in out[2].text.lower()  # a word the pair's dictionary knows
    assert "15" in out[1].text  # numbers pass through untouched


@needs_apertium
def test_one_process_keeps_sentence_boundaries():
    batch = [f"The court heard {n} witnesses on Monday." for n in range(300)] + ["", "Two\nlines in one sentence."]
    out = ApertiumEngine().translate(batch, "en", "hr")
    assert len(out) == len(batch)
    assert all(f"{n}" in out[n].text for n in (0, 150, 299))
    assert out[300].text == ""


@needs_apertium
def test_reverse_direction_into_english():
    [out] = ApertiumEngine().translate(["Predsjednik je rekao da je glasalo 15 miliona ljudi."], "sr", "en")
    assert "15" in out.text and "President" in out.text


def test_no_scores_and_the_signature_says_so():
    engine = ApertiumEngine()
    assert engine.score(["a"], ["b"], "en", "sr") is None
    assert engine.signature()["scores"] == "none"


@pytest.mark.parametrize("src,tgt", [("en", "de"), ("de", "en"), ("en", "sr-Cyrl")])
def test_unsupported_pair_is_an_engine_error(src, tgt):
    with pytest.raises(EngineError, match="does not translate"):
        ApertiumEngine().translate(["The court ruled."], src, tgt)


def test_missing_package_says_how_to_install(monkeypatch):
    monkeypatch.setattr(apertium, "installed_modes", lambda: frozenset())
    with pytest.raises(EngineError, match="apt-get install apertium-hbs-eng"):
        ApertiumEngine().translate(["The court ruled."], "en", "sr")


@needs_apertium
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_check_command_names_the_engine(sample_path, tmp_path, monkeypatch, fmt):
    monkeypatch.setenv("BACKCHECK_CACHE", str(tmp_path / "cache.sqlite3"))
    result = CliRunner().invoke(app, ["check", str(sample_path), "--engine", "apertium", "--format", fmt])
    assert result.exit_code == 1, result.output  # the sample's "Hornova" is a major flag
    if fmt == "json":
        doc = json.loads(result.stdout)["documents"][0]
        assert doc["engine"]["name"] == "apertium"
        assert not any("skipped" in note for note in doc["notes"])
        assert "engine:apertium" in json.loads(result.stdout)["signature"]
    else:
        assert "engine: apertium" in result.stdout


def test_stream_format_round_trips_every_special_character():
    lines = ["a [b] \\ c/d ^e$ @f *g <h> {i} #j +k |l ~m", "plain"]
    assert apertium._reformat(apertium._deformat(lines)) == "\n".join(lines) + "\n"


@needs_apertium
def test_running_pipeline_gives_what_one_process_gives_and_is_reused():
    import subprocess

    lines = [*SENTENCES, "She wrote [sic] 45/50 <b> ^x$ #tag {y} in the report."]
    one_process = subprocess.run(
        ["apertium", "-u", "eng-hbs_SR"], input="\n".join(lines) + "\n", capture_output=True, text=True, check=True
    ).stdout.split("\n")[:-1]
    engine = ApertiumEngine()
    try:
        assert [t.text for t in engine.translate(lines, "en", "sr")] == [s.strip() for s in one_process]
        pipeline = engine._pipelines["eng-hbs_SR"]
        assert pipeline is not None
        pid = pipeline.process.pid
        assert [t.text for t in engine.translate(lines[:1], "en", "sr")] == [one_process[0].strip()]
        assert engine._pipelines["eng-hbs_SR"].process.pid == pid  # the same process, no new start
        # a pipeline that dies is replaced by one process per batch, with the same translation
        pipeline.kill()
        assert [t.text for t in engine.translate(lines, "en", "sr")] == [s.strip() for s in one_process]
        assert engine._pipelines["eng-hbs_SR"] is None
    finally:
        engine.close()
