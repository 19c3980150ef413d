"""name.transliterated: a name spelled differently from the way its own language writes it."""

from __future__ import annotations

import re

from backcheck.checks.base import Check, Finding, register
from backcheck.lang import lexicon
from backcheck.lang.gazetteer import is_place_as_written
from backcheck.lang.languages import SOUTH_SLAVIC_LATIN
from backcheck.lang.names.common_words import is_common_word
from backcheck.lang.names.correspondence import correspondence, spelled_so
from backcheck.lang.names.exonyms import exonyms
from backcheck.lang.names.foreign_persons import transcription_of
from backcheck.lang.names.orthography import (
    LANGUAGE_NAMES,
    anglicised,
    ending_changed,
    misspelling,
    nominative_rendered,
    slavic_respelling,
    slavic_runs,
)
from backcheck.lang.names.phonetic import SLAVIC_LETTERS, phonetic_key
from backcheck.lang.names.renderings import bead_window, source_span
from backcheck.lang.text import fold, to_latin

#: Latin letters of other alphabets than English's and BCMS's (Turkish, Hungarian, German,
#: French, Spanish, Albanian): a name written with them is in its own spelling
#: A skeleton of two letters (Niš: ns) is shared by too many names (Naissus) to say one respells
#: the other unless they have as many syllables (Šik, Schick).
_MIN_KEY = 3
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


#: Letters and digraphs Serbo-Croatian spelling never writes: a name spelled with one is written
#: the way another language writes it (Hurkacz, Szymborska, Hungarian cs and zs: Fucsovics), not a
#: Slavic name respelled. (A
#: doubled letter is not one: MT doubles letters of Slavic names too, Kollar for Kolar.)
_FOREIGN_SPELLING = re.compile(r"[qwxy]|[cs]z|rz|[cz]s|[cstpg]h|ck|[^a-zčćšžđ]")


#: A letter of another Latin alphabet than English's and BCMS's (á, ö, ő, ç, ñ, ø).
_OTHER_ALPHABET = re.compile(r"[^\W\da-zA-ZčćšžđČĆŠŽĐ_]")
_NEXT_WORD = re.compile(r"[ \u00a0]+([^\W\d_]+)")
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[ \u00a0]+$")


def _in_a_foreign_full_name(text: str, start: int, end: int) -> bool:
    """Is the word next to a capitalised part of its full name written in another alphabet's
    letters (Lajos beside Kovács)? The English writes the whole name the way that language does,
    and the source's spelling of it (Lajoš Kovač) is a transcription, no Slavic name respelled."""
    after = _NEXT_WORD.match(text, end)
    before = _PREVIOUS_WORD.search(text[max(0, start - 40) : start])
    return any(
        m is not None and m.group(1)[:1].isupper() and _OTHER_ALPHABET.search(m.group(1)) for m in (after, before)
    )


def _vowel_groups(word: str) -> int:
    return len(_VOWEL_GROUPS.findall(fold(word)))


_FOREIGN_LETTERS = re.compile("[çğşöüäëéèêáàâíóúñõãøåœæßÇĞŞÖÜÄËÉÈÊÁÀÂÍÓÚÑÕÃØÅŒÆ]")


