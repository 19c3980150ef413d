"""What a check measures (:class:`Finding`), and the categories and severities a report uses.

A check *measures*: it yields :class:`Finding` objects carrying the span and the evidence. It does
not decide whether a finding fails a build; severities and ``--fail-on`` come from configuration
applied by the pipeline (the OpusFilter split of score and accept).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("minor", "major", "critical")
#: MQM weights, as in COMET's error spans.
SEVERITY_WEIGHT = {"minor": 1, "major": 5, "critical": 10}
CATEGORIES = (
    "name",
    "number",
    "untranslated",
    "omission",
    "addition",
    "mistranslation",
    "quote",
    "boilerplate",
    "style",
)


@dataclass(frozen=True)
class Finding:
    """What a check measured: a span of the translation (offsets into ``Document.text``)."""

    check: str
    start: int
    end: int
    #: one line an editor understands: what is wrong and what to write ("'Osijeku' is the Croatian
    #: form for 'in Osijek': write Osijek"); the linguistic reason goes in ``detail``
    message: str
    suggestion: str | None = None
    source_start: int | None = None  #: offsets into the source Document's text, when relevant
    source_end: int | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    category: str | None = None  #: overrides the check's category (e.g. an omission found by a name check)
    #: the linguistic reason, for a reader who asks why (text report: indented; HTML: on demand)
    detail: str | None = None
