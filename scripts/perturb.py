"""Independent error generators for English translated from Serbian, Croatian, Bosnian or
Montenegrin (pure Python; this module never imports backcheck, so a rule of the library cannot
decide where an error goes or what it looks like).

Given a sentence pair (BCMS source, English translation, source language), :func:`perturb`
returns a :class:`Perturbation` (the perturbed English, the exact planted span ``start:end`` in
it, the family and the clean text it replaced) or None when the family does not apply. Where an
error goes is decided by this module's own heuristics: a *name* is a capitalised English word,
not the first of its sentence, not in :data:`NOT_NAMES`, whose first four letters (diacritics
folded; one letter after the first may differ: Trump / Tramp) begin a capitalised word of the
source (Latin letters, Cyrillic transliterated here).

Families, and the report categories whose flag counts as a detection (:data:`COUNTS`):

=====================  ==========================================================  =================
family                 what is planted                                              counted
=====================  ==========================================================  =================
case_genitive          name in the genitive: Trump→Trumpa, Praga→Prage, Oslo→Osla  name
case_dative_locative   dative/locative: Trumpu, Rijeka→Rijeci, Praga→Prazi (k→c,    name
                       g→z, h→s), Oslu, Kellyju
case_instrumental      instrumental: Trumpom, Šulcem (soft stems -em), Anom         name
case_vocative          vocative: Petar→Petre, Novak→Novače, Jurić→Juriću, Ana→Ano   name
feminine_surname       the surname of "First Last" made feminine: Smith→Smithova,   name
                       Schulz→Schulzeva, Kowalski→Kowalska, Ivanov→Ivanova (-ić
                       surnames stay, so they are never chosen)
possessive_adjective   "Name's" → Trumpov, Schulzev, Merkelin (-a stems), Markov   name
phonetic_spelling      a foreign name spelled as Serbian transcribes it:           name
                       Washington→Vašington, Johnson→Džonson (sh→š, ch→č, j→dž,
                       y→j/i, w→v, th→t, x→ks, qu→kv, c→k, ee→i, oo→u, ph→f,
                       doubled consonants single, silent h after a vowel dropped)
name_replaced          a name replaced by another name of the data at edit         name
                       distance 1-3 (:func:`name_pool`)
number_changed         one number (digits or a number word) changed                number
separator              decimal comma / thousands dot kept: 5.2→5,2, 1,450→1.450    number, style
date_changed           the day of a date or a month name changed                   number
weekday_changed        a weekday replaced by another                               number
negation_flipped       "not"/"n't"/"never" removed, or "not" added after an        mistranslation
                       auxiliary
clause_dropped         a clause (between commas, or before and/but/which/who/...)  omission (any
                       removed; the planted span is the empty point of the cut     omission flag
                                                                                   in the pair)
clause_added           ", and <a clause of another document>" added at the end     addition
untranslated           a long source content word put in place of the English      untranslated
                       word at the nearest relative position
false_friend           where the source has a trigger (eventualno, aktuelan,       mistranslation
                       fabrika, mandat, reprezentacija, ...) and the English its
                       right rendering, that rendering becomes the false friend
                       (eventually, actual, fabric, mandate, representation, ...)
office_changed         an office the source names (premijer, ministar, sudija...)   mistranslation
                       swapped in the English for another: Prime Minister <->
                       President, minister -> mayor, judge <-> prosecutor
unit_changed           the unit or scale after a number changed, the number kept    number
                       (the source has its digits): km -> miles, hectares ->
                       acres, thousand -> million
result_reversed        "X beat Y" -> "Y beat X" where the source has a verb of      mistranslation
                       winning or losing
score_as_time          NO ERROR: a score of the source (14:13) written with its     number (a flag
                       colon in the English; a number flag at it is a false flag    is FALSE)
speaker_gender         "she said" -> "he said" where the source's verb of saying    mistranslation
                       is feminine (rekla, izjavila)
approximation_dropped  "about 200" -> "200", "more than half" -> "half" where the    number
                       source approximates (oko, gotovo, više od, -desetak)
hedge_dropped          "allegedly", "reportedly"... removed where the source        mistranslation
                       hedges (navodno, nezvanično, sumnja se); span: the cut
modality_changed       "plans to open" -> "is opening", "tried to" -> "managed     mistranslation
                       to", "planned to X" -> "went on to X" where the source
                       plans or tries (planira, namjerava, pokušao)
currency_changed       the currency of an amount changed, the number kept:          number
                       dinars -> euros, KM -> kilometres, € -> $
exonym_kept            an English place name replaced by the source's name for it   name,
                       (Vienna -> Beč), from this script's own scripts/              untranslated
                       perturb_exonyms.tsv, where the source names the place
=====================  ==========================================================  =================

A separator error counts as detected by a ``number`` or a ``style`` flag: "1.450" reads as
one and a half in English (a number error), and "5,2%" is a house-style error a style check may
catch; the evaluation says so beside the figure.

A *detection* is a flag of a counted category whose English span overlaps ``start:end`` (for an
empty span: contains the point); for ``clause_dropped``, any ``omission`` flag of the pair.
"""

from __future__ import annotations

import functools
import itertools
import random
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

FAMILIES = (
    "case_genitive",
    "case_dative_locative",
    "case_instrumental",
    "case_vocative",
    "feminine_surname",
    "possessive_adjective",
    "phonetic_spelling",
    "name_replaced",
    "number_changed",
    "separator",
    "date_changed",
    "weekday_changed",
    "negation_flipped",
    "clause_dropped",
    "clause_added",
    "untranslated",
    "false_friend",
    "office_changed",
    "unit_changed",
    "result_reversed",
    "score_as_time",
    "speaker_gender",
    "approximation_dropped",
    "hedge_dropped",
    "modality_changed",
    "currency_changed",
    "exonym_kept",
)
_NAME = {"name"}
COUNTS: dict[str, set[str]] = {
    **{f: _NAME for f in FAMILIES[:8]},
    "number_changed": {"number"},
    "separator": {"number", "style"},
    "date_changed": {"number"},
    "weekday_changed": {"number"},
    "negation_flipped": {"mistranslation"},
    "clause_dropped": {"omission"},
    "clause_added": {"addition"},
    "untranslated": {"untranslated"},
    "false_friend": {"mistranslation"},
    "office_changed": {"mistranslation"},
    "unit_changed": {"number"},
    "result_reversed": {"mistranslation"},
    "score_as_time": {"number"},
    "speaker_gender": {"mistranslation"},
    "approximation_dropped": {"number"},
    "hedge_dropped": {"mistranslation"},
    "modality_changed": {"mistranslation"},
    "currency_changed": {"number"},
    "exonym_kept": {"name", "untranslated"},
}
#: Families matched by any flag of the pair, not by span.
ANYWHERE = {"clause_dropped"}
#: Families that plant no error: a correct variant on which a flag of a counted category at the
#: span is a FALSE flag (the evaluation reports its rate, which should be 0).
FALSE_FLAG = {"score_as_time"}


