"""Numbers, amounts, percentages and dates that differ between the source and the English."""

from __future__ import annotations

import re

from backcheck.checks.base import Check, Finding, register
from backcheck.lang.numbers import Quantity
from backcheck.lang.numbers.house_style import render_month, render_number, render_time, render_weekday
from backcheck.lang.numbers.quantity import units_disagree
from backcheck.lang.numbers.units import currency_span, unit_end, unit_name
from backcheck.model.document import BOILERPLATE, CAPTION, DISCLAIMER

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
                    money = _money(s), _money(t)
                    if all(money) and {v for d, v in s.values if d == "n"} & {v for d, v in t.values if d == "n"}:
                        # the amount kept, its currency changed (€5 million -> $5 million)
                        a, b = currency_span(ctx.document.text, t.start, t.end)
                        b -= ctx.document.text[a:b].endswith(".")  # the full stop after "million."
                        sa, sb = currency_span(ctx.source.text, s.start, s.end)
                        yield Finding(
                            self.id,
                            a,
                            b,
                            f'The original says "{ctx.source.text[sa:sb]}" ({money[0]}); the English "{ctx.document.text[a:b]}" '
                            f"is another currency: write {render_number(_value(s), money[0])}",
                            suggestion=render_number(_value(s), money[0]),
                            source_start=s.start,
                            source_end=s.end,
                            evidence={**evidence, "kind": "currency"},
                            detail=f"The source's currency is {money[0]}, the English one {money[1]}: the number "
                            "was kept, so the amount changed.",
                        )
                        continue
                if s and units_disagree(s, t) and not all((_money(s), _money(t))):
                    # the number kept, its unit changed: the span takes the unit in (160 miles)
                    a, end = currency_span(ctx.document.text, t.start, unit_end(ctx.document.text, t.end))
                    said = ctx.source.text[s.start : unit_end(ctx.source.text, s.end)]
                    unit = unit_name(ctx.source.text, s.end)
                    right = f"{render_number(_value(s))} {unit}" if unit else None
                    yield Finding(
                        self.id,
                        a,
                        end,
                        f'The original says "{said}"; the English "{ctx.document.text[a:end]}" changes the unit, '
                        + (
                            f"so the amount is not the same: write {right} (or convert it)"
                            if right
                            else "so the amount is not the same: convert it or keep the unit"
                        ),
                        suggestion=right,
                        source_start=s.start,
                        source_end=s.end,
                        evidence={**evidence, "kind": "unit"},
                        detail=f"Both sides write the same number, but the source measures in {_unit_of(s)} and the "
                        f"English in {_unit_of(t)}; a conversion would change the number.",
                    )
                elif s:
                    right = suggest(s, t, int(ctx.config.threshold("number_words_below")))
                    yield Finding(
                        self.id,
                        t.start,
                        t.end,
                        f'The original says "{s.text}"; the English "{t.text}" is another {kind}: write {right}',
                        suggestion=right,
                        source_start=s.start,
                        source_end=s.end,
                        evidence=evidence,
                        detail=f"The {kind} of the source reads {s.display}; the English reads {t.display}.",
                    )
                else:
                    if kind == "date" and _ambiguous_month_rendered(t.text, ctx.source.text, src_sents):
                        continue
                    yield Finding(
                        self.id,
                        t.start,
                        t.end,
                        f'The English "{t.text}" is in no sentence of the original here: check the {kind} or remove it',
                        source_start=src_sents[0].start,
                        source_end=src_sents[-1].end,
                        evidence=evidence,
                        detail=f"No {kind} of the aligned source sentence reads {t.display}.",
                    )


def _ambiguous_month_rendered(english: str, source: str, sentences) -> bool:
    """An English month the source sentence names with a word that is also a common word, and
    so is not read as a date there (Croatian "kolovoz", August; Serbian for a roadway)."""
    import calendar

    from backcheck.lang.numbers.data import sh_ambiguous_month_numbers
    from backcheck.lang.text import fold

    months = [m.lower() for m in calendar.month_name]
    number = months.index(english.lower()) if english.lower() in months else 0
    text = fold(source[sentences[0].start : sentences[-1].end]) if sentences else ""
    return bool(number) and any(n == number and stem in text for stem, n in sh_ambiguous_month_numbers().items())


def _money(q: Quantity) -> str | None:
    return next((d.split("/")[1] for d, _ in q.values if d.startswith("money/")), None)


def _value(q: Quantity) -> float:
    return (q.primary or min(q.values))[1]


#: An English number written as a year: four digits, no separator.
_YEAR = re.compile(r"[12]\d{3}")
#: The number at the head of an English quantity, with its sign and scale ("$4.7 million").
_HEAD = re.compile(r"^([€$£]\s?)?[\d.,]+(?:\s?(?:thousand|million|billion|bn|m|k)\b)?", re.I)


