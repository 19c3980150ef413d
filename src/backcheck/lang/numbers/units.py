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
        dimension, factor, system, _ = units()[int(unit.lastgroup[1:])]
        return {(f"{dimension}/{system}", value * factor)}
    return set()


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
    return unit_names()[int(unit.lastgroup[1:])]


def unit_end(text: str, end: int) -> int:
    """Where the unit written after a number that ends at ``end`` ends (``end`` without one)."""
    unit = _unit_pattern().match(text, end)
    return unit.end() if unit and unit.lastgroup else end


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
