"""Facts of a source sentence its English must keep: hedges, modality, approximate amounts, the
speaker's gender, offices, and words that look like English ones but mean something else.

The cues and their English renderings live in ``lang/data/sh_facts.toml``; this module matches
them. A source cue is a folded word or phrase of the Latin view of the source (``*`` ends a
stem); an English rendering is a lower-case word or phrase (``*`` likewise).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from backcheck.lang.text import fold, to_latin


@cache
def tables() -> dict[str, Any]:
    text = files("backcheck.lang").joinpath("data", "sh_facts.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def pattern_source(cues: list[str] | tuple[str, ...]) -> str:
    """The regular expression of a list of cues (longest first; ``*`` ends a stem)."""
    parts = []
    for cue in sorted(cues, key=len, reverse=True):
        stem = cue.endswith("*")
        body = r"\s+".join(re.escape(w) for w in cue.rstrip("*").split())
        parts.append(body + (r"\w*" if stem else (r"\b" if cue[-1:].isalnum() else "")))
    return "|".join(parts)


@cache
def _pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a list of cues, longest first, each on word boundaries."""
    return re.compile(r"(?<!\w)(?:" + pattern_source(cues) + ")", re.I)


@dataclass(frozen=True)
class Cue:
    start: int  #: offsets into the text it was found in
    end: int
    text: str


def source_view(text: str) -> str:
    """The Latin, folded view of a source sentence, offset for offset where Latin letters stay
    letters (Cyrillic is transliterated letter by letter first)."""
    return fold(to_latin(text).text)


@cache
def _fold_char(ch: str) -> str:
    return fold(to_latin(ch).text)


@dataclass(frozen=True)
class SourceView:
    """The folded Latin view of a source text, and for each of its characters the index of the
    source character it comes from (Cyrillic and "đ" → "dj" change lengths)."""

    written: str  #: the source as written
    text: str  #: the view the cues are written for
    origin: tuple[int, ...]

    def span(self, cue: Cue) -> tuple[int, int]:
        """The cue's span in the source as written."""
        if not self.origin or cue.start >= len(self.origin):
            return len(self.written), len(self.written)
        return self.origin[cue.start], self.origin[max(cue.start, cue.end - 1)] + 1

    def as_written(self, cue: Cue) -> str:
        a, b = self.span(cue)
        return self.written[a:b]


def view_of(text: str) -> SourceView:
    """:func:`source_view` with the map back to the source as written."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        piece = _fold_char(ch) if ch.isalpha() else ch.lower()
        out.append(piece)
        origin.extend([i] * len(piece))
    return SourceView(text, "".join(out), tuple(origin))


def find(text: str, cues: list[str] | tuple[str, ...]) -> list[Cue]:
    """Cues of the list in ``text`` (already in the view the cues are written for)."""
    return [Cue(m.start(), m.end(), m.group()) for m in _pattern(tuple(cues)).finditer(text)]


_NUMBER_NEAR = re.compile(r"^\s*\d|^\s*(?:\w+\s+)?\d")


def near_number(text: str, cue: Cue) -> bool:
    """A number right after the cue (oko 200, više od 40 odsto)."""
    return bool(_NUMBER_NEAR.match(text[cue.end : cue.end + 12]))


def to_latin_text(text: str) -> str:
    """The Latin view of a source text, capitalisation kept (names are found by their capitals)."""
    return to_latin(text).text


def fold_name(name: str) -> str:
    return fold(name.replace(" ", ""))
