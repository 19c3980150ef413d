"""Names in the English article: Slavic case forms left in, and one name spelled two ways."""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

from backcheck.checks.base import Check, Finding, register
from backcheck.lang import lexicon
from backcheck.lang.sh.morphology import ENDINGS
from backcheck.lang.terms import is_loanword
from backcheck.lang.text import UPPER, fold

_FORM_WORDS = {
    "genitive": "genitive",
    "dative-locative": "dative or locative",
    "accusative": "accusative",
    "instrumental": "instrumental",
    "vocative": "vocative",
    "plural": "plural",
    "possessive": "possessive adjective",
    "feminine": "feminine surname form",
    "respelling": "phonetic spelling",
}


@register
class NameInflected(Check):
    """A name left in a South Slavic case or possessive form. Serbian, Croatian, Bosnian and
    Montenegrin decline foreign and native names alike (Biden → Bidena, Bidenu, Bidenom; Rijeka
    → u Rijeci; Vukotić → Vukotića) and form possessives and feminine surnames with -ov/-ev/-in
    and -ova/-eva/-ska; an MT system that copies the name from the source copies the ending too.
    One analysis (:mod:`backcheck.lang.names.forms`) reads each capitalised word back through
    the declension tables, weighs the evidence for each nominative it could be (the article writes
    it, English or GeoNames knows it, a Slavic surname's shape, the preposition before it, the word
    itself being English or a place) with weights fitted on the tune split, and flags the word
    when its best reading is probable enough.
    """

    id = "name.inflected"
    category = "name"
    severity = "major"

    def run(self, ctx):
        from backcheck.lang.names import forms as name_forms

        if not _serbo_croatian_source(ctx):
            return  # the forms are read with Serbo-Croatian declension
        inv = ctx.name_inventory
        text = ctx.document.text
        configured = ctx.config.thresholds.get("name_form_probability")  # else each group's fitted one
        source_words = _source_words(ctx.source) if ctx.source is not None else None
        women = _women(text)
        places = name_forms.declined_places(text)
        for start, end, place in places:
            words = text[start:end]
            yield Finding(
                self.id,
                start,
                end,
                f'"{words}" is the Serbo-Croatian case form of the place "{place}": write {place}',
                suggestion=place,
                evidence={"base": place, "form": "declined place", "probability": 1.0},
            )
        for start, end, original in name_forms.transcribed_particles(text):
            yield Finding(
                self.id,
                start,
                end,
                f'"{text[start:end]}" is the Serbian spelling of the particle "{original}" of a foreign name: '
                f"write {original}",
                suggestion=original,
                evidence={"base": original, "form": "respelling", "probability": 1.0},
            )
        flagged: set[str] = set()
        for word, occurrences in inv.occurrences.items():
            if not word[:1].isupper() or (len(word) < 4 and not name_forms.short_first_name_form(word)):
                continue
            if is_loanword(word):
                continue  # a loanword English writes (a Klapa festival): no name's form
            if _original_in_article(word, inv.occurrences) is not None:
                continue  # a transcription of a foreign name the article writes: read below
            occurrences = [o for o in occurrences if not any(a <= o.start < b for a, b, _ in places)]
            if not occurrences:
                continue
            contexts = [name_forms.context_at(text, o.start, o.end) for o in occurrences if not o.in_title]
            reading = _feminine_of_a_woman(word, women)
            why = "introduced_as_a_woman"
            found = None
            if reading is None:
                found = name_forms.analyse(
                    word,
                    contexts or [name_forms.Context()],
                    inv.is_name_like,
                    inv.nominative_evidence,
                    # a subject's form is the source's nominative only where the English copies the
                    # source's word: a form the source never writes is no copy of its subject
                    copied=(lambda w: bool(source_words[fold(w)])) if source_words is not None else None,
                )
                if found is None or found.probability < (configured if configured is not None else found.threshold):
                    found = None
                    # a local name's ending that no nominative has (near Ozrinića, from Tordinaca)
                    reading = name_forms.oblique_local_name(word, contexts)
                    if reading is None or not name_forms.allowed(word, reading, contexts, False):
                        continue
                    why = "oblique_ending_of_a_local_name"
                else:
                    reading = found.reading
            if (
                reading.change == "-a stem"
                and not inv.is_name_like(reading.base)
                and _foreign_languages(word, occurrences, text)
            ):
                continue  # a foreign person's name in -i, -e, -u is its nominative (Italy's Lorenzo Musetti)
            # a respelling is the source's own spelling copied, however often the source writes it
            if (
                source_words is not None
                and reading.form != "respelling"
                and (
                    _invariant_in_source(word, reading.base, source_words)
                    or _declined_in_source(word, source_words)
                    or _a_stem_in_source(word, reading, source_words)
                )
            ):
                continue
            if _usual_of_a_pair(word, reading.base, inv.occurrences):
                continue
            if reading.form == "respelling" and _own_spelling(word, reading.base):
                continue
            if reading.form == "respelling" and ctx.source is not None and ctx.source.lang == "hr":
                continue  # Croatian keeps foreign names in their own spelling: a word it writes so is a name (Medikor)
            if reading.form == "respelling" and any(_named_as_a_business(text, o.start, o.end) for o in occurrences):
                continue  # "Medikor, a company from Velika Gorica": a brand's coined name, no person's transcribed
            if all(_in_business_name(text, o.start) for o in occurrences):
                continue  # "the company Putevi Šumadije": a company's name kept as it is registered
            # (after "the", the name itself modifies the noun: "the Fico government")
            after_the = all(text[max(0, o.start - 4) : o.start].lower() == "the " for o in occurrences)
            suggestion = reading.base + ("'s" if reading.form == "possessive" and not after_the else "")
            flagged.add(word)
            for occ in occurrences:
                yield Finding(
                    self.id,
                    occ.start,
                    occ.end,
                    f'"{word}" is the Serbo-Croatian {_FORM_WORDS[reading.form]} of "{reading.base}": '
                    f"write {suggestion}",
                    suggestion=suggestion,
                    evidence={
                        "base": reading.base,
                        "ending": reading.ending,
                        "form": reading.form,
                        "change": reading.change,
                        "probability": round(found.probability, 3) if found else 1.0,
                        "features": {k: round(v, 3) for k, v in found.features.items() if v} if found else {why: 1.0},
                    },
                )
        yield from self._town_adjectives(text, inv.occurrences, flagged)
        if ctx.source is not None and ctx.source.lang == "hr":
            return  # Croatian keeps foreign names in their own spelling
        for word, original in _transcriptions_of_names_in_article(inv.occurrences, flagged):
            flagged.add(word)
            yield from self._at_each(
                inv.occurrences[word],
                f'"{word}" is the Serbo-Croatian phonetic spelling of "{original}", which the article also '
                f"writes: write {original}",
                original,
                {"base": original, "form": "respelling", "in_article": True, "probability": 1.0},
            )
        for word, originals, language in _transcribed_persons(text, flagged):
            if any(r.base in inv.occurrences for r in name_forms.readings(word)):
                continue  # a case form of a name the article writes (Bošnjakova: Bošnjakov)
            flagged.add(word)
            original = _one_spelling(originals)
            advice = f"write {original}" if original else "write it as " + " or ".join(originals)
            article = "an" if language[:1].lower() in "aeiou" else "a"
            of = f'the {language} name "{" or ".join(originals)}"' if originals else f"{article} {language} name"
            if not originals:  # (a surname no list has, after a transcribed first name)
                advice = f"write it as {language} spells it"
            yield from self._at_each(
                inv.occurrences.get(word, ()),
                f'"{word}" is the Serbo-Croatian phonetic spelling of {of}: {advice}',
                original,
                {"base": original, "form": "respelling", "language": language, "probability": 1.0},
            )
        for word, occurrences in inv.occurrences.items():
            if word in flagged or not word[:1].isupper() or len(word) < 3:
                continue
            foreign = _foreign_transcription(word, occurrences, text)
            if foreign is None:
                continue
            language, base = foreign
            advice = f"write {base}" if base else f"write it as {language} spells it"
            yield from self._at_each(
                occurrences,
                f'"{word}" is a Serbo-Croatian phonetic spelling of a name the article gives '
                f"{'an' if language[:1].lower() in 'aeiou' else 'a'} {language} speaker: {advice}",
                base,
                {"base": base, "form": "respelling", "nationality": language, "probability": 1.0},
            )

    def _town_adjectives(self, text: str, occurrences: dict, flagged: set[str]):
        """A town's adjective before an English noun (the Kragujevačka Grammar School): English
        names the institution with the town's name (:mod:`backcheck.lang.names.place_adjectives`).
        Only where every occurrence stands before such a noun: a word that also stands alone is a
        name of its own (the club Čukarički: "Čukarički beat", "the Čukarički head coach")."""
        from backcheck.lang.names import place_adjectives, regions

        for start, end, english, unit_noun in regions.adjective_left(text):
            word = text[start:end]
            flagged.add(word)
            yield Finding(
                self.id,
                start,
                end,
                f'"{word}" is the Serbo-Croatian adjective of the unit English names "{english} {unit_noun}": '
                f"write {english}",
                suggestion=english,
                evidence={"base": english, "form": "unit adjective", "probability": 1.0},
            )
        for word, occs in occurrences.items():
            if word in flagged or not word[:1].isupper() or lexicon.zipf(word.lower()) >= lexicon.UNKNOWN_ZIPF:
                continue
            nouns = [_WORD_AFTER.match(text, occ.end) for occ in occs]
            if not all(
                n is not None and place_adjectives.before_english_noun(n.group(1), text[n.end() :]) for n in nouns
            ):
                continue
            if any(_after_local_word(text, occ.start) for occ in occs):
                continue  # the second word of a local name (Hum Zabočki, FK Čukarički), as written
            town = place_adjectives.town_of(word)
            if town is None:
                continue
            flagged.add(word)
            for occ, noun in zip(occs, nouns, strict=True):
                yield Finding(
                    self.id,
                    occ.start,
                    occ.end,
                    f'"{word}" is the Serbo-Croatian adjective of the town {town}: English names it "{town} '
                    f'{noun.group(1) if noun else ""}": write {town}',
                    suggestion=town,
                    evidence={"base": town, "form": "town adjective", "probability": 1.0},
                )

    def _at_each(self, occurrences, message: str, suggestion: str | None, evidence: dict):
        """One finding at each occurrence of a word."""
        for occ in occurrences:
            yield Finding(self.id, occ.start, occ.end, message, suggestion=suggestion, evidence=dict(evidence))


