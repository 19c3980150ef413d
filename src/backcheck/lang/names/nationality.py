"""The country a person is introduced as being from, and whether its language spells names with
the letters of a Serbo-Croatian transcription.

News introduces a foreign person with a nationality: "French President Emmanuel Makron",
"Poland's Iga Švjontek", "American guard Majkl Tompson". Such a name is spelled the way the
person's own language spells it, so a č, ć, š, ž or đ in the name of a French, Polish or American
person is the Serbian transcription an MT system copied ("Šolc" for Scholz), while in the name of
a Czech, Slovene or Lithuanian person it is the name's own letter (data: ``sh_name_forms.toml``
[foreign_spelling], country names and languages from CLDR through Babel).
"""

from __future__ import annotations

import re
from functools import cache

from backcheck.lang.text import fold

#: Letters a Serbo-Croatian transcription writes that few alphabets have.
SLAVIC_LETTERS = re.compile(r"[čćšžđČĆŠŽĐ]")
#: How many words before a name a nationality may stand ("Hungarian Foreign Minister Péter ...").
_WINDOW = 6
_TOKEN = re.compile(r"[^\W\d_]+(?:['’]s)?|[^\w\s-]")
#: Words that end the phrase before a name: a nationality beyond them is another person's.
_BOUNDARY = frozenset(
    """and or but said says told with by from than that which who whom as when while against for
    beat beats met meets of to in at on after before over under between""".split()
)


#: CLDR territory codes of groups, not countries (European Union, Eurozone, United Nations).
_GROUPS = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


#: A lower-case word with a verb's ending ends the phrase before the name.
_VERB = re.compile(r"(?:ed|ing|[^s']s)$")


@cache
def _table() -> dict:
    import tomllib
    from importlib.resources import files

    text = files("backcheck.lang").joinpath("data", "sh_name_forms.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)["foreign_spelling"]


@cache
def _words() -> tuple[dict[str, str], dict[str, str]]:
    """(folded English language name -> language code, folded English country name -> its first
    official language, "" when CLDR lists none: the United States)."""
    from babel import Locale
    from babel.languages import get_official_languages

    from backcheck.lang.names.exonyms import _sh_places

    en = Locale("en")
    languages = {fold(name): code.split("_")[0] for code, name in en.languages.items() if " " not in name}
    countries: dict[str, str] = {}
    for code, name in en.territories.items():
        if code.isalpha() and len(code) == 2 and code not in _GROUPS:
            official = get_official_languages(code)
            countries[fold(name)] = official[0].split("_")[0] if official else ""
    for name, code in _table()["countries"].items():
        countries.setdefault(fold(name), code)
    places = _sh_places()
    for english in places.get("exonyms", {}).values():  # America, Britain, England
        countries.setdefault(fold(english), "")
    for demonym, country in places.get("demonyms", {}).items():
        countries.setdefault(fold(demonym), countries.get(fold(country), ""))
    return languages, countries


def language_of(word: str) -> str | None:
    """The language code of the country or nationality ``word`` names ("French": fr, "Poland": pl,
    "American": "", unknown official language), or None when it names none."""
    if not word[:1].isupper():
        return None
    key = fold(word.removesuffix("'s").removesuffix("’s"))
    languages, countries = _words()
    if key in countries:
        return countries[key]
    if key in languages:
        return languages[key]
    from backcheck.lang.names.common_words import is_common_word

    if is_common_word(key):
        return None  # Green is no Greek
    for ending in _table()["endings"]:
        stem = key[: -len(ending)]
        if key.endswith(ending) and len(stem) >= 4:
            found = sorted((c for c in countries if c.startswith(stem)), key=len)
            if found:  # the shortest: American is America's, not American Samoa's
                return countries[found[0]]
    return None


def nationality_before(text: str, start: int) -> str | None:
    """The language of the nationality that introduces the name at ``start`` ("French" in "French
    President Emmanuel Makron"), or None: the nearest country or nationality word in the few words
    before it, no punctuation or clause word between."""
    before = text[max(0, start - 120) : start]
    tokens = _TOKEN.findall(before[before.rfind("\n") + 1 :])  # not across a line
    for k, token in enumerate(reversed(tokens[-_WINDOW:])):
        if not token[:1].isalpha():
            return None
        if token in _BOUNDARY or (token.islower() and _VERB.search(token)):
            return None  # "Indian Raghunathan wins Vrnjačka Banja": the phrase ended
        lang = language_of(token)
        if lang is not None:
            if k == 0 and fold(token) in _words()[1] and not token.endswith("s"):
                return None  # a country's name right before is the name's own word (Mali Lošinj)
            return lang
    return None


#: Words that open an apposition describing the person named before it (", a Greek,"; ", a state
#: secretary at the Hungarian ministry").
_APPOSITION = frozenset({"a", "an", "the"})
#: How many words of an apposition a nationality may stand in.
_APPOSITION_WINDOW = 8


def nationality_after(text: str, end: int) -> str | None:
    """The language of the nationality in an apposition right after the name that ends at
    ``end`` (", a Greek", ", a state secretary at the Hungarian Ministry"), or None. The
    apposition opens with an article and ends at the clause's punctuation; a relative clause
    (", who played for Hungarian side ...") says nothing of the person's own nationality."""
    m = re.match(r", ([^,.;:!?()\n\"“”]+)", text[end : end + 160])
    if m is None:
        return None
    tokens = _TOKEN.findall(m.group(1))
    if not tokens or tokens[0].lower() not in _APPOSITION:
        return None
    for token in tokens[1:_APPOSITION_WINDOW]:
        if token.islower() and _VERB.search(token):
            return None  # a verb (or a plural noun, read so): the apposition became a clause
        lang = language_of(token)
        if lang is not None:
            return lang
    return None


def spells_slavic_letters(lang: str) -> bool:
    """Does this language's Latin alphabet write č, š, ž (a Czech or Slovene name may have them)?"""
    return lang in _table()["hacek_languages"]
