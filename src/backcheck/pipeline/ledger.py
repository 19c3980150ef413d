"""The fact ledger: every checkable fact of each aligned source sentence, with its English
counterpart and a status an editor can walk down like a checklist.

Facts are read from the source with the same extractors the checks use (quantities, dates and
times from :mod:`backcheck.lang.numbers`, negations from the negation check's polarity, hedges,
modality, approximations, speakers, offices, results and sides of a match from the cues of
``lang/data/sh_facts.toml``), so
the ledger and the flags never disagree:

- ``changed`` or ``missing``: a check flagged this fact (its flags' fingerprints are listed);
- ``matched``: the aligned English has its counterpart (the English span is given);
- ``unverified``: no counterpart was found and no check flagged it (a rendering the checks accept
  but cannot pin to words, or a miss): the editor reads it.

The ledger is built only where a source is given and matches the translation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from backcheck.model.report import Flag
from backcheck.model.textmap import Span

_NAME_CHECKS = (
    "name.dropped",
    "name.replaced",
    "name.unmatched",
    "name.transliterated",
    "name.source_case",
    "name.inflected",
    "name.exonym",
    "name.inconsistent",
)
#: fact kind -> the checks that report it changed or missing
CHECKS_OF = {
    "quantity": ("number.mismatch", "number.missing", "number.separator"),
    "date": ("number.mismatch", "number.missing"),
    "time": ("number.mismatch", "number.missing"),
    "approximation": ("fact.approximation",),
    "hedge": ("fact.hedge",),
    "modality": ("fact.modality",),
    "speaker": ("fact.speaker",),
    "office": ("fact.office",),
    "negation": ("mistranslation.negation",),
    "result": ("fact.result",),
    "side": ("fact.side",),
    # names: a person, a place, or another name (an institution, a team, a company)
    "person": _NAME_CHECKS,
    "place": _NAME_CHECKS,
    "name": _NAME_CHECKS,
}
#: checks whose flag means the fact is missing from the English, not changed in it
_MISSING = {"number.missing", "name.dropped"}
#: name facts whose flags point at the English name only (no source span): they report the fact
#: whose English counterpart they overlap
_NAME_KINDS = ("person", "place", "name")
_CUE_KINDS = ("hedge", "modality", "approximation")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Fact:
    kind: str
    value: str  #: what the fact says, in the editor's words ("200", "Tuesday", "woman speaking", "planira")
    source: Span
    english: Span | None
    status: str  #: matched, changed, missing or unverified
    flags: tuple[str, ...] = ()  #: fingerprints of the flags that report it

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "value": self.value,
            "status": self.status,
            "source": self.source.to_dict(),
            "english": self.english.to_dict() if self.english else None,
            "flags": list(self.flags),
        }


@dataclass(frozen=True)
class _Found:
    kind: str
    value: str
    start: int  #: offsets into the source Document's text
    end: int
    counterpart: tuple[int, int] | None  #: offsets into the translation Document's text


def build(document, source, alignment, flags: Sequence[Flag], fingerprints: Sequence[str]) -> list[dict[str, Any]]:
    """Per aligned pair with sentences on both sides: its source and translation sentence indices
    and its facts (``Fact.to_dict``). Empty without a source or when it is another article."""
    if source is None or alignment is None or any(f.check == "source.mismatch" for f in flags):
        return []
    by_check: dict[str, list[tuple[Flag, str]]] = {}
    for flag, fp in zip(flags, fingerprints):
        by_check.setdefault(flag.check, []).append((flag, fp))
    names = _names(document, source, alignment)
    out = []
    for pair in alignment:
        if not pair.source or not pair.target:
            continue
        s0, s1 = source.sentences[pair.source[0]], source.sentences[pair.source[-1]]
        t0, t1 = document.sentences[pair.target[0]], document.sentences[pair.target[-1]]
        src_text, en_text = source.text[s0.start : s1.end], document.text[t0.start : t1.end]
        english_range = document.span(t0.start, t1.end)
        facts = []
        found_here = _facts(src_text, s0.start, source.lang, en_text, t0.start)
        if names is not None:
            found_here += names.get(id(pair), [])
            found_here.sort(key=lambda f: (f.start, f.end, f.kind))
        for found in found_here:
            span = source.span(found.start, found.end)
            counterpart = document.span(*found.counterpart) if found.counterpart else None
            reported = [
                (flag, fp)
                for check in CHECKS_OF[found.kind]
                for flag, fp in by_check.get(check, [])
                if (
                    _reports_name(flag, span, counterpart)
                    if found.kind in _NAME_KINDS
                    else _reports(flag, span, english_range)
                )
            ]
            if reported:
                status = "missing" if all(f.check in _MISSING for f, _ in reported) else "changed"
                english = next((f.span for f, _ in reported if f.check not in _MISSING), None)
            else:
                status = "matched" if found.counterpart else "unverified"
                english = document.span(*found.counterpart) if found.counterpart else None
            facts.append(Fact(found.kind, found.value, span, english, status, tuple(fp for _, fp in reported)))
        if facts:
            out.append(
                {"source": list(pair.source), "target": list(pair.target), "facts": [f.to_dict() for f in facts]}
            )
    return out


def _reports(flag: Flag, span: Span, english_range: Span) -> bool:
    """Whether ``flag`` is about the fact at ``span``: its source span overlaps it or, for a flag
    without one, it lies in the English of the same pair."""
    if flag.source_span is not None:
        return flag.source_span.start < span.end and span.start < flag.source_span.end
    return english_range.start <= flag.span.start < english_range.end


def _reports_name(flag: Flag, span: Span, counterpart: Span | None) -> bool:
    """A name flag reports a name fact when its source span overlaps the name or, without a source
    span, when its English span overlaps the name's English counterpart."""
    if flag.source_span is not None:
        return flag.source_span.start < span.end and span.start < flag.source_span.end
    return counterpart is not None and flag.span.start < counterpart.end and counterpart.start < flag.span.end


