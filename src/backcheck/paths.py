"""Where backcheck keeps files of its own (the translation cache and the indexes beside it).

A bottom-layer module: the engines' cache and the language indexes both need the location, and
neither may import the other.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_path() -> Path:
    """``$BACKCHECK_CACHE``, else ``$XDG_CACHE_HOME/backcheck/cache.sqlite3`` (``~/.cache/...``)."""
    if os.environ.get("BACKCHECK_CACHE"):
        return Path(os.environ["BACKCHECK_CACHE"]).expanduser()
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "backcheck" / "cache.sqlite3"
