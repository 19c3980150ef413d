"""Is an English token a name left in a Serbo-Croatian form, and what is its nominative?

One analysis serves the name checks (with and without the source). For a capitalised English
token it lists every *reading*: a nominative the token could be a form of under the declension
tables of ``lang/data/sh_name_forms.toml`` (case endings of the three stem classes,
sibilarisation, the fleeting a, possessive adjectives, feminine surnames). Each reading gets
*evidence* (:class:`Evidence`): does the article write the base elsewhere, does English or a
gazetteer know the base, does it have the shape of a Slavic surname, is the token itself an
English word or a place, does the English preposition before it ask for that case, does the
name next to it carry the same ending. A logistic model whose weights are fitted on the tune
split (``scripts/fit_name_forms.py``, weights and provenance in
``lang/data/name_forms_model.json``) turns the evidence into the probability that the reading
is right; the token's probability is its best reading's.
"""

from __future__ import annotations

import json
import math
import re
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

from backcheck.lang import lexicon
from backcheck.lang.sh import grammar
from backcheck.lang.text import fold


@dataclass(frozen=True)
class Reading:
    """One way to read a token as a form of a nominative ``base``."""

    base: str
    ending: str
    form: str  #: genitive, dative-locative, accusative, instrumental, vocative, plural, possessive, feminine
    change: str = ""  #: a sound change undone: "k>c", "fleeting a", "-o stem", "-a stem", "-ski"


@dataclass(frozen=True)
class Context:
    """What the article says around one occurrence of the token."""

    previous_word: str = ""  #: the English word right before, lower case ("in", "of")
    neighbour: str = ""  #: a capitalised word right before or after (a full name's other part)
    initial: bool = False  #: the first word of its sentence
    next_lower: bool = False  #: followed by a lower-case word (a possessive adjective's noun)
    neighbour_after: bool = False  #: the neighbour follows (the token is a first name: Ivana Horvat)
    hyphenated: bool = False  #: joined by a hyphen to another word (Ednan-Laperouse, al-Moualem)
    #: said to someone: at the start of a sentence or quotation, or after a comma, and followed by
    #: a comma, "!" or "?" ("Grgo, come in", "Thank you, Marko!"); a vocative needs it
    address: bool = False
    #: the name the token makes with its neighbour, in the order written ("Bijelo Polje")
    compound: str = ""
    #: the first word of a name followed by a lower-case word and its acronym in brackets: an
    #: institution named in its own language ("Hrvatske autoceste (HAC)")
    institution: bool = False
    next_noun: bool = False  #: followed by a lower-case word that is no function word (plan, not will)
    #: after a noun that heads a place's name (Rijeka Crnojevića, Trg Republike: a fixed genitive)
    #: or before an English one (Besac Fortress, Varadin Bridge)
    in_feature_name: bool = False
    diacritics: bool = False  #: the text writes ć or č (so an -ić name is never spelled -ic there)
    #: the other one-word names of a list the token is in ("from Brač, Hvar, Šolta and Pelješac")
    conjuncts: tuple[str, ...] = ()
    #: the word before that list ("in" for "in Pljevlja, Berane or Rožaje")
    list_preposition: str = ""
    #: followed by an English verb (said, added, is, warned) or the end of a clause: no noun
    next_verb: bool = False
    place_apposition: bool = False  #: after "the village of", "the town of": a place's own name
    #: followed by a lower-case word English does not write: a name kept in the source language,
    #: which capitalises its first word only (Naša stranka, Bolje sestre)
    next_foreign: bool = False
    #: the subject of its clause: the name (with its other part) opens a sentence or a clause and a
    #: finite verb follows it ("Paola Egonu stood", "while Đere lost"): a nominative
    subject: bool = False
    #: the lower-case word after it (after a space), if any
    next_word: str = ""


_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
#: What may stand before the first word of a sentence or of a quotation.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[\"“„«(]\s*|\n\s*)$")


def context_at(text: str, start: int, end: int) -> Context:
    """The context of the word ``text[start:end]``: the checks and the fitting script both read it
    here, so that the model sees at run time what it was fitted on."""
    before = list(_WORD.finditer(text, max(0, start - 60), start))
    after = _WORD.search(text, end, end + 60)
    prev = before[-1] if before else None
    previous_word = prev.group().lower() if prev and text[prev.end() : start] == " " else ""
    neighbour, neighbour_after = "", False
    neighbour_before = bool(prev and prev.group()[0].isupper() and text[prev.end() : start] == " ")
    if prev and neighbour_before:
        neighbour = prev.group()
    if after and after.group()[0].isupper() and text[end : after.start()] == " ":
        neighbour, neighbour_after = after.group(), True
    next_lower = bool(after and after.group()[0].islower() and text[end : after.start()] == " ")
    # a possessive adjective's noun, not a verb or function word after a name ("Dragovo will")
    next_noun = next_lower and after is not None and lexicon.zipf(after.group().lower()) < _FUNCTION_WORD_ZIPF
    initial = bool(_SENTENCE_START.search(text[max(0, start - 5) : start]))
    # (or an en dash: a route between two places, Kamenari–Lepetani, names each in its nominative)
    hyphenated = text[start - 1 : start] in ("-", "–") or text[end : end + 1] in ("-", "–")
    stop = after.end() if neighbour_after and after else end  # the full name's end
    # (after a comma, not a name before it: "Kralje, Konjuhe, Gornji Lug" is a list, no address)
    address = bool(_ADDRESS_AFTER.match(text, stop)) and (
        initial
        or (text[max(0, start - 2) : start] == ", " and not _after_a_listed_name(text, start))
        or previous_word == "dear"
    )
    compound = ""
    if neighbour:
        compound = f"{text[start:end]} {neighbour}" if neighbour_after else f"{neighbour} {text[start:end]}"
    from backcheck.lang.text import in_quoted_title

    # a quoted title ("Linea Adriatica") is written as its owner writes it: an institution's name
    institution = bool(_INSTITUTION_AFTER.match(text, end)) or in_quoted_title(text, start, end)
    return Context(
        previous_word,
        neighbour,
        initial,
        next_lower,
        neighbour_after,
        hyphenated,
        address,
        compound,
        institution,
        next_noun,
        _in_feature_name(text, start, end, prev.group() if prev and neighbour_before else ""),
        _writes_diacritics(text),
        _conjuncts(text, start, end),
        _list_preposition(text, start, end),
        (
            next_lower
            and after is not None
            and _english_verb(after.group().lower(), text[after.end() : after.end() + 30])
        )
        # (or "'s": the English possessive of the name itself, Jovanov's proposal)
        or bool(re.match(r"\s*(?:[,.;:!?()'’]|$)", text[end : end + 2])),
        previous_word == "of" and len(before) >= 2 and before[-2].group().lower() in _PLACE_NOUNS,
        next_lower and after is not None and lexicon.zipf(after.group().lower()) < lexicon.UNKNOWN_ZIPF,
        _subject(text, prev.start() if prev and neighbour_before else start, stop),
        after.group() if next_lower and after is not None else "",
    )


#: Words that open a clause whose subject follows them.
_CLAUSE_OPENERS = frozenset("while whereas but when because although though since that where as if until once".split())


def _subject(text: str, start: int, end: int) -> bool:
    """Is the name at ``text[start:end]`` the subject of a clause: at the start of a sentence, of a
    clause after a comma or a conjunction, and followed by a finite verb?"""
    from backcheck.lang.facts import tables as fact_tables

    after = re.match(r" ([a-z]+)\b", text[end : end + 40])
    if after is None:
        return False
    word = after.group(1)
    verbs = fact_tables()["english_verbs"]
    finite = (
        (word in verbs["auxiliaries"] and word not in ("be", "been", "being", "do"))
        or word in verbs["irregular"]
        or (word in _SAYS and word not in ("and", "or", "but"))
        or (word.endswith("ed") and _english_verb(word, text[end + after.end() : end + after.end() + 30]))
    )
    if not finite:
        return False
    head = text[max(0, start - 30) : start]
    opener = re.search(r"([^\W\d_]+) $", head)
    return bool(
        _SENTENCE_START.search(text[max(0, start - 5) : start])
        or head.endswith(", ")
        or (opener and opener.group(1).lower() in _CLAUSE_OPENERS)
    )


def _english_verb(word: str, rest: str) -> bool:
    """An English verb right after a name: an auxiliary, a past or present of a verb of saying,
    an -ed form not before a noun it qualifies (said, is, warned, added, says; not "disjointed
    side")."""
    from backcheck.lang.facts import tables as fact_tables

    verbs = fact_tables()["english_verbs"]
    if word in verbs["auxiliaries"] or word in verbs["irregular"] or word in _SAYS:
        return True
    if not word.endswith("ed"):
        return False
    following = re.match(r" ([a-z]+)", rest)
    return following is None or lexicon.zipf(following.group(1)) >= _FUNCTION_WORD_ZIPF


#: Present tenses of verbs of saying after a name ("Kovačev says", "Pejin believes"), and the
#: conjunctions that end a name in a list ("Ivana Ranđelov and ...").
_SAYS = frozenset(
    "says adds tells believes thinks claims insists notes explains warns argues announces confirms denies "
    "rejects accuses demands urges proposes responds replies and or but".split()
)


