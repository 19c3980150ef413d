"""Checks, one module per family. Importing this package registers them all."""

from __future__ import annotations

from .base import CATEGORIES, REGISTRY, SEVERITIES, Check, CheckContext, Finding, register

# Each module registers its checks on import (the modules are light: no heavy libraries).
from . import boilerplate, names  # noqa: E402,F401
from . import glossary  # noqa: E402,F401
from . import fidelity  # noqa: E402,F401
from . import source, source_names, untranslated  # noqa: E402,F401
from . import negation, numbers, omission, quotes  # noqa: E402,F401


def all_checks() -> dict[str, type[Check]]:
    """The registry, sorted by id."""
    return dict(sorted(REGISTRY.items()))


__all__ = ["CATEGORIES", "SEVERITIES", "Check", "CheckContext", "Finding", "register", "all_checks"]
