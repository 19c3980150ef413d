"""Checks, one module per family. Importing this package registers them all."""

from __future__ import annotations

from backcheck.checks.base import CATEGORIES, REGISTRY, SEVERITIES, Check, CheckContext, Finding, register

# Each module registers its checks on import (the modules are light: no heavy libraries).
from backcheck.checks import boilerplate, names  # noqa: E402,F401
from backcheck.checks import glossary  # noqa: E402,F401
from backcheck.checks import fidelity  # noqa: E402,F401
from backcheck.checks import source, names_source, untranslated  # noqa: E402,F401
from backcheck.checks import negation, numbers, omission, quotes  # noqa: E402,F401


def all_checks() -> dict[str, type[Check]]:
    """The registry, sorted by id."""
    return dict(sorted(REGISTRY.items()))


__all__ = ["CATEGORIES", "SEVERITIES", "Check", "CheckContext", "Finding", "register", "all_checks"]
