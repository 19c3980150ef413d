"""Page residue and the machine-translation disclaimer."""

from __future__ import annotations

from backcheck.checks.base import Check, Finding, register
from backcheck.model.document import BOILERPLATE, DISCLAIMER


@register
class BoilerplateResidue(Check):
    """Page residue copied with the article: view and comment counters, "Bonus video:" promos,
    share and related-link lines, a photo caption repeated by the page template. It is not
    article text, so it is excluded from scoring; an editor publishing the text should drop it.
    """

    id = "boilerplate.residue"
    category = "boilerplate"
    severity = "minor"

    def run(self, ctx):
        doc = ctx.document
        for block in doc.blocks:
            if block.kind == BOILERPLATE:
                yield Finding(
                    self.id,
                    block.start,
                    block.end,
                    f"left over from the web page ({block.reason}), not part of the article: remove it",
                    suggestion="remove",
                    detail="page residue is excluded from scoring and from the other checks",
                    evidence={"reason": block.reason},
                )


@register
class Disclaimer(Check):
    """A disclaimer saying the text was machine translated ("translations are mostly done through
    AI translator..."). It is recorded in the report, because it tells the editor that every
    sentence below it needs the checks a human translation would not.
    """

    id = "disclaimer"
    category = "boilerplate"
    severity = "minor"

    def run(self, ctx):
        for block in ctx.document.blocks:
            if block.kind == DISCLAIMER:
                yield Finding(
                    self.id,
                    block.start,
                    block.end,
                    "the article says it was machine translated: check names, numbers and negations against the original",
                    detail="a machine-translation disclaimer; recorded in the report, not an error",
                    evidence={"machine_translation_disclaimer": True},
                )