#: The word after a name, after one space (its noun, where the name is an adjective).
_WORD_AFTER = re.compile(r"[ \u00a0]([^\W\d_]+)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \u00a0]$")


def _after_local_word(text: str, start: int) -> bool:
    """Does a capitalised word English does not write stand right before ``start``?"""
    before = _WORD_BEFORE.search(text[max(0, start - 40) : start])
    return before is not None and before.group(1)[:1].isupper() and lexicon.zipf(before.group(1).lower()) < 3.0


#: A business named as such beside its name: "Medikor, a company from ...", "the firm Medikor",
#: "Medikor owner ...". Its name is coined (Medikor, Telekom), not a person's name transcribed.
_BUSINESS = r"(?:company|firm|manufacturer|supplier|distributor|brand|chain|retailer|startup|producer|dealer)"
_BUSINESS_AFTER = re.compile(rf",\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?{_BUSINESS}\b|\s+(?:owner|founder)\b")
_BUSINESS_BEFORE = re.compile(rf"\b{_BUSINESS}\s+$", re.I)


#: "the company Putevi ", "the firm ": a business word and its name's first capitalised word
_BUSINESS_NAME_BEFORE = re.compile(rf"\b{_BUSINESS}\s+[A-ZČĆŠŽĐ][\w-]*\s+$")


