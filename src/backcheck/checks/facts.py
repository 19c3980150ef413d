"""Facts of the source sentence that the English changed: a hedge dropped, a plan reported as
done, an approximate amount made exact, a woman quoted as "he", an office changed, a false
friend. Each reads the cues of :mod:`backcheck.lang.facts` in the aligned pair; only BCMS
sources are read (their cues are what the data file lists).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from backcheck.checks.base import Check, Finding, register
from backcheck.lang import facts
from backcheck.lang.languages import is_serbo_croatian
from backcheck.lang.text import UPPER, fold


@dataclass(frozen=True)
class _Pair:
    view: facts.SourceView  #: the source sentence(s), folded, with the map back
    english: str
    start: int  #: of the English text in the document
    s0: int  #: of the source text in the source document
    s1: int
    lang: str
    #: the sentences of each side, as (start, end) in ``view``'s source and in ``english``
    source_sentences: tuple[tuple[int, int], ...] = ()
    english_sentences: tuple[tuple[int, int], ...] = ()

    def source_span(self, cue: facts.Cue) -> tuple[int, int]:
        a, b = self.view.span(cue)
        return self.s0 + a, self.s0 + b

    def english_sentence_of(self, cue: facts.Cue) -> tuple[int, int, float] | None:
        """Where a bead has as many sentences on each side, the English sentence of the source
        sentence that holds the cue, with the cue's relative position in its own sentence."""
        if len(self.source_sentences) < 2 or len(self.source_sentences) != len(self.english_sentences):
            return None
        a, b = self.view.span(cue)
        verb = b - len((cue.text.split() or [""])[-1]) / 2  # where its verb, the last word, stands
        for (s0, s1), (e0, e1) in zip(self.source_sentences, self.english_sentences, strict=True):
            if s0 <= a < s1:
                return e0, e1, (min(verb, s1) - s0) / max(1, s1 - s0)
        return None


def _text_pairs(ctx):
    """(source sentences, English sentences, the source's Latin text, the English text) of each
    aligned pair with both sides, for a Serbo-Croatian source."""
    if ctx.source is None or not is_serbo_croatian(ctx.source.lang):
        return
    for _pair, src, tgt in ctx.aligned_pairs:
        if src and tgt:
            source = facts.to_latin_text(ctx.source.text[src[0].start : src[-1].end])
            yield src, tgt, source, ctx.document.text[tgt[0].start : tgt[-1].end]


def _pairs(ctx):
    """The aligned pairs with both sides, for a Serbo-Croatian source."""
    if ctx.source is None or not is_serbo_croatian(ctx.source.lang):
        return
    for _pair, src, tgt in ctx.aligned_pairs:
        if src and tgt:
            text = ctx.document.text[tgt[0].start : tgt[-1].end]
            source = ctx.source.text[src[0].start : src[-1].end]
            yield _Pair(
                facts.view_of(source),
                text,
                tgt[0].start,
                src[0].start,
                src[-1].end,
                ctx.source.lang,
                tuple((x.start - src[0].start, x.end - src[0].start) for x in src),
                tuple((x.start - tgt[0].start, x.end - tgt[0].start) for x in tgt),
            )


