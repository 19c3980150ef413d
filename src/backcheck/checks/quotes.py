"""Quotations: missing or merged against the source, Balkan quotation marks left in English,
publication names put in quotation marks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from backcheck.checks.base import Check, Finding, register

# A quotation between the marks of one convention: „…“ (BCMS, German), »…« and «…», “…”, "…",
# and British single quotes '…' (an apostrophe between letters, as in "it's", does not close one).
_QUOTE = re.compile(
    r"„([^„“”\"\n]+)[“”\"]|»([^»«\n]+)«|«([^«»\n]+)»|“([^“”„\n]+)”|\"([^\"\n]+)\"|"
    r"(?<!\w)['‘]((?:[^'‘’\n]|(?<=\w)['’](?=\w))*?[^\s'‘’])['’](?!\w)"
)
_ANY_MARK = re.compile(r"[\"“”„«»]")
#: A direct quotation worth counting has a few words; one or two are names or scare quotes.
MIN_QUOTE_WORDS = 3


@dataclass(frozen=True)
class Quotation:
    start: int
    end: int
    inner: str

    @property
    def words(self) -> int:
        return len(re.findall(r"\w+", self.inner))


def quotations(text: str) -> list[Quotation]:
    out = []
    for m in _QUOTE.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        out.append(Quotation(m.start(), m.end(), inner))
    return out


@register
class QuoteMissing(Check):
    """A direct quotation of the source with no quotation in the aligned English, or two
    source quotations merged into one. News reports attribute statements by quoting them; when
    MT drops the marks or turns the quotation into reported speech, the words lose their
    speaker. Quotations of at least three words are compared per aligned pair.
    """

    id = "quote.missing"
    category = "quote"
    severity = "minor"
    requires_source = True

    def run(self, ctx):
        if ctx.alignment is None or ctx.source is None:
            return
        src_quotes = quotations(ctx.source.text)
        tgt_quotes = quotations(ctx.document.text)
        for _pair, src, tgt in ctx.aligned_pairs:
            if not src or not tgt:
                continue
            s_in = [q for q in src_quotes if src[0].start <= q.start < src[-1].end and q.words >= MIN_QUOTE_WORDS]
            t_in = [q for q in tgt_quotes if tgt[0].start <= q.start < tgt[-1].end and q.words >= MIN_QUOTE_WORDS - 1]
            # A quotation split over sentences shows as a lone mark in the translation.
            lone_mark = not t_in and any(_ANY_MARK.search(t.text) for t in tgt)
            if len(s_in) <= len(t_in) or lone_mark:
                continue
            what = "missing" if not t_in else "merged or missing"
            yield Finding(
                self.id,
                tgt[0].start,
                tgt[-1].end,
                (
                    "the original quotes someone here, the English does not: a quotation was lost or paraphrased"
                    if not t_in
                    else f"the original has {len(s_in)} quotations here, the English {len(t_in)}: one was merged or lost"
                ),
                detail=f"source quotations: {len(s_in)}, English quotations: {len(t_in)} (a quotation is {what})",
                source_start=s_in[0].start,
                source_end=s_in[-1].end,
                evidence={"source_quotes": [q.inner for q in s_in], "target_quotes": [q.inner for q in t_in]},
            )


# Balkan marks: „ and ‚ open; “ and ‘ close after them; » « are guillemets in either order.
_BALKAN = re.compile(r"„([^„“”\n]*)(“)?|‚([^‚‘’\n]*)(‘)?|[»«]")
_REPLACEMENT = {"„": "“", "‚": "‘", "“": "”", "‘": "’"}


@register
class BalkanQuotes(Check):
    """Quotation marks of the source convention left in English text. Serbian, Croatian and
    Bosnian quote „like this“ (or »like this«), where the closing mark is the English opening
    one; English uses “…” (or '…'). MT systems copy the marks, so the English has mismatched
    quotes.
    """

    id = "style.balkan-quotes"
    category = "style"
    severity = "minor"

    def run(self, ctx):
        text = ctx.document.text
        for m in _BALKAN.finditer(text):
            marks = [(m.start(), m.group()[0])]
            if m.group(2) or m.group(4):
                close = m.start(2) if m.group(2) else m.start(4)
                marks.append((close, text[close]))
            for at, mark in marks:
                if mark in "»«":
                    before = text[at - 1 : at]
                    suggestion = "”" if before and not before.isspace() else "“"
                else:
                    suggestion = _REPLACEMENT[mark]
                yield Finding(
                    self.id,
                    at,
                    at + 1,
                    f"{mark} is a Serbian/Croatian quotation mark; English writes {suggestion}",
                    detail="BCMS quotes „like this“ or »like this«, where the closing mark is the English opening one",
                    suggestion=suggestion,
                    evidence={"mark": mark},
                )


_TITLE = r"[\"“„»«](?P<title>[A-Z][\w.&'-]*(?:\s+[\w.&'-]+){0,3})[\"”“«»]"
_MEDIA = (
    r"(?:newspapers?|daily|dailies|weekly|magazine|portal|website|web\s?site|site|news\s+agency|agency|"
    r"broadcaster|television|TV|radio|paper|tabloid|outlet|journal|show|programme|program)"
)
_SAYING = (
    r"(?:reported|reports|wrote|writes|points?\s+out|pointed\s+out|said|says|learned|learns|"
    r"has\s+learned|has\s+learnt|announced|announces|published|publishes|claims|claimed|states|stated|"
    r"quotes|quoted|cites|cited|notes|noted|revealed|reveals|found|finds|asked|asks|"
    r"has\s+reported|has\s+written|has\s+published|unofficially\s+learned)"
)
_NEAR_NAME = re.compile(rf"(?P<the>\b[Tt]he\s+)?(?P<media>\b{_MEDIA}\s+)?{_TITLE}(?P<after>\s+{_SAYING}\b|['’]s\b)?")
_AFTER_SOURCE = re.compile(rf"\b(?:according\s+to|told)\s+(?:the\s+)?{_TITLE}")


def _is_publication(m: re.Match) -> bool:
    if m.re is _AFTER_SOURCE or m.group("media"):
        return True
    if not m.group("after"):
        return False
    # "the "Guardian" points out"; without "the", only a one-word title ("Blic" reported): a
    # longer quotation before a verb of saying is a quotation.
    return bool(m.group("the")) or len(m.group("title").split()) == 1


@register
class QuotedPublication(Check):
    """A newspaper, portal or broadcaster put in quotation marks ("the "Guardian" points out",
    "the daily "Politika""). BCMS style quotes media names; English italicises them or writes
    them plainly, with "The" where the paper uses it. Detected by pattern: a short capitalised
    title in quotes after a media word, after "the" before a verb of saying, or after
    "according to"/"told".
    """

    id = "style.quoted-publication"
    category = "style"
    severity = "minor"

    def run(self, ctx):
        text = ctx.document.text
        seen = set()
        for pattern in (_NEAR_NAME, _AFTER_SOURCE):
            for m in pattern.finditer(text):
                if not _is_publication(m) or m.start("title") in seen:
                    continue
                seen.add(m.start("title"))
                title = m.group("title")
                yield Finding(
                    self.id,
                    m.start("title") - 1,
                    m.end("title") + 1,
                    f"write the publication's name {title} without quotation marks (or in italics)",
                    detail="BCMS style quotes media names; English italicises them or writes them plainly",
                    suggestion=title,
                    evidence={"title": title},
                )
