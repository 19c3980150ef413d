"""Names compared across the source and the translation, sentence pair by sentence pair."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from backcheck.lang import lexicon
from backcheck.lang.glosses import abbreviates, known_word, linked, translations
from backcheck.lang.names.correspondence import (NOUN_CAPITALISING, SLAVIC_LETTERS, Token, calendar_words, correspondence, exonyms, fold, foreign_readings, is_common_word, phonetic_key, respelled, temperature_words, unit_codes, SHORT_CASE_ENDINGS, _common_prefix)
from backcheck.lang.names.beads import Bead
from backcheck.lang.sh.morphology import candidate_bases
from backcheck.lang.text import to_latin
from backcheck.checks.base import Check, Finding, register

#: Languages whose declension backcheck knows (backcheck.lang.sh.morphology). Their names keep their own
#: spelling in English (Serbian Cyrillic has a standard Latin form).
_SOUTH_SLAVIC = {"sr", "hr", "bs", "cnr", "sh", "sl"}
#: Correspondences strong enough for two English words written as one (New York / Njujork).
_WHOLE_NAME = {"same", "diacritics", "case", "phonetic"}
#: Endings of Slavic surnames and place names (folded): a name with one is spelled the Slavic
#: way in English too; without one, a diacritic in the source may be the source's own
#: adaptation of a foreign name (Enčinitas for Encinitas).
_SLAVIC_SUFFIXES = ("ic", "ski", "ska", "sko", "cki", "ac", "ak", "ek", "ec", "ik", "nik", "ko", "ovo", "evo",
                    "ov", "ev", "ova", "eva")
#: Letters of the Slavic Latin alphabets that English copy desks tend to drop (Plenković → Plenkovic).
_SLAVIC_DIACRITICS = set("čćšžđřěůňťďľĺŕłńśźżČĆŠŽĐŘĚŮŇŤĎĽĹŔŁŃŚŹŻ")
#: Letters and digraphs of an English spelling: a name that has them was respelled on purpose.
_ENGLISH_SPELLING = re.compile(r"[wqxy]|th|ph|ck|sh|ch|gh|zh|kh|dg|oo|ee", re.I)
#: Vowel digraphs and a silent h, which a phonetic spelling writes as the sound heard (Poulter /
#: Pulter, Arfield / Arfild, Haeder / Heder, Blohm / Blom, Ruaridh / Ruarid).
_VOWEL_DIGRAPH = re.compile(r"ou|ae|ea|ie|oe|au|ei|ai|(?<![sctkpgzw])h(?![aeiou])", re.I)
#: Below this share of Latin letters in the source's Latin view, names cannot be compared
#: (Chinese, Japanese, Hindi sources).
_DOUBLE_LETTER = re.compile(r"(.)\1")
_GLIDE_J = re.compile(r"(?<=[aeiou])j(?=[aeiou])|(?<=i)j")


def _misspelling(english: str, source: str, transcribed: bool = True) -> bool:
    """One or two letters off a Latin-script source name, without the letters and digraphs of an
    English spelling (Prgomett for Prgomet; not Johnson for Džonson, which is the original).
    ``transcribed``: the source may have adapted a foreign name (Serbian does; Croatian and
    Slovenian keep foreign spellings, so a letter doubled in English is a misspelling there)."""
    from difflib import SequenceMatcher

    fe = fold(english)
    simplified = _DOUBLE_LETTER.sub(r"\1", fe)
    folded_forms = {fold(f) for f in _forms(source)}
    if transcribed and (simplified in folded_forms or (simplified.endswith("e") and simplified[:-1] in folded_forms)):
        return False  # Serbian writes foreign double consonants single and drops a silent e (Pepperdine)
    if _VOWEL_DIGRAPH.search(english):
        return False  # the source wrote the vowel it hears: a phonetic adaptation, not a misspelling
    forms = {_without_glide(f) for f in _forms(source)}
    if fe in forms or fold(source).startswith(fe) or _ENGLISH_SPELLING.search(english) or lexicon.zipf(fe) >= 2.5:
        return False
    if fe.endswith("s") and fe[:-1] in folded_forms:
        return False  # an English plural (the Rosenbergs)
    adapted = {fe.replace("c", "k")} | {fold(r) for r in foreign_readings(english)}
    if adapted & (folded_forms | forms):
        return False  # the source's own adaptation: c as k (Popokatepetl), pf as f (Kemf)
    return SequenceMatcher(None, fe, _without_glide(source)).ratio() >= 0.85


def _without_glide(word: str) -> str:
    """Folded, without the glide j that Slavic spelling writes between vowels (Slavonija / Slavonia)."""
    return _GLIDE_J.sub("", fold(word))


def _forms(source: str) -> list[str]:
    """A source name and its possible nominatives (Plenkovića → Plenković)."""
    return [source] + [base for base, _, _ in candidate_bases(source)]


def _slavic_name(word: str) -> bool:
    """Does a (possibly declined) name end in a Slavic surname or place suffix (Plenkovića)?"""
    folded = fold(word)
    return any(folded[:len(folded) - cut].endswith(_SLAVIC_SUFFIXES) for cut in range(0, 4))


def _slavic_name_base(word: str) -> bool:
    """Does a nominative end in a Slavic surname or place suffix (Kovačić, Oreškovac)?"""
    return fold(word).endswith(_SLAVIC_SUFFIXES)


def _window(items: list[Bead], k: int, side: str, own_first: bool = False) -> list[Token]:
    """Words of bead ``k`` and its neighbours: a name may move across a sentence boundary.

    In text order, or ``own_first``: the bead's own words before its neighbours', for searches
    that stop at the first counterpart and need no order (most counterparts are there)."""
    beads = [items[k]] + items[max(0, k - 1):k] + items[k + 1:k + 2] if own_first else items[max(0, k - 1):k + 2]
    return [t for bead in beads for t in getattr(bead, side)]


def _groups(tokens: list[Token], text: str) -> list[list[Token]]:
    """Runs of tokens separated by one space (a multi-word name is reported once)."""
    runs: list[list[Token]] = []
    for t in tokens:
        if runs and text[runs[-1][-1].end:t.start] == " ":
            runs[-1].append(t)
        else:
            runs.append([t])
    return runs


def _compounds(tokens: list[Token], text: str, capitalised_only: bool = True) -> list[Token]:
    """Each pair of adjacent words written as one, as Serbian writes some two-word names
    (New York / Njujork, Los Angeles / Losanđeles) and German compounds (tie break / Tiebreak)."""
    return [Token(a.text + b.text.lower(), a.start, b.end, a.capitalised, a.initial, True)
            for a, b in zip(tokens, tokens[1:])
            if (a.capitalised and b.capitalised or not capitalised_only) and text[a.end:b.start] in (" ", "-")]


def _distinctive(s: Token, table) -> bool:
    """A source name whose absence is telling: a place, a word rare in its language, or one as
    common in English (a name both use); full names (two capitalised words) count too. Single capitalised common words are mostly parts of translated institution names
    (Cúpula de Hierro / Iron Dome, Ministarstvo / Ministry) and are left to the omission check."""
    if (table.source_word(s.folded) and not table.calendar_word(s.folded)) or _acronym(s.text):
        return True  # a place, or an acronym (whose lower-case twin's frequency says nothing: PO / po)
    if _institution_adjective(s.text, table.lang) or _common_noun_form(s.text, table.lang):
        return False
    return s.zipf < 4.0 or _english_zipf(s.text, table.lang) >= s.zipf - 1.5


#: Languages that decline names: the English form of a name is its stem (Putina → Putin).
_DECLINING = _SOUTH_SLAVIC | {"ru", "uk", "pl", "cs", "sk", "bg", "mk"}
#: Latin transliteration (backcheck.lang.text) → English romanisation (Soči → Sochi).
_ENGLISH_ROMANISATION = (("šč", "shch"), ("č", "ch"), ("š", "sh"), ("ž", "zh"), ("ja", "ya"), ("ju", "yu"), ("ij", "y"))


@lru_cache(maxsize=65536)
def _english_zipf(word: str, lang: str) -> float:
    """How often English writes a source name: the word itself, romanised the English way
    (Soči → Sochi), without the glide j (Indija → India), or without a case ending (Putina →
    Putin). A name English writes often is a name both languages share, however common it is
    in the source language."""
    forms = {word.lower(), _without_glide(word)}
    roman = word.lower()
    for a, b in _ENGLISH_ROMANISATION:
        roman = roman.replace(a, b)
    forms.add(fold(roman))
    if lang in _DECLINING:
        forms |= {fold(base) for f in list(forms) for base, _, _ in candidate_bases(f, 4)}
    return max(lexicon.zipf(f) for f in forms)


#: Endings that make the other case forms of a noun (Komisija, Komisiji, Vijeću ← vijeće).
_NOUN_ENDINGS = ("", "a", "e", "i", "o", "u")


@lru_cache(maxsize=65536)
def _common_noun_form(word: str, lang: str) -> bool:
    """A case form of a common noun capitalised in an institution's name (Vijeću ← vijeće,
    Sveučilištu ← sveučilište). Surnames in -ić are frequent too but are never common nouns."""
    if lang not in _SOUTH_SLAVIC or word.isupper():
        return False
    lower = word.lower()
    wf = "sl" if lang == "sl" else "sh"
    for cut in (1, 2):
        stem = lower[:-cut]
        if len(stem) < 4 or fold(stem).endswith("ic"):
            continue
        for e in _NOUN_ENDINGS:
            sibling = stem + e
            z = lexicon.zipf(sibling, wf)
            # a name English uses as much (Bidena ← Biden) is not a common noun
            if sibling != lower and z >= 3.5 and lexicon.zipf(sibling) < z - 1.5:
                return True
    return False


#: Adjectival case endings: "Ustavnog suda", "Hrvatskoga sabora" capitalise an adjective.
_ADJECTIVE_ENDINGS = ("og", "oga", "om", "omu", "oj", "ega", "emu", "em", "ih", "im", "ima", "imi", "e", "a", "u", "i")


@lru_cache(maxsize=65536)
def _institution_adjective(word: str, lang: str) -> bool:
    """A capitalised form of a common adjective (Ustavnog ← ustavni): part of an institution's
    name, which a translation renders in English words."""
    if lang not in _SOUTH_SLAVIC:
        return False
    lower = word.lower()
    for ending in _ADJECTIVE_ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= 4:
            if lexicon.zipf(lower[:len(lower) - len(ending)] + "i", "sl" if lang == "sl" else "sh") >= 3.0:
                return True
    return False


def _loosely_same(english: Token, source: Token) -> bool:
    """Two names that begin alike and share most letters: one place under two exonyms (Cornwall /
    Cornovaglia, Texas / Tehase), one name in two romanisations. A replaced name rarely does."""
    from difflib import SequenceMatcher

    fe, fs = english.folded, source.folded
    return (len(fe) >= 4 and fe[0] == fs[0]
            and SequenceMatcher(None, fe, fs[:len(fe) + 3]).ratio() >= 0.6)


def _title_case(words: list[Token]) -> bool:
    """A headline in title case capitalises common words ("Bells Fall Silent as Churches Struggle")."""
    common = [t for t in words if len(t.text) >= 4 and is_common_word(t.text)]
    return len(common) >= 3 and sum(t.capitalised for t in common) >= 0.85 * len(common)


def _unmatched_names(group: list[Token], window: list[Token], table, text: str,
                     source_text: str | None = None, own: list[Token] = ()) -> list[Token]:
    """The words of a capitalised run that are names and match nothing in the source.

    Acronyms and words English writes only capitalised are names. A common word ("President",
    "Government", "Bush") counts only after an unmatched name in the same run ("George Bush"
    replacing another name); before a name it is a title, alone an institution, which the
    source writes as a common noun.
    """
    out: list[Token] = []
    unmatched_name_before = False

    @cache
    def source_initialisms() -> dict[str, list[Token]]:
        return _initialisms(window, source_text) if source_text is not None else {}

    @cache
    def matched_compounds() -> list[Token]:  # built for the first word not matched on its own
        return [c for c in _compounds(group, text) if any(correspondence(c, s, table) in _WHOLE_NAME for s in window)]

    @cache
    def has_counterpart(i: int) -> bool:
        t = group[i]
        return (any(correspondence(t, s, table) or (s.name and _loosely_same(t, s)) for s in (*own, *window))
                or any(c.start <= t.start and t.end <= c.end for c in matched_compounds())
                or any(linked(t.text, s.text, table.lang) for s in window)  # translated (Court / sudom)
                or any(_abbreviates(s, t) for s in window)
                or any(t in _compound_abbreviation(s, group, table.lang) for s in window if s.name)
                or any(_acronym(s.text) and abbreviates(t.text, s.text, table.lang) for s in window)
                or any(_cognate_gloss(t, s, table.lang) for s in own))

    for i, t in enumerate(group):
        if len(t.text) <= 2 and not t.text.isupper():
            continue  # a fragment of a hyphenated word (Co-operation)
        if t.folded in calendar_words() or t.text.rstrip("s") in unit_codes() or _temperature_scale(t, table.lang):
            continue  # a day, month, currency, time zone or scale: the number checks compare those
        matched = has_counterpart(i)
        acronym = t.text.rstrip("s") if t.text.rstrip("s").isupper() and len(t.text.rstrip("s")) > 1 else None
        if acronym and not matched and i + 1 < len(group) and not _acronym(group[i + 1].text) and has_counterpart(i + 1):
            continue  # a designation before a name the source has (HMP Long Lartin, USS Cole)
        if acronym and (lexicon.zipf(acronym.lower()) >= 3.5 or any(
                s.text.isupper() and len(s.text) > 1 and s.text != t.text for s in window)):
            continue  # an acronym each language spells its own way (GDP / BIP, EPL / АПЛ)
        if acronym and acronym.lower() in source_initialisms():
            continue  # the source writes the name out (SNL / Saturday Night Live)
        if acronym and _spelled_out(acronym, window, table.lang):
            continue  # the source writes out in words what English abbreviates (ICJ / Međunarodni sud pravde)
        proper = t.text.isupper() or not is_common_word(t.text)
        if not matched and (proper or unmatched_name_before):
            out.append(t)
        unmatched_name_before = unmatched_name_before or (proper and not matched)
    return out


def _cognate_gloss(english: Token, source: Token, lang: str) -> bool:
    """Does the dictionary translate the source word by a word the English name is made from or
    borrowed alongside (Grand Prix / Velika nagrada: prize; Hall of Famer / Dvorana slavnih:
    famed; Bat Conservation Trust / Fond: trustee; Slavic / slovenski: Slavonic)? A name in words
    that the source translates is not a replaced name."""
    fe = english.folded
    if len(fe) < 4 or _acronym(english.text):
        return False
    need = min(4, len(fe) - 1)
    return any(len(_common_prefix(fe, w)) >= need for w in translations(source.text, lang))


def _hashtag(t: Token, text: str) -> bool:
    """Is the word a hashtag (#MeToo)? Campaigns have a hashtag in each language (#JaIsto), so
    one hashtag renders another."""
    return t.start > 0 and text[t.start - 1] == "#"


def _translated_parts(source: list[Token], english: list[Token], source_text: str, english_text: str,
                      table) -> set[tuple[int, int]]:
    """Words of a name that one side translates and the other keeps: Baja California / Donja
    Kalifornija, Nord Stream / Severni tok. Where one word of a run corresponds, the word beside
    it on the English side and the word on the same side of its counterpart are one word, if the
    source word is a common word of its language (an adjective, a noun) rather than a name or a
    place: a replaced name does not hide behind "lower" or "northern". Returns (id of the English
    word, id of the source word) pairs."""
    out: set[tuple[int, int]] = set()
    position = {id(s): i for i, s in enumerate(source)}
    for run in _groups([t for t in english if t.capitalised], english_text):
        for i, t2 in enumerate(run):
            for s2 in source:
                if not (correspondence(t2, s2, table) or linked(t2.text, s2.text, table.lang)):
                    continue
                for step in (-1, 1):
                    if not (0 <= i + step < len(run)) or not (0 <= position[id(s2)] + step < len(source)):
                        continue
                    t, s = run[i + step], source[position[id(s2)] + step]
                    a, b = (s.end, s2.start) if step < 0 else (s2.end, s.start)
                    if (source_text[a:b] == " " and s.capitalised and not s.text.isupper() and s.zipf >= 3.0
                            and not table.source_word(s.folded, cities=False) and translations(s.text, table.lang)
                            and not any(correspondence(t, o, table) for o in source)):
                        out.add((id(t), id(s)))
    return out


def _abbreviates(source: Token, english: Token) -> bool:
    """A short capitalised source abbreviation, not an acronym, that begins the English name:
    newspapers and parties are cited by their first letters (Rz / Rzeczpospolita). Opening a
    sentence or a quotation, it must be no word of its language (not "To" for Tokyo)."""
    return (2 <= len(source.text) <= 3 and source.capitalised and not source.text.isupper()
            and (not source.initial or source.zipf < 4.0)
            and len(english.folded) >= len(source.folded) + 3 and english.folded.startswith(source.folded))


def _spelled_out(acronym: str, source: list[Token], lang: str) -> bool:
    """Do consecutive source words, capitalised or not, translate by the dictionary into English
    words with the acronym's initials in order (ICJ: međunarodnog suda pravde → international,
    court, justice)? Short function words may stand between them; two-letter acronyms are too
    easily spelled."""
    letters = acronym.lower()
    if len(letters) < 3:
        return False
    for i, first in enumerate(source):
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


#: Source languages that write foreign names in their original spelling (Washington, Weber),
#: so that a v in a name there is the name's own. Serbian and Macedonian transcribe instead.
_LANGUAGE_NAMES = {"hr": "Croatian", "sl": "Slovenian"}
#: The vowel a South Slavic name loses before a case ending (Veber, Vebra; Petar, Petra).
_FLEETING_VOWEL = {"sl": "e", "hr": "a"}


def _anglicised(english: Token, window: list[Token], lang: str) -> tuple[Token, str] | None:
    """An English w for the v of a Croatian or Slovenian name (Weber, Webr for Veber): those
    languages keep a foreign name's w, so the source's v is the name's own spelling. Returns the
    source word and the suggested spelling, with the fleeting vowel restored when the English kept
    the oblique stem (Webr ← Vebru: Veber)."""
    if lang not in _LANGUAGE_NAMES or "w" not in english.folded:
        return None
    wanted = english.folded.replace("w", "v")
    for s in window:
        if not s.name or "w" in s.folded:
            continue
        forms = {fold(f) for f in _forms(s.text)}
        forms |= {fold(_with_fleeting_vowel(f, lang)) for f in forms}  # Vebru: Vebr, Veber
        if wanted in forms or (s.folded.startswith(wanted) and s.folded[len(wanted):] in SHORT_CASE_ENDINGS):
            suggestion = english.text.replace("W", "V").replace("w", "v")
            return s, _with_fleeting_vowel(suggestion, lang)
    return None



def _oblique_stem(english: Token, window: list[Token], kinds: set, lang: str) -> str | None:
    """The stem of the source's case forms, without the fleeting vowel of the nominative, when the
    English name is that stem (Vebr ← Vebru) or the stem with another case ending (Vebra ←
    Vebru): no nominative of a Croatian or Slovenian name ends in an obstruent and r or l, and the
    name is Veber. Returns the stem."""
    if lang not in _FLEETING_VOWEL or lexicon.zipf(english.text.lower()) >= lexicon.UNKNOWN_ZIPF:
        return None
    if "case" in kinds and _with_fleeting_vowel(english.text, lang) != english.text:
        return english.text
    stem = english.text[:-1]
    if english.text[-1:] in ("a", "e", "i", "u") and _with_fleeting_vowel(stem, lang) != stem and any(
            s.folded.startswith(fold(stem)) and s.folded[len(stem):] in SHORT_CASE_ENDINGS
            and s.folded != english.folded for s in window):
        return stem
    return None


_OBSTRUENT_LIQUID = re.compile(r"[bcdfghkpstvzčšž][rl]$")


def _with_fleeting_vowel(name: str, lang: str) -> str:
    """A stem ending in an obstruent and r or l takes back its fleeting vowel (Vebr → Veber); Karl
    and McFaull end in sonorants and are nominatives."""
    if _OBSTRUENT_LIQUID.search(name.lower()) and len(name) >= 4:
        return name[:-1] + _FLEETING_VOWEL[lang] + name[-1]
    return name


def _temperature_scale(t: Token, lang: str) -> bool:
    """Celsius, Fahrenheit, Celzijusa, Цельсия: a unit that translators add or convert."""
    return any(t.folded.startswith(stem) and len(t.folded) - len(stem) <= 4 for stem in temperature_words(lang))


@lru_cache(maxsize=65536)
def _acronym(word: str) -> bool:
    """All capitals, with an English plural allowed (NATO, MCIs), or capitals with one lower-case
    letter for a short word inside (MSWiA: ... Wewnętrznych i Administracji; BiH, PiS)."""
    core = word[:-1] if word.endswith("s") else word
    if len(core) > 1 and core.isupper():
        return True
    capitals = sum(c.isupper() for c in core)
    return capitals >= 2 and core[0].isupper() and core[-1].isupper() and len(core) - capitals == 1 and core.isalpha()


#: Lower-case words that join the words of one name (Instituto Federal de Concursos, Bank of England).
_CONNECTOR = re.compile(r" (?:de|del|de la|di|da|du|des|of|i|и|y|e|et|und|für) | |-")
#: "And" joins the words of one name (Bosna i Hercegovina, Azii i Tihogo okeana), or two names.
_AND = re.compile(r" (?:i|и|y|e|et|und) ")


def _common_in_source(s: Token, lang: str) -> bool:
    """A capitalised source word that is a common word of its language, not a name English
    shares (Instituto, Inspektorat, Sud), or a case form of one."""
    if _acronym(s.text) or len(s.text) < 4:
        return False
    if _institution_adjective(s.text, lang) or _common_noun_form(s.text, lang):
        return True
    # A frequent word is common if the dictionary has it: frequent surnames (Morawiecki) are not.
    return (s.zipf >= 4.0 and _english_zipf(s.text, lang) < s.zipf - 1.5
            and known_word(s.text, lang) is not False)


def _institution_runs(tokens: list[Token], text: str, table, english: list[Token]) -> set[int]:
    """Ids of the capitalised source words in the name of an institution, event or programme:
    a run of capitalised words (joined by spaces, hyphens or short lower-case connectors) that
    contains a common word of the language ("Instituto Federal de Concursos Mercantiles",
    "Wojewódzki Inspektorat Ochrony Środowiska", "Vrhovni sud"). Such names are translated word
    by word, so once one of its words is rendered the others are not names that must reappear;
    places inside them are (Republika Hrvatska), and so are acronyms."""
    runs: list[list[Token]] = []
    for i, t in enumerate(tokens):
        if not t.capitalised or t.initial:
            continue  # a sentence's first word is capitalised by position (Le Machu Picchu)
        gap = text[runs[-1][-1].end:t.start] if runs else ""
        # two full names joined by "and" are two people (Jarosław Kaczyński i Mateusz Morawiecki)
        two_people = _AND.fullmatch(gap) and len(runs[-1]) > 1 and i + 1 < len(tokens) and \
            tokens[i + 1].capitalised and text[t.end:tokens[i + 1].start] == " "
        if runs and _CONNECTOR.fullmatch(gap) and not two_people:
            runs[-1].append(t)
        else:
            runs.append([t])
    out: set[int] = set()
    for run in runs:
        if len(run) < 2:
            continue
        common = any(_common_in_source(t, table.lang) for t in run)
        rendered = (e for t in run for e in english
                    if (e.capitalised and correspondence(e, t, table)) or linked(e.text, t.text, table.lang))
        if common:
            if next(rendered, None) is None:
                continue  # a name none of whose words is rendered was dropped
            # The name was rendered (one of its words has a counterpart in the English): its
            # other words were translated. Rare words inside such a name are names themselves
            # (Landratsamt Dingolfing-Landau).
            out.update(id(t) for t in run if not _acronym(t.text) and not table.source_word(t.folded)
                       and t.zipf >= _KNOWN_SOURCE_WORD)
        else:
            # Rendered by a common English word (Procuraduría General / Attorney General, Parti
            # Travailliste / Labour Party): an institution even where the dictionary is too small
            # to know its head word. Its other words that English does not use were translated;
            # a person's name after a title (Präsident Joe Biden) is English's too and stays.
            translated = [t for t in run if not _acronym(t.text) and not table.source_word(t.folded)
                          and t.zipf >= _KNOWN_SOURCE_WORD and _english_zipf(t.text, table.lang) < _SHARED_NAME_ZIPF]
            if translated and any(is_common_word(e.text) for e in rendered):
                out.update(id(t) for t in translated)
    return out


#: English frequency from which a source word is a name both languages use (Biden, Joe).
_SHARED_NAME_ZIPF = 2.5


def _rendered_heads(tokens: list[Token], text: str, table, english: list[Token]) -> set[int]:
    """Ids of capitalised source words that head an institution's name whose lower-case
    complement the English renders with a capital (Министерства культуры / Culture Secretary,
    Ministerstwo Zdrowia / Health Ministry): the name was translated, freely. Places and
    acronyms are names still."""
    out: set[int] = set()
    for head, nxt in zip(tokens, tokens[1:]):
        if (head.capitalised and not head.initial and not nxt.capitalised and text[head.end:nxt.start] == " "
                and not _acronym(head.text) and not table.source_word(head.folded) and head.zipf >= _KNOWN_SOURCE_WORD
                and any(e.capitalised and not e.initial and linked(e.text, nxt.text, table.lang) for e in english)):
            out.add(id(head))
    return out


def _shortened(tokens: list[Token], text: str, english: list[Token], table, ctx) -> set[int]:
    """Ids of the source words of a full name that the English sentence shortens, as English
    does after a first mention (Mančester Siti / City, Margaret Tačer / Thatcher): another word of
    the name is rendered in the sentence and this one elsewhere in the article."""
    out: set[int] = set()
    for run in _groups([t for t in tokens if t.name], text):
        if len(run) < 2:
            continue
        rendered = [t for t in run if any(_renders(e, t, table) for e in english)]
        if not rendered or len(rendered) == len(run):
            continue
        for t in run:
            if t not in rendered and any(_renders(e, t, table) for e in ctx.english_names):
                out.add(id(t))
    return out


#: Zipf frequency of a word its language knows as a word (not a rare name).
_KNOWN_SOURCE_WORD = 3.0


def _expands(words: list[Token], acronym: str) -> bool:
    """Could the capitalised English words be the written-out form of a source acronym? The
    first word's initial is the acronym's (WM / World Championship, MSWiA / Ministry of the
    Interior), or two initials are among its letters (ОАЭ / United Arab Emirates, АПЛ /
    Premier League). A replacement rarely does (FOM / Touring, ISL / Senate)."""
    from backcheck.lang.text import to_latin

    letters = fold(to_latin(acronym).text)
    initials = [fold(t.text)[:1] for t in words]
    return bool(initials) and (initials[0] == letters[:1] or sum(i in letters for i in set(initials)) >= 2)


def _title_abbreviation(t: Token, text: str) -> bool:
    """"Capt.", "Rev.", "Gen." before a name: an abbreviated title, not a name. British style
    writes contractions without the stop ("Mrs", "Dr", "Lt"); a word without a vowel is one."""
    if t.text.isupper():
        return False
    return (len(t.text) <= 4 and text[t.end:t.end + 1] == ".") or (
        len(t.text) <= 3 and not set(t.text.lower()) & set("aeiouy")) or (
        t.text.lower() in _TITLE_ABBREVIATIONS and re.match(r" [A-Z]", text[t.end:t.end + 2]) is not None)


#: Titles British style abbreviates without a stop, before a name ("Det Insp Bob Blemmings",
#: "Supt Ann Ray", "Cllr Jo Hill"); some are words or names alone (Sen, Rep), hence the name after.
_TITLE_ABBREVIATIONS = {"det", "insp", "supt", "sgt", "cllr", "cpl", "pte", "cdr", "cmdr", "gov", "sen", "rep",
                        "maj", "gen", "col", "capt", "adm", "brig", "prof", "rev", "hon", "ch", "dep"}


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


def _compound_abbreviation(s: Token, english: list[Token], lang: str) -> list[Token]:
    """A Russian compound abbreviation (Гидрометцентр, Минобороны, Роскосмос): the word joins the
    first letters of the words of a name, or a word whole, and the English writes the name in
    full (Hydrometeorological Center, Defense Ministry). Each part, of three letters or more,
    renders its own capitalised English word. Returns those words (none: no such reading)."""
    fs = s.folded
    words = [e for e in english if e.capitalised and len(e.text) >= 3]
    if len(fs) < 7 or s.text.isupper() or len(words) < 2 or any(
            _part_renders(fs, e, lang) or fs.startswith(e.folded) for e in words):
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


def _initialisms(tokens: list[Token], text: str) -> dict[str, list[Token]]:
    """Runs of capitalised words (joined by spaces and short connectors) by their initials:
    "Saturday Night Live" → snl, "National Trust for Scotland" → nts."""
    out: dict[str, list[Token]] = {}
    run: list[Token] = []
    for t in tokens + [None]:
        if t is not None and run and not t.capitalised and t.text.lower() in _INITIALISM_SKIPS:
            continue  # the connector itself: the gap test below allows it
        if t is not None and t.capitalised and not _acronym(t.text) and (not run or all(
                w.lower() in _INITIALISM_SKIPS for w in text[run[-1].end:t.start].split())):
            run.append(t)
            continue
        # the whole run and its tails and heads: a sentence's first word or a common noun
        # before the name belongs to no initialism ("Emisija Saturday Night Live" → snl)
        for part in [run[i:] for i in range(len(run) - 1)] + [run[:i] for i in range(len(run) - 1, 1, -1)]:
            out.setdefault("".join(w.folded[:1] for w in part), part)
        run = [t] if t is not None and t.capitalised and not _acronym(t.text) else []
    return out


def _in_currency_name(s: Token, tokens: list[Token], text: str, table) -> bool:
    """Is the word part of the source's name of a currency with the word next to it (US-Dollar,
    доллар США)? The unit is the number checks' ("$503 million"), not a name to carry over."""
    i = next((k for k, t in enumerate(tokens) if t is s), None)
    if i is None:
        return False
    for a, b in ((i - 1, i), (i, i + 1)):
        if a >= 0 and b < len(tokens) and text[tokens[a].end:tokens[b].start] in (" ", "-"):
            first, second = tokens[a].folded, tokens[b].folded
            if any(len(name) == 2 and first.startswith(name[0]) and second.startswith(name[1])
                   for name in table.currency_names):
                return True
    return False


