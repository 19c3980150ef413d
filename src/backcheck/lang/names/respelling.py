"""English names a Serbian spelling stands for: "Makron" → Macron, "Vašington" → Washington,
"Bočeli" → Bocelli, "Cicipas" → Tsitsipas.

Serbian (and Montenegrin, often Bosnian) writes foreign names as they sound, and an MT system
copies that spelling into English. To read it back, the words English writes (wordfreq's
commonest, names included) are indexed by the consonant skeleton that English and Slavic
spellings of one name share (:func:`~backcheck.lang.names.phonetic.phonetic_key`), and by the
skeletons of the word read as German, Italian, Greek, Hungarian or French spell it (Pravopis srpskoga
jezika, the letter rules of ``sh_name_forms.toml`` [respelling]); a token's candidates are the
English words with its skeleton, ranked by how closely the token matches the way Serbian
transcribes each of them (CMUdict pronunciations, :mod:`backcheck.lang.pronounce`, and those
letter rules). A candidate found only by another language's reading must be spelled exactly so.
The index is built on first use (about 7 s of CPU) and kept beside the translation cache (0.15 s
to read after).
"""

from __future__ import annotations

import os
import re
import tomllib
from difflib import SequenceMatcher
from functools import cache, lru_cache

from backcheck.lang import lexicon
from backcheck.lang.names.phonetic import phonetic_key
from backcheck.lang.pronounce import loose_transcriptions, transcriptions
from backcheck.lang.text import fold
from backcheck.paths import cache_path

#: Bump when the index's keys change: a kept index is rebuilt.
#: 2: keyed by the Serbian spellings of each word; 3: rarer names; 4-7: French; 8: Cyrillic romanised; 9: German ä
_INDEX_FORMAT = "9"
#: How many of English's commonest words are indexed (wordfreq's list, names included).
_INDEXED_WORDS = 200000
#: A candidate English word must be at least this common (Zipf): a name English text writes.
_CANDIDATE_ZIPF = 2.8
#: ... or this common when a dictionary of names, places or pronunciations knows it (Scholz).
_NAME_ZIPF = 1.8
#: ... and the token must spell it this closely, as Serbian transcribes it (difflib ratio). (0.92
#: was tried: on the tune articles it spared 4 local names, Beljo: Bello, Livaja: Levi, for 2
#: transcriptions, but on the test articles it lost 2 transcriptions and spared no name.)
_MIN_SIMILARITY = 0.85
#: ... or this closely when a BCMS dictionary lists the token (a transcription it records).
_LISTED_SIMILARITY = 0.9
#: ... or this common, spelled exactly (a rarer foreign name English news writes: Tsitsipas).
_RARE_NAME_ZIPF = 1.0
#: A token English writes itself (Zipf) is no respelling of another word.
_TOKEN_ZIPF = 1.0


@cache
def _index() -> dict[str, tuple[str, ...]]:
    from importlib.metadata import version

    kept = cache_path().parent / f"respellings-{version('wordfreq')}-{_INDEXED_WORDS}-{_INDEX_FORMAT}.tsv"
    try:
        rows = kept.read_text(encoding="utf-8").splitlines()
        return {key: tuple(words.split(" ")) for key, words in (row.split("\t") for row in rows)}
    except (OSError, ValueError):
        pass
    from wordfreq import top_n_list

    index: dict[str, list[str]] = {}
    from wordfreq import zipf_frequency

    for word in top_n_list("en", _INDEXED_WORDS):
        if word.isalpha() and len(word) >= 4 and zipf_frequency(word, "en") >= _RARE_NAME_ZIPF:
            # by its English skeleton and by those of its Serbian letter-by-letter spellings, read
            # as English, German, Italian, Greek or Hungarian (Bocelli: Bočeli, Tsitsipas: Cicipas)
            keys = {phonetic_key(word, True)} | {phonetic_key(form, False) for form in foreign_forms(word)}
            for key in keys:
                index.setdefault(key, []).append(word)
    try:  # best effort: without a writable cache directory the index is built each run
        kept.parent.mkdir(parents=True, exist_ok=True)
        tmp = kept.with_name(f".{kept.name}.{os.getpid()}")
        tmp.write_text("\n".join(f"{k}\t{' '.join(v)}" for k, v in index.items()), encoding="utf-8")
        os.replace(tmp, kept)
    except OSError:
        pass
    return {k: tuple(v) for k, v in index.items()}


