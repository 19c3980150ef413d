"""The editors' decisions store (backcheck.pipeline.decisions) and its use by check and batch."""

from __future__ import annotations

import json
import sqlite3
import threading

import pytest
from typer.testing import CliRunner

from backcheck.cli.app import app
from backcheck.config import Config
from backcheck.errors import ExitCode, InputError
from backcheck.pipeline import batch
from backcheck.pipeline.check import check
from backcheck.pipeline.decisions import (
    SCHEMA_VERSION,
    Decision,
    DecisionStore,
    apply_decisions,
    article_fingerprint,
    default_store_path,
    stored_decisions,
)

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def _fingerprint_of(doc, text: str) -> str:
    return dict(zip((f.span.text for f in doc.flags), doc.fingerprints()))[text]


def _dismiss_hornova(article, store_path=None, reason="she signs as Hornova") -> str:
    doc = check(str(article), config=Config(decisions="")).documents[0]
    fp = _fingerprint_of(doc, "Hornova")
    with DecisionStore(store_path) as store:
        store.record(article_fingerprint(doc.original_text or ""), Decision(fp, "dismiss", reason))
    return fp


# --- the store ------------------------------------------------------------------------------------


def test_record_read_replace_and_forget(tmp_path):
    path = tmp_path / "d.sqlite"
    with DecisionStore(path) as store:
        stored = store.record("art1", Decision("f1", "dismiss", reason="house style"))
        assert stored.decided_at.endswith("+00:00") and stored.reason == "house style"
        store.record("art1", Decision("f2", "accept", replacement="Horn"))
        store.record("art2", Decision("f1", "accept"))
        assert set(store.decisions("art1")) == {"f1", "f2"}
        store.record("art1", Decision("f1", "accept", decided_at="2024-01-02T03:04:05+00:00"))  # upsert
        assert store.decisions("art1")["f1"] == Decision("f1", "accept", None, None, "2024-01-02T03:04:05+00:00")
        store.forget("art1", "f1")
        store.forget("art1", "no-such-flag")
        assert list(store.decisions("art1")) == ["f2"]
        assert store.decisions("art3") == {}
    with DecisionStore(path) as again:  # persisted
        assert again.decisions("art2")["f1"].action == "accept"
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_bad_decisions_are_refused(tmp_path):
    with DecisionStore(tmp_path / "d.sqlite") as store:
        with pytest.raises(InputError, match="unknown decision 'approve'"):
            store.record("a", Decision("f", "approve"))
        with pytest.raises(InputError, match="longer than"):
            store.record("a", Decision("f", "dismiss", reason="x" * 10_001))
        assert store.decisions("a") == {}


def test_article_fingerprint_folds_line_ends_only():
    assert article_fingerprint("a\r\nb\n") == article_fingerprint("a\nb\n")
    assert article_fingerprint("a\nb\n") != article_fingerprint("a\nb")
    assert len(article_fingerprint("x")) == 64


def test_default_store_is_beside_the_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("BACKCHECK_CACHE", str(tmp_path / "c" / "cache.sqlite3"))
    assert default_store_path() == tmp_path / "c" / "decisions.sqlite"
    with DecisionStore() as store:  # creates the folder and the file
        store.record("a", Decision("f", "dismiss"))
    assert (tmp_path / "c" / "decisions.sqlite").is_file()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a database " * 100, "not a decisions store (damaged?); move it aside to start afresh"),
        ("other", "an SQLite file that is not a decisions store; give another path"),
        ("newer", f"decisions store of schema {SCHEMA_VERSION + 1}, written by a newer backcheck"),
    ],
)
def test_damaged_foreign_or_newer_stores_are_one_line_errors(tmp_path, content, message):
    path = tmp_path / "d.sqlite"
    if content == "other":
        sqlite3.connect(path).execute("CREATE TABLE notes (x)").connection.commit()
    elif content == "newer":
        with DecisionStore(path):
            pass
        db = sqlite3.connect(path)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        db.commit()
        db.close()
    else:
        path.write_bytes(content)
    with pytest.raises(InputError) as info:
        DecisionStore(path)
    assert str(info.value).startswith(f"{path}: {message}")
    assert "\n" not in str(info.value)
    with pytest.raises(InputError):
        DecisionStore(tmp_path)  # a directory


def test_one_writer_and_readers_in_threads(tmp_path):
    path = tmp_path / "d.sqlite"
    errors: list[BaseException] = []
    with DecisionStore(path) as store:

        def write(n: int) -> None:
            try:
                for i in range(25):
                    store.record("art", Decision(f"f{n}-{i}", "dismiss"))
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        with DecisionStore(path) as other:  # a second connection (another process, say) reads meanwhile
            threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
            for t in threads:
                t.start()
            seen = [len(other.decisions("art")) for _ in range(20)]
            for t in threads:
                t.join()
            assert not errors
            assert len(other.decisions("art")) == 100
            assert seen == sorted(seen)


def test_stored_decisions_never_creates_a_store(tmp_path):
    assert stored_decisions(tmp_path / "none.sqlite", "text") == {}
    assert not (tmp_path / "none.sqlite").exists()


# --- applying them --------------------------------------------------------------------------------


