"""The Check base class, the evidence a check yields, and the registry.

A check *measures*: it yields :class:`Finding` objects carrying the span and the evidence. It does
not decide whether a finding fails a build; severities and ``--fail-on`` come from configuration
(:mod:`backcheck.config`) applied in :mod:`backcheck.pipeline.decide` (the OpusFilter split of score and
accept).
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from typing import ClassVar

from backcheck.analysis import Analysis
from backcheck.model.findings import CATEGORIES, SEVERITIES, SEVERITY_WEIGHT, Finding

__all__ = [
    "CATEGORIES",
    "SEVERITIES",
    "SEVERITY_WEIGHT",
    "Analysis",
    "Check",
    "CheckContext",
    "Finding",
    "REGISTRY",
    "register",
]


class Check:
    """Base of every check. Subclasses set the class attributes and implement :meth:`run`.

    The docstring of a subclass is its documentation (``backcheck explain ID``): two or three
    sentences on the linguistic fact the check relies on.
    """

    id: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[str]
    requires_source: ClassVar[bool] = False

    def run(self, ctx: Analysis) -> Iterable[Finding]:
        raise NotImplementedError

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")


#: The name checks and tests used before the analysis had its own module.
CheckContext = Analysis

REGISTRY: dict[str, type[Check]] = {}


def register(cls: type[Check]) -> type[Check]:
    if cls.id in REGISTRY:
        raise ValueError(f"duplicate check id {cls.id}")
    if cls.category not in CATEGORIES or cls.severity not in SEVERITIES:
        raise ValueError(f"{cls.id}: bad category or severity")
    REGISTRY[cls.id] = cls
    return cls