def _in_business_name(text: str, start: int) -> bool:
    """Is the word the second of a business's name after the word for the business ("the Kragujevac
    company Putevi Šumadije")? The name is as the company registered it, genitive and all."""
    return bool(_BUSINESS_NAME_BEFORE.search(text[max(0, start - 40) : start]))


def _named_as_a_business(text: str, start: int, end: int) -> bool:
    return bool(_BUSINESS_AFTER.match(text, end) or _BUSINESS_BEFORE.search(text[max(0, start - 20) : start]))


#: Feminine surname forms a Serbo-Croatian source makes of a foreign woman's surname, as endings
#: added to the surname (Smith -> Smithova, Petrov -> Petrova, Schulz -> Schulzeva)
_FEMININE_ENDINGS = ("ova", "eva", "a")


#: A letter neither English nor Serbo-Croatian (Gaj's Latin) writes: á, ö, ő, ñ, ł ...
_NOT_GAJ = re.compile(r"[^a-zčćšžđ'’-]")


def _foreign_transcription(word: str, occurrences, text: str) -> tuple[str, str | None] | None:
    """(the language, the English spelling when one is known) of a name in Serbo-Croatian
    transcription of a person the article introduces with a nationality whose language spells
    names otherwise: a č, ć, š, ž or đ in it ("Poland's Iga Švjontek"), or a phonetic spelling of
    a name English writes ("French President Emmanuel Makron"). A surname in -ić is a South Slav's
    of any nationality (the Austrian Marko Arnautović)."""
    from babel import Locale

    from backcheck.lang.names import foreign_persons, nationality
    from backcheck.lang.names.respelling import respellings

    if _NOT_GAJ.search(word.lower()):
        return None  # letters of another alphabet (Fábián, Marozsán): the name's own spelling
    languages = _foreign_languages(word, occurrences, text)
    if not languages:
        return None
    found = respellings(word)
    base = found[0][0] if found and found[0][1] >= 0.99 else None
    if base is None and not foreign_persons.as_written(word):
        # a name of the person's language in its Serbian spelling (Italy's ... Konti: Conti)
        base = _one_spelling(
            tuple(
                n.original
                for n in foreign_persons.readings(word)
                if n.lang in languages and foreign_persons.changed(word, n.original)
            )
        )
    # -ić (or -ic written without its accent), not -ič: Sič is a Hungarian's Szűcs
    if base is None and (not nationality.SLAVIC_LETTERS.search(word) or word.lower().endswith(("ić", "ic"))):
        return None
    known = sorted(lang for lang in languages if lang)
    language = Locale("en").languages.get(known[0], "foreign") if known else "foreign"
    return language, base


#: A run of capitalised words: a person's full name, hyphenated parts and all (Žan-Lik Diboa).
_NAME_WORD = rf"[{UPPER}][^\W\d_]+(?:-[{UPPER}][^\W\d_]+)?"
_NAME_RUN = re.compile(rf"(?<![\w-]){_NAME_WORD}(?: {_NAME_WORD})+(?![\w-])")


def _transcribed_persons(text: str, flagged: set[str]):
    """(word, its originals, the language's English name) for each word of a full name that is a
    foreign person's name in Serbian transcription, read from the name itself: its words are, in
    one language's letter rules, the Serbian spellings of that language's first names and
    surnames (Ištvan Sabo: István Szabó; Đovani Konti: Giovanni Conti), and a transcribed word is
    a name of no language as it stands (:mod:`backcheck.lang.names.foreign_persons`)."""
    from babel import Locale

    from backcheck.lang.names import foreign_persons

    seen: set[str] = set()
    for m in _NAME_RUN.finditer(text):
        words = m.group().split(" ")
        for size in (3, 2):
            found = False
            for i in range(len(words) - size + 1):
                reading = foreign_persons.transcribed_person(words[i : i + size])
                if reading is None:
                    continue
                found = True
                for index, originals in reading.words:
                    word = words[i + index]
                    if word in flagged or word in seen or lexicon.zipf(word.lower()) >= _ENGLISH_NAME_ZIPF:
                        continue
                    seen.add(word)
                    yield word, originals, Locale("en").languages.get(reading.lang, "foreign")
            if found:
                break


def _one_spelling(originals: tuple[str, ...]) -> str | None:
    """The spelling to suggest of a transcription's originals: the one with its accents when they
    differ by accents only (Jose, José), none when they are two names (Kis, Kiss)."""
    if not originals or len({fold(o) for o in originals}) != 1:
        return None
    return max(originals, key=lambda o: sum(not c.isascii() for c in o))


#: How closely a word must spell another as Serbian transcribes it (respelling.similarity).
_TRANSCRIPTION = 0.95


def _transcriptions_of_names_in_article(occurrences, flagged: set[str]):
    """(word, original) for each capitalised word that spells another name of the article the way
    Serbian transcribes it ("Sijarto" beside "Szijjártó", "Baro" beside "Barrot"): an MT system
    that wrote the name right once copied the source's spelling elsewhere. Only one way round (the
    original does not spell the transcription as closely), and not a case form of it."""
    from backcheck.lang.names import forms as name_forms
    from backcheck.lang.names.phonetic import phonetic_key
    from backcheck.lang.names.respelling import foreign_forms, similarity

    words = [w for w in occurrences if w[:1].isupper() and len(w) >= 4 and not w.isupper()]
    keys: dict[str, list[str]] = {}
    for original in words:
        for key in {phonetic_key(original, True)} | {phonetic_key(f, False) for f in foreign_forms(original.lower())}:
            keys.setdefault(key, []).append(original)
    for word in words:
        if word in flagged or lexicon.zipf(word.lower()) >= _ENGLISH_NAME_ZIPF or word.lower().endswith(("ić", "ic")):
            continue  # (an -ić surname is a South Slav's: Stevanović beside the hamlet Stevanovići)
        original = _original_in_article(word, occurrences)
        if original is not None:
            yield word, original
            continue
        for original in keys.get(phonetic_key(word, False), ()):
            if fold(original) == fold(word) or original in flagged or _common_word(original):
                continue  # (a common noun in a name: Club, Theatre beside a club's Klub)
            if similarity(word, original) < _TRANSCRIPTION or similarity(original, word) >= _TRANSCRIPTION:
                continue
            if any(r.base == original for r in name_forms.readings(word)):
                continue  # a case form, read as one
            yield word, original
            break


