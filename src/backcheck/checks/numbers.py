"""Numbers, amounts, percentages and dates that differ between the source and the English."""

from __future__ import annotations

import re

from backcheck.checks.base import Check, Finding, register
from backcheck.lang.numbers import Quantity
from backcheck.lang.numbers.quantity import units_disagree
from backcheck.lang.numbers.units import unit_end

#: Which kind a mismatch is reported as when the two sides disagree (the more specific wins).
_KIND_ORDER = ("date", "percent", "amount", "year", "time", "count")


def _kind(*qs: Quantity) -> str:
    return min((q.kind for q in qs), key=_KIND_ORDER.index)


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
    severity = "critical"
    requires_source = True

    def run(self, ctx):
        for src_sents, _, disagreements in ctx.number_disagreements:
            for s, t in disagreements:
                if t is None:
                    continue
                kind = _kind(t, s) if s else _kind(t)
                evidence = {
                    "kind": kind,
                    "target_value": t.display,
                    "target_text": t.text,
                    "source_value": s.display if s else None,
                    "source_text": s.text if s else None,
                }
                if s and units_disagree(s, t):
                    # the number kept, its unit changed: the span takes the unit in (160 miles)
                    end = unit_end(ctx.document.text, t.end)
                    yield Finding(
                        self.id,
                        t.start,
                        end,
                        f'"{ctx.document.text[t.start : end]}" changes the unit of the source '
                        f'"{s.text}" ({_unit_of(s)}): the amount is not the same',
                        source_start=s.start,
                        source_end=s.end,
                        evidence={**evidence, "kind": "unit"},
                    )
                elif s:
                    yield Finding(
                        self.id,
                        t.start,
                        t.end,
                        f'{kind} "{t.text}" differs from the source "{s.text}" ({s.display})',
                        suggestion=s.display,
                        source_start=s.start,
                        source_end=s.end,
                        evidence=evidence,
                    )
                else:
                    yield Finding(
                        self.id,
                        t.start,
                        t.end,
                        f'{kind} "{t.text}" has no counterpart in the source sentence',
                        source_start=src_sents[0].start,
                        source_end=src_sents[-1].end,
                        evidence=evidence,
                    )


def _unit_of(q: Quantity) -> str:
    dimension, _, system = next((d for d, _ in sorted(q.values) if "/" in d), "?/?").partition("/")
    return {"m": "metric", "i": "imperial", "BAM": "convertible marks"}.get(system, system) + f" {dimension}"


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

    def run(self, ctx):
        for _, tgt_sents, disagreements in ctx.number_disagreements:
            for s, t in disagreements:
                if t is not None:
                    continue
                yield Finding(
                    self.id,
                    tgt_sents[0].start,
                    tgt_sents[-1].end,
                    f'{s.kind} "{s.text}" ({s.display}) of the source is missing from the translation',
                    source_start=s.start,
                    source_end=s.end,
                    evidence={"kind": s.kind, "source_value": s.display, "source_text": s.text},
                )


@register
class NumberSeparator(Check):
    """A decimal comma kept in the English ("5,2 percent", "87,4 kilometres"). Serbian, Croatian,
    Bosnian and Montenegrin write the decimal separator as a comma; English writes a point, and
    reads a comma before one or two digits as nothing at all (or, before three, as thousands).
    The English alone shows it: digits, a comma, one or two digits, and no further digit."""

    id = "number.separator"
    category = "number"
    severity = "major"

    def run(self, ctx):
        text = ctx.document.text
        for s in ctx.document.article_sentences:
            for m in _DECIMAL_COMMA.finditer(text, s.start, s.end):
                if re.match(r"\s?(?:and|or|to|-|–)\s?\d", text[m.end() : m.end() + 6]):
                    continue  # a list of numbers ("1,2 and 3"), not a decimal
                yield Finding(
                    self.id,
                    m.start(),
                    m.end(),
                    f'"{m.group()}" keeps the decimal comma of the source; English writes {m.group().replace(",", ".")}',
                    suggestion=m.group().replace(",", "."),
                    evidence={"separator": ","},
                )


_DECIMAL_COMMA = re.compile(r"(?<![\d.,])\d{1,3},\d{1,2}(?![\d,])(?=\s?(?:%|[^\W\d_]))")
