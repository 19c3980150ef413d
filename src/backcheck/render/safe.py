"""Text from an article or a file name made safe for a terminal or a CI log.

An article (or a file name) can carry control characters: an escape sequence that retitles the
terminal or writes the clipboard (OSC 52), a carriage return that overprints a flag line, a bell,
or bidi overrides (U+202E) that show text in another order than it is. Renderers that write to a
terminal or a log show each such character as a visible escape (``\\x1b``, ``\\u202e``) instead.
"""

from __future__ import annotations

import re

#: C0 and C1 controls (tab kept), DEL, and the bidi marks, embeddings, overrides and isolates.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _visible(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: str) -> str:
    """``text`` with every character that could control a terminal shown as an escape."""
    return _UNSAFE.sub(_visible, text)
