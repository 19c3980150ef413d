"""Sentence alignment between a source article and its translation.

The result is a list of :class:`AlignedPair` in document order. Beads are 1-1, 1-2, 2-1 (merged
or split sentences), 1-0 (a source sentence with no translation: omitted) and 0-1 (a translated
sentence with no source: added).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AlignedPair:
    source: tuple[int, ...]  #: indices into the source Document's sentences
    target: tuple[int, ...]  #: indices into the translation Document's sentences
    score: float = 0.0  #: alignment confidence in [0, 1]

    @property
    def kind(self) -> str:
        return f"{len(self.source)}-{len(self.target)}"