#: What joins two names of a list, and a capitalised word alone (no full name's other part).
_LIST_JOIN = r"(?:, | and | or |, and |, or )"
_CONJUNCT_BEFORE = re.compile(r"(?<![\w\-’'])([A-ZČĆŠŽĐ][^\W\d_]+)" + _LIST_JOIN + "$")
_CONJUNCT_AFTER = re.compile(_LIST_JOIN + r"([A-ZČĆŠŽĐ][^\W\d_]+)(?![\w\-’'])")


def _conjuncts(text: str, start: int, end: int) -> tuple[str, ...]:
    """The other names of a list of one-word names the word at ``text[start:end]`` is in, or ()
    when it is in none. A name written with another capitalised word next to it (a full name, a
    two-word place) ends the list, whose words may then be of another kind."""
    return _list_around(text, start, end)[0]


def _list_preposition(text: str, start: int, end: int) -> str:
    """The English word before the list the word is in, lower case ("in" for "in Pljevlja,
    Berane or Rožaje"), or ""."""
    conjuncts, first = _list_around(text, start, end)
    if not conjuncts:
        return ""
    before = re.search(r"([^\W\d_]+) $", text[max(0, first - 30) : first])
    return before.group(1).lower() if before else ""


@lru_cache(maxsize=4096)
def _list_around(text: str, start: int, end: int) -> tuple[tuple[str, ...], int]:
    """The other names of the token's list, and where the list begins."""
    found: list[str] = []
    pos = start
    while m := _CONJUNCT_BEFORE.search(text, max(0, pos - 40), pos):
        if re.search(r"[A-ZČĆŠŽĐ][^\W\d_]* $", text[max(0, m.start() - 30) : m.start()]):
            break
        found.append(m.group(1))
        pos = m.start()
    first = pos
    pos = end
    while m := _CONJUNCT_AFTER.match(text, pos):
        if re.match(r" [A-ZČĆŠŽĐ]", text[m.end() :]):
            break
        found.append(m.group(1))
        pos = m.end()
    return tuple(found), first


@lru_cache(maxsize=8)
def _writes_diacritics(text: str) -> bool:
    """Whether the text writes ć or č: once per text (a string keeps its hash), not per word."""
    return "ć" in text or "č" in text


def _in_feature_name(text: str, start: int, end: int, before: str) -> bool:
    from backcheck.lang.gazetteer import feature_words

    after = _WORD.search(text, end, end + 30)
    if after and text[end : after.start()] == " " and after.group().lower() in feature_words()[1]:
        return True
    if (
        after
        and text[end : after.start()] == " "
        and after.group()[:1].isupper()
        and fold(text[start:end]).endswith("ica")
        and lexicon.zipf(after.group().lower()) < 2.0
        and _bcms_word(after.group())
    ):
        return True  # a family's genitive before the BCMS noun of its place (Karajukića Bunari)
    if before and _first_name_or_its_case(before):
        return False  # a first name before a surname, in its case too (Marka Bjelića: Marko Bjelić's)
    if fold(text[start:end]).endswith("ica") and before[:1].isupper() and _known_place(before):
        return True  # a place named with its family's genitive (Žabljak Crnojevića)
    # after a capitalised common noun of BCMS (Trg, Zbor, Dom): the fixed genitive of a name
    # (Rijeka Crnojevića, Zbor Palanke, Trg Republike)
    nominative_noun = not before.lower().endswith(_OBLIQUE_ADJECTIVE)  # Zbor, Trg, Rijeka; not Gornjem
    if before.endswith(("'s", "’s")):
        return False  # an English possessive before the name (Podgorica's Budućnosti) heads nothing
    if before[:1].isupper() and len(before) >= 3 and fold(before) in genitive_prepositions():
        return True  # a name that opens with a preposition governs its genitive (Kod Šarana, Iza Grada)
    return bool(before) and (
        fold(before) in _toponym_heads()
        or (nominative_noun and lexicon.zipf(before.lower()) < 2.0 and (_bcms_word(before) or _bcms_stem(before)))
    )


def _first_name_or_its_case(word: str) -> bool:
    """Is ``word`` a first name of the region (Marko; Faker's Croatian and Slovene lists) or its
    genitive, dative or accusative (Marka, Marku)?"""
    from backcheck.lang.names.foreign_persons import is_own_first_name

    if is_own_first_name(word):
        return True
    return fold(word).endswith(("a", "u", "e")) and any(is_own_first_name(word[:-1] + e) for e in ("o", ""))


def _after_english_feature(context: Context) -> bool:
    """Does the word follow, capitalised, an English noun of a natural feature (Mount, Lake, Cape:
    ``sh_places.toml`` [features] before)? English writes the feature's name in its nominative."""
    from backcheck.lang.gazetteer import feature_words

    return (
        bool(context.neighbour)
        and not context.neighbour_after
        and context.previous_word in _NATURAL_FEATURES
        and context.previous_word in feature_words()[0]
    )


#: Nouns of natural features among the words before a name: a building's (Hotel, Palace) may name
#: its owner in the genitive
_NATURAL_FEATURES = frozenset({"mount", "mountain", "lake", "river", "cape", "island", "bay", "gulf", "hill"})


def _bcms_stem(word: str) -> bool:
    """A longer common word a BCMS hunspell dictionary inflects (Elektroprivreda Republike Srpske:
    the company's own name, whose genitive is right), which FreeDict may lack."""
    from backcheck.lang.bcms_names import is_bcms_name, is_inflected_word

    return len(word) >= 7 and not is_bcms_name(word) and is_inflected_word(word.lower())


#: endings of an adjective in an oblique case (u Gornjem Milanovcu, Novog Sada): the word after it
#: is declined with it, not a fixed genitive
_OBLIQUE_ADJECTIVE = ("em", "om", "oj", "og", "oga", "ome", "omu", "ih", "im", "ima", "u", "i", "e")


#: wordfreq Zipf from which a lower-case word is a function word or auxiliary (the, to, will, was)
_FUNCTION_WORD_ZIPF = 5.8


_INSTITUTION_AFTER = re.compile(r" [a-zčćšžđ]+(?: [a-zčćšžđ]+)? \([A-ZČĆŠŽĐ]{2,6}\)")


_ADDRESS_AFTER = re.compile(r"\s*[,!?]")
#: A capitalised word and the comma before the token.
_NAME_BEFORE_COMMA = re.compile(r"\b[A-ZČĆŠŽĐ][\w'’-]*, $")


def _after_a_listed_name(text: str, start: int) -> bool:
    """Is the word at ``start`` the next item of a list of names ("Kralje, Konjuhe")? A capitalised
    word before the comma that does not open its sentence or quotation ("Yes, Marko, come in" is
    an address)."""
    m = _NAME_BEFORE_COMMA.search(text, max(0, start - 40), start)
    return m is not None and not _SENTENCE_START.search(text[max(0, m.start() - 5) : m.start()])


