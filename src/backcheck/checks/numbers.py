"""Numbers, amounts, percentages and dates that differ between the source and the English."""

from __future__ import annotations

import dataclasses

from backcheck.lang.numbers.quantities import Quantity, extract, matches, reads_all_months, spells_numbers
from backcheck.checks.base import Check, Finding, register
from backcheck.checks.omission import aligned_pairs

#: Which kind a mismatch is reported as when the two sides disagree (the more specific wins).
_KIND_ORDER = ("date", "percent", "amount", "year", "time", "count")


def _quantities(doc, sentences) -> list[Quantity]:
    out = []
    for s in sentences:
        for q in extract(s.text, doc.lang):
            out.append(dataclasses.replace(q, start=s.start + q.start, end=s.start + q.end))
    return out


def _kind(*qs: Quantity) -> str:
    return min((q.kind for q in qs), key=_KIND_ORDER.index)


def _domain(q: Quantity) -> str:
    return "month" if any(d == "month" for d, _ in q.values) else "n"


def compare(source_qs: list[Quantity], target_qs: list[Quantity], source_lang: str):
    """Pairs ``(source, target)`` that disagree, with ``None`` on the side that has no partner.

    A quantity is accounted for when the other side has one whose readings intersect (set
    matching: a value repeated on one side and said once on the other is not an error). Weak
    quantities ("one", "thousands") only ever account for others. A spelled-out English number
    is judged only when the source language's number words are known, since otherwise its
    source counterpart cannot be read.
    """
    words_known = spells_numbers(source_lang)
    missing = [s for s in source_qs if not s.weak and not any(matches(s, t) for t in target_qs)]
    unsupported = [t for t in target_qs if not t.weak and not any(matches(t, s) for s in source_qs)
                   and (words_known or not t.word)]
    out = []
    # A weak source quantity ("dva", "both") is never reported as missing, but it is the
    # counterpart of a changed value ("dva" -> "three") when no other is left.
    spare = [s for s in source_qs if s.weak and not any(matches(s, t) for t in target_qs)]
    for t in unsupported:
        partner = next((s for s in missing + spare if _domain(s) == _domain(t)), None)
        if partner in missing:
            missing.remove(partner)
        elif partner is not None:
            spare.remove(partner)
        elif t.word or (_domain(t) == "month" and not reads_all_months(source_lang)):
            # A number word in an idiom ("back nine", "four from four"), or a month the source
            # may name in a form not read here (Polish "wrześniowym"): reported only against a
            # source value that went missing.
            continue
        out.append((partner, t))
    out.extend((s, None) for s in missing)
    return out


def _disagreements(ctx):
    """``(source sentences, translation sentences, [(source, target)])`` per aligned pair with
    sentences on both sides, computed once per document for both checks."""
    if "numbers.disagreements" not in ctx.cache:
        ctx.cache["numbers.disagreements"] = [
            (src, tgt, compare(_quantities(ctx.source, src), _quantities(ctx.document, tgt), ctx.source.lang))
            for _, src, tgt in aligned_pairs(ctx) if src and tgt]
    return ctx.cache["numbers.disagreements"]


@register
class NumberMismatch(Check):
    """A number, amount, percentage, date or year in the English that the aligned source
    sentence does not contain. Values are read with each language's conventions (decimal comma
    and thousands dot in the source, "1,5 miliona" = 1.5 million, "11. juna" = June 11, number
    words), so only a changed value is flagged; a changed date or amount can be made critical
    in the configuration, and the evidence names the kind.
    """

    id = "number.mismatch"
    category = "number"
    severity = "major"
    requires_source = True
    example = 'source "rast od 7,4 odsto"  →  "growth of 4.7 percent" (source says 7.4)'

    def run(self, ctx):
        for src_sents, _, disagreements in _disagreements(ctx):
            for s, t in disagreements:
                if t is None:
                    continue
                kind = _kind(t, s) if s else _kind(t)
                evidence = {"kind": kind, "target_value": t.display, "target_text": t.text,
                            "source_value": s.display if s else None, "source_text": s.text if s else None}
                if s:
                    yield Finding(self.id, t.start, t.end,
                                  f'{kind} "{t.text}" differs from the source "{s.text}" ({s.display})',
                                  suggestion=s.display, source_start=s.start, source_end=s.end,
                                  evidence=evidence)
                else:
                    yield Finding(self.id, t.start, t.end,
                                  f'{kind} "{t.text}" has no counterpart in the source sentence',
                                  source_start=src_sents[0].start, source_end=src_sents[-1].end,
                                  evidence=evidence)


@register
class NumberMissing(Check):
    """A number, amount, percentage or date of the source sentence that the aligned English
    does not contain in any notation. Translation may reformat a value ("1.500" → "1,500",
    "dvije trećine" → "two thirds") but must not drop it; the finding points at the English
    sentence and at the value in the source.
    """

    id = "number.missing"
    category = "number"
    severity = "major"
    requires_source = True
    example = 'source "u 15 časova 11. juna"  →  "at 3 p.m." (the date June 11 is missing)'

    def run(self, ctx):
        for _, tgt_sents, disagreements in _disagreements(ctx):
            for s, t in disagreements:
                if t is not None:
                    continue
                yield Finding(self.id, tgt_sents[0].start, tgt_sents[-1].end,
                              f'{s.kind} "{s.text}" ({s.display}) of the source is missing from the translation',
                              source_start=s.start, source_end=s.end,
                              evidence={"kind": s.kind, "source_value": s.display, "source_text": s.text})
