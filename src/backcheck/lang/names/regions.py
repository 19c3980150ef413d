"""Administrative units a BCMS source names by an adjective, and their English names.

Croatian counties, the cantons of the Federation of Bosnia and Herzegovina and Serbia's districts
are named with an adjective, often a compound of two (Šibensko-kninska županija, Tuzlanski
kanton, Zlatiborski okrug); their official English names use the nouns (Šibenik-Knin County,
Tuzla Canton, Zlatibor District). The stems and names are data (``sh_regions.toml``, with its
sources): a compound adjective's second part (kninska: Knin, goranska: Gorski Kotar) is no
regular derivation that rules could read back.

* :func:`adjective_left`: the adjective kept in English before the unit's noun ("Šibensko-kninska
  County"), with the English name to write;
* :func:`english_name_words`: the words of the English names of the units a source text names,
  so that "Primorje-Gorski Kotar County" is no invented name beside "Primorsko-goranska".
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files

from backcheck.lang.text import fold

#: An adjective's endings after its stem (Šibensko-kninska, -oj, -e, -u, Tuzlanskog, -om ...).
_ENDINGS = r"(?:a|e|i|o|u|oj|om|ome|og|oga|omu|ih|im|ima)"
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@cache
def _units() -> dict[str, tuple[str, str]]:
    """Stem (folded) -> (English name, English noun)."""
    text = files("backcheck.lang").joinpath("data", "sh_regions.toml").read_text(encoding="utf-8")
    out: dict[str, tuple[str, str]] = {}
    for noun, table in tomllib.loads(text).items():
        for stem, english in table.items():
            out[stem] = (english, noun)
    return out


@cache
def _pattern() -> re.Pattern[str]:
    stems = sorted(_units(), key=len, reverse=True)
    return re.compile(rf"^({'|'.join(re.escape(s) for s in stems)}){_ENDINGS}$")


def unit_of(word: str) -> tuple[str, str] | None:
    """(English name, noun) of the unit ``word`` is the adjective of, in any case (Šibensko-kninskoj:
    ("Šibenik-Knin", "County")), or None."""
    m = _pattern().match(fold(word))
    return _units()[m.group(1)] if m else None


def adjective_left(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, English name, noun) of each unit's adjective an English text keeps before the unit's
    noun ("Šibensko-kninska County", "Tuzlanski Canton"): English writes "Šibenik-Knin County"."""
    out = []
    for m in _WORD.finditer(text):
        word = m.group()
        if not word[:1].isupper():
            continue
        unit = unit_of(word)
        if unit is None:
            continue
        english, noun = unit
        after = re.match(rf"\s+{noun}\b", text[m.end() : m.end() + len(noun) + 3], re.I)
        if after is not None and fold(word) != fold(english):
            out.append((m.start(), m.end(), english, noun))
    return out


def english_name_words(source_words: list[str]) -> frozenset[str]:
    """The words (folded) of the English names of the units the source words name by adjective
    (primorsko-goranske: primorje, gorski, kotar)."""
    words: set[str] = set()
    for w in source_words:
        unit = unit_of(w)
        if unit is not None:
            words.update(fold(x) for x in re.split(r"[\s-]+", unit[0]))
    return frozenset(words)


def source_words(text: str) -> list[str]:
    """The words of a source text, hyphenated compounds whole (Primorsko-goranska)."""
    return _WORD.findall(text)
