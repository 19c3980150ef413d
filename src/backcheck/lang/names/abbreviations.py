"""Acronyms, initialisms and abbreviations of names across a source and its English translation.

An acronym may be carried over (NATO), translated (АПЛ / EPL), written out on one side (SNL /
Saturday Night Live, WM / World Cup) or built from the parts of a compound (Минобороны / Defense
Ministry); a title before a name may be abbreviated (Capt., Det Insp). These tell such forms from
replaced names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from backcheck.lang.glosses import linked, translations
from backcheck.lang.names.frequency import COMMON_WORD_ZIPF
from backcheck.lang.names.tokens import Token
from backcheck.lang.text import fold


@lru_cache(maxsize=65536)
def is_acronym(word: str) -> bool:
    """All capitals, with an English plural allowed (NATO, MCIs), or capitals with one lower-case
    letter for a short word inside (MSWiA: ... Wewnętrznych i Administracji; BiH, PiS)."""
    core = word[:-1] if word.endswith("s") else word
    if len(core) > 1 and core.isupper():
        return True
    capitals = sum(c.isupper() for c in core)
    return capitals >= 2 and core[0].isupper() and core[-1].isupper() and len(core) - capitals == 1 and core.isalpha()


def abbreviation_of(source: Token, english: Token) -> bool:
    """A short capitalised source abbreviation, not an acronym, that begins the English name:
    newspapers and parties are cited by their first letters (Rz / Rzeczpospolita). Opening a
    sentence or a quotation, it must be no word of its language (not "To" for Tokyo)."""
    return (
        2 <= len(source.text) <= 3
        and source.capitalised
        and not source.text.isupper()
        and (not source.initial or source.zipf < COMMON_WORD_ZIPF)
        and len(english.folded) >= len(source.folded) + 3
        and english.folded.startswith(source.folded)
    )


def spelled_out(acronym: str, source: list[Token], lang: str) -> bool:
    """Do consecutive source words, capitalised or not, translate by the dictionary into English
    words with the acronym's initials in order (ICJ: međunarodnog suda pravde → international,
    court, justice)? Short function words may stand between them; two-letter acronyms are too
    easily spelled."""
    letters = acronym.lower()
    if len(letters) < 3:
        return False
    for i, _first in enumerate(source):
        k, j = 0, i
        while k < len(letters) and j < len(source):
            if any(e.startswith(letters[k]) for e in translations(source[j].text, lang)):
                k += 1
            elif j == i or len(source[j].text) > 3:
                break  # only a short function word may stand between (Ministarstvo za ...)
            j += 1
        if k == len(letters):
            return True
    return False


def expands(words: list[Token], acronym: str) -> bool:
    """Could the capitalised English words be the written-out form of a source acronym? The
    first word's initial is the acronym's (WM / World Championship, MSWiA / Ministry of the
    Interior), or two initials are among its letters (ОАЭ / United Arab Emirates, АПЛ /
    Premier League). A replacement rarely does (FOM / Touring, ISL / Senate)."""
    from backcheck.lang.text import to_latin

    letters = fold(to_latin(acronym).text)
    initials = [fold(t.text)[:1] for t in words]
    return bool(initials) and (initials[0] == letters[:1] or sum(i in letters for i in set(initials)) >= 2)


def title_abbreviation(t: Token, text: str) -> bool:
    """ "Capt.", "Rev.", "Gen." before a name: an abbreviated title, not a name. British style
    writes contractions without the stop ("Mrs", "Dr", "Lt"); a word without a vowel is one."""
    if t.text.isupper():
        return False
    return (
        (len(t.text) <= 4 and text[t.end : t.end + 1] == ".")
        or (len(t.text) <= 3 and not set(t.text.lower()) & set("aeiouy"))
        or (t.text.lower() in _TITLE_ABBREVIATIONS and re.match(r" [A-Z]", text[t.end : t.end + 2]) is not None)
    )


#: Titles British style abbreviates without a stop, before a name ("Det Insp Bob Blemmings",
#: "Supt Ann Ray", "Cllr Jo Hill"); some are words or names alone (Sen, Rep), hence the name after.
_TITLE_ABBREVIATIONS = {
    "det",
    "insp",
    "supt",
    "sgt",
    "cllr",
    "cpl",
    "pte",
    "cdr",
    "cmdr",
    "gov",
    "sen",
    "rep",
    "maj",
    "gen",
    "col",
    "capt",
    "adm",
    "brig",
    "prof",
    "rev",
    "hon",
    "ch",
    "dep",
}


#: How Russian and Serbian transcribe English letters a compound's parts begin with (Hydro- /
#: Gidro-, Phil- / Fil-).
_ABBREVIATION_READINGS = (("ph", "f"), ("th", "t"), ("h", "g"), ("y", "i"), ("w", "v"))


def _part_renders(part: str, english: Token, lang: str) -> bool:
    """Is the part of a compound word the beginning of the English word, read the source way
    (gidromet / Hydrometeorological, min / Ministry), the same word (centr / Center) or its
    translation (oborony / Defense)?"""
    fe = english.folded
    readings = {fe}
    for a, b in _ABBREVIATION_READINGS:
        readings |= {r.replace(a, b) for r in readings}
    if any(r.startswith(part) for r in readings):
        return True
    skeleton = re.sub(r"[aeiouy]", "", part)
    if len(part) >= 4 and re.sub(r"[aeiouy]", "", fe) == skeleton:
        return True
    return len(part) >= 4 and linked(english.text, part, lang)


def compound_abbreviation(s: Token, english: list[Token], lang: str) -> list[Token]:
    """A Russian compound abbreviation (Гидрометцентр, Минобороны, Роскосмос): the word joins the
    first letters of the words of a name, or a word whole, and the English writes the name in
    full (Hydrometeorological Center, Defense Ministry). Each part, of three letters or more,
    renders its own capitalised English word. Returns those words (none: no such reading)."""
    fs = s.folded
    words = [e for e in english if e.capitalised and len(e.text) >= 3]
    if (
        len(fs) < 7
        or s.text.isupper()
        or len(words) < 2
        or any(_part_renders(fs, e, lang) or fs.startswith(e.folded) for e in words)
    ):
        return []  # one English word renders the whole (Benjamin), not two of its parts

    def covers(rest: str, used: tuple) -> tuple | None:
        if not rest:
            return used if len(used) >= 2 else None
        for cut in range(3, len(rest) + 1):
            if len(rest) - cut in (1, 2):
                continue  # every part has three letters or more
            part = rest[:cut]
            for k, e in enumerate(words):
                if k not in used and _part_renders(part, e, lang) and (found := covers(rest[cut:], used + (k,))):
                    return found
        return None

    return [words[k] for k in covers(fs, ()) or ()]


#: Short words an initialism skips (National Trust for Scotland: NTS).
_INITIALISM_SKIPS = frozenset({"of", "for", "and", "the", "on", "in", "at", "de", "la", "za", "i", "и"})


def initialisms(tokens: list[Token], text: str) -> dict[str, list[Token]]:
    """Runs of capitalised words (joined by spaces and short connectors) by their initials:
    "Saturday Night Live" → snl, "National Trust for Scotland" → nts."""
    out: dict[str, list[Token]] = {}
    run: list[Token] = []
    for t in tokens + [None]:
        if t is not None and run and not t.capitalised and t.text.lower() in _INITIALISM_SKIPS:
            continue  # the connector itself: the gap test below allows it
        if (
            t is not None
            and t.capitalised
            and not is_acronym(t.text)
            and (not run or all(w.lower() in _INITIALISM_SKIPS for w in text[run[-1].end : t.start].split()))
        ):
            run.append(t)
            continue
        # the whole run and its tails and heads: a sentence's first word or a common noun
        # before the name belongs to no initialism ("Emisija Saturday Night Live" → snl)
        for part in [run[i:] for i in range(len(run) - 1)] + [run[:i] for i in range(len(run) - 1, 1, -1)]:
            out.setdefault("".join(w.folded[:1] for w in part), part)
        run = [t] if t is not None and t.capitalised and not is_acronym(t.text) else []
    return out


def phrase_initials(tokens: list[Token], text: str, longest: int = 4) -> frozenset[str]:
    """The initials of each phrase of up to ``longest`` words that begins with a capitalised word
    and goes on in any case, word after word: a BCMS name writes only its first word capitalised,
    and a mixed-case acronym keeps its connector's letter (Vodovod i kanalizacija → ViK)."""
    out: set[str] = set()
    for i, first in enumerate(tokens):
        if not first.capitalised:
            continue
        letters = first.folded[:1]
        for prev, t in zip(tokens[i : i + longest - 1], tokens[i + 1 : i + longest], strict=False):
            if not re.fullmatch(r"[\s„“\"]*", text[prev.end : t.start]):
                break
            letters += t.folded[:1]
            out.add(letters)
    return frozenset(out)