_SPELLED = {"same", "diacritics", "case", "exonym"}


def _names(document, source, alignment) -> dict[int, list[_Found]] | None:
    """The names of each aligned source sentence (a run of capitalised name words, as the name
    checks read them) with the English word that renders one of its words, keyed by ``id(pair)``;
    None where the names cannot be compared (no Latin view)."""
    from backcheck.lang.gazetteer import english_exonym, is_place
    from backcheck.lang.names.beads import build_beads
    from backcheck.lang.names.correspondence import correspondence, exonyms
    from backcheck.lang.names.renderings import source_span, spaced_runs
    from backcheck.lang.sh.morphology import candidate_bases
    from backcheck.lang.text import to_latin

    beads = build_beads(source, document, alignment)
    if beads is None:
        return None
    table = exonyms(source.lang)
    latin = to_latin(source.text).text
    out: dict[int, list[_Found]] = {}
    for pair, bead in zip(alignment, beads, strict=True):
        found = []
        for run in spaced_runs([t for t in bead.source if t.name and not t.text.isupper()], latin):
            start, end = source_span(source.text, run)
            kinds = [(t, {correspondence(t, s, table) for s in run} - {None}) for t in bead.target if t.capitalised]
            # the English words that spell a word of the name (or its case form, its exonym); a
            # phonetic likeness only where none does (Mayor is no rendering of Marko)
            twins = [t for t, k in kinds if k & _SPELLED] or [t for t, k in kinds if k and t.name]
            counterpart = (twins[0].start, twins[-1].end) if twins else None
            bases = {run[-1].text} | {b for b, _, _ in candidate_bases(run[-1].text)}
            place = any(is_place(b) or english_exonym(b) for b in bases)
            kind = "place" if place and len(run) == 1 else "person" if len(run) >= 2 else "name"
            found.append(_Found(kind, source.text[start:end], start, end, counterpart))
        out[id(pair)] = found
    return out