@dataclass(frozen=True)
class Perturbation:
    family: str
    english: str  #: the perturbed English sentence
    start: int  #: planted span in ``english`` (start == end: the point where text was dropped)
    end: int
    original: str  #: the clean text replaced ("" for an addition)

    @property
    def planted(self) -> str:
        return self.english[self.start : self.end]


def _replace(family: str, en: str, start: int, end: int, new: str) -> Perturbation | None:
    if new == en[start:end]:
        return None
    return Perturbation(family, en[:start] + new + en[end:], start, start + len(new), en[start:end])


# --- scripts ---------------------------------------------------------------------------------

_CYR = dict(
    zip(
        "абвгдђежзијклљмнњопрстћуфхцчџш",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "đ",
            "e",
            "ž",
            "z",
            "i",
            "j",
            "k",
            "l",
            "lj",
            "m",
            "n",
            "nj",
            "o",
            "p",
            "r",
            "s",
            "t",
            "ć",
            "u",
            "f",
            "h",
            "c",
            "č",
            "dž",
            "š",
        ],
    )
)


def to_latin(text: str) -> str:
    """Serbian Cyrillic to Latin letters (a capital stays a capital: Љ → Lj)."""
    out = []
    for ch in text:
        low = ch.lower()
        if low in _CYR:
            lat = _CYR[low]
            out.append(lat.capitalize() if ch != low else lat)
        else:
            out.append(ch)
    return "".join(out)


def fold(word: str) -> str:
    """Lower case without diacritics (đ → d)."""
    word = word.lower().replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


# --- names -----------------------------------------------------------------------------------

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
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NOT_NAMES = set(_MONTHS + _WEEKDAYS) | {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sir",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "My",
    "If",
    "As",
    "For",
    "Of",
    "To",
    "By",
    "With",
    "From",
    "After",
    "When",
    "While",
    "President",
    "Minister",
    "Prime",
    "Secretary",
    "Chancellor",
    "Senator",
    "Governor",
    "General",
    "Council",
    "Parliament",
    "Government",
    "Ministry",
    "Army",
    "Police",
    "Court",
    "University",
    "Party",
    "State",
    "States",
    "Republic",
    "National",
    "International",
    "Union",
    "Committee",
    "Commission",
    "Federal",
    "Democratic",
    "Democrats",
    "Republican",
    "Republicans",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "North",
    "South",
    "East",
    "West",
    "New",
    "Old",
    "Great",
    "Royal",
    "Football",
    "Club",
    "League",
    "Cup",
    "World",
    "Premier",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Lord",
    "Lady",
    "Saint",
    "St",
    "Mount",
    "Lake",
    "River",
    "City",
    "County",
    "Street",
    "Road",
    "Square",
    "Airport",
    "Station",
    "Center",
    "Centre",
    "Institute",
    "Agency",
    "Office",
    "Department",
    "Bank",
    "Church",
    "School",
    "Hospital",
    "Museum",
    "Festival",
    "Award",
    "Awards",
    "Prize",
    "Day",
    "Year",
    "Mr.",
    "Mrs.",
    "Dr.",
    "Professor",
    "Judge",
    "Captain",
    "Colonel",
    "Officer",
    "Inspector",
    "Chief",
    "Director",
    "Coach",
    "Manager",
    "Chairman",
    "Speaker",
    "Ambassador",
}
_TOKEN = re.compile(r"[^\W\d_]+")
#: Endings of nationality words, adjectives and plurals (Koreans, Korean, Chinese, Scottish, Robotics).
_DEMONYM = ("ans", "ean", "ese", "ish", "ics")
_SOFT = ("c", "č", "ć", "š", "ž", "j", "đ", "lj", "nj", "dž")


def _sentence_initial(en: str, start: int) -> bool:
    before = en[:start].rstrip(" \"'“‘«(")
    return not before or before[-1] in ".!?:"


def source_capitals(src: str) -> set[str]:
    """The first four letters (folded) of every capitalised word of the source."""
    return {fold(w)[:4] for w in _TOKEN.findall(to_latin(src)) if w[0].isupper() and len(w) >= 3}


def _confirmed(prefix: str, caps: set[str]) -> bool:
    """Does a capitalised source word begin like ``prefix`` (the same first letter, at most one
    other letter changed: Trump / Tramp, as Serbian transcribes it)?"""
    return prefix in caps or any(
        c[:1] == prefix[:1] and len(c) == len(prefix) and levenshtein(c, prefix, 2) <= 1 for c in caps
    )


def english_names(src: str, en: str) -> list[re.Match]:
    """Capitalised English words that the source confirms as names (see the module docstring)."""
    caps = source_capitals(src)
    out = []
    for m in _TOKEN.finditer(en):
        w = m.group()
        if (
            len(w) < 3
            or not w[0].isupper()
            or w.isupper()
            or w in NOT_NAMES
            or w.endswith(_DEMONYM)
            or _sentence_initial(en, m.start())
            or "-" in (en[m.end() : m.end() + 1], en[m.start() - 1 : m.start()])
        ):
            continue
        if _confirmed(fold(w)[:4], caps) or _confirmed(fold(serbian_spelling(w))[:4], caps):
            out.append(m)
    return out


def _stem_class(w: str) -> str:
    low = w.lower()
    if low.endswith("a"):
        return "a"
    if low.endswith(("o", "e")):
        return "o" if low.endswith("o") else "e"
    if low.endswith(("i", "y")):
        return "i"
    if low.endswith("u"):
        return "u"
    return "consonant"


def _soft(w: str) -> bool:
    return w.lower().endswith(_SOFT)


def decline(w: str, case: str) -> str | None:
    """``w`` in a BCMS case (genitive, dative, instrumental, vocative), or None if this table
    has no form for its ending."""
    kind = _stem_class(w)
    if kind == "consonant":
        if case == "vocative":
            for end, voc in (("ić", "iću"), ("k", "če"), ("g", "že"), ("h", "še"), ("c", "če")):
                if w.endswith(end):
                    return w[: -len(end)] + voc
            return w + ("u" if _soft(w) else "e")
        return w + {"genitive": "a", "dative": "u", "instrumental": "em" if _soft(w) else "om"}[case]
    if kind == "a":
        stem = w[:-1] + ("j" if w.lower().endswith(("ia", "ea", "ya")) else "")  # Kenija, Koreja
        if case == "dative":
            for hard, alt in (("k", "c"), ("g", "z"), ("h", "s")):
                if stem.endswith(hard):
                    stem = stem[:-1] + alt
                    break
            return stem + "i"
        if case == "vocative":
            return stem + ("e" if stem.endswith("ic") else "o")
        return stem + {"genitive": "e", "instrumental": "om"}[case]
    if kind == "o" and case != "vocative":
        return w[:-1] + {"genitive": "a", "dative": "u", "instrumental": "om"}[case]
    if kind == "i" and case != "vocative":
        return w + {"genitive": "ja", "dative": "ju", "instrumental": "jem"}[case]
    return None