class _CueClass(Check):
    """A class of source cues the English must render with one of its words: each cue of the
    source is looked for among the English renderings of ITS class (``sh_facts.toml``), near the
    same place in the sentence. The finding's span is the English verb the cue qualifies (the
    claim stated as fact, the plan reported as done), the source span the cue."""

    table: str
    requires_source = True

    def run(self, ctx):
        spec = facts.tables()[self.table]
        for pair in _pairs(ctx):
            for miss in facts.unrendered(self.table, pair.view.text, pair.english):
                cls = miss.spec
                written = pair.view.as_written(miss.cue)
                a, b = pair.source_span(miss.cue)
                own = pair.english_sentence_of(miss.cue)
                if own is not None:  # the cue's own sentence, in a bead of sentence pairs
                    e0, e1, at = own
                    start, end = facts.claim_span(pair.english[e0:e1], at, clause=self.table == "hedge")
                    start, end = start + e0, end + e0
                else:
                    start, end = facts.claim_span(pair.english, miss.at, clause=self.table == "hedge")
                verb = pair.english[start:end]
                if self.table == "hedge":
                    # a hedge qualifies the whole statement: the English sentence that states it
                    # as fact (one sentence, not the whole aligned bead)
                    at = pair.start + start
                    sentence = next((x for x in ctx.document.sentences if x.start <= at < x.end), None)
                    if sentence is not None:
                        start, end = sentence.start - pair.start, sentence.end - pair.start
                past = re.search(r"(?:o|la|li|le|lo)$", miss.cue.text) and cls.get("suggestion_past")
                suggestion = cls["suggestion_past"] if past else cls["suggestion"]
                renders = " or ".join(f'"{w.rstrip("*")}"' for w in cls["english"][:2])
                yield Finding(
                    self.id,
                    pair.start + start,
                    pair.start + end,
                    spec["message"].format(cue=written, gloss=cls["gloss"], suggestion=suggestion),
                    suggestion=None,
                    source_start=a,
                    source_end=b,
                    evidence={"cue": written, "renderings": cls["english"][:4], "english": verb},
                    detail=spec["detail"].format(
                        cue=written, gloss_long=cls.get("gloss_long", cls["gloss"]), renders=renders, verb=verb
                    ),
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


_NUMBER_HEAD = re.compile(r"[$€£]\s?$")


@register
class ApproximationDropped(Check):
    """An approximate amount of the source ("oko 200", "gotovo polovina", "više od 40",
    "dvadesetak") that the English makes exact ("200", "half", "40", "twenty"). Each approximate
    number of the source is looked for in the English: where the English has the same value with
    no approximation word before it ("about", "almost", "more than") or after it ("or so"), the
    amount was made exact."""

    id = "fact.approximation"
    category = "number"
    severity = "major"
    requires_source = True

    def run(self, ctx):
        from backcheck.lang.numbers import extract, matches

        spec = facts.tables()["approximation"]
        renderings = facts.tables()["approximation_renderings"]
        numerals = facts.tables()["approximate_numerals"]
        before = re.compile(
            r"(?:"
            + facts.pattern_source(spec["english"])
            + r")(?:[\s,]+|-)(?:of\s+)?(?:the\s+|an?\s+)?(?:[$€£]\s?|(?:KM|EUR|RSD|USD|BAM|HRK|CHF|GBP)\s)?$",
            re.I,
        )
        # right after the number or after its noun ("ten days or so")
        after = re.compile(r"^\s*(?:[a-z]+\s+)?(?:" + facts.pattern_source(spec["english_after"]) + ")", re.I)
        for pair in _pairs(ctx):
            english_qs = extract(pair.english, "en")
            source_qs = None
            for cue in facts.find(pair.view.text, spec["source"]) + facts.find(pair.view.text, list(numerals)):
                value = next((v for stem, v in numerals.items() if facts.find(cue.text, [stem])), None)
                if value is None:
                    if source_qs is None:
                        source_qs = extract(pair.view.written, pair.lang)
                    a, b = pair.view.span(cue)
                    # the amount right after the cue: digits, or a fraction in words (gotovo polovina)
                    amount = next((q for q in source_qs if b <= q.start <= b + 3), None)
                    # in words, a fraction (gotovo polovina), a scaled amount (više od dva miliona)
                    # or a measure (oko pet kilometara); a small count in words is as often idiom
                    # ("više od dva puta")
                    if amount is None or (
                        amount.word
                        and 1 <= min(v for _, v in amount.values) < 1000
                        and all(dimension == "n" for dimension, _ in amount.values)
                    ):
                        continue
                    same = [t for t in english_qs if matches(amount, t) and not t.text.endswith("s")]
                else:
                    amount = None
                    # any quantity of that value (desetak odsto: "about ten percent")
                    same = [t for t in english_qs if any(v == float(value) for _, v in t.values)]
                if not same or any(
                    before.search(pair.english[max(0, t.start - 40) : t.start]) or after.match(pair.english[t.end :])
                    for t in same
                ):
                    continue  # not in the English (number.missing says so), or still approximate
                t = same[0]
                written = pair.view.as_written(cue) + ("" if amount is None else " " + amount.text)
                word = next((r for c, r in renderings.items() if facts.find(cue.text, [c])), "about")
                number = pair.english[t.start : t.end]
                initial = not pair.english[: t.start].strip(" \"'“‘")
                right = f"{word.capitalize()} {number[:1].lower()}{number[1:]}" if initial else f"{word} {number}"
                a, b = pair.source_span(cue)
                yield Finding(
                    self.id,
                    pair.start + t.start,
                    pair.start + t.end,
                    f'The original says "{written}" ({word} {t.text}); the English makes it exact: write "{right}"',
                    suggestion=right,
                    source_start=a,
                    source_end=b if amount is None else pair.s0 + amount.end,
                    evidence={"cue": pair.view.as_written(cue), "english": t.text},
                    detail=f'"{pair.view.as_written(cue)}" makes the amount approximate; the English gives the same '
                    "number with no approximation word before or after it.",
                )


@register
class RankAdded(Check):
    """A ranking the English claims ("the largest in the region", "one of the finest halls", "the
    first such agreement", "the third this year") with no superlative (naj-) or ordinal in the
    aligned source: MT adds such claims in appositions and relative clauses, and a newsroom that
    prints one has to correct it. The span runs from the ranking to the end of its clause."""

    id = "fact.rank"
    category = "addition"
    severity = "major"
    requires_source = True

    def run(self, ctx):
        message = facts.tables()["ranks"]["message"]
        for pair in _pairs(ctx):
            for claim, word in facts.rank_claims(pair.english):
                if facts.ranked(pair.view.text, word):
                    continue
                yield Finding(
                    self.id,
                    pair.start + claim.start,
                    pair.start + claim.end,
                    message.format(claim=claim.text),
                    source_start=pair.s0,
                    source_end=pair.s1,
                    evidence={"ranking": word},
                    detail=f'"{word}" ranks what it describes; the aligned source has no superlative (naj-) '
                    "and no ordinal that says so.",
                )


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
        r"answered|admitted|argued|assessed|underlined|asserted|insisted|wrote|recalled|reiterated|repeated|"
        r"asked|reminded|requested|demanded)\b",
        re.I,
    )

    def run(self, ctx):
        yield from self._subject(ctx)
        spec = facts.tables()["speaker"]
        for pair in _pairs(ctx):
            female = facts.find(pair.view.text, spec["feminine"])
            male = facts.find(pair.view.text, spec["masculine"])
            if bool(female) == bool(male):
                continue  # no verb of saying, or both: the pronoun cannot be checked
            verb = (female or male)[0]
            for m in self._ENGLISH.finditer(pair.english):
                pronoun = m.group(1).lower()
                if (pronoun == "he") == bool(female):
                    right = "she" if female else "he"
                    right = right.capitalize() if m.group(1)[0].isupper() else right
                    a, b = pair.source_span(verb)
                    yield Finding(
                        self.id,
                        pair.start + m.start(1),
                        pair.start + m.end(1),
                        f'The original says "{pair.view.as_written(verb)}" '
                        f'({"a woman" if female else "a man"} speaking); the English has "{m.group(1)}": '
                        f'write "{right}"',
                        suggestion=right,
                        source_start=a,
                        source_end=b,
                        evidence={"source_gender": "feminine" if female else "masculine"},
                        detail=f'The past participle "{pair.view.as_written(verb)}" agrees with a '
                        f'{"feminine" if female else "masculine"} subject; "{m.group(1)}" gives the words to '
                        "someone else.",
                    )

    #: A source sentence that opens on its verb, its subject dropped or a pronoun ("Odbila je i
    #: prijedlog obrane", "Ona je dodala", "Kasnije je istakao"): the auxiliary "je" beside a past
    #: participle, feminine in -la, masculine in -ao, -io, -eo, -uo, within its first words
    _SOURCE_OPENING = re.compile(
        r"^\W*(?:(?:on|ona|takodje|kasnije|potom|zatim|ipak|medjutim)\s+)?"
        r"(?P<participle>[a-z]{2,}(?:la|ao|io|eo|uo))\s+je\b|"
        r"^\W*(?:on|ona|takodje|kasnije|potom|zatim|ipak|medjutim)?\s*je\s+(?:takodje\s+|i\s+)?"
        r"(?P<after>[a-z]{2,}(?:la|ao|io|eo|uo))\b"
    )
    #: ... and an English sentence that opens on its subject pronoun ("He also rejected")
    _ENGLISH_OPENING = re.compile(r"^\W*(?P<pronoun>He|She)\s+(?!is\b|was\b|has\b|had\b)[a-z]")

    def _subject(self, ctx):
        """The subject's gender where the source sentence opens on a past participle with its
        subject dropped (or a pronoun) and the English sentence on "He" or "She": the participle's
        gender is the subject's ("Odbila je": she rejected). One sentence on each side."""
        for pair in _pairs(ctx):
            if len(pair.source_sentences) != 1 or len(pair.english_sentences) != 1:
                continue
            m, e = self._SOURCE_OPENING.match(pair.view.text), self._ENGLISH_OPENING.match(pair.english)
            if m is None or e is None:
                continue
            start, end = m.span("participle") if m.group("participle") else m.span("after")
            female = pair.view.text[start:end].endswith("la")
            if (e.group("pronoun") == "He") != female:
                continue
            right = "She" if female else "He"
            a, b = pair.view.origin[start], pair.view.origin[end - 1] + 1
            written = pair.view.written[a:b]
            yield Finding(
                self.id,
                pair.start + e.start("pronoun"),
                pair.start + e.end("pronoun"),
                f'The original says "{written}" ({"a woman" if female else "a man"}); the English has '
                f'"{e.group("pronoun")}": write "{right}"',
                suggestion=right,
                source_start=pair.s0 + a,
                source_end=pair.s0 + b,
                evidence={"source_gender": "feminine" if female else "masculine"},
                detail=f'The past participle "{written}" agrees with a {"feminine" if female else "masculine"} '
                "subject, which the sentence leaves out.",
            )


_NAME_AFTER = re.compile(rf"\s+(?:[{UPPER}][\w’'-]+\s+){{0,2}}([{UPPER}][\w’'-]+)")


#: English qualifiers that rank an office holder above others of the office (chief prosecutor):
#: added to a source office that has other qualifiers, they name another office.
_RANKS = frozenset({"chief", "head", "principal", "supreme"})


#: An office's word followed by "'s Office" may be an institution's name (the Prosecutor's Office).
_INSTITUTION_AFTER = re.compile(r"['’]s\s+[Oo]ffice\b")


def _rendered_otherwise(english: str, renderings: list[str], english_offices: list[str]) -> bool:
    """Does the English give a name a title that renders the source office and is no English
    office the check reads ("Father Luka Ivić" for "jerej Luka Ivić")? Only as a title, capitalised
    before a capitalised name: a word such as "head" or "prior" elsewhere renders nothing."""
    others = [r for r in renderings if "+" not in r and r not in english_offices]
    return any(re.search(rf"\b{re.escape(r.title())}\s+[{UPPER}]", english) for r in others)


