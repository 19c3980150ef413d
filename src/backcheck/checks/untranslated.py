"""Source-language text left in the English."""

from __future__ import annotations

import re

from backcheck.checks.base import Check, Finding, register
from backcheck.lang import lexicon
from backcheck.lang.languages import is_serbo_croatian, wordfreq_code
from backcheck.lang.names.tokens import NOUN_CAPITALISING, english_tokens, tokens, wordfreq_languages
from backcheck.lang.terms import english_for, glossed, is_loanword, phrase_at
from backcheck.lang.text import fold, has_cyrillic, to_latin

#: Letters of scripts English news is not written in (Cyrillic, Greek, Arabic, Hebrew,
#: Devanagari, CJK, kana, Hangul): any run of them in the English is untranslated text.
_FOREIGN_SCRIPT = re.compile(
    r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0900-\u097f"
    r"\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+(?:[\s\-]+[\u0370-\u03ff\u0400-\u04ff"
    r"\u0590-\u06ff\u0900-\u097f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+)*"
)
_CJK = {"zh", "ja", "ko"}
#: A word English practically never writes (Zipf) ...
_NOT_ENGLISH = 2.0
#: ... and that the source language writes often: a word of the source language, not a name.
_SOURCE_WORD = 2.5
#: Zipf difference (3 = a thousand times commoner) that marks a source word English also quotes.
_FAR_COMMONER = 3.0
#: Without a source, a Serbo-Croatian word must be commoner still to be flagged.
_LEXICON_WORD = 3.5
#: ... or this frequent, in lower case, when English never writes it (Zipf 0)
_LOWER_LEXICON_WORD = 2.5


def _known_name(word: str, ctx) -> bool:
    """A name: capitalised elsewhere in the article where it need not be, or listed as a name by
    a BCMS dictionary (Ilić, Budućnost as a club)."""
    from backcheck.lang.bcms_names import is_bcms_name

    return ctx.name_inventory.is_name_like(word) or is_bcms_name(word) or _capitalised_in_source(word, ctx)


def _capitalised_in_source(word: str, ctx) -> bool:
    """Does the source write the word (in any case form) capitalised inside a sentence ("protiv
    Radnika", "poslanik Možemo!")? BCMS capitalises names only: a club, a party."""
    if ctx.source is None:
        return False
    stem = fold(word)[:-1] if len(word) > 4 else fold(word)
    latin = to_latin(ctx.source.text).text
    for m in _CAPITALISED.finditer(latin):
        form = m.group()
        if (
            m.start() > 0
            and fold(form).startswith(stem)
            and len(form) - len(word) <= 3
            and not _OPENING.search(latin[max(0, m.start() - 3) : m.start()])
        ):
            return True
    return False


#: A capitalised word, and what may stand before a sentence's or quotation's first word.
_CAPITALISED = re.compile(r"(?<!\w)[A-ZČĆŠŽĐ]\w+")
_OPENING = re.compile(r"[.!?:\n\"„“«(]\s*$")


def _source_zipf(word: str, lang: str) -> float:
    code = wordfreq_code(lang)
    # Chinese, Japanese and Korean need extra tokenisers in wordfreq; their words are not Latin anyway.
    return lexicon.zipf(word.lower(), code) if code in wordfreq_languages() and code not in _CJK else 0.0


#: An English verb right after a word: the word is the subject of an English clause.
_ENGLISH_VERB_AFTER = re.compile(
    r" (?:is|was|has|had|said|says|told|will|would|could|can|did|does|beat|won|lost|drew|took|got|made|\w+ed)\b"
)


def _third_language(text: str, source_lang: str) -> bool:
    """Is an identical sentence confidently in another language than the source's: a French
    quotation both texts keep as it is ("Il faut bien le faire"), or English quoted in the
    source? It was not left untranslated."""
    from backcheck.lang.langid import IDENTIFIABLE, detect, same_language

    if source_lang not in IDENTIFIABLE:
        return False
    found = detect(text)
    return found.confidence >= _CONFIDENT and not same_language(source_lang, found.lang)


#: Identifier probability from which a sentence's language is taken as known.
_CONFIDENT = 0.9


