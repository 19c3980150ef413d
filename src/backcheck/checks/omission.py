"""Source sentences with no translation, English sentences with no source, and aligned pairs
whose content is much shorter or longer on one side."""

from __future__ import annotations

import re
from functools import lru_cache

from ..numbers import language_family
from .base import Check, Finding, register
from .source import agreement

#: Bounds of the ratio (content letters of the English) / (content letters of the source) for
#: an aligned pair. Measured by ``scripts/calibrate_omission.py`` on NTREX-128 reversed (hrv,
#: srp-Latn, srp-Cyrl, bos as source, 7,000 professional pairs with >= 40 content letters):
#: median 0.88, 0.5th percentile 0.50, 99.5th 1.28; with these bounds 0.46% of clean pairs
#: fall below and 0.14% above.
OMISSION_RATIO = 0.5
ADDITION_RATIO = 1.4
#: Pairs whose source has fewer content letters than this are too short for a ratio.
MIN_CONTENT = 40
#: A wordfreq Zipf frequency above which a word is a function word (the, of, je, u, da). The
#: calibration script showed that filtering only these gives the narrowest clean band.
FUNCTION_ZIPF = 6.5
_WORD = re.compile(r"[^\W\d_]+")
#: Languages whose wordfreq lists are used as they are (no extra segmenter needed).
_WORDFREQ_LANGS = {"en", "sh", "de", "fr", "es", "it", "pl", "cs", "ru", "pt", "nl", "sl", "mk", "bg", "uk"}


def aligned_pairs(ctx):
    """``(pair, source sentences, translation sentences)`` for each bead of the alignment.

    Nothing when there is no alignment, or when the source is not this translation's source
    (another article, another language): that is one document-level flag (``source.mismatch``),
    not a flag per sentence.
    """
    if ctx.alignment is None or ctx.source is None or not agreement(ctx).matches:
        return
    for pair in ctx.alignment:
        yield (pair, [ctx.source.sentences[i] for i in pair.source],
               [ctx.document.sentences[i] for i in pair.target])


@lru_cache(maxsize=65536)
def word_zipf(word: str, lang: str) -> float:
    """A word's Zipf frequency in wordfreq's list for ``lang`` (cached: checks ask often)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)


def content_letters(text: str, lang: str) -> int:
    """Letters in the content words of ``text``: frequent function words do not count, so a
    synthetic language (case endings) and an analytic one (articles, prepositions) compare."""
    family = language_family(lang)
    wf_lang = "sh" if family == "sh" else family
    if family == "sh":
        from ..translit import has_cyrillic, to_latin

        if has_cyrillic(text):
            text = to_latin(text).text
    total = 0
    for m in _WORD.finditer(text):
        word = m.group().lower()
        if wf_lang in _WORDFREQ_LANGS:
            frequent = word_zipf(word, wf_lang) > FUNCTION_ZIPF
        else:  # no word list (or one that needs a segmenter): short words are function words
            frequent = len(word) <= 3
        if not frequent:
            total += len(word)
    return total


def content_ratio(source_text: str, source_lang: str, target_text: str, target_lang: str) -> tuple[float, int, int]:
    src, tgt = content_letters(source_text, source_lang), content_letters(target_text, target_lang)
    return (tgt / src if src else float("inf") if tgt else 1.0), src, tgt


def _neighbour(ctx, index: int):
    """The translation sentence next to an omission: the last one aligned before it, else the next."""
    before = [p.target[-1] for p in ctx.alignment[:index] if p.target]
    after = [p.target[0] for p in ctx.alignment[index + 1:] if p.target]
    if before:
        return ctx.document.sentences[before[-1]], "after"
    if after:
        return ctx.document.sentences[after[0]], "before"
    return None, None


@register
class Omission(Check):
    """Source content missing from the English: a source sentence with no translation, or an
    aligned English sentence much shorter in content words than its source. Professional
    translation keeps content-word length within a band that was measured on clean news
    (function words are left out of the count, so case endings and English articles cancel out).
    """

    id = "omission"
    category = "omission"
    severity = "major"
    requires_source = True
    example = "a source sentence with a quotation has no English counterpart  →  flagged at the sentence before"

    def run(self, ctx):
        for k, (pair, src, tgt) in enumerate(aligned_pairs(ctx)):
            if src and not tgt:
                anchor, where = _neighbour(ctx, k)
                if anchor is None:
                    continue
                text = " ".join(s.text for s in src)
                yield Finding(self.id, anchor.start, anchor.end,
                              f"{len(src)} source sentence(s) have no translation ({where} this sentence): "
                              f"\"{text[:120]}{'…' if len(text) > 120 else ''}\"",
                              source_start=src[0].start, source_end=src[-1].end,
                              evidence={"bead": pair.kind, "source_sentences": list(pair.source)})
            elif src and tgt:
                ratio, s_len, t_len = content_ratio(" ".join(s.text for s in src), ctx.source.lang,
                                                    " ".join(t.text for t in tgt), ctx.document.lang)
                if s_len >= MIN_CONTENT \
                        and ratio < ctx.config.threshold("omission_ratio", OMISSION_RATIO):
                    yield Finding(self.id, tgt[0].start, tgt[-1].end,
                                  f"the translation has {ratio:.0%} of the source's content words "
                                  f"({t_len} vs {s_len} letters): part of the source may be missing",
                                  source_start=src[0].start, source_end=src[-1].end,
                                  evidence={"bead": pair.kind, "content_ratio": round(ratio, 3),
                                            "source_content": s_len, "target_content": t_len})


@register
class Addition(Check):
    """English content with no source: a translated sentence aligned to nothing, or an aligned
    sentence much longer in content words than its source. MT systems hallucinate clauses and
    repeat sentences; a human translation stays within a measured content-length band.
    """

    id = "addition"
    category = "addition"
    severity = "major"
    requires_source = True
    example = "an English sentence with no source sentence  →  the whole sentence"

    def run(self, ctx):
        for pair, src, tgt in aligned_pairs(ctx):
            if tgt and not src:
                for t in tgt:
                    yield Finding(self.id, t.start, t.end, "this sentence has no counterpart in the source",
                                  evidence={"bead": pair.kind})
            elif src and tgt:
                ratio, s_len, t_len = content_ratio(" ".join(s.text for s in src), ctx.source.lang,
                                                    " ".join(t.text for t in tgt), ctx.document.lang)
                if s_len >= MIN_CONTENT and ratio > ctx.config.threshold("addition_ratio", ADDITION_RATIO):
                    yield Finding(self.id, tgt[0].start, tgt[-1].end,
                                  f"the translation has {ratio:.0%} of the source's content words "
                                  f"({t_len} vs {s_len} letters): it may add content",
                                  source_start=src[0].start, source_end=src[-1].end,
                                  evidence={"bead": pair.kind, "content_ratio": round(ratio, 3),
                                            "source_content": s_len, "target_content": t_len})
