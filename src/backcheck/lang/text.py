"""Cyrillic → Latin transliteration that remembers where each Latin letter came from.

Serbian (and Montenegrin) is written in both scripts with a one-to-one correspondence (Vuk's
alphabet and Gaj's Latin alphabet): every Cyrillic letter is one Latin letter or one digraph
(Љ → Lj, Њ → Nj, Џ → Dž). Matching a Cyrillic source against English works on the Latin form,
but every finding must point at the original Cyrillic span, so :class:`Transliteration` keeps,
for each Latin character, the index of the source character it came from. Letters of the other
Cyrillic alphabets (Russian, Ukrainian, Bulgarian, Macedonian) are romanised with the same
South Slavic values (ш → š, ж → ž, я → ja) so that one phonetic key serves all of them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Serbian Cyrillic (the standard, reversible mapping) plus the letters of neighbouring alphabets.
_LOWER = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "ђ": "đ",
    "е": "e",
    "ж": "ž",
    "з": "z",
    "и": "i",
    "ј": "j",
    "к": "k",
    "л": "l",
    "љ": "lj",
    "м": "m",
    "н": "n",
    "њ": "nj",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "ћ": "ć",
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "c",
    "ч": "č",
    "џ": "dž",
    "ш": "š",
    # Russian, Ukrainian, Belarusian, Bulgarian, Macedonian
    "й": "j",
    "я": "ja",
    "ю": "ju",
    "ё": "jo",
    "щ": "šč",
    "ы": "y",
    "э": "e",
    "ъ": "",
    "ь": "",
    "є": "je",
    "ї": "ji",
    "і": "i",
    "ґ": "g",
    "ў": "u",
    "ѓ": "gj",
    "ќ": "kj",
    "ѕ": "dz",
}
_TABLE = dict(_LOWER)
for _cyr, _lat in _LOWER.items():
    _TABLE.setdefault(_cyr.upper(), _lat[:1].upper() + _lat[1:])

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


#: The upper-case letters of the Latin alphabets, accented ones too (Đuro, Šime, Łukasz, Ángel),
#: for a character class: ``rf"[{UPPER}]"``.
UPPER = "A-ZÀ-ÖØ-ÞČĆŠŽĐŁŚŹŻŃŘĚŇŤĎ"


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


def cyrillic_share(text: str) -> float:
    """Share of letters that are Cyrillic (0 for text without letters)."""
    letters = [c for c in text if c.isalpha()]
    return sum(1 for c in letters if _CYRILLIC.match(c)) / len(letters) if letters else 0.0


@dataclass(frozen=True)
class Transliteration:
    """``text`` (Latin) with ``origin[i]``: the index in the original of ``text[i]``'s letter."""

    original: str
    text: str
    origin: tuple[int, ...]
    #: ``position[j]``: index in ``text`` where original character ``j`` starts (len(original)+1 entries)
    position: tuple[int, ...]

    def original_range(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets covering the Latin range ``[start, end)``."""
        if start >= end:
            at = self.origin[start] if start < len(self.origin) else len(self.original)
            return at, at
        return self.origin[start], self.origin[end - 1] + 1

    def latin_range(self, start: int, end: int) -> tuple[int, int]:
        """Latin offsets of the original range ``[start, end)``."""
        return self.position[start], self.position[end]


@lru_cache(maxsize=256)
def to_latin(text: str) -> Transliteration:
    """Transliterate ``text``; Latin text comes back unchanged with an identity map."""
    if not has_cyrillic(text):
        ident = tuple(range(len(text)))
        return Transliteration(text, text, ident, ident + (len(text),))
    out: list[str] = []
    origin: list[int] = []
    position: list[int] = []
    for i, ch in enumerate(text):
        position.append(len(out))
        latin = _TABLE.get(ch, ch)
        if len(latin) > 1 and ch.isupper():
            # A digraph is all capitals inside a word written in capitals (ЉУБИША → LJUBIŠA).
            nxt = text[i + 1] if i + 1 < len(text) else ""
            prev = text[i - 1] if i else ""
            if nxt.isupper() or (not nxt.isalpha() and prev.isupper()):
                latin = latin.upper()
        out.extend(latin)
        origin.extend([i] * len(latin))
    position.append(len(out))
    return Transliteration(text, "".join(out), tuple(origin), tuple(position))


#: Letters NFKD does not decompose, spelled as English-speaking readers and BCMS writers without
#: diacritics spell them (Đoković → djokovic).
FOLD_SPECIAL = str.maketrans({"đ": "dj", "ß": "ss", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ı": "i"})


@lru_cache(maxsize=131072)
def fold(word: str, lang: str = "") -> str:
    """The spelling-blind lookup key of a word: lower case, diacritics dropped (đ → dj, ß → ss),
    and, for a Serbo-Croatian ``lang``, Cyrillic read as Latin ("Ђоковић" → "djokovic").

    Every module that compares words across spellings uses this one function, so that a key made
    by one (a name inventory) finds the key made by another (a number word, a dictionary entry).
    """
    from backcheck.lang.languages import is_serbo_croatian

    w = word.lower()
    if lang and is_serbo_croatian(lang) and has_cyrillic(w):
        w = to_latin(w).text
    w = w.translate(FOLD_SPECIAL)
    return "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))


def case_stem(folded: str) -> str:
    """A name without its final vowels (and j): what its case forms begin with (Srbij-a, Srbij-i)."""
    stem = folded.rstrip("aeiouyj")
    return stem if len(stem) >= 3 else folded


_COMBINING = re.compile("[\u0300-\u036f]")


def fold_many(words: list[str]) -> list[str]:
    """:func:`fold` (without the Cyrillic step) of many words at once: one pass over one string,
    for the word lists of hundreds of thousands of entries that gazetteers read."""
    text = unicodedata.normalize("NFKD", "\n".join(words).lower().translate(FOLD_SPECIAL))
    return _COMBINING.sub("", text).split("\n")


_OPEN_QUOTE = '"“„«‘'
_CLOSE_QUOTE = '"”“»’'


def in_quoted_title(text: str, start: int, end: int, reach: int = 50) -> bool:
    """Is ``text[start:end]`` inside a short quotation of two words or more that opens with a
    capital letter (the title of a festival, a film, a company: "Sunčane skale", "Linea
    Adriatica")? Such a title is written as its owner writes it."""
    line_start = max(text.rfind("\n", max(0, start - reach), start) + 1, start - reach, 0)
    before = text[line_start:start]
    opens = [i for i, ch in enumerate(before) if ch in _OPEN_QUOTE]
    if not opens:
        return _in_single_quoted_title(text, start, end, line_start)
    return _in_title_quoted_by(text, start, end, reach, before, opens)


#: A title in straight single quotes ('Homoljski motivi'): the quote after a space and before a
#: capital, and its closing quote before a space or punctuation (not an apostrophe: Stefan's).
_SINGLE_QUOTED = re.compile(r"(?:(?<=\s)|^)'([A-ZČĆŠŽĐ][^'\n]{0,60}?)'(?![\w])")


def _in_single_quoted_title(text: str, start: int, end: int, line_start: int) -> bool:
    stop = text.find("\n", end)
    for m in _SINGLE_QUOTED.finditer(text, line_start, stop if stop >= 0 else len(text)):
        if m.start(1) <= start and end <= m.end(1):
            title = m.group(1)
            return 2 <= len(title.split()) <= 6 and not re.search(r"[,.!?;:]", title)
    return False


def _in_title_quoted_by(text: str, start: int, end: int, reach: int, before: str, opens: list[int]) -> bool:
    at = opens[-1]
    inner_before = before[at + 1 :]
    if any(ch in _CLOSE_QUOTE and ch != '"' for ch in inner_before) or '"' in inner_before:
        return False  # that quotation closed before the word
    stop = text.find("\n", end, end + reach)
    after = text[end : stop if stop >= 0 else end + reach]
    close = next((i for i, ch in enumerate(after) if ch in _CLOSE_QUOTE), None)
    if close is None:
        return False
    title = (inner_before + text[start:end] + after[:close]).strip()
    # a title, not a quoted sentence: no clause punctuation inside
    return bool(title[:1].isupper()) and 2 <= len(title.split()) <= 6 and not re.search(r"[,.!?;:]", title)
