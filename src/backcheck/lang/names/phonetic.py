"""How English and the Slavic alphabets spell one name: consonant skeletons and foreign readings.

Serbian writes foreign names as they sound ("Vašington", "Džejk Salivan"), so both sides are
reduced to a consonant skeleton by the spelling rules of English and of the Slavic alphabets
(:func:`phonetic_key`); names English keeps in their own language's spelling are also read the
way that language reads them (:func:`foreign_readings`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from backcheck.lang.text import fold

_VOWELS = set("aeiouy")
#: Letters a fold turns into something other than their base letter.
#: Latin letters of Central and South Slavic alphabets that English spelling does not have.
SLAVIC_LETTERS = set("čćšžđČĆŠŽĐ")


# Spelling rules, applied in order. English spelling and the Slavic alphabets write the same
# sounds differently: sh / š / sz / sch, ch / č / ć / cz, j (English) / dž / đ, w / v.
_COMMON_RULES = [
    ("tsch", "C"),
    ("sch", "S"),
    ("dzh", "g"),
    ("dž", "g"),
    ("đ", "g"),
    ("dj", "g"),
    ("sh", "S"),
    ("sz", "S"),
    ("š", "S"),
    ("tch", "C"),
    ("ch", "C"),
    ("cz", "C"),
    ("č", "C"),
    ("ć", "C"),
    ("zh", "Z"),
    ("ž", "Z"),
    ("rz", "Z"),
    ("ż", "Z"),
    ("ph", "f"),
    ("th", "t"),
    ("ck", "k"),
    ("qu", "kv"),
    ("q", "k"),
    ("x", "ks"),
    ("w", "v"),
    ("ts", "s"),
    ("tz", "s"),
    ("kh", "H"),
]
_SOFT_C = re.compile(r"c(?=[eiy])")
_VOWEL_V = re.compile(r"(?<=[aeiou])v(?![aeiou])")
_VOWEL_H = re.compile(r"(?<=[aeiou])h(?![aeiou])")
_FINAL_MB = re.compile(r"(?<=m)b$")


@lru_cache(maxsize=65536)
def phonetic_key(word: str, english: bool, hard_c: bool = False) -> str:
    """A consonant skeleton that English and Slavic spellings of one name share.

    "Washington" and "Vašington" → ``vsngtn``; "Jessica" and "Džesika" → ``gsk``; "Kennedy" and
    "Kenedi" → ``knd``. English j and Slavic dž/đ are one sound (written ``g`` with g, which
    English also uses for it: George / Džordž); Slavic j is a glide and drops like a vowel.
    """
    s = word.lower()
    for a, b in _COMMON_RULES:
        s = s.replace(a, b)
    if english:
        s = re.sub(r"^eu", "ev", s)  # Greek eu, which Serbian writes ev (Europe / Evropa, EuroLeague / Evroliga)
        s = s.replace("j", "g")
        # silent gh (Willoughby / Vilobi); w after a vowel is a vowel (Howard / Hauard)
        s = s[:1] + _VOWEL_V.sub("", s[1:].replace("gh", ""))
        s = s[:1] + _VOWEL_H.sub("", s[1:])  # silent h (John, Sarah), not Muhammad
        s = _FINAL_MB.sub("", s)  # silent final b (Lamb / Lem)
    if english and hard_c:
        s = s.replace("c", "k")
    s = _SOFT_C.sub("s", s).replace("c", "k" if english else "s")
    s = fold(s).replace("z", "s")  # placeholders become plain letters: č and English ch meet as c, š and s as s
    out: list[str] = []
    for i, ch in enumerate(s):
        if ch in _VOWELS or (ch == "j" and not english) or not ch.isalpha():
            if i == 0:
                out.append("V")  # a leading vowel separates Iran from Ran
            continue
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


#: How the spelling of other languages is read, for names English keeps in their own spelling
#: and Serbian writes as they sound: Spanish j, x and silent h (Juan / Huan, Xochimilco /
#: Hočimilko, Hernán / Ernan), French j and soft g (Jacques / Žak, Giselle / Žizel, Farage /
#: Faraž), French silent h and final consonants (Hazard / Azar) and ch (Cochard / Košar), German v and pf (Vettel / Fetel, Pfalz / Falc), Albanian xh (Xhaka / Džaka), silent
#: initial k (Knott / Not), ow read as a diphthong (Rowe / Rou), Chinese pinyin x, q, zh
#: (Xi / Si, Qin / Čin, Zhao / Džao), and the h that Russian and Ukrainian write as g (Hamburg /
#: Гамбург, Harvard / Гарвард).
_FOREIGN_READINGS = tuple(
    tuple((re.compile(pattern), repl) for pattern, repl in rules)
    for rules in (
        ((r"^h", ""), (r"j", "h"), (r"x", "h"), (r"g(?=[ei])", "h"), (r"qu", "k"), (r"ll", "y")),  # Spanish (Gil / Hil)
        ((r"j", "zh"), (r"g(?=[eiy])", "zh"), (r"qu", "k"), (r"(?<=[aeiou])s(?=[aeiou])", "z")),
        # French (Lehaucourt / Leokur; ch is š: Cochard / Košar)
        ((r"^h", ""), (r"(?<=[aeiou])h", ""), (r"(?<=[aeiour])[dtsx]$", ""), (r"(?<!s)ch", "sh")),
        ((r"v", "f"), (r"^pf", "f"), (r"(?<=\w)pf", "f"), (r"w", "v"), (r"z", "ts")),  # German (Zug / Cug)
        ((r"^kn", "n"), (r"^wr", "r"), (r"ow", "ou"), (r"ew", "ju"), (r"xh", "dzh")),
        ((r"xh", "dzh"), (r"q", "ch"), (r"j", "y"), (r"ë", "")),  # Albanian (Qosja / Ćosja, Xhaka / Džaka)
        ((r"^g(?=[eiy])", "y"), (r"^ch", "h"), (r"(?<=[aeiou])g(?=[eiy])", "y")),  # Greek (Georgios / Jorgos)
        ((r"^x", "s"), (r"^q", "ch"), (r"^zh", "dzh")),
        ((r"^h", "g"),),
        ((r"gn", "ny"), (r"gli", "ly"), (r"c?c(?=[ei])", "ch")),  # Italian (Pagnucco / Panjuko)
        ((r"dt$", "t"),),  # Dutch and Flemish final -dt (Decadt / Dekat)
        # Czech and Slovak (Staněk / Stanjek, Dvořák / Dvoržak, Jindřich / Jindrih)
        ((r"ě", "je"), (r"ň", "nj"), (r"ť", "ć"), (r"ď", "đ"), (r"ch", "h"), (r"ř", "rž"), (r"y", "i"), (r"ů", "u")),
        ((r"ě", "je"), (r"ň", "nj"), (r"ch", "h"), (r"ř", "r"), (r"y", "i")),
        ((r"(?<=[aeiou])dh$", ""), (r"(?<=[aeiou])mh", "v")),  # Gaelic, silent -dh (Eilidh / Ejli)
    )
)


@lru_cache(maxsize=65536)
def foreign_readings(english: str) -> tuple[str, ...]:
    """The name respelled as Spanish, French, German or silent-letter English is read aloud."""
    lower = english.lower()
    out = []
    for rules in _FOREIGN_READINGS:
        r = lower
        for pattern, repl in rules:
            r = pattern.sub(repl, r)
        if r != lower and r:
            out.append(r)
    return tuple(out)


def _common_prefix(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return a[:n]


def respelled(english: str, source: str) -> bool:
    """Is the English word the source name with its letters replaced by an English spelling?

    "Plenkovic" for "Plenković" (diacritics dropped), "Oreshkovic" for "Orešković" (š written
    sh): a Latin-script name keeps its own spelling in English.
    """
    if english.lower() == source.lower():
        return False
    e = english.lower()
    for digraph, letter in (("sh", "s"), ("ch", "c"), ("zh", "z"), ("tch", "c")):
        e = e.replace(digraph, letter)
    return fold(e) == fold(source) or fold(english) == fold(source)
