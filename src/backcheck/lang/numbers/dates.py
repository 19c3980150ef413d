"""Month names (CLDR through Babel, with the case forms news uses), times of day and dates."""

from __future__ import annotations

import dataclasses
import re
from functools import cache, lru_cache

from backcheck.lang.languages import cldr_locales
from backcheck.lang.languages import family as language_family
from backcheck.lang.numbers.data import en_months, sh_ambiguous_months
from backcheck.lang.numbers.quantity import Quantity
from backcheck.lang.text import fold, to_latin


def reads_all_months(lang: str) -> bool:
    """Whether month names are read in every form a text uses (BCMS: cases and adjectives)."""
    return language_family(lang) in ("sh", "en")


#: Families whose month names are read (their case forms are added in :func:`_months`).
_MONTH_FAMILIES = frozenset({"sh", "en", "de", "fr", "es", "it", "pl", "cs", "ru"})
#: Serbo-Croatian month names are read from every variant's locale, the Cyrillic ones ("sr",
#: "bs_Cyrl") included; the languages table lists the Latin locales each variant reads exonyms
#: from, so this list stays here. Other families read their own locale (languages.cldr_locales).
_SH_MONTH_LOCALES = ("sr_Latn", "hr", "bs", "sr", "bs_Cyrl")


def _month_locales(family: str) -> tuple[str, ...]:
    """The Babel locales whose month names are read for ``family`` (none when not read)."""
    if family not in _MONTH_FAMILIES:
        return ()
    return _SH_MONTH_LOCALES if family == "sh" else cldr_locales(family)


#: Languages that write month names in lower case: a capitalised form there is a name (Maja).
_LOWERCASE_MONTHS = {"sh", "fr", "es", "it", "pl", "cs", "ru"}


@cache
def _months(family: str) -> dict[str, int]:
    """Folded month-name forms -> month number, from CLDR, with the case endings news uses."""
    from babel.dates import get_month_names

    table: dict[str, int] = {}
    for locale in _month_locales(family):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names("wide", context, locale).items():
                base = _month_key(name, family)
                forms = {base}
                if family == "sh":
                    # Case forms: "juna", "junu", "septembra", "srpnju", "veljači", "studenom".
                    stems = [base]
                    if base.endswith("ar"):
                        stems.append(base[:-2] + "r")
                    if base[-1] in "aeiou":
                        stems.append(base[:-1])
                    forms |= {
                        stem + ending for stem in stems for ending in ("", "a", "u", "om", "ome", "oga", "i", "e")
                    }
                elif family == "ru" and base[-1] in "ья":
                    forms.add(base[:-1] + "е")  # prepositional: "в январе"
                elif family in ("pl", "cs") and context == "format" and base.endswith("a"):
                    forms.add(base[:-1] + "u")  # locative: "w maju", "v březnu"
                for form in forms:
                    table.setdefault(form, number)
    if family == "en":
        for number, name in enumerate(en_months(), 1):
            table[name[:3].lower() + "."] = number
        table["sept."] = 9
    return table


@cache
def _sh_month_adjectives() -> tuple[tuple[str, int], ...]:
    """Stems of BCMS adjectives made from month names ("junsk-", "oktobarsk-", "ožujsk-",
    "lipanjsk-"), from the nominative names CLDR gives."""
    from babel.dates import get_month_names

    stems: dict[str, int] = {}
    for locale in ("sr_Latn", "hr", "bs"):
        for number, name in get_month_names("wide", "stand-alone", locale).items():
            base = fold(name, "sr")
            candidates = [base + "sk", base + "ovsk"]
            if base.endswith("i"):  # juni -> junsk-, studeni -> studensk-
                candidates.append(base[:-1] + "sk")
            if base.endswith("ak"):  # ožujak -> ožujsk-
                candidates.append(base[:-2] + "sk")
            if base.endswith("ac"):  # prosinac -> prosinačk-
                candidates.append(fold(name[:-1] + "čk", "sr"))
            if base.endswith("a"):  # veljača -> veljačk-
                candidates.append(base[:-1] + "k")
            for stem in candidates:
                stems.setdefault(stem, number)
    return tuple(sorted(stems.items(), key=lambda kv: -len(kv[0])))


