"""``backcheck batch --executor ray``: the same reports as the local executor, workers killed
mid-run, a driver killed mid-run. One local Ray runtime (2 CPUs) serves the whole module.

Select with ``-m ray``; skipped where Ray is not installed (``pip install 'backcheck[ray]'``),
run by ``make test`` (which installs the extra).
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from backcheck.cli.app import app
from backcheck.config import Config
from backcheck.engines import apertium
from backcheck.pipeline import batch
from backcheck.pipeline.batch import document_report_to_json

ray = pytest.importorskip("ray")

from backcheck.pipeline.ray_executor import FAULTS_ENV, RayExecutor  # noqa: E402

pytestmark = pytest.mark.ray
runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
TINY = Path(__file__).parent / "fixtures" / "tiny_model"

#: written for these tests: a source pair, an English-only article with a Slavic case form, a
#: Markdown article, segment pairs, a manifest-free directory layout
ARTICLES = {
    "sport/derby.txt": (
        "Derby ends in a draw\n\nThe city derby ended 2:2 on Saturday in front of 12,000 fans. "
        "Coach Petra Lukić said her team deserved to win.\n"
    ),
    "sport/derby.sr.txt": (
        "Derbi završen nerešeno\n\nGradski derbi završen je u subotu rezultatom 2:2 pred 12.000 navijača. "
        "Trenerka Petra Lukić rekla je da je njen tim zaslužio pobedu.\n"
    ),
    "economy/harbour.txt": (
        "Harbour gets new cranes\n\nThree new cranes arrived at the harbour on Tuesday, "
        "director Ivan Horvatom said. They cost 4.5 million euros.\n"
    ),
    "city/trams.md": "# Trams return\n\nTrams will run again on the old line from Monday, the city said.\n",
    "segments/alerts.tsv": (
        "id\tsource\ttarget\n"
        "s1\tVoz kasni dva sata.\tThe train is two hours late.\n"
        "s2\tPutnici čekaju na peronu.\tPassengers are waiting on the platform.\n"
    ),
}


def _write_corpus(root: Path, extra: int = 0) -> Path:
    for name, text in ARTICLES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    for i in range(extra):  # more documents, for the runs that are killed part-way
        (root / "more" / f"note{i:03d}.txt").parent.mkdir(parents=True, exist_ok=True)
        (root / "more" / f"note{i:03d}.txt").write_text(
            f"Council meets again\n\nThe council met for the {i + 2}nd time this year on Friday. "
            f"It approved {i + 3} new bus stops near the station.\n",
            encoding="utf-8",
        )
    return root


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A local Ray runtime for the module; its workers see the fault-drill directory."""
    faults = tmp_path_factory.mktemp("faults")
    cache = tmp_path_factory.mktemp("ray-cache") / "cache.sqlite3"
    with pytest.MonkeyPatch.context() as env:
        env.setenv(FAULTS_ENV, str(faults))
        env.setenv("BACKCHECK_CACHE", str(cache))
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
        try:
            yield SimpleNamespace(faults=faults, address=ray.get_runtime_context().gcs_address)
        finally:
            ray.shutdown()


@pytest.fixture
def faults(cluster):
    """The fault-drill directory, empty before and after the test."""

    def empty():
        for path in cluster.faults.iterdir():
            path.unlink()

    empty()
    yield cluster.faults
    empty()


@pytest.fixture
def corpus(tmp_path):
    return _write_corpus(tmp_path / "news")


def _reports(directory: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(directory)): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


ENGINES = ["none", "ct2"] + (["apertium"] if apertium.available("en", "sr") else [])


@pytest.mark.parametrize("engine", ENGINES)
def test_ray_writes_byte_identical_reports_to_local(cluster, corpus, tmp_path, monkeypatch, engine):
    monkeypatch.chdir(tmp_path)
    (corpus / "broken").mkdir()
    (corpus / "broken/empty.txt").write_text("")  # an unreadable document: the same error either way
    models = tmp_path / "models"
    shutil.copytree(TINY, models / "tiny-copy-en-sh")
    runs = {}
    for executor in ("local", "ray"):
        out = tmp_path / executor
        result = runner.invoke(
            app,
            ["batch", str(corpus), "--executor", executor, "--engine", engine, "--models-dir", str(models)]
            + ["--no-cache", "--fail-on", "minor", "--output-dir", str(out), "--output", str(out / "all.json")],
        )
        table = [line for line in result.stderr.splitlines() if not line.startswith(("time:", "backcheck: report"))]
        runs[executor] = (result.exit_code, _reports(out), table)
    local, on_ray = runs["local"], runs["ray"]
    assert local[0] == on_ray[0] == 3  # an input error (the empty file) outranks flags
    assert sorted(local[1]) == sorted(on_ray[1])
    assert len(local[1]) == 5  # four documents and the combined report
    for name in local[1]:
        assert on_ray[1][name] == local[1][name], name
    assert local[2] == on_ray[2]  # the summary table, all but its time line
    if engine != "none":
        assert b'"engine": null' not in local[1]["sport/derby.txt.json"]


