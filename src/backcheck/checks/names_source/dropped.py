"""name.dropped: a name in the source sentence that the English does not render."""

from __future__ import annotations

import re
from functools import cached_property

from backcheck.checks.base import Check, Finding, register
from backcheck.lang import lexicon
from backcheck.lang.glosses import abbreviates, linked, translations
from backcheck.lang.languages import is_serbo_croatian
from backcheck.lang.names.abbreviations import (
    compound_abbreviation,
    expands,
    initialisms,
    is_acronym,
    source_expansions,
    spelled_letter,
)
from backcheck.lang.names.common_words import is_common_word
from backcheck.lang.names.correspondence import correspondence
from backcheck.lang.names.exonyms import exonyms, unit_codes
from backcheck.lang.names.frequency import COMMON_WORD_ZIPF
from backcheck.lang.names.institutions import (
    common_noun_form,
    dictionary_name,
    distinctive,
    institution_adjective,
    institution_runs,
    rendered_heads,
)
from backcheck.lang.names.renderings import (
    WHOLE_NAME,
    bead_window,
    cognate_gloss,
    compound_part_of,
    demonym_of,
    is_hashtag,
    joined_pairs,
    loosely_same,
    place_adjective_of,
    renders,
    river_region_of,
    saint_of,
    source_span,
    spaced_runs,
    temperature_scale,
    translated_parts,
)
from backcheck.lang.names.tokens import NOUN_CAPITALISING, Token
from backcheck.lang.terms import acronym_rendered, expansion_rendered, kind_acronym
from backcheck.lang.text import fold, to_latin

#: Zipf below which a word of a full name is a name, not a common word the run merely holds.
_FULL_NAME_WORD_ZIPF = 4.5
#: Zipf from which English writes a word as a first name (not a rare word).
_GIVEN_NAME_ZIPF = 3.0
#: Zipf from which a common English word is too frequent to be a first name (Mount, Sentinel are not).
_EVERYDAY_WORD_ZIPF = 5.0


def _shortened(tokens: list[Token], text: str, english: list[Token], table, ctx) -> set[int]:
    """Ids of the source words of a full name that the English sentence shortens, as English
    does after a first mention (Mančester Siti / City, Margaret Tačer / Thatcher): another word of
    the name is rendered in the sentence and this one elsewhere in the article."""
    out: set[int] = set()
    for run in spaced_runs([t for t in tokens if t.name], text):
        if len(run) < 2:
            continue
        rendered = [t for t in run if any(renders(e, t, table) for e in english)]
        if not rendered or len(rendered) == len(run):
            continue
        for t in run:
            if t not in rendered and any(renders(e, t, table) for e in ctx.english_names):
                out.add(id(t))
    return out


def _in_currency_name(s: Token, tokens: list[Token], text: str, table) -> bool:
    """Is the word part of the source's name of a currency with the word next to it (US-Dollar,
    доллар США)? The unit is the number checks' ("$503 million"), not a name to carry over."""
    i = next((k for k, t in enumerate(tokens) if t is s), None)
    if i is None:
        return False
    for a, b in ((i - 1, i), (i, i + 1)):
        if a >= 0 and b < len(tokens) and text[tokens[a].end : tokens[b].start] in (" ", "-"):
            first, second = tokens[a].folded, tokens[b].folded
            if any(
                len(name) == 2 and first.startswith(name[0]) and second.startswith(name[1])
                for name in table.currency_names
            ):
                return True
    return False


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
    return any(
        t[:1] != initial and lexicon.zipf(t) >= COMMON_WORD_ZIPF and is_common_word(t)
        for t in translations(s.text, lang)
    )


