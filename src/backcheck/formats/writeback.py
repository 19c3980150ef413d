"""Writing corrected text back into a file of its own format (``backcheck fix``).

A flag's span is a range of the decoded file: the characters of an article, of an HTML text node,
of the target of an XLIFF/TMX unit, of a PO ``msgstr`` or of a JSON string. A replacement written
there must read as the same text once the file is parsed again, so it is escaped the way that
format escapes text at that place; a span that crosses markup (an HTML tag inside it) cannot be
replaced without losing the markup, and is refused.
"""

from __future__ import annotations

import json
import re
from html import escape

#: formats whose text lies between XML/HTML tags
MARKUP_FORMATS = frozenset({"html", "xliff", "tmx"})

_PO_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def escape_for(fmt: str, text: str) -> str:
    """``text`` as it must be written into a file of format ``fmt`` to read back as ``text``."""
    if fmt in MARKUP_FORMATS:
        return escape(text, quote=False)
    if fmt == "po":
        return "".join(_PO_ESCAPES.get(ch, ch) for ch in text)
    if fmt == "jsonl":
        return json.dumps(text, ensure_ascii=False)[1:-1]
    if fmt == "tsv":  # a tab or a line end would split the row
        return " ".join(text.split())
    return text


def crosses_markup(fmt: str, original: str) -> bool:
    """Whether the file text ``original`` of a span holds markup that replacing it would lose."""
    return fmt in MARKUP_FORMATS and ("<" in original or ">" in original)


#: text a fix must not rewrite: a web address anywhere; in Markdown also a link's target and code
_URL = re.compile(r"\b(?:https?|ftp)://[^\s<>\"']+|\bwww\.[^\s<>\"']+", re.I)
_MARKDOWN_PROTECTED = re.compile(r"\]\([^)\n]*\)|`[^`\n]+`|<[a-z][a-z0-9+.-]*:[^>\s]+>", re.I)


def protected(fmt: str, original: str, start: int, end: int) -> str | None:
    """Why the span ``start:end`` of ``original`` must not be rewritten (None: it may be): it lies
    in a web address, or in a Markdown link target or code span."""
    line_start = original.rfind("\n", 0, start) + 1
    line_end = original.find("\n", end)
    line = original[line_start : len(original) if line_end < 0 else line_end]
    patterns = [(_URL, "a web address")]
    if fmt == "markdown":
        patterns.append((_MARKDOWN_PROTECTED, "a link target or code"))
    for pattern, what in patterns:
        for m in pattern.finditer(line):
            if m.start() + line_start < end and start < m.end() + line_start:
                return f"it lies in {what}; edit it by hand"
    return None


def for_encoding(text: str, encoding: str) -> tuple[str, str | None]:
    """The text to write for a file read as ``encoding`` (a UTF-8 BOM is kept), and a note when
    it is written as UTF-8 instead of the file's own encoding."""
    normalised = encoding.lower().replace("_", "-")
    if normalised in ("utf-8", "utf8", "ascii"):
        return text, None
    if normalised == "utf-8-sig":
        return "\ufeff" + text, None
    return text, f"written as UTF-8 (the article was {encoding})"