def feminine(w: str) -> str | None:
    low = w.lower()
    if low.endswith("ić") or low.endswith(("a", "e", "i", "o", "u")) and not low.endswith(("ski", "cki", "sky")):
        return None
    if low.endswith(("ski", "cki", "sky")):
        return w[:-1] + "a"
    if low.endswith(("ov", "ev", "in")):
        return w + "a"
    return w + ("eva" if _soft(w) else "ova")


def possessive(w: str) -> str | None:
    kind = _stem_class(w)
    if kind == "consonant":
        return w + ("ev" if _soft(w) else "ov")
    if kind == "a":
        return w[:-1] + "in"
    if kind == "o":
        return w[:-1] + "ov"
    if kind == "i":
        return w + "jev"
    return None


_SPELL = [
    ("sch", "š"),
    ("tch", "č"),
    ("sh", "š"),
    ("ch", "č"),
    ("ph", "f"),
    ("th", "t"),
    ("ck", "k"),
    ("qu", "kv"),
    ("ee", "i"),
    ("oo", "u"),
    ("x", "ks"),
    ("w", "v"),
    ("j", "dž"),
]
_VOWELS = set("aeiouy")
#: English spellings a Serbian transcription never keeps: one of them makes a name foreign.
_FOREIGN = re.compile(r"w|x|q|y|th|sh|ch|ph|ee|oo|ck|([bdfglmnprstz])\1")


def serbian_spelling(name: str) -> str:
    """``name`` as Serbian transcribes English spelling (a letter-by-letter approximation)."""
    low, out, i = name.lower(), [], 0
    while i < len(low):
        for key, value in _SPELL:
            if low.startswith(key, i):
                out.append(value)
                i += len(key)
                break
        else:
            ch, nxt = low[i], low[i + 1 : i + 2]
            if ch == "y":
                out.append("j" if nxt in _VOWELS and nxt else "i")
            elif ch == "c":
                out.append("c" if nxt in ("e", "i", "y") else "k")
            elif ch == nxt and ch not in _VOWELS:
                pass  # a doubled consonant is written once
            elif ch == "h" and i and low[i - 1] in _VOWELS and nxt not in _VOWELS:
                pass  # a silent h after a vowel (Johnson, Sarah)
            else:
                out.append(ch)
            i += 1
    spelled = "".join(out)
    return spelled[:1].upper() + spelled[1:] if name[:1].isupper() else spelled


def levenshtein(a: str, b: str, cap: int = 4) -> int:
    """Edit distance, or ``cap`` once it is certainly at least that."""
    if abs(len(a) - len(b)) >= cap:
        return cap
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if min(cur) >= cap:
            return cap
        prev = cur
    return min(prev[-1], cap)


def name_pool(sentences: list[str], min_count: int = 2) -> list[str]:
    """Capitalised, not sentence-initial words of the data seen at least ``min_count`` times: the
    real names that ``name_replaced`` draws from."""
    counts: dict[str, int] = {}
    for en in sentences:
        for m in _TOKEN.finditer(en):
            w = m.group()
            if (
                len(w) >= 4
                and w[0].isupper()
                and not w.isupper()
                and w not in NOT_NAMES
                and not _sentence_initial(en, m.start())
            ):
                counts[w] = counts.get(w, 0) + 1
    return sorted(w for w, n in counts.items() if n >= min_count)


# --- name families ---------------------------------------------------------------------------

_CASES = {
    "case_genitive": "genitive",
    "case_dative_locative": "dative",
    "case_instrumental": "instrumental",
    "case_vocative": "vocative",
}
_POSSESSIVE = re.compile(r"['’]s\b")


def _name_family(family: str, src: str, en: str, rng: random.Random, pool: list[str]) -> Perturbation | None:
    names = english_names(src, en)
    if family == "feminine_surname":  # the last word of "First Last"
        names = [m for m in names if _surname(en, m)]
    if family == "possessive_adjective":
        names = [m for m in names if _POSSESSIVE.match(en, m.end())]
    if family == "phonetic_spelling":
        names = [m for m in names if _FOREIGN.search(m.group().lower())]
    rng.shuffle(names)
    for m in names:
        w, end = m.group(), m.end()
        if family in _CASES:
            new = decline(w, _CASES[family])
        elif family == "feminine_surname":
            new = feminine(w)
        elif family == "possessive_adjective":
            new, end = possessive(w), _POSSESSIVE.match(en, m.end()).end()
        elif family == "phonetic_spelling":
            new = serbian_spelling(w)
        else:
            new = _similar_name(w, en, pool, rng)
        if new and new != w:
            return _replace(family, en, m.start(), end, new)
    return None


def _surname(en: str, m: re.Match) -> bool:
    """Is ``m`` the last word of a two-word name ("Donald Trump", not "President Donald")?"""
    before = re.search(r"([A-Z][a-z][^\W\d_]*) $", en[: m.start()])
    after = re.match(r" [A-Z]", en[m.end() :])
    return bool(before) and before.group(1) not in NOT_NAMES and not after


def _similar_name(w: str, en: str, pool: list[str], rng: random.Random) -> str | None:
    """Another name of the pool at edit distance 1-3, of about the same length, absent from the sentence."""
    if len(w) < 4:
        return None
    near = [
        p
        for p in pool
        if abs(len(p) - len(w)) <= 2
        and p not in en
        and p.lower() != w.lower()
        and 1 <= levenshtein(p, w) <= min(3, len(w) // 2)
    ]
    same_initial = [p for p in near if p[0] == w[0]]
    return rng.choice(same_initial or near) if near else None


# --- numbers, dates, weekdays ----------------------------------------------------------------

_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
_NUMBER_WORDS = (
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "thousand",
    "million",
    "billion",
)
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)
_SCALES = ("hundred", "thousand", "million", "billion")


def _number_changed(en: str, rng: random.Random) -> Perturbation | None:
    numbers = [m for m in _NUMBER.finditer(en) if m.group()[-1].isdigit()]
    if numbers:
        m = rng.choice(numbers)
        digits = m.group()
        pos = max(i for i, c in enumerate(digits) if c.isdigit())
        new_digit = str((int(digits[pos]) + rng.randint(1, 8)) % 10)
        if pos == 0 and len(digits) > 1 and new_digit == "0":
            new_digit = "9"
        return _replace("number_changed", en, m.start(), m.end(), digits[:pos] + new_digit + digits[pos + 1 :])
    words = list(_NUMBER_WORD.finditer(en))
    if not words:
        return None
    m = rng.choice(words)
    same_kind = _SCALES if m.group().lower() in _SCALES else _NUMBER_WORDS[:-4]
    new = rng.choice([w for w in same_kind if w != m.group().lower()])
    return _replace("number_changed", en, m.start(), m.end(), new.capitalize() if m.group()[0].isupper() else new)


_DECIMAL = re.compile(r"(?<![\d.,])\d+\.\d+(?![\d.,]*\d)")
_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d.,]*\d)")


def _separator(en: str, rng: random.Random) -> Perturbation | None:
    found = [(m, m.group().replace(".", ",")) for m in _DECIMAL.finditer(en)]
    found += [(m, m.group().replace(",", ".")) for m in _THOUSANDS.finditer(en)]
    if not found:
        return None
    m, new = rng.choice(found)
    return _replace("separator", en, m.start(), m.end(), new)