@cache
def _tables() -> dict[str, Any]:
    text = files("backcheck.lang").joinpath("data", "sh_name_forms.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _cap(token: str, text: str) -> str:
    """``text`` with the token's capitalisation (RIJECI -> RIJEKA, Rijeci -> Rijeka)."""
    return text.upper() if token.isupper() and len(token) > 1 else text


@lru_cache(maxsize=65536)
def readings(token: str) -> tuple[Reading, ...]:
    """Every nominative ``token`` could be a Serbo-Croatian form of, longest ending first."""
    t = _tables()
    out: list[Reading] = []
    low = token.lower()

    def stem_for(ending: str, min_stem: int = 3) -> str | None:
        if ending and low.endswith(ending) and len(token) - len(ending) >= min_stem:
            return token[: len(token) - len(ending)]
        return None

    soft = grammar.soft_finals()
    for ending, form in t["consonant"].items():
        if ending == "em" and (stem := stem_for(ending)) is not None and not stem.lower().endswith(soft):
            continue  # -em is the instrumental of soft stems only (Vučićem; al-Moualem is no case form)
        if (stem := stem_for(ending)) is not None and stem[-1].isalpha() and stem[-1].lower() not in "aeiou":
            out.append(Reading(_cap(token, stem), ending, form))
            if len(stem) >= 4 and (final := _fleeting_final(stem, t["fleeting_a"]["finals"])):
                out.append(Reading(_cap(token, stem[:-final] + "a" + stem[-final:]), ending, form, "fleeting a"))
                voiced = t["fleeting_a"]["voicing"].get(stem[-final - 1].lower())
                if voiced and stem[-final].lower() in "ck":  # Šapcu: Šabac
                    base = stem[: -final - 1] + voiced + "a" + stem[-final:]
                    out.append(Reading(_cap(token, base), ending, form, "fleeting a"))
            if stem.lower().endswith(tuple(t["glide"]["vowel_stem"])) and ending[0] in "aeiou":
                out.append(Reading(stem[:-1], ending, form, "glide j"))
        if form == "vocative" and stem is not None and stem[-1].lower() in t["palatalisation"]:
            original = t["palatalisation"][stem[-1].lower()]
            out.append(Reading(_cap(token, stem[:-1] + original), ending, form, f"{original}>{stem[-1].lower()}"))
    for ending, form in t["a_stem"].items():
        if (stem := stem_for(ending, min_stem=2)) is not None:
            out.append(Reading(_cap(token, stem + "a"), ending, form, "-a stem"))
            if stem.lower().endswith(tuple(t["glide"]["a_stem"])):
                # -ia, -ea, -ya take a glide j before the endings (Russia -> Rusiji, Korea -> Koreji)
                out.append(Reading(_cap(token, stem[:-1] + "a"), ending, form, "glide j"))
            last = stem[-1].lower()
            if (
                form == "dative-locative"
                and last in t["sibilarisation"]
                and stem[-2:-1].lower() in t["sibilarisation"]["after"]
            ):
                original = t["sibilarisation"][last]
                out.append(Reading(_cap(token, stem[:-1] + original + "a"), ending, form, f"{original}>{last}"))
    for ending, form in t["i_stem"].items():
        if ending != "suffixes" and (stem := stem_for(ending)) is not None:
            if stem.lower().endswith(tuple(t["i_stem"]["suffixes"])):
                out.append(Reading(_cap(token, stem), ending, form, "i stem"))
    for ending, nominative in t["plural_towns"].items():
        if (stem := stem_for(ending)) is not None and stem[-1].lower() not in "aeiou":
            out.append(Reading(_cap(token, stem + nominative), ending, "plural", f"plural -{nominative}"))
    for ending, form in t["o_stem"].items():
        if (stem := stem_for(ending)) is not None and stem[-1].lower() not in "aou":
            # a vowel e or i before -o stays (Ohio -> Ohiu, Sergio -> Sergia)
            out.append(Reading(_cap(token, stem + "o"), ending, form, "-o stem"))
    for ending, form in t["adjectival"].items():
        if (
            ending != "stems"
            and (stem := stem_for(ending)) is not None
            and stem.lower().endswith(tuple(t["adjectival"]["stems"]))
        ):
            out.append(Reading(_cap(token, stem + "i"), ending, form, "adjective"))
    out.extend(_possessives(token, low, t))
    out.extend(_feminines(token, low, t))
    out.extend(_respellings(token))
    # a base in an oblique form of an -ić name (Bogetića) is itself a case form: no nominative
    # a base of three letters only for a short first name (Eme Jurišić: Ema, Ane: Ana)
    unique = {
        (r.base, r.form): r
        for r in out
        if (len(r.base) >= 4 or (len(r.base) == 3 and r.change == "-a stem" and _short_first_name(r.base)))
        and r.base != token
        and not r.base.lower().endswith(_OBLIQUE_IC)
    }
    return tuple(sorted(unique.values(), key=lambda r: -len(r.ending)))


def _fleeting_final(stem: str, finals: list[str]) -> int:
    """The length of the final consonant a fleeting a stood before (Kragujevc: 1, Omišlj: 2, for
    lj), where a consonant precedes it; else 0."""
    low = stem.lower()
    for final in sorted(finals, key=len, reverse=True):
        if low.endswith(final) and len(low) > len(final) and low[-len(final) - 1] not in "aeiouj":
            return len(final)
    return 0


def transcribed_particles(text: str) -> list[tuple[int, int, str]]:
    """(start, end, the original) of each transcribed particle before a surname (fon der Lajen)."""
    table = _tables()["particles"]
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, table)) + r")\s+(?:(?:der|den|dem|zu)\s+)?[A-ZČĆŠŽĐ]")
    return [(m.start(1), m.end(1), table[m.group(1)]) for m in pattern.finditer(text)]


def source_declension(nominative: str) -> tuple[frozenset[str], frozenset[str]]:
    """The oblique forms the source gives a nominative by its ending, folded: those no other
    nominative has (Ušće: Ušćem; Slatine: Slatinama; Vinkovci: Vinkovaca), and those that are
    such a form only after a preposition that takes the genitive (iz Slatina, oko Ušća)."""
    low = fold(nominative)
    tables = _tables()

    def forms(table: dict[str, Any]) -> frozenset[str]:
        for key, endings in sorted(table.items(), key=lambda kv: -len(kv[0])):
            if key != "prepositions" and low.endswith(key) and len(low) > len(key) + 2:
                return frozenset(low[: -len(key)] + e for e in endings)
        return frozenset()

    return forms(tables["source_declension"]), forms(tables["source_declension_genitive"])


def a_stem_source_forms(nominative: str) -> tuple[frozenset[str], frozenset[str]]:
    """The forms an -a nominative has in the source and no masculine base does, folded: its
    genitive (-e), to be read after a preposition that takes the genitive, and its dative-locative
    (-i, sibilarised: Rijeka, Rijeci), after one that takes the locative (iz Svilaje, u Topli)."""
    low = fold(nominative)
    if not low.endswith("a") or len(low) < 4:
        return frozenset(), frozenset()
    stem = low[:-1]
    sibilant = _tables()["sibilarisation"]
    locatives = {stem + "i"}
    for written, base in sibilant.items():
        if len(written) == 1 and stem.endswith(base):
            locatives.add(stem[:-1] + written + "i")
    return frozenset({stem + "e"}), frozenset(locatives)


@cache
def locative_prepositions() -> frozenset[str]:
    """Prepositions after which an -a stem's -i is its dative-locative (u, na, o, prema, ...)."""
    return frozenset(_tables()["a_stem_source_forms"]["locative_prepositions"])


@cache
def genitive_prepositions() -> frozenset[str]:
    """Prepositions that take the genitive, folded (iz, od, oko, ...)."""
    return frozenset(_tables()["source_declension_genitive"]["prepositions"])


def _short_first_name(base: str) -> bool:
    """A first name of three letters in -a that a BCMS dictionary lists (Ema, Ana, Iva, Eva)."""
    from backcheck.lang.bcms_names import is_bcms_name

    return base[:1].isupper() and base[1:].islower() and is_bcms_name(base)


#: Letters and pairs Serbian Latin spelling never writes (q, w, x, y, double letters, accented
#: letters, sz, cs, ch, th ...): a word with one is spelled some other language's way, not
#: transcribed (Pravopis srpskoga jezika, 2010, § 1: "piši kao što govoriš").
_NOT_SERBIAN = re.compile(r"[qwxy]|([a-zčćšžđ])\1|[^a-zčćšžđ'’-]|sz|cs|zs|ch|ph|th|ck", re.I)


def _serbian_spelling(token: str) -> bool:
    # an acronym (CZIP) is spelled letter by letter, not transcribed
    return _NOT_SERBIAN.search(token) is None and not (token.isupper() and len(token) > 1)


def _respellings(token: str) -> list[Reading]:
    """English names the token may spell the Serbian way (Makron -> Macron)."""
    from backcheck.lang.names.respelling import respellings

    # the candidates the token transcribes most closely (Bajden: Biden, not Baden): which English
    # name it stands for is the transcription's question; the model weighs only whether it is one
    if not _serbian_spelling(token):
        return []  # Serbian writes no double letters, q, w, x or y: Mozzart is no transcription
    from backcheck.lang.names.respelling import similarity

    found = respellings(token)
    best = max((score for _, score in found), default=0.0)
    # a spelling matched only with a case vowel after it (Livaja: "Livaj" for Levi, declined) is a
    # case form of the transcription: marked, for a nominative is then no such spelling
    return [
        Reading(
            word,
            "",
            "respelling",
            ("declined " if token[-1:].lower() == "a" and similarity(token[:-1], word) >= score else "")
            + f"similarity {score:.2f}",
        )
        for word, score in found
        if score >= best
    ]


def _possessives(token: str, low: str, t: dict[str, Any]) -> list[Reading]:
    out = []
    for infix, stem_class in t["possessive"].items():
        if infix == "endings":
            continue
        for adjective in t["possessive"]["endings"]:
            ending = infix + adjective
            if low.endswith(ending) and len(token) - len(ending) >= 3:
                stem = token[: len(token) - len(ending)]
                base = stem + "a" if stem_class == "a_stem" else stem
                out.append(Reading(_cap(token, base), ending, "possessive"))
                if stem_class == "consonant" and _name_listed(_cap(token, stem + "o")):
                    # the possessive of an -o name drops its o (Fico: Ficova vlada, Marko: Markov)
                    out.append(Reading(_cap(token, stem + "o"), ending, "possessive", "-o stem"))
                if stem_class != "a_stem" and stem.lower().endswith(tuple(t["glide"]["vowel_stem"])):
                    # -i and -y stems take a glide j (Sainsbury -> Sainsburyjev)
                    out.append(Reading(_cap(token, stem[:-1]), ending, "possessive", "glide j"))
    return out


