"""What follows a number: units of measurement (converted to SI), percent and currency signs,
hours. Unit names and factors are data (``lang/data/number_words.toml``)."""

from __future__ import annotations

import re
from functools import lru_cache

from backcheck.lang.numbers.data import currencies, unit_names, units
from backcheck.lang.text import to_latin


@lru_cache(maxsize=1)
def _unit_pattern() -> re.Pattern:
    """Every unit of the data file, each a named group ``u<index>``, tried in the file's order."""
    return re.compile(r"[\s-]?(?:" + "|".join(f"(?P<u{i}>{rx})" for i, (_, _, _, rx) in enumerate(units())) + ")", re.I)


_CELSIUS = re.compile(r"\s?(°\s?C\b|stup\w*|stepen\w*|степен\w*|Celsius\w*|celzij\w*)", re.I)
_FAHRENHEIT = re.compile(r"\s?(°\s?F\b|Fahrenheit)", re.I)
_DEGREES = re.compile(r"\s?(°|degrees?\b)", re.I)
_RANGE = re.compile(r"\s*(?:to|do|-|–|and|i|or|ili)\s*\d[\d.,]*")


def _measures(after: str, value: float) -> set[tuple[str, float]]:
    """Readings of ``value`` as a measurement, from the unit written after it (or after the
    end of a range: "2 to 4 inches")."""
    if any("\u0400" <= c <= "\u04ff" for c in after):
        after = to_latin(after).text
    unit_pattern = _unit_pattern()
    if (rng := _RANGE.match(after)) and not unit_pattern.match(after) and not _DEGREES.match(after):
        after = after[rng.end() :]
    if _CELSIUS.match(after):
        return {("temp/m", value)}
    if _FAHRENHEIT.match(after):
        return {("temp/i", (value - 32) / 1.8)}
    if _DEGREES.match(after):  # "80 degrees": Fahrenheit in American copy, Celsius elsewhere
        return {("temp/m", value), ("temp/i", (value - 32) / 1.8)}
    if (unit := unit_pattern.match(after)) and unit.lastgroup:
        if unit.group().strip(" -") == "KM":
            # capital KM after an amount is Bosnia's convertible mark, not kilometres (km)
            return {("money/BAM", value)}
        dimension, factor, system, _ = units()[_unit_index(unit)]
        readings = {(f"{dimension}/{system}", value * factor)}
        if per := _per_unit(after, unit.end()):
            # a rate ("7 tona po hektaru"): its reading is "mass:area"; a conversion in either
            # unit makes it imperial, so that only a conversion is rounded
            per_dimension, per_factor, per_system, _ = units()[_unit_index(per)]
            rate_system = "m" if system == per_system == "m" else "i"
            readings.add((f"{dimension}:{per_dimension}/{rate_system}", value * factor / per_factor))
        elif seconds := _per_time(after, unit.end()):
            # a flow or speed per unit of time ("210 kubnih metara u sekundi", "per minute")
            readings.add((f"{dimension}:time/{system}", value * factor / seconds))
        return readings
    return set()


#: What joins the two units of a rate: "tonnes per hectare", "tona po hektaru", "€ a litre", "t/ha".
_PER = re.compile(r"\s*(?:/|(?:per|an?|po|na|each)\s)\s*", re.I)


def _per_unit(text: str, end: int) -> re.Match | None:
    """The unit of a rate's denominator written at ``end`` ("per acre", "po hektaru"), or None."""
    if not (per := _PER.match(text, end)):
        return None
    unit = _unit_pattern().match(text, per.end())
    return unit if unit and unit.lastgroup and unit.group().strip(" -") != "KM" else None


def _unit_index(unit: re.Match) -> int:
    """The index in :func:`units` of the unit a match of the unit pattern found (group "u<index>")."""
    return int((unit.lastgroup or "u0")[1:])