def _original_in_article(word: str, occurrences) -> str | None:
    """The foreign person's name the article also writes that ``word`` transcribes by its
    language's letters (Šeberg beside Sjöberg; :mod:`backcheck.lang.names.foreign_persons`)."""
    from backcheck.lang.names import foreign_persons

    if foreign_persons.as_written(word) or word.lower().endswith(("ić", "ic")):
        return None
    return next(
        (
            n.original
            for n in foreign_persons.readings(word)
            if n.lang not in ("own", "en") and n.original in occurrences and foreign_persons.changed(word, n.original)
        ),
        None,
    )


#: A word English writes this often (Zipf) is a word of its own, no transcription of a name.
_ENGLISH_NAME_ZIPF = 3.0


def _foreign_languages(word: str, occurrences, text: str) -> set[str]:
    """The languages of the nationalities the article introduces the person named ``word`` with
    ("Italy's Lorenzo Musetti": it; "" for a country CLDR gives no official language), when none
    of them spells names with č, š, ž; else empty. A place of the region (Lošinj) is no person."""
    from backcheck.lang.gazetteer import is_place_as_written
    from backcheck.lang.names import nationality

    languages = {nationality.nationality_before(text, o.start) for o in occurrences}
    languages |= {nationality.nationality_after(text, _full_name_end(text, o.end)) for o in occurrences}
    languages.discard(None)
    if not languages or any(nationality.spells_slavic_letters(lang) for lang in languages if lang):
        return set()
    return set() if is_place_as_written(word) else {lang for lang in languages if lang is not None}


def _full_name_end(text: str, end: int) -> int:
    """The end of the full name a word at ``end`` is in (its capitalised words after it)."""
    m = re.match(r"(?: [" + UPPER + r"][^\W\d_]+(?:-[^\W\d_]+)*)*", text[end : end + 80])
    return end + (m.end() if m else 0)


def _women(text: str) -> dict[str, str]:
    """Surnames of the women the article introduces ("spokeswoman Ana Petrov"), folded -> as written."""
    from backcheck.lang.persons import persons

    return {fold(last): p.last for last, p in persons(text).items() if p.gender == "f"}


def _feminine_of_a_woman(word: str, women: dict[str, str]):
    """The feminine-surname reading of ``word`` when the article introduces a woman by the
    surname it is formed from ("Ana Petrov" ... "Petrova said"): the article's own evidence,
    stronger than any fitted weight. A surname the article gives someone as written is none."""
    from backcheck.lang.names.forms import Reading

    key = fold(word)
    if key in women:
        return None
    for ending in _FEMININE_ENDINGS:
        base = women.get(key[: -len(ending)]) if key.endswith(ending) else None
        if base is not None and not fold(base).endswith("ic"):
            return Reading(base, ending, "feminine")
    return None


#: A word at least this common in Serbo-Croatian is a word of the language, not a transcription.
_SOURCE_WORD_ZIPF = 3.0


def _own_spelling(word: str, base: str) -> bool:
    """A respelling that is the name's own spelling, not a foreign name transcribed: an English
    common noun that is no name (a cinema "Kriterion": criterion), or a common Serbo-Croatian
    word in its nominative only similar to the name (a theatre "Teatar", not Tatar). Phonetic transcription is
    what Serbian does to foreign people's and places' names; the common nouns inside a local
    venue's or company's name are written as the venue writes them."""
    from backcheck.lang.names.common_words import is_common_word, is_proper_noun

    if is_common_word(base) and not is_proper_noun(base):
        return True
    from backcheck.lang.names import forms as name_forms

    transcribed = fold(base.lower().replace("w", "v").replace("c", "k")) == fold(word.lower())
    if transcribed or lexicon.zipf(word.lower(), "sh") < _SOURCE_WORD_ZIPF:
        return False
    # a nominative: a word the analysis can also read as a case form is a name's case form
    return not any(r.form != "respelling" for r in name_forms.readings(word))


def _serbo_croatian_source(ctx) -> bool:
    """The English alone is taken as translated from Serbo-Croatian (backcheck's languages); with a
    source, only a Serbo-Croatian one is read with its declension and exonyms."""
    from backcheck.lang.languages import is_serbo_croatian

    return ctx.source is None or is_serbo_croatian(ctx.source.lang)


def _source_words(source) -> Counter:
    """Folded words of the source (its Latin view), with their counts; and each word after a
    preposition that takes the genitive, as ("after:" + word), and after one that takes the
    locative, as ("at:" + word)."""
    from backcheck.lang.names.forms import genitive_prepositions, locative_prepositions
    from backcheck.lang.text import to_latin

    words = [fold(w) for w in re.findall(r"[^\W\d_]+", to_latin(source.text).text)]
    after, at = genitive_prepositions(), locative_prepositions()
    pairs = list(zip(words, words[1:], strict=False))
    return (
        Counter(words)
        + Counter("after:" + w for p, w in pairs if p in after)
        + Counter("at:" + w for p, w in pairs if p in at)
    )