@cache
def _letter_rules() -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """The letter rules of ``sh_name_forms.toml`` [respelling], each set with its name (the
    English set first)."""
    from importlib.resources import files

    text = files("backcheck.lang").joinpath("data", "sh_name_forms.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)["respelling"]
    return tuple((name, tuple((a, b) for a, b in rules)) for name, rules in table.items())


#: Letter rules read only to match a source's spelling (spelled(..., any_french=True)).
_MATCHING_ONLY = frozenset({"spanish", "portuguese", "polish", "polish_soft"})
#: A French final consonant after a vowel or r, which French does not pronounce (Berthelot:
#: Bertelo, Huppert: Iper, Gérard: Žerar).
_FRENCH_SILENT = re.compile(r"(?<=[aeiour])[tdsxz]$")


def _read(word: str, name: str, rules: tuple[tuple[str, str], ...], any_french: bool = False) -> tuple[str, ...]:
    """``word`` read by one set of letter rules; French also without its silent final consonant.
    French rules read a French-looking name only, unless ``any_french`` (a source spelling to
    match is given: Huppert / Iper)."""
    if name == "french" and (
        not (any_french or _FRENCH_LOOKING.search(word)) or lexicon.zipf(word) >= _FRENCH_COMMON_ZIPF
    ):
        # French rules only for a French-looking name (not Mourinho, jetski, trumpet, pilot)
        return ()
    if name in _MATCHING_ONLY and not any_french:
        return ()
    form = _apply(word, rules)
    if name == "french" and _FRENCH_SILENT.search(form):
        return form, _FRENCH_SILENT.sub("", form)
    return (form,)


#: A spelling French has and English rarely: accents, -eau(x), -aux, -ault, -ois, -oix, -ot.
_FRENCH_LOOKING = re.compile(r"[éèêëç]|eaux?$|aux$|ault$|oi[sx]$|(?<!o)ot$")
#: A word English writes this often (Zipf) is read the English way, not the French (pilot).
_FRENCH_COMMON_ZIPF = 3.0


def _apply(word: str, rules: tuple[tuple[str, str], ...]) -> str:
    """``word`` with each rule applied left to right, the first rule that matches at a position
    winning (as the table lists them)."""
    pattern, table = _compiled(rules)
    return _DOUBLE.sub(r"\1", pattern.sub(lambda m: table[m.group()], word))


@cache
def _compiled(rules: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    # the alternation in the table's order: at each position the first listed rule that matches
    table: dict[str, str] = {}
    for a, b in rules:
        table.setdefault(a, b)
    return re.compile("|".join(re.escape(a) for a in table)), table


_DOUBLE = re.compile(r"([^\W\d_])\1")


def foreign_forms(word: str) -> set[str]:
    """The word read by the letter rules of the other languages (German, Italian, Greek,
    Hungarian), where that changes it: the English skeleton stands for the English reading."""
    return {form for name, rules in _letter_rules()[1:] for form in _read(word, name, rules) if form != word}


@lru_cache(maxsize=65536)
def spelled(english: str, any_french: bool = False) -> tuple[str, ...]:
    """``english`` written letter by letter in Serbian spelling (Connor -> konor, Humphreys ->
    humfreis), with and without a final silent e (Gugle, Gugl)."""
    forms = []
    for name, rules in _letter_rules():
        for word in _read(english.lower(), name, rules, any_french):
            forms.append(word)
            if len(word) > 4 and word.endswith("e") and word[-2] not in "aeiou":
                forms.append(word[:-1])
    return tuple(dict.fromkeys(forms))


_KEEP = str.maketrans({"č": "\x01", "ć": "\x01", "š": "\x02", "ž": "\x03", "đ": "\x04"})
_RESTORE = str.maketrans({"\x01": "č", "\x02": "š", "\x03": "ž", "\x04": "đ"})


def _sounds(word: str) -> str:
    """The word folded, but with č (and ć), š, ž and đ kept."""
    return fold(word.lower().translate(_KEEP)).translate(_RESTORE)


def similarity(token: str, english: str) -> float:
    """How closely ``token`` spells ``english`` as Serbian would (0-1): the best match among the
    word's Serbian transcriptions (CMUdict), its letter-by-letter Serbian spelling and the word
    itself."""
    # č, š, ž and đ are sounds a transcription writes for ch, sh, zh and j: compared as they are
    # (Velež is no Vélez, whose z is z), other accents dropped (Bocelli's é-less)
    folded = _sounds(token)
    spellings = _spellings(english)
    # Serbian transcribes what it hears and drops silent vowels (George: Džordž), but it adds no
    # syllable: a token with more vowel groups than a spelling is another word (Berane is no
    # "Berne", Sutivan no "Stivan").
    # A case ending after the whole spelling (Donalde, Trumpa) is the declension's, not a syllable
    # the transcription added.
    # Nor does it add a final consonant: Dženan is no "Džena" (Jena).
    syllables = _syllables(folded)
    return max(
        (
            SequenceMatcher(None, folded, s).ratio()
            for s in spellings
            if (_syllables(s) >= syllables or (folded.startswith(s) and folded[len(s) :] in _CASE_VOWELS))
            and not (folded.startswith(s) and _CONSONANTS.fullmatch(folded[len(s) :]))
        ),
        default=0.0,
    )


def _spellings(english: str) -> set[str]:
    """The ways Serbian may write an English word: its CMUdict transcriptions, strict and loose,
    its letter-by-letter spellings and the word itself."""
    return (
        {_sounds(t) for t in transcriptions(english)}
        | {_sounds(t) for t in loose_transcriptions(english)}
        | {_sounds(t) for t in spelled(english)}
        | {fold(english)}
    )


def _italian_only(token: str, english: str) -> bool:
    """Is ``token`` ``english`` read by the Italian letter rules alone, though the word does not
    end in a vowel as Italian names do?"""
    if english[-1:].lower() in "aeiou" or token.lower() in transcriptions(english):
        return False
    readers = {name for name, rules in _letter_rules() if token.lower() in _read(english.lower(), name, rules)}
    return readers == {"italian"}


#: A syllabic r, the vowel of Serbo-Croatian words and names (Prša, Krk, Brčko, Mrkovi) that no
#: English name's transcription has: r between consonants or before one at the start.
_SYLLABIC_R = re.compile(r"(?:^|[^aeiou])r(?=[^aeiouj])")


def _added_letters(token: str, english: str) -> bool:
    """Does ``token`` have letters no transcription of ``english`` writes: two more than its
    longest spelling (Senianka is no Seneca), or a syllabic r where every spelling has a vowel
    beside the r (Prša is no Porsche)? Transcription drops silent letters, never adds any."""
    folded = _sounds(token)
    spellings = _spellings(english)
    if len(folded) > max(len(x) for x in spellings) + 1:
        return True
    return bool(_SYLLABIC_R.search(folded)) and not any(_SYLLABIC_R.search(x) for x in spellings)


#: One-vowel case endings after a whole English spelling (Donalde, Trumpa, Bidenu).
_CASE_VOWELS = frozenset({"a", "e", "u", "o"})
_CONSONANTS = re.compile(r"[^aeiou]+")
_VOWELS = re.compile(r"[aeiou]+|(?<![aeiou])y(?![aeiou])")


def _syllables(word: str) -> int:
    """Vowel groups of a folded word (the syllables of a Serbian spelling; in an English one a y
    away from vowels is one too: Lynn, but not Leyen)."""
    return len(_VOWELS.findall(word))


#: Letters Serbian transcription writes for English letters or clusters (š for sh, j for y, k for
#: c or ck, v for w, č for ch, ž for s, đ for j, dž for j or g): a near spelling that has none
#: of them where the English word lacks them changes vowels or drops letters, which a
#: transcription does not do (Velora is no Vellore).
_MARKS = frozenset("čšžđjkv")


def _transcription_mark(token: str, english: str) -> bool:
    return bool((set(token.lower()) - set(english.lower())) & _MARKS)


@lru_cache(maxsize=65536)
def respellings(token: str) -> tuple[tuple[str, float], ...]:
    """English names ``token`` may be a Serbian spelling of, with their similarity, best first."""
    if len(token) < 4 or lexicon.zipf(token.lower()) >= _TOKEN_ZIPF:
        return ()
    from backcheck.lang.bcms_names import is_bcms_name
    from backcheck.lang.gazetteer import is_place, is_place_as_written
    from backcheck.lang.names.common_words import is_common_word, is_proper_noun

    if fold(token).endswith("ic") or is_place_as_written(token) or "ć" in token.lower():
        # a BCMS surname (Marić) or a place (Šabac) is spelled its own way; ć transcribes no
        # foreign sound Serbian meets in a name's Latin spelling (Ćeline is no Céline)
        return ()
    # The Serbian dictionary lists transcribed foreign names too (Vašington, Džeremi, Makron):
    # such a token must spell its English name more closely.
    listed = is_bcms_name(token)
    key = phonetic_key(token, False)
    found = []
    for word in _index().get(key, ()):
        if word == token.lower():
            continue
        proper = is_proper_noun(word) or is_place(word, local=False)  # a BCMS village is no English name
        zipf = lexicon.zipf(word)
        score = similarity(token, word)
        exact = score >= 0.99
        if (
            phonetic_key(word, True) != key
            and token.lower() not in foreign_forms(word)
            and token.lower() not in transcriptions(word)
        ):
            # found by a foreign reading of its letters (Bocelli: Bočeli): only when spelled
            # exactly so, č, š, ž and all (Zetski is no žetski, a jetski)
            continue
        # a rarer name (Tsitsipas, Szijjártó) only spelled exactly as Serbian reads its language,
        # by a longer token no BCMS dictionary lists
        if _italian_only(token, word):
            continue  # Italian names end in a vowel (Bocelli, Conte): "cosign" read so is no Kosinj
        if not exact and _added_letters(token, word):
            continue
        rare = zipf >= _RARE_NAME_ZIPF and exact and not listed and len(token) >= 6
        if zipf < _NAME_ZIPF and not rare:
            continue
        # a name English writes often enough, spelled exactly as Serbian reads its language, even
        # when the Serbian dictionary lists the transcription (Alijev: Aliyev)
        listed_exact = exact and zipf >= _NAME_ZIPF and len(token) >= 6
        if zipf < _CANDIDATE_ZIPF and not (proper or transcriptions(word) or rare or listed_exact):
            continue
        if is_common_word(word) and not proper:
            continue  # a common word (Area, Early, Raucous) is no name; Turkey is both
        if word.endswith("in") and is_common_word(word + "g"):
            continue  # an -in' of speech (shootin, nothin) is no name
        # a case vowel after a name that ends in a consonant (Donalde) or for its final vowel
        # (Sumatro), not another vowel inside it (Velora is no Vellore)
        declined = token[-1:].lower() in _CASE_VOWELS and (
            (word[-1:].lower() not in "aeiouy" and similarity(token[:-1], word) >= 0.99)
            or fold(token[:-1]) == fold(word[:-1])
        )
        if not exact and not declined and not _transcription_mark(token, word):
            continue  # a near spelling with no letter Serbian transcription writes (Velora: Vellore)
        if score >= (_LISTED_SIMILARITY if listed else _MIN_SIMILARITY):
            found.append((word.capitalize(), score))
    return tuple(sorted(found, key=lambda c: (-c[1], -lexicon.zipf(c[0].lower())))[:3])