_MONTH = "|".join(_MONTHS)
_DATE = re.compile(rf"\b(?:({_MONTH})\s+(\d{{1,2}})|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH}))\b")


def _date_changed(en: str, rng: random.Random) -> Perturbation | None:
    dates = list(_DATE.finditer(en))
    if dates:  # change the day of a date
        m = rng.choice(dates)
        group = 2 if m.group(2) else 3
        day = int(m.group(group))
        new = str(day + rng.randint(1, 5) if day <= 23 else day - rng.randint(1, 5))
        return _replace("date_changed", en, m.start(group), m.end(group), new)
    months = list(re.finditer(rf"\b({_MONTH})\b", en))
    months = [m for m in months if not (m.group() == "May" and not re.match(r"\s+\d", en[m.end() :]))]
    if not months:
        return None
    m = rng.choice(months)
    return _replace("date_changed", en, m.start(), m.end(), rng.choice([x for x in _MONTHS if x != m.group()]))


def _weekday_changed(en: str, rng: random.Random) -> Perturbation | None:
    days = list(re.finditer(r"\b(" + "|".join(_WEEKDAYS) + r")\b", en))
    if not days:
        return None
    m = rng.choice(days)
    return _replace("weekday_changed", en, m.start(), m.end(), rng.choice([d for d in _WEEKDAYS if d != m.group()]))


# --- negation, clauses -----------------------------------------------------------------------

#: An auxiliary that "not" can follow: a modal or a form of "be" before anything, "have" before a
#: participle, "do" before a lower-case word.
_AUX = re.compile(
    r"\b(?:(?:is|are|was|were|will|would|can|could|should|must|may|might)"
    r"(?=\s+(?!not\b|i\b|you\b|he\b|she\b|it\b|we\b|they\b|there\b)\w)"
    r"|(?:has|have|had)(?=\s+(?:been|\w+(?:ed|en|wn|one|ade|ught|ound|id)\b))"
    r"|(?:does|did|do)(?=\s+(?!not\b)[a-z]+\b))"
)
_CONTRACTED = {"won't": "will", "can't": "can", "cannot": "can", "shan't": "shall"}
_NEGATION = re.compile(r"\b(won['’]t|can['’]t|cannot|\w+n['’]t|not|never)\b", re.IGNORECASE)


def _negation_flipped(en: str, rng: random.Random) -> Perturbation | None:
    negations = list(_NEGATION.finditer(en))
    if negations:
        m = rng.choice(negations)
        word = m.group().lower().replace("’", "'")
        if word in ("not", "never"):  # remove the word and the space before it; span: the word before
            start = en.rfind(" ", 0, m.start() - 1) + 1
            if m.start() == 0 or start >= m.start() - 1:
                return None
            out = en[: m.start() - 1] + en[m.end() :]
            return Perturbation("negation_flipped", out, start, m.start() - 1, en[start : m.end()])
        positive = _CONTRACTED.get(word, m.group()[:-3])
        return _replace("negation_flipped", en, m.start(), m.end(), positive)
    aux = list(_AUX.finditer(en))
    if not aux:
        return None
    m = rng.choice(aux)
    return _replace("negation_flipped", en, m.start(), m.end(), m.group() + " not")


_CUT = re.compile(r",\s+|;\s+|\s+(?=(?:and|but|which|who|while|after|because|when|although|as|where)\s)")


def _clause_dropped(en: str, rng: random.Random) -> Perturbation | None:
    end = len(en.rstrip().rstrip(".!?\"'”’»)"))
    cuts = [m.start() for m in _CUT.finditer(en, 0, end) if m.start() > 0] + [end]
    options = [
        (a, b) for a, b in itertools.pairwise(cuts) if len(en[a:b].split()) >= 3 and len((en[:a] + en[b:]).split()) >= 4
    ]
    if not options:
        return None
    a, b = rng.choice(options)
    return Perturbation("clause_dropped", en[:a] + en[b:], a, a, en[a:b])


def _clause_added(en: str, rng: random.Random, donors: list[str]) -> Perturbation | None:
    if not donors:
        return None
    for _ in range(5):
        donor = rng.choice(donors)
        parts = [p.strip() for p in _CUT.split(donor) if 4 <= len(p.split()) <= 14]
        parts = [
            re.sub(r"(?i)^(and|but|which|who|while|after|because|when|although|as|where)\s+", "", p).strip(
                " .!?\"'”’»“"
            )
            for p in parts
        ]
        parts = [p for p in parts if len(p.split()) >= 4 and p not in en]
        if parts:
            break
    else:
        return None
    clause = rng.choice(parts)
    if clause[:1].isupper() and clause[1:2].islower() and _TOKEN.match(clause).group() in NOT_NAMES:
        clause = clause[0].lower() + clause[1:]
    body = en.rstrip()
    tail = re.search(r"[.!?\"'”’»)]*$", body).group()
    at = len(body) - len(tail)
    added = ", and " + clause
    return Perturbation("clause_added", body[:at] + added + (tail or "."), at, at + len(added), "")


# --- untranslated words, false friends -------------------------------------------------------

_EN_FUNCTION = {
    "that",
    "this",
    "with",
    "from",
    "have",
    "were",
    "been",
    "they",
    "their",
    "there",
    "which",
    "would",
    "could",
    "should",
    "about",
    "after",
    "before",
    "into",
    "over",
    "than",
    "then",
    "them",
    "these",
    "those",
    "what",
    "when",
    "where",
    "while",
    "will",
    "also",
    "said",
    "says",
    "more",
    "most",
    "other",
    "some",
    "such",
    "only",
    "very",
    "just",
    "being",
    "does",
    "between",
    "during",
    "under",
    "since",
    "because",
    "against",
    "among",
    "through",
}


#: Beginnings of BCMS pronouns, determiners and prepositions: words MT does not leave as they are.
_BCMS_FUNCTION = (
    "njegov",
    "njihov",
    "njezin",
    "njen",
    "koj",
    "kak",
    "ovak",
    "onak",
    "tak",
    "ovog",
    "onog",
    "nek",
    "svoj",
    "jedn",
    "među",
    "preko",
    "prema",
    "tokom",
    "tijekom",
    "nakon",
    "posle",
    "poslije",
    "ukoliko",
    "takođe",
    "također",
    "međutim",
    "odnosno",
    "između",
    "umesto",
    "umjesto",
    "zbog",
)


def _untranslated(src: str, en: str, rng: random.Random) -> Perturbation | None:
    """A long lower-case source word (long: likely rare, so likely left by MT) in place of the
    English content word at the nearest relative position."""
    latin = to_latin(src)
    words = [
        m
        for m in _TOKEN.finditer(latin)
        if m.group().islower() and len(m.group()) >= 6 and not m.group().startswith(_BCMS_FUNCTION)
    ]
    targets = [
        m for m in _TOKEN.finditer(en) if m.group().islower() and len(m.group()) >= 4 and m.group() not in _EN_FUNCTION
    ]
    if not words or not targets:
        return None
    longest = sorted(words, key=lambda m: -len(m.group()))[:3]
    word = rng.choice(longest)
    where = word.start() / max(1, len(latin)) * len(en)
    target = min(targets, key=lambda m: abs(m.start() - where))
    return _replace("untranslated", en, target.start(), target.end(), word.group())


