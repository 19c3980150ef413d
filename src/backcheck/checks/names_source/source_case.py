"""name.source_case: a name copied from the source together with its case ending."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from backcheck.checks.base import Check, Finding, register
from backcheck.lang import lexicon
from backcheck.lang.gazetteer import is_place
from backcheck.lang.languages import SOUTH_SLAVIC_LATIN
from backcheck.lang.names import forms as name_forms
from backcheck.lang.names import source_case as cases
from backcheck.lang.names.common_words import is_common_word
from backcheck.lang.names.correspondence import correspondence
from backcheck.lang.names.exonyms import ExonymTable, exonyms
from backcheck.lang.names.orthography import ending_changed, with_fleeting_vowel
from backcheck.lang.names.renderings import bead_window, spaced_runs
from backcheck.lang.names.tokens import Token
from backcheck.lang.sh import grammar
from backcheck.lang.sh.morphology import candidate_bases
from backcheck.lang.text import fold, in_quoted_title, to_latin

_INVARIANT_REPEATS = name_forms.INVARIANT_REPEATS
#: wordfreq Zipf from which a copied form is one English writes as it is (Arizona), not a case form.
_ENGLISH_FORM_ZIPF = 2.5


@dataclass
class _Article:
    """What the check reads of the whole article, besides the sentence pair at hand."""

    items: list
    table: ExonymTable
    lang: str
    latin: str  #: the source's Latin view
    text: str  #: the English
    seen: set[str]  #: names written in either text: a base form found there is the nominative
    seen_english: set[str]  #: names the English writes (the source's may be case forms themselves)
    source_forms: set[str]  #: every capitalised source form
    source_counts: Counter  #: how often each capitalised source form occurs


#: bases that English or the spelling itself vouches for, where nothing in the article does
_OUTSIDE_EVIDENCE = ("English knows the name", "foreign spelling")
_IC_SURNAME_AFTER = re.compile(r"\s+[A-ZČĆŠŽĐ][a-zčćšžđ]+i[ćc]\b")


def _list_of_nominatives(text: str, t: Token, window: list[Token]) -> bool:
    """Is the English word in a list whose other names the English gives in the nominative where
    the source declines them ("Kaštela, Solin and Trogir" for "Kaštela, Solina i Trogira")? A
    translator who de-inflects a list de-inflects all of it: the word that looks copied is the
    place's own nominative."""
    conjuncts = name_forms.context_at(text, t.start, t.end).conjuncts
    return bool(conjuncts) and any(
        s.folded != fold(c) and any(fold(base) == fold(c) for base, _, _ in candidate_bases(s.text))
        for c in conjuncts
        for s in window
    )


def _acronym_like(word: str) -> bool:
    """All capitals (VOLI, NATO) or three capitals or more (ANUBiH, FBiH): an acronym or a brand,
    which BCMS declines after a hyphen; McDonald's two capitals are a name's."""
    return (word.isupper() and len(word) > 1) or sum(c.isupper() for c in word) >= 3


def _listed(name: str) -> bool:
    """A name a BCMS dictionary lists or the gazetteer knows."""
    from backcheck.lang.bcms_names import is_bcms_name
    from backcheck.lang.gazetteer import is_place

    return is_bcms_name(name) or is_place(name)


def _known(name: str, article: _Article) -> bool:
    """A name the article writes, or one listed (:func:`_listed`)."""
    return fold(name) in article.seen or _listed(name)


def _quoted_name(latin: str, copied: Token) -> bool:
    """Is the source word a quoted name, alone between quotes or in a quoted title („Srijem“,
    „Sunčane skale“)? The source keeps a quoted name in the nominative after its declined head
    (KUD-a „Srijem“, u hotelu „Park“)."""
    before, after = latin[copied.start - 1 : copied.start], latin[copied.end : copied.end + 1]
    return (before in _OPENING_QUOTES and after in _CLOSING_QUOTES) or in_quoted_title(latin, copied.start, copied.end)


