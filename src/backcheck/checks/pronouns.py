"""A pronoun that contradicts the article's own mention of the person it stands for: the
article introduces "Minister Milena Pavlović", quotes her, and goes on "He added that ...". The
source's verb ("dodala je", a woman) is lost in translation; an editor sees the contradiction in
the English alone. With a Serbo-Croatian source, ``fact.speaker`` reads the verb itself."""

from __future__ import annotations

import re

from backcheck.checks.base import Check, Finding, register
from backcheck.lang.languages import is_serbo_croatian
from backcheck.lang.persons import first_name_gender, office_holders, office_words, persons
from backcheck.lang.text import UPPER

_SAYING = (
    r"said|says|added|adds|stressed|stresses|noted|notes|stated|states|told|explained|warned|emphasi[sz]ed|"
    r"concluded|pointed\s+out|points\s+out|announced|confirmed|claimed|replied|answered|admitted|argued|"
    r"underlined|asserted|recalled|reminded|insisted|continued|went\s+on"
)
_SAYING_ING = r"adding|stressing|noting|stating|explaining|emphasi[sz]ing|pointing\s+out|insisting"
#: acts of speech a quoted person goes on with ("He thanked the fans", "He rejected the claims"):
#: read after "He" only, not as the verb of a reported "his" (praised his work is someone else's)
_ACTS = (
    r"thanked|proposed|rejected|refused|urged|called\s+on|appealed|promised|praised|congratulated|"
    r"welcomed|expressed|critici[sz]ed|denied|acknowledged|apologi[sz]ed|assured"
)
#: "He added", "he said" (after a quotation too), "She pointed out"
#: Quotation marks: double ones, and single ones where they can only open a quotation (before a
#: capital, after a space or a line's start: 'We played ...) or close one (after the quotation's
#: own punctuation: ..., lads,' Ilić said), not an apostrophe (Montenegro's, players')
_QUOTES = re.compile(r"[\"“”]|(?:(?<=\s)|^)['‘](?=[A-ZČĆŠŽĐ0-9])|(?<=[,.!?])['’](?=\s|$)", re.MULTILINE)
_PRONOUN = re.compile(rf"\b(?P<p>[Hh]e|[Ss]he)\s+(?:also\s+|further\s+|then\s+|later\s+)?(?P<verb>{_SAYING}|{_ACTS})\b")
#: a verb of saying right after a name, or right before it ("Marić said", "Marić, the director,
#: told", "said Marić")
_SAYS_AFTER = re.compile(rf"(?:,[^,\"“”]{{1,80}},)?\s+(?:also\s+|further\s+|then\s+|later\s+)?(?:{_SAYING})\b")
_SAYS_BEFORE = re.compile(rf"\b(?:{_SAYING})\s+(?:[A-Z][\w.-]*\s+){{0,3}}$")


