"""The Document model: an article's text, its structure and its sentences, with offsets.

A file is read (:mod:`backcheck.formats.article`), normalised into a :class:`~backcheck.model.textmap.TextMap`,
cut into blocks (title, lead, paragraphs, captions, page residue, a machine-translation
disclaimer) and segmented into sentences. Offsets are into the normalised text; ``Document.span``
maps them back into the original file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from backcheck.model.textmap import Span, TextMap

TITLE, LEAD, PARAGRAPH, CAPTION, BOILERPLATE, DISCLAIMER = (
    "title",
    "lead",
    "paragraph",
    "caption",
    "boilerplate",
    "disclaimer",
)
#: Blocks whose sentences are article text (scored and checked); the rest is residue.
ARTICLE_KINDS = frozenset({TITLE, LEAD, PARAGRAPH, CAPTION})


@dataclass(frozen=True)
class Block:
    kind: str
    start: int
    end: int
    reason: str | None = None  #: why a block is boilerplate, for the report


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    block: int  #: index into Document.blocks
    text: str


@dataclass
class Document:
    path: str
    lang: str
    textmap: TextMap
    blocks: list[Block]
    sentences: list[Sentence] = field(default_factory=list)
    encoding: str = "utf-8"
    format: str = "text"
    #: what reading the file had to repair or leave out (bad bytes, unplaced HTML blocks), one
    #: line each: the report shows them, so nothing is lost silently
    notes: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.textmap.text

    def span(self, start: int, end: int) -> Span:
        return self.textmap.span(start, end)

    def block_of(self, sentence: Sentence) -> Block:
        return self.blocks[sentence.block]

    @property
    def article_sentences(self) -> list[Sentence]:
        """Sentences of the article proper (no residue, no disclaimer): what gets scored."""
        return [s for s in self.sentences if self.blocks[s.block].kind in ARTICLE_KINDS]

    @property
    def disclaimer(self) -> Block | None:
        return next((b for b in self.blocks if b.kind == DISCLAIMER), None)


# --- structure -------------------------------------------------------------------------------

# A machine-translation disclaimer names translation and a machine (AI, automatic, machine,
# Google/DeepL) in one line; the wording varies from site to site.
