"""Batch checking: discovery, manifests, parallel workers, engine batching, resumption, CLI."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from backcheck.cli.app import app
from backcheck.config import Config
from backcheck.errors import InputError
from backcheck.pipeline import batch

runner = CliRunner()

ARTICLES = {
    "politics/budget.txt": (
        "Parliament adopts budget\n\nThe parliament adopted the budget on Thursday. "
        "Finance Minister Ana Petrović said the deficit would fall.\n"
    ),
    "politics/budget.sr.txt": (
        "Skupština usvojila budžet\n\nSkupština je u četvrtak usvojila budžet. "
        "Ministarka finansija Ana Petrović rekla je da će deficit pasti.\n"
    ),
    "world/talks.txt": (
        "Talks resume in Kiev\n\nDiplomats met in Kiev on Monday, spokeswoman Maria Novak told reporters.\n"
    ),
    "world/floods.md": (
        "# Floods close roads\n\nHeavy rain closed three roads near the border on Sunday, police said.\n"
    ),
    "notes.csv": "not,an,article\n",
}
GLOSSARY = Config(glossary={"Kiev": "Kyiv"}, fail_on="minor")


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "news"
    for name, text in ARTICLES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_directory_pairs_sources_by_language_suffix(corpus):
    items = {item.translation.removeprefix(str(corpus) + "/"): item for item in batch.discover([corpus])}
    assert sorted(items) == ["politics/budget.txt", "world/floods.md", "world/talks.txt"]
    budget = items["politics/budget.txt"]
    assert budget.source.endswith("budget.sr.txt") and budget.source_lang == "sr"
    assert items["world/talks.txt"].source is None


@pytest.mark.parametrize(
    "name, content, line, message",
    [
        (
            "m.csv",
            "translation,source,source_lang\nworld/talks.txt,,sr\nworld/missing.txt,,hr\n",
            3,
            "translation file 'world/missing.txt' not found",
        ),
        (
            "m.csv",
            "translation,source,source_lang\nworld/talks.txt,world/talks.hr.txt,hr\n",
            2,
            "source file 'world/talks.hr.txt' not found",
        ),
        ("m.csv", "file,lang\nworld/talks.txt,sr\n", 1, "'translation' column"),
        (
            "m.jsonl",
            '{"translation": "world/talks.txt"}\n\n{"translation": "gone.txt", "source_lang": "sr"}\n',
            3,
            "translation file 'gone.txt' not found",
        ),
        ("m.jsonl", '{"translation": "world/talks.txt", "source_lang": "de"}\n', 1, "source_lang 'de'"),
    ],
)
def test_manifest_problems_name_file_and_line(corpus, name, content, line, message):
    manifest = corpus / name
    manifest.write_text(content)
    with pytest.raises(InputError, match=rf"{name}:{line}: .*{message}"):
        batch.discover([manifest])
    result = runner.invoke(app, ["batch", str(manifest)])
    assert result.exit_code == 3
    assert f"{name}:{line}:" in result.stderr


def test_manifest_rows_resolve_against_the_manifest(corpus):
    manifest = corpus / "list.jsonl"
    manifest.write_text(
        '{"translation": "politics/budget.txt", "source": "politics/budget.sr.txt", "source_lang": "sr"}\n'
    )
    [item] = batch.discover([manifest])
    assert item.translation == str(corpus / "politics/budget.txt") and item.where == f"{manifest}:1"


def test_parallel_workers_give_the_same_report(corpus):
    items = batch.discover([corpus])
    serial = batch.run(items, GLOSSARY, jobs=1)
    parallel = batch.run(items, GLOSSARY, jobs=2)
    assert [(d.path, [f.fingerprint() for f in d.flags]) for d in serial.report.documents] == [
        (d.path, [f.fingerprint() for f in d.flags]) for d in parallel.report.documents
    ]
    assert any(f.check == "style.glossary" for f in serial.report.flags)
    assert parallel.checked == 3 and not parallel.errors


def test_engine_sentences_go_to_one_call_across_files(corpus, monkeypatch):
    import backcheck.pipeline.check as api

    calls = []
    real = api.check_jobs

    def recording(jobs, config, engine="none", **kwargs):
        calls.append((len(jobs), engine))
        return real(jobs, Config(glossary=config.glossary), "none")

    monkeypatch.setattr(api, "check_jobs", recording)
    result = batch.run(batch.discover([corpus]), Config(engine="apertium"), jobs=2)
    assert calls == [(3, "apertium")]
    assert result.checked == 3


def test_interrupted_run_resumes_without_rechecking(corpus, tmp_path):
    items = batch.discover([corpus])
    state = tmp_path / "state.sqlite"
    seen = []

    def interrupt_after_two(item, doc, error):
        seen.append(item)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        batch.run(items, GLOSSARY, state=state, on_document=interrupt_after_two)
    resumed = batch.run(items, GLOSSARY, state=state)
    assert (resumed.skipped, resumed.checked) == (2, 1)
    again = batch.run(items, GLOSSARY, state=state)
    assert (again.skipped, again.checked) == (3, 0)
    # the stored reports come back whole: same flags, same fingerprints
    assert [f.fingerprint() for f in again.report.flags] == [f.fingerprint() for f in resumed.report.flags]


def test_changed_file_or_config_is_checked_again(corpus, tmp_path):
    items = batch.discover([corpus])
    state = tmp_path / "state.sqlite"
    batch.run(items, GLOSSARY, state=state)
    (corpus / "world/talks.txt").write_text(ARTICLES["world/talks.txt"] + "\nMore talks are planned.\n")
    assert batch.run(items, GLOSSARY, state=state).checked == 1
    assert batch.run(items, Config(fail_on="critical"), state=state).checked == 3


def test_unreadable_document_is_reported_and_the_rest_checked(corpus):
    (corpus / "world/empty.txt").write_text("")
    result = batch.run(batch.discover([corpus]), GLOSSARY)
    assert result.checked == 3
    assert [w for w, _ in result.errors] == [str(corpus / "world/empty.txt")]
    assert "empty" in batch.summary_table(result, "minor")


def test_cli_writes_reports_per_document_summary_and_no_bar_without_tty(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "backcheck.toml").write_text('fail_on = "minor"\n[glossary]\nKiev = "Kyiv"\n')
    out = tmp_path / "reports"
    result = runner.invoke(app, ["batch", str(corpus), "--output-dir", str(out), "--jobs", "2"])
    assert result.exit_code == 1
    report = json.loads((out / "world/talks.txt.json").read_text())
    assert [f["span"]["text"] for f in report["documents"][0]["flags"] if f["check"] == "style.glossary"] == [
        "Kiev",
        "Kiev",
    ]
    assert (out / "politics/budget.txt.json").is_file() and (out / batch.STATE_FILE).is_file()
    assert "checking" not in result.stderr  # no progress bar: stderr is not a terminal
    assert "documents: 3 (3 checked, 0 already done)" in result.stderr
    assert "world/talks.txt" in result.stderr  # the failing document is in the table
    rerun = runner.invoke(app, ["batch", str(corpus), "--output-dir", str(out)])
    assert "documents: 3 (0 checked, 3 already done)" in rerun.stderr


def test_cli_combined_report_with_baseline(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "backcheck.toml").write_text('fail_on = "minor"\n[glossary]\nKiev = "Kyiv"\n')
    first = runner.invoke(app, ["batch", str(corpus), "--format", "jsonl", "--output", "all.jsonl"])
    assert first.exit_code == 1
    assert runner.invoke(app, ["baseline", "create", "all.jsonl", "-o", "base.json"]).exit_code == 0
    second = runner.invoke(
        app,
        [
            "batch",
            str(corpus),
            "--baseline",
            "base.json",
            "--output",
            "all.json",
            "--state",
            str(tmp_path / "other.sqlite"),
        ],
    )
    assert second.exit_code == 0, second.stderr
    combined = json.loads((tmp_path / "all.json").read_text())
    assert len(combined["documents"]) == 3 and not any(d["flags"] for d in combined["documents"])
    assert re.search(r"flags: 0 critical, 0 major, 0 minor; [1-9]\d* suppressed by the baseline", second.stderr)


def test_executor_ray_without_ray_is_a_usage_error_naming_the_install(corpus, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` fails as it does where Ray is not installed
    result = runner.invoke(app, ["batch", str(corpus), "--executor", "ray"])
    assert result.exit_code == 2
    assert "pip install 'backcheck[ray]'" in result.stderr
    assert runner.invoke(app, ["batch", str(corpus), "--executor", "spark"]).exit_code == 2
    address_alone = runner.invoke(app, ["batch", str(corpus), "--address", "10.0.0.1:6379"])
    assert address_alone.exit_code == 2 and "--address needs --executor ray" in address_alone.stderr


def test_the_command_line_does_not_import_ray():
    import subprocess
    import sys

    code = "import sys, backcheck.cli.app; print('ray' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"