#: BCMS trigger (a regular expression on the folded Latin source) -> {right English rendering:
#: the false friend an MT system or a hurried translator writes instead}.
FALSE_FRIENDS: list[tuple[str, dict[str, str]]] = [
    (r"eventualno\b", {"possibly": "eventually", "perhaps": "eventually", "potentially": "eventually"}),
    (r"eventualn[aeiou]", {"possible": "eventual", "potential": "eventual", "any": "eventual"}),
    (r"aktu[ae]ln", {"current": "actual", "incumbent": "actual", "topical": "actual", "present": "actual"}),
    (r"ambulant", {"clinic": "ambulance", "outpatient clinic": "ambulance", "health centre": "ambulance"}),
    (r"evidencij", {"records": "evidence", "record": "evidence", "register": "evidence"}),
    (r"fabri[kc]", {"factory": "fabric", "factories": "fabrics", "plant": "fabric", "plants": "fabrics"}),
    (r"gimnazij", {"high school": "gymnasium", "grammar school": "gymnasium", "secondary school": "gymnasium"}),
    (r"lektir", {"reading list": "lecture", "required reading": "lecture"}),
    (r"prospekt", {"brochure": "prospect", "brochures": "prospects", "leaflet": "prospect"}),
    (
        r"reali[zs]ov|realizir|realizacij",
        {
            "implemented": "realized",
            "implement": "realize",
            "implementing": "realizing",
            "implementation": "realization",
            "carried out": "realized",
            "completed": "realized",
        },
    ),
    (
        r"sindikat",
        {"trade union": "syndicate", "trade unions": "syndicates", "union": "syndicate", "unions": "syndicates"},
    ),
    (r"mandat", {"term": "mandate", "terms": "mandates", "term of office": "mandate"}),
    (
        r"reprezentacij",
        {
            "national team": "representation",
            "national side": "representation",
            "team": "representation",
            "squad": "representation",
        },
    ),
    (r"regularn", {"fair": "regular", "legitimate": "regular", "proper": "regular"}),
    (r"parcel", {"plot": "parcel", "plots": "parcels"}),
    (
        r"transparent",
        {"banner": "transparent", "banners": "transparents", "placard": "transparent", "placards": "transparents"},
    ),
    (r"kaucij", {"bail": "caution", "deposit": "caution"}),
    (r"provizij", {"commission": "provision", "fee": "provision", "fees": "provisions"}),
    (
        r"simpatic",
        {"likeable": "sympathetic", "nice": "sympathetic", "pleasant": "sympathetic", "charming": "sympathetic"},
    ),
    (r"konkurs|natjecaj", {"competition": "concourse", "tender": "concourse", "contest": "concourse"}),
    (r"ordinacij", {"surgery": "ordination", "practice": "ordination", "clinic": "ordination"}),
    (r"tribin", {"panel discussion": "tribune", "debate": "tribune", "stands": "tribunes", "stand": "tribune"}),
    (
        r"kontrol",
        {
            "inspection": "control",
            "inspections": "controls",
            "inspected": "controlled",
            "checks": "controls",
            "checked": "controlled",
        },
    ),
    (r"sen[zs]ibil", {"sensitive": "sensible", "sensitivity": "sensibility"}),
    (r"konsekventn", {"consistent": "consequent", "consistently": "consequently"}),
    (r"benzin", {"petrol": "benzine", "gasoline": "benzine", "gas": "benzine"}),
    (r"\bdres(?:a|u|om|ovi|ove|ova)?\b", {"jersey": "dress", "shirt": "dress", "kit": "dress"}),
    (r"akcij", {"campaign": "action", "operation": "action", "raid": "action", "drive": "action"}),
    (r"funkcij", {"post": "function", "office": "function", "position": "function"}),
    (r"kompetencij", {"powers": "competences", "responsibilities": "competences", "remit": "competence"}),
    (r"kadrov|\bkadar", {"staff": "cadres", "personnel": "cadres"}),
    (r"\bkurs", {"exchange rate": "course", "exchange rates": "courses"}),
    (r"\brealno\b", {"realistically": "really", "realistic": "real"}),
    (r"kompozicij", {"train": "composition", "trains": "compositions"}),
    (r"novel[aeiu]", {"amendment": "novel", "amendments": "novels"}),
]


def _false_friend(src: str, en: str, rng: random.Random) -> Perturbation | None:
    folded = fold(to_latin(src))
    options = []
    for trigger, renderings in FALSE_FRIENDS:
        if not re.search(r"\b" + trigger if not trigger.startswith(r"\b") else trigger, folded):
            continue
        for right in sorted(renderings, key=len, reverse=True):
            for m in re.finditer(r"\b" + re.escape(right) + r"\b", en, re.IGNORECASE):
                if not any(a <= m.start() < b for a, b, _ in options):
                    new = renderings[right]
                    options.append((m.start(), m.end(), new.capitalize() if m.group()[0].isupper() else new))
    if not options:
        return None
    start, end, new = rng.choice(options)
    return _replace("false_friend", en, start, end, new)


# --- meaning facts: offices, units, results, speakers, approximations, hedges, modality,
# --- currencies, exonyms (issues 19 and 20) ---------------------------------------------------

#: English office (lower case, longest first) -> (a regular expression on the folded Latin source
#: that names the office, the offices it is swapped for). Swaps are offices a newsroom confuses.
OFFICES: list[tuple[str, str, tuple[str, ...]]] = [
    ("prime minister", r"\bpremijer|\bpredsjedni\w* vlade|\bpredsedni\w* vlade", ("President", "Minister")),
    ("president", r"\bpredsjedni|\bpredsedni", ("Prime Minister", "Minister")),
    ("minister", r"\bministr|\bministar", ("Mayor", "President")),
    ("mayor", r"\bgradonacelni", ("Governor", "Minister")),
    ("governor", r"\bguverner", ("Mayor", "Minister")),
    ("judge", r"\bsud(?:ij|ac\b|ca\b|cu\b)|\bsutkinj", ("Prosecutor",)),
    ("prosecutor", r"\btuzil|\btuzitelj", ("Judge",)),
    ("ambassador", r"\bambasador|\bveleposlani", ("Minister",)),
]


def _office_changed(src: str, en: str, rng: random.Random) -> Perturbation | None:
    folded = fold(to_latin(src))
    taken: list[tuple[int, int]] = []
    options = []
    for office, source_rx, swaps in OFFICES:
        if not re.search(source_rx, folded):
            continue
        for m in re.finditer(r"\b" + office.replace(" ", r"\s+") + r"\b", en, re.I):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue  # "Minister" inside "Prime Minister"
            taken.append((m.start(), m.end()))
            new = rng.choice(swaps)
            if m.group()[0].islower():
                new = new.lower()
            options.append((m.start(), m.end(), new))
    if not options:
        return None
    start, end, new = rng.choice(options)
    return _replace("office_changed", en, start, end, new)