_OPENING_QUOTES = frozenset("\"„“«»‚'")
_CLOSING_QUOTES = frozenset("\"“”»«‘’'")


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

    def run(self, ctx):
        items = ctx.name_beads
        if not items or ctx.source.lang not in SOUTH_SLAVIC_LATIN:
            return  # the endings come from South Slavic declension (backcheck.lang.sh.morphology)
        article = _Article(
            items,
            exonyms(ctx.source.lang),
            ctx.source.lang,
            to_latin(ctx.source.text).text,
            ctx.document.text,
            # Names written elsewhere in either text: a base form found there is the nominative.
            {t.folded for b in items for t in b.target if t.name and not is_common_word(t.text)}
            | {s.folded for b in items for s in b.source if s.name},
            {t.folded for b in items for t in b.target if t.name and not is_common_word(t.text)},
            {s.folded for b in items for s in b.source if s.capitalised},
            Counter(s.folded for b in items for s in b.source if s.capitalised),
        )
        for k, bead in enumerate(items):
            # A copied or declined name is capitalised in the source too.
            window = [s for s in bead_window(items, k, "source") if s.capitalised]
            source_runs = spaced_runs([s for s in bead.source if s.name], article.latin)
            # an acronym or a brand (VOLI, ANUBiH): BCMS declines those with a
            # hyphen (NATO-a), so a final letter is no case ending
            names = [t for t in bead.target if t.name and not _acronym_like(t.text)]
            for group in spaced_runs(names, article.text):
                yield from self._group_findings(article, group, window, source_runs)

    def _group_findings(
        self, article: _Article, group: list[Token], window: list[Token], source_runs: list[list[Token]]
    ):
        """The findings for one English name (a run of capitalised words)."""
        table, latin = article.table, article.latin
        kinds = [{correspondence(t, s, table) for s in window} for t in group]
        copies = [
            next((s for s in window if correspondence(t, s, table) in ("same", "diacritics")), None) for t in group
        ]
        # The rest of this name was de-inflected: the source run holding the copied word
        # also holds a word the English gives without its ending (Boruta Pahorja →
        # "Boruta Pahor"; Janka Vebra → "Janko Vebra").
        deinflected_runs = [
            run
            for run in source_runs
            if any(
                correspondence(t, s, table) == "case" or ending_changed(t, s) or cases.declined_rendering(t, s)
                for t in group
                for s in run
            )
        ]
        found = [c for c in copies if c is not None]
        agreeing = len(found) > 1 and cases.agrees_with_title(latin, found)
        for t, kind, copied in zip(group, kinds, copies, strict=True):
            stem = cases.oblique_stem(t, window, kind, article.lang) if copied is None else None
            if stem is not None and _written_as_is(t, with_fleeting_vowel(stem, article.lang), article):
                stem = None
            if stem is not None:
                nominative = with_fleeting_vowel(stem, article.lang)
                yield Finding(
                    self.id,
                    t.start,
                    t.end,
                    f'"{t.text}" is the stem of the source\'s case forms, without the vowel '
                    f'its nominative has; the name is "{nominative}"',
                    suggestion=nominative,
                    evidence={"base": nominative, "ending": "", "basis": "fleeting vowel"},
                )
                continue
            context = name_forms.context_at(article.text, t.start, t.end)
            if context.in_feature_name:
                continue  # a fixed genitive after a common noun of a place's name (Glava Zete)
            if context.place_apposition:
                continue  # "the hamlet of Rukavine": a place's own name, the nominative the source writes
            if _list_of_nominatives(article.text, t, window):
                continue  # "from Kaštela, Solin and Trogir" for "iz Kaštela, Solina i Trogira"
            if _in_place_name(article.text, t):
                continue  # "Biograd na Moru": a place GeoNames writes so, its words as they are
            finding = self._copied_finding(article, t, kind, copied, group, deinflected_runs, agreeing)
            if finding is not None:
                yield finding

    def _copied_finding(
        self,
        article: _Article,
        t: Token,
        kind: set,
        copied: Token | None,
        group: list[Token],
        deinflected_runs: list[list[Token]],
        agreeing: bool,
    ) -> Finding | None:
        """The finding for an English word copied from the source with a case ending, if it has one."""
        latin, lang = article.latin, article.lang
        if copied is None or "case" in kind or lexicon.zipf(t.text.lower()) >= _ENGLISH_FORM_ZIPF:
            return None  # not a copy, or a form English knows as it is (Arizona)
        if cases.declined_further(copied.folded, article.source_forms):
            return None  # the source declines this very form (Moualem, Moualema): a nominative
        if article.source_counts[copied.folded] >= _INVARIANT_REPEATS:
            return None  # the same form in every sentence: a name the source does not decline
        if cases.after_nominative_title(latin, copied):
            return None  # "gospođa Steinem": the source's name is a nominative
        if in_quoted_title(article.text, t.start, t.end) or _quoted_name(latin, copied):
            # a quoted title is written as its owner writes it (a song, a festival); the source keeps
            # a quoted name in the nominative after its declined head (KUD-a „Srijem“)
            return None
        if _name_adjective(t, copied, article):
            return None  # "Vladičin Han": a possessive in a place's name, before its capitalised noun
        # before a man's -ić surname in its nominative the first name is one too: a man's full name
        # declines both words (Saša Milenković; Saše Milenkovića)
        before_ic = bool(_IC_SURNAME_AFTER.match(latin, copied.end))
        # before a surname the source writes as the English does (Mihaela Popesku: Popescu), no
        # case ending on it, an -a first name is a woman's nominative: a man's genitive would
        # decline the surname too (Mihaela Popeskua)
        before_nominative_surname = _before_nominative_surname(t, copied, group, latin, article.table)
        group_deinflected = any(copied in run for run in deinflected_runs)
        partner_endings = cases.partner_endings(copied, deinflected_runs, group, article.table)
        # The same form elsewhere with no preposition before it is a nominative (Palu).
        governed = cases.governed(latin, copied, lang) and all(
            cases.governed(latin, s, lang) for b in article.items for s in b.source if s.folded == copied.folded
        )
        genitive = governed and cases.governed(latin, copied, lang, grammar.genitive_prepositions())
        token_listed = _listed(t.text)
        womans = _after_womans_first_name(article.text, t.start)
        for base, ending, meaning in candidate_bases(t.text):
            if base == t.text or ending == "o":
                continue  # -o is a vocative in news only by mistake; Marko, Janko are nominatives
            if not cases.possible_ending(base, ending):
                continue  # Moualem is not Moual-em: the instrumental of Moual is Moualom
            if ending == "i" and base[-1:].lower() not in "aeiou":
                continue  # -i on a masculine stem is a plural, a family or a village (Radovići, Kovači)
            if ending in _ADJECTIVE_ONLY and not _adjective_stem(base):
                continue  # -oga, -omu on a noun's stem is no ending: Bodiroga is a surname of its own
            if before_ic and (base[-1:].lower() not in "aeiou" or token_listed):  # a woman's -ić stays (Marije Đukić)
                continue
            if before_nominative_surname and ending == "a":
                continue
            if womans and ending == "a" and fold(base).endswith(("ov", "ev", "in")):
                continue  # her own nominative after her first name (Mirjana Kostova), not his genitive
            if base.lower().endswith(("ića", "iću", "ićem")):
                continue  # a case form of an -ić name is no nominative (Bogetići is not "Bogetića" declined)
            if is_place(t.text) and fold(base) not in article.seen_english:
                continue  # a town the gazetteer knows as written (Doboj, Gorica), not a case form of "Dob"
            if not _known(base, article):
                fleeting = base[:-1] + "a" + base[-1] if len(base) >= 4 else base
                if fleeting != base and _known(fleeting, article):
                    base = fleeting  # Čačka: the genitive of Čačak, whose a is fleeting
                elif token_listed and ending == "a":
                    # a feminine name of its own (Vesna, Gorica) is no genitive of a name nobody has
                    continue
            if group_deinflected and (not partner_endings or fold(ending).removeprefix("j") in partner_endings):
                # a word of the name without its partners' ending is not in their
                # case: the source left it as it is (Juanom Carlosom Varela)
                basis = "name group"
            elif agreeing and t.text.lower().endswith(ending):
                basis = "agrees with the title before it"
            elif fold(base) in article.seen_english and fold(base) != t.folded:
                basis = "other occurrence"  # the English writes the base itself elsewhere
            elif ending in grammar.oblique_endings() or (
                governed and ending in grammar.governed_endings() and (ending != "e" or genitive)
            ):
                basis = "preposition" if governed else "oblique ending"
            elif cases.after_oblique_title(latin, copied, base):
                basis = "title in an oblique case"
            elif cases.known_name_declined(t.text, base, ending):
                basis = "English knows the name"
            elif cases.foreign_name_declined(t.text, base, ending):
                basis = "foreign spelling"
            else:
                continue
            if ending in ("a", "e") and not _known(base, article) and basis not in _OUTSIDE_EVIDENCE:
                continue  # a woman's name in -a (Valbona) is no genitive of a name nobody knows
            return Finding(
                self.id,
                t.start,
                t.end,
                f'"{t.text}" is "{base}" with a Serbo-Croatian case ending copied from the original: write {base}',
                suggestion=base,
                detail=f"keeps the source's ending -{ending} ({meaning})",
                evidence={"base": base, "ending": ending, "basis": basis},
            )
        return None


