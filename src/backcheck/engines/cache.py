"""The translation cache: one embedded SQLite file shared by every process that checks articles.

Keyed by engine signature, direction and source sentence, so a different model, checksum, beam
size or library version never returns a stale translation. Location: ``$BACKCHECK_CACHE`` if set,
else ``$XDG_CACHE_HOME/backcheck/cache.sqlite3`` (``~/.cache/backcheck/cache.sqlite3``).

Several processes (parallel CI jobs) may read and write at once: the database runs in WAL mode
with a busy timeout, and every batch of writes is one short transaction. SQLite's journal makes a
killed process harmless; a file that is corrupt anyway (disk full, copied half-way) is moved aside
and rebuilt, and the caller gets a warning instead of a crash.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from backcheck.engines.base import Translation
from backcheck.errors import InputError
from backcheck.paths import cache_path

SCHEMA_VERSION = 1
BUSY_TIMEOUT_S = 30.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    key        TEXT PRIMARY KEY,   -- sha256 of signature, direction and sentence
    signature  TEXT NOT NULL,
    direction  TEXT NOT NULL,      -- e.g. "en>sr"
    source     TEXT NOT NULL,
    text       TEXT NOT NULL,
    tokens     TEXT NOT NULL,      -- JSON list
    score      REAL,
    created    REAL NOT NULL
) WITHOUT ROWID;
"""


def default_path() -> Path:
    return cache_path()


def _key(signature: str, direction: str, sentence: str) -> str:
    return hashlib.sha256("\x1f".join((signature, direction, sentence)).encode("utf-8")).hexdigest()


@dataclass
class CacheStats:
    path: Path
    entries: int
    size_bytes: int
    by_signature: dict[str, int] = field(default_factory=dict)


