"""Run one source-aware check on a hand-made source/translation pair with a hand-made
alignment, so that these tests do not depend on the aligner."""

from __future__ import annotations

from backcheck.checks import CheckContext, all_checks
from backcheck.config import Config
from backcheck.formats.article import from_text
from backcheck.lang.align import AlignedPair


def findings(check_id, source, english, lang="sr", alignment="1-1"):
    """Findings of ``check_id`` as ``(text of the flagged span, finding)``.

    ``alignment`` is "1-1" (sentence i with sentence i), None (no alignment), or a list of
    ``(source indices, translation indices)`` beads.
    """
    src = from_text(source, lang=lang) if source is not None else None
    tgt = from_text(english, lang="en")
    if alignment == "1-1":
        beads = [AlignedPair((i,), (i,)) for i in range(len(src.sentences))]
    elif alignment is None:
        beads = None
    else:
        beads = [AlignedPair(tuple(s), tuple(t)) for s, t in alignment]
    ctx = CheckContext(document=tgt, config=Config(), source=src, alignment=beads)
    return [(tgt.text[f.start : f.end], f) for f in all_checks()[check_id]().run(ctx)]
