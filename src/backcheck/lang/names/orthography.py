"""How a name is spelled on either side: misspellings of a source name, Slavic names respelled
without their letters, the glide j, a Croatian or Slovenian v written as w, and the fleeting vowel
of a stem (Vebr / Veber).
"""

from __future__ import annotations

import re

from backcheck.lang import lexicon
from backcheck.lang.names import forms as form_analysis
from backcheck.lang.names.correspondence import SHORT_CASE_ENDINGS
from backcheck.lang.names.phonetic import foreign_readings, respelled
from backcheck.lang.names.renderings import spaced_runs
from backcheck.lang.names.tokens import Token
from backcheck.lang.sh import grammar
from backcheck.lang.sh.morphology import candidate_bases
from backcheck.lang.text import fold

#: wordfreq Zipf from which an English spelling is a word English writes, not a misspelling.
_ENGLISH_WORD_ZIPF = 2.5
#: Similarity (difflib ratio) from which an English name is one or two letters off the source's.
_MISSPELLING_RATIO = 0.85

#: Letters of the Slavic Latin alphabets that English copy desks tend to drop (Plenković → Plenkovic).
_SLAVIC_DIACRITICS = set("čćšžđřěůňťďľĺŕłńśźżČĆŠŽĐŘĚŮŇŤĎĽĹŔŁŃŚŹŻ")


#: Letters and digraphs of an English spelling: a name that has them was respelled on purpose.
_ENGLISH_SPELLING = re.compile(r"[wqxy]|th|ph|ck|sh|ch|gh|zh|kh|dg|oo|ee", re.I)


#: Vowel digraphs and a silent h, which a phonetic spelling writes as the sound heard (Poulter /
#: Pulter, Arfield / Arfild, Haeder / Heder, Blohm / Blom, Ruaridh / Ruarid).
_VOWEL_DIGRAPH = re.compile(r"ou|ae|ea|ie|oe|au|ei|ai|(?<![sctkpgzw])h(?![aeiou])", re.I)


#: A doubled letter, which Serbian writes single in a foreign name (Pepperdine / Peperdajn).
_DOUBLE_LETTER = re.compile(r"(.)\1")


_GLIDE_J = re.compile(r"(?<=[aeiou])j(?=[aeiou])|(?<=i)j")


def misspelling(english: str, source: str, transcribed: bool = True) -> bool:
    """One or two letters off a Latin-script source name, without the letters and digraphs of an
    English spelling (Prgomett for Prgomet; not Johnson for Džonson, which is the original).
    ``transcribed``: the source may have adapted a foreign name (Serbian does; Croatian and
    Slovenian keep foreign spellings, so a letter doubled in English is a misspelling there)."""
    from difflib import SequenceMatcher

    fe = fold(english)
    simplified = _DOUBLE_LETTER.sub(r"\1", fe)
    folded_forms = {fold(f) for f in name_forms(source)}
    if transcribed and (simplified in folded_forms or (simplified.endswith("e") and simplified[:-1] in folded_forms)):
        return False  # Serbian writes foreign double consonants single and drops a silent e (Pepperdine)
    if _VOWEL_DIGRAPH.search(english):
        return False  # the source wrote the vowel it hears: a phonetic adaptation, not a misspelling
    forms = {without_glide(f) for f in name_forms(source)}
    if (
        fe in forms
        or fold(source).startswith(fe)
        or _ENGLISH_SPELLING.search(english)
        or lexicon.zipf(fe) >= _ENGLISH_WORD_ZIPF
    ):
        return False
    if fe.endswith("s") and fe[:-1] in folded_forms:
        return False  # an English plural (the Rosenbergs)
    if fold(source).endswith("ic") and fe == fold(source) + "i":
        return False  # a village named for a family (Radovići beside the family's Radović), no misspelling
    from backcheck.lang.names.common_words import is_proper_noun

    if is_proper_noun(english):
        return False  # English's own name for it (Istria for Istra, Dalmatia for Dalmacija)
    adapted = {fe.replace("c", "k")} | {fold(r) for r in foreign_readings(english)}
    if adapted & (folded_forms | forms):
        return False  # the source's own adaptation: c as k (Popokatepetl), pf as f (Kemf)
    from backcheck.lang.names import foreign_persons

    if transcribed and any(
        fold(n.original) == fe
        for f in name_forms(source)
        if not foreign_persons.is_own_name(f)
        for n in foreign_persons.readings(f)
    ):
        return False  # a foreign person's name the Serbian source transcribes (Szabó: Sabo)
    return SequenceMatcher(None, fe, without_glide(source)).ratio() >= _MISSPELLING_RATIO


