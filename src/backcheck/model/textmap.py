"""Normalised text that remembers where each character came from.

Checks work on normalised text (NFC, one kind of space, no soft hyphens, ``\\n`` line ends), but
every span in a report must point into the file the user gave. :class:`TextMap` keeps, for each
normalised character, the start and end offsets of the original characters it came from, so any
span maps back exactly, with its 1-based line and column in the original file.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Characters that carry no meaning for checks and are dropped or unified.
_DROP = {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}
_SPACE = {"\u00a0", "\u2007", "\u202f", "\u2009", "\u200a", "\u3000", "\t"}


@lru_cache(maxsize=4096)
def _kept(ch: str) -> bool:
    """Does :meth:`TextMap.normalise` keep ``ch`` as it is, wherever it stands? (Not a combining
    mark, a CR, a character dropped or unified, nor one NFC changes.)"""
    return (
        ch != "\r"
        and ch not in _DROP
        and ch not in _SPACE
        and not unicodedata.combining(ch)
        and unicodedata.normalize("NFC", ch) == ch
    )


@dataclass(frozen=True)
class Span:
    """A span of the original file: character offsets (end exclusive), 1-based line and column."""

    start: int
    end: int
    line: int
    column: int
    text: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "line": self.line, "column": self.column, "text": self.text}


class TextMap:
    """``text`` (normalised) plus a map of each of its characters back into ``original``."""

    def __init__(self, original: str, text: str, starts: list[int], ends: list[int]):
        if not (len(text) == len(starts) == len(ends)):
            raise ValueError("offset map does not match text")
        self.original = original
        self.text = text
        self._starts = starts
        self._ends = ends
        self._newlines = [i for i, ch in enumerate(original) if ch == "\n"]
        #: where each piece given to :meth:`from_pieces` starts in ``text`` (plus the end)
        self.piece_starts: list[int] = []

    @classmethod
    def normalise(cls, original: str) -> TextMap:
        """Normalise ``original`` chunk by chunk (a base character with its combining marks)."""
        if all(_kept(c) for c in set(original)):
            # Every character is a chunk of its own and stays as it is (most texts): the identity.
            return cls(original, original, list(range(len(original))), list(range(1, len(original) + 1)))
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        i, n = 0, len(original)
        while i < n:
            j = i + 1
            while j < n and unicodedata.combining(original[j]):
                j += 1
            chunk = original[i:j]
            if chunk == "\r":
                # CRLF -> LF (the \n that follows is kept); a lone CR becomes a newline.
                if j < n and original[j] == "\n":
                    i = j
                    continue
                chunk = "\n"
            if chunk in _DROP:
                i = j
                continue
            if chunk in _SPACE:
                chunk = " "
            for ch in unicodedata.normalize("NFC", chunk):
                out.append(ch)
                starts.append(i)
                ends.append(j)
            i = j
        return cls(original, "".join(out), starts, ends)

    @classmethod
    def from_pieces(cls, original: str, pieces: list[tuple[str, int, int]]) -> TextMap:
        """Build a map from extracted pieces ``(text, orig_start, orig_end)`` (e.g. HTML text nodes).

        Each piece is normalised on its own; a piece whose text differs from its original (an HTML
        entity) maps every character to the whole original range. ``piece_starts[i]`` is where
        piece ``i`` begins in the normalised text.
        """
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        piece_starts: list[int] = []
        for text, o_start, o_end in pieces:
            piece_starts.append(len(starts))
            if original[o_start:o_end] == text:
                sub = cls.normalise(text)
                out.append(sub.text)
                starts.extend(o_start + s for s in sub._starts)
                ends.extend(o_start + e for e in sub._ends)
            else:
                norm = unicodedata.normalize("NFC", text)
                out.append(norm)
                starts.extend([o_start] * len(norm))
                ends.extend([o_end] * len(norm))
        piece_starts.append(len(starts))
        textmap = cls(original, "".join(out), starts, ends)
        textmap.piece_starts = piece_starts
        return textmap

    def original_range(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the normalised range ``[start, end)``."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"range {start}:{end} outside text of length {len(self.text)}")
        if start == end:
            pos = self._starts[start] if start < len(self._starts) else len(self.original)
            return pos, pos
        return self._starts[start], self._ends[end - 1]

    def line_column(self, orig_offset: int) -> tuple[int, int]:
        """1-based line and column of an offset into the original text."""
        line_index = bisect.bisect_left(self._newlines, orig_offset)
        line_start = self._newlines[line_index - 1] + 1 if line_index else 0
        return line_index + 1, orig_offset - line_start + 1

    def span(self, start: int, end: int) -> Span:
        o_start, o_end = self.original_range(start, end)
        line, column = self.line_column(o_start)
        return Span(o_start, o_end, line, column, self.original[o_start:o_end])
