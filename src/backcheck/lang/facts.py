"""Facts of a source sentence its English must keep: hedges, modality, approximate amounts, the
speaker's gender, offices, and words that look like English ones but mean something else.

The cues and their English renderings live in ``lang/data/sh_facts.toml``; this module matches
them. A source cue is a folded word or phrase of the Latin view of the source (``*`` ends a
stem); an English rendering is a lower-case word or phrase (``*`` likewise).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from backcheck.lang.text import fold, to_latin


@cache
def tables() -> dict[str, Any]:
    text = files("backcheck.lang").joinpath("data", "sh_facts.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def pattern_source(cues: list[str] | tuple[str, ...]) -> str:
    """The regular expression of a list of cues (longest first; ``*`` ends a stem, in any word
    of a cue: "predsjedni* vlade"; ``~`` is any one word: "zamjeni* ~ gradonacelni*" holds
    "zamjenik dubrovačkog gradonačelnika"; ``~N`` up to N words of one clause)."""
    parts = []
    for cue in sorted(cues, key=len, reverse=True):
        body = ""
        for w in cue.split():
            if re.fullmatch(r"~\d", w):
                # "~N": up to N words of the same clause between ("bi ~5 mogl*": "bi sa koalicijom
                # mogla")
                body += rf"(?:[^\s,;.:!?]+\s+){{0,{w[1]}}}"
                continue
            word = r"\w+" if w == "~" else re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "")
            body += word + r"\s+"
        body = body.removesuffix(r"\s+")
        parts.append(body + (r"\b" if cue[-1:].isalnum() else ""))
    return "|".join(parts)


@cache
def _pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a list of cues, longest first, each on word boundaries."""
    return re.compile(r"(?<!\w)(?:" + pattern_source(cues) + ")", re.I)


@dataclass(frozen=True)
class Cue:
    start: int  #: offsets into the text it was found in
    end: int
    text: str


def source_view(text: str) -> str:
    """The Latin, folded view of a source sentence, offset for offset where Latin letters stay
    letters (Cyrillic is transliterated letter by letter first)."""
    return fold(to_latin(text).text)


@cache
def _fold_char(ch: str) -> str:
    return fold(to_latin(ch).text)


@dataclass(frozen=True)
class SourceView:
    """The folded Latin view of a source text, and for each of its characters the index of the
    source character it comes from (Cyrillic and "đ" → "dj" change lengths)."""

    written: str  #: the source as written
    text: str  #: the view the cues are written for
    origin: tuple[int, ...]

    def span(self, cue: Cue) -> tuple[int, int]:
        """The cue's span in the source as written."""
        if not self.origin or cue.start >= len(self.origin):
            return len(self.written), len(self.written)
        return self.origin[cue.start], self.origin[max(cue.start, cue.end - 1)] + 1

    def as_written(self, cue: Cue) -> str:
        a, b = self.span(cue)
        return self.written[a:b]


