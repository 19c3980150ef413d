"""English lexicon look-ups (wordfreq), imported on first use.

wordfreq's Zipf scale: 6 is "the", 3 is a word seen about once per million words, below 1 a word
English text practically never contains. A capitalised word below :data:`UNKNOWN_ZIPF` is not an
English word; a stem at or above :data:`KNOWN_ZIPF` is a name or word English text uses.
"""

from __future__ import annotations

from functools import lru_cache

UNKNOWN_ZIPF = 1.2
KNOWN_ZIPF = 3.0
#: A Zipf frequency above which a word is a function word (the, of, je, u, da), in any language:
#: the omission checks count only the letters of the other words (``scripts/calibrate_omission.py``
#: showed that filtering only these gives the narrowest band of clean content ratios).
FUNCTION_ZIPF = 6.5


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str = "en") -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)


def is_english_word(word: str) -> bool:
    return zipf(word.lower()) >= UNKNOWN_ZIPF