@register
class OfficeChanged(Check):
    """An office or title the English names that no office of the source renders ("premijer" →
    "President", "ministar" → "Prime Minister"): the statement is put in another person's mouth.
    Where the English office is followed by a name the source also has, the office next to that
    name in the source decides; otherwise an English office that renders none of the source's,
    beside a source office the English renders fewer times than the source names it."""

    id = "fact.office"
    category = "mistranslation"
    severity = "critical"
    requires_source = True

    def run(self, ctx):
        offices = facts.tables()["offices"]
        english_offices = offices["english_offices"]
        offices_of_institutions = facts.tables()["office_institutions"]
        renderings = {cue: words for cue, words in offices.items() if cue != "english_offices"}
        for pair in _pairs(ctx):
            for start, end, right in self._portfolios(pair):
                yield Finding(
                    self.id,
                    pair.start + start,
                    pair.start + end,
                    f'The original names another ministry ("{right}"); the English gives the minister another '
                    f"portfolio: write {right.title()} Minister",
                    suggestion=None,
                    source_start=pair.s0,
                    source_end=pair.s1,
                    evidence={"portfolio": right},
                    detail='The ministry after "ministar" in the source is not the one next to "Minister" in '
                    "the English: another minister is meant.",
                )
            found = [(c, cue) for cue in renderings for c in facts.find(pair.view.text, [cue])]
            found = _longest(found)
            if not found:
                continue
            yield from self._qualifiers(pair, found, renderings)
            low = pair.english.lower()

            def renders(office: facts.Cue, cue: str) -> bool:
                # the whole English office, not a word inside it ("prime minister" renders no
                # "ministar"); "office+word": with the body it heads named near it; "Deputy" before
                # the office's other words ("Deputy Organised Crime Prosecutor") is a deputy's
                texts = [office.text]
                if _DEPUTY_BEFORE.search(pair.english[: office.start]):
                    texts.append("deputy " + office.text)
                if (office.start, cue) in deputies and " " in office.text:
                    # the source's deputy ("zamjenica predsjednika opštine"): Deputy Mayor renders it
                    texts.append(office.text.split(" ", 1)[1])
                for rendering in renderings[cue]:
                    title, _, body = rendering.partition("+")
                    if not any(
                        m.start == 0 and m.end == len(text) for text in texts for m in facts.find(text, [title])
                    ):
                        continue
                    if not body or facts.find(_near(low, office), [body]):
                        return True
                return False

            english = facts.find(low, english_offices)
            # (English offices that begin with a deputy's word, beside a source office with a
            # deputy before it: read by renders() above)
            ranked = {key for c, key in found if self._rank_before(pair, c, "deputy")}
            deputies = {
                (o.start, key)
                for o in english
                for key in ranked
                if o.text.split(" ", 1)[0].rstrip("-") in _rank_words("deputy")
            }
            for office in english:
                said = pair.english[office.start : office.end]
                if _INSTITUTION_AFTER.match(pair.english, office.end) and facts.find(
                    pair.view.text, offices_of_institutions.get(office.text, [])
                ):
                    continue  # "the Prosecutor's Office" renders the source's tužilaštvo: an institution
                bound = self._bound(pair, office, found)
                if bound is not None:
                    if renders(office, bound[1]):
                        continue
                    wrong = bound
                else:
                    if any(renders(office, cue) for _, cue in found):
                        continue
                    # (a rendering no English office is, written in the English, renders the
                    # source's office too: "Father Miloš" for "jerej Miloš")
                    short = [
                        (c, cue)
                        for c, cue in found
                        if sum(1 for o in english if renders(o, cue)) < sum(1 for _, k in found if k == cue)
                        and not _rendered_otherwise(pair.english, renderings[cue], english_offices)
                    ]
                    if not short:
                        continue
                    wrong = short[0]
                cue, key = wrong
                right = renderings[key][0].replace("+", " of the ")
                if said[:1].isupper():
                    right = right[:1].upper() + right[1:] if " of the " in right else right.title()
                right = {"Pm": "PM"}.get(right, right)
                a, b = pair.source_span(cue)
                yield Finding(
                    self.id,
                    pair.start + office.start,
                    pair.start + office.end,
                    f'The original says "{pair.view.as_written(cue)}" ({right}); the English "{said}" is another '
                    f'office: write "{right}"',
                    suggestion=right,
                    source_start=a,
                    source_end=b,
                    evidence={"source_office": pair.view.as_written(cue), "english_office": office.text},
                    detail=f'"{pair.view.as_written(cue)}" renders as {", ".join(renderings[key][:3])}; "{said}" '
                    "names another office, which puts the words in another person's mouth.",
                )

    def _qualifiers(self, pair: _Pair, found, renderings):
        """An office whose qualifiers the English changes ("glavni specijalni tužilac" rendered
        "Supreme State Prosecutor"): the English words before a rendering of the source office
        that qualify an office, none of them a rendering of a qualifier the source gives it, where
        the source gives it one or more (an adjective before it, or the level of government in the
        genitive after it: "ministrica zdravstva Kantona Sarajevo" as "Federation Health
        Minister"), or a rank the source does not give added to its qualifiers ("Cantonal Chief
        Prosecutor" for "kantonalna tužiteljica")."""
        table = facts.tables().get("office_qualifiers", {})
        english_words = set(table.get("english", ()))
        stems = {k: v for k, v in table.items() if isinstance(v, list) and k[-1:] == "*"}
        levels = facts.tables().get("office_levels", {})
        low = pair.english.lower()
        yield from self._acting(pair, found, renderings, table, low)
        for cue, key in found:
            window_start = max(0, cue.start - 40)
            before = list(re.finditer(r"\w+", pair.view.text[window_start : cue.start]))[-2:]
            said = [
                k
                for w in before
                for k in stems
                if facts.find(w.group(), [k]) and facts.find(w.group(), [k])[0].start == 0
            ]
            # ... or the level of government in the genitive after it (ministrica Kantona Sarajevo)
            after = list(re.finditer(r"\w+", pair.view.text[cue.end : cue.end + 40]))[:3]
            level = next(
                ((k, w) for w in after for k in levels if facts.find(w.group(), [k]) and w.group()[:1] != "u"),
                None,
            )
            if said:
                first = next(w for w in before if any(facts.find(w.group(), [k]) for k in said))
                whole = facts.Cue(
                    window_start + first.start(), cue.end, pair.view.text[window_start + first.start() : cue.end]
                )
                accepted = {e for k in said for e in stems[k]}
                said_words = " ".join(stems[k][0] for k in said)
            elif level is not None:
                stem, word = level
                end = cue.end + word.end()
                whole = facts.Cue(cue.start, end, pair.view.text[cue.start : end])
                accepted = set(levels[stem])
                said_words = levels[stem][0]
            else:
                continue
            from_level = not said
            titles = {r.partition("+")[0].rstrip("*") for r in renderings[key]}
            for title in sorted(titles, key=len, reverse=True):
                for m in re.finditer(rf"\b{re.escape(title)}\b", low):
                    words = list(re.finditer(r"[a-z]+", low[max(0, m.start() - 30) : m.start()]))[-2:]
                    qualifiers = [w for w in words if w.group() in english_words]
                    added = [w for w in qualifiers if w.group() not in accepted]
                    if not added or (len(added) < len(qualifiers) and not any(w.group() in _RANKS for w in added)):
                        continue  # the source's qualifiers kept, and no rank added ("Cantonal Chief Prosecutor")
                    offset = max(0, m.start() - 30)
                    start, end = offset + added[0].start(), m.end()
                    if len(added) < len(qualifiers):
                        right = pair.english[m.start() : m.end()]  # the added rank dropped
                    elif from_level:
                        # the source's level for the English one, the rest kept (Cantonal Health Minister)
                        right = said_words + pair.english[start + len(added[0].group()) : end]
                        right = right[:1].upper() + right[1:] if pair.english[start].isupper() else right
                    else:
                        right = f"{said_words} {pair.english[m.start() : m.end()]}"
                        right = right.title() if pair.english[start].isupper() else right
                    a, b = pair.source_span(whole)
                    yield Finding(
                        self.id,
                        pair.start + start,
                        pair.start + end,
                        f'The original says "{pair.view.as_written(whole)}" ({right}); the English '
                        f'"{pair.english[start:end]}" is another office: write "{right}"',
                        suggestion=right,
                        source_start=a,
                        source_end=b,
                        evidence={
                            "source_qualifiers": said if said else [level[0]] if level else [],
                            "english_qualifiers": [w.group() for w in added],
                        },
                        detail="The words that qualify the office (chief, special, state, provincial) differ: "
                        "another office, and perhaps another person, is named.",
                    )
                    return

    def _acting(self, pair: _Pair, found, renderings, table, low: str):
        """An acting or deputy office ("v.d. direktora", "zamjenica predsjednika opštine") the
        English gives as the office itself ("the Director", "the Mayor"): where the source office
        has "v.d." or "zamjenik" before it and the English renders that office once in the pair,
        with no "acting" ("deputy") before it."""
        for rank in ("acting", "deputy"):
            yield from self._ranked(pair, found, renderings, table, low, rank)

    @staticmethod
    def _rank_before(pair: _Pair, cue: facts.Cue, rank: str) -> bool:
        """Does the source say "v.d." (rank "acting") or "zamjenik" ("deputy") before the office?"""
        before = pair.view.text[max(0, cue.start - 30) : cue.start].strip()
        words = facts.tables().get("office_qualifiers", {}).get(rank, ())
        # an adjective in the genitive may stand between ("zamjenik turskog ministra")
        stripped = _GENITIVE_ADJECTIVE.sub("", before)
        return any(b == a or b.endswith(" " + a) or b.endswith("." + a) for a in words for b in (before, stripped))

    def _ranked(self, pair: _Pair, found, renderings, table, low: str, rank: str):
        for cue, key in found:
            if not self._rank_before(pair, cue, rank):
                continue
            before = pair.view.text[max(0, cue.start - 22) : cue.start].strip()
            titles = {r.partition("+")[0].rstrip("*") for r in renderings[key]}
            hits = [m for t in titles for m in re.finditer(rf"\b{re.escape(t)}\b", low)]
            hits = [m for m in hits if not any(o is not m and o.start() <= m.start() < o.end() for o in hits)]
            if len(hits) != 1:
                continue
            m = hits[0]
            if any(w in low[max(0, m.start() - 25) : m.start()] for w in table.get(rank + "_english", ())):
                continue
            said = pair.english[m.start() : m.end()]
            right = (rank.title() + " " if said[:1].isupper() else rank + " ") + said
            a, b = pair.source_span(cue)
            yield Finding(
                self.id,
                pair.start + m.start(),
                pair.start + m.end(),
                f'The original says "{before.split()[-1]} {pair.view.as_written(cue)}" ({rank}); the English '
                f'"{said}" makes the {rank} office a full one: write "{right}"',
                suggestion=right,
                source_start=a,
                source_end=b,
                evidence={"source_office": pair.view.as_written(cue), "english_office": said},
                detail=(
                    '"v.d." (vršilac dužnosti) holds the office in an acting capacity only.'
                    if rank == "acting"
                    else '"zamjenik" (deputy) or "pomoćnik" (assistant) is not the office holder.'
                ),
            )

    def _portfolios(self, pair: _Pair):
        """A minister named with another portfolio than the source's ("ministar unutrašnjih
        poslova" rendered "Defence Minister"): the portfolios of the source's ministers, read
        in the words after "ministar", against the English words next to "Minister"."""
        table = facts.tables().get("portfolios", {})
        source_keys = set()
        for cue in facts.find(pair.view.text, ["ministr*", "ministar*"]):
            after = pair.view.text[cue.end : cue.end + 50]
            # the portfolio in the genitive (ministar finansija) or after "za" (ministar za
            # evropske integracije)
            after = re.sub(r"^\s*za\s+", " ", after, flags=re.IGNORECASE)
            # two portfolios' adjectives before one noun ("vanjskih i europskih poslova"): each
            both = re.match(r"\s*(\w+)\s+i\s+(\w+)\s+(\w+)", after)
            variants = [after] + ([f" {both[1]} {both[3]}", f" {both[2]} {both[3]}"] if both else [])
            keys = {k for k in table for text in variants if (cues := facts.find(text, [k])) and cues[0].start <= 2}
            if not keys and _unknown_portfolio(after):
                # a minister whose portfolio the table does not know ("ministar za ekonomski
                # razvoj"): any English portfolio may render it, so the pair is not judged
                return
            source_keys |= keys
        if not source_keys:
            return
        low = pair.english.lower()
        previous = 0
        for m in re.finditer(r"\bminister\b", low):
            # the words before this "Minister", back to the one before it at most
            reach, previous = max(m.start() - 45, previous), m.end()
            if low[max(0, m.start() - 6) : m.start()] == "prime ":
                continue  # a (deputy) prime minister "for Economic Policy" holds no ministry
            around = low[reach : m.start()] + " | " + low[m.end() : m.end() + 30]
            spans = [(c.start, c.end, k) for k, words in table.items() for c in facts.find(around, words)]
            # a word inside a longer portfolio is that one's ("trade" in "foreign trade")
            said = {k for a, b, k in spans if not any(x <= a and b <= y and (y - x) > (b - a) for x, y, _ in spans)}
            if not said or said & source_keys or any(set(table[k]) & set(table[j]) for k in said for j in source_keys):
                continue
            right = table[sorted(source_keys)[0]][0]
            before = low[reach : m.start()]
            words = [w for k in said for w in table[k]]
            hit = max((before.rfind(w) for w in words), default=-1)
            start = reach + hit if hit >= 0 else m.start()
            yield start, m.end(), right

    @staticmethod
    def _bound(pair: _Pair, office: facts.Cue, found):
        """The source office next to the name the English office is followed by, if the source
        has that name (its first four letters, folded) within three words after an office."""
        m = _NAME_AFTER.match(pair.english, office.end)
        if not m:
            return None
        keys = [k for k in (facts.fold_name(w)[:4] for w in m.group(0).split()) if len(k) == 4]
        if not keys:
            return None
        starts = sorted(c.start for c, _ in found)
        best, hits = None, 0
        for cue, stem in sorted(found, key=lambda f: f[0].start):
            stop = next((x for x in starts if x > cue.start), len(pair.view.text))
            window = pair.view.text[cue.end : min(stop, cue.end + 60)].split()[:6]
            # the office before the whole name, not one before a namesake (Damir Mandić, Damir Trut)
            n = sum(any(w.startswith(key) for w in window) for key in keys)
            if n > hits:
                best, hits = (cue, stem), n
        return best


