"""Case forms of names: is a source word that the English copies a nominative or an oblique case?

The source declines names ("gospoda Boruta Pahorja"); the evidence that a form is oblique is its
ending, a preposition or an oblique adjective or title before it, the words of its name that the
English de-inflected, and the other forms of it in the article. Serbo-Croatian endings and
prepositions come from ``lang/data/sh.toml`` (:mod:`backcheck.lang.sh.grammar`).
"""

from __future__ import annotations

import re

from backcheck.lang import lexicon
from backcheck.lang.glosses import known_word
from backcheck.lang.names.correspondence import SHORT_CASE_ENDINGS, correspondence
from backcheck.lang.names.frequency import KNOWN_SOURCE_WORD
from backcheck.lang.names.orthography import FLEETING_VOWEL, ending_changed, with_fleeting_vowel
from backcheck.lang.names.phonetic import phonetic_key
from backcheck.lang.names.tokens import Token
from backcheck.lang.sh import grammar
from backcheck.lang.sh.morphology import candidate_bases
from backcheck.lang.text import fold

#: Zipf points by which a title in -a may be rarer than its stem and still be the stem's oblique case.
_TITLE_STEM_MARGIN = 0.5
#: Zipf from which an adjective's nominative in -i is a Serbo-Croatian word (velečasni, njegovi).
_ADJECTIVE_ZIPF = 2.5


def oblique_stem(english: Token, window: list[Token], kinds: set, lang: str) -> str | None:
    """The stem of the source's case forms, without the fleeting vowel of the nominative, when the
    English name is that stem (Vebr ← Vebru) or the stem with another case ending (Vebra ←
    Vebru): no nominative of a Croatian or Slovenian name ends in an obstruent and r or l, and the
    name is Veber. Returns the stem."""
    if lang not in FLEETING_VOWEL or lexicon.zipf(english.text.lower()) >= lexicon.UNKNOWN_ZIPF:
        return None
    if "case" in kinds and with_fleeting_vowel(english.text, lang) != english.text:
        return english.text
    stem = english.text[:-1]
    if english.text[-1:] == "a" and any(s.folded in (fold(stem) + "e", fold(stem) + "i") for s in window):
        return None  # a feminine -a stem's genitive or dative beside it (Brtonigla: Brtonigle), no Brtonigal
    if (
        english.text[-1:] in ("a", "e", "i", "u")
        and with_fleeting_vowel(stem, lang) != stem
        and any(
            s.folded.startswith(fold(stem))
            and s.folded[len(stem) :] in SHORT_CASE_ENDINGS
            and s.folded != english.folded
            for s in window
        )
    ):
        return stem
    return None


def partner_endings(copied: Token, runs: list[list[Token]], english: list[Token], table) -> set[str]:
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
                    out.add(partner.folded[len(e.folded) :].removeprefix("j"))
                elif ending_changed(e, partner):
                    out.add(partner.folded[-1:])
    return out


def possible_ending(base: str, ending: str) -> bool:
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
        return folded.endswith(grammar.soft_finals())
    return True


def declined_further(folded: str, source_forms: set[str]) -> bool:
    """Does the source also write this form with a case ending after it (Steinem → Steinema), or
    decline it as an -a stem (Menga → Menge)? Then the form is a nominative, however much its
    end looks like an ending."""
    if any(folded + e in source_forms for e in grammar.further_endings()):
        return True
    # An -a stem: the source writes its genitive -e or dative -i too (Menga, Menge, Mengi).
    return folded.endswith("a") and any(folded[:-1] + e in source_forms for e in grammar.a_stem_only_endings())


def declined_rendering(english: Token, source: Token) -> bool:
    """The English renders a declined source word by its nominative, phonetically (Trump for
    Trampa): the source run is in an oblique case, and so is any word of it copied as it is."""
    fe = english.folded
    if fe == source.folded or fe[-1:] in ("a", "e", "i", "o", "u", ""):
        return False
    key = phonetic_key(english.text, True)
    return any(
        ending in grammar.governed_endings() | grammar.oblique_endings() and phonetic_key(base, False) == key
        for base, ending, _ in candidate_bases(source.text)
    )


def known_name_declined(word: str, base: str, ending: str) -> bool:
    """A copied form that English never writes whose base is a name English knows (Kavanaugha ←
    Kavanaugh); a base that is a common word (Pal ← Palu) or a form English also uses as a name
    (Roberta, Martina) does not count."""
    return (
        ending in grammar.governed_endings()
        and lexicon.zipf(word.lower()) < lexicon.UNKNOWN_ZIPF
        and lexicon.zipf(base.lower()) >= lexicon.KNOWN_ZIPF
        and len(base) >= 4
    )


