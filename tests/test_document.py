"""Reading articles: encodings, normalisation with exact offsets, structure, segmentation."""

from __future__ import annotations

import pytest

from backcheck.errors import InputError
from backcheck.formats.article import from_text, is_disclaimer, load
from backcheck.formats.encoding import decode
from backcheck.lang.segment import split_sentences
from backcheck.model.document import BOILERPLATE, CAPTION, DISCLAIMER, LEAD, PARAGRAPH, TITLE
from backcheck.model.textmap import TextMap

BCMS = "Ministar Šefik Džaferović posjetio je Žabljak i Đakovicu, rekao je čelnik opštine."


@pytest.mark.parametrize("encoding", ["cp1250", "iso8859_2", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_decode_balkan_encodings(encoding):
    data = BCMS.encode(encoding)
    text, detected = decode(data)
    assert text.lstrip("\ufeff") == BCMS
    if encoding in ("cp1250", "iso8859_2"):
        assert detected == encoding


def test_decode_windows_1251_cyrillic():
    text = "Влада Србије је у понедељак усвојила буџет."
    assert decode(text.encode("cp1251"))[0] == text


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
    ],
)
def test_decode_rejects_binary(data, problem):
    with pytest.raises(InputError, match=problem):
        decode(data, "x.bin")


def test_textmap_maps_normalised_spans_back_to_original():
    # decomposed č (c + combining caron), a no-break space, a soft hyphen and CRLF line ends
    original = "Title\r\n\r\nMinistar Mic\u030cic\u0301\u00a0je pot\u00adpisao ugovor.\r\n"
    tm = TextMap.normalise(original)
    assert "Ministar Mičić je potpisao ugovor." in tm.text
    start = tm.text.index("Mičić")
    span = tm.span(start, start + len("Mičić"))
    assert span.text == "Mic\u030cic\u0301"
    assert (span.line, span.column) == (3, 10)
    start = tm.text.index("potpisao")
    assert tm.span(start, start + 8).text == "pot\u00adpisao"


def test_windows_1250_file_spans_point_into_the_file(write):
    path = write("clanak.txt", "Naslov\n\nGradonačelnik Šabca je rekao da će radovi početi u maju.\n", "cp1250")
    doc = load(path, lang="sr")
    assert doc.encoding == "cp1250"
    start = doc.text.index("Šabca")
    span = doc.span(start, start + 5)
    assert (span.text, span.line, span.column) == ("Šabca", 3, 15)


ARTICLE = """Parliament approves budget after long debate

Opposition says the plan ignores the north of the country

1520 views 3 comment(s)
Parliament, Photo: PR Service
Parliament, Photo: PR Service
Disclaimer: The translations are mostly done through AI translator and might not be 100% accurate.

The parliament adopted the budget for next year on Thursday with 44 votes in favour.

Finance Minister Ana Petrović said the deficit would fall to 2.5 percent.

Share: Facebook Twitter Viber
Bonus video:"""


def test_structure_of_a_news_page():
    doc = from_text(ARTICLE, path="a.txt")
    kinds = [(b.kind, b.reason) for b in doc.blocks]
    assert kinds == [
        (TITLE, None),
        (LEAD, None),
        (BOILERPLATE, "view/comment counter"),
        (CAPTION, None),
        (BOILERPLATE, "repeated caption"),
        (DISCLAIMER, None),
        (PARAGRAPH, None),
        (PARAGRAPH, None),
        (BOILERPLATE, "share buttons"),
        (BOILERPLATE, "video promo"),
    ]
    scored = [s.text for s in doc.article_sentences]
    assert "1520 views 3 comment(s)" not in scored
    assert "Finance Minister Ana Petrović said the deficit would fall to 2.5 percent." in scored


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Disclaimer: The translations are mostly done through AI translator and might not be 100% accurate.", True),
        ("This article was translated automatically with machine translation.", True),
        ("Translated with the help of an AI tool; errors are possible.", True),
        ("Napomena: prevod je urađen uz pomoć vještačke inteligencije.", True),
        ("The translator of the novel received the award on Monday.", False),
        ("The machine failed at the factory on Monday.", False),
    ],
)
def test_disclaimer_variants(line, expected):
    assert is_disclaimer(line) is expected


