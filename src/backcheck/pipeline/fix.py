"""Applying suggestions: the corrected article, in its own format (``backcheck fix``).

Every flag's span is a range of the file as it was read (plain text, Markdown, HTML, the target
of an XLIFF/TMX unit, a PO ``msgstr``...), so a fix replaces exactly those characters of the
original and leaves every other byte alone: markup, entities and line ends around a span stay as
they were. A flag with no suggestion (and no editor's replacement) is never touched. When two
chosen spans overlap, the higher-risk flag is applied and the other skipped, with the reason.

Which flags are fixed by default (:func:`choose`): those at or above the failing severity
(``fail_on``, major unless configured) whose suggestion is a replacement text, plus the flags an
editor accepted; never one an editor dismissed. So ``fix`` writes what makes ``check`` pass, as
far as suggestions go, and leaves minor matters (style, page residue to "remove") to an editor's
choice (``--only``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from backcheck.config import Config
from backcheck.errors import InputError
from backcheck.formats.writeback import crosses_markup, escape_for, protected
from backcheck.model.findings import SEVERITIES
from backcheck.model.report import DocumentReport, Flag
from backcheck.pipeline.decisions import ACCEPT, DISMISS, Decision

#: a suggestion that asks to delete the span (page residue) rather than giving a text
REMOVE = "remove"


@dataclass(frozen=True)
class Applied:
    """One change made to the file: ``before`` (the file's text at ``start:end``) became ``after``
    (as written into the file, escaped for its format)."""

    fingerprint: str
    check: str
    start: int
    end: int
    before: str
    after: str


@dataclass(frozen=True)
class Skipped:
    """A chosen flag that was not applied, and why (one line)."""

    fingerprint: str
    check: str
    text: str
    reason: str


@dataclass
class FixResult:
    text: str  #: the corrected file text (decoded)
    applied: list[Applied] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def fix_document(
    doc: DocumentReport,
    chosen: Callable[[Flag, str], bool] | None = None,
    replacements: dict[str, str] | None = None,
) -> FixResult:
    """Apply the suggestions of the flags ``chosen(flag, fingerprint)`` accepts (every flag with a
    suggestion when None) and the editor's ``replacements`` (by fingerprint, applied whatever
    ``chosen`` says) to ``doc.original_text``."""
    if doc.original_text is None:
        raise InputError(f"{doc.path}: the report does not hold the article's text; check the article itself")
    original = doc.original_text
    fmt = doc.document.format if doc.document is not None else "text"
    replacements = replacements or {}
    skipped: list[Skipped] = []
    candidates: list[tuple[int, int, int, Flag, str, str]] = []  # rank, start, end, flag, fp, text
    for order, (flag, fp) in enumerate(zip(doc.flags, doc.fingerprints())):
        if fp in replacements:
            wanted: str | None = replacements[fp]
        elif chosen is None or chosen(flag, fp):
            wanted = flag.suggestion
        else:
            continue
        if wanted is None:
            continue  # nothing to write: never touched
        start, end = flag.span.start, flag.span.end
        if start >= end or original[start:end] != flag.span.text:
            skipped.append(Skipped(fp, flag.check, flag.span.text, "its span does not point at its text in the file"))
            continue
        if crosses_markup(fmt, flag.span.text):
            skipped.append(Skipped(fp, flag.check, flag.span.text, "its span crosses markup; edit it by hand"))
            continue
        if (why := protected(fmt, original, start, end)) is not None:
            skipped.append(Skipped(fp, flag.check, flag.span.text, why))
            continue
        if wanted == REMOVE and fp not in replacements:
            start, end, after = _removal(original, start, end, fmt)
        else:
            after = escape_for(fmt, wanted)
        if original[start:end] == after:
            continue
        candidates.append((order, start, end, flag, fp, after))
    applied: list[Applied] = []
    taken: list[tuple[int, int, Flag]] = []
    # the highest risk first (doc.flags is ordered by risk, then position)
    for _, start, end, flag, fp, after in sorted(
        candidates, key=lambda c: (-SEVERITIES.index(c[3].severity), c[4] not in replacements, c[0])
    ):
        clash = next((other for s, e, other in taken if start < e and s < end), None)
        if clash is not None:
            skipped.append(
                Skipped(fp, flag.check, flag.span.text, f"overlaps «{clash.span.text}» ({clash.check}), fixed instead")
            )
            continue
        taken.append((start, end, flag))
        applied.append(Applied(fp, flag.check, start, end, original[start:end], after))
    text = original
    for change in sorted(applied, key=lambda a: a.start, reverse=True):
        text = text[: change.start] + change.after + text[change.end :]
    return FixResult(text, sorted(applied, key=lambda a: a.start), skipped)


def apply_fixes(
    doc: DocumentReport,
    chosen: Callable[[Flag, str], bool] | None = None,
    replacements: dict[str, str] | None = None,
) -> tuple[str, list[Applied]]:
    """The corrected original file text and the changes made (see :func:`fix_document`)."""
    result = fix_document(doc, chosen, replacements)
    return result.text, result.applied


def _removal(original: str, start: int, end: int, fmt: str) -> tuple[int, int, str]:
    """The range to delete for a "remove" suggestion: in a line-based file, the whole line when the
    span is all of it (with its line end), else the span alone."""
    if fmt not in ("text", "markdown"):
        return start, end, ""
    line_start = original.rfind("\n", 0, start) + 1
    line_end = original.find("\n", end)
    line_end = len(original) if line_end < 0 else line_end
    if original[line_start:start].strip() or original[end:line_end].strip():
        return start, end, ""
    if line_end < len(original):
        return line_start, line_end + 1, ""
    return max(0, line_start - 1), line_end, ""  # the last line: with the line end before it


# -- choosing --------------------------------------------------------------------------------------


@dataclass
class Choice:
    """What :func:`choose` decided: the chooser for :func:`fix_document`, the editor's replacements,
    and one-line notes for the user (dismissed flags left alone, ids that matched nothing)."""

    chosen: Callable[[Flag, str], bool]
    replacements: dict[str, str]
    notes: list[str] = field(default_factory=list)


def choose(
    doc: DocumentReport,
    only: Iterable[str] = (),
    min_severity: str = "major",
    decisions: dict[str, Decision] | None = None,
    check_ids: Iterable[str] = (),
) -> Choice:
    """Which flags to fix. With ``only`` (check ids or fingerprint prefixes), the flags named,
    whatever their severity; else those at or above ``min_severity`` whose suggestion is a text
    (not "remove"). Flags an editor accepted are added, with the editor's replacement when given;
    flags an editor dismissed are left out and said so. A fingerprint prefix that matches no flag
    raises :class:`InputError` (an id from another article, or from before it changed)."""
    decisions = decisions or {}
    fps = doc.fingerprints()
    known_checks = set(check_ids) | {f.check for f in doc.flags}
    selected: set[str] = set()
    notes: list[str] = []
    only = list(only)
    for token in only:
        if token in known_checks:
            matched = {fp for f, fp in zip(doc.flags, fps) if f.check == token}
            if not matched:
                notes.append(f"--only {token}: no flag of this check in {doc.path}")
        else:
            matched = {fp for fp in fps if fp.startswith(token.lower())}
            if not matched:
                raise InputError(
                    f"--only {token}: no flag of {doc.path} has this fingerprint "
                    "(an id from another article, or the article changed since)"
                )
        selected |= matched
    dismissed = {fp for fp, d in decisions.items() if d.action == DISMISS}
    accepted = {fp: d for fp, d in decisions.items() if d.action == ACCEPT}
    threshold = SEVERITIES.index(min_severity)

    def wanted(flag: Flag, fp: str) -> bool:
        if fp in dismissed:
            return False
        if only:
            return fp in selected
        if fp in accepted:
            return True
        return SEVERITIES.index(flag.severity) >= threshold and flag.suggestion not in (None, REMOVE)

    replacements = {
        fp: d.replacement
        for fp, d in accepted.items()
        if d.replacement is not None and fp not in dismissed and (not only or fp in selected)
    }
    for flag, fp in zip(doc.flags, fps):
        if fp in dismissed and flag.suggestion is not None and (not only or fp in selected):
            reason = decisions[fp].reason
            notes.append(
                f"left alone: «{flag.span.text}» ({flag.check} {fp[:8]}) was dismissed by an editor"
                + (f": {reason}" if reason else "")
            )
    return Choice(wanted, {fp: r for fp, r in replacements.items() if fp in set(fps)}, notes)


# -- the whole command -----------------------------------------------------------------------------


@dataclass
class FixRun:
    """What :func:`fix` did: the document checked (every flag, decisions not applied), the result,
    and notes for the user."""

    document: DocumentReport
    result: FixResult
    notes: list[str]


def fix(
    path: str,
    source: str | None = None,
    source_lang: str | None = None,
    config: Config | None = None,
    only: Iterable[str] = (),
    min_severity: str | None = None,
    engine: str = "none",
    max_bytes: int | None = None,
    models_dir: str | None = None,
    use_cache: bool = True,
) -> FixRun:
    """Check one article and apply the chosen suggestions (see :func:`choose`) and the accepted
    edits in the decisions store (``config.decisions``; see
    :func:`backcheck.pipeline.check.decisions_path`). Nothing is written here and the store is
    only read."""
    from dataclasses import replace
    from pathlib import Path

    from backcheck.checks import all_checks
    from backcheck.pipeline.check import check, decisions_path
    from backcheck.pipeline.decisions import DecisionStore, article_fingerprint

    config = config or Config()
    store_path = decisions_path(config)
    # every flag, so that fingerprints are those the editor decided on
    report = check(path, source, source_lang, replace(config, decisions=""), engine, max_bytes, models_dir, use_cache)
    doc = report.documents[0]
    decisions: dict[str, Decision] = {}
    notes: list[str] = []
    if store_path is not None:
        article = article_fingerprint(doc.original_text or "")
        with DecisionStore(store_path) as store:
            decisions = store.decisions(article)
            if not decisions and store.earlier_versions(str(Path(path).resolve()), article):
                notes.append(
                    f"{store_path} holds decisions on an earlier version of {path}; the article changed "
                    "since, so they are not applied"
                )
        stale = [fp for fp in decisions if fp not in set(doc.fingerprints())]
        if stale:
            notes.append(f"{len(stale)} decision(s) in {store_path} name no flag of this check (another engine?)")
    choice = choose(doc, only, min_severity or config.fail_on, decisions, all_checks())
    result = fix_document(doc, choice.chosen, choice.replacements)
    return FixRun(doc, result, notes + choice.notes)