class _Sentence:
    """One English sentence's bead and what deciding that a source name was dropped needs of it.

    The English words around the sentence and the source's institution names are built at once;
    the rest is built on first use (cached properties), as few source names get as far as needing
    them."""

    def __init__(self, ctx, items: list, k: int, table, latin: str):
        self.ctx, self.table, self.latin = ctx, table, latin
        self.bead = bead = items[k]
        self.window = window = bead_window(items, k, "target")
        self.own_first = bead_window(items, k, "target", own_first=True)
        self.institutional = institution_runs(bead.source, latin, table, window) | rendered_heads(
            bead.source, latin, table, window
        )
        self.in_full_name = {
            id(t)
            for run in spaced_runs([s for s in bead.source if s.name], latin)
            if len(run) > 1 and not any(id(t) in self.institutional for t in run)
            for t in run
            if t.zipf < _FULL_NAME_WORD_ZIPF
            and not institution_adjective(t.text, table.lang)
            and not common_noun_form(t.text, table.lang)
            # a common noun that heads a programme's or a body's name (Obzor Europa) is no person's
            and not (t is run[0] and is_serbo_croatian(table.lang) and _common_word_capitalised(t, True))
        }

    @cached_property
    def english_text(self) -> str:
        return self.ctx.document.text[self.bead.target_start : self.bead.target_end]

    @cached_property
    def compounds(self) -> list[Token]:
        return joined_pairs(self.window, self.ctx.document.text, capitalised_only=False)

    def source_expansion_rendered(self, acronym: str) -> bool:
        return _source_expansion_rendered(acronym, self.latin, self.english_text, self.table.lang)

    @cached_property
    def english_acronyms(self) -> list[Token]:
        return [
            t
            for t in self.window
            if is_acronym(t.text) and not any(correspondence(t, s, self.table) for s in self.bead.source)
        ]

    @cached_property
    def expansions(self) -> list[Token]:
        # Capitalised English words that render no source word: the expansion of a
        # source acronym (WM / World Cup, ВМФ / Navy) is among them.
        return [
            t
            for t in self.bead.target
            if t.capitalised
            and not t.initial
            and not is_acronym(t.text)
            and not any(correspondence(t, s, self.table) for s in self.bead.source if s.capitalised)
        ]

    def claimed(self, t: Token, s: Token) -> bool:
        # An English name that renders another source name exactly is that name's: it is
        # not also a loose exonym of this one (Iran for Írán, not for Izrael), nor the
        # country of an acronym (Iran for Íránu, not for IRNA).
        return t.folded != s.folded and any(
            o.folded != s.folded and correspondence(t, o, self.table) for o in self.bead.source if o.name
        )

    @cached_property
    def abbreviated(self) -> set[int]:
        # A name the English abbreviates (Saturday Night Live / SNL) is rendered.
        acronyms = {t.folded.rstrip("s") for t in self.window if is_acronym(t.text)}
        return {
            id(t)
            for initials, run in initialisms(self.bead.source, self.latin).items()
            if initials in acronyms
            for t in run
        }

    @cached_property
    def first_names(self) -> set[int]:
        # The first name of a person the English names by surname alone, with no other
        # name beside it ("the Thatcher government" for "vlada Margaret Thatcher"): the
        # person is rendered.
        out = set()
        text, window, table = self.ctx.document.text, self.window, self.table
        alone = [
            t
            for i, t in enumerate(window)
            if t.capitalised
            and not t.initial
            and not (i and window[i - 1].capitalised and text[window[i - 1].end : t.start] == " ")
            and not (i + 1 < len(window) and window[i + 1].capitalised and text[t.end : window[i + 1].start] == " ")
        ]
        for run in spaced_runs([s for s in self.bead.source if s.name and not is_acronym(s.text)], self.latin):
            first = run[0].text.lower()
            z = lexicon.zipf(first)
            # a first name: a word English writes often as a name, not as a common
            # word (Mount, Sentinel) or a place
            given = z >= _GIVEN_NAME_ZIPF and not (is_common_word(first) and z < _EVERYDAY_WORD_ZIPF)
            if (
                len(run) == 2
                and given
                and not table.source_word(run[0].folded, cities=False)
                and any(renders(t, run[1], table) for t in alone)
            ):
                out.add(id(run[0]))
        return out

    @cached_property
    def written_out(self) -> dict[str, list[Token]]:
        # English words a source acronym abbreviates (NTS / National Trust for Scotland)
        return initialisms(self.window, self.ctx.document.text)

    @cached_property
    def shortened(self) -> set[int]:
        return _shortened(self.bead.source, self.latin, self.window, self.table, self.ctx)

    @cached_property
    def translated_parts(self) -> set[int]:
        return {
            s
            for _, s in translated_parts(
                self.bead.source, self.bead.target, self.latin, self.ctx.document.text, self.table
            )
        }

    def dropped(self, s: Token) -> bool:
        """Is the source word a name that no English word of the sentence (or its neighbours) renders?"""
        table, latin, bead, window = self.table, self.latin, self.bead, self.window
        return (
            s.name
            and (id(s) in self.in_full_name or distinctive(s, table) or dictionary_name(s, latin, table.lang))
            and s.text not in unit_codes()
            and not temperature_scale(s, table.lang)
            and not (
                _false_friend_noun(s, table.lang) and not table.source_word(s.folded) and id(s) not in self.in_full_name
            )
            and not spelled_letter(s, latin)
            # the first part of a compound adjective that opens a name, in its linking -o
            # (Vatrogasno-spasilačka jedinica: Fire and Rescue Unit), capitalised as the name's
            # first word only; not a compound noun (Sahat-kula: the Clock Tower)
            and not (s.text[-1:] == "o" and latin[s.end : s.end + 1] == "-" and latin[s.end + 1 : s.end + 2].islower())
            and not (is_acronym(s.text) and _in_currency_name(s, bead.source, latin, table))
            and id(s) not in self.institutional
            and not (
                id(s) not in self.in_full_name
                and _common_word_capitalised(s, _heads_a_phrase(s, latin, table.lang))
                and not table.source_word(s.folded, cities=len(s.text) >= 6)
            )
            # an acronym translated (АПЛ / EPL) or written out (WM / World Cup)
            and not (is_acronym(s.text) and (self.english_acronyms or expands(self.expansions, s.text)))
            and not (is_acronym(s.text) and acronym_rendered(s.text, self.english_text))
            # an abbreviation with its full stop (bh. džudisti: Bosnian judokas)
            and not (
                latin[s.end : s.end + 1] == "." and len(s.text) <= 3 and acronym_rendered(s.text, self.english_text)
            )
            and not (is_acronym(s.text) and kind_acronym(s.text))  # JKP Komunalac: "Komunalac"
            # the article expands the acronym elsewhere, and the sentence uses those words
            and not (is_acronym(s.text) and expansion_rendered(s.text, self.english_text, self.ctx.document.text))
            and not (is_acronym(s.text) and self.source_expansion_rendered(s.text))  # ИМ / Industrija mesa: meat
            and not any(
                (renders(t, s, table) and not (is_acronym(s.text) and not is_acronym(t.text) and self.claimed(t, s)))
                or (t.name and loosely_same(t, s) and not self.claimed(t, s))
                for t in self.own_first
            )
            and not any(correspondence(c, s, table) in WHOLE_NAME for c in self.compounds)
            and not any(linked(t.text, s.text, table.lang) for t in window)  # translated
            and not any(t.capitalised and cognate_gloss(t, s, table.lang) for t in bead.target)
            and not any(place_adjective_of(t, s) for t in window)  # Krčkom mostu / Krk Bridge
            and not any(compound_part_of(t, s, table) for t in window)  # Srednjobosanskog / Central Bosnia
            and not any(river_region_of(t, s) for t in window)  # Potisju / the Tisa region
            and not any(demonym_of(t, s) for t in (*window, *self.compounds))  # Novosađanima / Novi Sad
            and not any(saint_of(t, s) for t in window)  # Ilindan / St Elijah's Day
            and not compound_abbreviation(s, window, table.lang)
            and not (is_acronym(s.text) and any(abbreviates(t.text, s.text, table.lang) for t in window))
            and id(s) not in self.abbreviated
            and id(s) not in self.shortened
            and id(s) not in self.translated_parts
            and not (is_acronym(s.text) and s.folded in self.written_out)
            and id(s) not in self.first_names
            and not (is_hashtag(s, latin) and any(is_hashtag(t, self.ctx.document.text) for t in window))
        )


