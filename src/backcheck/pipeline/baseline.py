"""Baselines: findings an editor or a team has accepted, so CI fails only on new ones.

A baseline stores one fingerprint per accepted flag (:meth:`backcheck.model.report.Flag.fingerprint`:
check id, flagged text and its sentence, numbered when repeated within a document). Offsets and
paths are left out, so moving a paragraph or renaming a file does not turn an accepted finding
into a new one. Applying a baseline drops every flag whose fingerprint it holds (as many times
as it holds it) and says in the document's notes how many were dropped.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from backcheck import files
from backcheck.errors import InputError
from backcheck.version import __version__

SCHEMA = "backcheck-baseline/1"
_NOTE = re.compile(r"^baseline: (\d+) known finding")


@dataclass
class Baseline:
    path: str
    fingerprints: Counter

    def __len__(self) -> int:
        return sum(self.fingerprints.values())


def entries_from_report(report) -> list[dict]:
    """One baseline entry per flag of a :class:`~backcheck.model.report.Report`."""
    return [
        {
            "fingerprint": fp,
            "check": flag.check,
            "path": doc.path,
            "line": flag.span.line,
            "text": flag.span.text,
            "message": flag.message,
        }
        for doc in report.documents
        for flag, fp in zip(doc.flags, doc.fingerprints())
    ]


def entries_from_report_file(path: str | Path) -> list[dict]:
    """Entries from a saved report: JSON Lines (``--format jsonl``) or a JSON report whose flags
    carry fingerprints. A report without fingerprints cannot say which finding is which."""
    path = Path(path)
    text = files.read_text(path, what="report")
    records: list[tuple[int, object]] = []
    try:
        if not text.strip():
            return []
        data = json.loads(text) if text.lstrip().startswith("{") and "\n{" not in text.strip() else None
        if isinstance(data, dict) and "documents" in data:
            records = [(1, flag) for flag in _report_flags(path, data)]
        elif data is not None:  # one line: a JSON Lines report of one flag
            records = [(1, data)]
        else:
            for number, line in enumerate(text.splitlines(), 1):
                if line.strip():
                    records.append((number, json.loads(line)))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}: not a backcheck JSON or JSONL report ({exc.msg})") from None
    except RecursionError:
        raise InputError(f"{path}: not a backcheck JSON or JSONL report (nested too deeply)") from None
    entries = []
    for number, record in records:
        if not isinstance(record, dict) or not isinstance(record.get("fingerprint"), str):
            raise InputError(
                f"{path}:{number}: flag without a fingerprint; write the report with "
                "`--format jsonl`, or give the article files instead"
            )
        raw_span = record.get("span")
        span: dict = raw_span if isinstance(raw_span, dict) else {}
        entries.append(
            {
                "fingerprint": record["fingerprint"],
                "check": record.get("check"),
                "path": record.get("path"),
                "line": span.get("line") if isinstance(span.get("line"), int) else None,
                "text": span.get("text"),
                "message": record.get("message"),
            }
        )
    return entries


def _report_flags(path: Path, data: object) -> list[dict]:
    """The flags of a JSON report, each with its document's path."""
    documents = data.get("documents", []) if isinstance(data, dict) else None
    if not isinstance(documents, list) or not all(
        isinstance(doc, dict) and isinstance(doc.get("flags", []), list) for doc in documents
    ):
        raise InputError(f"{path}: not a backcheck JSON report (no list of documents with flags)")
    return [
        {"path": doc.get("path"), **flag} if isinstance(flag, dict) else flag
        for doc in documents
        for flag in doc.get("flags", [])
    ]


def dumps(entries: list[dict]) -> str:
    entries = sorted(entries, key=lambda e: (str(e.get("path")), e.get("line") or 0, e["fingerprint"]))
    document = {"schema": SCHEMA, "created_by": f"backcheck {__version__}", "findings": entries}
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate read from a report: escaped, so the file can be written
        text = json.dumps(document, ensure_ascii=True, indent=2) + "\n"
    return text


def load(path: str | Path) -> Baseline:
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: baseline file not found (create one with `backcheck baseline create`)")
    try:
        data = json.loads(files.read_text(path, what="baseline"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}: invalid baseline JSON ({exc.msg})") from None
    except RecursionError:  # thousands of nested arrays are no baseline
        raise InputError(f"{path}: invalid baseline JSON (nested too deeply)") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("findings"), list):
        raise InputError(f"{path}: not a {SCHEMA} file")
    entries = data["findings"]
    if not all(isinstance(entry, dict) and isinstance(entry.get("fingerprint"), str) for entry in entries):
        raise InputError(f"{path}: a baseline entry has no fingerprint")
    fingerprints = Counter(entry["fingerprint"] for entry in entries)
    return Baseline(str(path), fingerprints)


def apply(report, baseline: Baseline) -> int:
    """Drop the flags the baseline accepts, in place; return how many were dropped."""
    remaining = Counter(baseline.fingerprints)
    total = 0
    for doc in report.documents:
        kept = []
        for flag, fp in zip(doc.flags, doc.fingerprints()):
            if remaining[fp] > 0:
                remaining[fp] -= 1
            else:
                kept.append(flag)
        dropped = len(doc.flags) - len(kept)
        if dropped:
            doc.flags = kept
            doc.notes.append(
                f"baseline: {dropped} known finding{'s' if dropped != 1 else ''} suppressed ({baseline.path})"
            )
        total += dropped
    return total


def suppressed(doc_report) -> int:
    """How many flags a baseline dropped from a document (read back from its notes)."""
    return sum(int(m.group(1)) for note in doc_report.notes if (m := _NOTE.match(note)))
