"""The words of each side of a pair, and which of them are names there.

In English with Webster's word list, which keeps proper nouns capitalised ("Government" is a
common word, "Paraguay" is not); in the source with word frequencies (wordfreq), since a common
noun is far commoner in its own language than in English while a name is about as common in both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from backcheck.lang import lexicon
from backcheck.lang.languages import wordfreq_code
from backcheck.lang.names.common_words import _inflected_common_word, is_common_word
from backcheck.lang.text import fold

if TYPE_CHECKING:
    from backcheck.lang.names.exonyms import ExonymTable

#: A word, or initials written with full stops (U.S., U.K.), read as one word.
_WORD_OR_INITIALS = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+")
#: The end of the text between two words when the second opens a sentence or a quotation.
_OPENING = re.compile(r"[.!?:;\"“”„«»(‘’'—–]\s*$")
#: wordfreq Zipf frequency below which a word is rare in its language: a rare capitalised word
#: opening a sentence is more likely a name than a common word.
RARE_ZIPF = 3.0
#: Zipf frequency from which a word is among its language's commonest (function words and
#: institutions: "The", "Vlada"); capitals there say little, frequent names (Nikola) aside.
COMMONEST_ZIPF = 5.0
#: Zipf frequency from which English uses a word too: a rare source word opening a sentence is a
#: name when English knows it (names travel).
_KNOWN_IN_ENGLISH_ZIPF = 2.0
#: Source languages that capitalise every noun: capitals say little about names there.
#: Languages that capitalise every noun (a capital there is no sign of a name).
NOUN_CAPITALISING = {"de", "lb"}


@dataclass(frozen=True)
class Token:
    """A word of one side of a pair: offsets into that side's (Latin) text."""

    text: str
    start: int
    end: int
    capitalised: bool
    initial: bool  #: first word of its sentence or after an opening quote or colon
    name: bool  #: judged a proper name on its side
    #: Zipf frequency in its own language; a name that is also a common word there (Hierro,
    #: Vlada) is weaker evidence of a dropped name than a rare one
    zipf: float = 0.0
    zipf_en: float = 0.0

    @property
    def folded(self) -> str:
        return fold(self.text)


def tokens(text: str, start: int, end: int) -> list[tuple[str, int, int, bool]]:
    """Words of ``text[start:end]`` with whether each opens a sentence or a quotation."""
    out: list[tuple[str, int, int, bool]] = []
    prev_end = start
    for m in _WORD_OR_INITIALS.finditer(text, start, end):
        gap = text[prev_end : m.start()]
        initial = not out or bool(_OPENING.search(gap)) or "\n" in gap
        out.append((m.group().replace(".", ""), m.start(), m.end(), initial))
        prev_end = m.end()
    return out


def english_tokens(text: str, start: int, end: int) -> list[Token]:
    """Words of an English sentence; a capitalised word is a name unless it only opens the sentence.

    A sentence-initial word is a name when English text rarely uses it in lower case, or when it
    begins a run of capitals ("Donald Trump said"); the rest ("The", "But") are not names.
    """
    raw = tokens(text, start, end)
    out = []
    for i, (word, s, e, initial) in enumerate(raw):
        cap = word[0].isupper()
        name = cap and len(word) > 1
        if name and initial:
            z = lexicon.zipf(word.lower())
            nxt_cap = i + 1 < len(raw) and raw[i + 1][0][0].isupper() and text[e : raw[i + 1][1]] == " "
            name = (z < RARE_ZIPF and not _inflected_common_word(word)) or (nxt_cap and z < COMMONEST_ZIPF)
        out.append(Token(word, s, e, cap, initial, name))
    return out


#: Roman numerals from II to XXXIX (a lone I is a word in several languages).
_ROMAN_NUMERAL = re.compile(r"(?=[XVI]{2,})X{0,3}(IX|IV|V?I{0,3})")


def source_tokens(text: str, start: int, end: int, lang: str, exonyms: ExonymTable, original=None) -> list[Token]:
    """Words of a source sentence (Latin view); which capitalised ones are names.

    A capitalised word is a name when it is an exonym, when it is rare in the source language, or
    when English uses it about as often as the source language does (names travel; a capitalised
    common noun, an institution or the first word of a sentence, is much rarer in English). The
    margin is tighter where capitals are not evidence: sentence-initial words and German nouns.
    """
    wf = wordfreq_code(lang)
    out = []
    raw = tokens(text, start, end)
    for i, (word, s, e, initial) in enumerate(raw):
        cap = word[0].isupper()
        name = False
        z_src = z_en = 0.0
        if cap and len(word) > 1:
            lower = word.lower()
            z_en = lexicon.zipf(lower)
            if original is not None and wf != "sh":
                # Russian, Bulgarian, ... frequencies are kept in their own script.
                a, b = original.original_range(s, e)
                lower = original.original[a:b].lower()
            z_src = lexicon.zipf(lower, wf) if wf in wordfreq_languages() else 0.0
            if lang in NOUN_CAPITALISING and not word.isupper():
                # Every noun is capitalised: a name is a place (German declines places only
                # with -s) or a word English uses too (Werth, Twitter), but not a common noun
                # English uses less than German does (Land, Park).
                folded = fold(word)
                name = (
                    exonyms.exact(folded) or exonyms.exact(folded[:-1])
                    if folded.endswith("s")
                    else exonyms.exact(folded)
                ) or (z_en >= max(1.5, z_src - 1.0) and not (is_common_word(word) and z_en < z_src))
            elif _ROMAN_NUMERAL.fullmatch(word) and not (i and raw[i - 1][0][:1].isupper()):
                name = False  # a century (siglo XV), not a monarch's number (Elisabeth II.)
            elif (
                word.isupper()
                or exonyms.source_word(fold(word), cities=not initial or z_src < RARE_ZIPF)
                or (len(word) > 3 and exonyms.exact(fold(word)))
            ):
                # an acronym, or a country, city or language; a frequent word opening a sentence
                # only by an exact city name, not one of the thousands of city stems (Načalniku /
                # Nacala)
                name = True
            elif initial and len(word) <= 2 and text[e : e + 1] == ",":
                name = False  # an interjection ("Uf, uf, šta.")
            elif initial:
                # Any word can open a sentence: a rare one is a name only if English knows it
                # too or another capitalised word follows (a full name).
                nxt_cap = i + 1 < len(raw) and raw[i + 1][0][0].isupper() and text[e : raw[i + 1][1]] == " "
                name = (z_src < RARE_ZIPF and (z_en >= _KNOWN_IN_ENGLISH_ZIPF or (nxt_cap and z_en >= 1.0))) or (
                    RARE_ZIPF <= z_src
                    and (z_src < COMMONEST_ZIPF or len(word) >= 4)
                    and z_en >= z_src - 1.0
                    and not (z_en < z_src and is_common_word(word))
                )  # Pad (fall), not pad
            else:
                # Mid-sentence capitals are names unless the word is among the language's
                # commonest (an institution: Vlada); frequent names (Nikola) stay names.
                name = z_src < COMMONEST_ZIPF or z_en >= z_src - 2.0
        out.append(Token(word, s, e, cap, initial, name, z_src, z_en))
    return out


@lru_cache(maxsize=1)
def wordfreq_languages() -> frozenset[str]:
    from wordfreq import available_languages

    return frozenset(available_languages())
