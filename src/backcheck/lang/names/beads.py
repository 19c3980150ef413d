"""Aligned sentence pairs as word lists: what the name checks compare across the two texts."""

from __future__ import annotations

from dataclasses import dataclass

from backcheck.lang.names.correspondence import SLAVIC_LETTERS, Token, english_tokens, exonyms, source_tokens
from backcheck.lang.text import to_latin

#: Below this share of Latin letters (after transliterating Cyrillic) a source's names cannot be
#: compared letter by letter with English ones (Greek, Hebrew, Chinese sources).
_MIN_LATIN = 0.6


@dataclass
class Bead:
    """One aligned pair with the words of both sides."""

    source: list[Token]  #: offsets into the source's Latin view
    target: list[Token]  #: offsets into the translation's text
    target_start: int
    target_end: int


def _latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return (
        sum(1 for c in letters if c.isascii() or c in SLAVIC_LETTERS or "\u00c0" <= c <= "\u024f") / len(letters)
        if letters
        else 0.0
    )


def build_beads(source, document, alignment) -> list[Bead] | None:
    """The aligned pairs as word lists; None when names cannot be compared (no alignment, or a
    source mostly in a script other than Latin after transliteration)."""
    if source is None or not alignment:
        return None
    latin = to_latin(source.text)
    if _latin_share(latin.text) < _MIN_LATIN:
        return None
    table = exonyms(source.lang)
    result = []
    for pair in alignment:
        src_tokens: list[Token] = []
        for i in pair.source:
            s = source.sentences[i]
            a, b = latin.latin_range(s.start, s.end)
            src_tokens += source_tokens(latin.text, a, b, source.lang, table, latin)
        tgt_tokens: list[Token] = []
        for i in pair.target:
            s = document.sentences[i]
            tgt_tokens += english_tokens(document.text, s.start, s.end)
        start = document.sentences[pair.target[0]].start if pair.target else 0
        end = document.sentences[pair.target[-1]].end if pair.target else 0
        result.append(Bead(src_tokens, tgt_tokens, start, end))
    return result


def capitalised_tokens(document) -> list[Token]:
    """The capitalised words of the whole English document."""
    text = document.text
    return [t for t in english_tokens(text, 0, len(text)) if t.capitalised]
