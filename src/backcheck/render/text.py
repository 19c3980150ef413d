"""Terminal report for an editor: each flagged sentence with the span marked, the reason and
the suggestion, then a summary line."""

from __future__ import annotations

from backcheck.render.safe import safe
from backcheck.render.words import low_sentences, score_line

_COLOURS = {"minor": "\033[36m", "major": "\033[33m", "critical": "\033[31m"}
_RESET, _BOLD, _DIM = "\033[0m", "\033[1m", "\033[2m"


def _mark(line: str, start: int, end: int, severity: str, colour: bool) -> str:
    before, span, after = safe(line[:start]), safe(line[start:end]), safe(line[end:])
    if colour:
        return f"{before}{_BOLD}{_COLOURS[severity]}{span}{_RESET}{after}"
    return f"{before}[[{span}]]{after}"


def _context(original: str, span) -> tuple[str, int, int]:
    """The original line(s) around a span, trimmed, with the span's position in it."""
    line_start = original.rfind("\n", 0, span.start) + 1
    line_end = original.find("\n", span.end)
    line_end = len(original) if line_end < 0 else line_end
    a, b = span.start - line_start, span.end - line_start
    text = original[line_start:line_end]
    lo, hi = max(0, a - 90), min(len(text), b + 90)
    prefix = "…" if lo else ""
    return prefix + text[lo:hi] + ("…" if hi < len(text) else ""), a - lo + len(prefix), b - lo + len(prefix)


def _scores(scores: dict, sentences: list[dict]) -> list[str]:
    """One readable line on fidelity (or why none is shown), then the sentences below the
    threshold, if any. Raw metrics are in the JSON report."""
    lines = [f"  {score_line(scores)}"]
    low = low_sentences(scores, sentences)
    if low:
        cells = "  ".join(f"#{n} {value:.0f}" for n, value in low)
        lines.append(f"  sentences that disagree most (below {scores['min_fidelity']:g}): {cells}")
    return lines


def render(report, colour: bool = False, **_options) -> str:
    out: list[str] = []
    for doc in report.documents:
        original = doc.original_text
        path = safe(str(doc.path))
        header = path + (f"  (source: {safe(str(doc.source_path))}, {doc.source_lang})" if doc.source_path else "")
        out.append(f"{_BOLD if colour else ''}{header}{_RESET if colour else ''}")
        engine = doc.engine["name"] if doc.engine else "none"
        out.append(
            f"  engine: {engine}; sentences: {doc.sentences}; encoding: {doc.encoding}"
            + ("; machine-translation disclaimer: yes" if doc.machine_translation_disclaimer else "")
        )
        for note in doc.notes:
            out.append(f"  note: {safe(note)}")
        if doc.scores:
            out.extend(_scores(doc.scores, doc.sentence_scores))
        for flag in doc.flags:  # in the report's order: by risk, then position
            out.append("")
            sev = f"{_COLOURS[flag.severity]}{flag.severity}{_RESET}" if colour else flag.severity
            out.append(f"  {path}:{flag.span.line}:{flag.span.column}: {sev}: {safe(flag.message)}")
            if original is not None:
                ctx, a, b = _context(original, flag.span)
                out.append("      " + _mark(ctx, a, b, flag.severity, colour))
            if flag.source_span:
                out.append(
                    f"      source {flag.source_span.line}:{flag.source_span.column}: {safe(flag.source_span.text)}"
                )
            if flag.suggestion:
                out.append(f"      suggestion: {safe(flag.suggestion)}")
            why = f"{safe(flag.detail)} [{flag.check}]" if flag.detail else f"[{flag.check}]"
            out.append(f"      why: {why}")
        counts = doc.counts()
        out.append("")
        out.append(
            f"  {len(doc.flags)} flag(s): {counts['critical']} critical, {counts['major']} major, "
            f"{counts['minor']} minor"
        )
        out.append("")
    out.append(f"signature: {report.signature}")
    return "\n".join(out) + "\n"
