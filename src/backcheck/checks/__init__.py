"""Checks, one module per family. Importing this package registers them all."""

from __future__ import annotations

# Each module registers its checks on import (the modules are light: no heavy libraries).
from backcheck.checks import (  # noqa: F401
    boilerplate,
    currency,
    facts,
    fidelity,
    glossary,
    names,
    names_source,
    negation,
    numbers,
    omission,
    pronouns,
    quotes,
    source,
    untranslated,
)
from backcheck.checks.base import CATEGORIES, REGISTRY, SEVERITIES, Check, CheckContext, Finding, register


def all_checks() -> dict[str, type[Check]]:
    """The registry, sorted by id."""
    return dict(sorted(REGISTRY.items()))


__all__ = ["CATEGORIES", "SEVERITIES", "Check", "CheckContext", "Finding", "register", "all_checks"]