_FIRST_NAME_BEFORE = re.compile(r"([A-ZČĆŠŽĐ][a-zčćšžđ]+) $")


def _after_womans_first_name(text: str, start: int) -> bool:
    """Does a woman's first name stand right before the English word (Mirjana Kostova)?"""
    from backcheck.lang.persons import first_name_gender

    m = _FIRST_NAME_BEFORE.search(text, max(0, start - 30), start)
    return m is not None and first_name_gender(m.group(1)) == "f"


#: Endings only adjectives (and adjectival surnames and possessives) take: Hrvatskoga, Petrovog.
_ADJECTIVE_ONLY = frozenset({"og", "oga", "omu", "oj", "ih"})
#: The stems of adjectives: -ski, -čki (Kovalsk-og), possessives -ov, -ev, -in (Petrov-og), -n
#: (Ustavn-og); other adjectives are read from the dictionary (Drag-oga).
_ADJECTIVE_STEM_ENDINGS = ("sk", "ck", "ov", "ev", "in", "n")


def _adjective_stem(base: str) -> bool:
    """Can ``base`` take an adjective's ending: an adjectival stem or a BCMS adjective (Drag-oga)?"""
    from backcheck.lang.bcms_names import is_listed_word

    key = fold(base).removesuffix("a")
    return key.endswith(_ADJECTIVE_STEM_ENDINGS) or is_listed_word(key + "i") or is_listed_word(key)