#: An English unit after a number -> the unit it is changed to (another dimension's unit or
#: another scale; never a correct conversion, as the number stays).
UNIT_SWAPS: list[tuple[str, str]] = [
    (r"square kilomet(?:re|er)s|sq km|km2|km²", "square miles"),
    (r"kilomet(?:re|er)s?(?: per hour| an hour)?|km/h|kph|km", "miles"),
    (r"miles per hour|mph", "kilometres per hour"),
    (r"miles?", "kilometres"),
    (r"hectares?", "acres"),
    (r"acres?", "hectares"),
    (r"met(?:re|er)s?", "feet"),
    (r"(?:feet|foot)", "metres"),
    (r"yards?", "metres"),
    (r"kilograms?|kilos?|kg", "tonnes"),
    (r"tonnes|tons", "kilograms"),
    (r"lit(?:re|er)s?", "gallons"),
    (r"thousand", "million"),
    (r"million", "billion"),
    (r"billion", "million"),
]
_UNIT_AFTER = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d+)*)(\s|-)(" + "|".join(rx for rx, _ in UNIT_SWAPS) + r")\b(?!-)", re.I
)


def _unit_changed(src: str, en: str, rng: random.Random) -> Perturbation | None:
    """The unit (or scale) after a number changed, the number kept, where the source has that
    number's digits."""
    source_digits = set(re.findall(r"\d+", src))
    options = []
    for m in _UNIT_AFTER.finditer(en):
        if not set(re.findall(r"\d+", m.group(1))) & source_digits:
            continue
        unit = m.group(3)
        for rx, new in UNIT_SWAPS:
            if re.fullmatch(rx, unit, re.I):
                if unit.lower().rstrip("s") == "mile" and new == "kilometres" and unit == "mile":
                    new = "kilometre"
                options.append((m.start(3), m.end(3), new))
                break
    if not options:
        return None
    start, end, new = rng.choice(options)
    return _replace("unit_changed", en, start, end, new)


_WIN_SOURCE = re.compile(r"\b(?:pobijedi|pobedi|savlada|porazi|nadigra|izgubi|slavi\w* (?:nad|protiv)|pobjed|pobed)")
_TEAM = r"((?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
_BEAT = re.compile(_TEAM + r"\s+(beat|beats|defeated|defeats|overcame|thrashed|edged|lost to|fell to)\s+" + _TEAM)


#: "Livingston's 1-0 win over Rangers", "gives Livingston 1-0 win over Rangers": the winner
#: right before the score (or "'s"), the loser after "over".
_WIN_OVER = re.compile(
    _TEAM + r"(?:'s|’s)?\s+(?:an?\s+)?(?:[a-z]+\s+)?(\d+\s?[-–:&]\s?\d+\s+(?:win|victory))\s+over\s+" + _TEAM
)
#: "a 5-2 win over the Nationals" with no winner named next to it: the win made a loss.
_BARE_WIN = re.compile(r"\b(?:an?\s+)(?:[a-z]+\s+)?\d+\s?[-–]\s?\d+\s+(win|victory)\s+over\b")


def _result_reversed(src: str, en: str, rng: random.Random) -> Perturbation | None:
    """ "X beat Y" -> "Y beat X", "X's 1-0 win over Y" -> "Y's 1-0 win over X", "a 5-2 win over
    Y" -> "a 5-2 loss to Y", where the source has a verb of winning or losing (or a win)."""
    if not _WIN_SOURCE.search(fold(to_latin(src))):
        return None
    options = [m for m in _BEAT.finditer(en) if m.group(1).lower() != m.group(3).lower()]
    options = [m for m in options if m.group(1).split()[-1] not in NOT_NAMES or len(m.group(1).split()) > 1]
    wins = [
        m
        for m in _WIN_OVER.finditer(en)
        if m.group(1).lower() != m.group(3).lower()
        and (m.group(1).split()[-1] not in NOT_NAMES or len(m.group(1).split()) > 1)
    ]
    bare = [m for m in _BARE_WIN.finditer(en) if not any(w.start(2) <= m.start(1) < w.end(2) for w in wins)]
    if not options and not wins and not bare:
        return None
    m = rng.choice(options + wins + bare)
    if m.re is _BARE_WIN:
        loss = "loss to" if m.group(1) == "win" else "defeat by"
        return _replace("result_reversed", en, m.start(1), m.end(), loss)
    if m.re is _WIN_OVER:
        a, b = m.group(1), m.group(3)
        a0, b0 = a.startswith("the "), b.startswith("the ")
        a, b = a[4:] if a0 else a, b[4:] if b0 else b
        new = en[m.start() : m.end()]
        rel_a, rel_b = m.start(1) - m.start(), m.start(3) - m.start()
        head = ("the " if a0 else "") + b
        tail = ("the " if b0 else "") + a
        new = head + new[rel_a + len(m.group(1)) : rel_b] + tail
        return _replace("result_reversed", en, m.start(), m.end(), new)
    a, b = m.group(1), m.group(3)
    if _sentence_initial(en, m.start(1)) and a.startswith("The "):
        a = "the " + a[4:]
    if b.startswith("the "):
        b = ("The " if _sentence_initial(en, m.start(1)) else "the ") + b[4:]
    return _replace("result_reversed", en, m.start(), m.end(), f"{b} {m.group(2)} {a}")


#: A score in the source (14:13, 1:0): two numbers of at most three digits around a colon, not a
#: time of day after "u"/"oko"/"od"/"do" and not followed by a time-zone or "sati"/"h".
_SOURCE_SCORE = re.compile(r"(?<![\d:.,])(\d{1,3}):(\d{1,3})(?![\d:])")
_NOT_SCORE_BEFORE = re.compile(r"\b(?:u|oko|od|do|prije|poslije|posle|nakon|at|by)\s*$", re.I)
_NOT_SCORE_AFTER = re.compile(r"\s*(?:h\b|sati|časova|casova|BST|GMT|CET|UTC|po\b|a\.?m|p\.?m)", re.I)


def score_spans(src: str, en: str) -> list[tuple[int, int, str]]:
    """English spans of the scores of a sentence pair: a "N-N" or "N:N" of the English whose two
    numbers the source writes as a score "N:N" (the ``score_as_time`` false-flag class)."""
    scores = set()
    for m in _SOURCE_SCORE.finditer(src):
        if _NOT_SCORE_BEFORE.search(src[: m.start()]) or _NOT_SCORE_AFTER.match(src[m.end() :]):
            continue
        scores.add((m.group(1), m.group(2)))
    out = []
    for m in re.finditer(r"(?<![\d:.,-])(\d{1,3})[-–:](\d{1,3})(?![\d:])", en):
        if (m.group(1), m.group(2)) in scores:
            out.append((m.start(), m.end(), f"{m.group(1)}:{m.group(2)}"))
    return out


