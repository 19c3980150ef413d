"""Facts of the source sentence that the English changed: a hedge dropped, a plan reported as
done, an approximate amount made exact, a woman quoted as "he", an office changed, a false
friend. Each reads the cues of :mod:`backcheck.lang.facts` in the aligned pair; only BCMS
sources are read (their cues are what the data file lists).
"""

from __future__ import annotations

import re

from backcheck.checks.base import Check, Finding, register
from backcheck.lang import facts
from backcheck.lang.languages import is_serbo_croatian


def _pairs(ctx):
    """(source view, English text, English start, source start, source end) of aligned pairs with
    both sides, for a Serbo-Croatian source."""
    if ctx.source is None or not is_serbo_croatian(ctx.source.lang):
        return
    for _pair, src, tgt in ctx.aligned_pairs:
        if src and tgt:
            text = ctx.document.text[tgt[0].start : tgt[-1].end]
            source = ctx.source.text[src[0].start : src[-1].end]
            yield facts.source_view(source), text, tgt[0].start, src[0].start, src[-1].end


class _CueClass(Check):
    """A class of source cues the English must render with one of its words."""

    table: str
    requires_source = True

    def run(self, ctx):
        spec = facts.tables()[self.table]
        for view, english, start, s0, s1 in _pairs(ctx):
            cues = facts.find(view, spec["source"])
            if spec.get("near_number"):
                cues = [c for c in cues if facts.near_number(view, c)]
            if not cues or facts.find(english.lower(), spec["english"]):
                continue
            yield Finding(
                self.id,
                start,
                start + len(english),
                spec["message"].format(cue=cues[0].text),
                suggestion=None,
                source_start=s0,
                source_end=s1,
                evidence={"cues": [c.text for c in cues], "renderings": spec["suggestion"]},
            )


@register
class HedgeDropped(_CueClass):
    """A hedge or evidential of the source ("navodno", "prema nezvaničnim informacijama") with no
    counterpart in the English ("allegedly", "reportedly", "according to"): the English asserts
    what the source only reports, which turns an allegation into a fact."""

    id = "fact.hedge"
    category = "mistranslation"
    severity = "critical"
    table = "hedge"


@register
class ModalityChanged(_CueClass):
    """A plan, intention or attempt of the source ("planira da otvori", "pokušao je") that the
    English reports as done or certain ("is opening", "managed to")."""

    id = "fact.modality"
    category = "mistranslation"
    severity = "major"
    table = "modality"


@register
class ApproximationDropped(_CueClass):
    """An approximate amount of the source ("oko 200", "gotovo polovina", "više od 40") that the
    English makes exact ("200", "half", "40")."""

    id = "fact.approximation"
    category = "number"
    severity = "major"
    table = "approximation"


@register
class SpeakerGender(Check):
    """The speaker's gender, which a BCMS verb of saying shows in its past participle ("rekla je",
    a woman; "rekao je", a man), against the English pronoun before a verb of saying ("he said").
    A woman quoted as "he" (or a man as "she") gives the words to someone else."""

    id = "fact.speaker"
    category = "mistranslation"
    severity = "critical"
    requires_source = True

    _ENGLISH = re.compile(
        r"\b(he|she)\s+(?:also\s+|further\s+)?(said|says|added|stressed|noted|stated|told|explained|"
        r"warned|emphasised|emphasized|concluded|pointed out|announced|confirmed|claimed|replied|"
        r"answered|admitted|argued|assessed|underlined|asserted)\b",
        re.I,
    )

    def run(self, ctx):
        spec = facts.tables()["speaker"]
        for view, english, start, s0, s1 in _pairs(ctx):
            female = bool(facts.find(view, spec["feminine"]))
            male = bool(facts.find(view, spec["masculine"]))
            if female == male:
                continue  # no verb of saying, or both: the pronoun cannot be checked
            for m in self._ENGLISH.finditer(english):
                pronoun = m.group(1).lower()
                if (pronoun == "he") == female:
                    right = "she" if female else "he"
                    yield Finding(
                        self.id,
                        start + m.start(1),
                        start + m.end(1),
                        f"the source's verb of saying is {'feminine' if female else 'masculine'}: "
                        f'the speaker is {"a woman" if female else "a man"}, "{m.group(1)}" quotes someone else',
                        suggestion=right.capitalize() if m.group(1)[0].isupper() else right,
                        source_start=s0,
                        source_end=s1,
                        evidence={"source_gender": "feminine" if female else "masculine"},
                    )


