"""`backcheck batch` and `backcheck baseline ...` commands (editors-and-CI issue)."""

from __future__ import annotations

from .cli import app  # noqa: F401  (commands register on the shared app)
