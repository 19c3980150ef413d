"""A quantity read from text, and when two quantities can denote the same value."""

from __future__ import annotations

from dataclasses import dataclass

from backcheck.lang.numbers.data import en_months
from backcheck.lang.numbers.units import is_rate

#: Values from this one up are shown with thousands separators ("1,500,000"), smaller ones as
#: written ("1500", "2.5").
_GROUPED_DISPLAY_FROM = 1e6
#: "widespread 80s": a plain number at least this high next to a Celsius reading may be the
#: Fahrenheit of American weather copy.
_FAHRENHEIT_PLAIN_MIN = 40
#: Relative tolerance of a unit conversion per dimension (absolute, in degrees, for temperature):
#: news copy rounds converted values.
#: How far a converted measurement may be from its conversion (rounding); a currency is no unit
#: conversion backcheck knows, so another currency never renders it.
_MEASURE_TOLERANCE = {
    "len": 0.12,
    "mass": 0.12,
    "speed": 0.12,
    "area": 0.12,
    "vol": 0.12,
    "energy": 0.12,
    "power": 0.12,
    "temp": 1.5,
    "money": 0.0,
}


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    values: frozenset  #: {(domain, value)}: the readings this text allows
    kind: str  #: amount, percent, date, year, time or count
    word: bool = False  #: spelled out in words
    #: vague or article-like ("one", "thousands", "a dozen"): supports a match, never reported
    weak: bool = False
    #: the reading under the text's own language conventions, shown to an editor
    primary: tuple | None = None

    @classmethod
    def support(cls, start: int, end: int, text: str, value: float) -> Quantity:
        """A count in words that accounts for a number of the other side but is never reported
        itself ("a week" for "sedam dana", "fourballs" for "četiri lopte")."""
        return cls(start, end, text, frozenset({("n", value)}), "count", word=True, weak=True, primary=("n", value))

    @property
    def display(self) -> str:
        domain, value = self.primary or min(self.values)
        if domain == "month":
            return en_months()[int(value) - 1]
        if domain == "time":
            return f"{int(value) // 60:02d}:{int(value) % 60:02d}"
        if domain == "code":
            return str(value)
        return f"{value:g}" if value < _GROUPED_DISPLAY_FROM else f"{value:,.0f}"


def matches(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities can denote the same value: a common reading, or one measurement
    in two unit systems ("250 mm" and "10 inches", "27 stupnjeva" and "80 degrees"). Two
    measurements whose units disagree ("160 km" and "160 miles") are not the same value, though
    their numbers are."""
    if a.values & b.values:
        return not units_disagree(a, b)
    for x, y in ((a, b), (b, a)):
        # "widespread 80s" in American weather copy is Fahrenheit without the unit: it renders
        # "27 stupnjeva"
        if any(d == "temp/m" for d, _ in x.values) and not any("/" in d for d, _ in y.values):
            if any(
                _close(vx, (vy - 32) / 1.8, "temp")
                for dx, vx in x.values
                if dx == "temp/m"
                for dy, vy in y.values
                if dy == "n" and vy >= _FAHRENHEIT_PLAIN_MIN
            ):
                return True
    for da, va in a.values:
        dimension, _, system = da.partition("/")
        if not system:
            continue
        for db, vb in b.values:
            # Only a conversion is rounded: within one unit system the value must be the same.
            if db.startswith(dimension + "/") and db != da and dimension != "money" and _close(va, vb, dimension):
                return True
    return False


def units_disagree(a: Quantity, b: Quantity) -> bool:
    """Both carry a unit and no unit reading is shared or converts: the number kept, the unit
    changed (300 km -> 300 miles, 95 hektara -> 95 acres)."""
    units_a = {(d, v) for d, v in a.values if "/" in d}
    units_b = {(d, v) for d, v in b.values if "/" in d}
    # a rate on both sides is compared as a rate (tonnes per hectare, tonnes per acre); a rate
    # on one side only by its first unit
    both_rates = any(is_rate(d) for d, _ in units_a) and any(is_rate(d) for d, _ in units_b)
    units_a = {(d, v) for d, v in units_a if is_rate(d) == both_rates}
    units_b = {(d, v) for d, v in units_b if is_rate(d) == both_rates}
    if not units_a or not units_b or units_a & units_b:
        return False
    return not any(
        da.split("/")[0] == db.split("/")[0] != "money" and _close(va, vb, da.split("/")[0])
        for da, va in units_a
        for db, vb in units_b
    )


def _close(a: float, b: float, dimension: str) -> bool:
    if dimension == "temp":
        return abs(a - b) <= _MEASURE_TOLERANCE["temp"]
    tolerance = _MEASURE_TOLERANCE.get(dimension.partition(":")[0], 0.0)  # a rate: as its first unit
    return max(a, b) > 0 and abs(a - b) / max(a, b) <= tolerance


def _key(value: float) -> float:
    return float(f"{value:.9g}")
