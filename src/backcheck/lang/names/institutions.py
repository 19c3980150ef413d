"""Institution names, common words and shared names in the source.

Institutions are translated word by word (Vrhovni sud / Supreme Court), so their capitalised
common words are not names that must reappear in English; a word English writes as often as the
source language does is a name both share. These tell a source name whose absence is telling
from a word that was translated.
"""

from __future__ import annotations

import re
from functools import lru_cache

from backcheck.lang import lexicon
from backcheck.lang.glosses import known_word, linked
from backcheck.lang.languages import SOUTH_SLAVIC_LATIN
from backcheck.lang.names.abbreviations import is_acronym
from backcheck.lang.names.common_words import is_common_word
from backcheck.lang.names.correspondence import correspondence
from backcheck.lang.names.frequency import COMMON_WORD_ZIPF, KNOWN_SOURCE_WORD, SHARED_NAME_MARGIN
from backcheck.lang.names.orthography import without_glide
from backcheck.lang.names.tokens import Token
from backcheck.lang.sh import grammar
from backcheck.lang.sh.morphology import candidate_bases
from backcheck.lang.text import fold

#: Zipf from which another case form of a word is a common noun of the source language.
_COMMON_NOUN_ZIPF = 3.5


def distinctive(s: Token, table) -> bool:
    """A source name whose absence is telling: a place, a word rare in its language, or one as
    common in English (a name both use); full names (two capitalised words) count too. Single capitalised common words are mostly parts of translated institution names
    (Cúpula de Hierro / Iron Dome, Ministarstvo / Ministry) and are left to the omission check."""
    if (table.source_word(s.folded) and not table.calendar_word(s.folded)) or is_acronym(s.text):
        return True  # a place, or an acronym (whose lower-case twin's frequency says nothing: PO / po)
    if institution_adjective(s.text, table.lang) or common_noun_form(s.text, table.lang):
        return False
    if s.initial and s.zipf >= COMMON_WORD_ZIPF and is_common_word(s.text):
        # a frequent word opening the sentence that English also has as a common word, not as a
        # name (Time je ...: "This means"): the two languages share the letters, not a name
        return False
    return s.zipf < COMMON_WORD_ZIPF or english_zipf(s.text, table.lang) >= s.zipf - SHARED_NAME_MARGIN


#: Languages that decline names: the English form of a name is its stem (Putina → Putin).
_DECLINING = SOUTH_SLAVIC_LATIN | {"ru", "uk", "pl", "cs", "sk", "bg", "mk"}


#: Latin transliteration (backcheck.lang.text) → English romanisation (Soči → Sochi).
_ENGLISH_ROMANISATION = (("šč", "shch"), ("č", "ch"), ("š", "sh"), ("ž", "zh"), ("ja", "ya"), ("ju", "yu"), ("ij", "y"))


@lru_cache(maxsize=65536)
def english_zipf(word: str, lang: str) -> float:
    """How often English writes a source name: the word itself, romanised the English way
    (Soči → Sochi), without the glide j (Indija → India), or without a case ending (Putina →
    Putin). A name English writes often is a name both languages share, however common it is
    in the source language."""
    forms = {word.lower(), without_glide(word)}
    roman = word.lower()
    for a, b in _ENGLISH_ROMANISATION:
        roman = roman.replace(a, b)
    forms.add(fold(roman))
    if lang in _DECLINING:
        forms |= {fold(base) for f in list(forms) for base, _, _ in candidate_bases(f, 4)}
    return max(lexicon.zipf(f) for f in forms)


@lru_cache(maxsize=65536)
def common_noun_form(word: str, lang: str) -> bool:
    """A case form of a common noun capitalised in an institution's name (Vijeću ← vijeće,
    Sveučilištu ← sveučilište). Surnames in -ić are frequent too but are never common nouns."""
    if lang not in SOUTH_SLAVIC_LATIN or word.isupper():
        return False
    lower = word.lower()
    wf = "sl" if lang == "sl" else "sh"
    for cut in (1, 2):
        stem = lower[:-cut]
        if len(stem) < 4 or fold(stem).endswith("ic"):
            continue
        for e in grammar.noun_endings():
            sibling = stem + e
            z = lexicon.zipf(sibling, wf)
            # a name English uses as much (Bidena ← Biden) is not a common noun
            if sibling != lower and z >= _COMMON_NOUN_ZIPF and lexicon.zipf(sibling) < z - SHARED_NAME_MARGIN:
                return True
    return False


@lru_cache(maxsize=65536)
def institution_adjective(word: str, lang: str) -> bool:
    """A capitalised form of a common adjective (Ustavnog ← ustavni): part of an institution's
    name, which a translation renders in English words."""
    if lang not in SOUTH_SLAVIC_LATIN:
        return False
    lower = word.lower()
    for ending in grammar.adjective_endings():
        if lower.endswith(ending) and len(lower) - len(ending) >= 4:
            if (
                lexicon.zipf(lower[: len(lower) - len(ending)] + "i", "sl" if lang == "sl" else "sh")
                >= KNOWN_SOURCE_WORD
            ):
                return True
    return False