def _feminines(token: str, low: str, t: dict[str, Any]) -> list[Reading]:
    out = []
    for suffix, masculine in t["feminine"].items():
        if suffix == "oblique":
            continue
        for oblique in ("", *t["feminine"]["oblique"]):
            ending = suffix[:-1] + oblique if oblique else suffix
            if low.endswith(ending) and len(token) - len(ending) >= 3:
                stem = token[: len(token) - len(ending)]
                change = f"-{masculine}" if masculine else ""
                out.append(Reading(_cap(token, stem + masculine), ending, "feminine", change))
                if not masculine and stem.lower().endswith(tuple(t["glide"]["vowel_stem"])):
                    # -i and -y stems take a glide j (Meloni -> Melonijeva)
                    out.append(Reading(_cap(token, stem[:-1]), ending, "feminine", "glide j"))
                if oblique:  # the feminine surname itself declined: Petrovoj -> Petrova
                    out.append(Reading(_cap(token, stem + suffix), ending, "feminine", "oblique"))
    return out


# --- evidence -------------------------------------------------------------------------------------

#: A source form this many times in one article, never with another ending, is the name itself:
#: a declined form is one case of several, which its sentences rarely all share (al-Moualem).
INVARIANT_REPEATS = 3

#: Endings of feminine surnames in their nominative (Zakharova, Ivanova, Kowalska).
_FEMININE_SHAPES = ("ova", "eva", "ina", "ska", "cka")

#: Forms, in the order of the model's one-hot features.
FORMS = (
    "genitive",
    "dative-locative",
    "accusative",
    "instrumental",
    "vocative",
    "plural",
    "possessive",
    "feminine",
    "respelling",
)
#: Letters Serbian spelling has and English spelling does not.
_SLAVIC_LETTERS = frozenset("čćšžđ")


def _without_foreign_accents(word: str) -> str:
    """``word`` without the accents Serbo-Croatian does not write (Aréna: arena), for looking it
    up in the English lexicon; č, ć, š, ž, đ stay (a word with them is no English word)."""
    if word.isascii():
        return word
    return "".join(
        c
        if c in _SLAVIC_LETTERS
        else "".join(d for d in unicodedata.normalize("NFD", c) if not unicodedata.combining(d))
        for c in word
    )


@cache
def _surname_suffixes() -> tuple[str, ...]:
    return tuple(fold(s) for s in _tables()["surnames"]["suffixes"])


@cache
def _prepositions() -> dict[str, frozenset[str]]:
    return {form: frozenset(words) for form, words in _tables()["prepositions"].items()}


def evidence(
    token: str, reading: Reading, context: Context, in_article: Callable[[str], bool], nominative: bool = False
) -> dict[str, float]:
    """The features of one reading (names as in the model file); ``in_article(base)`` says
    whether the article writes ``base`` itself as a name, ``nominative`` whether it writes the
    token as part of a full name whose other word never goes with a base (Maria Zakharova)."""
    from backcheck.lang.bcms_names import is_bcms_name
    from backcheck.lang.gazetteer import is_place, is_place_as_written, other_name_of

    base_zipf = lexicon.zipf(reading.base.lower())
    low_token = token.lower()
    token_zipf = lexicon.zipf(_without_foreign_accents(low_token))
    neighbour_agrees = bool(context.neighbour) and any(
        r.ending == reading.ending for r in readings(context.neighbour) if r.form == reading.form
    )
    features = {
        "bias": 1.0,
        "base_in_article": float(in_article(reading.base)),
        "base_english": min(base_zipf, 6.0) / 6.0,
        # as written: a base with č, š, ž is no place GeoNames writes without them (Tološa: Tolosa)
        # (a respelling's base is a name English writes: a BCMS village is none, Murine for Murino)
        "base_place": float(is_place_as_written(reading.base, local=reading.form != "respelling")),
        "base_surname": float(fold(reading.base).endswith(_surname_suffixes())),
        # -ić surnames never change in the nominative (Vukotić, Jelena Vukotić): -ića is oblique
        "base_ic": float(fold(reading.base).endswith("ic") and reading.form != "feminine"),
        # -ova, -eva, -ina, -ska are also feminine nominatives (Zakharova, Ivanova, Kowalska)
        "token_feminine_shape": float(low_token.endswith(_FEMININE_SHAPES)),
        "base_bcms_name": float(is_bcms_name(reading.base)),
        "token_english": min(token_zipf, 6.0) / 6.0,
        # a place as written; not when only another language's name of the base's city (Latvian
        # "Zagreba", "Osijeka"), which is what the BCMS genitive of that city looks like
        "token_place": float(is_place(token) and not other_name_of(token, reading.base)),
        "preposition": float(context.previous_word in _prepositions().get(reading.form, frozenset())),
        "neighbour_agrees": float(neighbour_agrees),
        "in_full_name": float(bool(context.neighbour) and not neighbour_agrees and not context.neighbour_after),
        # a first name before a surname in the nominative: a name of its own (Ivana Horvat)
        "first_name_of_nominative": float(bool(context.neighbour) and not neighbour_agrees and context.neighbour_after),
        "initial": float(context.initial),
        "nominative_in_article": float(nominative),
        "possessive_noun": float(reading.form == "possessive" and context.next_lower),
        "sound_change": float(
            bool(reading.change) and reading.change not in ("-a stem",) and reading.form != "respelling"
        ),
        "respelling_similarity": float(reading.change.split()[-1]) if reading.form == "respelling" else 0.0,
        # the token spells the English name exactly as a Serbian transcription does (Makron, Šolc)
        "respelling_exact": float(reading.form == "respelling" and float(reading.change.split()[-1]) >= 0.99),
        # an English dictionary of names or pronunciations (SCOWL, CMUdict) knows the base (Scholz)
        "base_name_list": float(_name_listed(reading.base)),
        # a BCMS dictionary lists the token itself (Zorica, Ivana: names of their own)
        "token_bcms_name": float(is_bcms_name(token)),
        "slavic_letters": float(any(c in _SLAVIC_LETTERS for c in low_token)),
        "ending_length": len(reading.ending) / 4.0,
    }
    # the evidence that decides most cases: a known base, and a token nothing knows
    base_known = max(
        features["base_in_article"],
        features["base_place"],
        features["base_bcms_name"],
        float(base_zipf >= lexicon.KNOWN_ZIPF),
    )
    token_unknown = float(token_zipf < lexicon.UNKNOWN_ZIPF and not features["token_place"])
    features["base_known"] = base_known
    features["token_unknown"] = token_unknown
    features["known_base_unknown_token"] = base_known * token_unknown
    for form in FORMS:
        features[f"form_{form}"] = float(reading.form == form)
    return features


def _name_listed(base: str) -> bool:
    from backcheck.lang.names.common_words import is_proper_noun
    from backcheck.lang.pronounce import transcriptions

    return is_proper_noun(base) or bool(transcriptions(base))


def _slavic_feminine(token: str, base: str) -> bool:
    """A Slavic woman's surname in its nominative (Zakharova, Sharapova, Kowalska, Mladenova):
    English writes the feminine form itself, or the masculine -ov/-ev form of its root, or knows
    neither the form nor its root. A root English writes with a feminine form English does not
    (Ullmanova, Crenshawova, Smithova) is a Serbian form of an English name."""
    low = token.lower()
    if not low.endswith(_FEMININE_SHAPES):
        return False
    if lexicon.zipf(low) >= lexicon.UNKNOWN_ZIPF:
        return True
    from backcheck.lang.names.common_words import is_common_word, is_proper_noun

    masculine = low[:-1]  # Mladenova -> Mladenov, Kowalska -> Kowalsk(i)
    if lexicon.zipf(masculine) >= lexicon.UNKNOWN_ZIPF or lexicon.zipf(masculine + "i") >= lexicon.UNKNOWN_ZIPF:
        return not lexicon.zipf(base.lower()) >= lexicon.KNOWN_ZIPF or masculine.endswith(("ov", "ev"))
    if is_common_word(base) and not is_proper_noun(base):
        return True  # the root is an English common word, no English name (Bulletova)
    return lexicon.zipf(base.lower()) < lexicon.UNKNOWN_ZIPF