def _spelled_letter(s: Token, text: str) -> bool:
    """A letter name of an acronym spelled out with hyphens, as Serbian writes English ones
    (Bi-Bi-Si for BBC, Bi-Em-Ve for BMW): each part is a syllable, not a name."""
    if s.text.isupper():
        return False
    if len(s.text) <= 2 and "-" in (text[s.start - 1:s.start] + text[s.end:s.end + 1]):
        return True
    # the last letter with a case ending: Aj-Bi-Ema (IBM's genitive), Bi-Bi-Siju
    return len(s.text) <= 4 and re.search(r"\b\w{1,2}-\w{1,2}-$", text[max(0, s.start - 8):s.start]) is not None


def _dictionary_name(s: Token, text: str, lang: str) -> bool:
    """A capitalised common word mid-sentence that the dictionary translates: the name of an
    institution or a place in words (Senat, Congresso, Velká Británie), which the English must
    render with one of its translations. Not the first half of a hyphenated compound (Военно-
    морской), nor the head words of South Slavic institution names, which a translation renders
    freely (backcheck's institution heuristics decide those)."""
    return (not s.initial and text[s.end:s.end + 1] != "-" and known_word(s.text, lang) is True
            and not _institution_adjective(s.text, lang) and not _common_noun_form(s.text, lang))