def _score_as_time(src: str, en: str, rng: random.Random) -> Perturbation | None:
    """Not an error: the English writes a score with the source's colon ("14:13"), as MT often
    does. A number flag there reads a score as a time of day (a false flag)."""
    spans = score_spans(src, en)
    if not spans:
        return None
    start, end, colon = rng.choice(spans)
    return Perturbation("score_as_time", en[:start] + colon + en[end:], start, start + len(colon), en[start:end])


#: Past participles of verbs of saying, feminine (the speaker is a woman), folded Latin stems
#: without the ending -la.
_SAYING = (
    "reka",
    "izjavi",
    "doda",
    "ista",
    "istak",
    "naglasi",
    "kaza",
    "nave",
    "objasni",
    "poruci",
    "ocijeni",
    "oceni",
    "upozori",
    "pojasni",
    "zakljuci",
    "napomenu",
    "tvrdi",
    "odgovori",
    "prizna",
    "potvrdi",
    "najavi",
    "saopsti",
    "saopci",
    "ispriča",
    "isprica",
    "dodaje",
)
_FEMININE_SAYING = re.compile(r"\b(?:" + "|".join(_SAYING) + r")la\b")
_SHE_SAID = re.compile(
    r"\b(she)\s+(?:also\s+)?(said|says|added|told|stressed|noted|explained|warned|stated|announced|"
    r"confirmed|claimed|replied|admitted|insisted|wrote|argued)\b",
    re.I,
)


def _speaker_gender(src: str, en: str, rng: random.Random) -> Perturbation | None:
    """ "she said" -> "he said" where the source's verb of saying is feminine (rekla, izjavila)."""
    if not _FEMININE_SAYING.search(fold(to_latin(src))):
        return None
    options = list(_SHE_SAID.finditer(en))
    if not options:
        return None
    m = rng.choice(options)
    return _replace("speaker_gender", en, m.start(1), m.end(1), "He" if m.group(1)[0] == "S" else "he")


_APPROX_SOURCE = re.compile(
    r"\b(?:oko|gotovo|skoro|blizu|vise od|preko|manje od|otprilike|najmanje|priblizno|cak)\s+\d"
    r"|\b\w+(?:desetak|naestak|setak|stotinjak)\b|\b(?:desetak|stotinjak|gotovo polovin|vise od polovin)"
)
_APPROX_ENGLISH = re.compile(
    r"\b(about|around|almost|nearly|roughly|approximately|some|more than|over|less than|fewer than|"
    r"at least|close to|up to|just over|just under|well over)\s+(?=(?:\$|£|€)?\d|half\b|a (?:third|quarter|dozen)\b)",
    re.I,
)


def _digits(text: str) -> str:
    return re.sub(r"[^\d]", "", text)


def _approximation_dropped(src: str, en: str, rng: random.Random) -> Perturbation | None:
    """ "about 200" -> "200", "more than half" -> "half", where the source approximates the same
    number (its digits follow a source approximation within a word); the planted span is the
    number left exact."""
    folded = fold(to_latin(src))
    approximate = {_digits(folded[m.end() - 1 : m.end() + 14].split()[0]) for m in _APPROX_SOURCE.finditer(folded)}
    approximate |= {"half"} if re.search(r"\b(?:gotovo|skoro|vise od|manje od|blizu|oko) polovin", folded) else set()
    options = [
        m
        for m in _APPROX_ENGLISH.finditer(en)
        if (_digits(en[m.end() : m.end() + 12].split()[0]) or en[m.end() : m.end() + 4]) in approximate
    ]
    if not options:
        return None
    m = rng.choice(options)
    rest = re.match(r"[$£€]?[\d.,]+|\w+", en[m.end() :]).group()
    out = en[: m.start()] + en[m.end() :]
    if m.group()[0].isupper():
        out = en[: m.start()] + rest[:1].upper() + en[m.end() + 1 :]
    return Perturbation(
        "approximation_dropped", out, m.start(), m.start() + len(rest), en[m.start() : m.end() + len(rest)]
    )


#: Evidentials (a claim reported, not vouched for); epistemic adverbs (vjerovatno, "probably")
#: are another class, left out.
_HEDGE_SOURCE = re.compile(
    r"\bnavodn\w*|\bnezvanicn\w*|\bnesluzben\w*|\bsumnja se\b|\bkako se sumnja|\btvrdi se\b|\bkako se navodi"
    r"|\bpretpostavlja se\b"
)
_HEDGE_ENGLISH = re.compile(
    r"\b(allegedly|reportedly|purportedly|supposedly|"
    r"according to unofficial (?:information|sources)|unofficially|alleged|suspected|reported|purported)\b\s*,?\s*",
    re.I,
)


def _hedge_dropped(src: str, en: str, rng: random.Random) -> Perturbation | None:
    """ "allegedly"/"reportedly" (and "alleged" before a noun) removed where the source hedges
    (navodno, nezvanično, sumnja se); the span is the point of the cut."""
    if not _HEDGE_SOURCE.search(fold(to_latin(src))):
        return None
    options = []
    for m in _HEDGE_ENGLISH.finditer(en):
        word = m.group(1).lower()
        if word in ("reported", "suspected", "alleged", "purported") and not re.match(r"[a-z]", en[m.end() :]):
            continue
        if word == "reported" and re.search(r"\b(?:has|have|had|was|were|is|are|be)\s+$", en[: m.start()]):
            continue  # "police reported": a verb, not a hedge
        options.append(m)
    if not options:
        return None
    m = rng.choice(options)
    out = en[: m.start()] + en[m.end() :]
    if m.group()[0].isupper():
        out = en[: m.start()] + out[m.start() : m.start() + 1].upper() + out[m.start() + 1 :]
    return Perturbation("hedge_dropped", out, m.start(), m.start(), en[m.start() : m.end()])


#: Verbs (and the noun) of planning, intending and trying. The plain future ("će", "hoće") and
#: announcements ("najavio je da će") are no plan: "will open" for them is no modality change.
_MODAL_SOURCE = re.compile(
    r"\b(?:planir(?!an)|namjerav|namerav|pokusa(?!j)|nastoj|plan(?:ove|ovi|om)? da\b|namje?r\w* da\b)"
)


def _ing(verb: str) -> str:
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", verb) and len(verb) <= 4:
        return verb + verb[-1] + "ing"  # stop, plan, get
    return verb + "ing"


_MODAL_ENGLISH = re.compile(
    r"\b(?:(plans|intends|aims)\s+to\s+([a-z]+)|(is|are)\s+(?:planning|intending|aiming)\s+to\s+([a-z]+)"
    r"|(tried|attempted|sought)\s+to\b|(planned|intended)\s+to\s+([a-z]+))",
    re.I,
)


def _modality_changed(src: str, en: str, rng: random.Random) -> Perturbation | None:
    """A plan reported as done or certain: "plans to open" -> "is opening", "tried to" ->
    "managed to", "planned to open" -> "opened"... where the source has a verb of planning or trying."""
    if not _MODAL_SOURCE.search(fold(to_latin(src))):
        return None
    options = list(_MODAL_ENGLISH.finditer(en))
    if not options:
        return None
    m = rng.choice(options)
    if m.group(1):
        new = "is " + _ing(m.group(2))
    elif m.group(3):
        new = m.group(3) + " " + _ing(m.group(4))
    elif m.group(5):
        new = "managed to"
    else:
        new = "went on to " + m.group(7)
    return _replace("modality_changed", en, m.start(), m.end(), new)