@register
class Untranslated(Check):
    """Source-language words left in the English. MT systems copy what they cannot translate:
    a word found in the aligned source sentence that English does not use but the source
    language does (by wordfreq's Zipf frequencies), a whole sentence identical to its source,
    or letters of another script. Without a source, common Serbo-Croatian words unknown to
    English are flagged.
    """

    id = "untranslated"
    category = "untranslated"
    severity = "major"

    def run(self, ctx):
        doc = ctx.document
        for m in _FOREIGN_SCRIPT.finditer(doc.text):
            yield Finding(
                self.id,
                m.start(),
                m.end(),
                f'"{m.group()}" is written in another script: transliterate or translate it',
                detail="letters of a script other than Latin in English text",
                evidence={"reason": "script"},
            )
        if ctx.source is None or is_serbo_croatian(ctx.source.lang):
            from backcheck.lang.terms import title_abbreviations

            for start, end, english in title_abbreviations(doc.text):
                yield Finding(
                    self.id,
                    start,
                    end,
                    f'"{doc.text[start:end]}" is a Serbo-Croatian abbreviated title: write {english}',
                    suggestion=english,
                    detail="a title English does not abbreviate so (sh_terms.toml [title_abbreviations])",
                    evidence={"reason": "title abbreviation"},
                )
        if ctx.source is not None and ctx.alignment:
            yield from self._with_source(ctx)
        else:
            yield from self._with_lexicon(ctx, "sh")

    def _with_source(self, ctx):
        doc, source = ctx.document, ctx.source
        latin = to_latin(source.text)
        letters = [c for c in source.text if c.isalpha()]
        cyrillic = sum(map(has_cyrillic, letters)) > len(letters) / 2
        sh = is_serbo_croatian(source.lang)
        for pair in ctx.alignment:
            if not pair.source or not pair.target:
                continue
            src_words: dict[str, str] = {}
            src_text = []
            for i in pair.source:
                s = source.sentences[i]
                a, b = latin.latin_range(s.start, s.end)
                src_text.append(latin.text[a:b])
                for word, *_ in tokens(latin.text, a, b):
                    src_words.setdefault(fold(word), word)
            tgt_text = " ".join(doc.sentences[i].text for i in pair.target)
            start, end = doc.sentences[pair.target[0]].start, doc.sentences[pair.target[-1]].end
            if (
                len(tgt_text.split()) >= 3
                and _same_text(" ".join(src_text), tgt_text)
                and not _third_language(tgt_text, source.lang)
                and not (cyrillic and not any(has_cyrillic(source.sentences[i].text) for i in pair.source))
            ):
                # (a Cyrillic source that writes this sentence in Latin letters kept it foreign:
                # a league table, a title, names)
                yield Finding(
                    self.id,
                    start,
                    end,
                    "this sentence is still in the source language: translate it",
                    detail="the sentence is identical to its source sentence",
                    evidence={"reason": "identical sentence"},
                )
                continue
            flagged = []
            for i in pair.target:
                s = doc.sentences[i]
                for t in english_tokens(doc.text, s.start, s.end):
                    if len(t.text) < 3:
                        continue
                    if t.folded not in src_words:
                        # another form of a source word ("županija" for the source's "županiji",
                        # "rebalans" for "rebalansom"), or an institution left as a common noun
                        # ("the Skupština")
                        if sh and (_sh_word(doc.text, t) or _rare_source_word(doc.text, t, src_words, exact=False)):
                            flagged.append((t, lexicon.zipf(t.text.lower()), lexicon.zipf(t.text.lower(), "sh")))
                        continue
                    if sh and (_sh_word(doc.text, t) or _rare_source_word(doc.text, t, src_words, exact=True)):
                        # "the Skupština": not a name; "štoper"; "kamiondžije" as the source writes it
                        flagged.append((t, lexicon.zipf(t.text.lower()), lexicon.zipf(t.text.lower(), "sh")))
                        continue
                    if (
                        t.capitalised
                        and src_words[t.folded][0].isupper()
                        and source.lang not in NOUN_CAPITALISING
                        and (not t.initial or _known_name(t.text, ctx))
                    ):
                        # capitalised on both sides mid-sentence, or a name the article or a BCMS
                        # dictionary knows (Ilić said ...): a name is not an untranslated word
                        continue
                    if (
                        t.capitalised
                        and src_words[t.folded][0].isupper()
                        and source.lang not in NOUN_CAPITALISING
                        and _ENGLISH_VERB_AFTER.match(doc.text, t.end)
                        and english_for(t.text) is None  # not a word of public life (Opština announced)
                        and not re.search(r"\b(?:the|a|an)\s+$", doc.text[max(0, t.start - 6) : t.start], re.I)
                    ):
                        # the English sentence's subject, without an article and capitalised on
                        # both sides, in a language that capitalises names only: a name ("Nad said")
                        continue
                    z_en = lexicon.zipf(t.text.lower())
                    z_src = _source_zipf(src_words[t.folded], source.lang)
                    margin = 2.5 if t.capitalised else 0.5
                    # A capitalised word is usually a name; it counts only when English rarely
                    # uses it and the source language uses it far more (German nouns: Saison).
                    not_english = _NOT_ENGLISH + (1.0 if t.capitalised else 0.0)
                    rare_in_english = z_en < not_english and z_src >= _SOURCE_WORD and z_src - z_en >= margin
                    # English corpora quote common foreign words (nicht, también); a word a
                    # thousand times commoner in the source language is still a source word.
                    if rare_in_english or z_src - z_en >= _FAR_COMMONER:
                        flagged.append((t, z_en, z_src))
            yield from self._merge(doc.text, flagged, "found in the source sentence", is_serbo_croatian(source.lang))

    def _with_lexicon(self, ctx, lang: str):
        doc = ctx.document
        flagged = []
        for s in doc.article_sentences:
            for t in english_tokens(doc.text, s.start, s.end):
                if _sh_word(doc.text, t) or _unknown_sh_word(doc.text, t):
                    flagged.append((t, lexicon.zipf(t.text.lower()), lexicon.zipf(t.text.lower(), lang)))
        yield from self._merge(doc.text, flagged, "a common Serbo-Croatian word unknown to English", True)

    def _merge(self, text: str, flagged: list, basis: str, serbo_croatian: bool):
        """One finding per run of adjacent untranslated words (a phrase left in the source language)."""
        # an acronym (USKOK, MUP) is a name in any language, not a word left untranslated; a
        # loanword English dictionaries list (ćevapi, gusle) is English too
        flagged = [
            item
            for item in flagged
            if not _inside_name(text, item[0])
            and not (item[0].text.isupper() and len(item[0].text) >= 2)
            and not (serbo_croatian and is_loanword(item[0].text))
            # kept and glossed by its category ("the šargija lute"): a cultural word on purpose
            and not (serbo_croatian and glossed(text, item[0].end))
            and not _adopted(text, item[0].text)
        ]
        runs: list[list] = []
        for item in flagged:
            if runs and re.fullmatch(r"[\s,\-]*", text[runs[-1][-1][0].end : item[0].start]):
                runs[-1].append(item)
            else:
                runs.append([item])
        for run in runs:
            start, end = run[0][0].start, run[-1][0].end
            if serbo_croatian:
                start, end = _phrase_around(text, start, end)
            words = text[start:end]
            english = english_for(words) if len(run) == 1 and serbo_croatian else None
            if serbo_croatian and (phrase := phrase_at(text, start)) is not None and phrase[0] == end:
                # an institution's name capitalises its words in English (Health Centre)
                english = phrase[1].title() if words[:1].isupper() else phrase[1]
            if english and words[:1].isupper():  # "the Skupština": an institution, "the Assembly"
                english = english[:1].upper() + english[1:]
            if english:
                message = f'"{words}" is Serbo-Croatian for "{english}": write {english}'
            else:
                message = f'"{words}" is left in the source language: translate it'
            yield Finding(
                self.id,
                start,
                end,
                message,
                suggestion=english,
                detail=f"untranslated: {basis}",
                evidence={
                    "reason": basis,
                    "zipf": {t.text: {"en": round(ze, 2), "source": round(zs, 2)} for t, ze, zs in run},
                },
            )