@register
class PronounGender(Check):
    """A "he" or "she" that says a verb of saying, whose antecedent (the person last named before
    it, in its sentence or the one before; the speaker rather than a person named in what they
    said; for "he added", else the last speaker of the paragraph before) the article introduced
    as of the other sex: by a
    Serbo-Croatian first name (Milena, Dragana; Nikola is a man's), a title (Ms, spokeswoman), the
    article's own words, or a foreign first name other languages give one sex (Zsófia) before a
    surname the region does not write. Names that do not tell (Saša, Andrea Pirlo) are left alone, and
    so is "she": machine translation renders a woman's "rekla je" as "he said", not the reverse."""

    id = "fact.pronoun"
    category = "mistranslation"
    severity = "critical"

    def run(self, ctx):
        doc = ctx.document
        text = doc.text
        if not (_PRONOUN.search(text) or _REPORTED.search(text)):
            return
        from backcheck.lang.names.foreign_persons import foreign_gender

        people = persons(text, foreign_gender)
        if not people:
            return
        mention = re.compile(r"\b(" + "|".join(map(re.escape, sorted(people, key=len, reverse=True))) + r")\b")
        # "Ana Kovač ... said he had": the reported clause's pronoun stands for the one who says it
        yield from self._reported(doc, mention, people)
        if ctx.source is not None and is_serbo_croatian(ctx.source.lang) and ctx.source_matches:
            return  # fact.speaker reads the source's verb, which is better evidence
        offices = office_holders(text, people)
        sentences = doc.article_sentences
        groups = _quotation_groups(text, sentences)
        for k, sentence in enumerate(sentences):
            for m in _PRONOUN.finditer(text, sentence.start, sentence.end):
                # the sentence and up to two before it in the same paragraph ("Marić told us ...
                # "Quotation. Quotation," he added."), or the one before across a paragraph break
                # (a quotation of several sentences counts as one)
                first = groups[k]
                before = groups[first - 1] if first > 0 else 0
                earlier = [j for j in (before, groups[before - 1] if before > 0 else -1) if j >= 0 and j < first]
                earlier = [j for j in earlier if sentences[j].block == sentence.block]
                window = sentences[earlier[-1]].start if earlier else sentences[before].start
                pronoun = m.group("p")
                if pronoun.lower() != "he":
                    continue  # machine translation defaults to "he"; a "she" for a man is not its error
                # the last person named before the pronoun, outside a quotation ("... what Donald
                # Trump is doing," she said: the speaker is not the person quoted about)
                before = [
                    (x.start(), people[x.group(1)])
                    for x in mention.finditer(text, window, m.start())
                    if x.start() >= window and len(_QUOTES.findall(text, x.end(), m.start())) % 2 == 0
                ]
                # ... or named by their office ("the minister stressed": the one person introduced
                # with it, else someone unknown, who may be a man), or a "she" of the last woman
                # named before it ("She recalled ... He announced")
                before += [
                    (x.start(), people.get(offices.get(x.group(1).lower()) or "", None))
                    for x in _OFFICE_MENTION.finditer(text, window, m.start())
                    if x.group(1).lower() in office_words() and len(_QUOTES.findall(text, x.end(), m.start())) % 2 == 0
                ]
                before += [
                    (x.start(), _last_woman(text, mention, people, x.start()))
                    for x in _SHE.finditer(text, window, m.start())
                    if len(_QUOTES.findall(text, x.end(), m.start())) % 2 == 0
                ]
                if not before and m.group("verb") == "added" and k:
                    # "he added" with nobody named since the paragraph before: the one who spoke
                    # last there goes on (the director stressed ...; a sentence; "...," he added)
                    block = sentences[k - 1].block
                    start = min(s.start for s in sentences[:k] if s.block == block)
                    before = _speakers(text, mention, people, start, m.start())
                if not before or all(b[1] is None or b[1].gender == "" for b in before):
                    # nobody named who tells: "...," he said. She added that ... (nobody named
                    # between): the "She" goes on with the same speaker, a woman
                    goes_on = _she_goes_on(text, sentences, k, m.end(), mention)
                    if goes_on is not None:
                        right = "She" if pronoun[0].isupper() else "she"
                        yield Finding(
                            self.id,
                            m.start("p"),
                            m.end("p"),
                            f'"{pronoun}" and the "She" of the next sentence, which goes on with what the same '
                            f"speaker says, contradict each other: write {right}",
                            suggestion=right,
                            detail="no one is named between the two pronouns; machine translation writes "
                            '"he" for a woman\'s "rekla je", never "she" for a man\'s "rekao je"',
                            evidence={"she_at": goes_on},
                        )
                    continue
                last = max(before, key=lambda b: b[0])
                # a speaker outranks a person named in what they said, in the same sentence
                # (Judge Jelena Šoć said that Lakićević knew ... "...," he said)
                speaker = max(_speakers(text, mention, people, window, m.start()), default=None, key=lambda b: b[0])
                if speaker is not None and speaker[0] < last[0] and _one_sentence(sentences, speaker[0], last[0]):
                    last = speaker
                person = last[1]
                if person is None or person.start >= m.start() or person.gender != "f":
                    continue
                right = "She" if pronoun[0].isupper() else "she"
                who = "a woman"
                yield Finding(
                    self.id,
                    m.start("p"),
                    m.end("p"),
                    f'"{pronoun}" stands for {person.first} {person.last}, {who}: write {right}',
                    suggestion=right,
                    detail=f"the article introduces {person.first} {person.last}; {person.why} says {who}",
                    evidence={"person": f"{person.first} {person.last}", "gender": person.gender},
                )

    def _reported(self, doc, mention: re.Pattern[str], people):
        """A "he" or "his" opening the clause a woman's verb of saying reports ("Ljiljana Tomić,
        the council's president, said he himself had carried water"; "Marina Ilić congratulated
        her rivals and said his side had played well"): she is its subject, named in the same
        sentence before anyone else. Read with or without the source: the English itself says it,
        and a source's feminine verb (fact.speaker) says nothing of the pronoun after it."""
        text = doc.text
        for sentence in doc.article_sentences:
            for m in _REPORTED.finditer(text, sentence.start, sentence.end):
                # the sentence's subject: the first person it names (not one named after the
                # verb: "Ilić congratulated Ana Kovač and said he would help her")
                named = [x for x in mention.finditer(text, sentence.start, m.start())]
                if not named or len(_QUOTES.findall(text, named[0].end(), m.start())):
                    continue
                person = people[named[0].group(1)]
                between = text[named[0].end() : m.start()]
                if m.group("ing") and not _goes_on_saying(text, named[0].end(), m.start()):
                    continue  # "Kos praised the coach, stressing that he ...": the coach
                if person.gender != "f" or any(
                    first_name_gender(a, b) for a, b in re.findall(rf"([{UPPER}]\w+) ([{UPPER}]\w+)", between)
                ):
                    continue  # another person named between (a first name and a surname): the subject may be theirs
                pronoun = m.group("p")
                right = {"he": "she", "his": "her"}[pronoun]
                yield Finding(
                    self.id,
                    m.start("p"),
                    m.end("p"),
                    f'"{pronoun}" stands for {person.first} {person.last}, a woman, who says it: write {right}',
                    suggestion=right,
                    detail=f"the article introduces {person.first} {person.last}; {person.why} says a woman",
                    evidence={"person": f"{person.first} {person.last}", "gender": person.gender},
                )


