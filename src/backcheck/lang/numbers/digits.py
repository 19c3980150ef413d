"""Numbers written in digits: the separators of each convention, scales and signs after them,
numbers inside names ("A4"), Roman numerals."""

from __future__ import annotations

import re
import unicodedata

from backcheck.lang.languages import family as language_family
from backcheck.lang.numbers.dates import _clock
from backcheck.lang.numbers.quantity import Quantity, _key
from backcheck.lang.numbers.units import (
    _AMPM,
    _CURRENCY_AFTER,
    _CURRENCY_BEFORE,
    _HOUR_AFTER,
    _PERCENT,
    _measures,
    currency,
)
from backcheck.lang.numbers.words import lookup_word

_ORD_SUFFIX = re.compile(r"(st|nd|rd|th)\b", re.I)
_DECADE = re.compile(r"['’]?s\b")
_CJK_SCALE = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8}


def _number_pattern(lang: str) -> re.Pattern:
    # Continental languages group thousands with spaces ("10 000"); English does only with
    # non-breaking or thin spaces, so an ordinary space there separates two numbers.
    space = "\u00a0\u202f\u2009" if language_family(lang) == "en" else " \u00a0\u202f\u2009"
    return re.compile(rf"(?<![\d])\d+(?:(?:[.,]\d+)|(?:[{space}](?=\d{{3}}(?![\d.,]\d))\d{{3}}))*")


_NUMBER = {f: _number_pattern(f) for f in ("en", "other")}
_ROMAN = re.compile(
    r"\b([IVX]{2,}|[IVX](?=e\b|\.?\s+(?:st|vek|vijek|stolj|sigl|siècle|secol|wiek|stolet|век|Jahrh|"
    r"svjetsk|svetsk|светск))|[VX](?=[a-d]\b))"
    # (a branch letter after the numeral: the Pan-European corridors Vc, Xb)
    r"(?:e|er|ème|[a-d])?\b\.?"
)
_ROMAN_VALUE = {"I": 1, "V": 5, "X": 10}
#: The highest Roman numeral read (XXXIX): centuries and ordinals, not years.
_ROMAN_MAX = 39


#: Languages that group thousands with a comma and mark decimals with a point.
_POINT_DECIMAL = {"en", "zh", "ja", "hi", "ko", "th", "he"}


def parse_digits(s: str, lang: str) -> list[float]:
    """The values a digit string may denote: the reading under the language's conventions
    first, then the other convention's reading where the string allows one."""
    s = re.sub(r"[\s\u00a0\u202f\u2009]", "", s)
    seps = [c for c in s if c in ".,"]
    if not seps:
        return [float(s)]
    groups = re.split(r"[.,]", s)
    if len(seps) == 1:
        whole, frac = groups
        if len(frac) == 3 and whole != "0":
            # "1.500" / "1,500": thousands or a decimal. Both readings are kept because a
            # translation may follow either convention.
            grouping = "," if language_family(lang) in _POINT_DECIMAL else "."
            readings = [float(whole + frac), float(f"{whole}.{frac}")]
            return readings if seps[0] == grouping else readings[::-1]
        return [float(f"{whole}.{frac}")]
    if len(set(seps)) == 1:  # "1.500.000", "1,500,000"
        return [float("".join(groups))]
    decimal = seps[-1]
    whole = s[: s.rfind(decimal)].replace(".", "").replace(",", "")
    return [float(f"{whole}.{s[s.rfind(decimal) + 1 :]}")]


#: A fraction after a whole number: "220 2/3".
_MIXED_FRACTION = re.compile(r"(?<=\d )(\d)/(\d{1,2})(?![\d/])")
#: A year and a hyphen before a two-digit number: "1950-53", "2019–20".
_SHORT_YEAR_SPAN = re.compile(r"(?<!\d)(1\d|20)\d\d[-–]$")
_CODE = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff\uff21-\uff3a\uff41-\uff5a]+-?$")
#: Units written as letters before a digit ("km2", "m3"): the digit is an exponent.
_UNIT_EXPONENT = re.compile(r"(?:k?m|cm|mm)$", re.I)


#: How far before a number a name it is written into ("iPhone6") is looked for.
_CODE_BEFORE = 12
#: How far before a number a currency sign, a "6-foot-" or the year of a short span ("1950-") is
#: looked for.
_SIGN_BEFORE = 5
#: How far after a number its scale word, unit or sign is looked for.
_AFTER = 30
#: How far after a number the unit of a measurement (or the end of a range and its unit) is looked for.
_MEASURE_AFTER = 40
#: The highest hour a number followed by "h", "sati", "a.m." is read as.
_MAX_HOUR = 24


