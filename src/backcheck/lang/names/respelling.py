"""English names a Serbian spelling stands for: "Makron" → Macron, "Vašington" → Washington.

Serbian (and Montenegrin, often Bosnian) writes foreign names as they sound, and an MT system
copies that spelling into English. To read it back, the words English writes (wordfreq's 60,000
commonest, names included) are indexed by the consonant skeleton that English and Slavic
spellings of one name share (:func:`~backcheck.lang.names.phonetic.phonetic_key`); a token's
candidates are the English words with its skeleton, ranked by how closely the token matches the
way Serbian transcribes each of them (CMUdict pronunciations, :mod:`backcheck.lang.pronounce`).
The index is built on first use (0.6 s) and kept beside the translation cache (0.1 s after).
"""

from __future__ import annotations

import os
from difflib import SequenceMatcher
from functools import cache, lru_cache

from backcheck.lang import lexicon
from backcheck.lang.names.phonetic import phonetic_key
from backcheck.lang.pronounce import transcriptions
from backcheck.lang.text import fold
from backcheck.paths import cache_path

#: How many of English's commonest words are indexed (wordfreq's list, names included).
_INDEXED_WORDS = 60000
#: A candidate English word must be at least this common (Zipf): a name English text writes.
_CANDIDATE_ZIPF = 2.8
#: ... and the token must spell it this closely, as Serbian transcribes it (difflib ratio).
_MIN_SIMILARITY = 0.75
#: A token English writes itself (Zipf) is no respelling of another word.
_TOKEN_ZIPF = 1.0


@cache
def _index() -> dict[str, tuple[str, ...]]:
    from importlib.metadata import version

    kept = cache_path().parent / f"respellings-{version('wordfreq')}-{_INDEXED_WORDS}.tsv"
    try:
        rows = kept.read_text(encoding="utf-8").splitlines()
        return {key: tuple(words.split(" ")) for key, words in (row.split("\t") for row in rows)}
    except (OSError, ValueError):
        pass
    from wordfreq import top_n_list

    index: dict[str, list[str]] = {}
    for word in top_n_list("en", _INDEXED_WORDS):
        if word.isalpha() and len(word) >= 4:
            index.setdefault(phonetic_key(word, True), []).append(word)
    try:  # best effort: without a writable cache directory the index is built each run
        kept.parent.mkdir(parents=True, exist_ok=True)
        tmp = kept.with_name(f".{kept.name}.{os.getpid()}")
        tmp.write_text("\n".join(f"{k}\t{' '.join(v)}" for k, v in index.items()), encoding="utf-8")
        os.replace(tmp, kept)
    except OSError:
        pass
    return {k: tuple(v) for k, v in index.items()}


def similarity(token: str, english: str) -> float:
    """How closely ``token`` spells ``english`` as Serbian would (0-1): the best match among the
    word's Serbian transcriptions and the word itself."""
    folded = fold(token)
    spoken = {fold(t) for t in transcriptions(english)}
    spellings = spoken or {fold(english)}  # the pronunciation when CMUdict has it, else the spelling
    return max(SequenceMatcher(None, folded, s).ratio() for s in spellings)


@lru_cache(maxsize=65536)
def respellings(token: str) -> tuple[tuple[str, float], ...]:
    """English names ``token`` may be a Serbian spelling of, with their similarity, best first."""
    if len(token) < 4 or lexicon.zipf(token.lower()) >= _TOKEN_ZIPF:
        return ()
    from backcheck.lang.bcms_names import is_bcms_name

    if is_bcms_name(token) or fold(token).endswith("ic"):
        return ()  # a BCMS name (Marić) is spelled its own way, not respelled from English
    key = phonetic_key(token, False)
    found = []
    from backcheck.lang.names.common_words import is_common_word

    for word in _index().get(key, ()):
        if word == token.lower() or lexicon.zipf(word) < _CANDIDATE_ZIPF or is_common_word(word):
            continue  # a name English writes, not a common word (Area, Early)
        score = similarity(token, word)
        if score >= _MIN_SIMILARITY:
            found.append((word.capitalize(), score))
    return tuple(sorted(found, key=lambda c: -c[1])[:3])
