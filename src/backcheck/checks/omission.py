"""Source sentences with no translation, English sentences with no source, aligned pairs whose
content is much shorter or longer on one side, and source clauses whose names and numbers the
English lost."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from backcheck.checks.base import Check, Finding, register
from backcheck.config import THRESHOLDS
from backcheck.lang import lexicon
from backcheck.lang.languages import family as language_family
from backcheck.model.document import BOILERPLATE, CAPTION, DISCLAIMER

#: Bounds of the ratio (content letters of the English) / (content letters of the source) for
#: an aligned pair. Measured by ``scripts/calibrate_omission.py`` on NTREX-128 reversed (hrv,
#: srp-Latn, srp-Cyrl, bos as source, 7,000 professional pairs with >= 40 content letters):
#: median 0.88, 0.5th percentile 0.50, 99.5th 1.28; with these bounds 0.46% of clean pairs
#: fall below and 0.14% above.
OMISSION_RATIO = THRESHOLDS["omission_ratio"].default
ADDITION_RATIO = THRESHOLDS["addition_ratio"].default
#: A source clause whose every name and number is missing from the English (see
#: :func:`unrendered_clauses`) is reported as dropped when the pair's content ratio is below
#: CLAUSE_OMISSION_RATIO, or when the English has no more content than the rest of the source
#: (the ratio without the clause at most CLAUSE_REST_RATIO: no room left for the clause in other
#: words). Both are fitted on the tune split by ``scripts/calibrate_omission.py`` (its clause
#: sweep); the registry in :mod:`backcheck.config` records the figures.
CLAUSE_OMISSION_RATIO = THRESHOLDS["clause_omission_ratio"].default
CLAUSE_REST_RATIO = THRESHOLDS["clause_rest_ratio"].default
#: Pairs whose source has fewer content letters than this are too short for a ratio.
MIN_CONTENT = 40
_WORD = re.compile(r"[^\W\d_]+")
#: Languages whose wordfreq lists are used as they are (no extra segmenter needed).
_WORDFREQ_LANGS = {"en", "sh", "de", "fr", "es", "it", "pl", "cs", "ru", "pt", "nl", "sl", "mk", "bg", "uk"}


@lru_cache(maxsize=4096)
def content_letters(text: str, lang: str) -> int:
    """Letters in the content words of ``text``: frequent function words do not count, so a
    synthetic language (case endings) and an analytic one (articles, prepositions) compare."""
    family = language_family(lang)
    wf_lang = "sh" if family == "sh" else family
    if family == "sh":
        from backcheck.lang.text import has_cyrillic, to_latin

        if has_cyrillic(text):
            text = to_latin(text).text
    total = 0
    for m in _WORD.finditer(text):
        word = m.group().lower()
        if wf_lang in _WORDFREQ_LANGS:
            frequent = lexicon.zipf(word, wf_lang) > lexicon.FUNCTION_ZIPF
        else:  # no word list (or one that needs a segmenter): short words are function words
            frequent = len(word) <= 3
        if not frequent:
            total += len(word)
    return total


def content_ratio(source_text: str, source_lang: str, target_text: str, target_lang: str) -> tuple[float, int, int]:
    src, tgt = content_letters(source_text, source_lang), content_letters(target_text, target_lang)
    return (tgt / src if src else float("inf") if tgt else 1.0), src, tgt


#: Where a source sentence divides into clauses: punctuation, and (BCMS) the conjunctions and
#: relative pronouns that open a coordinate or subordinate clause.
_CLAUSE_PUNCT = re.compile(r"(?<!\d)[,–]|[,–](?!\d)|[;:()\[\]\"“”„«»—]|\s-\s")
_SH_CLAUSE_WORD = re.compile(
    r"\s(?=(?:a|ali|te|pa|dok|jer|kad|kada|iako|ako|nego|što|kako|gdje|gde|"
    r"koj(?:i|a|e|eg|ega|em|emu|im|ima|ih|oj|u))\s)",
    re.IGNORECASE,
)


@lru_cache(maxsize=2)
def _weekdays(english: bool) -> tuple[tuple[re.Pattern, int], ...]:
    """English or Serbo-Croatian day-name patterns (CLDR via babel) with the day's number.
    Serbo-Croatian declines them (utorak, utorka; subota, subotu), so the declined forms count
    too; Sunday is left out there, because nedjelja/nedelja also means "week"."""
    from babel import Locale

    if english:
        days = Locale("en").days["format"]["wide"]
        return tuple((re.compile(rf"\b{name}s?\b"), day) for day, name in days.items())
    out = []
    for locale in ("hr", "sr_Latn"):
        for day, name in Locale.parse(locale).days["format"]["wide"].items():
            if day == 6:
                continue
            stem, endings = (name[:-2], "ak|ka|ku|kom") if name.endswith("ak") else (name[:-1], "a|e|u|om|i")
            out.append((re.compile(rf"\b{stem}(?:{endings})\b", re.IGNORECASE), day))
    return tuple(out)


def _days(text: str, english: bool) -> list[tuple[int, int]]:
    """(offset, day) of each day name in ``text``."""
    return sorted({(m.start(), day) for pattern, day in _weekdays(english) for m in pattern.finditer(text)})


def _same_number(source, english) -> bool:
    """Whether two quantities agree under their own languages' reading: "25.000" in the source
    is twenty-five thousand, so an English "25" does not render it."""
    from backcheck.lang.numbers import matches

    if not matches(source, english):
        return False
    common = source.values & english.values
    return not common or source.primary is None or source.primary in common  # no common: a unit conversion


@dataclass(frozen=True)
class Clause:
    start: int  #: offsets into the source text
    end: int
    content: int  #: content letters of the clause


def unrendered_clauses(source_text: str, source_lang: str, target_text: str) -> list[Clause]:
    """Source clauses with names, numbers or (BCMS) days of the week, none of which has a
    counterpart in the English.

    A translation moves words around but keeps names and numbers; a clause whose every anchor
    is gone was dropped as a whole (or rewritten beyond recognition), not merely reworded.
    """
    from backcheck.lang.names.correspondence import correspondence
    from backcheck.lang.names.exonyms import exonyms
    from backcheck.lang.names.tokens import english_tokens, source_tokens
    from backcheck.lang.numbers import extract
    from backcheck.lang.text import to_latin

    # Names are matched in Latin letters, whatever the source's script.
    view = to_latin(source_text)
    latin = view.text
    table = exonyms(source_lang)
    # Only capitalised English words: a phonetic skeleton matches some lower-case word too often.
    en_words = [t for t in english_tokens(target_text, 0, len(target_text)) if t.capitalised]
    en_numbers = [q for q in extract(target_text, "en") if not q.weak]
    # A capitalised word that opens the sentence or a quotation is too often a common word.
    names = [t for t in source_tokens(latin, 0, len(latin), source_lang, table, view) if t.name and not t.initial]
    numbers = [q for q in extract(latin, source_lang) if not q.weak]
    sh = language_family(source_lang) == "sh"
    days = _days(latin, english=False) if sh else []
    en_days = {day for _, day in _days(target_text, english=True)} if sh else set()
    splitter = _SH_CLAUSE_WORD if sh else None
    cuts = sorted(
        {
            0,
            len(latin),
            *(m.start() for m in _CLAUSE_PUNCT.finditer(latin)),
            *((m.start() for m in splitter.finditer(latin)) if splitter else ()),
        }
    )
    missing = []
    for start, end in zip(cuts, cuts[1:]):
        here_names = [t for t in names if start <= t.start < end]
        here_numbers = [q for q in numbers if start <= q.start < end]
        here_days = [day for pos, day in days if start <= pos < end]
        if not here_names and not here_numbers and not here_days:
            continue
        if (
            any(
                correspondence(e, t, table) or (t.text.isupper() and e.text.isupper() and len(e.text) > 1)
                for t in here_names
                for e in en_words
            )  # acronyms are translated (SAD / US)
            or any(_same_number(q, e) for q in here_numbers for e in en_numbers)
            or any(day in en_days for day in here_days)
        ):
            continue
        start += len(latin[start:end]) - len(latin[start:end].lstrip(" ,;:–—-"))
        a, b = view.original_range(start, end)
        missing.append(Clause(a, b, content_letters(source_text[a:b], source_lang)))
    return missing


def dropped_clauses(
    source_text: str,
    source_lang: str,
    target_text: str,
    source_content: int,
    target_content: int,
    clause_ratio: float = CLAUSE_OMISSION_RATIO,  # type: ignore[assignment]  # registered defaults are set
    rest_ratio: float = CLAUSE_REST_RATIO,  # type: ignore[assignment]
) -> tuple[list[Clause], float]:
    """The unrendered clauses of an aligned pair that its length says were left out (none when
    the English is long enough to render them in other words), and the content ratio of the
    English to the rest of the source. Only for BCMS sources, where the bounds were calibrated
    and clauses are split at conjunctions too: on DEMETR's other languages it added 1.1 points of
    false flags on clean sentences for 1.5 to 5.5 points of recall on removed words."""
    ratio = target_content / source_content if source_content else 1.0
    if ratio > max(clause_ratio, rest_ratio) or language_family(source_lang) != "sh":
        return [], ratio  # (the rest ratio is never below the pair's own)
    clauses = unrendered_clauses(source_text, source_lang, target_text)
    if not clauses:
        return [], ratio
    rest = target_content / max(1, source_content - sum(c.content for c in clauses))
    if ratio >= clause_ratio and rest > rest_ratio:
        return [], rest
    return clauses, rest


def _neighbour(ctx, index: int):
    """The translation sentence next to an omission: the last one aligned before it, else the next."""
    before = [p.target[-1] for p in ctx.alignment[:index] if p.target]
    after = [p.target[0] for p in ctx.alignment[index + 1 :] if p.target]
    if before:
        return ctx.document.sentences[before[-1]], "after"
    if after:
        return ctx.document.sentences[after[0]], "before"
    return None, None


@register
class Omission(Check):
    """Source content missing from the English: a source sentence with no translation, an
    aligned English sentence much shorter in content words than its source, or a source clause
    whose names and numbers are all absent while the English is short enough to have left it out.
    Professional translation keeps content-word length within a band measured on clean news
    (function words do not count, so case endings and English articles cancel out), and it keeps
    names and numbers even when it rewords everything around them.
    """

    id = "omission"
    category = "omission"
    severity = "major"
    requires_source = True

    def run(self, ctx):
        for k, (pair, src, tgt) in enumerate(ctx.aligned_pairs):
            if src and not tgt:
                anchor, where = _neighbour(ctx, k)
                if anchor is None:
                    continue
                text = " ".join(s.text for s in src)
                yield Finding(
                    self.id,
                    anchor.start,
                    anchor.end,
                    (
                        "a sentence of the original is missing "
                        if len(src) == 1
                        else f"{len(src)} sentences of the original are missing "
                    )
                    + f'{where} this one: "{text[:120]}{"…" if len(text) > 120 else ""}"',
                    detail=f"{len(src)} source sentence(s) aligned to no English sentence",
                    source_start=src[0].start,
                    source_end=src[-1].end,
                    evidence={"bead": pair.kind, "source_sentences": list(pair.source)},
                )
            elif src and tgt:
                english = " ".join(t.text for t in tgt)
                if len(src) >= 2 and len(tgt) == 1 and (dropped := self._merged_dropped(ctx, src, tgt[0], english)):
                    yield dropped
                    continue
                ratio, s_len, t_len = content_ratio(
                    " ".join(s.text for s in src), ctx.source.lang, english, ctx.document.lang
                )
                if s_len < MIN_CONTENT:
                    continue
                evidence = {
                    "bead": pair.kind,
                    "content_ratio": round(ratio, 3),
                    "source_content": s_len,
                    "target_content": t_len,
                }
                if ratio < ctx.config.threshold("omission_ratio"):
                    yield Finding(
                        self.id,
                        tgt[0].start,
                        tgt[-1].end,
                        "this sentence says much less than the original: part of it may be missing",
                        detail=f"the English has {ratio:.0%} of the source's content words ({t_len} vs {s_len} letters)",
                        source_start=src[0].start,
                        source_end=src[-1].end,
                        evidence=evidence,
                    )
                else:
                    yield from self._dropped_clause(ctx, src, tgt, english, evidence)

    def _merged_dropped(self, ctx, src, sentence, english: str) -> Finding | None:
        """A source sentence the aligner merged with a neighbour into one English sentence, none
        of whose translatable content words the English renders, while the other sentences' are:
        the English translates the neighbour and leaves this one out ("Presuda nije pravosnažna.")."""
        from backcheck.lang.glosses import rendered_words

        least = int(ctx.config.threshold("merged_sentence_min_words"))
        counts = [rendered_words(s.text, english, ctx.source.lang) for s in src]
        silent = [k for k, (hit, known) in enumerate(counts) if known >= least and hit == 0]
        if len(silent) != 1:
            return None
        others = [(hit, known) for k, (hit, known) in enumerate(counts) if k != silent[0]]
        if not all(known and hit / known >= 0.5 for hit, known in others):
            return None  # the others are not plainly rendered: the bead may be misaligned
        s = src[silent[0]]
        where = "before" if silent[0] == 0 else "after"
        return Finding(
            self.id,
            sentence.start,
            sentence.end,
            f'a sentence of the original is missing {where} this one: "{s.text[:120]}{"…" if len(s.text) > 120 else ""}"',
            detail=f"none of its {counts[silent[0]][1]} translatable content words is rendered in the English "
            "sentence it was aligned with, which renders the other source sentence",
            source_start=s.start,
            source_end=s.end,
            evidence={"rendered_words": [list(c) for c in counts]},
        )

    def _dropped_clause(self, ctx, src, tgt, english, evidence):
        base = src[0].start
        clauses, rest = dropped_clauses(
            ctx.source.text[base : src[-1].end],
            ctx.source.lang,
            english,
            evidence["source_content"],
            evidence["target_content"],
            ctx.config.threshold("clause_omission_ratio"),
            ctx.config.threshold("clause_rest_ratio"),
        )
        if not clauses:
            return
        first, last = clauses[0], clauses[-1]
        dropped = ctx.source.text[base + first.start : base + last.end]
        yield Finding(
            self.id,
            tgt[0].start,
            tgt[-1].end,
            f'this part of the original seems missing here: "{dropped[:120]}{"…" if len(dropped) > 120 else ""}"',
            detail=(
                "none of its names or numbers is in the English, which has "
                f"{evidence['content_ratio']:.0%} of the source's content words"
            ),
            source_start=base + first.start,
            source_end=base + last.end,
            evidence={
                **evidence,
                "rest_ratio": round(rest, 3),
                "clauses": [ctx.source.text[base + c.start : base + c.end] for c in clauses],
            },
        )


#: page furniture aligned with an article sentence: a caption, residue, the MT disclaimer
_FURNITURE = (CAPTION, BOILERPLATE, DISCLAIMER)


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

    def run(self, ctx):
        for pair, src, tgt in ctx.aligned_pairs:
            if tgt and not src:
                if all(ctx.document.blocks[t.block].kind in _FURNITURE for t in tgt):
                    continue  # a photo caption the source page does not have: page furniture
                for t in tgt:
                    yield Finding(
                        self.id,
                        t.start,
                        t.end,
                        "this sentence is not in the original: check whether it was added",
                        detail="an English sentence aligned to no source sentence",
                        evidence={"bead": pair.kind},
                    )
            elif src and tgt:
                tgt = [t for t in tgt if ctx.document.blocks[t.block].kind not in _FURNITURE]
                if not tgt:
                    continue
                ratio, s_len, t_len = content_ratio(
                    " ".join(s.text for s in src), ctx.source.lang, " ".join(t.text for t in tgt), ctx.document.lang
                )
                if s_len >= MIN_CONTENT and ratio > ctx.config.threshold("addition_ratio"):
                    yield Finding(
                        self.id,
                        tgt[0].start,
                        tgt[-1].end,
                        "this sentence says much more than the original: something may be added",
                        detail=f"the English has {ratio:.0%} of the source's content words ({t_len} vs {s_len} letters)",
                        source_start=src[0].start,
                        source_end=src[-1].end,
                        evidence={
                            "bead": pair.kind,
                            "content_ratio": round(ratio, 3),
                            "source_content": s_len,
                            "target_content": t_len,
                        },
                    )
