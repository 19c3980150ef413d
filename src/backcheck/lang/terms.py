"""The English for common Serbo-Croatian words of public life (``lang/data/sh_terms.toml``):
what an editor writes where a translation left "opštini" or "županije" in the English."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files

from backcheck.lang.text import fold, to_latin

#: the longest case ending after a stem (-ama, -ima, -om, -oj, ...)
_ENDING = 3


@cache
def _tables() -> dict:
    return tomllib.loads(files("backcheck.lang").joinpath("data", "sh_terms.toml").read_text(encoding="utf-8"))


def _terms() -> dict[str, str]:
    return dict(_tables()["terms"])


@cache
def _acronyms() -> dict[str, tuple[str, ...]]:
    return {fold(k): tuple(v) for k, v in _tables()["acronyms"].items()}


def acronym_rendered(acronym: str, english: str) -> bool:
    """Does the English render a Serbo-Croatian acronym of public life (JP, MUP: "public
    enterprise", "Interior Ministry"), Latin or Cyrillic, with a case ending after a hyphen or not?"""
    key = fold(to_latin(acronym).text).split("-")[0]
    renderings = _acronyms().get(key, ())
    low = english.lower()
    return any(r in low for r in renderings)


def english_for(word: str) -> str | None:
    """The English rendering of a Serbo-Croatian word (any case form, Latin or Cyrillic), or None.
    The longest matching stem wins ("opštinsk-" municipal over "opštin-" municipality)."""
    key = fold(to_latin(word).text)
    best = None
    for stem, english in _terms().items():
        if key.startswith(stem) and len(key) - len(stem) <= _ENDING and (best is None or len(stem) > len(best[0])):
            best = (stem, english)
    return best[1] if best else None


def acronym_words(acronym: str) -> frozenset[str]:
    """The words of the English renderings of a source acronym (BiH: bosnia, herzegovina, ...)."""
    key = fold(to_latin(acronym).text).split("-")[0]
    return frozenset(w for r in _acronyms().get(key, ()) for w in r.split() if len(w) > 3)