def allowed(token: str, reading: Reading, contexts: list[Context], nominative: bool) -> bool:
    """The constraints the fitted weights do not carry (the tune data has too few such names to
    weigh them, and a false flag costs as much as a miss):

    * a word joined by a hyphen every time is part of a compound name (Ednan-Laperouse);
    * written in a full name no base shares, a Slavic woman's surname is a nominative (Maria
      Zakharova), and so is a first name before a surname in another case (Ivana Horvat);
    * except after -ić: -ića, -iću, -ićem are never a nominative (Dragan Vukotića);
    * a name next to a Slavic surname is no Serbian spelling of an English name;
    * a vocative only where someone is addressed (:attr:`Context.address`): an English news
      sentence names people in the other cases, and "Marko", "Grgo", "Bijelo" read as vocatives
      anywhere are names of their own;
    * a word that makes a known place with its neighbour (Bijelo Polje) is part of that name.
    """
    if contexts and all(c.hyphenated for c in contexts):
        return False
    if (
        reading.form == "genitive"
        and reading.ending == "e"
        and contexts
        and all((c.list_preposition or c.previous_word) in _LOCATIVE_ONLY for c in contexts)
    ):
        # "in Plužine": English "in" renders "u" with the locative (Plužinama), never a genitive;
        # -e after it is a plural town's nominative (Plužine, Rožaje, Ploče). (Not -a: read so, "in
        # Topla" lost 3 points of the planted genitives after "in" on the tune split, for two false flags.)
        return False
    if (
        reading.form == "dative-locative"
        and reading.change in _SIBILARISED
        and contexts
        and all((c.list_preposition or c.previous_word) in _GENITIVE_ONLY for c in contexts)
    ):
        # "from" renders iz/od, which take the genitive: -ci, -zi after it is a plural town's
        # nominative (Gospođinci), not a dative of an -ka name
        return False
    if reading.form == "genitive" and contexts and all(c.place_apposition for c in contexts):
        return False  # "the village of Ćeline": the place's name in apposition, its nominative
    if (
        reading.form == "possessive"
        and contexts
        and all(
            c.neighbour and not c.neighbour_after and not c.next_noun and _first_name_or_its_case(c.neighbour)
            for c in contexts
        )
    ):
        # after a first name, and before no noun it could qualify, an -ov, -in word is a surname
        # (Mate Turčinov from Murter), no possessive (Marko Vučićev proposal)
        return False
    if reading.form == "dative-locative" and fold(reading.base).endswith(("ska", "cka")):
        return False  # an adjectival name declines as an adjective (Mickoska: Mickoskoj); -ski is a nominative
    if reading.form == "genitive" and fold(token).endswith("ije") and _listed_name(token):
        return False  # a man's name in -ije (Arsenije, Ignjatije), not the genitive of an -ija name
    if (
        fold(reading.base).endswith("ic")
        and reading.base[-1:] == "c"
        and any(c.diacritics for c in contexts)
        and not _known_place(reading.base)
    ):
        # where the article writes ć, "Korenica" is no genitive of a "Korenic": -ica is its own;
        # a town in -ic is a town (Konjic: in Konjicu)
        return False
    if (
        reading.form == "genitive"
        and reading.ending == "a"
        and contexts
        and all(c.previous_word in _feminine_titles() for c in contexts)
        and _woman_and_man(token, reading.base)
    ):
        return False  # "mother Senada": a woman's first name, no genitive of the man's (Senad)
    if (
        reading.form in ("genitive", "accusative")
        and reading.ending == "a"
        and reading.base[-1:].lower() not in "aeiou"
        and contexts
        and all(_before_ic_nominative(c) for c in contexts)
    ):
        # a man's name and -a before a surname in -ić as written (Fadila Smajić) is a woman's
        # name: his -ić surname would be declined with it (Fadila Smajića), hers never is. (A
        # woman's first name in a case is one: "with Tamarom Živković".)
        return False
    if (
        reading.form not in ("respelling", "possessive")
        and contexts
        and all(c.previous_word in ("st", "saint") for c in contexts)
        and _listed_name(token)
    ):
        return False  # a saint's name after "St", listed as a name itself (St Petka), is no case of another
    if reading.form == "vocative" and not any(c.address for c in contexts):
        return False  # a vocative is a name said to someone; news names people in the other cases
    if contexts and any(c.compound and _known_compound(c.compound) for c in contexts):
        # one word of a place's name of two (Bijelo Polje, Herceg Novi), as written; written so
        # once, the word is a nominative elsewhere too (Bačka Topola, and the region "Bačka")
        return False
    if reading.form == "possessive" and reading.ending.endswith("o") and not any(c.next_noun for c in contexts):
        return False  # a neuter possessive goes with its noun; alone, -ovo, -evo, -ino is a village (Tomaševo)
    if (
        reading.form == "possessive"
        and reading.change == "-o stem"
        and not any(c.next_noun and not c.next_verb for c in contexts)
    ):
        return False  # -ov of an -o name only before its noun (Ficova vlada); else a surname (Stankov)
    if (
        reading.form == "possessive"
        and contexts
        and all(c.next_verb for c in contexts)
        and not fold(reading.base).endswith("ic")
    ):
        # a possessive adjective goes with its noun (Milatovićev plan); before a verb or at a
        # clause's end, -ov, -ev, -in is a surname (Dragan Kovačev said, Pejin added)
        return False
    if contexts and all(c.institution for c in contexts):
        return False  # a name kept in the source language, with its acronym (Hrvatske autoceste (HAC))
    if (
        contexts
        and _name_of_its_own(token)
        and all(c.conjuncts and _declined_alone(reading, c.conjuncts) for c in contexts)
    ):
        return False  # listed with names that show no such case: "from Brač, Hvar, Šolta and Pelješac"
    if contexts and all(c.in_feature_name for c in contexts):
        return False  # a local name in an English one (Besac Fortress, Rijeka Crnojevića): as written
    if reading.form != "respelling" and any(_after_english_feature(c) for c in contexts):
        return False  # "Mount Svilaja", "Lake Plav": English names the feature with the nominative
    if contexts and all(_before_toponym_head(token, reading, c) for c in contexts):
        return False  # the adjective of a local place's name (Topli Do, Pavino Polje), nominative
    if reading.form == "respelling" and contexts and all(_after_place_adjective(token, c) for c in contexts):
        return False  # the noun of a local place's name after its adjective (Zebina Šuma), no foreign name
    if reading.form == "respelling" and reading.change.startswith("declined") and nominative:
        return False  # the article writes the word as a nominative: no case form of a transcription
    if (
        reading.form != "possessive"
        and contexts
        and all(c.next_foreign and (reading.form == "respelling" or _bcms_word(c.next_word)) for c in contexts)
    ):
        # the first word of a name in the source language (Naša stranka, the Posavska šljiva
        # cooperative), no English name: the source capitalises a name's first word only (a
        # possessive before its noun is a person's, the phrase left untranslated: Karahodžićevo turbe)
        return False
    if reading.form == "respelling" and any(_after_regional_first_name(token, reading, c) for c in contexts):
        return False  # the surname of someone the region names as its own (Adnan Čolo), as the region spells it
    if reading.form == "respelling" and any(fold(c.neighbour).endswith(_surname_suffixes()) for c in contexts):
        return False  # the first name of a Slavic surname is the region's own (Dritan Abazović), not English
    if fold(reading.base).endswith("ic"):
        return True
    if (
        nominative
        and _slavic_feminine(token, reading.base)
        and not any(_mans_surname_declined(token, reading, c) for c in contexts)
    ):
        return False  # a woman's surname in its nominative (Maria Zakharova), not after his name (Nenad Kostova)
    return not (_name_of_its_own(token) and any(_first_name_before_nominative(reading, c) for c in contexts))


#: Zipf from which English writes a base often enough (Putin, Biden, Merkel) that its case form
#: stays one wherever it stands.
_KNOWN_BASE_ZIPF = 3.0


def _subject_of_its_own(token: str, reading: Reading, contexts: list[Context], in_article) -> bool:
    """The token opens its clause before a finite verb ("while Đere lost", "Paola Egonu stood"):
    the subject, which the source puts in the nominative and an MT system copies so. A case form
    is still read where the article writes the base or English knows it well ("Putina would")."""
    return (
        (reading.form in CASES or _declined_respelling(token, reading))
        and any(c.subject for c in contexts)
        and not in_article(reading.base)
        and lexicon.zipf(reading.base.lower()) < _KNOWN_BASE_ZIPF
    )


def _declined_respelling(token: str, reading: Reading) -> bool:
    """A respelling read with a case vowel after the whole spelling (Egonu: Egon's dative)."""
    return reading.form == "respelling" and token[-1:].lower() in "aeou" and fold(token[:-1]) == fold(reading.base)


def _before_ic_nominative(context: Context) -> bool:
    """Is the word the first name of a surname in -ić written as a nominative (Smajić, Marić)?"""
    return context.neighbour_after and context.neighbour.lower().endswith("ić")


def _known_place(name: str) -> bool:
    from backcheck.lang.gazetteer import is_place

    return is_place(name)


def _listed_nominative(reading: Reading, contexts: list[Context]) -> bool:
    """Once in a list of places in the nominative ("in Dubovac and Švarča"), a word in -a or -e
    whose genitive reading needs a base nobody knows (no gazetteer, no English, not the article:
    Švarč) is a place's nominative itself. A known place stays a case form ("from Brač and
    Hvara": Hvar), and so does an ending no nominative has (Budva and Golubovcima)."""
    return (
        reading.form == "genitive"
        and reading.ending in ("a", "e")
        and any(c.conjuncts and _declined_alone(reading, c.conjuncts) for c in contexts)
        and not _known_place(reading.base)
        and lexicon.zipf(reading.base.lower()) < lexicon.UNKNOWN_ZIPF
    )


def _declined_alone(reading: Reading, conjuncts: tuple[str, ...]) -> bool:
    """Would the reading make the token the one name of its list in that case? A translator who
    keeps the source's case keeps it for the whole list ("iz Kaštela, Solina i Trogira"), and one
    who writes nominatives writes them all: a list whose other names can be no such form
    (Solin, Trogir) is a list of nominatives."""
    return not any(r.form == reading.form for name in conjuncts for r in readings(name))


