"""Where backcheck keeps files of its own (the translation cache and the indexes beside it).

A bottom-layer module: the engines' cache and the language indexes both need the location, and
neither may import the other.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


def cache_path() -> Path:
    """``$BACKCHECK_CACHE``, else ``$XDG_CACHE_HOME/backcheck/cache.sqlite3`` (``~/.cache/...``)."""
    if os.environ.get("BACKCHECK_CACHE"):
        return Path(os.environ["BACKCHECK_CACHE"]).expanduser()
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "backcheck" / "cache.sqlite3"


def kept(name: str, build: Callable[[], list[str]]) -> list[str]:
    """Lines built once and kept beside the translation cache (``name`` carries the versions of
    the data they come from): a later run reads them in a fraction of the time building takes.
    Best effort: without a writable cache directory they are built each run."""
    path = cache_path().parent / name
    try:
        return path.read_text(encoding="utf-8").split("\n")
    except OSError:
        pass
    lines = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        tmp.write_text("\n".join(lines), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
    return lines


def versions(*packages: str) -> str:
    from importlib.metadata import version

    return "-".join(version(p) for p in packages)
