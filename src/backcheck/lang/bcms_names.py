"""Names (and lower-case stems) Serbian, Croatian and Bosnian dictionaries list in their base form.

The hunspell dictionaries of Debian (``hunspell-sr``, ``hunspell-hr``, ``hunspell-bs``) list
about 66,000 capitalised entries: first names, surnames, places, institutions, each in its
nominative (Vukotić, Ivana, Nikšić, Zenica). For the name-form analysis a candidate base that is
one is a real name ("Vukotić" for "Vukotića"). The Serbian list also spells out some case forms
(Banjaluci, Kragujevcu), so an entry is no evidence that a word is a nominative. Read on first use from ``/usr/share/hunspell`` (or ``$BACKCHECK_HUNSPELL``); without
the packages the set is empty and the analysis relies on its other evidence.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

from backcheck.lang.text import fold, fold_many
from backcheck.paths import kept

DEFAULT_DIR = Path("/usr/share/hunspell")
#: Latin-script dictionaries of the BCMS variants (Montenegrin uses the Serbian one).
DICTIONARIES = ("sr_Latn_RS.dic", "hr_HR.dic", "bs_BA.dic")


@cache
def _names() -> frozenset[str]:
    """The folded entries, kept beside the translation cache once read (keyed by the files' sizes
    and times, so an upgraded dictionary is read again)."""
    directory = Path(os.environ.get("BACKCHECK_HUNSPELL") or DEFAULT_DIR)
    stamp = "-".join(_stamp(directory / name) for name in DICTIONARIES)
    return frozenset(kept(f"bcms-names-{stamp}.txt", lambda: sorted(_read(directory))))


@cache
def _stems() -> frozenset[str]:
    """The folded lower-case entries (usaglašen, usklađen): words, not names, each the stem the
    dictionary inflects with its affix rules."""
    directory = Path(os.environ.get("BACKCHECK_HUNSPELL") or DEFAULT_DIR)
    stamp = "-".join(_stamp(directory / name) for name in DICTIONARIES)
    return frozenset(kept(f"bcms-stems-{stamp}.txt", lambda: sorted(_read(directory, lower=True))))


@cache
def _common_words() -> frozenset[str]:
    """The folded lower-case entries of the Croatian and Bosnian dictionaries: common words (the
    Serbian one also lists the names of places in lower case: pariz, moskva)."""
    directory = Path(os.environ.get("BACKCHECK_HUNSPELL") or DEFAULT_DIR)
    common = DICTIONARIES[1:]
    stamp = "-".join(_stamp(directory / name) for name in common)
    return frozenset(kept(f"bcms-common-{stamp}.txt", lambda: sorted(_read(directory, True, common))))


def is_common_word(word: str) -> bool:
    """Whether a Croatian or Bosnian dictionary lists ``word`` (folded) in lower case, as a word
    (sloboda, zora, prag), whatever it also names."""
    return fold(word) in _common_words()


def _stamp(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return "0"
    return f"{st.st_size:x}{int(st.st_mtime):x}"


def _read(directory: Path, lower: bool = False, dictionaries: tuple[str, ...] = DICTIONARIES) -> frozenset[str]:
    entries: list[str] = []
    for name in dictionaries:
        try:
            lines = (directory / name).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        for line in lines[1:]:  # the first line is the entry count
            entry = line.split("/", 1)[0].strip()
            if len(entry) >= 3 and entry[0].isupper() != lower and entry.isalpha():
                entries.append(entry)
    return frozenset(fold_many(entries))


def is_bcms_name(word: str) -> bool:
    """Whether a BCMS dictionary lists ``word`` (folded) as a capitalised base form."""
    return fold(word) in _names()


def is_listed_word(word: str) -> bool:
    """Whether a BCMS dictionary lists ``word`` (folded) in lower case as it is (nov, hrvatski)."""
    return fold(word) in _stems()


#: Letters an inflectional ending adds to a dictionary stem (usaglašen-ih, usklađen-oga).
_ENDING = 3


def is_inflected_word(word: str) -> bool:
    """Whether ``word`` (lower case) is a stem a BCMS dictionary lists, or one with an ending of up
    to three letters (neusaglašenih: usaglašen-ih)."""
    key = fold(word)
    stems = _stems()
    return any(key[:n] in stems for n in range(max(4, len(key) - _ENDING), len(key) + 1))


#: Case endings of the feminine -a and neuter -o nouns, whose listed form is the nominative with
#: its vowel (hladnjača: hladnjače, hladnjači, hladnjaču, hladnjačom, hladnjačama; mjesto: mjesta)
_NOUN_ENDINGS = re.compile(r"(?:ama|om|oj|e|i|u|a)$")


def is_noun_form(word: str) -> bool:
    """:func:`is_inflected_word`, or a case form of a listed -a or -o noun (hladnjače: hladnjača)."""
    if is_inflected_word(word):
        return True
    key = fold(word)
    stem = _NOUN_ENDINGS.sub("", key)
    stems = _stems()
    return stem != key and len(stem) >= 4 and (stem + "a" in stems or stem + "o" in stems)