#: The word after "ministar" that names a portfolio: a noun or adjective in the genitive (or after
#: "za"), not a verb or a function word ("ministar je rekao", "ministra koji")
_PORTFOLIO_WORD = re.compile(r"\s+(?:za\s+)?([a-z]{4,})")


def _unknown_portfolio(after: str) -> bool:
    """Does the text after "ministar" name a portfolio (a content word in -a, -e, -i, -u that is no
    participle), of which the table knows nothing?"""
    from backcheck.lang import lexicon

    m = _PORTFOLIO_WORD.match(after)
    if m is None:
        return False
    word = m.group(1)
    return (
        word[-1] in "aeiu"
        and not word.endswith(("la", "li", "le"))
        and lexicon.zipf(word, "sh") <= lexicon.FUNCTION_ZIPF
    )


#: A masculine or neuter adjective in the genitive at the end of a text (turskog, bivseg).
_GENITIVE_ADJECTIVE = re.compile(r"\s+[a-z]+(?:og|oga|eg|ega)$")

#: "Deputy" and up to three capitalised words before an office: one office (Deputy Organised Crime
#: Prosecutor).
#: "Deputy" and up to three words of the office before it (Deputy union president, deputy higher
#: public prosecutor)
_DEPUTY_BEFORE = re.compile(r"\b[Dd]eputy\s+(?:(?:[A-Z][\w'’-]*\s+){0,3}|(?:[a-z]+\s+){1,3})$")

