"""Reports for the renderer tests, built from articles written for these tests.

The synthetic report fixes its findings, severities and signature by hand, so golden files do not
change when a check's wording or the check set changes; ``checked_report`` runs the real pipeline.
"""

from __future__ import annotations

from dataclasses import replace

from backcheck.checks import all_checks
from backcheck.checks.base import Finding
from backcheck.config import Config
from backcheck.formats.article import from_text
from backcheck.lang.align import AlignedPair
from backcheck.model.report import DocumentReport, Report
from backcheck.pipeline.check import check
from backcheck.pipeline.decide import decide

ARTICLE = """Podgorica council approves new budget

The city council adopted the budget for next year after a six-hour session, council president Marko Vujović said.

Finance secretary Dragana Kovač told reporters that the plan raises spending on schools by 12%. "The money is already there," Kovačeva said on Tuesday.

A councillor read out a post that said <script>alert("x")</script> & "nothing else", before the vote.
"""

SOURCE = """Glavni grad usvojio novi budžet

Skupština Glavnog grada usvojila je budžet za narednu godinu nakon šestočasovne sjednice, rekao je predsjednik Skupštine Marko Vujović.

Sekretarka za finansije Dragana Kovač kazala je novinarima da plan povećava izdvajanja za škole za 12 odsto. "Novac je već obezbijeđen", kazala je Kovačeva u utorak.

Jedan odbornik pročitao je objavu prije glasanja.
"""

SIGNATURE = "backcheck:test|checks:fixed|fail_on:major|engine:none"


def _finding(
    doc,
    check_id: str,
    text: str,
    message: str,
    suggestion: str | None = None,
    occurrence: int = 0,
    extend: int = 0,
    **evidence,
) -> Finding:
    start = doc.text.index(text)
    for _ in range(occurrence):
        start = doc.text.index(text, start + 1)
    return Finding(check_id, start, start + len(text) + extend, message, suggestion, evidence=evidence)


def synthetic_report(with_source: bool = False, path: str = "news/council.txt") -> Report:
    doc = from_text(ARTICLE, path=path, lang="en")
    source = from_text(SOURCE, path="news/council.cnr.txt", lang="cnr") if with_source else None
    # Only the checks of the foundation are used, with severities set here, so these reports do
    # not change when checks are added.
    config = Config(
        fail_on="major",
        severities={"boilerplate.residue": "critical", "disclaimer": "major"},
        origins={"fail_on": "cli"},
    )
    findings = [
        _finding(
            doc,
            "name.inflected",
            "Kovačeva",
            '"Kovačeva" is "Kovač" with a case ending',
            "Kovač",
            form="Kovačeva",
            lemma="Kovač",
        ),
        # overlaps the flag above and runs past it: marks must not cross-nest
        _finding(
            doc,
            "name.inconsistent",
            "Kovačeva said",
            "one name spelled two ways: 50%, or more, of: readers\nnotice",
            "Kovač",
        ),
        _finding(doc, "boilerplate.residue", "<script>", "markup copied from the page", "remove"),
        # crosses a paragraph break: a span over two lines and two blocks
        _finding(doc, "disclaimer", "Vujović said.", "a translation note runs into the article", extend=19),
    ]
    if source is not None:
        source_start = source.text.index("Kovačeva")
        findings[0] = replace(findings[0], source_start=source_start, source_end=source_start + len("Kovačeva"))
    flags = decide(findings, all_checks(), doc, source, config)
    alignment = None
    if source is not None:
        alignment = [AlignedPair((i,), (i,), 0.9) for i in range(len(source.sentences) - 1)]
        alignment.append(AlignedPair((len(source.sentences) - 1,), (), 0.4))
        alignment += [AlignedPair((), (j,), 0.3) for j in range(len(source.sentences) - 1, len(doc.sentences))]
    document_report = DocumentReport(
        path=doc.path,
        source_path=source.path if source else None,
        source_lang="cnr" if source else None,
        target_lang="en",
        machine_translation_disclaimer=False,
        engine=None,
        scores={
            "mode": "source",
            "fidelity": 60.0,
            "min_fidelity": 50.0,
            "pairs": len(doc.sentences),
            "typical": [55.0, 70.0],
            "chrF": 61.5,
        }
        if with_source
        else {"chrF": 61.5},
        flags=flags,
        notes=["back-translation skipped (engine: none)"],
        sentences=len(doc.sentences),
        sentence_scores=[{"index": s.index, "fidelity": 95 - 22 * s.index} for s in doc.sentences]
        if with_source
        else [],
        original_text=ARTICLE,
        document=doc,
        source_document=source,
        alignment=alignment,
    )
    return Report([document_report], config, SIGNATURE)


def checked_report(tmp_path, text: str = ARTICLE, name: str = "article.txt") -> Report:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return check(str(path))