def _source_expansion_rendered(acronym: str, source: str, english: str, lang: str) -> bool:
    """The source writes the acronym out elsewhere in the article (Industrija mesa for IM), and the
    English sentence translates a content word of that phrase (meat company): it rendered the
    acronym by its meaning."""
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", english)}
    return any(
        translation in words
        for phrase in source_expansions(acronym, source)
        for word in phrase
        if len(word) >= 4
        for translation in translations(word, lang)
    )


def _heads_a_phrase(s: Token, latin: str, lang: str) -> bool:
    """Whether the source word heads an institution's or a programme's name of the shape "X za
    Y" or, in a BCMS source, "X Y" (Zavod za statistiku, Fond za zaštitu, Obzor Europa), not a
    name of its own (Sabor)."""
    after = r"\s+(?:za\s|[A-ZČĆŠŽĐ])" if is_serbo_croatian(lang) else r"\s+za\s"
    return re.match(after, latin[s.end :]) is not None


def _common_word_capitalised(s: Token, heads_phrase: bool = False) -> bool:
    """A BCMS common word capitalised as the first word of a name (Zavod za statistiku,
    Konzervatorski odjel, Produktna berza): a BCMS dictionary lists it in lower case and not as a
    name, no gazetteer knows it, and English translates it rather than carrying it over. A word
    under six letters only where it heads such a phrase: alone it is a name of its own (Sabor)."""
    from backcheck.lang.bcms_names import is_bcms_name, is_inflected_word
    from backcheck.lang.gazetteer import is_place

    text = to_latin(s.text).text
    if text.isupper() or not text[:1].isupper() or len(text) < (4 if heads_phrase else 6):
        return False
    low = text.lower()
    if lexicon.zipf(low) >= 2.0:
        return False  # a word English writes too (Rapid, Sterling, Senat): a name as often
    # the word itself, or (from six letters) its stem with an ending of up to two letters, listed
    # in lower case (a shorter word only as listed: Zavod, Obzor)
    cuts = (len(low), len(low) - 1, len(low) - 2) if len(text) >= 6 else (len(low),)
    listed = any(is_inflected_word(low[:n]) and len(low[:n]) >= min(5, len(low)) for n in cuts)
    if not listed or is_bcms_name(text) or is_place(text):
        return False
    from backcheck.lang.names.forms import readings

    # a case form or a transcription of a name (Denveru: Denver, Bregzit: Brexit) is a name
    return not any(
        is_bcms_name(r.base) or is_place(r.base) or lexicon.zipf(r.base.lower()) >= 2.0 for r in readings(text)
    )


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

    def run(self, ctx):
        items = ctx.name_beads
        if not items:
            return
        table = exonyms(ctx.source.lang)
        latin = to_latin(ctx.source.text).text
        for k, bead in enumerate(items):
            if not bead.target:
                continue  # an omitted sentence: the omission check owns it
            sentence = _Sentence(ctx, items, k, table, latin)
            dropped = [s for s in bead.source if sentence.dropped(s)]
            yield from self._findings(ctx, bead, dropped, latin)

    def _findings(self, ctx, bead, dropped: list[Token], latin: str):
        """One finding per dropped name, the words of a multi-word name together."""
        reported: set[str] = set()
        for group in spaced_runs(dropped, latin):
            src_start, src_end = source_span(ctx.source.text, group)
            words = ctx.source.text[src_start:src_end]
            if fold(words) in reported:
                continue  # the same name twice in the source sentences of one English sentence
            reported.add(fold(words))
            yield Finding(
                self.id,
                bead.target_start,
                bead.target_end,
                f'the original names "{words}" here, the English sentence does not: check whether it was dropped',
                detail="a name of the aligned source sentence with no counterpart in the English",
                source_start=src_start,
                source_end=src_end,
                evidence={"name": words},
            )