def _month_key(word: str, family: str) -> str:
    # Diacritics are dropped only for BCMS, where they are often omitted; in Polish they tell
    # a month from a verb ("maja" May, "mają" they have).
    return fold(word, "sr") if family == "sh" else word.lower()


_SH_TIME_WORD = re.compile(
    r"\b(u|od|do|tijekom|tokom|krajem|početkom|sredinom|prošlog|prošloga|ovog|ovoga|"
    r"idućeg|sljedećeg|mjesec|mjeseca)\s+$",
    re.I,
)
#: ... or after a word in lower case that neither links nor says ("a rainy May", "the March
#: figures"): the verb opens a sentence, and the name (Theresa May) follows a verb or "and"
_MAY_AFTER_WORD = re.compile(r"\b(?!(?:and|or|to|with|said|says|told|asked|thanked|met|according)\s)[a-z]+\s+$")
_MAY_CONTEXT = re.compile(
    r"\b(in|of|since|until|till|by|early|late|mid|last|next|this|from|on|between|through|for|during|before|after|"
    r"throughout|into)\s+$",
    re.I,
)


#: Words longer than this are tried as BCMS month adjectives ("junski"): shorter ones are too
#: often other words that begin like a month's stem.
_MONTH_ADJECTIVE_MIN = 5
#: The highest day of a month: a larger number next to a month name is not its day.
_MAX_DAY = 31
_POSSESSIVE = re.compile(r"['’]s$")


@lru_cache(maxsize=65536)
def _month_number(key: str, family: str) -> int | None:
    """The month a word (its :func:`_month_key`) names, whatever its context."""
    number = _months(family).get(key)
    if number is None and family == "sh" and len(key) > _MONTH_ADJECTIVE_MIN:
        # month adjectives: "junski sastanak" (the June meeting), "ožujskim izborima"
        number = next((n for stem, n in _sh_month_adjectives() if key.startswith(stem)), None)
    return number


def _month_at(text: str, m: re.Match, family: str) -> int | None:
    word = _POSSESSIVE.sub("", m.group()) if family == "en" else m.group()  # "June's meeting"
    table = _months(family)
    key = _month_key(word, family)
    if family == "en" and text[m.end() : m.end() + 1] == "." and key + "." in table:
        return table[key + "."]
    number = _month_number(key, family)
    if number is None:
        return None
    if family == "en":
        if not word[0].isupper():
            return None
        if word in ("May", "March"):  # also a verb: a month only next to a date or a preposition
            before, after = text[max(0, m.start() - 20) : m.start()], text[m.end() : m.end() + 4]
            if not (
                re.match(r"\s*\d", after)
                or re.search(r"\d(st|nd|rd|th)?\s+(of\s+)?$", before)
                or _MAY_CONTEXT.search(before)
                or _MAY_AFTER_WORD.search(before)
            ):
                return None
    elif family in _LOWERCASE_MONTHS and word[0].isupper() and re.match(r"\s+[A-ZČĆŠŽĐА-ЯЂЈЉЊЋЏ]", text[m.end() :]):
        return None  # a first name before a surname (Marta Kos, Maja Ilić), even opening a sentence
    elif family in _LOWERCASE_MONTHS and word[0].isupper() and m.start() > 0:
        # A capitalised month is a name (Maja), unless a preposition of time shows a month
        # written with a capital against the rule ("u Novembru"); after a day number it is the
        # name of what a date names (the shipyard 3. Maj, Trg 1. Maja)
        before = to_latin(text[max(0, m.start() - 30) : m.start()]).text
        if not (family == "sh" and _SH_TIME_WORD.search(before)):
            return None
    elif family == "sh" and key.startswith(sh_ambiguous_months()):
        # Croatian "kolovoz" (August) is Serbian for a roadway: a month only next to a day or
        # year number or after a word that introduces a time ("u kolovozu", "krajem kolovoza").
        before, after = text[max(0, m.start() - 30) : m.start()], text[m.end() : m.end() + 6]
        if not (re.search(r"\d\.?\s*$", before) or re.match(r"\s*\d", after) or _SH_TIME_WORD.search(before)):
            return None
    return number