def _woman_and_man(token: str, base: str) -> bool:
    """Is the token a woman's first name and the base a man's (Senada, Senad)?"""
    from backcheck.lang.persons import first_name_gender

    return first_name_gender(token) == "f" and first_name_gender(base) == "m"


@cache
def _feminine_titles() -> frozenset[str]:
    """English words before a name that say a woman is meant (sh_persons.toml [titles])."""
    text = files("backcheck.lang").joinpath("data", "sh_persons.toml").read_text(encoding="utf-8")
    return frozenset(tomllib.loads(text)["titles"]["feminine"])


#: English prepositions whose Serbo-Croatian counterpart never takes the genitive ("in": u + locative).
_LOCATIVE_ONLY = frozenset({"in", "inside"})
#: The forms a declension gives a name; a feminine surname (Kovačeva) and a possessive adjective
#: (Trumpova) are words of their own, which a translator may make of a nominative.
CASES = frozenset(("genitive", "dative-locative", "accusative", "instrumental", "vocative", "plural"))
#: The changes of a reading that undo sibilarisation before -i (Gospođinci: Gospođinka).
_SIBILARISED = ("k>c", "g>z", "h>s")
#: English prepositions that render a BCMS preposition with the genitive only (iz, od).
_GENITIVE_ONLY = frozenset({"from"})
#: Nouns of places that name the place after "of" in apposition (the village of Ćeline).
_PLACE_NOUNS = frozenset(
    "village hamlet town city municipality island settlement suburb district region county canton".split()
)

#: Oblique endings of an -ić name (with its ć: Podgorica is no -ić name): a base in one is no nominative.
_OBLIQUE_IC = ("ića", "iću", "ićem", "ićima")


def _listed_name(token: str) -> bool:
    from backcheck.lang.bcms_names import is_bcms_name

    return is_bcms_name(token)


@cache
def _toponym_heads() -> frozenset[str]:
    return frozenset(fold(n) for n in _tables()["toponym_heads"]["nouns"])


def _before_toponym_head(token: str, reading: Reading, context: Context) -> bool:
    """Before a capitalised noun that heads place names (Polje, Do, Brijeg), which does not take
    the reading's ending itself (Banjoj Luci declines both words; Topli Do only looks declined);
    or a BCMS adjective in a nominative ending (Donje, Novo, Gornji: the dictionary knows it)
    before a capitalised word: the first word of a place's name (Donje Lipovo)."""
    if not context.neighbour_after:
        return False
    from backcheck.lang.bcms_names import is_common_word

    head = fold(context.neighbour) in _toponym_heads()
    adjective = (
        token[-1:].lower() in "eioa"
        and lexicon.zipf(token.lower()) < 2.0
        and (_bcms_word(token) or is_common_word(token[:-1]))
    )
    if not (head or adjective):
        return False
    if adjective and not head and fold(context.neighbour).endswith(_surname_suffixes()):
        return False  # before a surname (Lucije Barić) the word is a first name, no place's adjective
    if head:
        return True  # the head noun as listed, a nominative (Klovićevi Dvori, Pavino Polje), not Banjoj Luci
    if token[-1:].lower() == "a" and context.neighbour[-1:].lower() == "a":
        # an adjective in -a before a noun in -a is a feminine nominative (Kraljeva Sutjeska): the
        # genitive of a masculine or neuter name puts its adjective in -og (Bijelog Polja)
        return True
    return not any(r.ending == reading.ending for r in readings(context.neighbour))


#: Endings of a BCMS adjective's stem: -ski, -čki, -ški; possessive -in, -ov, -ev; -n (Ravna).
_ADJECTIVE_STEM = ("sk", "ck", "in", "ov", "ev", "n")


def _after_place_adjective(token: str, context: Context) -> bool:
    """After a capitalised BCMS adjective that agrees with it (the same final vowel) and is no first
    name: the token is the noun of a local place's name (Zebina Šuma, Vrška Čuka, Crna Bara), the
    source's own word, not a foreign name the source transcribed (Alesandro Kampanja: a first name)."""
    before = context.neighbour
    if not before or context.neighbour_after or before[-1:].lower() != token[-1:].lower():
        return False
    if before[-1:].lower() not in "aeio" or _first_name_or_its_case(before):
        return False
    stem = fold(before)[:-1]
    return stem.endswith(_ADJECTIVE_STEM) or _bcms_word(before)


def _bcms_word(token: str) -> bool:
    """A common word of the BCMS dictionary (FreeDict: its stem has translations), not a name."""
    from backcheck.lang.glosses import translations

    return bool(translations(token.lower(), "sh"))


def _known_compound(name: str) -> bool:
    from backcheck.lang.gazetteer import is_place

    return is_place(name)


def _name_of_its_own(token: str) -> bool:
    """Is ``token`` itself a name someone has (Ivana, Marti, Jana): a BCMS dictionary lists it,
    English writes it, or it is a place. A first name nothing knows (Chrisu, Donalda, Stevenu)
    before a surname in the nominative is the first name alone put in the source's case."""
    from backcheck.lang.bcms_names import is_bcms_name
    from backcheck.lang.gazetteer import is_place

    if is_bcms_name(token) and not is_place(token) and _case_form_of_place(token):
        return False  # the Bosnian dictionary lists a city's case forms too (Kragujevca, Kragujevcu)
    if _other_name_of_a_base(token):
        return False  # another language's name of a city that is also its case form (Zagreba)
    # three letters are an English word by chance more often than a name (eme, ane): only a
    # common one counts (Eve, Ian)
    english = lexicon.KNOWN_ZIPF if len(token) <= 3 else lexicon.UNKNOWN_ZIPF
    return is_bcms_name(token) or lexicon.zipf(token.lower()) >= english or is_place(token)


def _other_name_of_a_base(token: str) -> bool:
    """Is ``token`` a case form of a city GeoNames also spells so in another language (Zagreba:
    Zagreb, Osijeka: Osijek)?"""
    from backcheck.lang.gazetteer import is_place, other_name_of

    return is_place(token) and any(
        r.form in ("genitive", "dative-locative", "instrumental") and other_name_of(token, r.base)
        for r in readings(token)
    )


def short_first_name_form(token: str) -> bool:
    """A three-letter word that is a case form of a short first name (Eme: Ema, Ani: Ana)."""
    return len(token) == 3 and any(len(r.base) == 3 for r in readings(token))


def _case_form_of_place(token: str) -> bool:
    """Does ``token`` read as an oblique case of a place GeoNames knows, with a sound change no
    nominative shows (Kragujevca: Kragujevac, its a fleeting; Banjaluci: Banjaluka)?"""
    from backcheck.lang.gazetteer import is_place

    return any(
        r.form in ("genitive", "dative-locative", "instrumental")
        and r.change in ("fleeting a", *_SIBILARISED)
        and is_place(r.base)
        for r in readings(token)
    )


def _common_noun_left(token: str, reading: Reading, features: dict[str, float]) -> bool:
    """A Serbo-Croatian common noun left untranslated ("the Skupština", "the Vlada"): the
    bilingual dictionary (FreeDict, :mod:`backcheck.lang.glosses`) knows the word, and the base
    of the case reading is known nowhere (not in the article, no place, no BCMS name, no English
    word). It is an untranslated word, not a name in a case form: "correcting" a nominative
    Skupština into "Skupštin" would suggest a word that does not exist."""
    from backcheck.lang.glosses import translations

    if reading.form == "respelling" or features.get("base_known") or features.get("base_english", 0.0) >= 0.5:
        return False
    return bool(translations(token, "sh"))


def _two_names(reading: Reading, features: dict[str, float]) -> bool:
    """A token and a case reading's base that a BCMS dictionary both lists as names, the base
    written nowhere in the article: the token is the name it is listed as (Ploče, not the genitive
    of Ploča; Korana, not of Koran), the way a reader of the article takes it."""
    return (
        reading.form in ("genitive", "dative-locative", "accusative", "instrumental", "vocative")
        # a sound change no nominative shows decides for the case form (Kragujevca: Kragujevac)
        and reading.change in ("", "-a stem", "-o stem")
        and bool(features.get("token_bcms_name"))
        and bool(features.get("base_bcms_name"))
        and not features.get("base_in_article")
    )


def _first_name_before_nominative(reading: Reading, context: Context) -> bool:
    """A first name before a surname that is not in the same case (Ivana Horvat): BCMS declines
    both words of a name, so the first is a name of its own, not a case form of another."""
    if not (context.neighbour_after and context.neighbour):
        return False
    if reading.change == "-a stem" and fold(context.neighbour).endswith(_surname_suffixes()):
        # a woman's first name (an -a stem) declines, her surname in -ić, -ov does not (Lucije
        # Barić, with Tamarom Živković): the surname's nominative says nothing of the first name
        return False
    if reading.form == "respelling":
        # a transcription is no case: Đovani Konti is Giovanni whatever Konti's case; before an
        # English noun it names a thing (Štark Arena), which the first-name rule keeps as written
        from backcheck.lang.names.common_words import is_common_word

        return is_common_word(context.neighbour.lower())
    return not any(r.ending == reading.ending and r.form == reading.form for r in readings(context.neighbour))


