"""Reproductions of what a hostile or careless user broke (hardening issue), one test each.

Every test here failed on the code before its fix. Device nodes are made inside tmp_path, never
the machine's own /dev entries: a regression must not be able to damage the test machine.
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcheck.engines import catalog as models
from backcheck.cli.app import app
from backcheck.errors import ExitCode, ModelError, OutputError
from backcheck.formats.output import write_atomic

TINY = Path(__file__).parent / "fixtures" / "tiny_model"


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


# -- 1. --output replaces whatever is at the path -------------------------------------------------

@pytest.mark.skipif(os.geteuid() != 0, reason="making a character device needs root")
def test_output_to_a_character_device_writes_into_it(tmp_path):
    node = tmp_path / "null"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a private /dev/null
    write_atomic(node, "report\n")
    assert stat.S_ISCHR(node.stat().st_mode)  # still the device, not a regular file


def test_output_to_a_fifo_writes_into_it(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, "report\n")
    reader.join(5)
    assert received == [b"report\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_output_through_a_symlink_replaces_its_target_and_keeps_the_link(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_output_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("{}")
    target.chmod(0o644)
    write_atomic(target, "[]")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_new_output_file_honours_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640


@pytest.mark.parametrize("make", ["directory", "empty"])
def test_output_that_cannot_be_a_file_is_an_output_error(tmp_path, make):
    path = tmp_path / "d" if make == "directory" else ""
    if make == "directory":
        path.mkdir()
    with pytest.raises(OutputError):
        write_atomic(path, "x")


def test_check_refuses_an_output_equal_to_its_input(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("The minister said nothing.\n")
    result = invoke("check", article, "-o", article)
    assert result.exit_code == ExitCode.INPUT
    assert "is an input file" in result.stderr
    assert article.read_text() == "The minister said nothing.\n"


def test_check_to_a_directory_exits_3_with_one_line(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("The minister said nothing.\n")
    result = invoke("check", article, "-o", tmp_path)
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr.startswith("backcheck: error:") and result.stderr.count("\n") == 1


# -- 2. models convert --force / models remove delete outside the models folder --------------------

@pytest.fixture
def models_dir(tmp_path) -> Path:
    import shutil

    directory = tmp_path / "models"
    shutil.copytree(TINY, directory / "tiny-copy-en-sh")
    (directory / "catalog.toml").write_text("# kept\n")
    return directory


@pytest.mark.parametrize("name", ["", ".", "..", "../outside", "/abs/x", "a/b", ".hidden"])
def test_model_names_must_be_one_plain_segment(name):
    with pytest.raises(ModelError):
        models.check_name(name)


def test_convert_dot_with_force_does_not_wipe_the_models_folder(models_dir, monkeypatch):
    monkeypatch.chdir(models_dir)
    result = invoke("models", "convert", ".", "--force", "--models-dir", models_dir)
    assert result.exit_code == ExitCode.ENGINE
    assert (models_dir / "catalog.toml").read_text() == "# kept\n"
    assert (models_dir / "tiny-copy-en-sh" / "model.bin").is_file()


@pytest.mark.parametrize("name", ["../victim", "/tmp/../victim", "..", ""])
def test_convert_with_a_path_name_never_deletes_another_tree(models_dir, tmp_path, name):
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "precious.txt").write_text("keep me")
    result = invoke("models", "convert", TINY, "--name", name, "--force", "--models-dir", models_dir)
    assert result.exit_code == ExitCode.ENGINE
    assert (victim / "precious.txt").read_text() == "keep me"


def test_convert_force_refuses_to_replace_a_folder_that_is_not_a_model(models_dir):
    (models_dir / "notes").mkdir()
    (models_dir / "notes" / "todo.txt").write_text("mine")
    result = invoke("models", "convert", TINY, "--name", "notes", "--force", "--models-dir", models_dir)
    assert result.exit_code == ExitCode.ENGINE
    assert "not a model backcheck installed" in result.stderr
    assert (models_dir / "notes" / "todo.txt").read_text() == "mine"


@pytest.mark.parametrize("name", ["..", "../models", ".", "", "/etc"])
def test_remove_refuses_names_outside_the_models_folder(models_dir, name):
    result = invoke("models", "remove", name, "--models-dir", models_dir)
    assert result.exit_code == ExitCode.ENGINE
    assert (models_dir / "tiny-copy-en-sh" / "model.bin").is_file()
    assert (models_dir / "catalog.toml").is_file()


def test_remove_refuses_a_folder_without_a_manifest(models_dir):
    (models_dir / "half").mkdir()
    (models_dir / "half" / "model.bin").write_bytes(b"\0")
    result = invoke("models", "remove", "half", "--models-dir", models_dir)
    assert result.exit_code == ExitCode.ENGINE
    assert (models_dir / "half" / "model.bin").is_file()


def test_remove_refuses_a_symlink_to_a_model(models_dir, tmp_path):
    (models_dir / "alias").symlink_to(models_dir / "tiny-copy-en-sh")
    result = invoke("models", "remove", "alias", "--models-dir", models_dir)
    assert result.exit_code == ExitCode.ENGINE
    assert (models_dir / "tiny-copy-en-sh" / "model.bin").is_file()


def test_remove_deletes_an_installed_model(models_dir):
    result = invoke("models", "remove", "tiny-copy-en-sh", "--models-dir", models_dir)
    assert result.exit_code == 0
    assert not (models_dir / "tiny-copy-en-sh").exists()
    assert (models_dir / "catalog.toml").is_file()
