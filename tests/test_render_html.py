"""The HTML report: escaping, marks that never cross-nest, notes beside the text, fidelity colours,
the source beside the translation, and no way to fetch anything."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

import pytest

from _render_reports import ARTICLE, checked_report, synthetic_report
from backcheck.model.report import DocumentReport, Report
from backcheck.render import render

_VOID = {"meta", "br", "hr", "img", "input", "link"}


class _Tree(HTMLParser):
    """Checks that every element closes in order, and collects the text inside each mark."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, dict]] = []
        self.errors: list[str] = []
        self.marks: list[tuple[dict, str]] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag not in _VOID:
            self.stack.append((tag, attrs))
            if tag == "mark":
                self.marks.append((attrs, ""))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data):
        if any(tag == "mark" for tag, _ in self.stack):
            attrs, text = self.marks[-1]
            self.marks[-1] = (attrs, text + data)


def _parse(html: str) -> _Tree:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    return tree


def _marked_text(tree: _Tree, number: int) -> str:
    """The text of all marks that carry flag ``number``."""
    return "".join(text for attrs, text in tree.marks if str(number) in attrs["data-flags"].split())


@pytest.mark.parametrize("with_source", [False, True])
def test_markup_is_well_nested_even_with_overlapping_spans(with_source):
    tree = _parse(render(synthetic_report(with_source), "html"))
    assert tree.errors == []
    assert [tag for tag, _ in tree.stack] == []


def test_article_markup_is_shown_as_text_never_run():
    html = render(synthetic_report(), "html")
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html or "&lt;/script&gt;" in html
    assert "&amp; &quot;nothing else&quot;" in html


def test_every_flag_is_marked_with_its_severity_and_check():
    report = synthetic_report()
    tree = _parse(render(report, "html"))
    ids = {attrs.get("id") for _, attrs in tree.tags}
    for n, flag in enumerate(report.flags, start=1):
        assert f"d0-f{n}" in ids
        carrying = [attrs for attrs, _ in tree.marks if str(n) in attrs["data-flags"].split()]
        assert carrying, flag.check
        worst = [a for a in carrying if a["data-check"] == flag.check]
        if worst:  # where this flag is the most severe one covering the text
            assert all(f"sev-{flag.severity}" in a["class"] for a in worst)


@pytest.mark.parametrize(
    "check_id, text",
    [
        ("name.inflected", "Kovačeva"),
        ("name.inconsistent", "Kovačeva said"),
        ("boilerplate.residue", "<script>"),
    ],
)
def test_marks_cover_exactly_the_flagged_text(check_id, text):
    report = synthetic_report()
    number = next(n for n, f in enumerate(report.flags, start=1) if f.check == check_id)
    assert _marked_text(_parse(render(report, "html")), number) == text


def test_overlap_is_marked_with_the_worse_severity():
    tree = _parse(render(synthetic_report(), "html"))
    both = [attrs for attrs, text in tree.marks if text == "Kovačeva"]
    assert both and "sev-major" in both[0]["class"] and "multi" in both[0]["class"]
    assert both[0]["data-check"] == "name.inflected"


def test_reason_and_suggestion_sit_in_the_row_of_their_paragraph():
    html = render(synthetic_report(), "html")
    rows = re.findall(r'<div class="row kind-\w+">.*?(?=<div class="row |</section>)', html, re.S)
    row = next(r for r in rows if "Kovačeva" in r)
    assert "name.inflected" in row and "<ins>Kovač</ins>" in row
    assert "markup copied" not in row


def test_summary_counts_and_verdict():
    html = render(synthetic_report(), "html")
    assert '<span class="chip critical"><b>1</b>critical</span>' in html
    assert '<span class="chip major"><b>2</b>major</span>' in html
    assert '<span class="chip minor"><b>1</b>minor</span>' in html
    assert "3 flag(s) at or above major" in html


def test_fidelity_marks_only_low_sentences_and_says_it_in_one_line():
    without = render(synthetic_report(), "html")
    assert 'class="sent"' not in without and "disagrees" not in without
    html = render(synthetic_report(with_source=True), "html")
    fidelities = re.findall(r'class="sent" data-fidelity="(\d+)" style="--h:(\d+)"', html)
    # sentence scores are 95, 73, 51, 29, 7, ...: only those below the threshold (50) are marked
    assert fidelities and all(int(f) < 50 for f, _ in fidelities)
    assert ("29", "35") in fidelities
    assert "back-translation agrees with the source: 60/100 (typical for clean news: 55–70)" in html
    assert "<summary>metrics</summary>" in html  # the raw figures, on demand


def test_aligned_source_beside_translation():
    report = synthetic_report(with_source=True)
    html = render(report, "html")
    rows = re.findall(r'<div class="row" data-bead="([\d-]+)">', html)
    assert rows == [pair.kind for pair in report.documents[0].alignment]
    tree = _parse(html)
    source_marks = [text for attrs, text in tree.marks if "id" not in attrs and text == "Kovačeva"]
    assert source_marks  # the source span of the name flag is marked in the source column
    assert "nothing in the translation" in html and "no source sentence" in html


def test_source_without_alignment_is_shown_beside_the_article():
    report = synthetic_report(with_source=True)
    report.documents[0].alignment = None
    html = render(report, "html")
    assert 'class="side-by-side"' in html and "Skupština Glavnog grada" in html
    assert _parse(html).errors == []


def test_report_without_document_structure_shows_the_file_text():
    doc = synthetic_report().documents[0]
    bare = DocumentReport(doc.path, None, None, "en", False, None, {}, doc.flags, original_text=ARTICLE)
    html = render(Report([bare], synthetic_report().config, "sig"), "html")
    tree = _parse(html)
    assert tree.errors == []
    assert any(unescape(text) == "<script>" for _, text in tree.marks)


def test_self_contained():
    html = render(synthetic_report(with_source=True), "html")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert not re.search(r'(src|href)="(?!#)', html)
    assert "@import" not in html and "url(" not in html


def test_several_documents_get_a_table_of_contents(tmp_path):
    one, two = synthetic_report(path="a.txt"), synthetic_report(path="b.txt")
    report = Report(one.documents + two.documents, one.config, one.signature)
    html = render(report, "html")
    assert '<a href="#d0">a.txt</a>' in html and '<a href="#d1">b.txt</a>' in html
    assert "2 of 2 documents" in html
    assert 'id="d1-f1"' in html and _parse(html).errors == []


def test_real_pipeline_marks_an_inflected_name(tmp_path):
    report = checked_report(tmp_path)
    tree = _parse(render(report, "html"))
    marks = [(attrs, text) for attrs, text in tree.marks if attrs["data-check"] == "name.inflected"]
    assert ("Kovačeva" in [unescape(t) for _, t in marks]) and all("sev-" in a["class"] for a, _ in marks)


def test_html_article_is_shown_as_its_text_not_its_markup(tmp_path):
    page = (
        "<!doctype html><html><body><article><h1>Council approves budget</h1>\n"
        "<p>Finance secretary Dragana Kovač said spending &amp; hiring rise. "
        '"The money is there," <b>Kovačeva</b> said.</p></article></body></html>\n'
    )
    report = checked_report(tmp_path, page, "article.html")
    html = render(report, "html")
    assert "&lt;b&gt;" not in html and "&lt;p&gt;" not in html
    assert "spending &amp; hiring" in html  # the entity decoded, then escaped once
    flagged = [text for attrs, text in _parse(html).marks if attrs["data-check"] == "name.inflected"]
    assert flagged == ["Kovačeva"]
