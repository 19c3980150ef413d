"""Every quantity in a text: the readers of dates, times, digits and words, in order of
precedence (a span one has read is not read again by the next)."""

from __future__ import annotations

import re
from functools import lru_cache

from backcheck.lang.languages import family as language_family
from backcheck.lang.numbers.dates import (
    _AGENCY_TIME,
    _CJK_DATE,
    _CJK_TIME,
    _EN_ONE_UNIT,
    _EN_SPAN_OF_TIME,
    _GAME_CLOCK,
    _NUMERIC_DATE,
    _SH_GAME_CLOCK,
    _TIME,
    _clock,
    _mark_dates,
)
from backcheck.lang.numbers.digits import _MIXED_FRACTION, _NUMBER, _ROMAN, _digits_quantity, _roman
from backcheck.lang.numbers.quantity import Quantity, _key
from backcheck.lang.numbers.units import _AMPM, _HOUR_AFTER, _measures
from backcheck.lang.numbers.words import _extract_words
from backcheck.lang.text import fold, to_latin

#: The largest denominator of a fraction after a whole number ("220 2/3") read as one.
_MAX_MIXED_DENOMINATOR = 10


def extract(text: str, lang: str) -> list[Quantity]:
    """Every quantity in ``text``, in order, with offsets into ``text``."""
    return list(_extract(text, lang))


_KNOCKOUT_ROUND = re.compile(
    r"\b(?:round of|last of|last) (16|32|64|128)\b(?!\s+(?:years?|months?|weeks?|days?|hours?|minutes?|"
    r"seasons?|matches|games|rounds|places|metres|meters|kilometres|km))",
    re.I,
)


@lru_cache(maxsize=4096)
def _extract(text: str, lang: str) -> tuple[Quantity, ...]:
    """:func:`extract`, cached: the number and omission checks read the same sentences."""
    family = language_family(lang)
    found: list[Quantity] = []
    taken = [False] * (len(text) + 1)

    def add(q: Quantity) -> None:
        if any(taken[q.start : q.end]):
            return
        for i in range(q.start, q.end):
            taken[i] = True
        found.append(q)

    # The order is the precedence: dates and times first, then digits, then words.
    _add_dates(text, family, add)
    _add_agency_times(text, add)
    if family == "en":
        # a knockout round named by its number of teams ("round of 16"), which BCMS names by the
        # fraction of the final ("osmina finala", "šesnaestina finala"): no count to match
        for m in _KNOCKOUT_ROUND.finditer(text):
            n = float(m.group(1))
            add(Quantity(m.start(1), m.end(1), m.group(1), frozenset({("n", n)}), "count", weak=True))
    for m in _ROMAN.finditer(text):
        value = _roman(m.group(1))
        if value:
            add(Quantity(m.start(), m.end(), m.group(), frozenset({("n", float(value))}), "count", weak=value == 1))
    _add_times(text, family, add)
    _add_weekdays(text, family, add)
    _add_fractions_and_spans(text, family, add)

    pattern = _NUMBER["en" if family == "en" else "other"]
    for m in pattern.finditer(text):
        found_q = _digits_quantity(text, m, lang, family)
        if found_q:
            add(found_q)
    _extract_words(text, family, add, taken)

    found.sort(key=lambda q: q.start)
    return tuple(_mark_dates(text, found))


def _add_dates(text: str, family: str, add) -> None:
    """Numeric dates ("11. 6. 2023.") and Chinese and Japanese ones ("7月24日")."""
    for m in _NUMERIC_DATE.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        if not (1 <= day <= 31 and 1 <= month <= 12) or (m.group(3) is None and not m.group().endswith(".")):
            continue
        if m.group(3) is None and family == "en":
            continue
        add(Quantity(m.start(1), m.end(1), m.group(1), frozenset({("n", float(day))}), "date"))
        add(Quantity(m.start(2), m.end(2), m.group(2), frozenset({("month", float(month))}), "date"))
        if m.group(3):
            add(Quantity(m.start(3), m.end(3), m.group(3), frozenset({("n", float(m.group(3)))}), "date"))
    for m in _CJK_DATE.finditer(text):
        value = float(m.group(1))
        if m.group(2) == "月" and 1 <= value <= 12:
            add(Quantity(m.start(), m.end(), m.group(), frozenset({("month", value)}), "date"))
        elif m.group(2) in "日号號" and 1 <= value <= 31:
            add(Quantity(m.start(), m.end(), m.group(), frozenset({("n", value)}), "date", primary=("n", value)))


