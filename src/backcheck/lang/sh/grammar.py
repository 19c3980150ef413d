"""Serbo-Croatian word lists for the name checks, read from ``lang/data/sh.toml``.

The lists are language knowledge (prepositions and the cases they govern, case endings, titles),
so they live in a data file a linguist can read and extend; this module reads it once, on first
use, and hands each list out as an immutable value of the type the code needs: a frozenset for
membership tests, a tuple where ``str.endswith`` or the order matters.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from types import MappingProxyType


@cache
def _tables() -> dict:
    # importlib.resources finds the file in a source tree, a wheel or a zip alike
    return tomllib.loads(files("backcheck.lang").joinpath("data", "sh.toml").read_text(encoding="utf-8"))


@cache
def slavic_suffixes() -> tuple[str, ...]:
    """Endings of Slavic surnames and place names, folded (Kovačić, Oreškovac)."""
    return tuple(_tables()["slavic_suffixes"])


@cache
def noun_endings() -> tuple[str, ...]:
    """Endings that make the other case forms of a noun (Komisija, Komisiji)."""
    return tuple(_tables()["noun_endings"])


@cache
def adjective_endings() -> tuple[str, ...]:
    """Adjectival case endings (Ustavnog, Hrvatskoga)."""
    return tuple(_tables()["adjective_endings"])


@cache
def oblique_endings() -> frozenset[str]:
    """Endings no nominative of a name has: oblique case forms and oblique possessives."""
    t = _tables()
    return frozenset(t["oblique_endings"]) | {
        infix + ending for infix in t["possessive_infixes"] for ending in t["possessive_oblique_endings"]
    }


@cache
def governed_endings() -> frozenset[str]:
    """Endings a preposition before the name shows to be oblique (-a, -u, -e)."""
    return frozenset(_tables()["governed_endings"])


@cache
def genitive_prepositions() -> frozenset[str]:
    """Prepositions that govern the genitive."""
    return frozenset(_tables()["genitive_prepositions"])


@cache
def case_prepositions() -> frozenset[str]:
    """Prepositions that govern an oblique case."""
    return frozenset(_tables()["case_prepositions"])


@cache
def further_endings() -> tuple[str, ...]:
    """Endings added to a consonant-stem nominative in its other cases."""
    return tuple(_tables()["further_endings"])


@cache
def a_stem_only_endings() -> tuple[str, ...]:
    """Endings of -a stem nouns that consonant stems lack in the singular."""
    return tuple(_tables()["a_stem_only_endings"])


@cache
def soft_finals() -> tuple[str, ...]:
    """Final consonants of soft stems (they take -em and -ev-)."""
    return tuple(_tables()["soft_finals"])


@cache
def possessive_endings() -> frozenset[str]:
    """Endings of possessive adjectives (-ov, -ova, -in, ...)."""
    return frozenset(_tables()["possessive_endings"])


@cache
def agreement_endings() -> tuple[str, ...]:
    """Oblique endings a title and the name after it share."""
    return tuple(_tables()["agreement_endings"])


@cache
def oblique_modifier_endings() -> tuple[str, ...]:
    """Endings of adjectives and pronouns in an oblique case."""
    return tuple(_tables()["oblique_modifier_endings"])


@cache
def nominative_titles() -> frozenset[str]:
    """ "Mr", "Mrs", "Ms" in the nominative."""
    return frozenset(_tables()["nominative_titles"])


@cache
def oblique_titles() -> Mapping[str, str]:
    """ "Mr" and "Mrs" in an oblique case, by the gender they decline ("m" or "f")."""
    return MappingProxyType(dict(_tables()["oblique_titles"]))


@cache
def negation() -> Mapping[str, tuple]:
    """Negators that negate nothing a translation must render (expletive negation, idioms,
    litotes): the ``[negation]`` table, each list as a tuple."""
    table = _tables()["negation"]
    return MappingProxyType(
        {key: tuple(tuple(v) if isinstance(v, list) else v for v in value) for key, value in table.items()}
    )


@cache
def serbian_for_croatian() -> MappingProxyType:
    """Croatian stem -> the Serbian stems of the same word (židov: jevrej), folded."""
    return MappingProxyType({k: tuple(v) for k, v in _tables()["serbian_for_croatian"].items()})
