"""A value written the way English news copy writes it, for a suggestion an editor can paste.

House style (AP and Reuters style guides, and the Guardian's): whole numbers under ten in words
("seven"), larger ones in digits with a thousands comma ("1,450"), round millions and billions
with the word ("1.5 million", "2 billion"), a decimal point ("5.2"), a currency sign before the
amount where English has one ("€5 million", "$300"), its name after it otherwise ("300 dinars").
Months and weekdays by their English names.
"""

from __future__ import annotations

_UNDER_TEN = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_SCALES = ((1e9, "billion"), (1e6, "million"))
#: Currency codes English writes as a sign before the amount.
_SIGNS = {"EUR": "€", "USD": "$", "GBP": "£"}
#: Currency codes English writes as a word after the amount (plural).
_NAMES = {
    "RSD": "dinars",
    "HRK": "kuna",
    "BAM": "convertible marks (KM)",
    "CHF": "Swiss francs",
}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _plain(value: float) -> str:
    """Digits with a thousands comma and at most two decimals, trailing zeros dropped."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def render_number(value: float, unit: str | None = None, *, words: bool = True, words_below: int = 10) -> str:
    """``value`` in English house style, with ``unit`` after it (``"percent"``, ``"km"``) or, for
    a currency code (``"EUR"``, ``"RSD"``), the currency written the English way. ``words``:
    whole numbers under ten in words (off for a measurement or an amount: "5 km", "€5");
    ``words_below``: the house's limit (the ``number_words_below`` setting; 0: digits always)."""
    negative, value = value < 0, abs(value)
    text = None
    for scale, name in _SCALES:
        if value >= scale and round(value / scale, 2) * scale == value:
            text = f"{_plain(value / scale)} {name}"
            break
    if text is None:
        small = words and unit is None and value == int(value) and value < min(words_below, 10)
        text = _UNDER_TEN[int(value)] if small else _plain(value)
    if negative:
        text = "minus " + text
    if unit is None:
        return text
    if unit in _SIGNS:
        return _SIGNS[unit] + text
    if unit in _NAMES:
        return f"{text} {_NAMES[unit]}"
    if unit in ("%", "percent"):
        return f"{text} percent"
    return f"{text} {unit}"


def render_weekday(day: int) -> str:
    """1 (Monday) to 7 (Sunday) -> the English weekday."""
    return _WEEKDAYS[(int(day) - 1) % 7]


def render_month(month: int) -> str:
    return _MONTHS[(int(month) - 1) % 12]


def render_time(minutes: float) -> str:
    """Minutes after midnight -> "3 p.m.", "9:30 a.m.", "noon", "midnight"."""
    hour, minute = divmod(int(minutes) % 1440, 60)
    if (hour, minute) == (12, 0):
        return "noon"
    if (hour, minute) == (0, 0):
        return "midnight"
    suffix = "a.m." if hour < 12 else "p.m."
    hour12 = hour % 12 or 12
    return f"{hour12}:{minute:02d} {suffix}" if minute else f"{hour12} {suffix}"
