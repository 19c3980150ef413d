"""SARIF 2.1.0, the format code-scanning services ingest (GitHub code scanning, Azure DevOps,
SonarQube). One rule per check with its documentation as help text; one result per flag with its
region in the original file and a partial fingerprint that does not depend on offsets, so an
unchanged finding in an edited article is recognised as the same alert."""

from __future__ import annotations

import json
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import quote

from backcheck.checks import all_checks
from backcheck.model.report import span_end
from backcheck.version import __version__

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
#: the partialFingerprints key; bump the version if Flag.fingerprint ever changes meaning
FINGERPRINT_KEY = "backcheckFindingHash/v1"
_LEVEL = {"minor": "warning", "major": "error", "critical": "error"}


def _uri(path: str) -> str:
    """A URI reference for a file path: relative paths stay relative (to the checkout), as code
    scanning expects; absolute ones become ``file://`` URIs."""
    if PureWindowsPath(path).drive:
        return "file:///" + quote(PureWindowsPath(path).as_posix())
    posix = path.replace("\\", "/")
    if PurePosixPath(posix).is_absolute():
        return "file://" + quote(posix)
    return quote(posix)


def _rule(check_id: str, cls, config) -> dict:
    doc = cls.doc()
    from backcheck.checks.examples import examples

    positive = next((e for e in examples(check_id) if e.positive), None)
    help_text = doc + (f"\n\nExample: {positive.summary()}" if positive else "")
    return {
        "id": check_id,
        "name": "".join(part.capitalize() for part in check_id.replace("_", ".").split(".")),
        "shortDescription": {"text": doc.split(". ")[0].rstrip(".").replace("\n", " ") + "."},
        "fullDescription": {"text": doc},
        "help": {"text": help_text},
        "defaultConfiguration": {
            "level": _LEVEL[config.severity_for(check_id, cls.severity)],
            "enabled": config.is_enabled(check_id),
        },
        "properties": {
            "category": cls.category,
            "tags": ["translation", cls.category],
            "requiresSource": cls.requires_source,
        },
    }


def _result(flag, fingerprint: str, artifact_index: int, rule_index: int, uri: str) -> dict:
    end_line, end_column = span_end(flag.span)
    properties = {"severity": flag.severity, "category": flag.category, "evidence": flag.evidence}
    if flag.suggestion:
        properties["suggestion"] = flag.suggestion
    if flag.source_span:
        properties["sourceSpan"] = flag.source_span.to_dict()
    return {
        "ruleId": flag.check,
        "ruleIndex": rule_index,
        "level": _LEVEL[flag.severity],
        "message": {"text": flag.text},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri, "index": artifact_index},
                    "region": {
                        "startLine": flag.span.line,
                        "startColumn": flag.span.column,
                        "endLine": end_line,
                        "endColumn": end_column,
                        "charOffset": flag.span.start,
                        "charLength": flag.span.end - flag.span.start,
                        "snippet": {"text": flag.span.text},
                    },
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": properties,
    }


def render(report, **_options) -> str:
    checks = all_checks()
    rule_index = {check_id: i for i, check_id in enumerate(checks)}
    artifacts, results, notifications = [], [], []
    for artifact_index, doc in enumerate(report.documents):
        uri = _uri(doc.path)
        artifacts.append(
            {
                "location": {"uri": uri},
                "encoding": doc.encoding,
                "mimeType": "text/plain" if doc.document is None or doc.document.format != "html" else "text/html",
                "properties": {"language": doc.target_lang},
            }
        )
        for flag, fingerprint in zip(doc.flags, doc.fingerprints()):
            results.append(_result(flag, fingerprint, artifact_index, rule_index[flag.check], uri))
        notifications += [
            {
                "level": "note",
                "message": {"text": note},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
            }
            for note in doc.notes
        ]
    run = {
        "tool": {
            "driver": {
                "name": "backcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule(check_id, cls, report.config) for check_id, cls in checks.items()],
            }
        },
        "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
        # Span columns count code points, not UTF-16 units: say so, or astral characters shift them.
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": results,
        "properties": {"signature": report.signature, "failOn": report.config.fail_on},
    }
    sarif = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"
