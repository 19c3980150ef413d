"""Sentence alignment between a source article and its translation.

The result is a list of :class:`AlignedPair` in document order. Beads are 1-1, 1-2, 2-1 (merged
or split sentences), 1-0 (a source sentence with no translation: omitted) and 0-1 (a translated
sentence with no source: added). Only the article sentences of both documents (no page residue,
no disclaimer) take part; indices are ``Sentence.index`` values of each document.

The cost of a bead is Gale and Church's (1993) length cost (translated length is proportional
to source length with a variance that grows with length), a prior for the bead type, and
anchors: numbers and names that both sides share pull a bead together, ones only one side has
push it apart, and, when an engine ran, the back-translation's character n-gram overlap with the
source does the same. Dynamic programming finds the cheapest path, so one dropped or merged
sentence costs one 1-0 or 2-1 bead and the pairs after it stay in place.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from backcheck.lang.names.phonetic import phonetic_key
from backcheck.lang.text import fold, to_latin


@dataclass(frozen=True)
class AlignedPair:
    source: tuple[int, ...]  #: indices into the source Document's sentences
    target: tuple[int, ...]  #: indices into the translation Document's sentences
    score: float = 0.0  #: alignment confidence in [0, 1]

    @property
    def kind(self) -> str:
        return f"{len(self.source)}-{len(self.target)}"


#: Bead types with their prior cost, -log of Gale and Church's bead frequencies relative to 1-1.
_BEADS = {(1, 1): 0.0, (1, 2): 2.3, (2, 1): 2.3, (1, 0): 4.0, (0, 1): 4.0, (2, 2): 4.0}
_VARIANCE = 6.8  #: Gale and Church's variance per source character
_NUMBER = re.compile(r"\d+(?:[.,\s]\d+)*")
_CAPITAL = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZČĆŠŽĐ][^\W\d_]{2,}")
_QUOTE = re.compile(r"[\"“”„«»]")
_OPENING = re.compile(r"^[\W\d_]+")


@dataclass(frozen=True)
class _Features:
    length: int
    numbers: frozenset[str]
    names: frozenset[str]
    quoted: bool
    grams: Counter


@lru_cache(maxsize=8192)
def _features(text: str, english: bool) -> _Features:
    latin = to_latin(text).text
    numbers = frozenset(re.sub(r"\D", "", m.group()) for m in _NUMBER.finditer(latin))
    # a sentence's first word is capitalised as every first word is, after an opening quotation
    # mark or bracket too („Nemamo vremena ...")
    body = _OPENING.sub("", latin)
    names = frozenset(phonetic_key(m.group(), english)[:4] for m in _CAPITAL.finditer(body))
    folded = fold(latin)
    grams = Counter(folded[i : i + 3] for i in range(len(folded) - 2))
    return _Features(len(latin), numbers, names, bool(_QUOTE.search(text)), grams)


def _merge(feats: list[_Features], with_grams: bool) -> _Features:
    if len(feats) == 1:
        return feats[0]
    grams: Counter = Counter()
    for f in feats if with_grams else ():
        grams.update(f.grams)
    return _Features(
        sum(f.length for f in feats),
        frozenset().union(*(f.numbers for f in feats)),
        frozenset().union(*(f.names for f in feats)),
        any(f.quoted for f in feats),
        grams,
    )


def _length_cost(src_len: int, tgt_len: int, ratio: float) -> float:
    """-log P(match | lengths) after Gale and Church, with the document's own length ratio."""
    mean = (src_len + tgt_len / ratio) / 2
    if mean == 0:
        return 0.0
    delta = (tgt_len / ratio - src_len) / math.sqrt(mean * _VARIANCE)
    prob = math.erfc(abs(delta) / math.sqrt(2))  # two-tailed normal tail
    return -math.log(max(prob, 1e-12))


def anchor_agreement(src: _Features, tgt: _Features) -> tuple[int, int]:
    """(anchors both sides share, anchors only one side has)."""
    shared = len(src.numbers & tgt.numbers) + len(src.names & tgt.names)
    unshared = len(src.numbers ^ tgt.numbers) + len(src.names ^ tgt.names)
    return shared, unshared


def _dice(a: Counter, b: Counter) -> float:
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 0.0


def _bead_cost(src: _Features | None, tgt: _Features | None, prior: float, ratio: float, back: Counter | None) -> float:
    if src is None or tgt is None:
        return prior
    cost = prior + _length_cost(src.length, tgt.length, ratio)
    shared, unshared = anchor_agreement(src, tgt)
    cost += -1.5 * shared + min(1.5 * unshared, 3.0)  # capped: a replaced name must not unpair a sentence
    if src.quoted != tgt.quoted:
        cost += 0.5
    if back is not None:
        cost -= 6.0 * (_dice(back, src.grams) - 0.25)
    return cost


def _sentences(doc, other) -> list:
    """The article sentences of ``doc``; its photo captions only when ``other`` has captions too
    (a caption the other page lacks would take a sentence's place in the alignment)."""
    from backcheck.model.document import CAPTION

    keep_captions = any(b.kind == CAPTION for b in other.blocks)
    return [s for s in doc.article_sentences if keep_captions or doc.blocks[s.block].kind != CAPTION]


