"""`backcheck models ...` and `backcheck cache ...` commands (engines issue)."""

from __future__ import annotations

from .cli import app  # noqa: F401  (commands register on the shared app)