def _false_friend_noun(s: Token, lang: str) -> bool:
    """A German noun spelled like a common English word that the dictionary translates with other
    words (Kind / child, See / lake, Start / beginning): capitalised as every German noun is, it
    is a word to translate, not a name to carry over. A surname English writes the same way has
    no other translation (Green) or none at all (Bush); a translation that begins like the word is
    a derivative or a spelling of it (Twitter / tweet, Rom / Rome), not evidence of a noun. Places
    and the words of a longer name (Sentinel Range) stay names."""
    if lang not in NOUN_CAPITALISING or not is_common_word(s.text):
        return False
    initial = s.folded[:1]
    return any(t[:1] != initial and lexicon.zipf(t) >= 4.0 and is_common_word(t) for t in translations(s.text, lang))


def _renders(english: Token, source: Token, table) -> bool:
    """Does the English word render the source name? A lower-case word renders it only as a word
    derived from it or as its exonym (Turkish / Turchia); a consonant skeleton it merely shares
    with the name is chance (years / Iran)."""
    kind = correspondence(english, source, table)
    return kind is not None and (english.capitalised or kind != "phonetic" or (
        # a name English writes as a common word (superman / Supermenov): a long one, alike
        # from its first letters
        len(english.folded) >= 6 and english.folded[:4] == source.folded[:4]))