#: How common (Zipf) a place's spelling without diacritics must be in English to be its English
#: name (Pristina 2.2), not a lost diacritic (Sabac 1.2, Niksic 1.1).
_EXONYM_ZIPF = 2.0


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
    severity = "major"
    requires_source = True

    def run(self, ctx):
        items = ctx.name_beads
        if not items:
            return
        # The source-based spellings need the nominative, which backcheck derives for South
        # Slavic declension only; a Polish or Czech case form (Małgorzaty, Frýdecko) is not a
        # spelling of its own.
        native = ctx.source.lang in SOUTH_SLAVIC_LATIN
        latin = to_latin(ctx.source.text).text
        english_spellings = {
            phonetic_key(t.text, True): t.text
            for b in items
            for t in b.target
            if t.name and not SLAVIC_LETTERS & set(t.text) and "dž" not in t.text.lower() and not t.text.isupper()
        }  # (an acronym is no spelling a name transcribes: SNS is not "Siniša")
        for k, bead in enumerate(items):
            window = bead_window(items, k, "source")
            for t in bead.target:
                if not t.name:
                    continue
                if SLAVIC_LETTERS & set(t.text) or "dž" in t.text.lower():
                    key = phonetic_key(t.text, False)
                    original = english_spellings.get(key)
                    if original and len(key) < _MIN_KEY and _vowel_groups(original) != _vowel_groups(t.text):
                        original = None  # a short skeleton, and another syllable count (Niš, Naissus)
                    if original and fold(original) != t.folded and not is_common_word(original.lower()):
                        yield Finding(
                            self.id,
                            t.start,
                            t.end,
                            f'"{t.text}" is the Serbian phonetic spelling of "{original}", which the article also uses',
                            suggestion=original,
                            evidence={"basis": "article"},
                        )
                        continue
                    # otherwise a Slavic name that lost only some of its letters (Šeparovic)
                if not native or _FOREIGN_LETTERS.search(t.text):
                    continue  # (a name in another alphabet's letters, Çelik for Čelik, is its own spelling)
                slavic_names, companions = slavic_runs(window, latin)
                # correspondence first: it is cached, and rarely phonetic. A source that
                # transcribes foreign names (Serbian Gelfend for Gelfand) is the authority on
                # the spelling of its own, Slavic names only.
                copied = any(s.folded == t.folded for s in window)  # the very spelling is there
                misspelled = (
                    None
                    if copied
                    else next(
                        (
                            s
                            for s in window
                            if s.name
                            and (ctx.source.lang in LANGUAGE_NAMES or id(s) in slavic_names)
                            and correspondence(t, s, exonyms(ctx.source.lang)) == "phonetic"
                            and not ending_changed(t, s)  # a case form (Celesiu ← Celesio)
                            and not nominative_rendered(t, s)  # its nominative (Benkovca ← Benkovac)
                            # the source's transcription of a foreign spelling (Hurkača ← Hurkacz)
                            and not (_FOREIGN_SPELLING.search(t.text.lower()) and spelled_so(t.text, s.text))
                            and misspelling(t.text, s.text, transcribed=ctx.source.lang not in LANGUAGE_NAMES)
                        ),
                        None,
                    )
                )
                if misspelled is not None:
                    src_start, src_end = source_span(ctx.source.text, [misspelled])
                    yield Finding(
                        self.id,
                        t.start,
                        t.end,
                        f'"{t.text}" misspells the source name "{misspelled.text}"',
                        suggestion=misspelled.text,
                        source_start=src_start,
                        source_end=src_end,
                        evidence={"basis": "source"},
                    )
                    continue
                anglicisation = anglicised(t, window, ctx.source.lang)
                if anglicisation is not None:
                    source_word, suggestion = anglicisation
                    src_start, src_end = source_span(ctx.source.text, [source_word])
                    yield Finding(
                        self.id,
                        t.start,
                        t.end,
                        f'"{t.text}" writes the source name "{source_word.text}" with a w; '
                        f"{LANGUAGE_NAMES[ctx.source.lang]} keeps foreign names in their own spelling, "
                        "so the v is the name's own",
                        suggestion=suggestion,
                        source_start=src_start,
                        source_end=src_end,
                        evidence={"basis": "source"},
                    )
                    continue
                respelling = slavic_respelling(t, window, slavic_names, companions)
                if respelling is not None and is_place_as_written(t.text) and lexicon.zipf(t.folded) >= _EXONYM_ZIPF:
                    respelling = None  # a place's English spelling, which English writes often (Pristina)
                if (
                    respelling is not None
                    and _in_a_foreign_full_name(ctx.document.text, t.start, t.end)
                    and transcription_of(respelling[1], t.text)
                ):
                    respelling = None  # Lajos beside Kovács: the source transcribed a Hungarian name
                if respelling is not None:
                    s, suggestion = respelling
                    src_start, src_end = source_span(ctx.source.text, [s])
                    yield Finding(
                        self.id,
                        t.start,
                        t.end,
                        f'"{t.text}" respells the source name "{s.text}"; names keep their own spelling in English',
                        suggestion=suggestion,
                        source_start=src_start,
                        source_end=src_end,
                        evidence={"basis": "source"},
                    )
