"""name.unmatched: an English name with no counterpart in the aligned source sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from backcheck.checks.base import Check, Finding, register
from backcheck.lang import lexicon
from backcheck.lang.glosses import abbreviates, linked
from backcheck.lang.languages import is_serbo_croatian
from backcheck.lang.names.abbreviations import (
    abbreviation_of,
    compound_abbreviation,
    initialisms,
    is_acronym,
    phrase_initials,
    spelled_out,
    syllabic_initialism,
    title_abbreviation,
)
from backcheck.lang.names.common_words import is_common_word, is_proper_noun
from backcheck.lang.names.correspondence import correspondence
from backcheck.lang.names.exonyms import calendar_words, exonyms, unit_codes
from backcheck.lang.names.orthography import FLEETING_VOWEL, ending_changed, with_fleeting_vowel
from backcheck.lang.names.regions import english_name_words, source_words
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
    river_region_of,
    saint_of,
    spaced_runs,
    temperature_scale,
    title_case,
    translated_parts,
)
from backcheck.lang.names.tokens import Token
from backcheck.lang.sh.morphology import candidate_bases
from backcheck.lang.terms import acronym_words
from backcheck.lang.text import fold, in_quoted_title, to_latin
from backcheck.model.document import BOILERPLATE, CAPTION

#: wordfreq Zipf from which an acronym is a word English writes in lower case too (GDP / gdp):
#: each language spells such an acronym its own way.
_COMMON_ACRONYM_ZIPF = 3.5


def _own_nationality(word: str, lang: str) -> bool:
    """The adjective of the source's own language and country ("Serbian" in a Serbian article): a
    translator adds it for the English reader ("the Serbian Business Registers Agency" for
    "Agencija za privredne registre"); it names nothing the source leaves out."""
    from backcheck.lang.languages import LANGUAGES

    language = LANGUAGES.get(lang)
    return language is not None and word == language.name


def _unmatched_names(
    group: list[Token], window: list[Token], table, text: str, source_text: str | None = None, own: Sequence[Token] = ()
) -> list[Token]:
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
        return initialisms(window, source_text) if source_text is not None else {}

    def matched_pairs_of(i: int) -> list[Token]:
        """The two-word names (joined) the i-th word is part of (Novi Sad: NoviSad)."""
        return [c for c in joined_pairs(group, text) if c.start <= group[i].start and group[i].end <= c.end]

    @cache
    def unit_words() -> frozenset[str]:
        # the units the aligned source sentences name (their words, hyphenated compounds whole)
        if source_text is None or not window:
            return frozenset()
        return english_name_words(source_words(source_text[min(s.start for s in window) : max(s.end for s in window)]))

    @cache
    def matched_compounds() -> list[Token]:  # built for the first word not matched on its own
        return [c for c in joined_pairs(group, text) if any(correspondence(c, s, table) in WHOLE_NAME for s in window)]

    @cache
    def has_counterpart(i: int) -> bool:
        t = group[i]
        return (
            any(correspondence(t, s, table) or (s.name and loosely_same(t, s)) for s in (*own, *window))
            or any(c.start <= t.start and t.end <= c.end for c in matched_compounds())
            or any(linked(t.text, s.text, table.lang) for s in window)  # translated (Court / sudom)
            or any(abbreviation_of(s, t) for s in window)
            or any(t in compound_abbreviation(s, group, table.lang) for s in window if s.name)
            or any(is_acronym(s.text) and abbreviates(t.text, s.text, table.lang) for s in window)
            or any(cognate_gloss(t, s, table.lang) for s in own)
            or any(saint_of(t, s) for s in window)  # St Elijah's Church / crkva Svetog Ilije
            or any(place_adjective_of(t, s) for s in window)  # Krk Bridge / Krčkom mostu
            or any(compound_adjective_of(t, s, table) for s in window)  # Montenegrin / crnogorskom
            or any(compound_part_of(t, s, table) for s in window)  # Central Bosnia / Srednjobosanskog
            or t.folded in unit_words()  # Primorje-Gorski Kotar County / Primorsko-goranska županija
            or any(_cognate_common_noun(t, s) for s in window)  # Golden Mimosa / Zlatnu mimozu
            or any(river_region_of(t, s) for s in window)  # the Tisa region / Potisju
            or any(demonym_of(c, s) for s in window for c in (t, *matched_pairs_of(i)))  # Novi Sad / Novosađani
            or any(ending_changed(t, s) for s in window)  # Putnikovo Brdo / Putnikovog brda
            or _joined_place(i)  # Herceg Novi / hercegnovski, Hercegnovljani, Banja Luka / Banjaluci
            or _place_named_elsewhere(i)  # Slavonski Brod / brodskoj (and Slavonskom Brodu before)
            or _before_source_name_in_lower_case(i)  # Crvena zvezda / Zvezde
            or _country_of_institution(i)  # Statistical Office of the Republic of Serbia / Republički zavod
            or _expands_source_acronym(i)  # Republic Hydrometeorological Service of Serbia (RHMZ)
            or any(is_acronym(s.text) and t.folded in acronym_words(s.text) for s in window)  # BiH: Bosnia
            or _lower_case_abbreviation_of(t)  # "bh. džudistica": Bosnia and Herzegovina's
            or _own_nationality(
                t.text, table.lang
            )  # Serbian Business Registers Agency / Agencija za privredne registre
        )

    def _lower_case_abbreviation_of(t: Token) -> bool:
        """A word of a name that a lower-case abbreviation with its full stop stands for ("bh.",
        the adjective bosanskohercegovački: Bosnia and Herzegovina's)."""
        return source_text is not None and any(
            s.text.islower() and source_text[s.end : s.end + 1] == "." and t.folded in acronym_words(s.text)
            for s in window
        )

    def _joined_place(i: int) -> bool:
        """A word of a two-word place whose source adjective or demonym joins both words
        (Herceg Novi: hercegnovski; Bijelo Polje: bjelopoljski)."""
        nxt = _NEXT_CAPITALISED.match(text, group[i].end)
        if nxt is not None and _joined_stem(fold(group[i].text), fold(nxt.group(1))):
            return True
        return (
            i > 0
            and group[i - 1].end + 1 == group[i].start
            and _joined_stem(fold(group[i - 1].text), fold(group[i].text))
        )

    def _country_of_institution(i: int) -> bool:
        """The country an institution's official English name ends with ("Statistical Office of the
        Republic of Serbia" for "Republički zavod za statistiku"), when the source names that
        country elsewhere: its English name, not an invented place."""
        t = group[i]
        if source_text is None or not _OF_INSTITUTION.search(text, max(0, t.start - 60), t.start):
            return False
        stems = [stem for stem in table.by_english.get(t.folded, ()) if len(stem) >= 3]
        return bool(stems) and any(w.startswith(tuple(stems)) for w in _folded_words(source_text))

    def _before_source_name_in_lower_case(i: int) -> bool:
        """The first word of a name kept as the source language writes it, whose second word, in
        lower case, the source names alone (Crvena zvezda: Zvezde, its short name)."""
        nxt = _NEXT_LOWER.match(text, group[i].end)
        if nxt is None or len(nxt.group(1)) < 5:
            return False
        stem = fold(nxt.group(1))[:-1]
        return any(s.name and s.folded.startswith(stem) and len(s.folded) - len(stem) <= 3 for s in window)

    def _place_named_elsewhere(i: int) -> bool:
        """A word of a two-word place whose other word has its counterpart here (Brod: brodskoj),
        when the source writes both words together elsewhere in the article (Slavonskom Brodu):
        the translator named the place in full, it invented nothing."""
        if source_text is None:
            return False
        t = group[i]
        pairs = []
        if i + 1 < len(group) and t.end + 1 == group[i + 1].start:
            pairs.append((t, group[i + 1], i + 1))
        if i > 0 and group[i - 1].end + 1 == t.start:
            pairs.append((group[i - 1], t, i - 1))
        return any(
            len(first.text) >= 4
            and _other_matched(other)
            and _adjacent_in(_folded_words_list(source_text), fold(first.text), fold(second.text))
            for first, second, other in pairs
        )

    def _other_matched(j: int) -> bool:
        u = group[j]
        return any(correspondence(u, s, table) or place_adjective_of(u, s) for s in window)

    def _joined_stem(first: str, second: str) -> bool:
        joined = first + second
        # the first word, an adjective, may join by the linking vowel o (Novi Sad: novosadski)
        linked = first[:-1] + "o" + second if first[-1:] in ("i", "a", "e") else joined
        stems = {w[:-1] for j in (joined, linked) for w in (j, j.replace("ije", "je"))}  # Bijelo Polje: bjelopoljski
        # a final k, g or h sibilarised before the locative's -i (Banjaluka: u Banjaluci)
        stems |= {w[:-1] + _SIBILANT[w[-1]] for w in stems if w[-1:] in _SIBILANT}
        return len(joined) >= 7 and any(s.folded.startswith(stem) for s in window for stem in stems)

    def _expands_source_acronym(i: int) -> bool:
        """A word of the English name an acronym in brackets after it abbreviates, when the source
        has that acronym ("... Service of Serbia (RHMZ)" for the source's RHMZ)."""
        m = _ACRONYM_AFTER.search(text, group[i].end, group[i].end + 80)
        if not m or "." in text[group[i].end : m.start()]:
            return False
        acronym = fold(m.group(1))
        return any(s.folded == acronym for s in window)

    for i, t in enumerate(group):
        if len(t.text) <= 2 and not t.text.isupper():
            continue  # a fragment of a hyphenated word (Co-operation)
        if text[t.end : t.end + 1] == "-" and text[t.end + 1 : t.end + 2].islower():
            continue  # the first part of a hyphenated English word (Pre-accession), not a name
        if kept_source_word(t, window, table.lang):
            continue  # a common noun of a name kept as the source writes it (Bitef Teatar / Bitef teatru)
        if t.folded in calendar_words() or t.text.rstrip("s") in unit_codes() or temperature_scale(t, table.lang):
            continue  # a day, month, currency, time zone or scale: the number checks compare those
        matched = has_counterpart(i)
        acronym = t.text.rstrip("s") if t.text.rstrip("s").isupper() and len(t.text.rstrip("s")) > 1 else None
        if (
            acronym
            and not matched
            and i + 1 < len(group)
            and not is_acronym(group[i + 1].text)
            and has_counterpart(i + 1)
        ):
            continue  # a designation before a name the source has (HMP Long Lartin, USS Cole)
        if acronym and (
            lexicon.zipf(acronym.lower()) >= _COMMON_ACRONYM_ZIPF
            or any(s.text.isupper() and len(s.text) > 1 and s.text != t.text for s in window)
        ):
            continue  # an acronym each language spells its own way (GDP / BIP, EPL / АПЛ)
        if acronym and acronym.lower() in source_initialisms():
            continue  # the source writes the name out (SNL / Saturday Night Live)
        if (
            is_acronym(t.text)
            and not t.text.isupper()
            and source_text is not None
            and t.folded in phrase_initials(window, source_text)
        ):
            continue  # a mixed-case acronym of a name the source writes out (ViK / Vodovod i kanalizacija)
        if acronym and syllabic_initialism(acronym, source_initialisms().values()):
            continue  # the source writes out a name whose compound gives two letters (EPCG / Elektroprivreda Crne Gore)
        if acronym and spelled_out(acronym, window, table.lang):
            continue  # the source writes out in words what English abbreviates (ICJ / Međunarodni sud pravde)
        proper = t.text.isupper() or not is_common_word(t.text)
        if not matched and (proper or unmatched_name_before):
            out.append(t)
        unmatched_name_before = unmatched_name_before or (proper and not matched)
    return out


#: "... Office of the Republic of ", "... Union of ": a capitalised institution's name before
#: its country
_OF_INSTITUTION = re.compile(r"[A-Z][\w'’-]* of (?:the )?(?:(?:Republic|Federation|Kingdom) of )?$")
_NEXT_LOWER = re.compile(r" ([a-zčćšžđ]+)\b")
_NEXT_CAPITALISED = re.compile(r" ([A-ZČĆŠŽĐ][a-zčćšžđ]+)")
#: An acronym in brackets after the words it abbreviates.
_ACRONYM_AFTER = re.compile(r"\(([A-ZČĆŠŽĐА-Я]{2,8})\)")

#: English endings of a demonym on the country's name, its final vowel dropped (Montenegr-in).
_DEMONYM_ENDINGS = ("ian", "an", "in", "n", "ese", "i")


#: How common (Zipf) an English word must be to be read as the cognate of a source noun.
_COGNATE_ZIPF = 2.0


def _cognate_common_noun(t: Token, s: Token) -> bool:
    """Is the capitalised English word an English word that a lower-case source noun spells as its
    language does (a prize's "Golden Mimosa" for "Zlatnu mimozu", "Palm" aside)? The same consonant
    skeleton, nearly the same letters, and a word English knows: a noun translated, no name lost."""
    from difflib import SequenceMatcher

    from backcheck.lang.names.phonetic import phonetic_key

    if s.name or not s.text[:1].islower() or len(s.text) < 5 or lexicon.zipf(t.text.lower()) < _COGNATE_ZIPF:
        return False
    if phonetic_key(t.text, True) != phonetic_key(s.text, False):
        return False
    # the stems compared, without the final vowel a case ending replaces (mimos-a / mimoz-u) and
    # with the source's z for English s between vowels
    # and English's Greek ph and th as the source writes them (Pharma / farma, Theatre / teatar)
    english = re.sub(r"[aeiouy]$", "", t.folded).replace("ph", "f").replace("th", "t")
    source = re.sub(r"[aeiou]+$", "", s.folded).replace("z", "s")
    return len(english) >= 4 and SequenceMatcher(None, english, source).ratio() >= 0.85


def compound_adjective_of(t: Token, s: Token, table) -> bool:
    """Is the source word the adjective of a two-word place (Crna Gora -> crnogorski: the
    stems joined by the linking vowel o) whose English name the English word derives from
    (Montenegro -> Montenegrin)? CLDR lists the country, not the adjective."""
    folded = t.folded
    for ending in _DEMONYM_ENDINGS:
        if not folded.endswith(ending) or len(folded) - len(ending) < 4:
            continue
        stem = folded[: -len(ending)]
        for english, stems in table.by_english.items():
            if english.startswith(stem) and len(english) - len(stem) <= 1 and len(stems) == 2:
                first, second = sorted(stems, key=len)  # not ordered: try both
                if any(s.folded.startswith(a + "o" + b) for a, b in ((first, second), (second, first))):
                    return True
    return False


def kept_source_word(t: Token, window: Sequence[Token], lang: str) -> bool:
    """Is the English word, unknown to English, a lower-case word of the source sentence in its
    nominative? A venue's or company's name is kept as written, its common noun capitalised in
    English (Bitef Teatar for "Bitef teatru", Bulevar oslobođenja): the name is the source's."""
    if lexicon.zipf(t.text.lower()) >= lexicon.UNKNOWN_ZIPF:
        return False  # an English word: "President" for "predsjednik" is the unmatched check's
    if not is_serbo_croatian(lang):
        return False  # the nominative is read with Serbo-Croatian declension
    for s in window:
        if s.name or not s.text[:1].islower():
            continue
        if s.folded == t.folded:
            return True
        for base, _, _ in candidate_bases(s.text):
            forms = {base, with_fleeting_vowel(base, lang if lang in FLEETING_VOWEL else "hr")}
            if len(base) >= 4 and base[-1] in "ckl" and base[-2] not in "aeiou":
                forms.add(base[:-1] + "a" + base[-1])  # a fleeting a (Savski Venac / Savskom vencu)
            if t.folded in {fold(f) for f in forms}:
                return True
    return False


def _title_word(t: Token) -> bool:
    """An English word of a translated title: common in English (Zipf), and no proper noun."""
    from backcheck.lang.names.common_words import is_proper_noun

    return lexicon.zipf(t.text.lower()) >= _TITLE_WORD_ZIPF and not is_proper_noun(t.text.lower())


#: How common an English word must be to be read as a word of a translated title (Airwaves 2.98).
_TITLE_WORD_ZIPF = 2.5


def _in_caption(ctx, t: Token) -> bool:
    """A word of a photo caption or of page residue: page furniture the source page may lack or
    credit otherwise ("Luka Đurašković, Photo: Vijesti")."""
    return any(b.kind in (CAPTION, BOILERPLATE) and b.start <= t.start < b.end for b in ctx.document.blocks)


@register
class NameUnmatched(Check):
    """A name in the English with no counterpart in the aligned source sentence. Names are
    carried over (possibly declined, transliterated or as an exonym), never invented, so an
    English name that matches nothing in the source by spelling, case ending, phonetic skeleton
    or CLDR exonym was replaced or hallucinated by the MT system.
    """

    id = "name.unmatched"
    category = "name"
    severity = "critical"
    requires_source = True

    def run(self, ctx):
        items = ctx.name_beads
        if not items:
            return
        table = exonyms(ctx.source.lang)
        latin = to_latin(ctx.source.text).text
        serbo_croatian = is_serbo_croatian(ctx.source.lang)
        for k, bead in enumerate(items):
            if not bead.source:
                continue  # an added sentence: the omission/addition checks own it
            if title_case(bead.target):
                continue  # a headline in title case capitalises common words
            window = bead_window(items, k, "source")
            text = ctx.document.text
            names = [t for t in bead.target if t.name and not title_abbreviation(t, text) and not _in_caption(ctx, t)]
            unmatched = [
                t
                for group in spaced_runs(names, text)
                for t in _unmatched_names(group, window, table, text, latin, bead.source)
            ]
            if unmatched:
                translated = {e for e, _ in translated_parts(bead.source, bead.target, latin, text, table)}
                source_tags = any(is_hashtag(s, latin) for s in window)
                # a hashtag the source translates (#MeToo / #JaIsto) is still the hashtag
                unmatched = [
                    t for t in unmatched if id(t) not in translated and not (source_tags and is_hashtag(t, text))
                ]
                if any(in_quoted_title(latin, s.start, s.end) for s in window):
                    # a title of a work the source quotes is translated word by word ("Trumpets on
                    # the Airwaves" for "Trube na talasima"): its English words are no names; a
                    # name in it (a river, a town) still needs its counterpart ("Silence over the Drava")
                    unmatched = [t for t in unmatched if not (in_quoted_title(text, t.start, t.end) and _title_word(t))]
            if unmatched and serbo_croatian and any(_english_word(t, table) for t in unmatched):
                if not _orphans(bead, unmatched, table):
                    # every name of the source has its English word: an English common word or
                    # proper adjective (Lenten, Islamic, Herders) translates a source word, it
                    # replaces no name (a place, a person, a club or an acronym still needs one)
                    unmatched = [t for t in unmatched if not _english_word(t, table)]
            for group in spaced_runs(unmatched, text):
                words = " ".join(t.text for t in group)
                yield Finding(
                    self.id,
                    group[0].start,
                    group[-1].end,
                    f'"{words}" has no counterpart in the source sentence: a replaced or invented name?',
                    evidence={"name": words, "source_names": sorted({s.text for s in window if s.name})},
                )


def _orphans(bead, unmatched: list[Token], table) -> list[Token]:
    """The source's names in the bead that no English word of the bead renders (by spelling,
    case, transcription, exonym or a derived word), each English word rendering one of them and
    none of the unmatched English names rendering any: what an unmatched name may replace."""
    free = [t for t in bead.target if all(t is not u for u in unmatched)]
    out = []
    for s in bead.source:
        if not (s.name and s.capitalised):
            continue
        renderer = next((t for t in free if _renders(t, s, table)), None)
        if renderer is not None:
            free.remove(renderer)
        elif not any(linked(t.text, s.text, table.lang) for t in bead.target):
            out.append(s)  # (a word of an institution's name translated is none: Udruženje / Association)
    return out


def _renders(t: Token, s: Token, table) -> bool:
    """Does the English word render the source name: any correspondence, but a phonetic skeleton
    only from a word English does not write as a common word (Sunday is no Sanders)?"""
    kind = correspondence(t, s, table)
    return kind is not None and (kind != "phonetic" or lexicon.zipf(t.text.lower()) < _COMMON_WORD_ZIPF)


#: wordfreq Zipf from which an English word is a common word (Sunday, News), no name's skeleton.
_COMMON_WORD_ZIPF = 3.5
#: ... and from which a word no word list has is one English writes (herders, myrrh).
_ENGLISH_WORD_ZIPF = 2.5
#: The endings of English proper adjectives and demonyms (Islamic, Herzegovinian, Lenten, Greeks,
#: Zealander, Turkish, Chinese, Slavonic).
_PROPER_ADJECTIVE = ("ic", "an", "ans", "en", "ese", "ish", "er", "ers", "ks")


def _english_word(t: Token, table) -> bool:
    """Is the capitalised English word a common word (Herders, Myrrh, Confession) or a proper
    adjective (Islamic, Lenten, Slavic): no place, person, club or acronym, and no country's or
    language's adjective (Norwegian for Šveđanin is a replaced nationality)?"""
    from backcheck.lang.bcms_names import is_bcms_name
    from backcheck.lang.gazetteer import is_place
    from backcheck.lang.names.foreign_persons import readings

    low = t.text.lower()
    if t.text.isupper() or len(low) < 4 or is_place(t.text) or table.by_english.get(t.folded):
        return False
    if is_bcms_name(t.text) or readings(t.text):
        return False  # a first name or surname of some language (Stefan, Helen, Fischer): a person
    if is_proper_noun(low):
        return low.endswith(_PROPER_ADJECTIVE)
    return is_common_word(low) or lexicon.zipf(low) >= _ENGLISH_WORD_ZIPF


_SIBILANT = {"k": "c", "g": "z", "h": "s"}


@cache
def _folded_words_list(text: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in re.findall(r"[^\W\d_]+", text))


def _adjacent_in(words: tuple[str, ...], first: str, second: str) -> bool:
    """Do two neighbouring source words begin as the two English words do, case endings aside
    (slavonski brod: Slavonskom Brodu)?"""
    a, b = first[: max(3, len(first) - 2)], second[: max(3, len(second) - 1)]
    return any(x.startswith(a) and y.startswith(b) for x, y in zip(words, words[1:], strict=False))


@cache
def _folded_words(text: str) -> frozenset[str]:
    return frozenset(fold(w) for w in re.findall(r"[^\W\d_]+", text))