def _invariant_in_source(word: str, base: str, counts: Counter) -> bool:
    """The source writes the word the same way every time and never its supposed base: it is the
    name itself (Rustom), not a case form."""
    from backcheck.lang.names.forms import INVARIANT_REPEATS, oblique_local_name

    if oblique_local_name(word, []) is not None:
        return False  # -ićima, -ića: a case however often the source writes it (u Rafailovićima)
    if counts[fold(word)] < INVARIANT_REPEATS or counts[fold(base)]:
        return False
    # ... and no other case form of the base (u Šapcu and iz Šapca: Šabac, declined)
    from backcheck.lang.names.forms import readings

    key, folded_base = fold(word), fold(base)
    return not any(
        other != key
        and not other.startswith(("after:", "at:"))
        and other[:3] == key[:3]
        and any(fold(r.base) == folded_base for r in readings(other.capitalize()) if r.form != "respelling")
        for other in counts
    )


def _usual_of_a_pair(word: str, base: str, occurrences) -> bool:
    """-e read as the genitive of an -a name the article also writes, where the article writes
    the -e form more often: either may be the other's case (Rijeke of Rijeka; Živinica, the
    genitive plural of Živinice), and the article's usual form is the nominative."""
    return _a_e_pair(word, base) and len(occurrences.get(word, ())) > len(occurrences.get(base, ())) > 0


def _a_e_pair(x: str, y: str) -> bool:
    """Two forms of one stem, one in -a and one in -e: each may be the other's case."""
    return x[:-1] == y[:-1] and {x[-1:], y[-1:]} == {"a", "e"}


def _a_stem_in_source(word: str, reading, counts: Counter) -> bool:
    """An -a word read as a masculine base's case (Besna: Besan's genitive) whose -a stem forms
    the source writes ("preko Besne Kobile", "u Topli", "iz Svilaje"): it is the nominative of an
    -a name, whatever else the source writes. (A feminine surname or a possessive is its own form,
    the source's nominative copied: Kovačeva, whose genitive Kovačeve the source may write.)"""
    from backcheck.lang.names.forms import a_stem_source_forms

    if reading.form not in ("genitive", "accusative"):
        return False
    genitives, locatives = a_stem_source_forms(word)
    return any(counts["after:" + g] for g in genitives) or any(counts["at:" + f] for f in locatives)


def _declined_in_source(word: str, counts: Counter) -> bool:
    """The source never writes the word but declines it as a nominative (English "from Slatine",
    source "iz Slatina"; "around Ušće", "oko Ušća"): the translator made the nominative; a copied
    case form is one the source writes."""
    from backcheck.lang.bcms_names import is_bcms_name
    from backcheck.lang.names.forms import source_declension

    only, after_genitive = source_declension(word)
    if counts[fold(word)] or not (
        any(counts[form] for form in only) or any(counts["after:" + form] for form in after_genitive)
    ):
        return False
    # the word without its last vowel is no name of its own: "Donalde" is Donald's vocative, whose
    # genitive Donalda the source may write, not a neuter "Donalde"
    stem = word[:-1]
    return lexicon.zipf(stem.lower()) < lexicon.UNKNOWN_ZIPF and not is_bcms_name(stem)


@register
class NameExonym(Check):
    """A place left in its Serbo-Croatian (or other foreign) name where English has its own: "Beč"
    for Vienna, "Minhen" for Munich, "Njemačka" for Germany. English writes the exonym of large
    cities and of countries; the foreign name is one English text does not use (GeoNames
    alternate names of cities over 400,000 people, CLDR country names in the BCMS locales)."""

    id = "name.exonym"
    category = "name"
    severity = "major"

    def run(self, ctx):
        from backcheck.lang.gazetteer import english_exonym

        if not _serbo_croatian_source(ctx):
            return  # the exonyms are the Serbo-Croatian ones
        for word, occurrences in ctx.name_inventory.occurrences.items():
            english = english_exonym(word) if len(word) >= 3 and word[:1].isupper() else None
            if english is None or any(_name_before(o.prev) or o.next for o in occurrences):
                continue  # part of a longer name somewhere (Gjorge Ivanov, Beč Forum): not the place
            if any(_before_local_word(ctx.document.text, o.end) for o in occurrences):
                continue  # an adjective of a name kept as the source writes it (Srpska akademija ...)
            if any(_in_feature_name(ctx.document.text, o.start, o.end) for o in occurrences):
                continue  # the name of a lake, a bridge, a street (Lake Skadar, Varadin Bridge)
            for occ in occurrences:
                yield Finding(
                    self.id,
                    occ.start,
                    occ.end,
                    f'"{word}" is the local name of {english}; English writes {english}',
                    suggestion=english,
                    evidence={"english": english},
                )


#: Zipf frequency from which a capitalised word before a place is an English word opening the
#: sentence ("As Kina becomes ...") or describing it ("Latin"), not the first part of its name
_ENGLISH_BEFORE_ZIPF = 4.0


def _in_feature_name(text: str, start: int, end: int) -> bool:
    from backcheck.lang.gazetteer import feature_words

    before, after = feature_words()
    m = re.search(r"(\w+)\s+$", text[max(0, start - 20) : start])
    # the feature word may follow the name's own modifiers ("Bistrica pumped-storage hydropower
    # plant"), content words, not "and the" or "has built a"
    n = re.match(r"\s+((?:[a-z][a-z-]*\s+){0,2})([a-z]+)\b", text[end : end + 50])
    modifiers_ok = n is not None and all(lexicon.zipf(w) < _FUNCTION_WORD_ZIPF for w in n.group(1).split())
    return bool(m and m.group(1).lower() in before) or bool(n and modifiers_ok and n.group(2).lower() in after)


#: wordfreq Zipf from which a word is a function word (and, the, has), no modifier of a name
_FUNCTION_WORD_ZIPF = 5.0


def _two_listed_names(a: str, b: str) -> bool:
    """Both spellings are names a BCMS dictionary lists, neither a case form of the other."""
    from backcheck.lang.bcms_names import is_bcms_name

    return all(is_bcms_name(w) for w in (a, b)) and not (_case_form(a, b) or _case_form(b, a))


