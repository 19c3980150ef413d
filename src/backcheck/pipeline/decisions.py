"""An editor's decisions on the flags of one article: accepted (with the suggestion or an edit) or
dismissed (with a reason), remembered so that a dismissed flag stays dismissed.

Decisions live in an embedded SQLite database (stdlib :mod:`sqlite3`, WAL journal, schema version
in ``PRAGMA user_version``) beside the translation cache. They are keyed by the article's
fingerprint (SHA-256 of its decoded text) and each flag's per-document fingerprint
(:meth:`backcheck.model.report.DocumentReport.fingerprints`): an article edited since a decision
has another fingerprint and so no decisions, and a decision can never land on a changed text.

``check`` and ``batch`` drop the flags an editor dismissed (:func:`apply_decisions`, called by
:func:`backcheck.pipeline.check.check_jobs`); ``fix`` applies the accepted ones; ``serve`` records
them. One writer and any number of readers can use a store at the same time; every write is one
transaction, so a crash never leaves half a decision.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from backcheck.errors import InputError
from backcheck.paths import cache_path

if TYPE_CHECKING:  # pragma: no cover
    from backcheck.model.report import DocumentReport

ACCEPT = "accept"
DISMISS = "dismiss"
ACTIONS = (ACCEPT, DISMISS)

SCHEMA_VERSION = 1  #: ``PRAGMA user_version`` of the store this code writes
APPLICATION_ID = 0x62636B64  #: ``PRAGMA application_id`` ("bckd"): marks the file as a decisions store
MAX_TEXT = 10_000  #: longest reason or replacement kept (characters): an edit, not an article
_NOTE_SUFFIX = "dismissed earlier by an editor"

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS decisions ("
    " article TEXT NOT NULL,"
    " flag TEXT NOT NULL,"
    " action TEXT NOT NULL CHECK (action IN ('accept', 'dismiss')),"
    " reason TEXT,"
    " replacement TEXT,"
    " decided_at TEXT NOT NULL,"
    " PRIMARY KEY (article, flag))",
    # which file or page an article fingerprint was last decided under: lets `fix` say that
    # decisions exist for an earlier version of the same file, rather than silently ignore them
    "CREATE TABLE IF NOT EXISTS articles (article TEXT PRIMARY KEY, name TEXT, updated_at TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS articles_name ON articles (name)",
)


@dataclass(frozen=True)
class Decision:
    """What an editor decided about one flag of one article."""

    flag: str  #: the flag's per-document fingerprint (``DocumentReport.fingerprints()``)
    action: str  #: ``accept`` or ``dismiss``
    reason: str | None = None  #: why it was dismissed (free text)
    replacement: str | None = None  #: accepted with this edit instead of the suggestion
    decided_at: str = ""  #: ISO 8601 time (UTC), set by :meth:`DecisionStore.record`


def article_fingerprint(text: str) -> str:
    """SHA-256 (hex) of an article's decoded text, line ends folded (``\\r\\n`` -> ``\\n``)."""
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8", "surrogatepass")).hexdigest()