def _add_agency_times(text: str, add) -> None:
    """Chinese and Japanese times of day ("15时50分") and agencies' "1200 GMT"."""
    for m in _CJK_TIME.finditer(text):
        hour = int(m.group(1)) % 24
        minute = 30 if m.group(3) else int(m.group(2) or 0)
        add(Quantity(m.start(), m.end(), m.group(), frozenset(_clock(hour, minute)), "time"))
    for m in _AGENCY_TIME.finditer(text):
        add(
            Quantity(
                m.start(),
                m.end(),
                m.group(),
                frozenset({("time", float(int(m.group(1)) * 60 + int(m.group(2))))}),
                "time",
            )
        )


#: Words after which "14:13" is a time of day, not a score (u, oko, od, do; at, around, from,
#: until, by, before, after).
_TIME_BEFORE = re.compile(
    r"(?:^|[\s(])(?:u|oko|od|do|prije|pre|poslije|posle|nakon|у|око|од|до|пре|после|at|around|about|from|"
    r"until|till|by|before|after|since)\s+$",
    re.I,
)
#: Words after which a pair such as "27:37" is a game clock, not a score.
_CLOCK_BEFORE = {
    "sh": re.compile(r"(?:^|\s)[uу]\s$"),
    "en": re.compile(r"\b(?:at|on|after|in(?: the)?)\s$", re.I),
}


#: English times of day named by a word (noon, midnight): they render "12 sati", "24 sata"
_EN_NAMED_TIME = re.compile(r"\b(?:midnight|noon|midday)\b", re.I)
#: A range of hours whose unit follows the second number only ("od 20 do 24 sata")
_SH_HOUR_RANGE = re.compile(
    r"\b(?:od|оd|од)\s+([01]?\d|2[0-4])\s+(?:do|до)\s+(?:[01]?\d|2[0-4])\s+(?:sat[ai]?|часова|сат[аи]?|h)\b", re.I
)


def _add_times(text: str, family: str, add) -> None:
    """Times of day ("15:30", "15.30 h", "7.30 p.m.") and game clocks ("27:37")."""
    for m in _TIME.finditer(text):
        after = text[m.end() : m.end() + 12]
        hour, minute = int(m.group(1)), int(m.group(2))
        explicit = "." not in m.group() or _HOUR_AFTER.match(after) or _AMPM.match(after)
        if not explicit:
            continue  # "15.30" alone is a decimal
        ampm = _AMPM.match(after)
        end = m.end() + (ampm.end() if ampm else 0)
        values = _clock(hour, minute, ampm.group(1) if ampm else None)
        if ":" in m.group() and not (_HOUR_AFTER.match(after) or ampm or _TIME_BEFORE.search(text[: m.start()])):
            # "14:13" with no word of time before or after it may be a score (a water polo or
            # handball result): its two numbers are readings too, so "14-13" renders it
            values |= {("n", float(hour)), ("n", float(minute))}
        add(
            Quantity(
                m.start(),
                end,
                text[m.start() : end],
                frozenset(values),
                "time",
            )
        )

    for m in _GAME_CLOCK.finditer(text) if family in ("en", "sh") else ():  # "a goal on 27:37"
        # Both languages write scores with a colon too ("28:25", "led 45:41 at half-time"): a pair
        # past the hours of a day is a game clock only after a word of time (BCMS "u", English
        # "at", "on", "after", "in the"); otherwise its two numbers are read as numbers.
        before = text[max(0, m.start() - 10) : m.start()]
        timed = _CLOCK_BEFORE.get(family)
        if timed is None or not timed.search(before):
            continue
        add(
            Quantity(
                m.start(),
                m.end(),
                m.group(),
                frozenset({("time", float(int(m.group(1)) * 60 + int(m.group(2))))}),
                "time",
            )
        )
    if family == "en":
        for m in _EN_NAMED_TIME.finditer(text):  # "from 8 pm to midnight", "at noon"
            minutes = 720.0 if m.group().lower() in ("noon", "midday") else 0.0
            add(
                Quantity(
                    m.start(),
                    m.end(),
                    m.group(),
                    frozenset({("time", minutes), ("time", 1440.0)} if not minutes else {("time", minutes)}),
                    "time",
                    weak=True,
                )
            )
    if family == "sh":
        for m in _SH_HOUR_RANGE.finditer(text):  # "od 20 do 24 sata": both numbers are hours
            hour = int(m.group(1))
            add(Quantity(m.start(1), m.end(1), m.group(1), frozenset(_clock(hour % 24, 0)), "time"))
        for m in _SH_GAME_CLOCK.finditer(text):  # "u 13. minuti i 10. sekundi": 13:10 on the clock
            value = float(int(m.group(1)) * 60 + int(m.group(2)))
            add(Quantity(m.start(), m.end(), m.group(), frozenset({("time", value)}), "time"))


