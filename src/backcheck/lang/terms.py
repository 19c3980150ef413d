"""The English for common Serbo-Croatian words of public life (``lang/data/sh_terms.toml``):
what an editor writes where a translation left "opštini" or "županije" in the English."""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache
from importlib.resources import files

from backcheck.lang.text import UPPER, fold, to_latin

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


def kind_acronym(acronym: str) -> bool:
    """An acronym of a kind of body (JKP, JP, DOO, OŠ), Latin or Cyrillic: a common noun before
    the body's name, which English may leave out."""
    key = fold(to_latin(acronym).text).split("-")[0]
    return key in {fold(k) for k in _tables()["acronym_kinds"]["kinds"]}


def acronym_rendered(acronym: str, english: str) -> bool:
    """Does the English render a Serbo-Croatian acronym of public life (JP, MUP: "public
    enterprise", "Interior Ministry"), Latin or Cyrillic, with a case ending after a hyphen or not?"""
    key = fold(to_latin(acronym).text).split("-")[0]
    renderings = _acronyms().get(key, ())
    low = english.lower()
    return any(r in low for r in renderings)


def is_loanword(word: str) -> bool:
    """Is the word (any case form, Latin or Cyrillic) a Serbo-Croatian word English dictionaries
    list as English (ćevapi, rakija, gusle, sevdalinka: ``sh_terms.toml`` [loanwords])?"""
    key = fold(to_latin(word).text)
    return any(
        key.startswith(stem) and len(key) - len(stem) <= _ENDING
        for stem in _tables().get("loanwords", {}).get("stems", ())
    )


def glossed(text: str, end: int) -> bool:
    """Is the word ending at ``end`` followed by a category noun that glosses it ("the šargija
    lute", "the dvojnice double flute": ``sh_terms.toml`` [classifiers]), a source word the
    translator kept on purpose?"""
    word = re.search(r"[^\W\d_]+$", text[:end])
    if word is None or _NOT_A_NOUN.search(word.group().lower()):
        return False  # an adjective or a case form (istorijski instrument, festivalu festival): a word left
    if _APPOSITION.match(text, end):
        return True  # explained in apposition: "the mekteb, the local religious school"
    m = _NEXT_WORDS.match(text, end)
    if m is None:
        return False
    nouns = frozenset(_tables().get("classifiers", {}).get("nouns", ()))
    if m.group(1) in nouns:
        return True
    # the noun after an adjective ("double flute"), not after a function word ("riznica for
    # festival guests": the word after "for" glosses nothing)
    return m.group(2) in nouns and m.group(1) not in _FUNCTION_WORDS


#: English prepositions, articles, conjunctions and possessives: no adjective of a classifier.
_FUNCTION_WORDS = frozenset(
    "for of to in on at by with from during without under over after before about into through "
    "across against among between and or but nor the a an as than this that these those its their "
    "his her our your my".split()
)


#: An apposition that explains the word before it: a comma, an article and a short noun phrase
#: that closes with a comma, a full stop or the sentence's end ("the mekteb, the local Islamic
#: religious school, ...").
_APPOSITION = re.compile(r", (?:the|a|an) (?:[\w'-]+ ){0,4}[a-z'-]+(?=[,.;]|$)")


#: Endings of an adjective or an oblique case: a cultural item kept is a noun in its nominative.
_NOT_A_NOUN = re.compile(r"(?:ski|čki|ški|ni|ne|na|no|iv|ima|ama|om|og|oj|em|u)$")
#: The word after another, and the one after that (an adjective before the noun: double flute).
_NEXT_WORDS = re.compile(r" ([a-z]+)(?: ([a-z]+))?")


def english_for(word: str) -> str | None:
    """The English rendering of a Serbo-Croatian word (any case form, Latin or Cyrillic), or None.
    The longest matching stem wins ("opštinsk-" municipal over "opštin-" municipality)."""
    key = fold(to_latin(word).text)
    best = None
    for stem, english in _terms().items():
        if key.startswith(stem) and len(key) - len(stem) <= _ENDING and (best is None or len(stem) > len(best[0])):
            best = (stem, english)
    return best[1] if best else None


def phrase_at(text: str, start: int) -> tuple[int, str] | None:
    """A two- or three-word name of a kind of institution that English translates ("Dom
    zdravlja": health centre) beginning at ``start``: its end and its English, or None."""
    words = list(re.finditer(r"[^\W\d_]+", text[start : start + 60]))
    for stems, english in _tables().get("phrases", {}).items():
        parts = stems.split()
        if len(words) < len(parts) or words[0].start() != 0:
            continue
        if all(
            (key := fold(to_latin(w.group()).text)).startswith(p) and len(key) - len(p) <= _ENDING
            for w, p in zip(words, parts)
        ):
            return start + words[len(parts) - 1].end(), english
    return None


def acronym_words(acronym: str) -> frozenset[str]:
    """The words of the English renderings of a source acronym (BiH: bosnia, herzegovina, ...)."""
    key = fold(to_latin(acronym).text).split("-")[0]
    return frozenset(w for r in _acronyms().get(key, ()) for w in r.split() if len(w) > 3)


#: An acronym in brackets after the capitalised words it stands for ("the Prosecutor's Office for
#: Organised Crime (TOK)"): the words, with "for", "of", "and", "the" between them.
_EXPANSION = re.compile(r"((?:[A-ZČĆŠŽĐ][\w’'-]*\s+(?:(?:for|of|and|the|on)\s+)*){1,8})\(([A-ZČĆŠŽĐА-Я]{2,8})\)")
#: How many content words of an expansion another sentence must have to render the acronym.
_EXPANSION_WORDS = 2


@lru_cache(maxsize=8)
def english_expansions(text: str) -> dict[str, frozenset[str]]:
    """Acronyms the English text itself expands, each with the content words of its expansion
    (TOK: prosecutor's, office, organised, crime)."""
    out: dict[str, set[str]] = {}
    for m in _EXPANSION.finditer(text):
        words = {w.lower() for w in re.findall(r"[\w’'-]+", m.group(1)) if len(w) > 3 and w[:1].isupper()}
        out.setdefault(fold(m.group(2)), set()).update(words)
    return {k: frozenset(v) for k, v in out.items()}


def expansion_rendered(acronym: str, sentence: str, text: str) -> bool:
    """Does the English sentence render the source acronym with the words the English text
    expands it with elsewhere ("Organised Crime Prosecutor's Office" for TOK, which the article
    expands as "the Prosecutor's Office for Organised Crime (TOK)")?"""
    words = english_expansions(text).get(fold(to_latin(acronym).text).split("-")[0])
    if not words:
        return False
    found = {w.lower() for w in re.findall(r"[\w’'-]+", sentence)}
    return len(words & found) >= min(_EXPANSION_WORDS, len(words))


def title_abbreviations(text: str) -> list[tuple[int, int, str]]:
    """(start, end, English) of each BCMS abbreviated title kept before a name ("vlč. Josip
    Mikić": Father; ``sh_terms.toml`` [title_abbreviations])."""
    table = _tables()["title_abbreviations"]
    alternatives = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w.])(?:{alternatives})(?=\s+[{UPPER}])")
    return [(m.start(), m.end(), table[m.group()]) for m in pattern.finditer(text)]
