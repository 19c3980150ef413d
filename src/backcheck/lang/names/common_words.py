"""Whether an English word is a common word (Webster's and the system's SCOWL lists) rather than a name."""

from __future__ import annotations

from functools import lru_cache

from backcheck.lang import lexicon

#: SCOWL word lists as Debian ships them (wamerican, wbritish and their -large variants): modern
#: English with inflected forms, proper nouns capitalised (internet, aerospace / Halloween, Nazi).
_SYSTEM_WORD_LISTS = ("/usr/share/dict/american-english*", "/usr/share/dict/british-english*")


def _lists_stamp() -> str:
    """The versions of the word lists: english-words' and the SCOWL files' sizes and times."""
    import os
    from glob import glob

    from backcheck.paths import versions

    parts = [versions("english-words")]
    for pattern in _SYSTEM_WORD_LISTS:
        for path in sorted(glob(pattern)):
            try:
                st = os.stat(path)
            except OSError:
                continue
            parts.append(f"{st.st_size:x}{int(st.st_mtime):x}")
    return "-".join(parts)


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """English words written in lower case (kept beside the translation cache once built)."""
    from backcheck.paths import kept

    return frozenset(kept(f"common-words-{_lists_stamp()}.txt", lambda: sorted(_build_common_words())))


@lru_cache(maxsize=1)
def _proper_nouns() -> frozenset[str]:
    """Words the lists write capitalised (Michigan, Google, Turkey): names, some of which are also
    common words in lower case (turkey, rowan); kept beside the translation cache once built."""
    from backcheck.paths import kept

    return frozenset(kept(f"proper-nouns-{_lists_stamp()}.txt", lambda: sorted(_build_proper_nouns())))


def _build_common_words() -> frozenset[str]:
    """English words written in lower case: Webster's Second (english-words) plus the system's
    SCOWL lists when installed."""
    from glob import glob

    from english_words import get_english_words_set

    words = set(get_english_words_set(["web2"], lower=False, alpha=True))
    for pattern in _SYSTEM_WORD_LISTS:
        for path in glob(pattern):
            try:
                with open(path, encoding="utf-8", errors="replace") as fh:
                    words.update(w for w in fh.read().split() if w.isalpha())
            except OSError:
                continue
    return frozenset(w for w in words if w.islower())


def _build_proper_nouns() -> frozenset[str]:
    from glob import glob

    from english_words import get_english_words_set

    words = {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w[:1].isupper()}
    for pattern in _SYSTEM_WORD_LISTS:
        for path in glob(pattern):
            try:
                with open(path, encoding="utf-8", errors="replace") as fh:
                    words.update(w for w in fh.read().split() if w.isalpha() and w[:1].isupper() and not w.isupper())
            except OSError:
                continue
    return frozenset(w.lower() for w in words)


def is_proper_noun(word: str) -> bool:
    """Do the word lists write ``word`` capitalised, as a name (Michigan, Turkey, Google)?"""
    return word.lower() in _proper_nouns()


#: Zipf frequency below which a sentence-initial word is too rare in English to be read as a common word.
_MIN_COMMON_ZIPF = 1.5
#: Zipf frequency from which a word with a derivational suffix is a common word, not a name.
_DERIVED_ZIPF = 2.0
#: Zipf frequency from which a word the lists have is common enough to be one: the lists also
#: have obscure words (petar, bora) that are names in news; a long word (_LONG_WORD letters or
#: more) is rarely a name, so it needs less.
_WORD_ZIPF = 3.0
_LONG_WORD_ZIPF = 2.0
_LONG_WORD = 9

#: English inflections a dictionary does not list (Scuffles, Promoted, Likening ← scuffle, ...).
_INFLECTIONS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"))


def _inflected_common_word(word: str) -> bool:
    """Is a capitalised word a lower-case dictionary word or an inflection of one?

    Only for sentence-initial words, where the capital says nothing: a rare common word
    ("Aftershocks rattled the city") opens a sentence as often as a name does.
    """
    lower = word.lower()
    if word.isupper() or lexicon.zipf(lower) < _MIN_COMMON_ZIPF:
        return False
    words = _common_words()
    return lower in words or any(
        lower.endswith(suffix) and len(lower) - len(suffix) >= 3 and lower[: len(lower) - len(suffix)] + base in words
        for suffix, base in _INFLECTIONS
    )


#: English derivational suffixes of common nouns and adjectives, which names do not carry.
#: Negative prefixes of English adjectives and participles (uncategorised, non-aligned), and the
#: shortest common word after one
_NEGATIVE_PREFIXES = ("un", "non-", "non")
_PREFIXED_REST = 5
_DERIVATIONAL = ("tion", "sion", "ment", "ness", "ity", "ical", "ism", "ship", "ology", "ative", "ous", "ful", "less")


def is_common_word(word: str) -> bool:
    """Is ``word`` a frequent English common noun, adjective or verb (Webster's lists it in lower case)?

    Webster's keeps proper nouns capitalised, which tells "Government" (capitalised by house
    style) from "Paraguay"; wordfreq cannot, as it folds case.
    """
    lower = word.lower()
    if lower.endswith(_DERIVATIONAL) and lexicon.zipf(lower) >= _DERIVED_ZIPF:
        return True  # names are not derived with -tion, -ical, -ment ... (Hydrometeorological Center)
    for prefix in _NEGATIVE_PREFIXES:
        if (
            lower.startswith(prefix)
            and len(lower) - len(prefix) >= _PREFIXED_REST
            and is_common_word(lower[len(prefix) :])
        ):
            return True  # a negated common word (Uncategorised Roads, Non-aligned): no name
    # Webster's lists singulars: Mountains, Parks, Churches, Companies
    singulars = (
        [lower[:-3] + "y", lower[:-2], lower[:-1]]
        if lower.endswith("ies")
        else [lower[:-2], lower[:-1]]
        if lower.endswith("es")
        else [lower[:-1]]
        if lower.endswith("s")
        else []
    )
    if len(lower) >= _LONG_WORD and _compound_of_words(lower):
        return True  # a compound of two common words (Stonemasonry, Hydrogeologist)
    if max(lexicon.zipf(f) for f in [lower] + singulars) < (
        _LONG_WORD_ZIPF if len(lower) >= _LONG_WORD else _WORD_ZIPF
    ):
        # the lists also have obscure words (petar, bora, candela) that are names in news; a
        # long word is rarely one (Congresswoman)
        return False
    words = _common_words()
    return lower in words or any(f in words for f in singulars)


#: Shortest part, and lowest Zipf frequency of each part, of a compound of two common words.
_COMPOUND_PART = 4
_COMPOUND_PART_ZIPF = 3.0
#: A compound this frequent that the lists lack is a name, not a rare common word.
_COMPOUND_MAX_ZIPF = 2.5


def _compound_of_words(lower: str) -> bool:
    """Is a long word two common English words joined (stone|masonry, hydro|geologist) and no name
    the lists know (Newcastle, Washington)? A name of a person or place rarely splits so."""
    if is_proper_noun(lower) or lexicon.zipf(lower) >= _COMPOUND_MAX_ZIPF:
        return False  # a frequent word the lists lack is a name (Bloomberg)
    words = _common_words()
    return any(
        lower[:i] in words
        and lower[i:] in words
        and min(lexicon.zipf(lower[:i]), lexicon.zipf(lower[i:])) >= _COMPOUND_PART_ZIPF
        for i in range(_COMPOUND_PART, len(lower) - _COMPOUND_PART + 1)
    )
