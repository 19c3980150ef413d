"""Whether the given source is the translation's source at all."""

from __future__ import annotations

from backcheck.checks.base import Check, Finding, register


@register
class SourceMismatch(Check):
    """The source given does not correspond to the translation: another article, or a text in
    another language than declared. Names and numbers survive translation, so a real source
    shares most of them; when it does not, sentence-level comparisons would only produce noise,
    so one document-level flag replaces them.
    """

    id = "source.mismatch"
    category = "mistranslation"
    severity = "major"
    requires_source = True

    def run(self, ctx):
        verdict = ctx.agreement
        if verdict.matches:
            return
        first = ctx.document.article_sentences[0] if ctx.document.article_sentences else ctx.document.sentences[0]
        yield Finding(
            self.id,
            first.start,
            first.end,
            f"the original given does not look like the source of this article ({verdict.reason}); "
            "the checks against the original were skipped",
            detail="the source and the translation share too few names, numbers and words to be one article",
            evidence={"reason": verdict.reason, "shared_anchors": round(verdict.shared_anchors, 2)},
        )
