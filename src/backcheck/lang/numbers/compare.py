"""The quantities of two aligned sentence groups, and the ones that disagree."""

from __future__ import annotations

import dataclasses

from backcheck.lang.numbers import Quantity, extract, matches, reads_all_months, spells_numbers
from backcheck.lang.numbers.quantity import units_disagree


def quantities(doc, sentences) -> list[Quantity]:
    out = []
    for s in sentences:
        for q in extract(s.text, doc.lang):
            out.append(dataclasses.replace(q, start=s.start + q.start, end=s.start + q.end))
    return out


def _domain(q: Quantity) -> str:
    kinds = {d for d, _ in q.values}
    return "month" if "month" in kinds else "weekday" if "weekday" in kinds else "n"


def _same_number(a: Quantity, b: Quantity) -> bool:
    return bool({v for d, v in a.values if d == "n"} & {v for d, v in b.values if d == "n"})


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
    unsupported = [
        t for t in target_qs if not t.weak and not any(matches(t, s) for s in source_qs) and (words_known or not t.word)
    ]
    out = []
    # A weak source quantity ("dva", "both") is never reported as missing, but it is the
    # counterpart of a changed value ("dva" -> "three") when no other is left.
    spare = [s for s in source_qs if s.weak and not any(matches(s, t) for t in target_qs)]
    for t in unsupported:
        # The same number under another unit is the English's counterpart, even where the source
        # quantity is accounted for by a conversion in brackets ("300 km (180 milja)" ->
        # "300 miles (180 miles)": 300 km is about 180 miles, but the English 300 is in miles).
        partner = next((s for s in missing + spare + source_qs if _same_number(s, t) and units_disagree(s, t)), None)
        if partner is None:
            partner = next((s for s in missing + spare if _domain(s) == _domain(t)), None)
        if partner in missing:
            missing.remove(partner)
        elif partner in spare:
            spare.remove(partner)
        elif partner is not None:
            pass  # accounted for by a conversion, and still the counterpart of a changed unit
        elif t.word or (_domain(t) == "month" and not reads_all_months(source_lang)):
            # A number word in an idiom ("back nine", "four from four"), or a month the source
            # may name in a form not read here (Polish "wrześniowym"): reported only against a
            # source value that went missing.
            continue
        out.append((partner, t))
    out.extend((s, None) for s in missing)  # type: ignore[misc]  # (source, None): the English lost it
    return out


def disagreements(source, document, aligned_pairs) -> list:
    """``(source sentences, translation sentences, [(source, target)])`` per aligned pair with
    sentences on both sides."""
    return [
        (src, tgt, compare(quantities(source, src), quantities(document, tgt), source.lang))
        for _, src, tgt in aligned_pairs
        if src and tgt
    ]
