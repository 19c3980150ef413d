"""name.replaced: an English name that is another name of the same shape as the source's."""

from __future__ import annotations

import re

from backcheck.checks.base import Check, Finding, register
from backcheck.lang.glosses import linked
from backcheck.lang.languages import is_serbo_croatian
from backcheck.lang.names import forms as name_forms
from backcheck.lang.names.correspondence import correspondence
from backcheck.lang.names.exonyms import exonyms
from backcheck.lang.names.phonetic import respelled
from backcheck.lang.names.renderings import bead_window, source_span
from backcheck.lang.names.tokens import Token
from backcheck.lang.text import fold

#: Shortest name compared: shorter ones differ by one letter from too many others (Ana / Ina).
_MIN_LENGTH = 4
#: Most letters two forms of "one name" may differ by; more is no longer a near-miss but the
#: unmatched check's case (another name altogether).
_MAX_EDITS = 2


@register
class NameReplaced(Check):
    """An English name that is not the source's name but another of the same shape: "Bešić" for
    the source's "Bečić", "Marković" for "Mirković". A rendering of one name differs from it by
    regular transformations only (a case ending, a transliteration such as đ/dj or č/ch, lost
    diacritics, an exonym, a phonetic transcription); two names that differ by letters none of
    these explains are two different people or places, which a reader cannot tell apart from the
    English. Such a pair escapes the unmatched check, which accepts a name that begins alike and
    shares most letters (a foreign exonym does): here both sides must be names and no
    transformation may explain the difference. The suggestion is the source name in its
    nominative (the name-form analysis reads the source's case form back)."""

    id = "name.replaced"
    category = "name"
    severity = "critical"
    requires_source = True

    def run(self, ctx):
        items = ctx.name_beads
        if not items or not is_serbo_croatian(ctx.source.lang):
            return  # the nominative is read with Serbo-Croatian declension
        table = exonyms(ctx.source.lang)
        for k, bead in enumerate(items):
            if not bead.source:
                continue
            window = bead_window(items, k, "source")
            names = [s for s in window if s.name and s.capitalised and not s.text.isupper()]
            for t in bead.target:
                if not t.name or t.text.isupper() or len(t.folded) < _MIN_LENGTH:
                    continue
                if any(_explains(t, s, table) for s in (*window, *bead.source)):
                    continue  # a rendering of a source word (case, transliteration, exonym, ...)
                if any(linked(t.text, s.text, ctx.source.lang) for s in window):
                    continue  # translated (Court / sudom)
                found = _replaced(t, names)
                if found is None:
                    continue
                source, nominative = found
                start, end = source_span(ctx.source.text, [source])
                yield Finding(
                    self.id,
                    t.start,
                    t.end,
                    f'"{t.text}" is another name than the source\'s "{nominative}": write {nominative}',
                    suggestion=nominative,
                    source_start=start,
                    source_end=end,
                    evidence={"source": source.text, "nominative": nominative},
                    detail=(
                        f'"{t.text}" and "{nominative}" differ in letters that no case ending, '
                        "transliteration, diacritic, exonym or transcription accounts for: "
                        "two different names, not two spellings of one"
                    ),
                )


def _explains(english: Token, source: Token, table) -> bool:
    """Does a regular transformation make the English word of the source word? Two surnames in
    -ić are South Slavs' names in one alphabet, which nobody transcribes: a shared consonant
    skeleton is no spelling of one (Kurtagić / Kurtović), and an -ić name derives no other -ić
    name (Jeremović / Jeremić)."""
    kind = correspondence(english, source, table)
    if kind in ("phonetic", "derived") and english.text.lower().endswith("ić") and source.text.lower().endswith("ić"):
        return False  # (nor is one derived from the other: Jeremović is no form of Jeremić)
    return bool(kind)


def _key(word: str) -> str:
    """Folded, with đ written dj as English transliterates it (Đukanović / Djukanovic)."""
    return fold(word.replace("đ", "dj").replace("Đ", "Dj"))


def _nominatives(word: str) -> list[str]:
    """``word`` and the nominatives the name-form analysis reads it as (Bečića -> Bečić)."""
    return [word, *(r.base for r in name_forms.readings(word) if r.form != "respelling")]


def _attested(name: str) -> bool:
    """Known as a name: a BCMS dictionary's name, a GeoNames place or an English proper noun."""
    from backcheck.lang.bcms_names import is_bcms_name
    from backcheck.lang.gazetteer import is_place
    from backcheck.lang.names.common_words import is_proper_noun

    return is_bcms_name(name) or is_place(name) or is_proper_noun(name)


def _replaced(english: Token, names: list[Token]) -> tuple[Token, str] | None:
    """The source name ``english`` is a near-miss of, with its nominative, or None. Both must
    be attested as names: a near-miss of an unknown word is as likely a respelling no rule
    describes (a foreign name's own spelling, a club's short name) as another person."""
    best: tuple[int, Token, str] | None = None
    # a surname in -ić is a South Slav's by its shape, listed or not (Kurtagić for Kurtović)
    surname = english.text.lower().endswith("ić")
    if not (surname or _attested(english.text)):
        return None
    for s in names:
        if fold(s.text) == english.folded or respelled(english.text, s.text):
            return None  # the same name in other letters
        for en in _nominatives(english.text):
            for nominative in _nominatives(s.text):
                a, b = _key(en), _key(nominative)
                if len(a) < _MIN_LENGTH or len(b) < _MIN_LENGTH or a[0] != b[0]:
                    continue
                if a == b or _unglided(a) == _unglided(b):
                    return None  # a case form or a spelling of the same name (Kijev / Kiev)
                if _has_exonym(nominative):
                    return None  # a place English names its own way, maybe by an older name
                edits = _distance(a, b)
                if not (_attested(nominative) or (surname and nominative.lower().endswith("ić"))):
                    continue
                # two -ić surnames: a rendering changes no letter of one (only its diacritics, read
                # above), so any other letters make another family's name (Jeremović for Jeremić)
                both_ic = surname and nominative.lower().endswith("ić")
                near = edits * (3 if both_ic else 4) <= min(len(a), len(b))
                if edits <= (_MAX_EDITS + both_ic) and near:
                    if best is None or edits < best[0] or (edits == best[0] and nominative != s.text):
                        best = (edits, s, nominative)
    if best is None:
        return None
    _, source, nominative = best
    return source, nominative


_GLIDE = re.compile(r"(?<=[aeiou])j(?=[aeiou])")


def _unglided(key: str) -> str:
    """Without the glide j between vowels that English spellings leave out (Kijev / Kiev)."""
    return _GLIDE.sub("", key)


def _has_exonym(name: str) -> bool:
    from backcheck.lang.gazetteer import english_exonym

    return english_exonym(name) is not None


def _distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]