#: How Serbian transcribes the letters of a foreign name (Pravopis srpskoga jezika, 2010, §§ on
#: transcription from English and German), longest first; applied to the foreign spelling, they
#: give the source's spelling of it (Argerich -> Argerič, Kirchner -> Kirčner).
_TRANSCRIPTION = (
    ("tsch", "č"),
    ("sch", "š"),
    ("tch", "č"),
    ("ch", "č"),
    ("sh", "š"),
    ("zh", "ž"),
    ("tz", "c"),
    ("ph", "f"),
    ("th", "t"),
    ("ck", "k"),
    ("qu", "kv"),
    ("q", "k"),
    ("w", "v"),
    ("x", "ks"),
    ("y", "j"),
)


def serbian_transcription(foreign: str) -> str:
    """The Serbian transcription of a foreign spelling, lower case (double letters single): a
    source name equal to it is the source's copy of the English name, not a Slavic name
    respelled. ć is no transcription of "ch", so "Plenkovich" stays a respelling of Plenković."""
    word = _DOUBLE_LETTER.sub(r"\1", foreign.lower())
    for pattern, serbian in _TRANSCRIPTION:
        word = word.replace(pattern, serbian)
    return word


def without_glide(word: str) -> str:
    """Folded, without the glide j that Slavic spelling writes between vowels (Slavonija / Slavonia)."""
    return _GLIDE_J.sub("", fold(word))


def name_forms(source: str) -> list[str]:
    """A source name and its possible nominatives (Plenkovića → Plenković)."""
    return [source] + [base for base, _, _ in candidate_bases(source)]


def slavic_name(word: str) -> bool:
    """Does a (possibly declined) name end in a Slavic surname or place suffix (Plenkovića)?"""
    folded = fold(word)
    return any(folded[: len(folded) - cut].endswith(grammar.slavic_suffixes()) for cut in range(0, 4))


def slavic_name_base(word: str) -> bool:
    """Does a nominative end in a Slavic surname or place suffix (Kovačić, Oreškovac)?"""
    return fold(word).endswith(grammar.slavic_suffixes())


def slavic_runs(window: list[Token], latin: str) -> tuple[set[int], set[int]]:
    """Ids of the window's Slavic names, and of their companions: the other words of a Slavic
    full name are Slavic too (Božo beside Petrov)."""
    slavic_runs = [
        run for run in spaced_runs([w for w in window if w.name], latin) if any(slavic_name(w.text) for w in run)
    ]
    return (
        {id(x) for run in slavic_runs for x in run},
        {id(x) for run in slavic_runs for x in run if not slavic_name(x.text)},
    )


def slavic_respelling(
    t: Token, window: list[Token], slavic_names: set[int], companions: set[int]
) -> tuple[Token, str] | None:
    """The source's Slavic name that the English word respells (Kovačiću → Kovacic, Duško →
    Dushko), with the nominative to suggest. The base must itself be Slavic, not a foreign name
    with a Slavic ending (Bušova → Buš, Aćehu → Aćeh)."""
    for s in window:
        if not (s.name and id(s) in slavic_names and _SLAVIC_DIACRITICS & set(s.text)):
            continue
        for form in name_forms(s.text):
            if serbian_transcription(t.text) == form.lower():
                continue  # the source transcribed a foreign name the English writes in its own letters (Argerich: Argerič)
            if respelled(t.text, form) and (slavic_name_base(form) or id(s) in companions):
                # unless the window also has the English spelling itself
                if any(t.text.lower() == f.lower() for o in window for f in name_forms(o.text)):
                    return None
                return s, form
    return None