#: Lower-case words that join the words of one name (Instituto Federal de Concursos, Bank of England).
_CONNECTOR = re.compile(r" (?:de|del|de la|di|da|du|des|of|i|и|y|e|et|und|für) | |-")


#: "And" joins the words of one name (Bosna i Hercegovina, Azii i Tihogo okeana), or two names.
_AND = re.compile(r" (?:i|и|y|e|et|und) ")


def _common_in_source(s: Token, lang: str) -> bool:
    """A capitalised source word that is a common word of its language, not a name English
    shares (Instituto, Inspektorat, Sud), or a case form of one."""
    if is_acronym(s.text) or len(s.text) < 4:
        return False
    if institution_adjective(s.text, lang) or common_noun_form(s.text, lang):
        return True
    # A frequent word is common if the dictionary has it: frequent surnames (Morawiecki) are not.
    return (
        s.zipf >= COMMON_WORD_ZIPF
        and english_zipf(s.text, lang) < s.zipf - SHARED_NAME_MARGIN
        and known_word(s.text, lang) is not False
    )


def institution_runs(tokens: list[Token], text: str, table, english: list[Token]) -> set[int]:
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
        gap = text[runs[-1][-1].end : t.start] if runs else ""
        # two full names joined by "and" are two people (Jarosław Kaczyński i Mateusz Morawiecki)
        two_people = (
            _AND.fullmatch(gap)
            and len(runs[-1]) > 1
            and i + 1 < len(tokens)
            and tokens[i + 1].capitalised
            and text[t.end : tokens[i + 1].start] == " "
        )
        if runs and _CONNECTOR.fullmatch(gap) and not two_people:
            runs[-1].append(t)
        else:
            runs.append([t])
    out: set[int] = set()
    for run in runs:
        if len(run) < 2:
            continue
        common = any(_common_in_source(t, table.lang) for t in run)
        rendered = (
            e
            for t in run
            for e in english
            if (e.capitalised and correspondence(e, t, table)) or linked(e.text, t.text, table.lang)
        )
        if common:
            if next(rendered, None) is None:
                continue  # a name none of whose words is rendered was dropped
            # The name was rendered (one of its words has a counterpart in the English): its
            # other words were translated. Rare words inside such a name are names themselves
            # (Landratsamt Dingolfing-Landau).
            out.update(
                id(t)
                for t in run
                if not is_acronym(t.text) and not table.source_word(t.folded) and t.zipf >= KNOWN_SOURCE_WORD
            )
        else:
            # Rendered by a common English word (Procuraduría General / Attorney General, Parti
            # Travailliste / Labour Party): an institution even where the dictionary is too small
            # to know its head word. Its other words that English does not use were translated;
            # a person's name after a title (Präsident Joe Biden) is English's too and stays.
            translated = [
                t
                for t in run
                if not is_acronym(t.text)
                and not table.source_word(t.folded)
                and t.zipf >= KNOWN_SOURCE_WORD
                and english_zipf(t.text, table.lang) < _SHARED_NAME_ZIPF
            ]
            if translated and any(is_common_word(e.text) for e in rendered):
                out.update(id(t) for t in translated)
    return out


#: English frequency from which a source word is a name both languages use (Biden, Joe).
_SHARED_NAME_ZIPF = 2.5


def rendered_heads(tokens: list[Token], text: str, table, english: list[Token]) -> set[int]:
    """Ids of capitalised source words that head an institution's name whose lower-case
    complement the English renders with a capital (Министерства культуры / Culture Secretary,
    Ministerstwo Zdrowia / Health Ministry): the name was translated, freely. Places and
    acronyms are names still."""
    out: set[int] = set()
    for head, nxt in zip(tokens, tokens[1:], strict=False):
        if (
            head.capitalised
            and not head.initial
            and not nxt.capitalised
            and text[head.end : nxt.start] == " "
            and not is_acronym(head.text)
            and not table.source_word(head.folded)
            and head.zipf >= KNOWN_SOURCE_WORD
            and any(e.capitalised and not e.initial and linked(e.text, nxt.text, table.lang) for e in english)
        ):
            out.add(id(head))
    return out


def dictionary_name(s: Token, text: str, lang: str) -> bool:
    """A capitalised common word mid-sentence that the dictionary translates: the name of an
    institution or a place in words (Senat, Congresso, Velká Británie), which the English must
    render with one of its translations. Not the first half of a hyphenated compound (Военно-
    морской), nor the head words of South Slavic institution names, which a translation renders
    freely (backcheck's institution heuristics decide those)."""
    return (
        not s.initial
        and text[s.end : s.end + 1] != "-"
        and known_word(s.text, lang) is True
        and not institution_adjective(s.text, lang)
        and not common_noun_form(s.text, lang)
    )