@register
class OfficeChanged(Check):
    """An office or title the English names that no office of the source sentence renders, beside
    a source office the English does not render ("premijer" → "President", "ministar" → "Prime
    Minister"): the statement is put in another person's mouth."""

    id = "fact.office"
    category = "mistranslation"
    severity = "critical"
    requires_source = True

    def run(self, ctx):
        offices = facts.tables()["offices"]
        english_offices = offices["english_offices"]
        renderings = {cue: words for cue, words in offices.items() if cue != "english_offices"}
        for view, english, start, s0, s1 in _pairs(ctx):
            source_offices = {c.text: cue for cue in renderings for c in facts.find(view, [cue])}
            if not source_offices:
                continue
            said = facts.find(english.lower(), english_offices)
            rendered = lambda cue: bool(facts.find(english.lower(), renderings[cue]))  # noqa: E731
            unrendered = [text for text, cue in source_offices.items() if not rendered(cue)]
            for office in said:
                if not unrendered:
                    break
                if any(facts.find(office.text, renderings[cue]) for cue in source_offices.values()):
                    continue  # renders one of the source's offices
                yield Finding(
                    self.id,
                    start + office.start,
                    start + office.end,
                    f'the source names the office "{unrendered[0]}"; "{english[office.start : office.end]}" '
                    "is another office",
                    suggestion=renderings[source_offices[unrendered[0]]][0].title(),
                    source_start=s0,
                    source_end=s1,
                    evidence={"source_offices": sorted(source_offices), "english_office": office.text},
                )


@register
class FalseFriend(Check):
    """A source word rendered by the English word it resembles but does not mean: "eventualno" is
    "possibly", not "eventually"; "aktuelan" is "current", not "actual"; "ambulanta" a clinic."""

    id = "mistranslation.false_friend"
    category = "mistranslation"
    severity = "major"
    requires_source = True

    def run(self, ctx):
        table = facts.tables()["false_friends"]
        for view, english, start, s0, s1 in _pairs(ctx):
            for stem, (traps, meaning) in table.items():
                if not facts.find(view, [stem]):
                    continue
                for m in re.finditer(rf"\b(?:{traps})\b", english, re.I):
                    yield Finding(
                        self.id,
                        start + m.start(),
                        start + m.end(),
                        f'"{m.group()}" renders a source word that looks like it but means "{meaning}"',
                        suggestion=meaning.split(" / ")[0],
                        source_start=s0,
                        source_end=s1,
                        evidence={"source_stem": stem},
                    )


_CAPITALISED = r"([A-ZČĆŠŽĐ][\w’'-]+(?:\s+[A-ZČĆŠŽĐ][\w’'-]+)*)"


def _pairs_of(text: str, win: list[str], lose: list[str]) -> list[tuple[str, str]]:
    """(winner, loser) for each "X beat Y" / "X lost to Y" in ``text``."""
    out = []
    for verbs, winner_first in ((win, True), (lose, False)):
        words = "|".join(re.escape(v.rstrip("*")) + (r"\w*" if v.endswith("*") else "") for v in verbs)
        # the subject, up to four words (je u Podgorici), the verb, the object
        pattern = (
            rf"{_CAPITALISED}(?:\s+[\w’'-]+){{0,4}}?\s+(?:{words})"
            rf"(?:\s+(?:the|their|its|[a-zčćšžđ]\w*))?\s+{_CAPITALISED}"
        )
        for m in re.finditer(pattern, text):
            a, b = m.group(1), m.group(2)
            out.append((a, b) if winner_first else (b, a))
    return out


def _same(a: str, b: str) -> bool:
    """One team or person in two languages: the folded words begin alike (Zvezda, Zvezdu)."""
    x, y = facts.fold_name(a), facts.fold_name(b)
    if min(len(x), len(y)) < 4:
        return x == y
    n = min(len(x), len(y), 5)
    return x[:n] == y[:n]


@register
class ResultReversed(Check):
    """Who beat whom, reversed: the source's winner (the subject of "pobijedio", the object of
    "izgubio od") is the English loser ("Partizan je pobijedio Zvezdu" → "Zvezda beat Partizan").
    The score may stay; the result is the opposite."""

    id = "fact.result"
    category = "mistranslation"
    severity = "critical"
    requires_source = True

    def run(self, ctx):
        spec = facts.tables()["results"]
        if ctx.source is None or not is_serbo_croatian(ctx.source.lang):
            return
        for _pair, src, tgt in ctx.aligned_pairs:
            if not src or not tgt:
                continue
            source = facts.to_latin_text(ctx.source.text[src[0].start : src[-1].end])
            english = ctx.document.text[tgt[0].start : tgt[-1].end]
            source_results = _pairs_of(source, spec["source_win"], spec["source_lose"])
            for winner, loser in _pairs_of(english, spec["english_win"], spec["english_lose"]):
                if any(_same(winner, sl) and _same(loser, sw) for sw, sl in source_results):
                    start = tgt[0].start + english.index(winner)
                    yield Finding(
                        self.id,
                        start,
                        start + len(winner),
                        f"the source says {loser} won and {winner} lost: the English reverses the result",
                        suggestion=f"{loser} beat {winner}",
                        source_start=src[0].start,
                        source_end=src[-1].end,
                        evidence={"english": [winner, loser]},
                    )