def _written_as_is(t: Token, nominative: str, article: _Article) -> bool:
    """The source writes the English form again and again and never the nominative a fleeting
    vowel would give (Vinistra, never "Vinistar"): the form is the name's own."""
    counts = article.source_counts
    return counts[t.folded] >= _INVARIANT_REPEATS and not counts[fold(nominative)]


_POSSESSIVE_NOMINATIVE = ("in", "ov", "ev")
_NEXT_WORD = re.compile(r" ([A-ZČĆŠŽĐ][a-zčćšžđ]+)\b")


def _name_adjective(t: Token, copied: Token, article: _Article) -> bool:
    """A possessive adjective in its nominative before a capitalised word that follows it in the
    source too (Vladičin Han, Petrovo Selo): the first word of a place's name, as written; a
    person's possessive goes with a common noun (Milatovićev plan)."""
    if not t.folded.endswith(_POSSESSIVE_NOMINATIVE):
        return False
    english_next = _NEXT_WORD.match(article.text, t.end)
    source_next = _NEXT_WORD.match(article.latin, copied.end)
    return bool(english_next and source_next and english_next.group(1) == source_next.group(1))


_WORDS_AROUND = re.compile(r"[^\W\d_]+")


def _in_place_name(text: str, t: Token) -> bool:
    """Is the word one of a multi-word place name that GeoNames lists as the English writes it
    ("Biograd na Moru", "Novi Vinodolski")? A declined word there is the name's own."""
    from backcheck.lang.gazetteer import is_place_as_written

    before = [m.group() for m in _WORDS_AROUND.finditer(text, max(0, t.start - 40), t.start)][-3:]
    after = [m.group() for m in _WORDS_AROUND.finditer(text, t.end, t.end + 40)][:3]
    words = [*before, t.text, *after]
    at = len(before)
    return any(
        is_place_as_written(" ".join(words[i:j]))
        for i in range(at + 1)
        for j in range(max(at + 1, i + 2), min(len(words), i + 4) + 1)
    )


_NEXT_SOURCE_WORD = re.compile(r"\s+([A-ZČĆŠŽĐ][a-zčćšžđ]+)\b")


def _before_nominative_surname(t: Token, copied: Token, group: list[Token], latin: str, table) -> bool:
    """Does a surname follow the word in both texts, the source's a transcription the English
    writes back in its own spelling (Popesku / Popescu), with no case ending?"""
    k = next((i for i, g in enumerate(group) if g is t), -1)
    m = _NEXT_SOURCE_WORD.match(latin, copied.end)
    if k < 0 or k + 1 >= len(group) or m is None:
        return False
    english = group[k + 1]
    source = Token(m.group(1), m.start(1), m.end(1), True, False, True)
    # transcribed back into its own spelling, ending as the source's form ends: no case ending the
    # English took off (Popesku: Popescu; not Popeskua), nor a case form both copy (Kranjca)
    return correspondence(english, source, table) == "phonetic" and english.folded[-1:] == source.folded[-1:]
