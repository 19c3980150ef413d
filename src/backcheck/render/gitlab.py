"""GitLab Code Quality report (the Code Climate issue subset GitLab reads): a JSON array of
issues, each with a fingerprint unique across the report so merge requests show only new ones."""

from __future__ import annotations

import json

from backcheck.model.report import span_end


def render(report, **_options) -> str:
    issues = []
    for doc in report.documents:
        for flag, fingerprint in zip(doc.flags, doc.fingerprints(with_path=True)):
            issues.append(
                {
                    "type": "issue",
                    "description": flag.text,
                    "check_name": flag.check,
                    "fingerprint": fingerprint,
                    # backcheck's minor/major/critical are names GitLab accepts as they are
                    "severity": flag.severity,
                    "location": {"path": doc.path, "lines": {"begin": flag.span.line, "end": span_end(flag.span)[0]}},
                }
            )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