# --- the fitted model ------------------------------------------------------------------------------


def group(reading: Reading) -> str:
    """The two kinds of reading, each with a threshold of its own: a phonetic respelling's
    evidence (a similar English name) is weaker than a declension's (the base itself)."""
    return "respelling" if reading.form == "respelling" else "declension"


@dataclass(frozen=True)
class Model:
    weights: dict[str, dict[str, float]]  #: group -> feature -> weight (each group fitted on its own)
    thresholds: dict[str, float]  #: group -> flag at or above this probability
    provenance: str

    def probability(self, features: dict[str, float]) -> float:
        weights = self.weights["respelling" if features.get("form_respelling") else "declension"]
        z = sum(weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def model() -> Model:
    raw = json.loads(files("backcheck.lang").joinpath("data", "name_forms_model.json").read_text(encoding="utf-8"))
    return Model(raw["weights"], raw["thresholds"], raw["provenance"])


@dataclass(frozen=True)
class Analysis:
    """The best reading of a token and how probable it is."""

    token: str
    reading: Reading
    probability: float
    features: dict[str, float]
    threshold: float  #: the threshold of the reading's group

    @property
    def margin(self) -> float:
        return self.probability - self.threshold


#: A base English writes this often (Zipf) is a name English knows (Biden, London): a case form
#: of it is the MT's copy of a case, in any position.
_ENGLISH_KNOWS = 2.0


#: An -a stem base ending in a consonant and -ca is no nominative but the genitive of an -ac name
#: with its fleeting a (Orahovac: Orahovca); the token read as its case (Orahovci) is a plural
#: place of its own. (-ica, a vowel before -ca, is a nominative: Gorica, Danica.)
_GENITIVE_OF_AC = re.compile(r"[^aeiou]ca$")


def analyse(
    token: str,
    contexts: list[Context],
    in_article: Callable[[str], bool],
    nominative: Callable[[str, set[str]], bool] = lambda token, bases: False,
    copied: Callable[[str], bool] | None = None,
) -> Analysis | None:
    """The most probable reading of ``token`` over its occurrences, or None when it has none.
    ``nominative(token, bases)``: the article's evidence that the token is a nominative.
    ``copied(token)``: with a source, whether the source writes the token (None: no source).
    Readings of the two groups compare by how far each is above its group's threshold."""
    best: Analysis | None = None
    m = model()
    candidates = readings(token)
    is_nominative = bool(candidates) and nominative(token, {r.base for r in candidates})
    for reading in candidates:
        if not allowed(token, reading, contexts, is_nominative):
            continue
        if (copied is None or copied(token)) and _subject_of_its_own(token, reading, contexts, in_article):
            continue
        if reading.form == "possessive" and reading.ending.endswith("o") and not in_article(reading.base):
            continue  # a neuter -ovo, -ino of someone the article never names is a village (Murino)
        if (
            reading.form in ("possessive", "genitive", "dative-locative", "instrumental", "accusative")
            and not in_article(reading.base)
            and lexicon.zipf(reading.base.lower()) < _ENGLISH_KNOWS
            and all(c.previous_word == "the" and c.next_noun and not c.neighbour for c in contexts)
        ):
            # "the Lazine dairy": a name that modifies an English noun after the article, of a base
            # neither the article nor English writes, is the name as its owner writes it (the source's case
            # follows a preposition English renders before the article: "at the Lazine dairy")
            continue
        if _listed_nominative(reading, contexts) and not in_article(reading.base):
            continue
        if reading.form == "feminine" and reading.change == "glide j" and not in_article(reading.base):
            continue  # -ijeva of a woman the article names (Meloni: Melonijeva); else her own -ieva (Georgieva)
        if reading.change == "-a stem" and _GENITIVE_OF_AC.search(reading.base.lower()):
            if not (reading.base.lower().endswith("nca") and any(c.previous_word.endswith("oj") for c in contexts)):
                continue  # -vca, -nca: the genitive of an -ac name (Orahovac), so -vci is a plural place (Orahovci)
            # after an agreeing feminine locative (Bačkoj Palanci) -nci is -nka's locative
            reading = Reading(reading.base[:-2] + "ka", reading.ending, reading.form, "k>c")
        if (
            reading.change == "glide j"
            and not reading.base.lower().endswith("a")
            and not in_article(reading.base)
            and lexicon.zipf(reading.base.lower()) < lexicon.UNKNOWN_ZIPF
        ):
            continue  # -ija of a foreign -i name English writes (Renzi: Renzija), not of one nobody does (Kalesija)
        for context in contexts or [Context()]:
            features = evidence(token, reading, context, in_article, is_nominative)
            if _common_noun_left(token, reading, features):
                break
            if _two_names(reading, features):
                break
            probability = m.probability(features)
            if _mans_surname_declined(token, reading, context):
                probability = 1.0  # the grammar decides: only a woman's is -ova
            if _possessive_after_the(token, reading, context, features) and not any(
                r.form == "feminine" for r in candidates
            ):
                probability = 1.0  # English puts no -ov, -in adjective between "the" and its noun
            found = Analysis(token, reading, probability, features, m.thresholds[group(reading)])
            if best is None or _better(found, best):
                best = found
    return best


def _after_regional_first_name(token: str, reading: Reading, context: Context) -> bool:
    """Is the token a surname after a first name the region writes as its own (Marko, Adnan,
    Lejla: the Croatian and Slovene name lists, or a name a BCMS dictionary lists with its gender
    that no other language spells otherwise), where no one foreign language has both names (Luka
    Gori is Italy's Luca Gori, Pavel Ščepanjski Poland's Paweł Szczepański, Andrea Bočeli Italy's
    Andrea Bocelli: Italian writes Andrea and spells Bocelli Bočeli)? Such a person's surname is
    spelled the region's way (Čolo, Šola, Pejko), not transcribed from English."""
    from backcheck.lang.names import foreign_persons
    from backcheck.lang.names.respelling import respellings
    from backcheck.lang.persons import first_name_gender

    first = context.neighbour
    if not first or context.neighbour_after:
        return False
    foreign = [n for n in foreign_persons.readings(first) if n.lang not in ("own", "en")]
    regional = foreign_persons.is_own_first_name(first) or (
        first_name_gender(first) != ""
        and not respellings(first)
        and not any(foreign_persons.changed(first, n.original) for n in foreign)
    )
    if not regional:
        return False
    low = foreign_persons.sounds(token)
    surname_languages = {n.lang for n in foreign_persons.readings(token)} | {
        lang
        for lang, rules in foreign_persons.LOCALES.values()
        if low in foreign_persons.serbian_spellings(reading.base, rules)
    }
    return not (surname_languages - {"own", "en"}) & {n.lang for n in foreign}


def _mans_surname_declined(token: str, reading: Reading, context: Context) -> bool:
    """A man's first name before a surname in -ova, -eva (Nenad Kostova, Goran Petreva): BCMS
    declines a man's -ov, -ev surname (Kostov, Kostova, Kostovu) and writes -ova in the
    nominative for a woman only, so after his first name in the nominative the surname is in a
    case: the genitive or accusative of its -ov form. His first name may be foreign (Nikolai:
    other languages' lists). (Not a name in -ova English writes more than its -ov: Casanova,
    Cordova; not a first name written after the surname.)"""
    if reading.form != "genitive" or not fold(reading.base).endswith(("ov", "ev")):
        return False
    if not context.neighbour or context.neighbour_after:
        return False
    if lexicon.zipf(token.lower()) >= lexicon.UNKNOWN_ZIPF and lexicon.zipf(reading.base.lower()) < lexicon.zipf(
        token.lower()
    ):
        return False  # a name of its own in -ova that English writes more than its -ov (Casanova, Cordova)
    from backcheck.lang.names.foreign_persons import foreign_gender
    from backcheck.lang.persons import first_name_gender

    # (a foreign man's first name too: Bulgaria's Nikolai Dimitrova)
    return first_name_gender(context.neighbour, token, foreign_gender) == "m"


def _possessive_after_the(token: str, reading: Reading, context: Context, features: dict[str, float]) -> bool:
    """A possessive adjective of a name English writes or a dictionary lists (Fico: Ficova;
    Costa: Costina) between "the" and an English common noun ("the Ficova government", "the
    Costina cabinet"): English says "the Fico government", so the -ov, -ev, -in word is the
    source's adjective copied. (Not a token English writes or a place: the Jagodina hospital; and
    the caller leaves a token that may be a woman's surname to the model: the Nazarbayeva
    foundation.)"""
    if reading.form != "possessive" or context.previous_word != "the" or not context.next_noun:
        return False
    noun = context.next_word
    if not noun or lexicon.zipf(noun) < lexicon.KNOWN_ZIPF or context.next_foreign:
        return False  # an English noun after it, not the source's own word (Naša stranka)
    if lexicon.zipf(token.lower()) >= lexicon.UNKNOWN_ZIPF or features.get("token_place"):
        return False  # a word English writes, or a place of that name (the Jagodina hospital)
    return bool(features.get("base_name_list") or features.get("base_in_article"))


#: Prepositions before a place: an -ića after them is a village's genitive plural (near Ozrinića:
#: Ozrinići), elsewhere a person's genitive (with Dragan Vukotića: Vukotić).
_PLACE_PREPOSITIONS = frozenset({"near", "from", "in", "at", "to", "around", "between", "outside", "towards"})
#: Oblique endings of -ić names as written with ć (-ica without it is a nominative: Gorica), and
#: the letters each cuts to leave the -ić stem.
_IC_OBLIQUE = {
    "ićima": ("plural", 3),
    "ićem": ("instrumental", 2),
    "ića": ("genitive", 1),
    "iću": ("dative-locative", 1),
}


_SHORT_TOWN_CASES = {"a": "genitive", "u": "dative-locative"}
#: The possessive adjective of an -ić surname in any of its forms (Držićev, Stojkovićevoj).
#: (Not the neuter -ićevo, a village's name alone: Sićevo, Dragićevo; and a surname's stem of three
#: letters or more before -ić.)
_IC_POSSESSIVE = re.compile(r"(?<=\w{3})ić(ev(?:a|u|e|i|og|oga|om|omu|oj|ih|im|ima)?)$")


@cache
def _short_towns() -> frozenset[str]:
    """Towns of three letters or fewer (Bar, Šid), sh_places.toml [short_towns]."""
    text = files("backcheck.lang").joinpath("data", "sh_places.toml").read_text(encoding="utf-8")
    return frozenset(tomllib.loads(text)["short_towns"]["towns"])


#: A genitive plural of a town in -ci (Vinkovci: Vinkovaca; Gospođinci: Gospođinaca): -aca after
#: a stem of three letters or more that ends in a consonant.
_PLURAL_TOWN_GENITIVE = re.compile(r"^\w{3,}[bcdfghjklmnprstvzčćđšž]aca$")


def oblique_local_name(token: str, contexts: list[Context]) -> Reading | None:
    """A local name in an oblique case, which no nominative is, read without the fitted model,
    whose evidence (a known base) a village or a private person lacks:

    * an -ić name (Vukotića, Ozrinićima, Bogetiću): BCMS surnames end in -ić and villages named
      after families in -ići, and -ića, -iću, -ićem, -ićima are their cases only; the base is the
      village (-ići) after a preposition of place with no name beside it, or in the plural, else
      the person (-ić);
    * the genitive plural of a town in -ci after a preposition of place (from Tordinaca);
    * a town of three letters or fewer, which the model's gazetteer lacks, in the genitive or
      locative after a preposition of place (near Šida, in Baru)."""
    low = token.lower()
    ic_possessive = _IC_POSSESSIVE.search(low)
    if ic_possessive:
        # the possessive adjective of an -ić surname (Držićev, Stojkovićeva): no name ends so
        return Reading(token[: ic_possessive.start() + 2], ic_possessive.group(1), "possessive")
    place = bool(contexts) and all(c.previous_word in _PLACE_PREPOSITIONS and not c.neighbour for c in contexts)
    if place and _PLURAL_TOWN_GENITIVE.search(low) and lexicon.zipf(low) < lexicon.UNKNOWN_ZIPF:
        # the genitive plural of a town in -ci, its a fleeting (from Tordinaca: Tordinci)
        return Reading(token[:-3] + "ci", "aca", "genitive", "plural -ci")
    if place and token[:-1] in _short_towns() and token[-1:] in _SHORT_TOWN_CASES:
        return Reading(token[:-1], token[-1], _SHORT_TOWN_CASES[token[-1]])  # near Šida: Šid
    ending = next((e for e in _IC_OBLIQUE if low.endswith(e)), None)
    if ending is None or not token[:1].isupper() or len(token) - len(ending) < 3:
        return None
    form, cut = _IC_OBLIQUE[ending]
    stem = token[: len(token) - cut]
    if form == "plural" or (form == "genitive" and place):
        return Reading(stem + "i", ending, form, "plural -ići")
    return Reading(stem, ending, form)


def _better(found: Analysis, best: Analysis) -> bool:
    """A declension above its threshold beats any respelling: its base is the token's own stem
    (Scotlanda is Scotland's genitive, not a respelling of Shetland); otherwise the larger
    margin wins."""
    if found.margin >= 0 and best.margin >= 0 and group(found.reading) != group(best.reading):
        return group(found.reading) == "declension"
    return found.margin > best.margin


#: Oblique endings of an adjective (longest first), and the nominative endings it may come from.
_ADJECTIVE_OBLIQUE = ("ome", "omu", "oga", "oj", "om", "og", "em", "im", "ih", "eg", "ega", "emu", "u")
_ADJECTIVE_NOMINATIVE = ("i", "a", "o", "e")
_TWO_WORDS = re.compile(r"\b([A-ZČĆŠŽĐ][a-zčćšžđ]+) ([A-ZČĆŠŽĐ][a-zčćšžđ]+)\b")


def _nominatives(word: str, adjective: bool) -> set[str]:
    """The words ``word`` may be a case form of: as an adjective (Novom: Novi, Nova, Novo) or a
    noun (Sadu: Sad; Miholjca: Miholjac, its a fleeting)."""
    from backcheck.lang.sh.morphology import candidate_bases

    out = {word}
    low = word.lower()
    if adjective:
        for ending in _ADJECTIVE_OBLIQUE:
            if low.endswith(ending) and len(word) - len(ending) >= 3:
                stem = word[: len(word) - len(ending)]
                out.update(stem + e for e in _ADJECTIVE_NOMINATIVE)
                break
    else:
        for base, _, _ in candidate_bases(word):
            out.add(base)
            if len(base) >= 4 and base[-1].isalpha() and base[-2:-1].lower() not in "aeiou":
                out.add(base[:-1] + "a" + base[-1])  # a fleeting a restored (Miholjca: Miholjac)
        out.update(r.base for r in readings(word) if r.form != "respelling")  # Luci: Luka
    return out


@lru_cache(maxsize=8)
def declined_places(text: str) -> tuple[tuple[int, int, str], ...]:
    """Two-word places declined word by word, as the source declines them and an MT system copies
    them ("in Banjoj Luci", "from Novom Sadu", "Herceg Novog", "Donjeg Miholjca"): the pair read
    back to a nominative that GeoNames knows as a place, which the pair itself is not.
    ``(start, end, nominative)`` for each."""
    from backcheck.lang.gazetteer import is_place

    found = []
    for m in _TWO_WORDS.finditer(text):
        first, second = m.group(1), m.group(2)
        if is_place(f"{first} {second}"):
            continue
        places = {
            f"{a} {b}"
            # the first word declines as an adjective (Banjoj, Novom, Donjeg) or stays (Herceg)
            for a in _nominatives(first, adjective=True)
            for b in _nominatives(second, adjective=False) | _nominatives(second, adjective=True)
            if (a, b) != (first, second) and len(a) >= 3 and len(b) >= 3 and is_place(f"{a} {b}")
        }
        if not places and (local := _declined_toponym(first, second)):
            places = {local}
        if len(places) == 1:
            found.append((m.start(), m.end(), places.pop()))
    return tuple(found)


#: An adjective's oblique ending before a toponym's head noun in the same case: the adjective's
#: ending -> the head's endings in that case, by the head's gender (feminine -a: Veloj Luci;
#: neuter -o, -e: Bijelom Polju, Bijelog Polja; masculine: Topolom Dolu, Topolog Dola).
_AGREEING: dict[str, dict[str, tuple[str, ...]]] = {
    "oj": {"a": ("i", "ci", "zi", "si")},
    "om": {"o": ("u",), "e": ("u",), "": ("u",)},
    "og": {"o": ("a",), "e": ("a",), "": ("a",)},
    "oga": {"o": ("a",), "e": ("a",), "": ("a",)},
}
#: ... and the adjective's nominative ending for that gender.
_ADJECTIVE_BY_GENDER = {"a": "a", "o": "o", "e": "o", "": "i"}


def _declined_toponym(first: str, second: str) -> str | None:
    """A local place GeoNames does not list, declined word by word: an adjective with an oblique
    ending before a head noun of place names (Luka, Polje, Do) in the same case ("u Veloj Luci":
    Vela Luka; "iz Bijelog Polja"). The nominative, or None."""
    for ending, by_gender in _AGREEING.items():
        if not first.lower().endswith(ending) or len(first) - len(ending) < 3:
            continue
        stem = first[: len(first) - len(ending)]
        neuter = {second[:-1] + "e", second[:-1] + "o"} if second[-1:] in ("u", "a") else set()  # Polju: Polje
        for head in (_nominatives(second, adjective=False) | neuter) - {second}:
            if fold(head) not in _toponym_heads():
                continue
            gender = head[-1].lower() if head[-1].lower() in "aoe" else ""
            endings = by_gender.get(gender, ())
            if endings and second.lower().endswith(endings):
                return f"{stem}{_ADJECTIVE_BY_GENDER[gender]} {head}"
    return None