def _digits_quantity(text: str, m: re.Match, lang: str, family: str) -> Quantity | None:
    s, end = m.group(), m.end()
    prefix = _CODE.search(text[max(0, m.start() - _CODE_BEFORE) : m.start()])
    if prefix and not prefix.group().endswith("-") and re.fullmatch(r"\d+", s):
        return _code_quantity(m, s, prefix)
    try:
        values = parse_digits(s, lang)
    except ValueError:
        return None
    before = text[max(0, m.start() - _SIGN_BEFORE) : m.start()]
    values, end, kind = _scaled(text, values, end, before, family)
    after = text[end : end + _AFTER]
    domain_values: set[tuple[str, float]] = set()
    if ords := _ORD_SUFFIX.match(after):
        end += ords.end()
    elif re.fullmatch(r"(1\d|20)?\d0", s) and (dec := _DECADE.match(after)) and family == "en":
        # "the 1970s" or "the 70s": other languages often say "the seventies" or "70er"
        end += dec.end()
        kind = "year"
        values = [values[0], values[0] % 100] if values[0] >= 100 else [1900 + values[0], values[0]]
    if (pct := _PERCENT.match(after)) and kind == "count":
        kind = "percent"
        end += pct.end()
    elif kind == "count" and (_CURRENCY_AFTER.match(after) or _CURRENCY_BEFORE.search(before)):
        kind = "amount"
    elif kind == "count" and (hour := _HOUR_AFTER.match(after) or _AMPM.match(after)) and s.isdigit():
        ampm = _AMPM.match(after)
        if int(s) <= _MAX_HOUR:
            domain_values |= _clock(int(s) % 24, 0, ampm.group(1) if ampm else None)
            kind = "time"
            end += hour.end()
    elif kind == "count" and re.fullmatch(r"1\d{3}|20\d\d", s) and end == m.end():
        kind = "year"
    elif (
        kind == "count"
        and re.fullmatch(r"\d\d", s)
        and (first := _SHORT_YEAR_SPAN.search(text, max(0, m.start() - _SIGN_BEFORE), m.start()))
    ):
        # the end of a span of years written short: "1950-53" is 1950 to 1953
        kind = "year"
        values = [float(first.group(1) + s)]
    return _digits_readings(text, m, s, end, before, values, kind, domain_values)


def _code_quantity(m: re.Match, s: str, prefix: re.Match) -> Quantity | None:
    """ "A4", "iPhone6", "G7": a name with a number, compared as written."""
    if _UNIT_EXPONENT.fullmatch(prefix.group()):
        return None
    code = prefix.group() + s
    key = unicodedata.normalize("NFKC", code).lower()  # full-width "Ｊ３" is "J3"
    # the number also counts on its own: "WW1" is the First World War ("Prvi svjetski rat")
    readings = {("code", key), ("n", float(s))}
    if len(s) == 2 and len(prefix.group()) >= 2:
        # a season or fiscal year: "SS19", "FY21" are 2019 and 2021
        readings |= {("n", 1900.0 + int(s)), ("n", 2000.0 + int(s))}
    return Quantity(
        m.start() - len(prefix.group()), m.end(), code, frozenset(readings), "count", primary=("code", code)
    )


def _scaled(text: str, values: list[float], end: int, before: str, family: str) -> tuple[list[float], int, str]:
    """The values multiplied by a scale after the number ("1万", "£125m", "1,5 miliona"), where
    the number ends then, and its kind so far ("amount" after a scale word)."""
    kind = "count"
    after = text[end : end + _AFTER]
    if after[:1] in _CJK_SCALE:
        values = [v * _CJK_SCALE[after[0]] for v in values]
        end += 1
        if rest := re.match(r"\d+", text[end : end + 5]):  # "1万1000" = 11 000
            values = [v + float(rest.group()) for v in values]
            end += rest.end()
        after = text[end : end + _AFTER]
    if _CURRENCY_BEFORE.search(before) and (short := re.match(r"(m|k)\b", after)):
        values = [v * (1e6 if short.group(1) == "m" else 1e3) for v in values]  # "£125m"
        end += 1
        after = text[end : end + _AFTER]
    scale = re.match(r"[\s-]?([^\W\d_]+)\.?", after)
    if scale:
        entry = lookup_word(scale.group(1), family) or lookup_word(scale.group(1), "en")
        if entry and entry[0] == "s":
            values = [v * entry[1] for v in values]
            kind = "amount"
            end += scale.end()
    return values, end, kind


def _digits_readings(
    text: str,
    m: re.Match,
    s: str,
    end: int,
    before: str,
    values: list[float],
    kind: str,
    domain_values: set[tuple[str, float]],
) -> Quantity:
    """The quantity of a number read as ``kind``: its values, the groups of a number written
    with spaces, a time of day it may be, and a measurement after it."""
    domain_values |= {("n", _key(v)) for v in values}
    if re.search(r"\d\s\d", s):  # "0800 555 111": a phone number, or one number grouped by spaces
        domain_values |= {("n", float(g)) for g in s.split()}
    if clock := re.fullmatch(r"([01]?\d|2[0-3])[.:]([0-5]\d)", s):  # "7.55" may be a time of day
        domain_values |= _clock(int(clock.group(1)), int(clock.group(2)))
    weak = all(v == 1 for v in values)  # "1st", "1": as often "one" or "a" as a count
    weak = weak or bool(re.search(r"(?:foot|feet|ft)-$", before))  # the inches of "6-foot-6"
    if measures := _measures(text[end : end + _MEASURE_AFTER], values[0]):
        domain_values |= measures
        kind = "amount" if kind in ("count", "year") else kind
    if kind == "amount" and (code := currency(before, text[end : end + _AFTER])):
        domain_values.add((f"money/{code}", _key(values[0])))
    if kind == "percent":  # "50 posto" may be rendered "half"
        domain_values |= {("n", _key(v / 100)) for v in values}
        weak = weak or values[0] == 100  # "100 percent certain": "u potpunosti"
    return Quantity(
        m.start(), end, text[m.start() : end], frozenset(domain_values), kind, weak=weak, primary=("n", _key(values[0]))
    )


def _roman(numeral: str) -> int | None:
    values = [_ROMAN_VALUE[c] for c in numeral]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if 0 < total <= _ROMAN_MAX else None
