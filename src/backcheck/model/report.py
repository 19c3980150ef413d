"""The Report data model (the ``backcheck-report/2`` contract) and the exit-code decision."""

from __future__ import annotations

import hashlib
import platform
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from backcheck.errors import ExitCode
from backcheck.model.findings import SEVERITIES, SEVERITY_WEIGHT
from backcheck.model.textmap import Span
from backcheck.version import __version__

if TYPE_CHECKING:  # pragma: no cover
    from backcheck.config import Config
    from backcheck.lang.align import AlignedPair
    from backcheck.model.document import Document

#: /2 (this version): flags carry ``detail`` (the linguistic reason beside the editor's message) and
#: ``fingerprint``, and are ordered by risk (critical first), then position; a document carries
#: its fact ledger (``facts``: per aligned pair, each source fact with its status).
SCHEMA = "backcheck-report/2"


def _normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def span_end(span: Span) -> tuple[int, int]:
    """1-based line and column just past the end of ``span`` (SARIF's exclusive end)."""
    lines = span.text.split("\n")
    if len(lines) == 1:
        return span.line, span.column + len(span.text)
    return span.line + len(lines) - 1, len(lines[-1]) + 1


@dataclass(frozen=True)
class Flag:
    check: str
    category: str
    severity: str
    message: str
    suggestion: str | None
    span: Span
    source_span: Span | None
    evidence: dict[str, Any]
    sentence: int | None = None  #: index of the translation sentence holding the span
    #: the (normalised) text of that sentence: what identifies the finding across runs, unlike offsets
    context: str | None = field(default=None, repr=False)
    detail: str | None = None  #: the linguistic reason behind ``message``

    @property
    def text(self) -> str:
        """The message with its suggestion, for formats that have one text field per finding."""
        return self.message + (f" (suggestion: {self.suggestion})" if self.suggestion else "")

    def fingerprint(self) -> str:
        """A stable identity for this finding: check id, flagged text and its sentence.

        Offsets are left out on purpose: an edit earlier in the article moves every span, but the
        finding is the same one, and CI (SARIF alerts, baselines) must not report it as new.
        Case and spacing are folded for the same reason.
        """
        basis = "\x1f".join((self.check, _normalise_space(self.span.text), _normalise_space(self.context or "")))
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]

    def to_dict(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "detail": self.detail,
            "suggestion": self.suggestion,
            "span": self.span.to_dict(),
            "source_span": self.source_span.to_dict() if self.source_span else None,
            "evidence": self.evidence,
        }


@dataclass
class DocumentReport:
    path: str
    source_path: str | None
    source_lang: str | None
    target_lang: str
    machine_translation_disclaimer: bool
    engine: dict[str, Any] | None
    scores: dict[str, Any]
    flags: list[Flag]
    notes: list[str] = field(default_factory=list)  #: one-line diagnostics (engine skipped, ...)
    encoding: str = "utf-8"
    sentences: int = 0
    sentence_scores: list[dict[str, Any]] = field(default_factory=list)
    #: the fact ledger: per aligned pair, the source's facts and their status (pipeline/ledger.py)
    facts: list[dict[str, Any]] = field(default_factory=list)
    #: the decoded original file, for renderers that show context (not part of the JSON contract)
    original_text: str | None = field(default=None, repr=False)
    #: the checked documents and their sentence alignment, for renderers that show the article
    #: beside its source (not part of the JSON contract)
    document: Document | None = field(default=None, repr=False, compare=False)
    source_document: Document | None = field(default=None, repr=False, compare=False)
    alignment: list[AlignedPair] | None = field(default=None, repr=False, compare=False)

    def counts(self) -> dict[str, int]:
        return {sev: sum(f.severity == sev for f in self.flags) for sev in SEVERITIES}

    def fingerprints(self, with_path: bool = False) -> list[str]:
        """One fingerprint per flag, unique within the document: a finding repeated in the same
        sentence gets its occurrence number appended (``…:2``). ``with_path`` mixes in the
        document path, for formats whose fingerprints must be unique across a whole report."""
        seen: dict[str, int] = {}
        out = []
        for flag in self.flags:
            base = flag.fingerprint()
            seen[base] = seen.get(base, 0) + 1
            fp = base if seen[base] == 1 else f"{base}:{seen[base]}"
            if with_path:
                fp = hashlib.sha256(f"{self.path}\x1f{fp}".encode()).hexdigest()[:32]
            out.append(fp)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "source_path": self.source_path,
            "source_lang": self.source_lang,
            "target_lang": self.target_lang,
            "encoding": self.encoding,
            "machine_translation_disclaimer": self.machine_translation_disclaimer,
            "engine": self.engine,
            "scores": self.scores,
            "sentences": self.sentence_scores,
            "notes": self.notes,
            "summary": {**self.counts(), "penalty": sum(SEVERITY_WEIGHT[f.severity] for f in self.flags)},
            "flags": [{**f.to_dict(), "fingerprint": fp} for f, fp in zip(self.flags, self.fingerprints())],
            "facts": self.facts,
        }


@dataclass
class Report:
    documents: list[DocumentReport]
    config: Config
    signature: str

    @property
    def flags(self) -> list[Flag]:
        return [f for d in self.documents for f in d.flags]

    def fails(self, flag: Flag, fail_on: str | None = None) -> bool:
        """Whether ``flag`` is at or above the failing severity (what makes the exit code 1)."""
        return SEVERITIES.index(flag.severity) >= SEVERITIES.index(fail_on or self.config.fail_on)

    def exit_code(self, fail_on: str | None = None) -> ExitCode:
        if any(self.fails(f, fail_on) for f in self.flags):
            return ExitCode.FLAGGED
        return ExitCode.OK

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "tool": {"name": "backcheck", "version": __version__, "python": platform.python_version()},
            "signature": self.signature,
            "config": self.config.to_dict(),
            "documents": [d.to_dict() for d in self.documents],
        }