#: Spellings that South Slavic Latin script does not use in its own words: the letters q, w, x, y,
#: English and German digraphs, doubled consonants. A stem spelled so is a foreign name that the
#: source kept in its original spelling and declined (Scherzer-u, Radstock-a, Terrace-a).
_FOREIGN_SPELLING = re.compile(r"[qwxy]|th|ck|sch|sh|ch|ph|gh|ea|ee|oo|ou|([bcdfgklmnprstvz])\1")


#: How often English must write the stem by itself (wordfreq Zipf) for it to be a name.
_FOREIGN_BASE_ZIPF = lexicon.UNKNOWN_ZIPF


def foreign_name_declined(word: str, base: str, ending: str) -> bool:
    """A copied form that English never writes, a foreign-spelled stem and a case ending after it:
    the source declined a foreign name (Radstocka ← Radstock, Bluesa ← Blues, Furykova ← Furyk).
    The stem must be a word English writes: Calzadilla is not Calzadill with an ending."""
    if lexicon.zipf(word.lower()) >= lexicon.UNKNOWN_ZIPF or len(base) < 4:
        return False
    if not _FOREIGN_SPELLING.search(base.lower()) or lexicon.zipf(base.lower()) < _FOREIGN_BASE_ZIPF:
        return False  # a stem English never writes is more likely a name ending in a vowel (Calzadilla)
    if ending in grammar.possessive_endings():
        return word[: len(base)] == base and len(word) == len(base) + len(ending)  # Furyk-ova, not All-a-eva
    return ending in grammar.governed_endings()


def agrees_with_title(text: str, names: list[Token]) -> bool:
    """Do a multi-word source name and the lower-case word before it share an oblique ending?"""
    before = text[max(0, names[0].start - 30) : names[0].start].split()
    if not before or not before[-1].isalpha() or not before[-1].islower():
        return False
    title = before[-1]
    if title.endswith("a") and all(n.text.lower().endswith("a") for n in names):
        # -a is also the nominative of feminine nouns (majka Risa Kusuma); it is oblique only on a
        # masculine noun whose nominative is the stem (predsjednika ← predsjednik, ministra ←
        # ministar)
        stem = title[:-1]
        wf = "sl" if stem.endswith("sl") else "sh"
        return max(lexicon.zipf(stem, wf), lexicon.zipf(with_fleeting_vowel(stem, "hr"), wf)) >= max(
            KNOWN_SOURCE_WORD, lexicon.zipf(title, wf) - _TITLE_STEM_MARGIN
        )
    return any(
        title.endswith(e) and all(n.text.lower().endswith(e) for n in names)
        for e in grammar.agreement_endings()
        if e != "a"
    )


def after_oblique_title(text: str, name: Token, base: str) -> bool:
    """Is the name right after "Mr" or "Mrs" in an oblique case (first names between allowed),
    with the base that the title's gender declines (gospe Marjani ← Marjana, gospodu Janku ← Janko
    or Janek, not Marjan)?"""
    before = text[max(0, name.start - 40) : name.start].split()
    for word in reversed(before[-3:]):
        gender = grammar.oblique_titles().get(word.lower())
        if gender:
            return gender == "m" or base.lower().endswith("a")
        if not word[:1].isupper():
            return False
    return False


def after_nominative_title(text: str, name: Token) -> bool:
    """Is the name right after "Mr" or "Mrs" in the nominative (first names between allowed)?
    Then it is in the nominative too (gospođa Steinem), whatever its ending looks like."""
    before = text[max(0, name.start - 40) : name.start].replace(".", " ").split()
    for word in reversed(before[-3:]):
        if word.lower() in grammar.nominative_titles():
            return True
        if not word[:1].isupper():
            return False
    return False


def _oblique_modifier(word: str) -> bool:
    """Is ``word`` an adjective or pronoun in an oblique case (velečasnog, njegovom)? A noun
    ending alike (aerodromu) is not: the name after it is a label in apposition, in the
    nominative ("na aerodromu Mutiara"). An adjective has a nominative in -i the language uses."""
    for ending in sorted(grammar.oblique_modifier_endings(), key=len, reverse=True):
        if word.endswith(ending):
            stem = word[: -len(ending)]
            return len(stem) >= 2 and lexicon.zipf(stem + "i", "sh") >= _ADJECTIVE_ZIPF
    return False


def governed(text: str, name: Token, lang: str, prepositions: frozenset[str] | None = None) -> bool:
    """Is the name in an oblique case by its context: right after a case-governing preposition
    or an adjective in an oblique case (skipping its own first names)?"""
    before = _SENTENCE_END.split(text[max(0, name.start - 40) : name.start])[-1].split()
    for word in reversed(before[-3:]):
        if word.lower() in grammar.case_prepositions():
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
