"""The SQLite translation cache: keys, several processes at once, damaged files."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcheck.cli.app import app
from backcheck.engines import cache as cache_module
from backcheck.engines.base import Translation
from backcheck.engines.cache import TranslationCache

SIG = "name:ct2|model:opus-mt-tc-base-en-sh|checksum:0123456789abcdef|beam:2"

PAIRS = [
    (
        "The minister resigned on Friday.",
        Translation("Ministar je podnio ostavku u petak.", ("▁Ministar", "▁je"), -0.41),
    ),
    ("Prices rose by 3.5 percent.", Translation("Cijene su porasle za 3,5 odsto.", (), None)),
    ('"We will not give up," she said.', Translation('"Nećemo odustati", rekla je.', ('▁"',), -0.9)),
]


def test_round_trip_keeps_text_tokens_and_score(tmp_path):
    with TranslationCache(tmp_path / "c.sqlite3") as store:
        store.put_many(SIG, "en>sr", PAIRS)
        found = store.get_many(SIG, "en>sr", [src for src, _ in PAIRS] + ["Not cached."])
    assert found == dict(PAIRS)


@pytest.mark.parametrize("signature,direction", [(SIG + "|compute_type:float16", "en>sr"), (SIG, "en>hr")])
def test_other_signature_or_direction_misses(tmp_path, signature, direction):
    with TranslationCache(tmp_path / "c.sqlite3") as store:
        store.put_many(SIG, "en>sr", PAIRS)
        assert store.get_many(signature, direction, [src for src, _ in PAIRS]) == {}


def test_default_location_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("BACKCHECK_CACHE", str(tmp_path / "x.sqlite3"))
    assert cache_module.default_path() == tmp_path / "x.sqlite3"
    monkeypatch.delenv("BACKCHECK_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_module.default_path() == tmp_path / "xdg" / "backcheck" / "cache.sqlite3"


def test_database_runs_in_wal_mode(tmp_path):
    path = tmp_path / "c.sqlite3"
    with TranslationCache(path) as store:
        store.put_many(SIG, "en>sr", PAIRS[:1])
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


_WRITER = """
import sys
from backcheck.engines.cache import TranslationCache
from backcheck.engines.base import Translation
store = TranslationCache(sys.argv[1])
for i in range(int(sys.argv[3])):  # many small transactions interleave with the other writer
    src = f"Writer {sys.argv[2]} sentence {i}."
    store.put_many("sig", "en>sr", [(src, Translation(src.upper(), (), -1.0))])
    assert store.get_many("sig", "en>sr", [src])[src].text == src.upper()
print(len(store.warnings))
"""


def test_two_processes_write_at_once(tmp_path):
    path = tmp_path / "shared.sqlite3"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path), name, "150"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in "AB"
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert [out.strip() for out, _ in outputs] == ["0", "0"]  # nobody saw a damaged file
    with TranslationCache(path) as store:
        assert store.stats().entries == 300
        assert (
            store.get_many("sig", "en>sr", ["Writer B sentence 149."])["Writer B sentence 149."].text
            == "WRITER B SENTENCE 149."
        )


@pytest.mark.parametrize(
    "damage",
    [
        b"this is not a database at all" * 100,
        b"SQLite format 3\x00" + b"\xff" * 4000,  # a valid header over garbage pages
    ],
)
def test_corrupt_file_is_moved_aside_and_rebuilt(tmp_path, damage):
    path = tmp_path / "c.sqlite3"
    path.write_bytes(damage)
    with TranslationCache(path) as store:
        assert store.get_many(SIG, "en>sr", ["The minister resigned on Friday."]) == {}
        store.put_many(SIG, "en>sr", PAIRS)
        assert len(store.get_many(SIG, "en>sr", [s for s, _ in PAIRS])) == 3
        [warning] = store.warnings
    assert "unreadable" in warning and "started a new one" in warning
    aside = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == damage  # kept for inspection


def test_truncated_file_after_a_crash_is_rebuilt(tmp_path):
    path = tmp_path / "c.sqlite3"
    with TranslationCache(path) as store:
        store.put_many(SIG, "en>sr", [(f"Sentence {i}.", Translation(f"Rečenica {i}.")) for i in range(500)])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    Path(str(path) + "-wal").unlink(missing_ok=True)
    with TranslationCache(path) as store:
        store.get_many(SIG, "en>sr", ["Sentence 1."])
        store.put_many(SIG, "en>sr", PAIRS)
        assert store.stats().entries in (3, 503)  # rebuilt, or the truncation happened to be harmless


def test_cache_commands(tmp_path):
    path = tmp_path / "c.sqlite3"
    with TranslationCache(path) as store:
        store.put_many(SIG, "en>sr", PAIRS)
    runner = CliRunner()
    stats = runner.invoke(app, ["cache", "stats", "--cache", str(path)])
    assert stats.exit_code == 0 and "entries: 3" in stats.stdout and SIG in stats.stdout
    cleared = runner.invoke(app, ["cache", "clear", "--cache", str(path)])
    assert cleared.exit_code == 0 and "removed 3" in cleared.stdout
    assert "entries: 0" in runner.invoke(app, ["cache", "stats", "--cache", str(path)]).stdout


@pytest.mark.parametrize("command", ["stats", "clear"])
def test_cache_commands_refuse_a_file_that_is_not_a_cache_and_leave_it_alone(tmp_path, command):
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"garbage" * 300)
    result = CliRunner().invoke(app, ["cache", command, "--cache", str(path)])
    assert result.exit_code == 3
    assert "not a backcheck translation cache" in result.stderr
    assert path.read_bytes() == b"garbage" * 300 and sorted(p.name for p in tmp_path.iterdir()) == ["c.sqlite3"]


@pytest.mark.parametrize("command", ["stats", "clear"])
def test_cache_commands_on_a_directory_exit_3(tmp_path, command):
    result = CliRunner().invoke(app, ["cache", command, "--cache", str(tmp_path)])
    assert result.exit_code == 3
    assert "is not a file" in result.stderr


class _Echo:
    name = "echo"

    def translate(self, sentences, src, tgt):
        return [Translation(s[::-1]) for s in sentences]

    def score(self, *args):
        return None

    def signature(self):
        return {"name": "echo"}


def test_an_unwritable_cache_costs_speed_not_the_check(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    cached = cache_module.CachedEngine(_Echo(), TranslationCache(blocker / "c.sqlite3"))
    assert [t.text for t in cached.translate(["abc", "de"], "en", "sr")] == ["cba", "ed"]
    [warning] = cached.cache.warnings
    assert "not used" in warning
