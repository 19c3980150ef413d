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
    records: list[tuple[int, dict]] = []
    try:
        if not text.strip():
            return []
        if text.lstrip().startswith("{") and "\n{" not in text.strip():
            data = json.loads(text)
            records = [
                (1, {"path": doc.get("path"), **flag})
                for doc in data.get("documents", [])
                for flag in doc.get("flags", [])
            ]
        else:
            for number, line in enumerate(text.splitlines(), 1):
                if line.strip():
                    records.append((number, json.loads(line)))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}: not a backcheck JSON or JSONL report ({exc.msg})") from None
    entries = []
    for number, record in records:
        if not isinstance(record, dict) or "fingerprint" not in record:
            raise InputError(
                f"{path}:{number}: flag without a fingerprint; write the report with "
                "`--format jsonl`, or give the article files instead"
            )
        span = record.get("span") or {}
        entries.append(
            {
                "fingerprint": record["fingerprint"],
                "check": record.get("check"),
                "path": record.get("path"),
                "line": span.get("line"),
                "text": span.get("text"),
                "message": record.get("message"),
            }
        )
    return entries


def dumps(entries: list[dict]) -> str:
    entries = sorted(entries, key=lambda e: (str(e.get("path")), e.get("line") or 0, e["fingerprint"]))
    return (
        json.dumps(
            {"schema": SCHEMA, "created_by": f"backcheck {__version__}", "findings": entries},
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )


def load(path: str | Path) -> Baseline:
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: baseline file not found (create one with `backcheck baseline create`)")
    try:
        data = json.loads(files.read_text(path, what="baseline"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}: invalid baseline JSON ({exc.msg})") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("findings"), list):
        raise InputError(f"{path}: not a {SCHEMA} file")
    try:
        fingerprints = Counter(entry["fingerprint"] for entry in data["findings"])
    except (TypeError, KeyError):
        raise InputError(f"{path}: a baseline entry has no fingerprint") from None
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
