"""Quotations against the source, Balkan quotation marks and quoted publication names."""

import pytest

from _source_checks import findings
from backcheck.checks.quotes import quotations


@pytest.mark.parametrize(
    "text, inner",
    [
        ("„Nećemo odustati od reformi“, rekao je premijer.", ["Nećemo odustati od reformi"]),
        ("»Ovo je kraj«, poručio je.", ["Ovo je kraj"]),
        ("“We will not give up,” he said.", ["We will not give up,"]),
        ("He said he was 'done with battlefields' and left.", ["done with battlefields"]),
        ("It's the minister's decision, and it isn't final.", []),
    ],
)
def test_quotations(text, inner):
    assert [q.inner for q in quotations(text)] == inner


@pytest.mark.parametrize(
    "source, english",
    [
        (
            "„Nećemo odustati od reformi“, rekao je premijer.",
            "“We will not give up on reforms,” the prime minister said.",
        ),
        (
            "„Nećemo odustati od reformi“, rekao je premijer.",
            "'We will not give up on reforms,' the prime minister said.",
        ),
        ("Premijer je rekao da neće odustati od reformi.", "The prime minister said he would not give up on reforms."),
        ("Ministar je najavio „reformu“ zdravstva.", "The minister announced a reform of health care."),
    ],
)
def test_kept_quotations_are_not_flagged(source, english):
    assert findings("quote.missing", source, english, "hr") == []


def test_quotation_turned_into_reported_speech_is_flagged():
    found = findings(
        "quote.missing",
        "„Nećemo odustati od reformi“, rekao je premijer.",
        "The prime minister said they would not give up on reforms.",
        "hr",
    )
    assert len(found) == 1
    assert found[0][1].evidence["source_quotes"] == ["Nećemo odustati od reformi"]


def test_two_quotations_merged_into_one_are_flagged():
    found = findings(
        "quote.missing",
        "„Ovo je težak dan“, rekao je, „ali idemo dalje s radom“.",
        "“This is a hard day but we are moving on with the work,” he said.",
        "bs",
    )
    assert len(found) == 1
    assert "merged" in found[0][1].message


def test_quote_check_skipped_without_alignment():
    assert (
        findings(
            "quote.missing",
            "„Nećemo odustati od reformi“, rekao je.",
            "He said they would not give up.",
            "hr",
            alignment=None,
        )
        == []
    )


@pytest.mark.parametrize(
    "english, marks",
    [
        ("„We will not give up on reforms“, the prime minister said.", [("„", "“"), ("“", "”")]),
        ("»This is the end«, he said.", [("»", "“"), ("«", "”")]),
    ],
)
def test_balkan_marks_in_english(english, marks):
    found = findings("style.balkan-quotes", None, english, alignment=None)
    assert [(text, f.suggestion) for text, f in found] == marks


@pytest.mark.parametrize(
    "english",
    [
        "“We will not give up,” the prime minister said.",
        '"We will not give up," the prime minister said.',
    ],
)
def test_english_marks_are_not_flagged(english):
    assert findings("style.balkan-quotes", None, english, alignment=None) == []


@pytest.mark.parametrize(
    "english, title",
    [
        ('As the "Guardian" points out, nothing has been decided yet.', "Guardian"),
        ('The daily "Politika" reported that the minister had resigned.', "Politika"),
        ('According to the portal "Nova", the talks failed.', "Nova"),
        ('The minister told "Vijesti" that he would not resign.', "Vijesti"),
        ('"Blic" reported on Monday that the deal was signed.', "Blic"),
    ],
)
def test_quoted_publication_names(english, title):
    found = findings("style.quoted-publication", None, english, alignment=None)
    assert [f.evidence["title"] for _, f in found] == [title]


@pytest.mark.parametrize(
    "english",
    [
        "The Guardian points out that nothing has been decided yet.",
        '"We will not give up on reforms," the prime minister said.',
        '"Enough is enough" said the protesters outside parliament.',
        'The operation, code-named "Storm", began at dawn.',
    ],
)
def test_quotations_that_are_not_publication_names(english):
    assert findings("style.quoted-publication", None, english, alignment=None) == []