def syllabic_initialism(acronym: str, runs) -> bool:
    """Is the acronym made of the initials of a run of capitalised words, one long compound word
    giving the initials of both its parts, as Serbo-Croatian acronyms take them
    (Elektroprivreda Crne Gore → EPCG, Naftna industrija Srbije → NIS)? ``runs``: the runs of
    :func:`initialisms`. At most one compound (of eight letters or more) gives two letters, and
    its second letter begins a later syllable (after the third letter)."""
    letters = fold(acronym)
    if len(letters) < 3:
        return False

    def fits(k: int, words: list[str], extra: bool) -> bool:
        if not words:
            return k == len(letters)
        word = words[0]
        if k >= len(letters) or word[:1] != letters[k]:
            return False
        if fits(k + 1, words[1:], extra):
            return True
        return (
            not extra
            and len(word) >= 8
            and k + 1 < len(letters)
            and letters[k + 1] in word[3:]
            and fits(k + 2, words[1:], True)
        )

    return any(len(run) >= 2 and fits(0, [w.folded for w in run], False) for run in runs)


def spelled_letter(s: Token, text: str) -> bool:
    """A letter name of an acronym spelled out with hyphens, as Serbian writes English ones
    (Bi-Bi-Si for BBC, Bi-Em-Ve for BMW): each part is a syllable, not a name."""
    if s.text.isupper():
        return False
    if len(s.text) <= 2 and "-" in (text[s.start - 1 : s.start] + text[s.end : s.end + 1]):
        return True
    # the last letter with a case ending: Aj-Bi-Ema (IBM's genitive), Bi-Bi-Siju
    return len(s.text) <= 4 and re.search(r"\b\w{1,2}-\w{1,2}-$", text[max(0, s.start - 8) : s.start]) is not None


@lru_cache(maxsize=256)
def source_expansions(acronym: str, text: str) -> tuple[tuple[str, ...], ...]:
    """The phrases of a source text whose initials spell ``acronym``: a capitalised word and the
    words after it in any case, as a BCMS name writes them ("Industrije mesa" for IM,
    "Prirodno-matematičkog fakulteta" for PMF; "Elektroprivreda Crne Gore" not, its initials being EPCG
    only by syllables)."""
    letters = fold(acronym)
    if not 2 <= len(letters) <= 5:
        return ()
    words = list(re.finditer(r"[^\W\d_]+", text))
    found = []
    for i, first in enumerate(words[: len(words) - len(letters) + 1]):
        run = words[i : i + len(letters)]
        if not first.group()[:1].isupper() or any(
            not re.fullmatch(r"[\s„“\"-]*", text[a.end() : b.start()]) for a, b in zip(run, run[1:], strict=False)
        ):
            continue
        if "".join(fold(w.group())[:1] for w in run) == letters:
            found.append(tuple(w.group() for w in run))
    return tuple(dict.fromkeys(found))
