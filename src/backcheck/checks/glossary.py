"""The newsroom's glossary: preferred spellings of names and terms."""

from __future__ import annotations

import re

from backcheck.checks.base import Check, Finding, register


@register
class GlossarySpelling(Check):
    """A spelling the newsroom's glossary replaces with a preferred one (``glossary`` in the
    configuration, e.g. Kiev → Kyiv). Machine translation reproduces whichever transliteration
    dominated its training data, which for East European place names is often the older
    Russian-based form rather than the one the publication uses.
    """

    id = "style.glossary"
    category = "style"
    severity = "minor"

    def run(self, ctx):
        glossary = ctx.config.glossary
        if not glossary:
            return
        doc = ctx.document
        # Longer entries first, so "Kiev Oblast" wins over "Kiev" where both are listed.
        terms = sorted(glossary, key=len, reverse=True)
        pattern = re.compile(r"(?<!\w)(" + "|".join(map(_variants, terms)) + r")(?!\w)")
        by_key = {_key(term): term for term in terms}
        for sentence in doc.article_sentences:
            for m in pattern.finditer(sentence.text):
                term = by_key[_key(m.group())]
                preferred = _match_case(m.group(), glossary[term])
                if m.group() == preferred:
                    continue
                yield Finding(
                    self.id,
                    sentence.start + m.start(),
                    sentence.start + m.end(),
                    f"the house glossary writes {preferred!r}, not {m.group()!r}",
                    detail=f"glossary entry {term!r}",
                    suggestion=preferred,
                    evidence={"glossary_entry": term, "preferred": glossary[term]},
                )


def _key(term: str) -> str:
    return term[:1].lower() + term[1:]


def _variants(term: str) -> str:
    """The term as written, and with its first letter capitalised (sentence-initial use)."""
    first = term[:1]
    rest = re.escape(term[1:])
    return f"[{re.escape(first.lower())}{re.escape(first.upper())}]{rest}" if first.isalpha() else re.escape(term)


def _match_case(found: str, preferred: str) -> str:
    if found[:1].isupper() and preferred[:1].islower():
        return preferred[:1].upper() + preferred[1:]
    return preferred