def _source_span(ctx, tokens: list[Token]) -> tuple[int, int]:
    start, end = to_latin(ctx.source.text).original_range(tokens[0].start, tokens[-1].end)
    text = ctx.source.text
    while end < len(text) and text[end] in _SILENT_SIGNS:
        end += 1  # a final soft or hard sign has no Latin letter (Путь → Put)
    return start, end


_SILENT_SIGNS = "ьъЬЪ"


@register
class NameUnmatched(Check):
    """A name in the English with no counterpart in the aligned source sentence. Names are
    carried over (possibly declined, transliterated or as an exonym), never invented, so an
    English name that matches nothing in the source by spelling, case ending, phonetic skeleton
    or CLDR exonym was replaced or hallucinated by the MT system.
    """

    id = "name.unmatched"
    category = "name"
    severity = "major"
    requires_source = True
    example = 'source "Premijer Plenković je rekao" / English "Prime Minister Milanović said"  →  "Milanović"'

    def run(self, ctx):
        items = ctx.name_beads
        if not items:
            return
        table = exonyms(ctx.source.lang)
        latin = to_latin(ctx.source.text).text
        for k, bead in enumerate(items):
            if not bead.source:
                continue  # an added sentence: the omission/addition checks own it
            if _title_case(bead.target):
                continue  # a headline in title case capitalises common words
            window = _window(items, k, "source")
            text = ctx.document.text
            unmatched = [t for group in _groups([t for t in bead.target if t.name and not _title_abbreviation(t, text)], text)
                         for t in _unmatched_names(group, window, table, text, latin, bead.source)]
            if unmatched:
                translated = {e for e, _ in _translated_parts(bead.source, bead.target, latin, text, table)}
                source_tags = any(_hashtag(s, latin) for s in window)
                # a hashtag the source translates (#MeToo / #JaIsto) is still the hashtag
                unmatched = [t for t in unmatched if id(t) not in translated
                             and not (source_tags and _hashtag(t, text))]
            for group in _groups(unmatched, text):
                words = " ".join(t.text for t in group)
                yield Finding(self.id, group[0].start, group[-1].end,
                              f'"{words}" has no counterpart in the source sentence: a replaced or invented name?',
                              evidence={"name": words, "source_names": sorted({s.text for s in window if s.name})})