def _goes_on_saying(text: str, start: int, end: int) -> bool:
    """Does a verb of saying follow the name (at ``start``) and the participle (at ``end``) go on
    from it in the same clause ("Kos said after the meeting, adding that ...")?"""
    m = _SAYS_AFTER.match(text, start)
    return m is not None and not re.search(r"[.;!?]", text[m.end() : end])


#: "said he", "said that his": the pronoun opening what a verb of saying reports
#: (and the participle that goes on from a verb of saying, with "that": "Kos said ..., adding
#: that he expected"; read only after "said" and the like, :func:`_goes_on_saying`)
_REPORTED = re.compile(rf"\b(?:(?:{_SAYING})\s+(?:that\s+)?|(?P<ing>{_SAYING_ING})\s+that\s+)(?P<p>he|his)\b")

#: "the minister", "the judge": an office a person was introduced with (sh_persons.toml offices)
_OFFICE_MENTION = re.compile(r"\bthe\s+([a-z]+)\b")
#: "she", or "her" where it names the one whose words are reported ("According to her, ...", "In
#: her view"): a woman spoke, and a "he said" right after goes on from her
_SHE = re.compile(r"\b(?:[Ss]he|[Aa]ccording\s+to\s+her|[Ii]n\s+her\s+(?:words|view|opinion))\b")


def _speakers(text: str, mention: re.Pattern[str], people, start: int, end: int):
    """(where, person) of each person named between ``start`` and ``end`` as the one speaking,
    outside a quotation."""
    return [
        (x.start(), people[x.group(1)])
        for x in mention.finditer(text, start, end)
        if len(_QUOTES.findall(text, x.end(), end)) % 2 == 0
        and (_SAYS_AFTER.match(text, x.end()) or _SAYS_BEFORE.search(text, max(0, x.start() - 60), x.start()))
    ]


_SHE_GOES_ON = re.compile(rf"\s*She\s+(?:also\s+|further\s+|then\s+|later\s+)?(?:{_SAYING})\b")


def _she_goes_on(text: str, sentences, k: int, after: int, mention: re.Pattern[str]) -> int | None:
    """Where the next sentence of the paragraph opens "She added" ("She said", ...) with nobody
    named between ``after`` and it, or None."""
    if k + 1 >= len(sentences) or sentences[k + 1].block != sentences[k].block:
        return None
    following = sentences[k + 1]
    m = _SHE_GOES_ON.match(text, following.start)
    if m is None or mention.search(text, after, following.start):
        return None
    return following.start


def _one_sentence(sentences, a: int, b: int) -> bool:
    return any(s.start <= a and b < s.end for s in sentences)


def _last_woman(text: str, mention: re.Pattern[str], people, at: int):
    """The person a "she" at ``at`` stands for: the last person named before it, if a woman."""
    named = [people[x.group(1)] for x in mention.finditer(text, 0, at)]
    return named[-1] if named and named[-1].gender == "f" else None


def _quotation_groups(text: str, sentences) -> list[int]:
    """For each sentence, the index of the first sentence of its unit: a quotation of several
    sentences ("One. Two. Three," he said.) is one unit, as one sentence would be."""
    from backcheck.lang.segment import continues_quotation

    out: list[int] = []
    for k, continued in enumerate(continues_quotation(text, sentences)):
        out.append(out[-1] if continued else k)
    return out