def _name_before(prev: str | None) -> bool:
    return prev is not None and lexicon.zipf(prev.lower()) < _ENGLISH_BEFORE_ZIPF


_NEXT_WORD = re.compile(r" ([a-zčćđšž]+)\b")


def _before_local_word(text: str, end: int) -> bool:
    """Followed by a lower-case word English does not know (a source-language word): the name is
    the first word of a multiword name kept in the source language, where the country's name is
    an adjective ("Hrvatska elektroprivreda", the company), not the country."""
    m = _NEXT_WORD.match(text, end)
    return m is not None and lexicon.zipf(m.group(1)) < lexicon.UNKNOWN_ZIPF


#: English derivational endings on names (Serbia → Serbian, Kosovo → Kosovar, Brexit → Brexiteer,
#: Serb → Serbia).
_ENGLISH_DERIVATIONS = ("n", "an", "ian", "ese", "i", "ite", "ism", "ist", "s", "es", "ar", "er", "eer", "ic", "ia")


#: A place's adjective in -ski (-ska, -sko, -ske) after its final consonant, softened as the
#: suffix softens it (Zabok: zabočki, Lika: lička, Kosovo: kosovski, Vareš: vareški), Babić, Gramatika
#: hrvatskoga jezika, on the suffix -ski.
_PLACE_ADJECTIVE = re.compile(r"(?:s|č|š|c|ć|ž)k[iaoe]$")
_SOFTENED = {"k": "č", "g": "ž", "h": "š", "c": "č"}


def _place_adjective(longer: str, shorter: str) -> bool:
    """Is ``longer`` the adjective of the place ``shorter`` (Hum Zabočki beside Zabok)?"""
    a, b = longer.lower(), shorter.lower()
    if not _PLACE_ADJECTIVE.search(a) or len(b) < 3:
        return False
    stem = a[:-3] + a[-3] if a[-3] in "čšžćc" else a[:-3]
    stems = {b, b[:-1]} | ({b[:-1] + _SOFTENED[b[-1]]} if b[-1] in _SOFTENED else set())
    if b[-1] in "aeio" and b[-2] in _SOFTENED:
        stems.add(b[:-2] + _SOFTENED[b[-2]])  # Lika: lič-ka
    return stem in stems or a[:-2] in stems


def _a_place(text: str, occurrences) -> bool:
    """Is the word named a place everywhere, after "the village of", "the hamlet of" ...?"""
    from backcheck.lang.names import forms as name_forms

    return all(name_forms.context_at(text, o.start, o.end).place_apposition for o in occurrences)


def _derived(longer: str, shorter: str) -> bool:
    """Is ``longer`` ``shorter`` plus an English or South Slavic ending (not a second spelling)?"""
    if _place_adjective(longer, shorter):
        return True
    if not longer.lower().startswith(shorter.lower()):
        return False
    rest = longer[len(shorter) :].lower()
    return rest in _ENGLISH_DERIVATIONS or any(rest == e for e, _ in ENDINGS)


def _spelling_key(word: str) -> str:
    """The one fold, with y read as i (Kyiv ~ Kiiv)."""
    return fold(word).replace("y", "i")


def _skeleton(word: str) -> str:
    """A spelling-independent key: transliteration variants of one name share it.

    Diacritics are stripped; digraphs that render one sound are unified (kh/ch/h, ts/c, ph/f,
    w/v, j/y/i, ck/k, q/k, x/ks); doubled letters are one sound and vowels are dropped. A
    consonant repeated across a vowel is two sounds (Kieran is not Kiernan, Yuan not Yunnan).
    """
    s = _spelling_key(word)
    for a, b in (
        ("kh", "h"),
        ("ch", "h"),
        ("ts", "c"),
        ("tz", "c"),
        ("ph", "f"),
        ("ck", "k"),
        ("q", "k"),
        ("x", "ks"),
        ("w", "v"),
        ("j", "i"),
    ):
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)
    # the first letter stays, vowel or not, to separate Iran from Ran
    return s[0] + "".join(ch for ch in s[1:] if ch not in "aeiou")


#: Both spellings at least this common in English: each is a name of its own (Davis and Davies,
#: Jong and Yong, Francis and Francois), not a slip. A transliteration slip gives a form English
#: rarely uses (Zelenskyy, Kyiv in older text), so the rarer one stays below.
_ESTABLISHED_ZIPF = 3.3


def _established(word: str) -> bool:
    return lexicon.zipf(word.lower()) >= _ESTABLISHED_ZIPF


def _listed_proper_noun(word: str) -> bool:
    """A name SCOWL's list of English proper nouns has (Slavonia, Dalmatia, Allan)."""
    from backcheck.lang.names.common_words import is_proper_noun

    return is_proper_noun(word.lower())


def _common_word(word: str) -> bool:
    """A lower-case English word capitalised by position (a headline's Live, Love, Daddy)."""
    from backcheck.lang.names.common_words import is_common_word

    return is_common_word(word)


def _plural_of(plural: str, singular: str) -> bool:
    """Is ``plural`` an English plural of ``singular``, including those of Latin and Greek
    names written with the -us, -um, -on or -a cut (Mosasaurus → Mosasaurs, Sauropoda → Sauropods)?"""
    p, s = plural.lower(), singular.lower()
    if not p.endswith("s") or len(s) < 4:
        return False
    return p[:-1] == s or any(s.endswith(cut) and p[:-1] == s[: -len(cut)] for cut in ("us", "um", "on", "a", "es"))


_NEXT_NAME = re.compile(rf"\s+([{UPPER}][\w'-]+)")