@register
class NameDropped(Check):
    """A name in the source sentence that the English does not render. A name is the part of a
    sentence a translation must keep; when no English word corresponds to it (by spelling, case
    ending, phonetic skeleton or exonym), the MT system dropped it or replaced it.
    """

    id = "name.dropped"
    category = "name"
    severity = "major"
    requires_source = True
    example = 'source "Sastanak s Merkel u Berlinu" / English "The meeting in Berlin"  →  "Merkel" missing'

    def run(self, ctx):
        items = ctx.name_beads
        if not items:
            return
        table = exonyms(ctx.source.lang)
        latin = to_latin(ctx.source.text).text
        for k, bead in enumerate(items):
            if not bead.target:
                continue  # an omitted sentence: the omission check owns it
            window = _window(items, k, "target")
            own_first = _window(items, k, "target", own_first=True)
            # The next three are built on first use (in this iteration): few source names get
            # as far as needing them.

            @cache
            def compounds() -> list[Token]:
                return _compounds(window, ctx.document.text, capitalised_only=False)

            @cache
            def english_acronyms() -> list[Token]:
                return [t for t in window if _acronym(t.text)
                        and not any(correspondence(t, s, table) for s in bead.source)]

            @cache
            def expansions() -> list[Token]:
                # Capitalised English words that render no source word: the expansion of a
                # source acronym (WM / World Cup, ВМФ / Navy) is among them.
                return [t for t in bead.target if t.capitalised and not t.initial and not _acronym(t.text)
                        and not any(correspondence(t, s, table) for s in bead.source if s.capitalised)]

            def claimed(t: Token, s: Token) -> bool:
                # An English name that renders another source name exactly is that name's: it is
                # not also a loose exonym of this one (Iran for Írán, not for Izrael), nor the
                # country of an acronym (Iran for Íránu, not for IRNA).
                return t.folded != s.folded and any(o.folded != s.folded and correspondence(t, o, table)
                                                    for o in bead.source if o.name)

            institutional = _institution_runs(bead.source, latin, table, window) | _rendered_heads(
                bead.source, latin, table, window)
            @cache
            def abbreviated() -> set[int]:
                # A name the English abbreviates (Saturday Night Live / SNL) is rendered.
                acronyms = {t.folded.rstrip("s") for t in window if _acronym(t.text)}
                return {id(t) for initials, run in _initialisms(bead.source, latin).items()
                        if initials in acronyms for t in run}

            @cache
            def first_names() -> set[int]:
                # The first name of a person the English names by surname alone, with no other
                # name beside it ("the Thatcher government" for "vlada Margaret Thatcher"): the
                # person is rendered.
                out = set()
                text = ctx.document.text
                alone = [t for i, t in enumerate(window) if t.capitalised and not t.initial
                         and not (i and window[i - 1].capitalised and text[window[i - 1].end:t.start] == " ")
                         and not (i + 1 < len(window) and window[i + 1].capitalised
                                  and text[t.end:window[i + 1].start] == " ")]
                for run in _groups([s for s in bead.source if s.name and not _acronym(s.text)], latin):
                    first = run[0].text.lower()
                    z = lexicon.zipf(first)
                    # a first name: a word English writes often as a name, not as a common
                    # word (Mount, Sentinel) or a place
                    given = z >= 3.0 and not (is_common_word(first) and z < 5.0)
                    if len(run) == 2 and given and not table.source_word(run[0].folded, cities=False) and any(
                            _renders(t, run[1], table) for t in alone):
                        out.add(id(run[0]))
                return out

            @cache
            def written_out() -> dict[str, list[Token]]:
                # English words a source acronym abbreviates (NTS / National Trust for Scotland)
                return _initialisms(window, ctx.document.text)

            @cache
            def shortened() -> set[int]:
                return _shortened(bead.source, latin, window, table, ctx)

            @cache
            def translated_parts() -> set[int]:
                return {s for _, s in _translated_parts(bead.source, bead.target, latin, ctx.document.text, table)}
            in_full_name = {id(t) for run in _groups([s for s in bead.source if s.name], latin)
                            if len(run) > 1 and not any(id(t) in institutional for t in run) for t in run
                            if t.zipf < 4.5 and not _institution_adjective(t.text, table.lang)
                            and not _common_noun_form(t.text, table.lang)}
            dropped = [s for s in bead.source if s.name and (id(s) in in_full_name or _distinctive(s, table)
                                                             or _dictionary_name(s, latin, table.lang))
                       and s.text not in unit_codes() and not _temperature_scale(s, table.lang)
                       and not (_false_friend_noun(s, table.lang) and not table.source_word(s.folded)
                                and id(s) not in in_full_name)
                       and not _spelled_letter(s, latin)
                       and not (_acronym(s.text) and _in_currency_name(s, bead.source, latin, table))
                       and id(s) not in institutional
                       # an acronym translated (АПЛ / EPL) or written out (WM / World Cup)
                       and not (_acronym(s.text) and (english_acronyms() or _expands(expansions(), s.text)))
                       and not any((_renders(t, s, table) and not (_acronym(s.text) and not _acronym(t.text)
                                                                   and claimed(t, s)))
                                   or (t.name and _loosely_same(t, s) and not claimed(t, s)) for t in own_first)
                       and not any(correspondence(c, s, table) in _WHOLE_NAME for c in compounds())
                       and not any(linked(t.text, s.text, table.lang) for t in window)  # translated
                       and not any(t.capitalised and _cognate_gloss(t, s, table.lang) for t in bead.target)
                       and not _compound_abbreviation(s, window, table.lang)
                       and not (_acronym(s.text) and any(abbreviates(t.text, s.text, table.lang) for t in window))
                       and id(s) not in abbreviated() and id(s) not in shortened()
                       and id(s) not in translated_parts()
                       and not (_acronym(s.text) and s.folded in written_out())
                       and id(s) not in first_names()
                       and not (_hashtag(s, latin) and any(_hashtag(t, ctx.document.text) for t in window))]
            reported: set[str] = set()
            for group in _groups(dropped, latin):
                src_start, src_end = _source_span(ctx, group)
                words = ctx.source.text[src_start:src_end]
                if fold(words) in reported:
                    continue  # the same name twice in the source sentences of one English sentence
                reported.add(fold(words))
                yield Finding(self.id, bead.target_start, bead.target_end,
                              f'the source name "{words}" does not appear in the English sentence',
                              source_start=src_start, source_end=src_end,
                              evidence={"name": words})