def test_markdown_headings_and_wrapped_paragraphs():
    md = (
        "# Ministers meet in Skopje\n\nThe two ministers met\non Friday to discuss the border.\n\n- a list item here.\n"
    )
    doc = from_text(md, path="a.md")
    assert doc.blocks[0].kind == TITLE
    assert doc.text[doc.blocks[0].start : doc.blocks[0].end] == "Ministers meet in Skopje"
    assert (
        doc.text[doc.blocks[1].start : doc.blocks[1].end] == "The two ministers met\non Friday to discuss the border."
    )


def test_html_article_extraction_keeps_offsets(write):
    html = (
        "<!DOCTYPE html><html><head><title>Site</title><script>var ads = 1;</script></head><body>"
        "<nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav><article>"
        "<h1>Mayor &amp; council agree on bus fares</h1>\n"
        "<p>The city council of Nikšić agreed on Monday to cut bus fares by a third from March.</p>\n"
        "<figure><figcaption>Photo: City of Nikšić</figcaption></figure>\n"
        "<p>&bdquo;This is a fair deal,&ldquo; the mayor told reporters after the session, "
        "adding that the subsidy would cost 400,000 euros a year.</p>"
        "</article><footer>All rights reserved</footer></body></html>"
    )
    path = write("page.html", html)
    doc = load(path)
    kinds = [b.kind for b in doc.blocks]
    assert kinds[0] == TITLE and CAPTION in kinds and PARAGRAPH in kinds
    assert "Home" not in doc.text and "ads" not in doc.text
    start = doc.text.index("Mayor & council")
    span = doc.span(start, start + len("Mayor & council"))
    assert span.text == "Mayor &amp; council"
    assert html[span.start : span.end] == span.text
    start = doc.text.index("Nikšić")
    assert html[doc.span(start, start + 6).start : doc.span(start, start + 6).end] == "Nikšić"


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("en", "Mr. Jones met Dr. Smith in the U.S. capital on Jan. 5. They agreed.", 2),
        ("en", '"We will not give up," she said. The vote is on Monday.', 2),
        # a quotation of several sentences is split as ReLDI splits the source's; a title's
        # abbreviation inside it does not end a sentence
        ("en", '"Trains are late. Prof. Ilić agrees. Buses too," she said. It rained.', 4),
        # "p.m." ends a sentence inside a quotation as outside it, but not before a weekday
        ("en", '"The clinic shuts at 2 p.m. That is why we ran," he said. It rained.', 3),
        ("en", "The vote closes at 8 p.m. Sunday, officials said. It rained.", 2),
        ("en", '"We meet at 5 p.m. Friday in the hall," she said.', 1),
        ("sr", "Predsjednik dr. Marković je 11. juna rekao da će se sastati s ministrom. Sastanak je zakazan.", 2),
        ("hr", "Sjednica je održana 3. ožujka 2023. u Zagrebu. Vijećnici su glasovali.", 2),
        # an ordinal's full stop before a lower-case word ends no sentence
        ("pl", "Reprezentacja spadła w rankingu z 18. na 21. miejsce. Trener nie skomentował wyniku.", 2),
    ],
)
def test_sentence_segmentation(lang, text, expected):
    spans = split_sentences(text, lang)
    assert len(spans) == expected
    assert text[spans[0][0] : spans[0][1]].startswith(text[:10])


@pytest.mark.parametrize(
    "line", ["2140 прегледа 5 коментар(а)", "2140 pregleda 5 komentar(a)", "2140 views 5 comment(s)"]
)
def test_view_counters_of_a_source_page_in_either_script_are_residue(line):
    doc = from_text(f"Naslov vijesti\n\n{line}\n\nVlada je usvojila budžet u četvrtak.", lang="sr")
    assert [(b.kind, b.reason) for b in doc.blocks][1] == (BOILERPLATE, "view/comment counter")


def test_a_caption_credit_in_brackets_is_a_caption():
    doc = from_text(
        "Naslov vijesti\n\nStradun u avgustu (Foto: Ivo Perić/PIXSELL)\n\nGrad je bio pun turista.", lang="hr"
    )
    assert [b.kind for b in doc.blocks] == [TITLE, CAPTION, PARAGRAPH]
