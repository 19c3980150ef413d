"""JSON Lines: one flag per line, each carrying its document's path (for ``grep``, ``jq -c`` and
log pipelines that take one record at a time)."""

from __future__ import annotations

import json


def render(report, **_options) -> str:
    lines = []
    for doc in report.documents:
        for flag, fingerprint in zip(doc.flags, doc.fingerprints()):
            record = {"path": doc.path, "source_path": doc.source_path, **flag.to_dict(), "fingerprint": fingerprint}
            lines.append(json.dumps(record, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)
