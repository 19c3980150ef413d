"""The Check base class, the evidence a check yields, and the registry.

A check *measures*: it yields :class:`Finding` objects carrying the span and the evidence. It does
not decide whether a finding fails a build; severities and ``--fail-on`` come from configuration
(:mod:`backcheck.config`) applied in :mod:`backcheck.model.report` (the OpusFilter split of score and
accept).
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from dataclasses import dataclass, field

from backcheck.analysis import Analysis
from typing import Any, ClassVar


SEVERITIES = ("minor", "major", "critical")
#: MQM weights, as in COMET's error spans.
SEVERITY_WEIGHT = {"minor": 1, "major": 5, "critical": 10}
CATEGORIES = ("name", "number", "untranslated", "omission", "addition", "mistranslation", "quote",
              "boilerplate", "style")


@dataclass(frozen=True)
class Finding:
    """What a check measured: a span of the translation (offsets into ``Document.text``)."""

    check: str
    start: int
    end: int
    message: str
    suggestion: str | None = None
    source_start: int | None = None  #: offsets into the source Document's text, when relevant
    source_end: int | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    category: str | None = None  #: overrides the check's category (e.g. an omission found by a name check)


class Check:
    """Base of every check. Subclasses set the class attributes and implement :meth:`run`.

    The docstring of a subclass is its documentation (``backcheck explain ID``): two or three
    sentences on the linguistic fact the check relies on.
    """

    id: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[str]
    #: A short example, shown by ``backcheck explain``: "translation  →  what is flagged".
    example: ClassVar[str] = ""
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