def test_worker_and_actor_killed_mid_run_lose_nothing_and_double_nothing(faults, tmp_path):
    corpus = _write_corpus(tmp_path / "news", extra=6)
    items = batch.discover([corpus])
    config = Config(engine="ct2", fail_on="minor")
    models = tmp_path / "models"
    shutil.copytree(TINY, models / "tiny-copy-en-sh")
    for stage in ("load", "engine", "check"):  # each kills the next worker to reach it, once
        (faults / stage).touch()
    seen: Counter[str] = Counter()
    state = tmp_path / "state.sqlite"
    result = batch.run(
        items,
        config,
        executor=RayExecutor(group=4),
        state=state,
        models_dir=str(models),
        use_cache=False,
        on_document=lambda item, doc, error: seen.update([item.translation]),
    )
    assert sorted(p.name for p in faults.iterdir()) == ["check.fired", "engine.fired", "load.fired"]
    assert (result.checked, result.skipped, result.errors) == (len(items), 0, [])
    assert seen == Counter(item.translation for item in items)  # each document reported once
    with sqlite3.connect(state) as db:
        assert db.execute("SELECT COUNT(*), COUNT(DISTINCT path) FROM done").fetchone() == (len(items), len(items))
    local = batch.run(items, config, models_dir=str(models), use_cache=False)
    assert [document_report_to_json(d) for d in result.report.documents] == [
        document_report_to_json(d) for d in local.report.documents
    ]


def test_model_free_worker_killed_is_retried(faults, corpus):
    (faults / "document").touch()
    items = batch.discover([corpus])
    result = batch.run(items, Config(engine="none", fail_on="minor"), executor=RayExecutor())
    assert sorted(p.name for p in faults.iterdir()) == ["document.fired"]
    assert (result.checked, result.errors) == (len(items), [])


def test_driver_killed_mid_run_resumes_from_the_journal(cluster, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    corpus = _write_corpus(tmp_path / "news", extra=120)
    out = tmp_path / "out"
    journal = out / batch.STATE_FILE
    command = [sys.executable, "-c", "import sys; from backcheck.cli.app import main; sys.exit(main())"]
    args = ["batch", str(corpus), "--executor", "ray", "--address", cluster.address, "--output-dir", str(out)]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    driver = subprocess.Popen(command + args, env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    done = 0
    while done < 3 and driver.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
        done = _journal_rows(journal)
    driver.send_signal(signal.SIGKILL)  # the driver dies; the cluster and the journal survive
    driver.wait(timeout=30)
    assert driver.returncode == -signal.SIGKILL, driver.stderr.read().decode() if driver.stderr else ""
    finished = _journal_rows(journal)
    total = len(ARTICLES) - 1 + 120
    assert 3 <= finished < total
    rerun = runner.invoke(app, ["batch", str(corpus), "--executor", "ray", "--output-dir", str(out)])
    assert rerun.exit_code == 1, rerun.stderr
    assert f"documents: {total} ({total - finished} checked, {finished} already done)" in rerun.stderr
    assert _journal_rows(journal) == total
    fresh = runner.invoke(app, ["batch", str(corpus), "--output-dir", str(tmp_path / "fresh")])
    assert fresh.exit_code == 1
    assert _reports(out) == _reports(tmp_path / "fresh")


def _journal_rows(path: Path) -> int:
    try:
        with sqlite3.connect(path, timeout=1) as db:
            return db.execute("SELECT COUNT(*) FROM done").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_unreachable_address_is_a_one_line_error(corpus):
    result = runner.invoke(app, ["batch", str(corpus), "--executor", "ray", "--address", "127.0.0.1:9"])
    assert result.exit_code == 3
    assert result.stderr.strip().splitlines() == [
        "backcheck: error: cannot reach the Ray cluster at 127.0.0.1:9: Connection refused"
    ]