@lru_cache(maxsize=8)
def _weekday_forms(family: str) -> dict[str, int]:
    """Folded weekday forms of a language -> 1 (Monday) to 7, from ``number_words.toml``."""
    from backcheck.lang.numbers.data import weekdays

    rows = weekdays().get(family, [])
    return {fold(form): day for day, row in enumerate(rows, 1) for form in row.split()}


_WORD_TOKEN = re.compile(r"[^\W\d_]+")


def _add_weekdays(text: str, family: str, add) -> None:
    """Weekdays, as a word quantity of their own: only another weekday can contradict one."""
    forms = _weekday_forms(family)
    if not forms:
        return
    for m in _WORD_TOKEN.finditer(text):
        day = forms.get(fold(to_latin(m.group()).text if family == "sh" else m.group()))
        if day is not None:
            # weak in the source: never reported missing ("nedelja" is also a week), but the partner of
            # a changed English weekday
            add(
                Quantity(
                    m.start(),
                    m.end(),
                    m.group(),
                    frozenset({("weekday", float(day))}),
                    "date",
                    word=True,
                    weak=family != "en",
                )
            )


def _add_fractions_and_spans(text: str, family: str, add) -> None:
    """Fractions after a whole number, and English spans of time and units without a digit."""
    for m in _MIXED_FRACTION.finditer(text):  # "220 2/3 innings": 220 and two thirds
        num, den = int(m.group(1)), int(m.group(2))
        if 0 < num < den <= _MAX_MIXED_DENOMINATOR:
            add(Quantity(m.start(), m.end(), m.group(), frozenset({("n", _key(num / den))}), "count"))
    if family == "en":
        # "a quarter of an hour" (15. minuta), "for a week" (sedam dana): support, never reported
        for m in _EN_SPAN_OF_TIME.finditer(text):
            value = {"quarter": 15.0, "half": 30.0}.get((m.group(1) or "").lower(), 7.0)
            add(Quantity.support(m.start(), m.end(), m.group(), value))
        for m in _EN_ONE_UNIT.finditer(text):  # "about a mile away", "half an inch of rain"
            value = 0.5 if m.group(1).lower().startswith("half") else 1.0
            if measures := _measures(text[m.start(2) : m.start(2) + 40], value):
                add(
                    Quantity(
                        m.start(),
                        m.end(),
                        m.group(),
                        frozenset(measures | {("n", value)}),
                        "amount",
                        word=True,
                        weak=True,
                        primary=("n", value),
                    )
                )