def _facts(src: str, src_offset: int, lang: str, en: str, en_offset: int) -> list[_Found]:
    found = _quantities(src, src_offset, lang, en, en_offset)
    found += _negations(src, src_offset, lang, en, en_offset)
    found += _cues(src, src_offset, en, en_offset)
    found.sort(key=lambda f: (f.start, f.end, f.kind))
    return found


def _quantities(src: str, src_offset: int, lang: str, en: str, en_offset: int) -> list[_Found]:
    from backcheck.lang.numbers.extraction import extract
    from backcheck.lang.numbers.quantity import matches

    english = [q for q in extract(en, "en")]
    out = []
    for q in extract(src, lang):
        weekday = next((int(v) for domain, v in q.values if domain == "weekday"), None)
        if q.weak and weekday is None:  # "one", "thousands": never a fact of its own
            continue
        kind = "date" if q.kind in ("date", "year") else "time" if q.kind == "time" else "quantity"
        twin = next((e for e in english if matches(q, e)), None)
        counterpart = (en_offset + twin.start, en_offset + twin.end) if twin else None
        value = _WEEKDAYS[weekday - 1] if weekday is not None and 1 <= weekday <= 7 else q.display
        out.append(_Found(kind, value, src_offset + q.start, src_offset + q.end, counterpart))
    return out


def _negations(src: str, src_offset: int, lang: str, en: str, en_offset: int) -> list[_Found]:
    from backcheck.checks.negation import polarity

    source, english = polarity(src, lang), polarity(en, "en")
    if source is None or english is None:
        return []
    hard = [c for c in source.cues if c[3] == "hard"]
    english_hard = [c for c in english.cues if c[3] == "hard"]
    out = []
    for i, (start, end, text, _kind) in enumerate(hard):
        twin = english_hard[i] if i < len(english_hard) else None
        counterpart = (en_offset + twin[0], en_offset + twin[1]) if twin else None
        out.append(_Found("negation", text, src_offset + start, src_offset + end, counterpart))
    return out


def _cues(src: str, src_offset: int, en: str, en_offset: int) -> list[_Found]:
    from backcheck.lang import facts

    tables = facts.tables()
    view, origin = _view(src)
    english = en.lower()
    out = []

    def at(cue) -> tuple[int, int]:  # the cue's offsets in the source document
        return src_offset + origin[cue.start], src_offset + origin[cue.end - 1] + 1

    for kind in _CUE_KINDS:
        table = tables[kind]
        renderings = facts.find(english, table["english"])
        # hedges and plans: rendered only by their own class's words near them, as the checks decide
        unrendered = (
            {(u.cue.start, u.cue.end) for u in facts.unrendered(kind, view, en)} if "classes" in table else set()
        )
        for cue in facts.find(view, table["source"]):
            if table.get("near_number") and not facts.near_number(view, cue):
                continue
            nearest = _nearest(cue, view, renderings, en)
            twin = None if (cue.start, cue.end) in unrendered else nearest
            counterpart = (en_offset + twin.start, en_offset + twin.end) if twin else None
            a, b = at(cue)
            out.append(_Found(kind, src[a - src_offset : b - src_offset], a, b, counterpart))
    speaker = tables["speaker"]
    pronouns = facts.find(english, ["she", "her", "he", "his", "him"])
    for gender, cues in (("woman", speaker["feminine"]), ("man", speaker["masculine"])):
        for cue in facts.find(view, cues):
            own = [p for p in pronouns if (p.text in ("she", "her")) == (gender == "woman")]
            said = facts.find(english, ["said", "say*", "stated", "added", "told", "announced", "noted", "explained"])
            twin = own[0] if own else (said[0] if said and not pronouns else None)
            counterpart = (en_offset + twin.start, en_offset + twin.end) if twin else None
            a, b = at(cue)
            out.append(
                _Found("speaker", f"{src[a - src_offset : b - src_offset]} ({gender} speaking)", a, b, counterpart)
            )
    offices = tables["offices"]
    for stem, renderings in offices.items():
        if stem == "english_offices":
            continue
        for cue in facts.find(view, [stem]):
            twins = facts.find(english, renderings)
            twin = twins[0] if twins else None
            counterpart = (en_offset + twin.start, en_offset + twin.end) if twin else None
            a, b = at(cue)
            out.append(_Found("office", src[a - src_offset : b - src_offset], a, b, counterpart))
    out += _match_facts(view, tables, english, at, en_offset, src, src_offset)
    return _without_overlaps(out)