def _set_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL mode. The switch needs the file to itself, and SQLite reports "database is
    locked" at once, without waiting on the busy timeout, while another process creates the same
    new cache; so wait here, within the same timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class TranslationCache:
    """Get and put translations by (signature, direction, sentence)."""

    def __init__(self, path: str | os.PathLike | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.warnings: list[str] = []
        self._conn: sqlite3.Connection | None = None

    # -- connection ---------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        if self._conn is None:
            try:
                self._conn = self._open()
            except sqlite3.OperationalError:
                raise  # locked past the busy timeout, or unwritable: not a damaged file
            except sqlite3.DatabaseError as exc:
                self._conn = self._rebuild(exc)
        return self._conn

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            _set_wal(conn)
            conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: durable across a killed process
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, SCHEMA_VERSION):
                raise sqlite3.DatabaseError(f"unknown cache schema version {version}")
            conn.execute(_SCHEMA)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            # reading every page finds a damaged file now rather than in the middle of a run
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    def _rebuild(self, exc: Exception) -> sqlite3.Connection:
        aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}-{os.getpid()}")
        for suffix in ("", "-wal", "-shm"):
            part = Path(str(self.path) + suffix)
            if part.exists():
                os.replace(part, Path(str(aside) + suffix))
        self.warnings.append(
            f"translation cache {self.path} was unreadable ({exc}); moved it to {aside} and started a new one"
        )
        return self._open()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> TranslationCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- use ------------------------------------------------------------------------------------

    def _damaged(self, exc: sqlite3.DatabaseError) -> bool:
        """A damaged file found mid-run: rebuild it (True), or re-raise a lock timeout."""
        if isinstance(exc, sqlite3.OperationalError):
            raise exc
        self.close()
        self._conn = self._rebuild(exc)
        return True

    def get_many(self, signature: str, direction: str, sentences: Sequence[str]) -> dict[str, Translation]:
        """The cached translations among ``sentences`` (sentence -> Translation)."""
        try:
            return self._get_many(signature, direction, sentences)
        except sqlite3.DatabaseError as exc:
            self._damaged(exc)
            return {}

    def _get_many(self, signature: str, direction: str, sentences: Sequence[str]) -> dict[str, Translation]:
        keys = {_key(signature, direction, s): s for s in set(sentences)}
        found: dict[str, Translation] = {}
        conn = self._connect()
        items = list(keys)
        for i in range(0, len(items), 500):  # stay under SQLite's bound-parameter limit
            chunk = items[i : i + 500]
            rows = conn.execute(
                f"SELECT key, text, tokens, score FROM translations WHERE key IN ({','.join('?' * len(chunk))})", chunk
            ).fetchall()
            for key, text, tokens, score in rows:
                found[keys[key]] = Translation(text=text, tokens=tuple(json.loads(tokens)), score=score)
        return found

    def put_many(self, signature: str, direction: str, pairs: Iterable[tuple[str, Translation]]) -> None:
        now = time.time()
        rows = [
            (
                _key(signature, direction, src),
                signature,
                direction,
                src,
                t.text,
                json.dumps(list(t.tokens), ensure_ascii=False),
                t.score,
                now,
            )
            for src, t in pairs
        ]
        if not rows:
            return
        try:
            self._insert(rows)
        except sqlite3.DatabaseError as exc:
            self._damaged(exc)
            self._insert(rows)

    def _insert(self, rows: list[tuple]) -> None:
        conn = self._connect()
        with _transaction(conn):
            conn.executemany("INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def _existing(self) -> bool:
        """Whether there is a cache file; InputError when the path is something else."""
        if not self.path.exists():
            return False
        if not self.path.is_file():
            raise InputError(f"{self.path}: is not a file; --cache names the translation cache file")
        return True

    def stats(self) -> CacheStats:
        """Entries per engine signature. Read-only: a file that is not a cache is reported, never
        moved aside or changed."""
        if not self._existing():
            return CacheStats(self.path, 0, 0)
        try:
            conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
            try:
                by_sig = dict(
                    conn.execute(
                        "SELECT signature, COUNT(*) FROM translations GROUP BY signature ORDER BY 2 DESC"
                    ).fetchall()
                )
            finally:
                conn.close()
        except sqlite3.DatabaseError as exc:
            raise InputError(f"{self.path}: not a backcheck translation cache ({exc})") from None
        size = sum(Path(str(self.path) + s).stat().st_size for s in ("", "-wal") if Path(str(self.path) + s).exists())
        return CacheStats(self.path, sum(by_sig.values()), size, by_sig)

    def clear(self) -> int:
        """Delete every entry; returns how many there were. A file that is not a cache is refused."""
        if not self._existing():
            return 0
        self.stats()  # refuses, read-only, a file that is not a cache before anything is written
        try:
            conn = self._connect()
            with _transaction(conn):
                n = conn.execute("DELETE FROM translations").rowcount
            conn.execute("VACUUM")
        except sqlite3.DatabaseError as exc:
            raise InputError(f"{self.path}: cannot clear the translation cache ({exc})") from None
        return n


class CachedEngine:
    """Wraps any engine: sentences already translated under the same signature come from the
    cache, the rest go to the engine in one batch. Scores are not cached (they are cheap next to
    decoding and depend on two texts)."""

    def __init__(self, engine, cache: TranslationCache) -> None:
        self.engine = engine
        self.cache = cache
        self.name = engine.name
        self._signature = "|".join(f"{k}:{v}" for k, v in engine.signature().items())

    def translate(self, sentences: Sequence[str], src: str, tgt: str) -> list[Translation]:
        direction = f"{src}>{tgt}"
        try:
            found = self.cache.get_many(self._signature, direction, sentences)
        except (sqlite3.Error, OSError) as exc:
            self._unusable(exc)
            found = {}
        missing = list(dict.fromkeys(s for s in sentences if s not in found))
        if missing:
            fresh = self.engine.translate(missing, src, tgt)
            found.update(zip(missing, fresh))
            try:
                self.cache.put_many(self._signature, direction, zip(missing, fresh))
            except (sqlite3.Error, OSError) as exc:
                self._unusable(exc)
        return [found[s] for s in sentences]

    def _unusable(self, exc: Exception) -> None:
        """A cache that cannot be read or written (locked too long, read-only disk) costs speed,
        never the check: note it once and carry on without it."""
        message = f"translation cache {self.cache.path} not used ({exc})"
        if message not in self.cache.warnings:
            self.cache.warnings.append(message)

    def score(self, sources: Sequence[str], targets: Sequence[str], src: str, tgt: str):
        return self.engine.score(sources, targets, src, tgt)

    def signature(self) -> dict:
        return self.engine.signature()


class _transaction:
    """BEGIN IMMEDIATE takes the write lock up front, so concurrent writers wait (busy timeout)
    instead of failing half-way through a deferred transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")