@register
class NameTransliterated(Check):
    """A name spelled differently from the way its own language writes it. Names from
    Latin-script languages (and Serbian, whose Latin form is standard) keep their letters in
    English: "Plenković", not "Plenkovic" or "Plenkovich". Some English style books drop
    diacritics, but the readers of a Balkan newsroom's English edition know the names, and
    annotators of parliamentary MT (ParlaMint) count "Plenkovic" as a wrong proper name. Conversely, Serbian writes foreign
    names phonetically ("Džesika Kenedi"); when the article also has the original spelling
    ("Jessica Kennedy"), the phonetic copy is flagged with it as the suggestion.
    """

    id = "name.transliterated"
    category = "name"
    severity = "minor"
    requires_source = True
    example = 'source "Andrej Plenković" / English "Andrej Plenkovic"  →  "Plenkovic" (suggest "Plenković")'

    def run(self, ctx):
        items = ctx.name_beads
        if not items:
            return
        # The source-based spellings need the nominative, which backcheck derives for South
        # Slavic declension only; a Polish or Czech case form (Małgorzaty, Frýdecko) is not a
        # spelling of its own.
        native = ctx.source.lang in _SOUTH_SLAVIC
        latin = to_latin(ctx.source.text).text
        english_spellings = {phonetic_key(t.text, True): t.text for b in items for t in b.target
                             if t.name and not SLAVIC_LETTERS & set(t.text) and "dž" not in t.text.lower()}
        for k, bead in enumerate(items):
            window = _window(items, k, "source")
            for t in bead.target:
                if not t.name:
                    continue
                if SLAVIC_LETTERS & set(t.text) or "dž" in t.text.lower():
                    original = english_spellings.get(phonetic_key(t.text, False))
                    if original and fold(original) != t.folded:
                        yield Finding(self.id, t.start, t.end,
                                      f'"{t.text}" is the Serbian phonetic spelling of "{original}", '
                                      "which the article also uses",
                                      suggestion=original, evidence={"basis": "article"})
                        continue
                    # otherwise a Slavic name that lost only some of its letters (Šeparovic)
                if not native:
                    continue
                slavic_names, companions = _slavic_runs(window, latin)
                # correspondence first: it is cached, and rarely phonetic. A source that
                # transcribes foreign names (Serbian Gelfend for Gelfand) is the authority on
                # the spelling of its own, Slavic names only.
                copied = any(s.folded == t.folded for s in window)  # the very spelling is there
                misspelled = None if copied else next((s for s in window if s.name
                                   and (ctx.source.lang in _LANGUAGE_NAMES or id(s) in slavic_names)
                                   and correspondence(t, s, exonyms(ctx.source.lang)) == "phonetic"
                                   and not _ending_changed(t, s)  # a case form (Celesiu ← Celesio)
                                   and _misspelling(t.text, s.text, transcribed=ctx.source.lang not in _LANGUAGE_NAMES)),
                                  None)
                if misspelled is not None:
                    src_start, src_end = _source_span(ctx, [misspelled])
                    yield Finding(self.id, t.start, t.end,
                                  f'"{t.text}" misspells the source name "{misspelled.text}"',
                                  suggestion=misspelled.text, source_start=src_start, source_end=src_end,
                                  evidence={"basis": "source"})
                    continue
                anglicised = _anglicised(t, window, ctx.source.lang)
                if anglicised is not None:
                    source_word, suggestion = anglicised
                    src_start, src_end = _source_span(ctx, [source_word])
                    yield Finding(self.id, t.start, t.end,
                                  f'"{t.text}" writes the source name "{source_word.text}" with a w; '
                                  f"{_LANGUAGE_NAMES[ctx.source.lang]} keeps foreign names in their own spelling, "
                                  "so the v is the name's own",
                                  suggestion=suggestion, source_start=src_start, source_end=src_end,
                                  evidence={"basis": "source"})
                    continue
                respelling = _slavic_respelling(t, window, slavic_names, companions)
                if respelling is not None:
                    s, suggestion = respelling
                    src_start, src_end = _source_span(ctx, [s])
                    yield Finding(self.id, t.start, t.end,
                                  f'"{t.text}" respells the source name "{s.text}"; names keep their '
                                  "own spelling in English", suggestion=suggestion,
                                  source_start=src_start, source_end=src_end, evidence={"basis": "source"})


def _slavic_runs(window: list[Token], latin: str) -> tuple[set[int], set[int]]:
    """Ids of the window's Slavic names, and of their companions: the other words of a Slavic
    full name are Slavic too (Božo beside Petrov)."""
    slavic_runs = [run for run in _groups([w for w in window if w.name], latin)
                   if any(_slavic_name(w.text) for w in run)]
    return ({id(x) for run in slavic_runs for x in run},
            {id(x) for run in slavic_runs for x in run if not _slavic_name(x.text)})


def _slavic_respelling(t: Token, window: list[Token], slavic_names: set[int],
                       companions: set[int]) -> tuple[Token, str] | None:
    """The source's Slavic name that the English word respells (Kovačiću → Kovacic, Duško →
    Dushko), with the nominative to suggest. The base must itself be Slavic, not a foreign name
    with a Slavic ending (Bušova → Buš, Aćehu → Aćeh)."""
    for s in window:
        if not (s.name and id(s) in slavic_names and _SLAVIC_DIACRITICS & set(s.text)):
            continue
        for form in _forms(s.text):
            if respelled(t.text, form) and (_slavic_name_base(form) or id(s) in companions):
                # unless the window also has the English spelling itself
                if any(t.text.lower() == f.lower() for o in window for f in _forms(o.text)):
                    return None
                return s, form
    return None


