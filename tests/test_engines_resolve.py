"""`--engine auto|ct2|apertium|none`, and the engine's place in the pipeline (api.check_jobs)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcheck.cli.app import app
from backcheck.engines import apertium, resolve
from backcheck.engines.apertium import ApertiumEngine
from backcheck.engines.cache import CachedEngine
from backcheck.engines.ct2 import CT2Engine
from backcheck.errors import ConfigError, EngineError, ExitCode, ModelError
from backcheck.pipeline import check as api

TINY = Path(__file__).parent / "fixtures" / "tiny_model"

ARTICLE = """Government confirms new elections

The government said on Monday that new elections will be held in 2025.

Police confirmed that 15 people were arrested after the protest in Podgorica.
"""


@pytest.fixture
def models(tmp_path) -> Path:
    directory = tmp_path / "models"
    shutil.copytree(TINY, directory / "tiny-copy-en-sh")
    return directory


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("BACKCHECK_CACHE", str(tmp_path / "cache.sqlite3"))


def test_none_gives_no_engine(models):
    assert resolve("none", models_dir=models) is None


def test_unknown_engine_name_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown engine 'marian'"):
        resolve("marian")


def test_auto_prefers_an_installed_model(models):
    engine = resolve("auto", "en", "hr", models_dir=models)
    assert isinstance(engine, CachedEngine) and isinstance(engine.engine, CT2Engine)
    assert isinstance(resolve("auto", "en", "hr", models_dir=models, use_cache=False), CT2Engine)


def test_auto_falls_back_to_apertium_then_none(tmp_path, monkeypatch):
    monkeypatch.setattr(apertium, "installed_modes", lambda: frozenset({"eng-hbs_SR"}))
    assert isinstance(resolve("auto", "en", "sr", models_dir=tmp_path, use_cache=False), ApertiumEngine)
    monkeypatch.setattr(apertium, "installed_modes", lambda: frozenset())
    assert resolve("auto", "en", "sr", models_dir=tmp_path) is None


def test_ct2_without_a_model_says_how_to_install_one(tmp_path):
    with pytest.raises(EngineError, match="backcheck models install opus-mt-tc-base-en-sh") as info:
        resolve("ct2", "en", "sr", models_dir=tmp_path)
    assert info.value.exit_code == ExitCode.ENGINE


def test_a_damaged_model_is_reported_not_skipped(models):
    (models / "tiny-copy-en-sh" / "target.spm").unlink()
    with pytest.raises(ModelError, match="missing target.spm"):
        resolve("auto", "en", "sr", models_dir=models)


def _jobs(write, n=2):
    return [api.load_job(str(write(f"article{i}.txt", ARTICLE))) for i in range(n)]


def test_check_jobs_back_translates_all_jobs_in_one_call(write, models, monkeypatch):
    calls = []
    real = CT2Engine.translate

    def spy(self, sentences, src, tgt):
        calls.append((list(sentences), src, tgt))
        return real(self, sentences, src, tgt)

    monkeypatch.setattr(CT2Engine, "translate", spy)
    seen = []
    real_run = api.run_checks
    monkeypatch.setattr(
        api,
        "run_checks",
        lambda job, config, backtranslations=None, **kw: (
            seen.append(backtranslations) or real_run(job, config, backtranslations, **kw)
        ),
    )
    report = api.check_jobs(_jobs(write), engine="ct2", models_dir=str(models), use_cache=False)
    assert len(calls) == 1 and calls[0][1:] == ("en", "sr")
    assert len(calls[0][0]) == len(set(calls[0][0]))  # the two identical articles share one translation
    for doc, back in zip(report.documents, seen):
        assert doc.engine["name"] == "ct2" and doc.engine["model"] == "tiny-copy-en-sh"
        assert api.ENGINE_SKIPPED_NOTE not in doc.notes
        sentences = {s.index: s.text for s in doc.document.article_sentences}
        assert back == sentences  # the copy model returns each sentence
    assert "engine:ct2|model:tiny-copy-en-sh" in report.signature


def test_without_an_engine_the_report_says_so_in_one_line(write):
    report = api.check_jobs(_jobs(write, 1), engine="none")
    assert report.documents[0].engine is None
    assert report.documents[0].notes == [api.ENGINE_SKIPPED_NOTE]
    assert "engine:none" in report.signature


def test_cli_check_with_ct2_and_models_dir(write, models):
    path = write("article.txt", ARTICLE)
    runner = CliRunner()
    result = runner.invoke(
        app, ["check", str(path), "--engine", "ct2", "--models-dir", str(models), "--format", "json", "--no-cache"]
    )
    report = json.loads(result.stdout)
    assert report["documents"][0]["engine"]["name"] == "ct2"
    failing = [f for f in report["documents"][0]["flags"] if f["severity"] in ("major", "critical")]
    assert result.exit_code == (1 if failing else 0), result.output
    text = runner.invoke(app, ["check", str(path), "--engine", "ct2", "--models-dir", str(models)])
    assert "engine: ct2" in text.stdout


def test_cli_check_with_a_broken_model_exits_4_naming_the_file(write, models):
    (models / "tiny-copy-en-sh" / "model.bin").unlink()
    result = CliRunner().invoke(
        app, ["check", str(write("a.txt", ARTICLE)), "--engine", "ct2", "--models-dir", str(models)]
    )
    assert result.exit_code == ExitCode.ENGINE
    assert "missing model.bin" in result.stderr


@pytest.mark.parametrize("env", [{}, {"BACKCHECK_DEVICE": "cpu", "BACKCHECK_THREADS": "1"}])
def test_device_and_threads_from_the_environment(models, env, tmp_path):
    import ctranslate2

    from backcheck.pipeline.configure import resolve as configure

    config = configure({}, tmp_path, environ=env)
    assert (config.device, config.threads) == (("cpu", 1) if env else ("auto", None))
    engine = resolve(
        "ct2", "en", "sr", models_dir=models, use_cache=False, device=config.device, threads=config.threads
    )
    gpu = not env and ctranslate2.get_cuda_device_count() > 0  # "auto": CUDA when there is one
    assert (engine.device, engine.signature()["compute_type"]) == (("cuda", "int8_float16") if gpu else ("cpu", "int8"))


@pytest.mark.parametrize("key,value", [("BACKCHECK_DEVICE", "tpu"), ("BACKCHECK_THREADS", "many")])
def test_bad_environment_values_are_config_errors(key, value, tmp_path):
    from backcheck.pipeline.configure import resolve as configure

    with pytest.raises(ConfigError, match=key):
        configure({}, tmp_path, environ={key: value})