def view_of(text: str) -> SourceView:
    """:func:`source_view` with the map back to the source as written."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        piece = _fold_char(ch) if ch.isalpha() else ch.lower()
        out.append(piece)
        origin.extend([i] * len(piece))
    return SourceView(text, "".join(out), tuple(origin))


def find(text: str, cues: list[str] | tuple[str, ...]) -> list[Cue]:
    """Cues of the list in ``text`` (already in the view the cues are written for)."""
    return [Cue(m.start(), m.end(), m.group()) for m in _pattern(tuple(cues)).finditer(text)]


_NUMBER_NEAR = re.compile(r"^\s*\d|^\s*(?:\w+\s+)?\d")


def near_number(text: str, cue: Cue) -> bool:
    """A number right after the cue (oko 200, više od 40 odsto), not a year ("planira do 2027.
    godine") or a day of a month ("planira od 1. listopada"): a date, no amount."""
    after = text[cue.end : cue.end + 24]
    return bool(_NUMBER_NEAR.match(after)) and not _YEAR_NEAR.match(after) and not _DAY_NEAR.match(after)


_YEAR_NEAR = re.compile(r"^\s*(?:\w+\s+)?(?:19|20)\d\d\b(?![,.]\d)")
#: an ordinal day before a month's name (1. listopada, 15. juna; folded, Latin)
_DAY_NEAR = re.compile(
    r"^\s*(?:\w+\s+)?\d{1,2}\.\s*(?:januar|februar|mart|april|maj|jun|jul|avgust|august|septemb|oktob|novemb|decemb"
    r"|sijec|velj|ozuj|trav|svib|lip|srp|kolovoz|ruj|listopad|studen|prosin)"
)


def to_latin_text(text: str) -> str:
    """The Latin view of a source text, capitalisation kept (names are found by their capitals)."""
    return to_latin(text).text


def fold_name(name: str) -> str:
    return fold(name.replace(" ", ""))


# --- cue classes: a cue and the English that renders it, near the same claim ------------------


@dataclass(frozen=True)
class Unrendered:
    """A source cue whose class has no English rendering near it."""

    cue: Cue
    spec: dict[str, Any]  #: its class of ``sh_facts.toml`` (source, english, gloss, suggestion)
    at: float  #: the cue's relative position in the source (0 to 1)


def _english_view(english: str) -> str:
    """The English lower-cased for the renderings, but a month before or after a number kept
    capitalised ("May 3" is no modal "may"; "Will" a name, not "will")."""
    low = english.lower()
    for m in re.finditer(r"\b(?:May|March|Will)\b", english):
        if m.start() > 0 and not re.search(r"[.!?\"“‘]\s*$", english[: m.start()]):
            low = low[: m.start()] + m.group() + low[m.end() :]
    return low


def _done(low: str, rendering: Cue, done_after: dict[str, list[str]]) -> bool:
    """Is the rendering the act done, not the plan: "scheduled" after "has" ("has scheduled the
    session")? ``done_after``: rendering -> the auxiliaries before which it is (table data)."""
    before = low[: rendering.start].split()[-1:]
    return bool(before) and before[0] in done_after.get(rendering.text, ())


def unrendered(kind: str, source: str, english: str) -> list[Unrendered]:
    """The cues of a class table (``hedge``, ``modality``) in the source view ``source`` that no
    rendering of THEIR class renders in ``english``: each cue takes the nearest free rendering
    of its class whose relative position in the sentence is within the table's ``near`` of the
    cue's (so two cues need two renderings, and a rendering in another clause at the other end
    of the sentence renders nothing)."""
    table = tables()[kind]
    near = float(table.get("near", 1.0))
    low = _english_view(english)
    out = []
    for spec in table["classes"]:
        cues = find(source, spec["source"])
        if not cues:
            continue
        # (position, reach, whether it renders the cue in reported speech too)
        reported_too = [w for w in spec["english"] if w not in spec.get("not_reported", ())]
        done = spec.get("done_after", {})
        free = [
            ((r.start + r.end) / 2 / max(1, len(english)), near, bool(find(r.text, reported_too)))
            for r in find(low, spec["english"])
            if not _done(low, r, done)
        ]
        if spec.get("english_close"):
            close = float(table.get("close", near))
            free += [
                ((r.start + r.end) / 2 / max(1, len(english)), close, True) for r in find(low, spec["english_close"])
            ]
        # words that render only this class may stand anywhere in the sentence (English moves a
        # long subject before "are due to be heard")
        if spec.get("english_far"):
            free += [((r.start + r.end) / 2 / max(1, len(english)), 1.0, True) for r in find(low, spec["english_far"])]
        for cue in cues:
            if spec.get("not_before") and any(
                c.start == 0 for c in find(source[cue.end :].lstrip(), spec["not_before"])
            ):
                continue  # "prema navodima optužnice": another class's longer cue
            if spec.get("not_before_number") and near_number(source, cue) and not _infinitive_after(source, cue):
                continue  # "planirala 2,8 miliona KM": an amount budgeted, not an action planned
            before = source[: cue.start].split()[-1:]
            reported = bool(before) and before[0] == "da" and _reported(source[: cue.start])
            if before and before[0].strip(',„“"') in spec.get("not_after", ()) and not reported:
                continue  # "da bi mogli" (so that they could), "ne bi mogli": no possibility stated
            # where its verb stands (the last word: "bi novi sistem ... trebalo")
            last = cue.text.split()[-1] if cue.text.split() else ""
            at = (cue.end - len(last) / 2) / max(1, len(source))
            best = min(
                (f for f in free if abs(f[0] - at) <= f[1] and (f[2] or not reported)),
                key=lambda f: abs(f[0] - at),
                default=None,
            )
            if best is not None:
                free.remove(best)
                continue
            out.append(Unrendered(cue, spec, at))
    return out


def _infinitive_after(text: str, cue: Cue) -> bool:
    """An infinitive right after the cue ("planira zaposliti 14 sestara": plans to hire): the
    number is the verb's object, not an amount the cue budgets."""
    m = re.match(r"\s*(\w+)", text[cue.end :])
    return m is not None and m.group(1).endswith(("ti", "ci")) and len(m.group(1)) > 4


#: How many words before "da" a verb of saying may stand ("rekao je u Vukovaru da").
_SAYING_REACH = 4


def _reported(before: str) -> bool:
    """Whether the "da" that ends ``before`` follows a verb of saying ("rekao je da bi"): reported
    speech, whose "bi" keeps the speaker's modality, not a purpose ("da bi mogli": so that)."""
    return any(fold(w.strip(",")) in _saying_verbs() for w in before.split()[-1 - _SAYING_REACH : -1])


@cache
def _saying_verbs() -> frozenset[str]:
    """The folded past participles of the verbs of saying (the ``speaker`` table), both genders
    and numbers (rekla: rekli, rekle, reklo), and their present tense."""
    speaker = tables()["speaker"]
    plural = [w[:-1] + ending for w in speaker["feminine"] for ending in "ieo"]
    return frozenset(fold(w) for w in speaker["feminine"] + speaker["masculine"] + plural + speaker["present"])


@cache
def _verb_group() -> re.Pattern[str]:
    verbs = tables()["english_verbs"]
    aux = "|".join(re.escape(a) for a in sorted(verbs["auxiliaries"], key=len, reverse=True))
    irregular = "|".join(re.escape(v) for v in sorted(set(verbs["irregular"]), key=len, reverse=True))
    return re.compile(
        rf"(?:(?<![\w'’])(?:{aux})\b(?:\s+(?:not|n't|also|still|already|just|now|never|\w+ly))?"
        rf"(?:\s+(?:been|being|be|have))?\s+[a-z]\w*(?:ed|en|ing|wn|ne)\b"
        rf"|(?<![\w'’])(?:{aux})\s+(?:\w+ly\s+)?(?:{irregular})\b"
        rf"|(?<![\w'’-])[a-z]\w+ed\b|(?<![\w'’-])(?:{irregular})\b"
        rf"|(?<![\w'’])(?:will|would|can|could|should|must|may|might)\s+"
        rf"(?:also\s+|still\s+|now\s+|(?!(?:apply|supply|reply|rely)\b)\w+ly\s+)?[a-z]\w*)",
    )


def claim_span(english: str, at: float, clause: bool = False) -> tuple[int, int]:
    """The English verb group nearest the relative position ``at`` (the verb of the claim a
    hedge or a plan qualifies: "used", "has said", "is opening"), else the word there; with
    ``clause``, from the start of its clause (where a hedge stands: "Reportedly, the X used",
    "the alleged X used") to the end of the verb group."""
    if not english:
        return 0, 0
    target = at * len(english)
    groups = list(_verb_group().finditer(english))
    if groups:
        m = min(groups, key=lambda g: min(abs(g.start() - target), abs(g.end() - target)))
        if not clause:
            return m.start(), m.end()
        bounds = [
            b.end()
            for b in re.finditer(r"[,;:(\"“”—–]\s*|\b(?:that|which|who|but|and|while|after)\s+", english[: m.start()])
        ]
        return (bounds[-1] if bounds else 0), m.end()
    words = list(re.finditer(r"\w[\w'’-]*", english))
    if not words:
        return 0, len(english)
    m = min(words, key=lambda w: abs(w.start() - target))
    return m.start(), m.end()


@cache
def _false_friend_phrases() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    from backcheck.lang.persons import office_words

    out = []
    for trap, entry in tables()["false_friend_phrases"].items():
        nouns = sorted(set(entry["nouns"]) | (office_words() if entry.get("offices") else set()), key=len, reverse=True)
        noun = "|".join(re.escape(n) for n in nouns)
        # one word may stand between ("the actual tournament winner", "the actual state secretary")
        pattern = re.compile(rf"\b(?P<trap>{trap})\s+(?:[a-z]+\s+)?(?P<noun>(?:{noun})s?)\b", re.I)
        out.append((pattern, entry["right"], entry["meaning"]))
    return tuple(out)


def false_friend_phrases(text: str) -> list[tuple[re.Match[str], str, str]]:
    """(match, right word, what the source word means) of each English false-friend phrase of
    ``text`` (``sh_facts.toml`` [false_friend_phrases])."""
    return [(m, right, meaning) for pattern, right, meaning in _false_friend_phrases() for m in pattern.finditer(text)]


# --- rankings the English claims: superlatives and ordinal ranks ------------------------------

_RANK_WORD = re.compile(r"(?<![\w'’-])([a-z]+)(?![\w-])")
_DETERMINER = re.compile(r"(?:\b(?:the|its|their|his|her|our|one of the)|['’]s)\s+$")
_CLAUSE_END = re.compile(r"[,;:.!?()\"“”—–]|\s-\s")
#: Where an added claim stands: an apposition or a relative clause after a comma (", the largest
#: in the region", ", which will be the largest", ", whose canyon is the deepest", ", making it the
#: worst"), or "the first time" ("for the first time in a decade").
_CLAIM_OPENS = re.compile(
    r"(?:,|\s[–—])\s+(?:and\s+|making\s+(?:it|them|him|her)\s+|(?:which|who|that|whose\s+\w+)\s+"
    r"(?:is|was|are|were|will\s+be|would\s+be|has\s+been|had\s+been)\s+(?:considered\s+|now\s+|also\s+)?)?"
    # (and a possessive before the ranking word: ", one of the world's largest exporters")
    r"(?P<owner>(?:one\s+of\s+)?(?:the\s+)?[A-Za-z-]+['’]s\s+)?$"
)
_FIRST_TIME = re.compile(r"the\s+first\s+time\b", re.IGNORECASE)


def _superlative(word: str) -> bool:
    """An English superlative in -est: the word less -est is an English word (largest: large,
    biggest: big, happiest: happy); the words of ``not_superlative`` only look like one."""
    from backcheck.lang import lexicon

    if len(word) <= 5 or not word.endswith("est") or word in tables()["ranks"]["not_superlative"]:
        return False
    base = word[:-3]
    bases = {base, base + "e"}
    if len(base) > 2 and base[-1] == base[-2]:
        bases.add(base[:-1])
    if base.endswith("i"):
        bases.add(base[:-1] + "y")
    return any(len(b) >= 3 and lexicon.zipf(b, "en") >= 3.0 for b in bases)


def rank_claims(english: str) -> list[tuple[Cue, str]]:
    """The rankings an English sentence claims in an apposition or a relative clause, each as
    (span from its determiner to the end of its clause, the ranking word): ", the largest in
    southern Serbia" (largest), ", which is one of the finest concert halls" (finest), ", the first
    such agreement" (first), and "for the first time". Not a ranking inside its clause ("by the
    narrowest of margins", "the best of times": idioms a translator uses freely), a quantifier
    ("at least", "most of them"), a hyphenated compound ("second-largest"), a capitalised word (a
    name: the Most party) or an ordinal without its determiner ("would first run")."""
    ordinals = tables()["ranks"]["ordinals"]
    out = []
    for m in _RANK_WORD.finditer(english):
        word = m.group(1)
        before, after = english[: m.start()], english[m.end() :]
        if any(english.lower().startswith(idiom, m.start()) for idiom in tables()["ranks"]["not_rankings"]):
            continue
        determiner = _DETERMINER.search(before)
        if word in ordinals or word in ("best", "worst"):
            # a word determiner: not a possessive ("Marko's best man" is his kum, no ranking)
            if determiner is None or determiner.group().startswith(("'", "’")):
                continue
        elif word in ("most", "least"):
            if determiner is None or not re.match(r"\s+[a-z]+", after) or re.match(r"\s+of\b", after):
                continue
        elif not _superlative(word):
            continue
        start = (
            determiner.start()
            if determiner is not None and not determiner.group().startswith(("'", "’"))
            else m.start()
        )
        opens = _CLAIM_OPENS.search(english[:start])
        if opens is None and not _FIRST_TIME.match(english, start):
            continue  # a ranking inside its clause ("by the narrowest of margins"): a translator's idiom as often
        if opens is not None and opens.group("owner"):
            start = opens.start("owner")  # ", one of the world's largest": from "one"
        end_match = _CLAUSE_END.search(english, m.end())
        end = end_match.start() if end_match else len(english.rstrip())
        out.append((Cue(start, end, english[start:end].rstrip()), word))
    return out


def ranked(source_view_text: str, word: str) -> bool:
    """Does the source (its folded Latin view) rank as the English word does: a naj- word for a
    superlative, the ordinal's stems for an ordinal?"""
    spec = tables()["ranks"]
    cues = spec["ordinals"].get(word, spec["source_superlative"])
    return bool(find(source_view_text, cues))