#: A unit of time after a rate's joiner, in seconds ("u sekundi", "per minute", "dnevno").
_PER_TIME = re.compile(
    r"\s*(?:(?:/|(?:per|an?|po|na|u|each)\s)\s*(?:(?P<s>sekund\w*|seconds?|sec\b|s\b)|(?P<m>minut\w*|min\b)|"
    r"(?P<h>sat[au]?\b|času\b|hours?|h\b)|(?P<d>dan\b|danu\b|day\b))|\s*(?P<daily>dnevno|daily)\b)",
    re.I,
)
_SECONDS = {"s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0, "daily": 86400.0}
_TIME_NAMES = {1.0: "second", 60.0: "minute", 3600.0: "hour", 86400.0: "day"}


def _per_time(text: str, end: int) -> float | None:
    """The seconds of the unit of time a rate is measured per, written at ``end``, or None."""
    m = _PER_TIME.match(text, end)
    return _SECONDS[m.lastgroup] if m and m.lastgroup else None


def is_rate(dimension: str) -> bool:
    """Whether a reading's dimension is a rate of two units ("mass:area/m")."""
    return ":" in dimension.partition("/")[0]


@lru_cache(maxsize=1)
def _currency_patterns() -> tuple[tuple[str, re.Pattern, re.Pattern], ...]:
    return tuple(
        (code, re.compile(rf"(?:{before})\s?$"), re.compile(rf"[\s-]?(?:{after})", re.I))
        for code, before, after in currencies()
    )


def currency(before: str, after: str) -> str | None:
    """The ISO code of the currency of an amount, from the sign written before its number
    ("€5") or the word after it and its scale ("5 miliona dinara", "5 KM"), or None."""
    if any("\u0400" <= c <= "\u04ff" for c in after):
        after = to_latin(after).text + after
    for code, sign, word in _currency_patterns():
        if sign.search(before) or word.match(after):
            return code
    return None


def currency_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of an amount with its currency: a sign just before ``start``, a currency word
    just after ``end``."""
    for _code, sign, word in _currency_patterns():
        if m := sign.search(text, max(0, start - 4), start):
            start = m.start()
        if m := word.match(text, end):
            end = m.end()
    return start, end


def unit_name(text: str, end: int) -> str | None:
    """The English name of the unit written after a number that ends at ``end`` ("km" for
    "kilometara", "hectares" for "ha"), or None."""
    if any("\u0400" <= c <= "\u04ff" for c in text[end : end + 30]):
        text, end = to_latin(text[end : end + 30]).text, 0
    unit = _unit_pattern().match(text, end)
    if not unit or not unit.lastgroup or unit.group().strip(" -") == "KM":
        return None
    name = unit_names()[_unit_index(unit)]
    if name and (per := _per_unit(text, unit.end())) and (per_name := unit_names()[_unit_index(per)]):
        return f"{name} per {_singular(per_name)}"
    if name and (seconds := _per_time(text, unit.end())):
        return f"{name} per {_TIME_NAMES[seconds]}"
    return name


def _singular(name: str) -> str:
    return name[:-1] if name.endswith("s") and not name.endswith("ss") else name.replace("feet", "foot")


def unit_end(text: str, end: int) -> int:
    """Where the unit written after a number that ends at ``end`` ends, with the unit of a rate
    ("7 tonnes per acre"); ``end`` without one."""
    latin = to_latin(text[end : end + 40])
    unit = _unit_pattern().match(latin.text)
    if not unit or not unit.lastgroup:
        return end
    per = _per_unit(latin.text, unit.end()) or _PER_TIME.match(latin.text, unit.end())
    stop = per.end() if per else unit.end()
    return end + latin.original_range(0, stop)[1] if stop else end


_PERCENT = re.compile(
    r"\s?(%|percent\b|per\s?cent\b|percentage\s+points?\b|posto\b|odsto\b|procen\w*|postot\w*|"
    r"посто\b|одсто\b|процен\w*|посто\w*|prozent\w*|pour\s?cent\b|por\s?ciento\b|per\s?cento\b|"
    r"procent\w*|процент\w*)",
    re.I,
)
_CURRENCY_AFTER = re.compile(
    r"\s?(€|\$|£|eur\w*|evr\w*|евр\w*|dolar\w*|долар\w*|dollar\w*|доллар\w*|dinar\w*|динар\w*|"
    r"kun[aie]?\b|KM\b|konvertibiln\w*|mara?k\w*|fran\w*|funt\w*|pound\w*|rub\w*|руб\w*|yen\b|jen\w*|"
    r"yuan\b|juan\w*|rupee\w*|rupij\w*|złot\w*|zlot\w*|korun\w*|korony?\b|USD|EUR|RSD|BAM|HRK|GBP|CHF)",
    re.I,
)
_CURRENCY_BEFORE = re.compile(r"(€|\$|£|¥|USD|EUR|RSD|BAM|GBP|CHF)\s?$")
_HOUR_AFTER = re.compile(
    r"\s?(h\b|sati\b|sata\b|sat\b|časova\b|časa\b|čas\b|часова\b|сати\b|сата\b|uhr\b|heures?\b|horas?\b|ore\b|"
    r"godzin\w*|hodin\w*|час\w*|GMT\b|UTC\b|CET\b|CEST\b|local\s+time\b)",
    re.I,
)
_AMPM = re.compile(r"\s?([ap])\.?\s?m\b\.?", re.I)