@register
class NameSourceCase(Check):
    """A name copied from the source together with its case ending. The source declines names
    ("gospoda Boruta Pahorja", genitive of Borut Pahor); when the English keeps a form that the
    source itself shows to be oblique (the rest of the name was de-inflected, or the base form
    occurs elsewhere), the base form is suggested from the source.
    """

    id = "name.source_case"
    category = "name"
    severity = "major"
    requires_source = True
    example = 'source "pozdravljam Boruta Pahorja" / English "I greet Boruta Pahor"  →  "Boruta" (suggest "Borut")'

    def run(self, ctx):
        items = ctx.name_beads
        if not items or ctx.source.lang not in _SOUTH_SLAVIC:
            return  # the endings come from South Slavic declension (backcheck.lang.sh.morphology)
        table = exonyms(ctx.source.lang)
        latin = to_latin(ctx.source.text).text
        # Names written elsewhere in either text: a base form found there is the nominative.
        seen = {t.folded for b in items for t in b.target if t.name and not is_common_word(t.text)} | {
            s.folded for b in items for s in b.source if s.name}
        source_forms = {s.folded for b in items for s in b.source if s.capitalised}
        source_counts = Counter(s.folded for b in items for s in b.source if s.capitalised)
        for k, bead in enumerate(items):
            # A copied or declined name is capitalised in the source too.
            window = [s for s in _window(items, k, "source") if s.capitalised]
            source_runs = _groups([s for s in bead.source if s.name], latin)
            for group in _groups([t for t in bead.target if t.name], ctx.document.text):
                kinds = [{correspondence(t, s, table) for s in window} for t in group]
                copies = [next((s for s in window if correspondence(t, s, table) in ("same", "diacritics")), None)
                          for t in group]
                # The rest of this name was de-inflected: the source run holding the copied word
                # also holds a word the English gives without its ending (Boruta Pahorja →
                # "Boruta Pahor"; Janka Vebra → "Janko Vebra").
                deinflected_runs = [run for run in source_runs if any(
                    correspondence(t, s, table) == "case" or _ending_changed(t, s) or _declined_rendering(t, s)
                    for t in group for s in run)]
                found = [c for c in copies if c is not None]
                agreeing = len(found) > 1 and _agrees_with_title(latin, found)
                for t, kind, copied in zip(group, kinds, copies):
                    stem = _oblique_stem(t, window, kind, ctx.source.lang) if copied is None else None
                    if stem is not None:
                        nominative = _with_fleeting_vowel(stem, ctx.source.lang)
                        yield Finding(self.id, t.start, t.end,
                                      f'"{t.text}" is the stem of the source\'s case forms, without the vowel '
                                      f'its nominative has; the name is "{nominative}"',
                                      suggestion=nominative, evidence={"base": nominative, "ending": "",
                                                                       "basis": "fleeting vowel"})
                        continue
                    if copied is None or "case" in kind or lexicon.zipf(t.text.lower()) >= 2.5:
                        continue  # not a copy, or a form English knows as it is (Arizona)
                    if _declined_further(copied.folded, source_forms):
                        continue  # the source declines this very form (Moualem, Moualema): a nominative
                    if source_counts[copied.folded] >= _INVARIANT_REPEATS:
                        continue  # the same form in every sentence: a name the source does not decline
                    if _after_nominative_title(latin, copied):
                        continue  # "gospođa Steinem": the source's name is a nominative
                    group_deinflected = any(copied in run for run in deinflected_runs)
                    partner_endings = _partner_endings(copied, deinflected_runs, group, table)
                    # The same form elsewhere with no preposition before it is a nominative (Palu).
                    lang = ctx.source.lang
                    governed = _governed(latin, copied, lang) and all(
                        _governed(latin, s, lang) for b in items for s in b.source if s.folded == copied.folded)
                    genitive = governed and _governed(latin, copied, lang, _GENITIVE_PREPOSITIONS)
                    for base, ending, meaning in candidate_bases(t.text):
                        if base == t.text or ending == "o":
                            continue  # -o is a vocative in news only by mistake; Marko, Janko are nominatives
                        if not _possible_ending(base, ending):
                            continue  # Moualem is not Moual-em: the instrumental of Moual is Moualom
                        if group_deinflected and (not partner_endings or fold(ending).removeprefix("j") in partner_endings):
                            # a word of the name without its partners' ending is not in their
                            # case: the source left it as it is (Juanom Carlosom Varela)
                            basis = "name group"
                        elif agreeing and t.text.lower().endswith(ending):
                            basis = "agrees with the title before it"
                        elif fold(base) in seen and fold(base) != t.folded:
                            basis = "other occurrence"
                        elif ending in _OBLIQUE_ENDINGS or (governed and ending in _GOVERNED_ENDINGS
                                                            and (ending != "e" or genitive)):
                            basis = "preposition" if governed else "oblique ending"
                        elif _after_oblique_title(latin, copied, base):
                            basis = "title in an oblique case"
                        elif _known_name_declined(t.text, base, ending):
                            basis = "English knows the name"
                        elif _foreign_name_declined(t.text, base, ending):
                            basis = "foreign spelling"
                        else:
                            continue
                        yield Finding(self.id, t.start, t.end,
                                      f'"{t.text}" keeps the source\'s ending -{ending} ({meaning}); '
                                      f'the name is "{base}"',
                                      suggestion=base, evidence={"base": base, "ending": ending, "basis": basis})
                        break


#: Endings no nominative of a name has: instrumental, dative/locative and plural case forms and
#: the oblique forms of possessives (Trumpom, Fischerovoj, Merkelovog).
_OBLIQUE_ENDINGS = {"om", "em", "ima", "ovima", "evima", "oj", "og", "oga", "omu", "ih"} | {
    infix + ending for infix in ("ov", "ev", "in")
    for ending in ("og", "oga", "om", "omu", "oj", "u", "ih", "im", "ima")}
#: Endings that a preposition shows to be oblique; -i, -ov, -in and the like also end nominatives
#: (Ratajkowski, Ivanov).
_GOVERNED_ENDINGS = {"a", "u", "e"}
#: Prepositions that govern the genitive, the one case whose -a stem ending is -e (od Ane, but
#: na Anu, u Ani): after "na" or "u" a name in -e is no genitive (na Bellenglise).
_GENITIVE_PREPOSITIONS = frozenset({"od", "do", "iz", "kod", "bez", "oko", "nakon", "poslije", "posle", "tokom",
                                    "tijekom", "zbog", "između", "izmedju", "umjesto", "umesto", "ispred", "iza",
                                    "iznad", "ispod", "pored", "preko", "blizu", "radi", "protiv", "izvan", "van",
                                    "usred", "duž", "sred"})
#: Prepositions that govern an oblique case: the name right after one is not a nominative.
_CASE_PREPOSITIONS = {"u", "na", "izvan", "van", "od", "do", "iz", "kod", "bez", "protiv", "oko", "nakon", "poslije", "posle", "tokom",
                      "tijekom", "zbog", "između", "izmedju", "umjesto", "umesto", "ispred", "iza", "iznad",
                      "ispod", "pored", "preko", "blizu", "radi", "s", "sa", "za", "prema", "ka", "k", "o",
                      "po", "pri", "uz", "kroz", "niz", "među", "medju", "nad", "pod", "pred"}


#: A source form this many times in one article, never with another ending, is the name itself:
#: a declined form is one case of several, which its sentences rarely all share (al-Moualem).
_INVARIANT_REPEATS = 3

#: Endings the source adds to a consonant-stem nominative in its other cases.
_FURTHER_ENDINGS = ("a", "u", "om", "em", "e")


#: Endings of -a stem nouns that consonant stems do not have in the singular.
_A_STEM_ONLY_ENDINGS = ("e", "i")


def _partner_endings(copied: Token, runs: list[list[Token]], english: list[Token], table) -> set[str]:
    """The case endings that the other words of the copied word's name had in the source, where
    the English de-inflected them (Juanom Carlosom: -om; Pahorja: -a after the glide j; Martu
    for Marta: -u). A word of the name without their ending is not in their case."""
    out: set[str] = set()
    for run in runs:
        if copied not in run:
            continue
        for partner in run:
            if partner is copied:
                continue
            for e in english:
                if correspondence(e, partner, table) == "case":
                    out.add(partner.folded[len(e.folded):].removeprefix("j"))
                elif _ending_changed(e, partner):
                    out.add(partner.folded[-1:])
    return out


#: Final consonants of soft stems, which take -em and -ev- where hard stems take -om and -ov-
#: (Vučić-em, Jurić-ev, Marij-em; but Trump-om, Horn-ov).
_SOFT_FINALS = ("c", "č", "ć", "š", "ž", "đ", "dj", "j", "lj", "nj", "dž")


def _possible_ending(base: str, ending: str) -> bool:
    """Can a masculine name ``base`` take ``ending`` in the singular? A consonant stem takes -e only
    as a vocative or a plural (Bellenglise, Inverewe are no case forms of Bellenglis, Inverew), and
    -em or -ev- only after a soft consonant (al-Moualem is not an instrumental of Moual)."""
    folded = base.lower()
    if folded.endswith("a"):
        return not (ending.startswith("e") and ending != "e")  # an -a stem: Ivan-e, Ivan-om, never Ivan-em
    if not folded or folded[-1] in "eiouy":
        return True  # a vowel-final foreign name
    if ending == "e":
        return False
    if ending.startswith("e"):
        return folded.endswith(_SOFT_FINALS)
    return True


def _declined_further(folded: str, source_forms: set[str]) -> bool:
    """Does the source also write this form with a case ending after it (Steinem → Steinema), or
    decline it as an -a stem (Menga → Menge)? Then the form is a nominative, however much its
    end looks like an ending."""
    if any(folded + e in source_forms for e in _FURTHER_ENDINGS):
        return True
    # An -a stem: the source writes its genitive -e or dative -i too (Menga, Menge, Mengi).
    return folded.endswith("a") and any(folded[:-1] + e in source_forms for e in _A_STEM_ONLY_ENDINGS)


