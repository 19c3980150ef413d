"""Ready-made integration: the pre-commit hook run by pre-commit itself on a temporary git
repository, and the GitHub Actions example's command run as written (engine swapped for speed)."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from backcheck.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CLEAN = (
    "Parliament adopts budget\n\nThe parliament adopted the budget for next year on Thursday. "
    "Finance Minister Ana Petrović said the deficit would fall.\n"
)


def _hook() -> dict:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    [hook] = [h for h in hooks if h["id"] == "backcheck"]
    return hook


def test_hook_definition_is_complete():
    hook = _hook()
    assert {"id", "name", "entry", "language", "files"} <= set(hook)
    assert shlex.split(hook["entry"])[:2] == ["backcheck", "batch"]
    assert hook["language"] == "python"  # pre-commit installs backcheck from this repository


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        env={
            **os.environ,
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org",
        },
    )


@pytest.fixture
def repo(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    pytest.importorskip("pre_commit")
    repo = tmp_path / "newsroom"
    repo.mkdir()
    _git(repo, "init", "-q")
    # The published hook says `language: python` (pre-commit would pip-install this repository,
    # which needs the network); offline, the same hook runs as a local `system` hook against the
    # backcheck installed here. Everything else (entry, files, require_serial) is the definition.
    local = {**_hook(), "language": "system"}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local]}]}))
    (repo / "articles").mkdir()
    return repo


def _pre_commit(repo: Path, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess:
    _git(repo, "add", "-A")
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
    }
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", *extra],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_pre_commit_blocks_a_flagged_article_and_passes_a_clean_one(repo, tmp_path, sample_path):
    (repo / "articles" / "budget.txt").write_text(CLEAN)
    (repo / "README.rst").write_text("not matched by the hook's files pattern\n")
    passed = _pre_commit(repo, tmp_path)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout

    shutil.copy(sample_path, repo / "articles" / "talks.txt")
    failed = _pre_commit(repo, tmp_path)
    assert failed.returncode == 1
    assert "Failed" in failed.stdout
    assert "[name.inflected]" in failed.stdout and "[[Hornova]]" in failed.stdout


def test_pre_commit_hook_respects_the_repository_baseline(repo, tmp_path, sample_path):
    shutil.copy(sample_path, repo / "articles" / "talks.txt")
    subprocess.run(
        [str(BIN / "backcheck"), "baseline", "create", "articles/talks.txt", "-o", "baseline.json"],
        cwd=repo,
        check=True,
        capture_output=True,
    )
    (repo / "backcheck.toml").write_text('baseline = "baseline.json"\n')
    result = _pre_commit(repo, tmp_path, "--verbose")  # pre-commit shows a passing hook's output only then
    assert result.returncode == 0, result.stdout
    assert "suppressed by the baseline" in result.stdout


def _workflow_commands() -> list[list[str]]:
    workflow = yaml.safe_load((ROOT / "docs" / "github-workflow.yml").read_text())
    commands = []
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            for line in step.get("run", "").splitlines():  # `run: >-` folds a long command into one line
                if line.strip().startswith("backcheck "):
                    commands.append(shlex.split(line))
    return commands


def test_workflow_commands_exist_and_run(tmp_path, sample_path, monkeypatch):
    commands = _workflow_commands()
    assert commands, "the workflow runs backcheck"
    runner = CliRunner()
    for argv in commands:
        assert argv[0] == "backcheck"
        sub = argv[1]
        help_text = runner.invoke(app, [sub, "--help"]).stdout
        for option in (a for a in argv if a.startswith("--")):
            assert option in help_text, f"{option} is not an option of `backcheck {sub}`"
        # run it as written, with the engine swapped for none (no Apertium needed here)
        monkeypatch.chdir(tmp_path)
        (tmp_path / "articles").mkdir(exist_ok=True)
        shutil.copy(sample_path, tmp_path / "articles" / "talks.txt")
        (tmp_path / "articles" / "budget.txt").write_text(CLEAN)
        assert (
            runner.invoke(app, ["baseline", "create", "articles/talks.txt", "-o", "backcheck-baseline.json"]).exit_code
            == 0
        )
        args = [("none" if prev == "--engine" else a) for prev, a in zip([""] + argv, argv)][1:]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.stderr
        if "--format" in args and args[args.index("--format") + 1] == "sarif":
            sarif = json.loads(Path(args[args.index("--output") + 1]).read_text())
            assert sarif["version"] == "2.1.0"
