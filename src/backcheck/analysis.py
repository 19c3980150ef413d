"""The per-job analysis: everything checks read, computed once and only when a check asks.

A check sees one :class:`Analysis` (and the language modules under :mod:`backcheck.lang`), never
another check. What two checks share (the alignment's sentence pairs, the source agreement, the
name inventory, the aligned word lists, the quantities that disagree) is a typed, lazily computed
attribute here, instead of a value one check leaves in a dictionary for another.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from backcheck.config import Config
    from backcheck.lang.align import AlignedPair, SourceAgreement
    from backcheck.lang.names.beads import Bead
    from backcheck.lang.names.inventory import NameInventory
    from backcheck.lang.names.tokens import Token
    from backcheck.model.document import Document, Sentence
    from backcheck.scoring.fidelity import FidelityResult

#: One bead of the alignment with its sentences: (pair, source sentences, translation sentences).
SentencePair = tuple["AlignedPair", list["Sentence"], list["Sentence"]]


@dataclass(eq=False)
class Analysis:
    """One job (a translation and, when given, its source) as the checks see it.

    Checks must not read files, print or call engines: the engine's back-translations and the
    fidelity scores come in precomputed.
    """

    document: Document
    config: Config
    source: Document | None = None
    alignment: list[AlignedPair] | None = None  #: sentence alignment, when a source is given
    backtranslations: dict[int, str] | None = None  #: translation sentence index -> back-translation
    scores: FidelityResult | None = None  #: fidelity, when an engine ran

    @cached_property
    def agreement(self) -> SourceAgreement:
        """Whether the source is this translation's source at all (see :func:`backcheck.lang.align.assess`)."""
        from backcheck.lang.align import assess

        return assess(self.source, self.document, self.alignment or [])

    @property
    def source_matches(self) -> bool:
        return self.source is not None and self.agreement.matches

    @cached_property
    def aligned_pairs(self) -> list[SentencePair]:
        """Each bead of the alignment with its sentences. Empty without an alignment, and when the
        source is not this translation's (another article, another language): that is one
        document-level flag (``source.mismatch``), not a flag per sentence."""
        if self.alignment is None or self.source is None or not self.agreement.matches:
            return []
        return [
            (pair, [self.source.sentences[i] for i in pair.source], [self.document.sentences[i] for i in pair.target])
            for pair in self.alignment
        ]

    @cached_property
    def name_inventory(self) -> NameInventory:
        """Capitalised words of the translation and where each occurs."""
        from backcheck.lang.names.inventory import build_inventory

        return build_inventory(self.document)

    @cached_property
    def name_beads(self) -> list[Bead] | None:
        """The aligned pairs as word lists; None when names cannot be compared."""
        from backcheck.lang.names.beads import build_beads

        return build_beads(self.source, self.document, self.alignment)

    @cached_property
    def english_names(self) -> list[Token]:
        """The capitalised words of the whole translation."""
        from backcheck.lang.names.beads import capitalised_tokens

        return capitalised_tokens(self.document)

    @cached_property
    def number_disagreements(self) -> list[Any]:
        """Per aligned pair with sentences on both sides: the quantities that disagree."""
        from backcheck.lang.numbers.compare import disagreements

        assert self.source is not None
        return disagreements(self.source, self.document, self.aligned_pairs)
