"""`backcheck models list|install|convert|verify|remove` and the catalogue."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.error
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcheck.cli.app import app
from backcheck.engines import catalog as models
from backcheck.engines import install
from backcheck.engines.ct2 import CT2Engine
from backcheck.errors import ExitCode

ROOT = Path(__file__).resolve().parent.parent
TINY = Path(__file__).parent / "fixtures" / "tiny_model"


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def models_dir(tmp_path) -> Path:
    directory = tmp_path / "models"
    shutil.copytree(TINY, directory / "tiny-copy-en-sh")
    return directory


def test_catalogue_lists_the_recommended_models_with_licences():
    catalog = models.load_catalog()
    back = catalog["opus-mt-tc-base-en-sh"]
    assert back.kind == "marian" and back.labels["sr"] == ">>srp_Latn<<" and back.labels["hr"] == ">>hrv<<"
    assert back.marian_url.endswith(".zip") and "CC-BY-4.0" in back.licence
    assert "en" in catalog["opus-mt-tc-big-sh-en"].target_langs
    assert "non-commercial" in catalog["nllb-200-distilled-600m"].licence
    assert catalog["m2m100-418m"].lang_tokens["sr"] == "__sr__"


def test_models_list_shows_catalogue_and_installed(models_dir):
    result = invoke("models", "list", "--models-dir", models_dir)
    assert result.exit_code == 0
    assert "opus-mt-tc-base-en-sh" in result.stdout and "CC-BY-4.0" in result.stdout
    assert "tiny-copy-en-sh" in result.stdout and "installed" in result.stdout


@pytest.mark.parametrize(
    "env,flag,expected",
    [
        ({"BACKCHECK_MODELS": "/srv/models"}, None, "/srv/models"),
        ({"BACKCHECK_MODELS": "/srv/models"}, "/opt/m", "/opt/m"),
        ({}, None, str(ROOT / "models")),
    ],
)
def test_models_directory_precedence(monkeypatch, env, flag, expected):
    monkeypatch.delenv("BACKCHECK_MODELS", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert str(models.models_dir(flag)) == expected


def _offline(*args, **kwargs):
    raise urllib.error.URLError("[Errno -3] Temporary failure in name resolution")


def test_install_offline_fails_fast_with_instructions(tmp_path, monkeypatch):
    monkeypatch.setattr(install.urllib.request, "urlopen", _offline)
    started = time.monotonic()
    result = invoke("models", "install", "opus-mt-tc-base-en-sh", "--models-dir", tmp_path)
    assert time.monotonic() - started < 5
    assert result.exit_code == ExitCode.ENGINE
    message = result.stderr
    assert "tried https://object.pouta.csc.fi/Tatoeba-MT-models/eng-hbs/opus+bt-2021-04-20.zip" in message
    assert "curl -L -o opus-mt-tc-base-en-sh.zip" in message
    assert (
        f"backcheck models convert opus-mt-tc-base-en-sh-marian --name opus-mt-tc-base-en-sh --models-dir {tmp_path}"
        in message
    )
    assert not (tmp_path / "opus-mt-tc-base-en-sh").exists()  # nothing half-installed


def test_install_from_the_hub_without_torch_explains_the_alternative(tmp_path):
    result = invoke("models", "install", "m2m100-418m", "--models-dir", tmp_path)
    assert result.exit_code == ExitCode.ENGINE
    assert "ct2-transformers-converter --model facebook/m2m100_418M" in result.stderr


def test_install_unknown_model(tmp_path):
    result = invoke("models", "install", "opus-mt-en-xx", "--models-dir", tmp_path)
    assert result.exit_code == ExitCode.ENGINE and "unknown model" in result.stderr


def test_install_downloads_converts_and_records_checksums(tmp_path, monkeypatch):
    """The network is replaced by a local zip of a Marian model: everything after it is real."""
    marian = tmp_path / "marian" / "eng-hbs"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_tiny_model.py"), "--marian", str(marian)],
        check=True,
        capture_output=True,
    )
    archive = shutil.make_archive(str(tmp_path / "release"), "zip", tmp_path / "marian")
    progress = []

    def fake_download(url, dest, progress_cb=None, timeout=None, max_bytes=None):
        shutil.copy(archive, dest)
        progress_cb and progress_cb(dest.stat().st_size, dest.stat().st_size)
        progress.append(url)
        return dest

    monkeypatch.setattr(install, "download", fake_download)
    installed = install.install("opus-mt-tc-base-en-sh", tmp_path / "models")
    assert progress == [models.load_catalog()["opus-mt-tc-base-en-sh"].marian_url]
    manifest = installed.manifest
    assert manifest.labels["bs"] == ">>bos_Latn<<" and manifest.origin == progress[0]
    assert set(manifest.files) >= {"model.bin", "config.json", "shared_vocabulary.json", "source.spm", "target.spm"}
    assert models.verify(installed.path) == []
    engine = CT2Engine(installed.path)
    assert engine.translate(["Sud je odbio žalbu."], "en", "bs")[0].text == "Sud je odbio žalbu."


def test_convert_a_marian_directory(tmp_path):
    marian = tmp_path / "eng-hbs"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_tiny_model.py"), "--marian", str(marian)],
        check=True,
        capture_output=True,
    )
    out = tmp_path / "models"
    result = invoke("models", "convert", marian, "--name", "mine", "--src", "en", "--models-dir", out)
    assert result.exit_code == 0, result.output
    assert "marian, en → bs/cnr/hr/sr/sr-Cyrl" in result.stdout
    assert invoke("models", "verify", "--models-dir", out).exit_code == 0
    again = invoke("models", "convert", marian, "--name", "mine", "--src", "en", "--models-dir", out)
    assert again.exit_code == ExitCode.ENGINE and "already exists" in again.stderr


def test_convert_something_that_is_not_a_model(tmp_path):
    (tmp_path / "notes").mkdir()
    result = invoke("models", "convert", tmp_path / "notes", "--models-dir", tmp_path / "m")
    assert result.exit_code == ExitCode.ENGINE and "no decoder.yml" in result.stderr


@pytest.mark.parametrize("missing", ["model.bin", "target.spm"])
def test_verify_names_the_missing_file(models_dir, missing):
    (models_dir / "tiny-copy-en-sh" / missing).unlink()
    result = invoke("models", "verify", "--models-dir", models_dir)
    assert result.exit_code == ExitCode.ENGINE
    assert f"missing {missing}" in result.stderr


def test_verify_detects_a_changed_file(models_dir):
    spm = models_dir / "tiny-copy-en-sh" / "source.spm"
    data = bytearray(spm.read_bytes())
    data[-1] ^= 0xFF  # same size, different content
    spm.write_bytes(bytes(data))
    result = invoke("models", "verify", "--models-dir", models_dir)
    assert result.exit_code == ExitCode.ENGINE
    assert "source.spm does not match its recorded SHA-256" in result.stderr


def test_verify_and_remove(models_dir):
    assert invoke("models", "verify", "--models-dir", models_dir).stdout.startswith("ok")
    assert invoke("models", "remove", "tiny-copy-en-sh", "--models-dir", models_dir).exit_code == 0
    assert not (models_dir / "tiny-copy-en-sh").exists()
    again = invoke("models", "remove", "tiny-copy-en-sh", "--models-dir", models_dir)
    assert again.exit_code == ExitCode.ENGINE and "not installed" in again.stderr


def test_convert_adopts_an_already_converted_directory(tmp_path):
    """What the offline instructions for Hugging Face models end with: a converted copy brought over."""
    copied = shutil.copytree(TINY, tmp_path / "copied-ct2")
    (copied / "backcheck-model.json").unlink()
    out = tmp_path / "models"
    result = invoke("models", "convert", copied, "--name", "adopted", "--src", "en", "--models-dir", out)
    assert result.exit_code == 0, result.output
    model = models.open_model(out / "adopted")
    assert model.manifest.labels["hr"] == ">>hrv<<" and models.verify(model.path) == []


def test_a_hanging_resolver_is_cut_short(tmp_path, monkeypatch):
    def hang(*args):
        time.sleep(30)

    monkeypatch.setattr(install.socket, "getaddrinfo", hang)
    started = time.monotonic()
    with pytest.raises(urllib.error.URLError, match="no answer resolving object.pouta.csc.fi"):
        install.download("https://object.pouta.csc.fi/x.zip", tmp_path / "x.zip", timeout=0.5)
    assert time.monotonic() - started < 3
