"""The one table of languages backcheck reads: code → family, scripts, resources.

Every module that needs to know something about a language asks this table; no module keeps a
list of language codes of its own. Adding a source language is one row here plus its data file
under ``lang/data/`` (see ``docs/architecture.md``).

* ``family``: the language whose word lists, number words and declension a variant shares.
  Serbian, Croatian, Bosnian and Montenegrin are the standard variants of one language,
  Serbo-Croatian (``sh``).
* ``wordfreq``: the code of its word-frequency list (wordfreq has one ``sh`` list for the four).
* ``cldr``: Babel/CLDR locales whose names (countries, months, units) are read, preferred first.
* ``segmenter``: ReLDI's model for the Serbo-Croatian variants (``hr`` or ``sr``), else None.
* ``apertium``: the Apertium language (and variant) of the pair with English, when Debian has one:
  ``hbs_SR`` gives the modes ``eng-hbs_SR`` and ``hbs-eng``.
* ``scripts``: the scripts its news is written in.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    family: str
    wordfreq: str
    cldr: tuple[str, ...]
    scripts: tuple[str, ...] = ("Latn",)
    segmenter: str | None = None
    apertium: str | None = None
    source: bool = True  #: accepted by ``--source-lang``


_SH_SCRIPTS = ("Latn", "Cyrl")

LANGUAGES: dict[str, Language] = {
    lang.code: lang
    for lang in (
        Language("sr", "Serbian", "sh", "sh", ("sr_Latn", "hr", "bs"), _SH_SCRIPTS, "sr", "hbs_SR"),
        Language("hr", "Croatian", "sh", "sh", ("hr", "bs", "sr_Latn"), ("Latn",), "hr", "hbs_HR"),
        Language("bs", "Bosnian", "sh", "sh", ("bs", "hr", "sr_Latn"), ("Latn",), "hr", "hbs_BS"),
        # Montenegrin: Apertium has no variant of its own; the Serbian one is the closest standard.
        Language("cnr", "Montenegrin", "sh", "sh", ("sr_Latn", "bs", "hr"), _SH_SCRIPTS, "sr", "hbs_SR"),
        Language("sh", "Serbo-Croatian", "sh", "sh", ("hr", "bs", "sr_Latn"), _SH_SCRIPTS, "hr", None, source=False),
        Language("sl", "Slovenian", "sl", "sl", ("sl",)),
        Language("mk", "Macedonian", "mk", "mk", ("mk",), ("Cyrl",)),
        Language("bg", "Bulgarian", "bg", "bg", ("bg",), ("Cyrl",)),
        Language("ru", "Russian", "ru", "ru", ("ru",), ("Cyrl",)),
        Language("uk", "Ukrainian", "uk", "uk", ("uk",), ("Cyrl",)),
        Language("pl", "Polish", "pl", "pl", ("pl",)),
        Language("cs", "Czech", "cs", "cs", ("cs",)),
        Language("sk", "Slovak", "sk", "sk", ("sk",)),
        Language("de", "German", "de", "de", ("de",)),
        Language("fr", "French", "fr", "fr", ("fr",)),
        Language("it", "Italian", "it", "it", ("it",)),
        Language("es", "Spanish", "es", "es", ("es",)),
        Language("en", "English", "en", "en", ("en",), source=False),
    )
}

#: Spellings people use for the Serbo-Croatian variants, read as their code.
ALIASES = {"me": "cnr", "srp": "sr", "hrv": "hr", "bos": "bs", "sr-latn": "sr", "sr_latn": "sr"}

#: The standard variants of Serbo-Croatian that backcheck checks as a source (sr, hr, bs, cnr).
BCMS: tuple[str, ...] = tuple(code for code, lang in LANGUAGES.items() if lang.family == "sh" and lang.source)
#: Every code read with Serbo-Croatian resources (the variants, ``sh`` and the aliases).
SERBO_CROATIAN_CODES: frozenset[str] = frozenset(
    [code for code, lang in LANGUAGES.items() if lang.family == "sh"] + [a for a, c in ALIASES.items() if c in BCMS]
)
#: South Slavic languages written in Latin script that decline names (BCMS and Slovenian).
SOUTH_SLAVIC_LATIN: frozenset[str] = frozenset(code for code, lang in LANGUAGES.items() if lang.family in ("sh", "sl"))
#: Every language accepted by ``--source-lang`` (besides ``auto``), the BCMS variants first.
SOURCE_LANGS: tuple[str, ...] = tuple(code for code, lang in LANGUAGES.items() if lang.source)


def base_code(lang: str | None) -> str:
    """``sr-Cyrl`` → ``sr``, ``sr_Latn`` → ``sr``, ``ME`` → ``cnr``: the table's code for a tag."""
    low = (lang or "").lower()
    if low in ALIASES:
        return ALIASES[low]
    return low.split("-")[0].split("_")[0]


def family(lang: str | None) -> str:
    """The family whose resources ``lang`` shares (``sh`` for the BCMS variants)."""
    code = base_code(lang)
    return LANGUAGES[code].family if code in LANGUAGES else code


def wordfreq_code(lang: str) -> str:
    return LANGUAGES[lang].wordfreq if lang in LANGUAGES else lang


def cldr_locales(lang: str) -> tuple[str, ...]:
    return LANGUAGES[lang].cldr if lang in LANGUAGES else (lang,)


def is_serbo_croatian(lang: str | None) -> bool:
    return (lang or "") in SERBO_CROATIAN_CODES