#: Words either side of an English office within which the body it heads is named ("Chair of
#: the Management Board", "the SDP parliamentary group's president").
_BODY_WORDS = 6


def _rank_words(rank: str) -> frozenset[str]:
    """The English words of a rank ("deputy", "vice", "assistant"), sh_facts.toml [office_qualifiers]."""
    return frozenset(w.rstrip("-") for w in facts.tables().get("office_qualifiers", {}).get(rank + "_english", ()))


def _near(text: str, office: facts.Cue) -> str:
    """The words around an English office, where its body is named."""
    before = text[: office.start].split()[-_BODY_WORDS:]
    after = text[office.end :].split()[:_BODY_WORDS]
    return " ".join([*before, "|", *after])


def _longest(found):
    """Source offices without one inside another ("predsjednik vlade" holds "predsjednik")."""
    return [
        (c, k)
        for c, k in found
        if not any((o.start <= c.start and c.end <= o.end) and (o.end - o.start) > (c.end - c.start) for o, _ in found)
    ]


@register
class FalseFriend(Check):
    """A source word rendered by the English word it resembles but does not mean: "eventualno" is
    "possibly", not "eventually"; "aktuelan" is "current", not "actual"; "ambulanta" a clinic."""

    id = "mistranslation.false_friend"
    category = "mistranslation"
    severity = "major"

    def run(self, ctx):
        if ctx.source is None:
            yield from self._english_only(ctx.document.text)
            return
        table = facts.tables()["false_friends"]
        for pair in _pairs(ctx):
            for stem, (traps, meaning) in table.items():
                cues = facts.find(pair.view.text, [stem])
                if not cues:
                    continue
                written = pair.view.as_written(cues[0])
                a, b = pair.source_span(cues[0])
                rights = [w.strip() for w in meaning.split("/") if len(w.strip()) >= 4]
                if any(re.search(rf"\b{re.escape(r)}", pair.english, re.I) for r in rights if r):
                    continue  # the English renders the word rightly too ("an ambulance for the clinic")
                for m in re.finditer(rf"\b(?:{traps})\b", pair.english, re.I):
                    right = meaning.split(" / ")[0]
                    yield Finding(
                        self.id,
                        pair.start + m.start(),
                        pair.start + m.end(),
                        f'The original says "{written}" ({meaning}); "{m.group()}" is a false friend: write "{right}"',
                        suggestion=right,
                        source_start=a,
                        source_end=b,
                        evidence={"source_stem": stem},
                        detail=f'"{written}" looks like "{m.group()}" but means "{meaning}".',
                    )

    def _english_only(self, text: str):
        """Without the source: a false friend that English shows by the word it goes with ("the
        actual mayor": "aktuelni", the current one), from ``sh_facts.toml`` [false_friend_phrases]."""
        for m, right, meaning in facts.false_friend_phrases(text):
            yield Finding(
                self.id,
                m.start("trap"),
                m.end("trap"),
                f'"{m.group("trap")} {m.group("noun")}" reads as a Serbo-Croatian false friend ({meaning}): '
                f'write "{right}"',
                suggestion=right,
                evidence={"phrase": m.group()},
                detail=f'English says "{m.group("trap")}" of a {m.group("noun")} only to contrast it with a nominal one.',
            )


_CAPITALISED = r"([A-ZČĆŠŽĐ][\w’'-]+(?:\s+[A-ZČĆŠŽĐ][\w’'-]+)*)"


_SCORE = r"\d+\s?[-–:&]\s?\d+"


