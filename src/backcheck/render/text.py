"""Terminal report for an editor: each flagged sentence with the span marked, the reason and
the suggestion, then a summary line."""

from __future__ import annotations

from collections import defaultdict

from backcheck.render.safe import safe

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
    """The article's fidelity with its interval and metrics, then each sentence's fidelity
    (``*`` marks those below the threshold), or its chrF++ where no fidelity is calibrated."""
    if not scores.get("pairs"):
        return [f"  fidelity: nothing scored ({scores.get('mode')} mode)"]
    compared = "source" if scores["mode"] == "source" else "English"
    metrics = f"chrF++ {scores['chrf++']:.1f}, BLEU {scores['bleu']:.1f}, TER {scores['ter']:.1f}"
    if "fidelity" not in scores:  # the calibration found no evidence: show the metric per sentence
        lines = [
            f"  fidelity: none ({scores['mode']} mode: the calibration found no evidence with this engine)",
            f"  back-translation vs {compared}: {metrics}",
        ]
        cells = [f"#{s['index'] + 1} {s['chrf++']:.0f}" for s in sentences]
        label = "by sentence (chrF++): "
    else:
        threshold = scores["min_fidelity"]
        lo, hi = scores["ci95"]
        weaker = " — round trip, no source: weaker evidence" if scores["mode"] == "round-trip" else ""
        lines = [
            f"  fidelity {scores['fidelity']:.1f}/100 (95% CI {lo:.1f}–{hi:.1f}; "
            f"{scores['low_fidelity_share']:.0%} of {scores['pairs']} below {threshold:g}; "
            f"mode {scores['mode']}{weaker})",
            f"  back-translation vs {compared}: {metrics}",
        ]
        cells = [f"#{s['index'] + 1} {s['fidelity']:.0f}{'*' if s['fidelity'] < threshold else ''}" for s in sentences]
        label = "by sentence: "
    for start in range(0, len(cells), 10):
        lines.append("  " + (label if start == 0 else " " * len(label)) + "  ".join(cells[start : start + 10]))
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
        by_line = defaultdict(list)
        for flag in doc.flags:
            by_line[flag.span.line].append(flag)
        for line in sorted(by_line):
            out.append("")
            for flag in by_line[line]:
                sev = f"{_COLOURS[flag.severity]}{flag.severity}{_RESET}" if colour else flag.severity
                out.append(f"  {path}:{flag.span.line}:{flag.span.column}: {sev} [{flag.check}] {safe(flag.message)}")
                if original is not None:
                    ctx, a, b = _context(original, flag.span)
                    out.append("      " + _mark(ctx, a, b, flag.severity, colour))
                if flag.source_span:
                    out.append(
                        f"      source {flag.source_span.line}:{flag.source_span.column}: {safe(flag.source_span.text)}"
                    )
                if flag.suggestion:
                    out.append(f"      suggestion: {safe(flag.suggestion)}")
                if flag.detail:
                    out.append(f"      why: {safe(flag.detail)}")
        counts = doc.counts()
        out.append("")
        out.append(
            f"  {len(doc.flags)} flag(s): {counts['critical']} critical, {counts['major']} major, "
            f"{counts['minor']} minor"
        )
        out.append("")
    out.append(f"signature: {report.signature}")
    return "\n".join(out) + "\n"
