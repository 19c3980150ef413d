"""A town's adjective left in English before an English noun ("the Kragujevačka Grammar School",
"Nikšićki students"): Serbo-Croatian names an institution after its town with the town's adjective
(ktetik), English with the town's name ("Kragujevac Grammar School"). The adjective is read back to
its town by the endings of ``sh_name_forms.toml`` [place_adjectives]; only a town the gazetteer
knows counts."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from typing import Any

from backcheck.lang import lexicon
from backcheck.lang.gazetteer import is_place_as_written
from backcheck.lang.text import fold

#: How often (Zipf) English writes the word after the adjective: an English noun (school, club,
#: Grammar, Hospital), not the source's own (banka, pivara).
_ENGLISH_NOUN_ZIPF = 3.0
#: From this Zipf a word is a function word (to, in, with), no noun; and the rarer prepositions.
_FUNCTION_WORD_ZIPF = 5.8
_PREPOSITIONS = frozenset(
    "near against during between since until towards via without within after before under over across "
    "along around behind beyond from into onto upon amid among despite".split()
)


@cache
def _rules() -> dict[str, Any]:
    text = files("backcheck.lang").joinpath("data", "sh_name_forms.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)["place_adjectives"]


def town_of(adjective: str) -> str | None:
    """The town whose adjective ``adjective`` is (Kragujevačka: Kragujevac), a large city in its
    English name (Beogradska: Belgrade); None where no town or two towns form it."""
    from backcheck.lang.gazetteer import local_main_names

    rules = _rules()
    low = adjective.lower()
    ending = next((e for e in rules["endings"] if low.endswith(e)), None)
    if ending is None:
        return None
    stem = adjective[: len(adjective) - len(ending)]
    if fold(stem) in rules["not_towns"]:
        return None
    towns = {
        stem[: len(stem) - len(suffix)] + base
        for suffix, bases in rules["stems"].items()
        if stem.lower().endswith(suffix)
        for base in bases
    }
    main = local_main_names()
    # a town under its own main name (Kragujevac; not an alternate name in another language), else
    # a large city under its English one (Beograd: Belgrade)
    local = {t for t in towns if len(t) >= 3 and fold(t) in main and is_place_as_written(t)}
    if local:
        return local.pop() if len(local) == 1 else None
    cities = {_english_city(t) for t in towns} - {None}
    return cities.pop() if len(cities) == 1 else None


@cache
def _english_cities() -> dict[str, str]:
    """A large city's name in BCMS (folded) -> its English name (beograd: Belgrade)."""
    from backcheck.lang.names.exonyms import case_stem, city_names

    # a city's own name first (London is London, not the borough of Bexley that also lists it)
    out: dict[str, str] = {case_stem(english): english.title() for english in city_names()}
    for english, stems in city_names().items():
        for stem in stems:
            out.setdefault(stem, english.title())
    return out


def _english_city(name: str) -> str | None:
    """The English name of the large city ``name`` is one of the names of, exactly (Beograd:
    Belgrade; not "Grad", a stem some name of Belgrade shares)."""
    from backcheck.lang.names.exonyms import case_stem, city_exact

    key = fold(name)
    if len(key) < 4 or key not in city_exact():
        return None
    return _english_cities().get(case_stem(key))


def before_english_noun(next_word: str, rest: str = "") -> bool:
    """Is ``next_word`` an English noun English writes often (school, Grammar, students): no
    function word (to, in), no verb (beat, said: ``rest``, the text after it, tells an -ed form), no
    BCMS word (banka, parking), and no street or feature whose name the adjective is (Splitska
    Street, Beogradska Road: a street named after the town, as written)?"""
    from backcheck.lang.bcms_names import is_common_word
    from backcheck.lang.facts import tables as fact_tables
    from backcheck.lang.gazetteer import feature_words
    from backcheck.lang.glosses import translations
    from backcheck.lang.names.forms import _english_verb

    word = next_word.lower()
    return (
        _ENGLISH_NOUN_ZIPF <= lexicon.zipf(word) < _FUNCTION_WORD_ZIPF
        and word not in _PREPOSITIONS
        and not _english_verb(word, rest)
        and word not in fact_tables()["results"]["english_win"]  # "Čukarički beat Sloga": the club itself
        and word not in feature_words()[1]
        and not translations(word, "sh")
        and not is_common_word(word)
    )