#: A currency of the source (folded Latin regular expression) -> its English words, and the
#: currency (or unit) an MT system writes instead.
CURRENCIES: list[tuple[str, str, str]] = [
    (r"\bdinar", r"dinars?", "euros"),
    (r"\bkun[aeiu]?\b", r"kunas?|kuna", "euros"),
    (r"\bkm\b|konvertibiln", r"(?:convertible )?marks|KM|BAM", "kilometres"),
    (r"\beur|\bevr", r"euros?|EUR", "dollars"),
    (r"\bdolar", r"dollars?|USD", "euros"),
    (r"\bfunt", r"pounds?(?! of)", "euros"),
]
_SIGN = {"€": (r"\beur|\bevr", "$"), "$": (r"\bdolar", "€"), "£": (r"\bfunt", "€")}


def _currency_changed(src: str, en: str, rng: random.Random) -> Perturbation | None:
    """The currency of an amount changed, the number kept: dinars -> euros, KM -> kilometres,
    "€5 million" -> "$5 million", where the source names the currency."""
    folded = fold(to_latin(src))
    options = []
    for source_rx, english_rx, new in CURRENCIES:
        if not re.search(source_rx, folded if source_rx != r"\bkm\b|konvertibiln" else to_latin(src).lower()):
            continue
        if source_rx.startswith(r"\bkm") and not re.search(r"\d\s*KM\b|konvertibiln", to_latin(src)):
            continue
        for m in re.finditer(r"(?<=\d)(\s|-)(?:(?:thousand|million|billion)\s+)?(" + english_rx + r")\b", en):
            options.append((m.start(2), m.end(2), new))
    for sign, (source_rx, new) in _SIGN.items():
        if re.search(source_rx, folded):
            for m in re.finditer(re.escape(sign) + r"(?=\d)", en):
                options.append((m.start(), m.end(), new))
    if not options:
        return None
    start, end, new = rng.choice(options)
    return _replace("currency_changed", en, start, end, new)


@functools.cache
def exonyms() -> list[tuple[str, str]]:
    """(English name, the Serbo-Croatian name) pairs of this script's own data file."""
    path = Path(__file__).resolve().parent / "perturb_exonyms.tsv"
    pairs = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            english, local = line.split("\t")[:2]
            pairs.append((english.strip(), local.strip()))
    return pairs


def _exonym_kept(src: str, en: str, rng: random.Random) -> Perturbation | None:
    """An English place name replaced by the source's own name for it (Vienna -> Beč), where the
    source names the place (its stem begins a source word) and the data file knows the pair."""
    source_words = {fold(w) for w in _TOKEN.findall(to_latin(src))}
    options = []
    for english, local in exonyms():
        stem = fold(local)[: max(3, len(local) - 2)]
        if not any(w.startswith(stem) for w in source_words):
            continue
        for m in re.finditer(r"\b" + re.escape(english) + r"\b", en):
            options.append((m.start(), m.end(), local))
    if not options:
        return None
    start, end, new = rng.choice(options)
    return _replace("exonym_kept", en, start, end, new)


# --- entry point -----------------------------------------------------------------------------


def perturb(
    family: str,
    src: str,
    en: str,
    lang: str,
    rng: random.Random,
    pool: list[str] | None = None,
    donors: list[str] | None = None,
) -> Perturbation | None:
    """One error of ``family`` planted in the English ``en`` of the source ``src`` (language
    ``lang``: hr, sr, bs, cnr; Cyrillic or Latin), or None where the family does not apply.
    ``pool``: names for ``name_replaced`` (:func:`name_pool`); ``donors``: English sentences of
    other documents for ``clause_added``."""
    if family in FAMILIES[:8]:
        return _name_family(family, src, en, rng, pool or [])
    simple = {
        "number_changed": _number_changed,
        "separator": _separator,
        "date_changed": _date_changed,
        "weekday_changed": _weekday_changed,
        "negation_flipped": _negation_flipped,
        "clause_dropped": _clause_dropped,
    }
    if family in simple:
        return simple[family](en, rng)
    if family == "clause_added":
        return _clause_added(en, rng, donors or [])
    if family == "untranslated":
        return _untranslated(src, en, rng)
    if family == "false_friend":
        return _false_friend(src, en, rng)
    with_source = {
        "office_changed": _office_changed,
        "unit_changed": _unit_changed,
        "result_reversed": _result_reversed,
        "score_as_time": _score_as_time,
        "speaker_gender": _speaker_gender,
        "approximation_dropped": _approximation_dropped,
        "hedge_dropped": _hedge_dropped,
        "modality_changed": _modality_changed,
        "currency_changed": _currency_changed,
        "exonym_kept": _exonym_kept,
    }
    if family in with_source:
        return with_source[family](to_latin(src), en, rng)
    raise ValueError(f"unknown family {family!r}")


def _self_test() -> None:
    """The examples of the module docstring (``python scripts/perturb.py``)."""
    assert decline("Trump", "genitive") == "Trumpa" and decline("Praga", "genitive") == "Prage"
    assert decline("Rijeka", "dative") == "Rijeci" and decline("Praga", "dative") == "Prazi"
    assert decline("Oslo", "dative") == "Oslu" and decline("Kelly", "dative") == "Kellyju"
    assert decline("Trump", "instrumental") == "Trumpom" and decline("Šulc", "instrumental") == "Šulcem"
    assert decline("Petar", "vocative") == "Petare" and decline("Novak", "vocative") == "Novače"
    assert decline("Jurić", "vocative") == "Juriću" and decline("Ana", "vocative") == "Ano"
    assert feminine("Smith") == "Smithova" and feminine("Kowalski") == "Kowalska" and feminine("Jurić") is None
    assert possessive("Trump") == "Trumpov" and possessive("Merkela") == "Merkelin" and possessive("Marko") == "Markov"
    assert serbian_spelling("Washington") == "Vašington" and serbian_spelling("Johnson") == "Džonson"
    assert to_latin("Љубљана") == "Ljubljana" and levenshtein("Zoran", "Goran") == 1
    src, en = (
        "Trampova administracija je u utorak objavila 5,2 odsto rasta.",
        "The Trump administration said on Tuesday growth was 5.2 percent.",
    )
    rng = random.Random(1)
    p = perturb("separator", src, en, "sr", rng)
    assert p is not None and p.planted == "5,2" and p.english.count("5,2") == 1
    p = perturb("weekday_changed", src, en, "sr", rng)
    assert p is not None and p.original == "Tuesday" and p.planted in _WEEKDAYS
    p = perturb("case_genitive", src, en, "sr", rng)
    assert p is not None and p.planted == "Trumpa", p
    print("perturb.py: self-test passed")


if __name__ == "__main__":
    _self_test()
