"""GitHub Actions workflow commands: one ``::error``/``::warning`` annotation per flag, shown on
the pull request's diff. Major and critical flags are errors, minor ones warnings."""

from __future__ import annotations

from backcheck.model.report import span_end
from backcheck.render.safe import safe

_LEVEL = {"minor": "warning", "major": "error", "critical": "error"}


def _escape_data(text: str) -> str:
    """The message part: GitHub unescapes %25, %0D and %0A (``%`` first, so escapes survive); any
    other control character (an escape sequence in the article) is shown, not sent to the log."""
    return safe(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    """A ``key=value`` property: additionally ``:`` and ``,``, which delimit properties."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report, **_options) -> str:
    lines = []
    for doc in report.documents:
        for flag in doc.flags:
            end_line, end_column = span_end(flag.span)
            props = {"file": doc.path, "line": flag.span.line}
            # Annotations carry columns only within one line; a multi-line span gets line bounds.
            if end_line == flag.span.line:
                props.update(col=flag.span.column, endColumn=max(flag.span.column, end_column - 1))
            else:
                props["endLine"] = end_line
            props["title"] = f"backcheck {flag.check} ({flag.severity})"
            prop_text = ",".join(f"{k}={_escape_property(str(v))}" for k, v in props.items())
            lines.append(f"::{_LEVEL[flag.severity]} {prop_text}::{_escape_data(flag.text)}")
    return "".join(line + "\n" for line in lines)
