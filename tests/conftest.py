"""Shared fixtures. Tests never read ../shared: a fresh clone has none."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_349c8de6d9ab456e.txt"


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def write(tmp_path):
    """Write text (str) or bytes to a file in tmp_path and return its path."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        if isinstance(content, str):
            content = content.encode(encoding)
        path.write_bytes(content)
        return path

    return _write


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch, tmp_path_factory):
    """Tests run model-free unless they ask for an engine, and never touch the user's cache."""
    monkeypatch.setenv("BACKCHECK_ENGINE", "none")
    monkeypatch.setenv("BACKCHECK_CACHE", str(tmp_path_factory.mktemp("cache") / "cache.sqlite3"))
    for var in ("BACKCHECK_MODELS", "BACKCHECK_CONFIG", "BACKCHECK_FAIL_ON"):
        monkeypatch.delenv(var, raising=False)
