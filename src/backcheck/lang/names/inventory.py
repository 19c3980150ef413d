"""Capitalised words of an English article and what the article says about them.

A *name inventory* records every capitalised word with its occurrences: whether it starts a
sentence, whether it stands in the title, and whether it is written next to another capitalised
word (a full name, "Maria Zakharova", which is evidence that the word is a nominative base form).
Checks share one inventory per document through ``Analysis.name_inventory``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from backcheck.model.document import TITLE, Document

_WORD = re.compile(r"[^\W\d_]+")
#: Capitalised words that only mark a sentence or a title, never a name by themselves.
_NOT_NAME_NEIGHBOUR = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "Of",
    "And",
    "But",
    "For",
    "By",
    "To",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "This",
    "That",
}


@dataclass(frozen=True)
class Occurrence:
    start: int
    end: int
    initial: bool  #: first word of its sentence
    in_title: bool
    prev: str | None  #: capitalised word directly before (same sentence, only a space between)
    next: str | None  #: capitalised word directly after


@dataclass
class NameInventory:
    occurrences: dict[str, list[Occurrence]] = field(default_factory=lambda: defaultdict(list))

    def is_name_like(self, word: str) -> bool:
        """Capitalised somewhere it need not be: mid-sentence or inside a multi-word name."""
        return any(not o.in_title and (not o.initial or o.next) for o in self.occurrences.get(word, ()))

    def nominative_evidence(self, word: str, bases: set[str]) -> bool:
        """Is ``word`` written as part of a full name (so it is a base form, not a case form)?

        A full name counts unless the same neighbour also appears with one of ``bases`` ("Laura
        Fischer" ... "Laura Fischerova": then the second is the inflected one).
        """
        for o in self.occurrences.get(word, ()):
            for neighbour, side in ((o.prev, "prev"), (o.next, "next")):
                if not neighbour or neighbour in _NOT_NAME_NEIGHBOUR:
                    continue
                if not any(getattr(p, side) == neighbour for b in bases for p in self.occurrences.get(b, ())):
                    return True
        return False


def _capitalised_words(text: str, start: int, end: int):
    for m in _WORD.finditer(text, start, end):
        word = m.group()
        if word[0].isupper():
            yield m.start(), m.end(), word


def build_inventory(doc: Document) -> NameInventory:
    from backcheck.lang.segment import continues_quotation

    inv = NameInventory()
    text = doc.text
    # a sentence inside a quotation of several ("One. Fils hits hard," he said) is read as the
    # quotation's continuation, the way one sentence of it would be: its first word is no sentence
    # opening for the evidence of names
    continuing = continues_quotation(text, doc.article_sentences)
    for sentence, continued in zip(doc.article_sentences, continuing, strict=True):
        words = list(_WORD.finditer(text, sentence.start, sentence.end))
        in_title = doc.blocks[sentence.block].kind == TITLE
        for i, m in enumerate(words):
            word = m.group()
            if not word[0].isupper():
                continue

            def neighbour(j: int, a: int, b: int) -> str | None:
                if 0 <= j < len(words) and words[j].group()[0].isupper() and text[a:b] == " ":
                    return words[j].group()
                return None

            prev = neighbour(i - 1, words[i - 1].end(), m.start()) if i else None
            nxt = neighbour(i + 1, m.end(), words[i + 1].start()) if i + 1 < len(words) else None
            inv.occurrences[word].append(Occurrence(m.start(), m.end(), i == 0 and not continued, in_title, prev, nxt))
    return inv