def _surnames(text: str, occurrences) -> set[str] | None:
    """The capitalised words right after each occurrence of a first name; None when one
    occurrence stands alone (then it may be either person)."""
    out = set()
    for occ in occurrences:
        m = _NEXT_NAME.match(text, occ.end)
        if not m:
            return None
        out.add(m.group(1))
    return out


def _other_people(text: str, rare, common) -> bool:
    """Two spellings of a first name, each always followed by a surname and never by the same
    one, belong to two people, each with their own romanisation (Vladimir Putin, Volodymyr
    Zelensky)."""
    a, b = _surnames(text, rare), _surnames(text, common)
    return a is not None and b is not None and not a & b


def _other_names(rare, common) -> bool:
    """Each occurrence of both forms ends a multiword name, and never the same one: the last
    words of two names, each kept in its own language (a Serbian and a Polish theatre)."""
    a, b = {o.prev for o in rare}, {o.prev for o in common}
    return None not in a and None not in b and not a & b


def _bcms_common_word(word: str) -> bool:
    """A Serbo-Croatian common word the dictionary translates and English does not know (dvori:
    courts), capitalised inside a name kept as written."""
    from backcheck.lang.glosses import translations

    return lexicon.zipf(word.lower()) < lexicon.UNKNOWN_ZIPF and bool(translations(word.lower(), "sh"))


_ADJECTIVE_GENDERS = re.compile(r"(?:sk|ck|čk)[iao]$")


def _adjective_genders(a: str, b: str) -> bool:
    """Could the two words be one -ski, -čki adjective in two genders (Imotski, Imotska)? Not a
    noun in -ška (Beška, in Beški); a noun in -čka (Bačka, in Bački) has the same shape, so the
    caller also asks the -a form to stand before a noun (Imotska Krajina)."""
    return (
        len(a) == len(b)
        and a[:-1] == b[:-1]
        and bool(_ADJECTIVE_GENDERS.search(a.lower()))
        and bool(_ADJECTIVE_GENDERS.search(b.lower()))
    )


def _case_form(form: str, base: str) -> bool:
    """Does the name-form analysis read ``form`` as a case form of ``base`` (Sandri <- Sandra)?"""
    from backcheck.lang.names import forms as name_forms

    return any(r.base == base for r in name_forms.readings(form) if r.form != "respelling")


def _exonym_pair(a: str, b: str, lang: str) -> bool:
    """Is one the source language's name of a place whose English name is the other (Bosna /
    Bosnia): CLDR's names of countries and GeoNames' of large cities."""
    from backcheck.lang.gazetteer import english_exonym
    from backcheck.lang.names.exonyms import exonyms

    if english_exonym(a) == b or english_exonym(b) == a:
        return True
    table = exonyms(lang)
    for english, local in ((a, b), (b, a)):
        stems = table.by_english.get(fold(english), ())
        if any(len(stem) >= 4 and fold(local).startswith(stem) for stem in stems):
            return True
    return False