def _english(s: Quantity, words_below: int = 10) -> str:
    """A source quantity in English house style (for a value the English left out)."""
    domains = {d for d, _ in s.values}
    if domains & {"month", "weekday", "time"}:
        return suggest(s, s)
    if (s.primary or min(s.values))[0] != "n":
        return s.display  # a code ("A4"), as written
    unit = _money(s) or ("percent" if s.kind == "percent" else None)
    return render_number(_value(s), unit, words=s.kind == "count", words_below=words_below)


def suggest(s: Quantity, t: Quantity, words_below: int = 10) -> str:
    """What to write for the English quantity ``t`` of the source's ``s``: the source's value in
    English house style, in the English wording around it (its sign, its unit or "percent")."""
    domain, value = s.primary or min(s.values)
    domains = {d for d, _ in s.values}
    if "month" in domains:
        return render_month(next(v for d, v in s.values if d == "month"))
    if "weekday" in domains:
        return render_weekday(next(v for d, v in s.values if d == "weekday"))
    if t.kind == "time" and "time" in domains:
        return render_time(next(v for d, v in s.values if d == "time"))
    if domain != "n":
        return s.display
    if "year" in (s.kind, t.kind) and _YEAR.fullmatch(t.text) and value == int(value) and 1000 <= value < 3000:
        return str(int(value))  # a year for a year: 2019, never "2,019"
    head = _HEAD.match(t.text)
    if t.word or not head:
        return render_number(value, words=s.kind == "count", words_below=words_below)
    sign = head.group(1) or ""
    rest = t.text[head.end() :]
    plain = s.kind == "count" and not sign and not rest.strip()
    return sign + render_number(value, words=plain, words_below=words_below) + rest


def _unit_of(q: Quantity) -> str:
    dimension, _, system = next((d for d, _ in sorted(q.values) if "/" in d), "?/?").partition("/")
    dimension = {"len": "length", "vol": "volume"}.get(dimension, dimension)
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
        blocks = ctx.document.blocks
        for _, tgt_sents, disagreements in ctx.number_disagreements:
            if tgt_sents and all(blocks[t.block].kind in (CAPTION, BOILERPLATE, DISCLAIMER) for t in tgt_sents):
                continue  # a caption or page residue aligned to an article sentence says no number of it
            for s, t in disagreements:
                if t is not None:
                    continue
                yield Finding(
                    self.id,
                    tgt_sents[0].start,
                    tgt_sents[-1].end,
                    f'The original says "{s.text}"; the English leaves this {s.kind} out: add {_english(s, int(ctx.config.threshold("number_words_below")))}',
                    detail=f"The aligned English sentence has no {s.kind} that reads {s.display}.",
                    source_start=s.start,
                    source_end=s.end,
                    evidence={"kind": s.kind, "source_value": s.display, "source_text": s.text},
                )


@register
class NumberSeparator(Check):
    """A decimal comma ("5,2 percent", "87,4 kilometres") or a thousands dot ("1.450 hectares")
    kept in the English. Serbian, Croatian, Bosnian and Montenegrin write the decimal separator
    as a comma and group thousands with a dot; English does the reverse, and reads "1.450" as
    one and a half and "5,2" as nothing at all. The English alone shows it: digits, a comma, one
    or two digits; or one to three digits and groups of three after dots, before a word."""

    id = "number.separator"
    category = "number"
    severity = "major"

    def run(self, ctx):
        text = ctx.document.text
        for s in ctx.document.article_sentences:
            for m in _DECIMAL_COMMA.finditer(text, s.start, s.end):
                if re.match(r"\s?(?:and|or|to|-|–)\s?\d", text[m.end() : m.end() + 6]):
                    continue  # a list of numbers ("1,2 and 3"), not a decimal
                right = m.group().replace(",", ".")
                yield Finding(
                    self.id,
                    m.start(),
                    m.end(),
                    f'"{m.group()}" keeps the decimal comma of the original: write {right}',
                    suggestion=right,
                    evidence={"separator": ","},
                    detail="Serbo-Croatian writes a decimal comma; English writes a decimal point and reads a "
                    "comma before one or two digits as no number at all.",
                )
            for m in _THOUSANDS_DOT.finditer(text, s.start, s.end):
                right = m.group().replace(".", ",")
                yield Finding(
                    self.id,
                    m.start(),
                    m.end(),
                    f'"{m.group()}" keeps the thousands dot of the original: write {right}',
                    suggestion=right,
                    evidence={"separator": "."},
                    detail=f"Serbo-Croatian groups thousands with a dot; English reads {m.group()} as a decimal "
                    f"({m.group().split('.')[0]} and a fraction) and groups thousands with a comma.",
                )


_DECIMAL_COMMA = re.compile(r"(?<![\d.,])\d{1,3},\d{1,2}(?![\d,])(?=\s?(?:%|[^\W\d_]))")
#: "1.450 hectares", "12.500.000 dinars": dots before groups of three, then a word (not a version
#: "2.0.1", an IP address or a decimal with more digits).
_THOUSANDS_DOT = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,]\d)(?=\s?(?:%|[^\W\d_]))")