def align(source_doc, target_doc, backtranslations: dict[int, str] | None = None) -> list[AlignedPair]:
    """Align the article sentences of ``source_doc`` and ``target_doc`` (see the module docstring).

    ``backtranslations`` maps a translation sentence index to its back-translation into the
    source language, when an engine produced one.
    """
    src_sents, tgt_sents = _sentences(source_doc, target_doc), _sentences(target_doc, source_doc)
    src_f = [_features(s.text, english=False) for s in src_sents]
    tgt_f = [_features(s.text, english=True) for s in tgt_sents]
    back = None
    if backtranslations:
        back = [
            Counter(_features(backtranslations[s.index], english=False).grams) if s.index in backtranslations else None
            for s in tgt_sents
        ]
    n, m = len(src_f), len(tgt_f)
    src_total, tgt_total = sum(f.length for f in src_f), sum(f.length for f in tgt_f)
    # The document's own ratio, shrunk towards 1: omissions lower it and must not be absorbed.
    ratio = (1 + min(max(tgt_total / src_total, 0.6), 1.7)) / 2 if src_total and tgt_total else 1.0

    # Features of each run of one or two sentences, computed once for all the cells that use it.
    src_runs = {(i, di): _merge(src_f[i : i + di], back is not None) for di in (1, 2) for i in range(n - di + 1)}
    tgt_runs = {(j, dj): _merge(tgt_f[j : j + dj], False) for dj in (1, 2) for j in range(m - dj + 1)}

    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    step: list[list[tuple[int, int, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    # A band around the diagonal: beads are local, and it keeps long articles linear.
    band = max(10, (max(n, m) - min(n, m)) + 10)
    for i in range(n + 1):
        centre = i * m / n if n else 0
        for j in range(max(0, int(centre) - band), min(m, int(centre) + band) + 1):
            here = cost[i][j]
            if here == inf:
                continue
            for (di, dj), prior in _BEADS.items():
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                s = src_runs[i, di] if di else None
                t = tgt_runs[j, dj] if dj else None
                bt = None
                if back is not None and dj:
                    grams = [g for g in back[j:nj] if g is not None]
                    if len(grams) == dj:
                        bt = sum(grams, Counter())
                c = _bead_cost(s, t, prior, ratio, bt)
                if here + c < cost[ni][nj]:
                    cost[ni][nj] = here + c
                    step[ni][nj] = (i, j, c)

    pairs: list[AlignedPair] = []
    i, j = n, m
    while i or j:
        came_from = step[i][j]
        assert came_from is not None  # every cell on the path was reached
        pi, pj, c = came_from
        pairs.append(
            AlignedPair(
                tuple(s.index for s in src_sents[pi:i]),
                tuple(s.index for s in tgt_sents[pj:j]),
                round(1 / (1 + math.exp(c - 2.0)), 3),
            )
        )
        i, j = pi, pj
    pairs.reverse()
    return pairs


#: Shorter sources are not language-checked: identification of a sentence or two is unreliable.
_MIN_LANGID_CHARS = 200
#: Length and the share of anchors judge a document only when both sides have this many article
#: sentences: within one or two sentences a changed number, a name in another form or a dropped
#: clause moves both as far as another article would (DEMETR's one-sentence items did), and
#: that is for the sentence checks to flag.
_MIN_SENTENCES = 3
#: Shorter texts are another article only when they share none of at least this many anchors.
_SHORT_MIN_ANCHORS = 8


@dataclass(frozen=True)
class SourceAgreement:
    """Does a source document correspond to the translation at all?"""

    matches: bool
    reason: str | None
    shared_anchors: float  #: share of the rarer side's anchors (names, numbers) found on the other


def assess(source_doc, target_doc, alignment: list[AlignedPair]) -> SourceAgreement:
    """Tell a translation's own source from another article.

    Names and numbers survive translation, so a real source shares most of them with the
    translation; another article shares few. Short texts with few anchors fall back on length.
    A text of one or two sentences is judged by language and, strictly, by anchors only: a
    large difference there is an omission or an addition, which the sentence checks flag.
    """
    src_anchor: set[str] = set()
    tgt_anchor: set[str] = set()
    for s in _sentences(source_doc, target_doc):
        f = _features(s.text, english=False)
        src_anchor |= f.numbers | f.names
    for s in _sentences(target_doc, source_doc):
        f = _features(s.text, english=True)
        tgt_anchor |= f.numbers | f.names
    src_len = sum(len(s.text) for s in _sentences(source_doc, target_doc))
    tgt_len = sum(len(s.text) for s in _sentences(target_doc, source_doc))
    short = min(len(_sentences(source_doc, target_doc)), len(_sentences(target_doc, source_doc))) < _MIN_SENTENCES
    if src_len >= _MIN_LANGID_CHARS:
        from backcheck.lang.langid import IDENTIFIABLE, detect, same_language

        found = detect(" ".join(s.text for s in _sentences(source_doc, target_doc)))
        if (
            found.confidence >= 0.9
            and source_doc.lang in IDENTIFIABLE
            and not same_language(source_doc.lang, found.lang)
        ):
            return SourceAgreement(
                False, f"the source reads as {found.lang} ({found.script}), not {source_doc.lang} as declared", 0.0
            )
    fewer = min(len(src_anchor), len(tgt_anchor))
    shared = len(src_anchor & tgt_anchor) / fewer if fewer else 1.0
    if (fewer >= _SHORT_MIN_ANCHORS and shared == 0) if short else (fewer >= 4 and shared < 0.2):
        return SourceAgreement(
            False,
            f"the source shares {len(src_anchor & tgt_anchor)} of "
            f"{fewer} names and numbers with the translation: another article?",
            shared,
        )
    if not short and src_len and tgt_len and not 0.25 <= tgt_len / src_len <= 4.0:
        return SourceAgreement(False, f"the translation is {tgt_len / src_len:.1f} times as long as the source", shared)
    unaligned = sum(1 for p in alignment if not p.source or not p.target)
    if len(alignment) >= 6 and unaligned / len(alignment) > 0.6:
        return SourceAgreement(False, f"{unaligned} of {len(alignment)} sentences have no counterpart", shared)
    return SourceAgreement(True, None, shared)
