"""Deciding: configuration applied to what the checks measured (severities, spans in the file)."""

from __future__ import annotations

from backcheck.config import Config
from backcheck.model.findings import SEVERITIES, Finding
from backcheck.model.report import Flag


def decide(findings: list[Finding], checks: dict, doc, source, config: Config) -> list[Flag]:
    """Turn measured findings into flags: apply severities from configuration, map spans."""
    flags = []
    for f in findings:
        check = checks[f.check]
        source_span = (
            source.span(f.source_start, f.source_end) if source is not None and f.source_start is not None else None
        )
        sentence = next((s for s in doc.sentences if s.start <= f.start < max(s.end, s.start + 1)), None)
        flags.append(
            Flag(
                check=f.check,
                category=f.category or check.category,
                severity=config.severity_for(f.check, check.severity),
                message=f.message,
                detail=f.detail,
                suggestion=f.suggestion,
                span=doc.span(f.start, f.end),
                source_span=source_span,
                evidence=f.evidence,
                sentence=sentence.index if sentence else None,
                context=sentence.text if sentence else None,
            )
        )
    # by editorial risk (critical first), then by position
    flags.sort(key=lambda fl: (-SEVERITIES.index(fl.severity), fl.span.start, fl.span.end, fl.check))
    return flags