def test_apply_decisions_drops_dismissed_flags_with_one_note(sample_path):
    doc = check(str(sample_path)).documents[0]
    fps = doc.fingerprints()
    hornova = _fingerprint_of(doc, "Hornova")
    guardian = _fingerprint_of(doc, '"Guardian"')
    decisions = {
        hornova: Decision(hornova, "dismiss", "her byline"),
        guardian: Decision(guardian, "dismiss"),
        "f" * 32: Decision("f" * 32, "dismiss"),  # a flag this article does not have: ignored
    }
    kept = apply_decisions(doc, decisions)
    assert [f.span.text for f in kept.flags] == [
        f.span.text for f in doc.flags if f.span.text not in ("Hornova", '"Guardian"')
    ]
    assert kept.notes[-1] == "2 flags dismissed earlier by an editor"
    assert len(doc.flags) == len(fps)  # the original report is untouched
    accepted = apply_decisions(doc, {hornova: Decision(hornova, "accept")})
    assert accepted is doc  # accepted but not yet applied: still flagged
    assert apply_decisions(doc, {}) is doc


def test_check_honours_dismissals_and_the_options(tmp_path, sample_path):
    article = tmp_path / "article.txt"
    article.write_bytes(sample_path.read_bytes())
    assert invoke("check", article).exit_code == ExitCode.FLAGGED
    assert not default_store_path().exists()  # check never creates the store
    _dismiss_hornova(article)
    result = invoke("check", article, "--format", "json")
    assert result.exit_code == ExitCode.OK  # the only major flag was dismissed
    doc = json.loads(result.stdout)["documents"][0]
    assert "Hornova" not in [f["span"]["text"] for f in doc["flags"]]
    assert "1 flag dismissed earlier by an editor" in doc["notes"]
    assert invoke("check", article, "--no-decisions").exit_code == ExitCode.FLAGGED
    # an explicit store
    other = tmp_path / "team.sqlite"
    _dismiss_hornova(article, other)
    default_store_path().unlink()
    assert invoke("check", article).exit_code == ExitCode.FLAGGED
    assert invoke("check", article, "--decisions", other).exit_code == ExitCode.OK
    missing = invoke("check", article, "--decisions", tmp_path / "nope.sqlite")
    assert missing.exit_code == ExitCode.INPUT
    assert missing.stderr.startswith(f"backcheck: error: {tmp_path / 'nope.sqlite'}: decisions store not found")
    # from the configuration file, relative to it
    (tmp_path / "backcheck.toml").write_text('decisions = "team.sqlite"\n')
    assert invoke("check", article, "--config", tmp_path / "backcheck.toml").exit_code == ExitCode.OK
    (tmp_path / "off.toml").write_text("decisions = false\n")
    assert invoke("check", article, "--config", tmp_path / "off.toml", "--decisions", other).exit_code == ExitCode.OK
    assert invoke("check", article, "--config", tmp_path / "off.toml").exit_code == ExitCode.FLAGGED


def test_an_edited_article_has_no_decisions(tmp_path, sample_path):
    article = tmp_path / "article.txt"
    article.write_bytes(sample_path.read_bytes())
    _dismiss_hornova(article)
    assert check(str(article)).exit_code() == ExitCode.OK
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more line was added later today.\n")
    report = check(str(article))
    assert "Hornova" in [f.span.text for f in report.flags]
    assert report.exit_code() == ExitCode.FLAGGED


def test_a_damaged_store_fails_check_in_one_line(sample_path):
    default_store_path().parent.mkdir(parents=True, exist_ok=True)
    default_store_path().write_bytes(b"garbage " * 500)
    result = invoke("check", sample_path)
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr.count("\n") == 1 and "not a decisions store" in result.stderr


def test_batch_honours_dismissals(tmp_path, sample_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_bytes(sample_path.read_bytes())
    (folder / "c.txt").write_text(
        sample_path.read_text(encoding="utf-8").replace("Lavrov said yesterday", "Lavrov said")
    )
    _dismiss_hornova(folder / "a.txt")  # a and b are the same article, so b's flag is dismissed too
    items = batch.discover([folder])
    for jobs in (1, 2):
        report = batch.run(items, Config(), jobs=jobs).report
        flagged = {doc.path.rsplit("/", 1)[-1]: [f.span.text for f in doc.flags] for doc in report.documents}
        assert "Hornova" not in flagged["a.txt"] and "Hornova" not in flagged["b.txt"]
        assert "Hornova" in flagged["c.txt"]


def test_resumed_batch_does_not_reuse_a_report_made_before_a_dismissal(tmp_path, sample_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_bytes(sample_path.read_bytes())
    items = batch.discover([folder])
    state = tmp_path / "state.sqlite"
    first = batch.run(items, Config(), state=state)
    assert "Hornova" in [f.span.text for f in first.report.documents[0].flags]
    _dismiss_hornova(folder / "a.txt")
    again = batch.run(items, Config(), state=state)
    assert again.skipped == 0 and again.checked == 1  # the decisions changed: checked anew
    assert "Hornova" not in [f.span.text for f in again.report.documents[0].flags]
    third = batch.run(items, Config(), state=state)
    assert third.skipped == 1  # nothing changed since: taken from the journal