def _words(verbs: list[str]) -> str:
    """The verbs as one alternation; a score may stand inside a verb of several words ("lost
    2:1 to", "lost 85-78 to")."""
    return "|".join(
        rf"\s+(?:{_SCORE}\s+)?".join(re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") for w in v.split())
        for v in verbs
    )


#: what may stand between a source verb of winning and its object: adverbs, time words and
#: prepositional phrases of place or time ("pobijedili su u utorak uveče u Podgorici njemački
#: Ulm"), a quoted stadium name; at most eight words
_SOURCE_GAP = (
    r"(?:\s+(?:(?:u|na|pred|kod|iz|nakon|poslije|posle|tokom|za)\s+(?:[\w’'-]+\s+)?[„“\"]?[A-ZČĆŠŽĐ][\w’'-]*[“”\"]?"
    r"|[„“\"][^„“\"”]{1,40}[“”\"]|[a-zčćšžđ][\w’'-]*)){0,8}?"
)


def _results(
    text: str, win: list[str], lose: list[str], win_nouns=(), lose_nouns=(), before: str = "", source: bool = False
) -> list[tuple[str | None, str | None, int, int]]:
    """(winner, loser, start, end) for each result in ``text``: "X beat Y", "X lost to Y", and
    the nouns "X's 1-0 win over Y", "a 5-2 loss to Y" (a side not named is None); ``before``
    is the preposition of a source noun (pobjeda "nad" X). In the ``source``, the object of a
    verb may follow adverbs and phrases of place and time (:data:`_SOURCE_GAP`)."""
    out: list[tuple[str | None, str | None, int, int]] = []
    for verbs, winner_first in ((win, True), (lose, False)):
        # the subject, up to four words (je u Podgorici), the verb, the object
        # (in the English a score may come first: "lost 3-1 to Radnički")
        gap = _SOURCE_GAP if source else rf"(?:\s+{_SCORE})?(?:\s+(?:the|their|its|[a-zčćšžđ]\w*))?"
        # (in the source up to six words, across a relative pronoun: "Italija, koja je u grupi pobijedila")
        # (a name's lower-case second word and a relative clause's comma: "Crvena zvezda, who"; in
        # the source not across a conjunction that opens another clause: "X je rekla da joj je poraz")
        # (and a score: "Srbiju je u Gentu sa 3:1 savladala Belgija")
        between = (
            rf"(?:,?\s+(?!(?:da|što|sto|jer|ali)\b)(?:{_SCORE}|[\w’'-]+)){{0,7}}?"
            if source
            else r"(?:,?\s+[\w’'-]+){0,4}?"
        )
        pattern = rf"{_CAPITALISED}{between}\s+(?P<verb>{_words(verbs)}){gap}\s+{_CAPITALISED}"
        for m in re.finditer(pattern, text):
            a, b = _side(m.group(1)), _side(m.group(m.re.groups))  # the subject, the object
            # the subject is the name nearest the verb ("Last season Jadran beat ..."): Jadran
            before_verb = text[m.start() : m.start("verb")]
            nearest = [
                n
                for n in re.finditer(_CAPITALISED, before_verb)
                if not _AFTER_PREPOSITION.search(before_verb[: n.start()])  # not "u Podgorici", "in Cetinje"
            ]
            start = m.start()
            if nearest and _side(nearest[-1].group(1)):
                a, start = nearest[-1].group(1), m.start() + nearest[-1].start()
            if a is None and b is None:
                continue
            if source and a and b and _oblique(a) and not _oblique(b):
                a, b = b, a  # the object first ("Srbiju je savladala Belgija"): Belgium won
            out.append((a, b, start, m.end()) if winner_first else (b, a, start, m.end()))
    for nouns, won in ((win_nouns, True), (lose_nouns, False)):
        if not nouns:
            continue
        if before:  # pobjeda (od 5:2) nad X: X lost
            pattern = rf"\b(?:{_words(list(nouns))})(?:\s+(?:od|s|sa|rezultatom))?(?:\s+{_SCORE})?\s+{before}\s+{_CAPITALISED}"
            for m in re.finditer(pattern, text):
                out.append((None, m.group(1), m.start(), m.end()) if won else (m.group(1), None, m.start(), m.end()))
            continue
        pattern = (
            rf"(?:{_CAPITALISED}(?:'s|’s)?\s+)?(?:an?\s+)?(?:[a-z]+\s+)?(?:{_SCORE}\s+)?"
            rf"\b(?:{_words(list(nouns))})\s+(?:the\s+)?{_CAPITALISED}"
        )
        for m in re.finditer(pattern, text):
            other = m.group(1)
            if other and other.split()[0] in ("The", "A", "An") and len(other.split()) == 1:
                other = None
            start = m.start(1) if other else m.start()
            out.append((other, m.group(2), start, m.end()) if won else (m.group(2), other, start, m.end()))
    return out


def _oblique(name: str) -> bool:
    """Is the source name in the accusative, no subject: a feminine -u (Srbiju, Crvenu zvezdu), or
    a man's -ić surname in -a (Lajovića)? Serbo-Croatian may put the object first, and the case,
    not the order, says who won."""
    last = name.split()[-1].lower()
    return len(last) >= 4 and (last.endswith("u") or last.endswith("ića"))


#: a capitalised pronoun or determiner opening a sentence is no side of a result ("His putt
#: won them the match", "Njegov pogodak")
_NO_SIDE = re.compile(
    r"(?:The|A|An|His|Her|Their|Its|Our|My|Your|This|That|These|Those|He|She|They|It|We|I|You|"
    r"Njegov\w*|Njen\w*|Njezin\w*|Njihov\w*|Naš\w*|Moj\w*|Tvoj\w*|Vaš\w*|Taj|Ta|To|Ovaj|Ova|Ovo|On|Ona|Oni|One|Mi|Vi|Ja)\b"
)


def _side(name: str | None) -> str | None:
    return None if name is None or _NO_SIDE.match(name) else name


_AFTER_PREPOSITION = re.compile(
    r"\b(?:u|na|iz|od|do|za|sa|s|kod|pred|prema|in|at|on|from|to|with|for|against|after|before)\s+$", re.I
)


def _match_winners(text: str, verbs: list[str], matches: list[str]) -> list[tuple[str | None, str | None, int, int]]:
    """(winner, None, start, end) for "X je dobio (njihov jedini) meč", "X won the match": a
    winner with no opponent named."""
    pattern = (
        rf"{_CAPITALISED}(?:\s+[\w’'-]+){{0,4}}?\s+(?:{_words(verbs)})(?:\s+[\w’'-]+){{0,4}}?\s+(?:{_words(matches)})\b"
    )
    return [(m.group(1), None, m.start(), m.end()) for m in re.finditer(pattern, text) if _side(m.group(1))]


_NON_SPACE = re.compile(r"\S+")


def _score_winners(text: str, verbs: list[str], source: bool) -> list[tuple[str | None, str | None, int, int]]:
    """(winner, None, start, end) for "X je (pred 1.500 gledalaca u Kragujevcu) slavio (sa) 1:0", "X
    won 1-0": a winner with a score and no opponent named; the winner is the name nearest the
    verb that is no place after a preposition (u Kragujevcu), within eight words before it."""
    out: list[tuple[str | None, str | None, int, int]] = []
    object_after = re.compile(r"\s+(?:the\s+)?[A-ZČĆŠŽĐ]") if not source else re.compile(r"\s+[A-ZČĆŠŽĐ]")
    for m in re.finditer(
        rf"(?<![\w’'-])(?:{_words(verbs)})\s+(?:(?:rezultatom|sa|s|with|by)\s+)?(?P<score>{_SCORE})\b", text
    ):
        if object_after.match(text, m.end()):
            continue  # an opponent after the score: the verbs of beating read it
        raw_start = max(0, m.start() - 90)
        words = list(_NON_SPACE.finditer(text, raw_start, m.start()))[-9:]
        if not words:
            continue
        offset = words[0].start()
        before = text[offset : m.start()]
        names = []
        for n in re.finditer(_CAPITALISED, before):
            if not _AFTER_PREPOSITION.search(before[: n.start()]):
                names.append((n.start(), n.end(), n.group(1)))
                continue
            last = n.group(1).split()[-1]
            if source and last != n.group(1) and not last.endswith("u"):
                # a place after a preposition, then the subject ("na Poljudu Hajduk je slavio"); a
                # two-word place ends in its locative -u ("u Novom Sadu")
                names.append((n.end() - len(last), n.end(), last))
        if not names or re.search(r"[.!?]\s", before[names[-1][1] :]):
            continue
        winner = _side(names[-1][2])
        if winner:
            out.append((winner, None, offset + names[-1][0], m.end()))
    return out


#: A phrase of place or time between "poražen" and "od" ("poražena u Madridu od Reala").
_BETWEEN_LOSS_AND_BY = re.compile(
    r"(?<=\bpora)(\w*)(?:\s+(?:u|na|pred|kod|nakon|posle|poslije)\s+[A-ZČĆŠŽĐ]\w*)+(?=\s+od\b)"
)


def _same(a: str, b: str) -> bool:
    """One team or person in two languages: the folded words begin alike (Zvezda, Zvezdu)."""
    from backcheck.lang.names.phonetic import phonetic_key

    x, y = facts.fold_name(a), facts.fold_name(b)
    if min(len(x), len(y)) < 4:
        return x == y
    n = min(len(x), len(y), 5)
    if x[:n] == y[:n]:
        return True
    # a side named with a common noun before it ("Košarkaši Budućnosti", "Vojvodina's
    # footballers"): any two words of four letters or more that begin alike
    words_a = [facts.fold_name(w) for w in re.findall(r"[\w’'-]{4,}", a)]
    words_b = [facts.fold_name(w) for w in re.findall(r"[\w’'-]{4,}", b)]
    # (the last letter of the shorter may be a case ending: Kulu, Kula)
    if (len(words_a) > 1 or len(words_b) > 1) and any(
        u[: min(len(u) - 1, len(v) - 1, 5)] == v[: min(len(u) - 1, len(v) - 1, 5)] for u in words_a for v in words_b
    ):
        return True
    # the source's phonetic spelling of an English name (Rendžersima, Rangers): the consonants
    # of the first word alike
    p, q = phonetic_key(a.split()[-1], True), phonetic_key(b.split()[-1], False)
    if min(len(p), len(q)) >= 4 and p[:4] == q[:4]:
        return True
    # a country or city English names otherwise (Španiju: Španija, Spain)
    if _exonym_of(b) == x:
        return True
    # a name or a noun the English translates (Zvezda: Red Star; "Tim italijanskog trenera": the
    # Italian coach's team), by the Serbo-Croatian dictionary the results tables are read with
    return _translated(a, b)


def _translated(english: str, source: str) -> bool:
    from backcheck.lang.glosses import linked

    words_e = re.findall(r"[^\W\d_]{3,}", english)
    words_s = re.findall(r"[^\W\d_]{3,}", source)
    return any(linked(e, s, "sr") for e in words_e for s in words_s)


def _exonym_of(source_name: str) -> str | None:
    from backcheck.lang.gazetteer import english_exonym
    from backcheck.lang.sh.morphology import candidate_bases

    for base in (source_name, *(b for b, _, _ in candidate_bases(source_name))):
        english = english_exonym(base)
        if english:
            return facts.fold_name(english)
    return None


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
        for src, tgt, source, english in _text_pairs(ctx):
            source = _BETWEEN_LOSS_AND_BY.sub(r"\1", source)
            source_results = _results(
                source,
                spec["source_win"],
                spec["source_lose"],
                spec.get("source_win_noun", ()),
                (),
                spec.get("source_win_noun_before", "nad"),
                source=True,
            )
            if spec.get("source_win_match"):
                source_results += _match_winners(source, spec["source_win_match"], spec["source_match"])
            if spec.get("source_win_score"):
                source_results += _score_winners(source, spec["source_win_score"], source=True)
            if not source_results:
                continue
            winners = [w for w, _, _, _ in source_results if w]
            losers = [lo for _, lo, _, _ in source_results if lo]
            english_results = _results(
                english,
                spec["english_win"],
                spec["english_lose"],
                spec.get("english_win_noun", ()),
                spec.get("english_lose_noun", ()),
            )
            if spec.get("english_win_match"):
                english_results += _match_winners(english, spec["english_win_match"], spec["english_match"])
            if spec.get("english_win_score"):
                english_results += _score_winners(english, spec["english_win_score"], source=False)
            reported: list[tuple[int, int]] = []
            # (the shortest reading of an overlapping pair first: "Jadran won 12-10", not "... in the first match")
            for winner, loser, a, b in sorted(english_results, key=lambda r: (r[2], r[3] - r[2])):
                wrong_winner = (
                    winner and any(_same(winner, x) for x in losers) and not any(_same(winner, x) for x in winners)
                )
                if winner and loser is None and winners and not losers and not any(_same(winner, x) for x in winners):
                    # "X won the match" where the source's winner is another side
                    if re.fullmatch(r"(?:The|A|An|He|She|They|It|We|I)\b.*", winner) is None:
                        wrong_winner = True
                        losers = [winner]
                wrong_loser = (
                    loser and any(_same(loser, x) for x in winners) and not any(_same(loser, x) for x in losers)
                )
                if not (wrong_winner or wrong_loser):
                    continue
                won = winner if wrong_winner and not wrong_loser else None
                source_winner = next((x for x in winners if loser and _same(loser, x)), None)
                source_loser = next((x for x in losers if winner and _same(winner, x)), None)
                said_winner = winner or "the other side"
                right_winner = loser if wrong_loser else None
                right_loser = winner if wrong_winner else None
                from_source = right_winner is None and wrong_winner and len(winners) == 1 and loser is None
                if from_source:
                    right_winner = winners[0]  # the source's subject, in the source's spelling
                right_winner, right_loser = (
                    re.sub(r"['’]s$", "", x.split("'s ")[0].split("’s ")[0]) if x else x
                    for x in (right_winner, right_loser)
                )
                if right_winner and right_loser:
                    right = f"{right_winner} beat {right_loser}"
                elif right_winner:
                    right = f"a win for {right_winner}"
                else:
                    right = f"a loss for {right_loser}"
                start, end = tgt[0].start + a, tgt[0].start + b
                if any(start < e and s < end for s, e in reported):
                    continue  # one result read twice ("X won 12-10 in the first match"): one finding
                reported.append((start, end))
                yield Finding(
                    self.id,
                    start,
                    end,
                    f"The original says {right_winner or 'the other side'} won and {right_loser or 'the other side'} "
                    f'lost; the English reverses the result: write "{right}"',
                    suggestion=right if right_winner and right_loser and not from_source else None,
                    detail=f"In the source {source_winner or (right_winner or 'the other side')} is the one who won "
                    f"(the subject of a verb of winning, the object of a verb of losing, or the side a win is "
                    f'over: "pobjeda nad" {source_loser or right_loser or "X"}); in the English {said_winner} is.',
                    source_start=src[0].start,
                    source_end=src[-1].end,
                    evidence={"english": [winner, loser], "won": won},
                )


@register
class ScoreOrder(Check):
    """A winner's score given second: "Borac beat Mega 89-94". English gives the score of a
    result from the winner's side ("beat Mega 94-89"), so after a verb of winning a first number
    lower than the second is a score turned round (or a result reversed). From the English alone;
    a list of set scores ("6-4, 3-6, 6-3") is left alone, its sets won by either side."""

    id = "fact.score_order"
    category = "mistranslation"
    severity = "major"

    def run(self, ctx):
        verbs = "|".join(re.escape(v) for v in sorted(facts.tables()["results"]["english_win"], key=len, reverse=True))
        pattern = re.compile(
            rf"\b(?:{verbs})\s+(?:[^\s.,;:!?\d]+\s+){{1,5}}?(?:by\s+|with\s+a\s+score\s+of\s+)?"
            r"(?P<a>\d{1,3})(?P<sep>\s?[-–:]\s?)(?P<b>\d{1,3})\b(?!\s*[,(]\s*\d)(?![-–:]\d)"
        )
        text = ctx.document.text
        for m in pattern.finditer(text):
            a, b = int(m.group("a")), int(m.group("b"))
            if a >= b:
                continue
            right = f"{b}{m.group('sep')}{a}"
            yield Finding(
                self.id,
                m.start("a"),
                m.end("b"),
                f'"{m.group("a")}{m.group("sep")}{m.group("b")}" gives the winner\'s score second: write {right}, or '
                "check who won",
                suggestion=right,
                detail="English gives a result's score from the winner's side; after a verb of winning the first "
                "number is the winner's.",
                evidence={"score": [a, b]},
            )


@register
class VotesSwapped(Check):
    """A vote's tally turned round: the source's count of one side (for, against, abstained) given
    in English to another ("Za je glasovalo 11 vijećnika, protiv 14" as "Fourteen voted in favour
    and 11 against"). Each clause with one number and the words of one side gives that side its
    count, on each side of the pair (``sh_facts.toml`` [votes]); an English count the source gives
    another side, where the source also counts the English side, is flagged with the source's
    count of that side as suggestion."""

    id = "fact.votes"
    category = "mistranslation"  # a result reversed, as fact.result's
    severity = "critical"
    requires_source = True

    def run(self, ctx):
        from backcheck.lang.numbers import extract
        from backcheck.lang.numbers.house_style import render_number

        spec = facts.tables()["votes"]
        for src, tgt, source, english in _text_pairs(ctx):
            low = source.lower()
            if not (re.search(spec["source_vote"], low) and re.search(spec["english_vote"], english, re.I)):
                continue
            source_sides = _tally(low, extract(source, ctx.source.lang), spec["source_clause"], spec["source"], 0)
            english_sides = _tally(english, extract(english, "en"), spec["english_clause"], spec["english"], re.I)
            counted = {side for side, _ in source_sides.values()}
            for value, (side, t) in english_sides.items():
                said = source_sides.get(value)
                if said is None or said[0] == side or side not in counted:
                    continue
                right = next(q for v, (s_, q) in source_sides.items() if s_ == side)
                suggestion = render_number(right.primary[1])  # house style: nine, 14
                yield Finding(
                    self.id,
                    tgt[0].start + t.start,
                    tgt[0].start + t.end,
                    f'The original counts "{said[1].text}" {_SIDE_WORDS[said[0]]} and "{right.text}" '
                    f'{_SIDE_WORDS[side]}; the English gives "{t.text}" {_SIDE_WORDS[side]}: write {suggestion}',
                    suggestion=suggestion,
                    source_start=src[0].start,
                    source_end=src[-1].end,
                    evidence={"side": side, "source_side": said[0], "value": value},
                    detail="A vote's tally: the English gives one side the count the source gives another.",
                )


_SIDE_WORDS = {"for": "in favour", "against": "against", "abstained": "abstaining"}


@register
class RelativeDateChanged(Check):
    """A date told from the day of writing changed: "prošle sedmice" as "last month", "sutra" as
    "today". Each side's such dates are read with ``sh_facts.toml`` [relative_dates]; an English one
    the aligned source does not say, where the source says one other, is flagged with the English
    of the source's as suggestion. (A source with none, or with two, says nothing here: the
    English may write the date out.)"""

    id = "fact.relative_date"
    category = "number"
    severity = "major"
    requires_source = True

    def run(self, ctx):
        spec = facts.tables()["relative_dates"]
        for src, tgt, source, english in _text_pairs(ctx):
            said = {key for key, pattern in spec["source"].items() if re.search(pattern, source.lower())}
            if len(said) != 1:
                continue
            (right,) = said
            found = [(key, m) for key, pattern in spec["english"].items() for m in re.finditer(pattern, english, re.I)]
            if any(key == right for key, _ in found):
                continue
            for key, m in found:
                suggestion = right.capitalize() if m.group()[:1].isupper() else right  # "Last week," opens
                yield Finding(
                    self.id,
                    tgt[0].start + m.start(),
                    tgt[0].start + m.end(),
                    f'The original says "{right}"; the English "{m.group()}" is another date: write {suggestion}',
                    suggestion=suggestion,
                    source_start=src[0].start,
                    source_end=src[-1].end,
                    evidence={"source": right, "english": key},
                    detail="A date told from the day of writing (last week, this year, tomorrow) that the source "
                    "gives otherwise.",
                )


def _tally(text: str, quantities, clause: str, sides: dict[str, str], flags: int) -> dict[float, tuple[str, object]]:
    """value -> (side, quantity) for each clause of ``text`` with one count and one side's words
    (a count in two clauses, or a clause with two sides, says nothing)."""
    out: dict[float, tuple[str, object]] = {}
    bounds = [0] + [m.end() for m in re.finditer(clause, text, flags)] + [len(text) + 1]
    seen: set[float] = set()
    for a, b in zip(bounds, bounds[1:], strict=False):
        counts = [q for q in quantities if a <= q.start < b and q.kind in ("count", "amount") and q.primary]
        named = {side for side, pattern in sides.items() if re.search(pattern, text[a:b], flags)}
        if len(counts) != 1 or len(named) != 1:
            continue
        value = counts[0].primary[1]
        if value in seen:
            out.pop(value, None)
            continue
        seen.add(value)
        out[value] = (named.pop(), counts[0])
    return out


#: A name within a few words before a number, in the same clause: the side the number belongs to
#: ("Raguž 3.412 glasova", "Šehić has 3,412", "SNS with 45 percent").
_OWNER_BEFORE = re.compile(r"([A-ZČĆŠŽĐ][\w’'-]+)[“”\"»]?,?(?:\s+[a-zčćšžđ][\w’'-]*){0,5}\s*[:–-]?\s*$")


_QUOTED_OWNER_BEFORE = re.compile(r"[„“\"«]([^„“”\"«»]{2,60})[“”\"»]\s*[:–-]?\s*$")


@register
class SidesSwapped(Check):
    """The hosts and the visitors swapped: the source's "gosti" (the visitors) rendered "the
    hosts", or "domaćini" rendered "the visitors". Where the aligned source names one side only
    and the English names the other side only, the English has the match the wrong way round."""

    id = "fact.side"
    category = "mistranslation"
    severity = "critical"
    requires_source = True

    def run(self, ctx):
        spec = facts.tables()["sides"]
        for pair in _pairs(ctx):
            source = {side: facts.find(pair.view.text, spec["source_" + side]) for side in ("home", "away")}
            english = {
                side: [
                    m
                    for phrase in spec["english_" + side]
                    for m in re.finditer(rf"\b{re.escape(phrase)}\b", pair.english, re.I)
                ]
                for side in ("home", "away")
            }
            for said, right in (("home", "away"), ("away", "home")):
                if not (english[said] and source[right]) or english[right] or source[said]:
                    continue
                cue = source[right][0]
                written = pair.view.as_written(cue)
                word = spec["english_" + right][1 if right == "home" else 0]
                a, b = pair.source_span(cue)
                for m in english[said]:
                    yield Finding(
                        self.id,
                        pair.start + m.start(),
                        pair.start + m.end(),
                        f'The original says "{written}" (the {word}); the English "{m.group()}" names the other '
                        f'side: write "the {word}"',
                        suggestion=word,
                        source_start=a,
                        source_end=b,
                        evidence={"source_side": right, "english_side": said},
                        detail="The hosts and the visitors are swapped: the sentence now says the other team did it.",
                    )


def _owners(text: str, lang: str) -> dict[float, tuple[str, int, int]]:
    """Each number written once in ``text`` -> (the name just before it, the number's span)."""
    from backcheck.lang.numbers.extraction import extract

    out: dict[float, tuple[str, int, int]] = {}
    seen: Counter = Counter()
    last_end = 0
    for q in extract(text, lang):
        if q.weak or q.kind in ("date", "year", "time"):
            last_end = q.end
            continue
        value = q.primary[1] if q.primary else None
        if value is None:
            continue
        seen[value] += 1
        before = text[max(last_end, q.start - 60) : q.start]
        quoted = _QUOTED_OWNER_BEFORE.search(before)
        m = _OWNER_BEFORE.search(before)
        if quoted and re.search(r"[A-ZČĆŠŽĐ]", quoted.group(1)):
            out[value] = (quoted.group(1), q.start, q.end)  # a list or coalition: „Zajedno za Kulu“ 287
        elif m and _side(m.group(1)) and not _AFTER_PREPOSITION.search(before[: m.start()]):
            out[value] = (m.group(1), q.start, q.end)
        last_end = q.end
    return {v: o for v, o in out.items() if seen[v] == 1}


def _one_side(source: str, english: str) -> bool:
    """The same side: the same name (:func:`_same`), or a list's name translated around its
    own name ("Kula za sve", "Kula for All")."""
    if _same(source, english):
        return True
    words = [{fold(w) for w in re.findall(r"[A-ZČĆŠŽĐ][\w’'-]{2,}", x)} for x in (source, english)]
    return len(source.split()) > 1 and len(english.split()) > 1 and bool(words[0] & words[1])


@register
class AttributionSwapped(Check):
    """Two numbers of a sentence given to each other's side: the source's "Raguž 3.412 glasova,
    a Šehić 3.398" rendered "Raguž has 3,398 votes, while Šehić has 3,412" (votes, points, goals,
    shares). Each number belongs to the name just before it in its clause; when the English gives
    two of the source's numbers to each other's name, the result is reversed even though every
    number is there."""

    id = "fact.attribution"
    category = "mistranslation"
    severity = "critical"
    requires_source = True

    def run(self, ctx):
        for src, tgt, source, english in _text_pairs(ctx):
            theirs, ours = _owners(source, ctx.source.lang), _owners(english, "en")
            values = sorted(set(theirs) & set(ours))
            for i, a in enumerate(values):
                for b in values[i + 1 :]:
                    (sa, *_), (sb, *_) = theirs[a], theirs[b]
                    (ea, a0, a1), (eb, b0, b1) = ours[a], ours[b]
                    if _same(sa, sb) or _one_side(sa, ea) or not (_one_side(sa, eb) and _one_side(sb, ea)):
                        continue
                    start, end = min(a0, b0), max(a1, b1)
                    shown = {v: english[s:e] for v, (_, s, e) in ((a, ours[a]), (b, ours[b]))}
                    yield Finding(
                        self.id,
                        tgt[0].start + start,
                        tgt[0].start + end,
                        f"The original gives {shown[a]} to {sa} and {shown[b]} to {sb}; the English swaps them",
                        source_start=src[0].start,
                        source_end=src[-1].end,
                        detail=f"In the source {shown[a]} follows {sa} and {shown[b]} follows {sb}; in the English "
                        f"{shown[a]} follows {ea} and {shown[b]} follows {eb}.",
                        evidence={"source": {sa: a, sb: b}, "english": {ea: a, eb: b}},
                    )