def _declined_rendering(english: Token, source: Token) -> bool:
    """The English renders a declined source word by its nominative, phonetically (Trump for
    Trampa): the source run is in an oblique case, and so is any word of it copied as it is."""
    fe = english.folded
    if fe == source.folded or fe[-1:] in ("a", "e", "i", "o", "u", ""):
        return False
    key = phonetic_key(english.text, True)
    return any(ending in _GOVERNED_ENDINGS | _OBLIQUE_ENDINGS and phonetic_key(base, False) == key
               for base, ending, _ in candidate_bases(source.text))


def _known_name_declined(word: str, base: str, ending: str) -> bool:
    """A copied form that English never writes whose base is a name English knows (Kavanaugha ←
    Kavanaugh); a base that is a common word (Pal ← Palu) or a form English also uses as a name
    (Roberta, Martina) does not count."""
    return (ending in _GOVERNED_ENDINGS and lexicon.zipf(word.lower()) < lexicon.UNKNOWN_ZIPF
            and lexicon.zipf(base.lower()) >= lexicon.KNOWN_ZIPF and len(base) >= 4)


#: Spellings that South Slavic Latin script does not use in its own words: the letters q, w, x, y,
#: English and German digraphs, doubled consonants. A stem spelled so is a foreign name that the
#: source kept in its original spelling and declined (Scherzer-u, Radstock-a, Terrace-a).
_FOREIGN_SPELLING = re.compile(r"[qwxy]|th|ck|sch|sh|ch|ph|gh|ea|ee|oo|ou|([bcdfgklmnprstvz])\1")
#: Possessive endings: on a foreign stem English knows, a possessive adjective (Furyk-ova).
#: How often English must write the stem by itself (wordfreq Zipf) for it to be a name.
_FOREIGN_BASE_ZIPF = lexicon.UNKNOWN_ZIPF
_POSSESSIVE_ENDINGS = {"ov", "ova", "ovo", "ove", "ovu", "ev", "eva", "evo", "eve", "evu", "in", "ina", "ino"}


def _foreign_name_declined(word: str, base: str, ending: str) -> bool:
    """A copied form that English never writes, a foreign-spelled stem and a case ending after it:
    the source declined a foreign name (Radstocka ← Radstock, Bluesa ← Blues, Furykova ← Furyk).
    The stem must be a word English writes: Calzadilla is not Calzadill with an ending."""
    if lexicon.zipf(word.lower()) >= lexicon.UNKNOWN_ZIPF or len(base) < 4:
        return False
    if not _FOREIGN_SPELLING.search(base.lower()) or lexicon.zipf(base.lower()) < _FOREIGN_BASE_ZIPF:
        return False  # a stem English never writes is more likely a name ending in a vowel (Calzadilla)
    if ending in _POSSESSIVE_ENDINGS:
        return word[:len(base)] == base and len(word) == len(base) + len(ending)  # Furyk-ova, not All-a-eva
    return ending in _GOVERNED_ENDINGS


def _ending_changed(english: Token, source: Token) -> bool:
    """The English has the source name with another final vowel (Janko for Janka): the
    translation de-inflected this part of the name."""
    fe, fs = english.folded, source.folded
    return fe != fs and len(fe) >= 4 and fe[:-1] == fs[:-1] and fe[-1] in "aeiou" and fs[-1] in "aeiou"


#: Case endings that a title and the name after it share in an oblique case (gospoda Janka
#: Vebra, gospodu Janku Vebru, s ministrom Vučićem).
_AGREEMENT_ENDINGS = ("a", "u", "om", "em")


def _agrees_with_title(text: str, names: list[Token]) -> bool:
    """Do a multi-word source name and the lower-case word before it share an oblique ending?"""
    before = text[max(0, names[0].start - 30):names[0].start].split()
    if not before or not before[-1].isalpha() or not before[-1].islower():
        return False
    title = before[-1]
    if title.endswith("a") and all(n.text.lower().endswith("a") for n in names):
        # -a is also the nominative of feminine nouns (majka Risa Kusuma); it is oblique only on a
        # masculine noun whose nominative is the stem (predsjednika ← predsjednik, ministra ←
        # ministar)
        stem = title[:-1]
        wf = "sl" if stem.endswith("sl") else "sh"
        return max(lexicon.zipf(stem, wf), lexicon.zipf(_with_fleeting_vowel(stem, "hr"), wf)) >= max(
            3.0, lexicon.zipf(title, wf) - 0.5)
    return any(title.endswith(e) and all(n.text.lower().endswith(e) for n in names) for e in _AGREEMENT_ENDINGS
               if e != "a")


#: "Mr" and "Mrs" in an oblique case, South Slavic and Slovenian (gospodu, gospe, gospođi): the
#: name after one is in that case too. Feminine ones decline an -a stem (gospe Marjani ← Marjana).
_OBLIQUE_TITLES = {"gospoda": "m", "gospodu": "m", "gospodom": "m", "gospodina": "m", "gospodinu": "m",
                   "gospodinom": "m", "gospe": "f", "gospo": "f", "gospoj": "f", "gospođe": "f", "gospođi": "f",
                   "gospođu": "f", "gospođom": "f", "gospodje": "f", "gospodji": "f", "gospodju": "f"}


def _after_oblique_title(text: str, name: Token, base: str) -> bool:
    """Is the name right after "Mr" or "Mrs" in an oblique case (first names between allowed),
    with the base that the title's gender declines (gospe Marjani ← Marjana, gospodu Janku ← Janko
    or Janek, not Marjan)?"""
    before = text[max(0, name.start - 40):name.start].split()
    for word in reversed(before[-3:]):
        gender = _OBLIQUE_TITLES.get(word.lower())
        if gender:
            return gender == "m" or base.lower().endswith("a")
        if not word[:1].isupper():
            return False
    return False


#: "Mr", "Mrs", "Ms" in the nominative (Serbo-Croatian and Slovenian, Latin view; "g." is written
#: without its stop by the tokeniser).
_NOMINATIVE_TITLES = {"gospodin", "gospođa", "gospodja", "gospođica", "gospodjica", "gospod", "gospa", "g", "gđa",
                      "gdja", "gđica", "gdjica"}


def _after_nominative_title(text: str, name: Token) -> bool:
    """Is the name right after "Mr" or "Mrs" in the nominative (first names between allowed)?
    Then it is in the nominative too (gospođa Steinem), whatever its ending looks like."""
    before = text[max(0, name.start - 40):name.start].replace(".", " ").split()
    for word in reversed(before[-3:]):
        if word.lower() in _NOMINATIVE_TITLES:
            return True
        if not word[:1].isupper():
            return False
    return False


#: Endings of adjectives and pronouns in an oblique case (genitive, dative, locative).
_OBLIQUE_MODIFIER_ENDINGS = ("og", "oga", "ega", "emu", "omu", "oj", "ih", "im")


def _oblique_modifier(word: str) -> bool:
    """Is ``word`` an adjective or pronoun in an oblique case (velečasnog, njegovom)? A noun
    ending alike (aerodromu) is not: the name after it is a label in apposition, in the
    nominative ("na aerodromu Mutiara"). An adjective has a nominative in -i the language uses."""
    for ending in sorted(_OBLIQUE_MODIFIER_ENDINGS, key=len, reverse=True):
        if word.endswith(ending):
            stem = word[:-len(ending)]
            return len(stem) >= 2 and lexicon.zipf(stem + "i", "sh") >= 2.5
    return False


def _governed(text: str, name: Token, lang: str, prepositions: frozenset[str] | None = None) -> bool:
    """Is the name in an oblique case by its context: right after a case-governing preposition
    or an adjective in an oblique case (skipping its own first names)?"""
    before = _SENTENCE_END.split(text[max(0, name.start - 40):name.start])[-1].split()
    for word in reversed(before[-3:]):
        if word.lower() in _CASE_PREPOSITIONS:
            return prepositions is None or word.lower() in prepositions
        if word.islower() and _oblique_modifier(word):
            return True  # an adjective or pronoun in an oblique case agrees with it (velečasnog Johnsona)
        if not word[:1].isupper() or known_word(word, lang):
            # a common noun, capitalised or not, before the name: the name is its label, in the
            # nominative ("u Vrtovima Inverewe", "na aerodromu Mutiara")
            return False
    return False


#: The end of the sentence before a name: words before it govern nothing.
_SENTENCE_END = re.compile(r"[.!?:;]\s|\n")