def _adopted(text: str, word: str) -> bool:
    """Does the article give the word an English plural (gajeta, gajetas; katun, katuns)? A
    translator who inflects a source word the English way has adopted it as a term on purpose;
    machine translation copies the source's own plural (gajete)."""
    low = word.lower()
    singular = low[:-1] if low.endswith("s") and len(low) >= 5 and low[-2] != "s" else low
    if len(singular) < 4:
        return False  # (a consonant's plural too: katun, katuns)
    return bool(re.search(rf"(?<![\w-]){re.escape(singular)}s(?![\w-])", text, re.IGNORECASE)) and bool(
        re.search(rf"(?<![\w-]){re.escape(singular)}(?![\w-])", text, re.IGNORECASE)
    )


_WORD_BEFORE = re.compile(r"(?:^|(?P<end>[.!?:\"“”]\s+)|[\s(\[])(?P<word>[^\W\d_]+) $")
_WORD_AFTER = re.compile(r" (?P<word>[^\W\d_]+)")


def _in_phrase(text: str, t) -> bool:
    """Is the word part of a kind of institution English translates ("Dom zdravlja")?"""
    return _phrase_around(text, t.start, t.end) != (t.start, t.end)


def _phrase_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a kind of institution English translates that holds ``text[start:end]``
    ("zdravlja" in "Dom zdravlja"), or the span itself."""
    for m in re.finditer(r"[^\W\d_]+", text[max(0, start - 40) : end]):
        at = max(0, start - 40) + m.start()
        found = phrase_at(text, at)
        if found and at <= start and end <= found[0]:
            return at, found[0]
    return start, end


def _inside_name(text: str, t) -> bool:
    """A word of a multiword proper name kept as its owner writes it: after a capitalised word
    inside a sentence ("Bulevar oslobođenja", "Trg slobode": BCMS capitalises a name's first word
    only), or capitalised before another capitalised word ("Naftna Industrija Srbije"). A name is
    not an untranslated word; nor is a word of a quoted title ("Sunčane skale")."""
    from backcheck.lang.text import in_quoted_title

    if in_quoted_title(text, t.start, t.end):
        return True
    if _in_phrase(text, t):
        return False  # "Dom zdravlja": a kind of institution, which English translates
    if re.search(r"[A-ZČĆŠŽĐ][\w]*-$", text[max(0, t.start - 30) : t.start]):
        return True  # the second part of a hyphenated name (Ibar-gradnja)
    before = _WORD_BEFORE.search(text, max(0, t.start - 60), t.start)
    if before and before.group("word") == "i" and not before.group("end"):
        # the Serbo-Croatian "i" (and) inside a name kept as written ("Vodovod i kanalizacija")
        before = _WORD_BEFORE.search(text, max(0, before.start("word") - 60), before.start("word"))
    if before and before.group("word")[0].isupper() and not before.group("end"):
        at = before.start("word")
        if at > 0 and not re.search(r"[.!?\n]\s*$", text[max(0, at - 3) : at]):
            return True

    if before and before.group("word")[0].isupper() and lexicon.zipf(before.group("word").lower()) < 1.0:
        # a sentence's first word, no English word, before this one: a name kept as its owner
        # writes it ("Akcija mladih councillor ...", "Homolje Minerali director ..."), not two
        # untranslated words
        return True
    after = _WORD_AFTER.match(text, t.end)
    if t.text[:1].isupper() and after and after.group("word")[0].islower():
        # before a lower-case word English does not know: a name's first word, BCMS capitalising
        # only that one ("Crvena zvezda", "Hrvatske autoceste")
        word = after.group("word")
        en, sh = lexicon.zipf(word), lexicon.zipf(word, "sh")
        return len(word) >= 4 and en < 2.5 and sh >= max(_LEXICON_WORD, en + 1.5)
    return bool(t.text[:1].isupper() and after and after.group("word")[0].isupper())


#: The letters of BCMS Latin spelling.
_BCMS_ALPHABET = re.compile(r"[abcčćdđefghijklmnoprsštuvzž]+")
#: An acronym in brackets after a word: the word ends a name (Hrvatska elektroprivreda (HEP)).
_NAMED = re.compile(r" \([A-ZČĆŠŽĐ]{2,6}\)")
#: An open bracket before a word on its line: a name's original given beside its English one.
_IN_BRACKETS = re.compile(r"\([^()\n]*$")
#: Letters a rarer source word keeps of its stem in another case form (rebalans / rebalansom).
_RARE_STEM = 5


def _rare_source_word(text: str, t, src_words: dict[str, str], exact: bool) -> bool:
    """A rarer lower-case word of the aligned source sentence left in the English, spelled in the
    BCMS alphabet and no word English writes (wordfreq, SCOWL; an English plural -s aside): as
    written ("kamiondžije"), when it has a BCMS letter or a BCMS hunspell dictionary inflects it;
    in another case form ("rebalans" for "rebalansom", "priprata" for "priprati"), when the
    dictionary inflects it. Frequency alone misses such words: the source language writes them
    rarely too."""
    from backcheck.lang.bcms_names import is_inflected_word
    from backcheck.lang.names.common_words import is_common_word

    word = t.text
    if not word.islower() or not word.isalpha() or len(word) < _RARE_STEM + 1 or _inside_name(text, t):
        return False  # (the second word of a company's name kept as written: Hrvatska elektroprivreda)
    if _NAMED.match(text, t.end) or _IN_BRACKETS.search(text, max(0, t.start - 60), t.start):
        return False  # a name given with its acronym (elektroprivreda (HEP)), an original in brackets
    bare = word[:-1] if word.endswith("s") else word  # "sijelos": an English plural on the word
    if any(lexicon.zipf(w) >= 1.0 or is_common_word(w) for w in {word, bare}):
        return False
    if not _BCMS_ALPHABET.fullmatch(word):
        return False  # a word of a third language both sides quote (céderons)
    if exact and (is_inflected_word(word) or _BCMS_LETTERS & set(word)):
        return True  # the source's very word, which English does not write (kamiondžije)
    if not (is_inflected_word(word) or is_inflected_word(bare)):
        return False
    key = fold(bare)
    stem = key[: max(_RARE_STEM, len(key) - 2)]
    return any(w.startswith(stem) and abs(len(w) - len(key)) <= 3 for w in src_words)


def _sh_word(text: str, t) -> bool:
    """A common Serbo-Croatian word English does not know ("županija", "opštini"), or a word of
    public life left capitalised after an article ("the Skupština", "the Vlada"): not a name."""
    if len(t.text) < 4:
        return False
    z_en = lexicon.zipf(t.text.lower())
    if z_en >= 1.0:
        return False
    if t.capitalised:
        after_article = re.search(r"\b(?:the|a|an)\s+$", text[max(0, t.start - 6) : t.start], re.I)
        return bool(after_article) and english_for(t.text) is not None
    if lexicon.zipf(t.text.lower(), "sh") >= _LEXICON_WORD:
        return True
    if (
        t.text.islower()
        and z_en == 0.0
        and all(c < "\u0250" for c in t.text)  # (another script is flagged as such)
        and lexicon.zipf(t.text, "sh") >= _LOWER_LEXICON_WORD
    ):
        return True  # a rarer word written in lower case that English never writes (odbornik, ministarka)
    # a rarer word the bilingual dictionary glosses (makija: maquis), lower case: no name
    from backcheck.lang.glosses import translations

    # after a lower-case word (not the second word of a name: "Hrvatska elektroprivreda (HEP)")
    before = re.search(r"(\S+)\s+$", text[max(0, t.start - 40) : t.start])
    after_lower = before is not None and before.group(1)[:1].islower()
    if after_lower and len(t.text) >= 5 and t.text.isalpha() and bool(translations(t.text, "sh")):
        return True
    # a lower-case word with a letter English never writes (č, ć, š, ž, đ) that a BCMS dictionary
    # lists, in any case form (štoper: a centre-back; hladnjače: cold stores): no English word and
    # no name
    from backcheck.lang.bcms_names import is_noun_form

    return (
        t.text.islower()
        and len(t.text) >= 5
        and any(c in _BCMS_LETTERS for c in t.text)
        and lexicon.zipf(t.text) < 1.0
        and is_noun_form(t.text)
    )


def _unknown_sh_word(text: str, t) -> bool:
    """From the English alone: a lower-case word with English letters only that a BCMS dictionary
    lists (in a form) and that no English word list has (vodarina, igraonica, rebalans), after a
    lower-case word (not a name's second word: Hrvatska elektroprivreda), written once (a term
    kept on purpose recurs: a gajeta, the gajeta's crew); not an -ise spelling of an English -ize
    word (digitalise)."""
    from backcheck.lang.bcms_names import is_inflected_word
    from backcheck.lang.names.common_words import is_common_word

    word = t.text
    if not (word.islower() and word.isalpha() and word.isascii() and len(word) >= 6 and lexicon.zipf(word) == 0.0):
        return False
    before = re.search(r"(\S+)\s+$", text[max(0, t.start - 40) : t.start])
    if before is None or not before.group(1)[:1].islower():
        return False
    if re.search(r"is(?:e|es|ed|ing|ation|er|ers|ations)$", word) and lexicon.zipf(
        re.sub(r"is(?=(?:e|es|ed|ing|ation|er|ers|ations)$)", "iz", word)
    ):
        return False
    if len(re.findall(rf"(?<![\w-]){re.escape(word[:-1])}", text, re.IGNORECASE)) > 1:
        return False  # a term kept on purpose is used throughout (gajeta, katun); a word left, once
    return is_inflected_word(word) and not is_common_word(word)


#: Letters of BCMS Latin spelling that no English word has.
_BCMS_LETTERS = frozenset("čćšžđ")


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", fold(text))


def _same_text(a: str, b: str) -> bool:
    return _words(a) == _words(b)
