"""Word-frequency bands (wordfreq's Zipf scale) that the name heuristics share.

Zipf 3 is a word seen about once per million words, 4 about ten times; see
:mod:`backcheck.lang.lexicon`. One name per band, so that two heuristics meaning the same
threshold cannot drift apart.
"""

from __future__ import annotations

#: Zipf from which a word is a common word of its language (about ten per million words): a
#: capitalised one is more likely a word than a rare name.
COMMON_WORD_ZIPF = 4.0
#: Zipf frequency of a word its language knows as a word (not a rare name).
KNOWN_SOURCE_WORD = 3.0
#: Zipf points by which English may write a source word less often than its own language does and
#: still share it as a name (Biden, Putin); further below, the word is the source language's own.
SHARED_NAME_MARGIN = 1.5