#: Source languages that write foreign names in their original spelling (Washington, Weber),
#: so that a v in a name there is the name's own. Serbian and Macedonian transcribe instead.
LANGUAGE_NAMES = {"hr": "Croatian", "sl": "Slovenian"}


#: The vowel a South Slavic name loses before a case ending (Veber, Vebra; Petar, Petra).
FLEETING_VOWEL = {"sl": "e", "hr": "a"}


def anglicised(english: Token, window: list[Token], lang: str) -> tuple[Token, str] | None:
    """An English w for the v of a Croatian or Slovenian name (Weber, Webr for Veber): those
    languages keep a foreign name's w, so the source's v is the name's own spelling. Returns the
    source word and the suggested spelling, with the fleeting vowel restored when the English kept
    the oblique stem (Webr ← Vebru: Veber)."""
    if lang not in LANGUAGE_NAMES or "w" not in english.folded:
        return None
    from backcheck.lang.names.exonyms import city_names

    if english.folded in city_names():
        return None  # a city's English name, no spelling of the source's (Warsaw for Varšava)
    wanted = english.folded.replace("w", "v")
    for s in window:
        if not s.name or "w" in s.folded:
            continue
        forms = {fold(f) for f in name_forms(s.text)}
        forms |= {fold(with_fleeting_vowel(f, lang)) for f in forms}  # Vebru: Vebr, Veber
        if wanted in forms or (s.folded.startswith(wanted) and s.folded[len(wanted) :] in SHORT_CASE_ENDINGS):
            suggestion = english.text.replace("W", "V").replace("w", "v")
            return s, with_fleeting_vowel(suggestion, lang)
    return None


_OBSTRUENT_LIQUID = re.compile(r"[bcdfghkpstvzčšž][rl]$")


def with_fleeting_vowel(name: str, lang: str) -> str:
    """A stem ending in an obstruent and r or l takes back its fleeting vowel (Vebr → Veber); Karl
    and McFaull end in sonorants and are nominatives."""
    if _OBSTRUENT_LIQUID.search(name.lower()) and len(name) >= 4:
        return name[:-1] + FLEETING_VOWEL[lang] + name[-1]
    return name


def ending_changed(english: Token, source: Token) -> bool:
    """The English has the source name with another final vowel (Janko for Janka): the
    translation de-inflected this part of the name."""
    fe, fs = english.folded, source.folded
    return fe != fs and len(fe) >= 4 and fe[:-1] == fs[:-1] and fe[-1] in "aeiou" and fs[-1] in "aeiou"


def nominative_rendered(english: Token, source: Token) -> bool:
    """The English writes the nominative of the source's case form, which the name-form
    analysis reads back (a fleeting a: Benkovca <- Benkovac): a rendering, not a misspelling."""
    e, f = english.folded, source.folded
    if e == f:
        return False
    final = 2 if e.endswith(("lj", "nj")) else 1  # one consonant, written with two letters
    if len(e) >= 5 and e[-final - 1] in "ae" and e[-final] not in "aeiou":
        # a fleeting e or a before the final consonant (Remetinec / Remetincu, Čakovec / Čakovcu,
        # Omišalj / Omišlja)
        reduced = e[: -final - 1] + e[-final:]
        if f.startswith(reduced) and 0 < len(f) - len(reduced) <= 3:
            return True
    only, after_genitive = form_analysis.source_declension(english.text)
    if f in only or f in after_genitive:
        return True  # a plural town or a neuter name declined (Mirosaljci / Mirosaljaca, Ušće / Ušća)
    return any(fold(r.base) == e for r in form_analysis.readings(source.text) if r.form != "respelling")
