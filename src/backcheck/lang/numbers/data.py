"""The number reader's language data (``lang/data/number_words.toml``), read once on first use.

Number words, ordinals, Serbo-Croatian compounds, month names and units are data, not code: a
language is added by adding its tables there. Every accessor is cached, since the tables are
read for every sentence.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

_DATA_FILE = "number_words.toml"


@lru_cache(maxsize=1)
def _tables() -> dict:
    with resources.files("backcheck.lang").joinpath("data").joinpath(_DATA_FILE).open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def words_spec() -> dict[str, dict[str, str]]:
    """Number words per family and type: ``{"en": {"u": "one=1 two=2 ...", ...}, ...}``."""
    return _tables()["words"]


@lru_cache(maxsize=1)
def ordinals() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Ordinal stems ("prv=1 treć=3 ...") and their endings, per family."""
    return {family: (spec["stems"], tuple(spec["endings"])) for family, spec in _tables()["ordinals"].items()}


@lru_cache(maxsize=1)
def sh_combining() -> dict[str, int]:
    """Combining forms of Serbo-Croatian compounds with a number ("dvo" 2, "trinaest" 13)."""
    return dict(_tables()["sh_combining"])


@lru_cache(maxsize=1)
def sh_tens() -> dict[str, int]:
    """Tens, hundreds and thousands a Serbo-Croatian compound may begin with ("trideset" 30)."""
    return dict(_tables()["sh_tens"])


@lru_cache(maxsize=1)
def sh_weak_compounds() -> tuple[str, ...]:
    return tuple(_tables()["sh"]["weak_compounds"])


@lru_cache(maxsize=1)
def sh_exact_scale() -> frozenset[str]:
    return frozenset(_tables()["sh"]["exact_scale"])


@lru_cache(maxsize=1)
def sh_ambiguous_months() -> tuple[str, ...]:
    return tuple(_tables()["sh"]["ambiguous_months"])


def sh_ambiguous_month_numbers() -> dict[str, int]:
    return dict(_tables()["sh"]["ambiguous_month_numbers"])


@lru_cache(maxsize=1)
def joiners() -> frozenset[str]:
    return frozenset(_tables()["joining"]["joiners"])


@lru_cache(maxsize=1)
def en_ordinal_before() -> frozenset[str]:
    return frozenset(_tables()["en"]["ordinal_before"])


@lru_cache(maxsize=1)
def en_months() -> tuple[str, ...]:
    """English month names, January first."""
    return tuple(_tables()["en"]["months"])


@lru_cache(maxsize=1)
def units() -> tuple[tuple[str, float, str, str], ...]:
    """``(dimension, factor to SI, system "m" or "i", pattern)`` per unit, in matching order."""
    return tuple((u["dimension"], float(u["factor"]), u["system"], u["pattern"]) for u in _tables()["units"])


def unit_names() -> tuple[str | None, ...]:
    """The English house-style name of each unit of :func:`units` ("km", "hectares"), by index."""
    return tuple(u.get("english") for u in _tables()["units"])


@lru_cache(maxsize=1)
def currencies() -> tuple[tuple[str, str, str], ...]:
    """``(ISO code, pattern of a sign before the number, pattern of a word after it)`` per
    currency (``[[currencies]]``)."""
    return tuple((c["code"], c["before"], c["after"]) for c in _tables().get("currencies", []))


@lru_cache(maxsize=1)
def weekdays() -> dict[str, list[str]]:
    """Weekday forms per family, Monday first (``[weekdays]``)."""
    return dict(_tables().get("weekdays", {}))