def default_store_path() -> Path:
    """``decisions.sqlite`` beside the translation cache (``$BACKCHECK_CACHE``'s directory)."""
    return cache_path().parent / "decisions.sqlite"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class DecisionStore:
    """The decisions store: open it, record, read, forget; close it (or use ``with``).

    Opening creates the file (and its directory) when it does not exist; a file that is not a
    decisions store, is damaged or comes from a newer backcheck raises :class:`InputError` with
    one line that names it. Safe to share between threads (one connection behind a lock) and
    between processes (SQLite's locking, a 5 s busy timeout).
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"{self.path}: cannot create the decisions store's folder ({exc.strerror})") from None
        if self.path.exists() and not self.path.is_file():
            raise InputError(f"{self.path}: the decisions store is not a regular file")
        try:
            self._db = sqlite3.connect(self.path, timeout=5.0, check_same_thread=False, isolation_level=None)
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            self._prepare()
        except sqlite3.Error as exc:
            self._db.close()
            raise self._error(exc) from None
        except InputError:
            self._db.close()
            raise

    def _error(self, exc: sqlite3.Error) -> InputError:
        if isinstance(exc, sqlite3.DatabaseError) and "not a database" in str(exc):
            return InputError(f"{self.path}: not a decisions store (damaged?); move it aside to start afresh")
        return InputError(f"{self.path}: cannot use the decisions store ({exc})")

    def _prepare(self) -> None:
        db = self._db
        version = db.execute("PRAGMA user_version").fetchone()[0]
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise InputError(
                f"{self.path}: decisions store of schema {version}, written by a newer backcheck (this one reads {SCHEMA_VERSION})"
            )
        if version == 0:
            tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            if tables or app_id not in (0, APPLICATION_ID):
                raise InputError(f"{self.path}: an SQLite file that is not a decisions store; give another path")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("BEGIN IMMEDIATE")
            try:
                for statement in _SCHEMA:
                    db.execute(statement)
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        elif app_id != APPLICATION_ID:
            raise InputError(f"{self.path}: an SQLite file that is not a decisions store; give another path")
        else:
            db.execute("PRAGMA journal_mode=WAL")
        # a damaged file can open and pass the pragmas; reading the table finds it
        db.execute("SELECT count(*) FROM decisions").fetchone()

    # -- writing -------------------------------------------------------------------------------

    def record(self, article: str, decision: Decision, name: str | None = None) -> Decision:
        """Store ``decision`` for ``article`` (its fingerprint), replacing an earlier decision on
        the same flag; returns it with ``decided_at`` set. ``name`` (a path or a page title) lets
        a later run say that decisions exist for an earlier version of that article."""
        if decision.action not in ACTIONS:
            raise InputError(f"unknown decision {decision.action!r} (expected {' or '.join(ACTIONS)})")
        if not decision.flag or not article:
            raise InputError("a decision needs the article's and the flag's fingerprints")
        for label, value in (("reason", decision.reason), ("replacement", decision.replacement)):
            if value is not None and len(value) > MAX_TEXT:
                raise InputError(f"the decision's {label} is longer than {MAX_TEXT} characters")
        stored = replace(decision, decided_at=decision.decided_at or _now())
        self._write(
            [
                (
                    "INSERT OR REPLACE INTO decisions VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        article,
                        stored.flag,
                        stored.action,
                        stored.reason,
                        stored.replacement,
                        stored.decided_at,
                    ),
                ),
                (
                    "INSERT INTO articles VALUES (?, ?, ?) ON CONFLICT (article) DO UPDATE SET "
                    "name = coalesce(excluded.name, articles.name), updated_at = excluded.updated_at",
                    (article, name, stored.decided_at),
                ),
            ]
        )
        return stored

    def forget(self, article: str, flag: str) -> None:
        """Remove the decision on ``flag`` of ``article`` (nothing happens if there is none)."""
        self._write([("DELETE FROM decisions WHERE article = ? AND flag = ?", (article, flag))])

    def _write(self, statements: list[tuple[str, tuple]]) -> None:
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    for sql, params in statements:
                        self._db.execute(sql, params)
                    self._db.execute("COMMIT")
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                raise self._error(exc) from None

    # -- reading -------------------------------------------------------------------------------

    def decisions(self, article: str) -> dict[str, Decision]:
        """The decisions on ``article``'s flags, by flag fingerprint."""
        rows = self._read(
            "SELECT flag, action, reason, replacement, decided_at FROM decisions WHERE article = ? ORDER BY flag",
            (article,),
        )
        return {row[0]: Decision(*row) for row in rows}

    def digest(self) -> str:
        """A digest of every decision (what a resumable batch keys its results on: a flag dismissed
        since a document was checked makes its stored report stale)."""
        rows = self._read("SELECT article, flag, action, replacement FROM decisions ORDER BY article, flag", ())
        return hashlib.sha256(json.dumps(rows).encode("utf-8")).hexdigest()[:16]

    def earlier_versions(self, name: str, article: str) -> list[str]:
        """Fingerprints of other versions of the article called ``name`` that hold decisions."""
        rows = self._read(
            "SELECT a.article FROM articles a WHERE a.name = ? AND a.article != ? "
            "AND EXISTS (SELECT 1 FROM decisions d WHERE d.article = a.article) ORDER BY a.updated_at DESC",
            (name, article),
        )
        return [row[0] for row in rows]

    def _read(self, sql: str, params: tuple) -> list[tuple]:
        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise self._error(exc) from None

    # -- lifetime ------------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> DecisionStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def stored_decisions(path: str | os.PathLike[str] | None, text: str) -> dict[str, Decision]:
    """The decisions on the article whose decoded text is ``text``, from the store at ``path``
    (None: the default store). Reading never creates a store: without one there are none."""
    target = Path(path) if path is not None else default_store_path()
    if not target.exists():
        return {}
    with DecisionStore(target) as store:
        return store.decisions(article_fingerprint(text))


def note(dismissed: int) -> str:
    """The report note for ``dismissed`` flags left out."""
    return f"{dismissed} flag{'s' if dismissed != 1 else ''} {_NOTE_SUFFIX}"


def apply_decisions(doc: DocumentReport, decisions: dict[str, Decision]) -> DocumentReport:
    """``doc`` without the flags an editor dismissed (and accepted ones whose text already reads
    as the edit), with one note saying how many were left out. ``doc`` itself is not changed."""
    if not decisions:
        return doc
    kept = []
    dismissed = done = 0
    for flag, fingerprint in zip(doc.flags, doc.fingerprints()):
        decision = decisions.get(fingerprint)
        if decision is not None and decision.action == DISMISS:
            dismissed += 1
        elif decision is not None and flag.span.text == (decision.replacement or flag.suggestion):
            done += 1
        else:
            kept.append(flag)
    notes = [note(dismissed)] if dismissed else []
    if done:
        notes.append(f"{done} flag{'s' if done != 1 else ''} already edited as an editor accepted")
    if not notes:
        return doc
    return replace(doc, flags=kept, notes=[*doc.notes, *notes])