@register
class NameInconsistent(Check):
    """One name spelled two ways in one article ("Kiev" and "Kyiv", "Zelensky" and
    "Zelenskyy"). MT systems transliterate each occurrence separately and may follow different
    conventions; English style requires one spelling. The two forms share their consonant
    skeleton after transliteration variants are unified; the rarer form is flagged.
    """

    id = "name.inconsistent"
    category = "name"
    severity = "minor"

    def run(self, ctx):
        inv = ctx.name_inventory
        yield from self._surname_misspelled(inv)
        groups: dict[str, list[str]] = {}
        for word in inv.occurrences:
            # sentence-initial words count when they are not common English words
            if len(word) >= 4 and (inv.is_name_like(word) or lexicon.zipf(word.lower()) < lexicon.KNOWN_ZIPF):
                groups.setdefault(_skeleton(word), []).append(word)
        for words in groups.values():
            if len(words) < 2:
                continue
            counts = Counter({w: len(inv.occurrences[w]) for w in words})
            (common, _), *rest = counts.most_common()
            for rare, _ in rest:
                if _derived(rare, common) or _derived(common, rare):
                    continue  # a derived or inflected form, not a second spelling
                if rare.isupper() != common.isupper():
                    continue  # an acronym and a word (IRNA / Iran)
                if _plural_of(rare, common) or _plural_of(common, rare):
                    continue  # a Latin or Greek name and its English plural (Mosasaurus / Mosasaurs)
                if _other_people(ctx.document.text, inv.occurrences[rare], inv.occurrences[common]):
                    continue  # first names of two people (Vladimir Putin, Volodymyr Zelensky)
                if _other_names(inv.occurrences[rare], inv.occurrences[common]):
                    continue  # last words of two names (Bitef Teatar, Nowy Teatr), each as written
                if _two_listed_names(rare, common):
                    continue  # two names a BCMS dictionary lists (Luka, Lika; Hodžić, Hadžić)
                if _a_place(ctx.document.text, inv.occurrences[rare]) != _a_place(
                    ctx.document.text, inv.occurrences[common]
                ):
                    continue  # a hamlet named for its family (the hamlet of Rukavine; Mile Rukavina)
                if _adjective_genders(rare, common) and any(
                    o.next for w in (rare, common) if not w.lower().endswith("i") for o in inv.occurrences[w]
                ):
                    # an adjective's genders name two things (Imotski, the town; Imotska Krajina, the
                    # -a form before its noun), not a noun's cases (Bačka, in Bački)
                    continue
                if _bcms_common_word(rare) or _bcms_common_word(common):
                    continue  # a common word of a name kept as written (Klovićevi Dvori), no spelling of Davor
                if _case_form(rare, common) or _case_form(common, rare):
                    form = rare if _case_form(rare, common) else common
                    if _common_word(form) and not _common_word(common if form == rare else rare):
                        continue  # an English word of an English name (the Clinical Centre), no case of Centar
                    # one is a Serbo-Croatian case form of the other: the odd one is the case
                    # form, whichever is more frequent, and its nominative is the spelling to use
                    form, base = (rare, common) if _case_form(rare, common) else (common, rare)
                    if _case_form(base, form) and fold(form).endswith("o") and not fold(base).endswith("o"):
                        # each a case of the other (Glavatičevo, Glavatičeva): -o is a neuter place's
                        # nominative, not the vocative news never writes of an -a name
                        form, base = base, form
                    if _a_e_pair(rare, common):
                        # -a and -e either way: an -a town's genitive (Rijeke) or a plural town's
                        # genitive plural (Živinica); the article's usual form is the nominative
                        form, base = rare, common
                    for occ in inv.occurrences[form]:
                        yield Finding(
                            self.id,
                            occ.start,
                            occ.end,
                            f'"{form}" is a Serbo-Croatian case form of "{base}", which the article '
                            f"also uses: write {base}",
                            suggestion=base,
                            evidence={"forms": dict(counts), "skeleton": _skeleton(rare), "case_form": form},
                        )
                    continue
                if _exonym_pair(rare, common, ctx.source.lang if ctx.source else "sr"):
                    continue  # a place's local name and its English one: name.exonym's business
                if SequenceMatcher(None, _spelling_key(rare), _spelling_key(common)).ratio() < 0.75:
                    continue  # same consonants, different names (Milan, Molina)
                if _spelling_key(rare) != _spelling_key(common) and (
                    _established(rare)
                    and _established(common)
                    or _common_word(rare)
                    or _common_word(common)
                    or (_listed_proper_noun(rare) and _listed_proper_noun(common))
                ):
                    # two words English uses in their own right (Alan / Allan, Live / Love), or two
                    # names an English list of proper nouns has each (Slavonia / Slovenia)
                    continue
                if (
                    _transcribes(common, rare)
                    or (_foreign_letters(rare) and not _foreign_letters(common))
                    or _spelled_by_rules(common, rare)
                ):
                    # the usual form is the Serbian transcription of the rarer one (Fereira, Ferreira),
                    # or the rarer one has letters Serbo-Croatian does not write (Yıldırım, Jildirim):
                    # the transcription is the one to change, however often the article writes it
                    why = f'"{common}" is the Serbian transcription of "{rare}"'
                    yield from self._spelling_findings(inv, common, rare, counts, why)
                    continue
                yield from self._spelling_findings(inv, rare, common, counts, f'the article uses "{common}" more often')

    def _spelling_findings(self, inv, wrong: str, right: str, counts, why: str):
        """A finding at each occurrence of the spelling to change, ``why`` ending its message."""
        for occ in inv.occurrences[wrong]:
            yield Finding(
                self.id,
                occ.start,
                occ.end,
                f'"{wrong}" and "{right}" look like two spellings of one name; {why}',
                suggestion=right,
                evidence={"forms": dict(counts), "skeleton": _skeleton(wrong)},
            )

    def _surname_misspelled(self, inv):
        """An -ić surname that the article never introduces with a first name, one letter from one
        it does ("Emir Kadrić" ... "Kadić said"): news introduces each person by full name before
        the bare surname, so the bare one is the introduced person's surname misspelled or
        replaced. Two -ić surnames, as the case endings sit after -ić and leave it unchanged."""
        introduced = {
            w: min(o.start for o in occ if _name_before(o.prev))
            for w, occ in inv.occurrences.items()
            if _ic_surname(w) and any(_name_before(o.prev) for o in occ)
        }
        for word, occurrences in inv.occurrences.items():
            if not _ic_surname(word) or word in introduced or any(o.prev or o.next for o in occurrences):
                continue  # introduced itself, or part of a longer name somewhere
            first = min(o.start for o in occurrences)
            near = [w for w, at in introduced.items() if at < first and _one_letter_apart(fold(word), fold(w))]
            if len(near) != 1:
                continue
            for occ in occurrences:
                yield Finding(
                    self.id,
                    occ.start,
                    occ.end,
                    f'"{word}" is never introduced, and the article introduces "{near[0]}" earlier: '
                    f"the same person's surname misspelled?",
                    suggestion=near[0],
                    evidence={"introduced": near[0]},
                )


def _transcribes(word: str, other: str) -> bool:
    """Is ``word`` the Serbian transcription of ``other`` (Fereira of Ferreira), and not the
    other way round, ``other`` being a name English writes?"""
    from backcheck.lang.names.respelling import respellings

    return any(fold(base) == fold(other) for base, score in respellings(word) if score >= 0.95)


def _spelled_by_rules(word: str, other: str) -> bool:
    """Is ``word`` ``other`` spelled by a foreign language's letter rules as Serbian transcribes
    it (Kacifas of the Greek Katsifas), and no name of its own?"""
    from backcheck.lang.bcms_names import is_bcms_name
    from backcheck.lang.gazetteer import is_place
    from backcheck.lang.names.foreign_persons import as_written, transcription_of

    if is_place(word) or is_bcms_name(word) or as_written(word):
        return False  # a name as written in its own right (Podgorica, not a spelling of Podgoritsa)
    return transcription_of(word, other)


#: The letters of the Serbo-Croatian Latin alphabet (Gaj's): a name with any other letter (ı, ğ,
#: é, ö, w, y) is spelled as its own language spells it, never as Serbian transcribes it.
_GAJ_LETTERS = frozenset("abcčćdđefghijklmnoprsštuvzž")


def _foreign_letters(word: str) -> bool:
    return any(c.isalpha() and c not in _GAJ_LETTERS for c in word.lower())


def _ic_surname(word: str) -> bool:
    """An -ić surname (or -ic, its accent dropped; not a Slovene or Hungarian -ič)."""
    return len(word) >= 5 and word.lower().endswith(("ić", "ic")) and word[:1].isupper() and word[1:].islower()


def _one_letter_apart(a: str, b: str) -> bool:
    """One letter changed, added or dropped, before the shared -ic (Kadric / Kadic, Becic / Besic)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long) - 2))