_TIME = re.compile(r"(?<![\d.,:])([01]?\d|2[0-3])(?:[:.]|\s?h\s?)([0-5]\d)(?![\d])")
#: Chinese and Japanese dates and times: "7月24日", "15时50分", "9点半".
_CJK_DATE = re.compile(r"(\d{1,2})\s?([月日号號])")
_CJK_TIME = re.compile(r"(\d{1,2})\s?[时時点點](?:(\d{1,2})\s?分|(半))?")
#: "1200 GMT": a four-digit time of day, as agencies write it.
_AGENCY_TIME = re.compile(r"(?<![\d.,:])([01]\d|2[0-3])([0-5]\d)(?=\s?(?:GMT|UTC|CET|CEST|hours|hrs)\b)")
_NUMERIC_DATE = re.compile(r"(?<![\d.,])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:1[89]|20)\d\d)?\.?(?![\d])")


def _clock(hour: int, minute: int, ampm: str | None = None) -> set[tuple[str, float]]:
    """Readings of a time of day; without a.m./p.m. a morning hour may also be the evening's."""
    if ampm:
        hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
        return {("time", float(hour * 60 + minute))}
    readings = {("time", float(hour * 60 + minute))}
    if hour < 12:
        readings.add(("time", float((hour + 12) * 60 + minute)))
    return readings


#: A game clock past the hours of a day: "27:37" (times of day up to 23:59 are read as such,
#: with the same value). BCMS writes scores with a colon ("28:25"): there only after "u" (at).
_GAME_CLOCK = re.compile(r"(?<![\d.,:])(2[4-9]|[3-9]\d):([0-5]\d)(?![\d:])")
#: A game clock in words: "u 13. minuti i 10. sekundi" is 13:10.
_SH_GAME_CLOCK = re.compile(
    r"(?<![\d.])(\d{1,2})\.\s?(?:minut|минут)\w*\s+(?:i|и)\s+(\d{1,2})\.\s?(?:sekund|секунд)\w*", re.I
)
#: Spans of time English names without a digit, which other languages count: "the quarter-hour
#: mark", "half an hour" (minutes), "a week" (often "sedam dana").
_EN_SPAN_OF_TIME = re.compile(r"\b(?:(quarter|half)(?:[- ]hour\b|\s+(?:of\s+)?an\s+hour\b)|(?:a|one)\s+week\b)", re.I)
#: One unit, or half of one, written with the article: "a mile", "half an inch".
_EN_ONE_UNIT = re.compile(
    r"\b(half\s+an?|an?)\s+(?=mile|inch|foot|yard|pound|gallon|acre|kilomet|met(?:er|re))"
    r"(\w+)",
    re.I,
)


def _mark_dates(text: str, found: list[Quantity]) -> list[Quantity]:
    """A day number next to a month name is part of a date ("11. juna", "June 11", "11 June")."""
    out = list(found)
    for k, q in enumerate(found):
        if q.kind == "date" or q.word:
            continue
        values = {v for d, v in q.values if d == "n"}
        if not any(1 <= v <= _MAX_DAY and v == int(v) for v in values):
            continue
        for other in (found[k - 1] if k else None, found[k + 1] if k + 1 < len(found) else None):
            if other is None or not any(d == "month" for d, _ in other.values):
                continue
            lo, hi = sorted((q.end, other.start)) if other.start >= q.end else (other.end, q.start)
            if re.fullmatch(r"[\s.,]*(of\s+|the\s+)?", text[lo:hi]):
                out[k] = dataclasses.replace(q, kind="date")
                break
    return out