#: a score (85:78, 3-1) in a source sentence: it reports a match
_SCORE = re.compile(r"\b\d{1,3}\s?[:–-]\s?\d{1,3}\b")


def _match_facts(view: str, tables, english: str, at, en_offset: int, src: str, src_offset: int) -> list[_Found]:
    """Who won and which side was at home, in a sentence about a match (a score or a word for a
    match in it: "slavio" and "gosti" are also celebrating and guests): each verb or noun of
    winning or losing (``sh_facts.toml`` [results]) with the nearest English verb or noun of
    either, and each word for the hosts or the visitors ([sides]) with the English word for the
    same side. Whether the right team won is ``fact.result``'s to say, and its flag marks the
    fact changed."""
    from backcheck.lang import facts

    results, sides = tables["results"], tables["sides"]
    match = bool(_SCORE.search(view) or facts.find(view, results["source_match"]))
    # a side named by a word only sport uses ("the hosts", "the visitors"; "guests" is any guest)
    sport_side = facts.find(english, [w for w in (*sides["english_home"], *sides["english_away"]) if w != "guests"])
    out: list[_Found] = []

    def found(kind: str, cue, twins) -> _Found:
        twin = _nearest(cue, view, twins, english)
        counterpart = (en_offset + twin.start, en_offset + twin.end) if twin else None
        a, b = at(cue)
        return _Found(kind, src[a - src_offset : b - src_offset], a, b, counterpart)

    verbs = [*results["english_win"], *results["english_lose"], *results["english_win_noun"]]
    verbs += [*results["english_lose_noun"], *results["english_win_score"]]
    renderings = facts.find(english, verbs)
    cues = [*results["source_win"], *results["source_lose"], *results["source_win_noun"]]
    if match:
        out += [found("result", cue, renderings) for cue in facts.find(view, cues)]
    if not (match or sport_side):
        return out
    for here, there in (("source_home", "english_home"), ("source_away", "english_away")):
        twins = facts.find(english, sides[there])
        out += [found("side", cue, twins) for cue in facts.find(view, sides[here])]
    return out


def _nearest(cue, view: str, renderings, english: str):
    """The English rendering at the relative position nearest the source cue's, or None."""
    where = (cue.start + cue.end) / 2 / max(1, len(view))
    return min(renderings, key=lambda r: abs((r.start + r.end) / 2 / max(1, len(english)) - where), default=None)


def _view(src: str) -> tuple[str, list[int]]:
    """The folded Latin view of the cues (:func:`backcheck.lang.facts.source_view`) with, for each
    of its characters, the offset of the source character it comes from (Cyrillic digraphs and
    đ → dj make the view longer than the source)."""
    from backcheck.lang.text import fold, to_latin

    latin = to_latin(src)
    chars: list[str] = []
    origin: list[int] = []
    for j, ch in enumerate(latin.text):
        folded = fold(ch) if ch.strip() else ch
        chars.append(folded)
        origin.extend([latin.origin[j]] * len(folded))
    return "".join(chars), origin


def _without_overlaps(found: list[_Found]) -> list[_Found]:
    """One fact per source span and kind (``predsjednik vlade`` and ``predsjedni*`` both match)."""
    kept: list[_Found] = []
    for f in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if any(k.kind == f.kind and k.start < f.end and f.start < k.end for k in kept):
            continue
        kept.append(f)
    return kept
