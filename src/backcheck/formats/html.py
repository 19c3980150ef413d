"""Article extraction from HTML with offsets into the HTML file.

Two steps, each done by the tool suited to it: the standard library's HTML tokenizer walks the
page and records every block element (headings, paragraphs, list items, captions) with the exact
offsets of its text nodes and entities; trafilatura, a maintained article extractor, decides
which of those blocks are the article rather than navigation, ads or comments. A block is kept
when its text is part of what trafilatura extracted (or it is the page's main heading, or a
figure caption).
"""

from __future__ import annotations

import re
import unicodedata
from html import unescape
from html.parser import HTMLParser

from backcheck.errors import InputError
from backcheck.model.document import CAPTION, LEAD, PARAGRAPH, TITLE
from backcheck.model.textmap import TextMap

_BLOCK_TAGS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "figcaption",
    "blockquote",
    "td",
    "th",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "dd",
    "dt",
    "pre",
    "caption",
    "title",
    "br",
    "tr",
    "ul",
    "ol",
    "figure",
    "main",
    "aside",
    "nav",
    "table",
}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head", "iframe", "button", "form"}
_WS = re.compile(r"\s+")


class _Walker(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.blocks: list[dict] = []
        self.current: dict | None = None
        self.skip_depth = 0
        self.stack: list[str] = []
        self.title_text: list[tuple[str, int, int]] = []
        self.in_title = False

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _close_block(self) -> None:
        if self.current and "".join(p[0] for p in self.current["pieces"]).strip():
            self.blocks.append(self.current)
        self.current = None

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS and tag != "head":
            self.skip_depth += 1
        if tag == "title":
            self.in_title = True
        if tag in _BLOCK_TAGS:
            self._close_block()
            classes = " ".join(v or "" for k, v in attrs if k in ("class", "id")).lower()
            hint = None
            if tag == "h1":
                hint = TITLE
            elif tag in ("figcaption", "caption"):
                hint = CAPTION
            elif re.search(r"\b(lead|intro|standfirst|summary|perex)\b", classes):
                hint = LEAD
            self.current = {"tag": tag, "hint": hint, "pieces": []}
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS and tag != "head" and self.skip_depth:
            self.skip_depth -= 1
        if tag == "title":
            self.in_title = False
        if tag in _BLOCK_TAGS:
            self._close_block()

    def _text(self, text: str, start: int, end: int) -> None:
        if self.in_title:
            self.title_text.append((text, start, end))
            return
        if self.skip_depth:
            return
        if self.current is None:
            self.current = {"tag": "text", "hint": None, "pieces": []}
        self.current["pieces"].append((text, start, end))

    def handle_data(self, data):
        start = self._offset()
        self._text(data, start, start + len(data))

    def handle_entityref(self, name):
        start = self._offset()
        raw = f"&{name};" if self.source.startswith(f"&{name};", start) else f"&{name}"
        self._text(unescape(raw), start, start + len(raw))

    def handle_charref(self, name):
        start = self._offset()
        raw = f"&#{name};" if self.source.startswith(f"&#{name};", start) else f"&#{name}"
        self._text(unescape(raw), start, start + len(raw))


def _collapse(pieces: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Split pieces into word and whitespace runs; each whitespace run becomes one space."""
    out: list[tuple[str, int, int]] = []
    for text, start, end in pieces:
        if end - start != len(text):  # an entity: keep as one piece
            out.append((" " if text.isspace() else text, start, end))
            continue
        for m in re.finditer(r"\s+|\S+", text):
            seg = m.group()
            out.append((" " if seg.isspace() else seg, start + m.start(), start + m.end()))
    # trim and merge adjacent spaces
    merged: list[tuple[str, int, int]] = []
    for piece in out:
        if piece[0] == " " and (not merged or merged[-1][0] == " "):
            continue
        merged.append(piece)
    while merged and merged[-1][0] == " ":
        merged.pop()
    return merged


#: Characters that do not show: format characters (soft hyphen, zero-width space and joiners,
#: bidi marks and overrides, BOM, word joiner) and C0/C1 controls other than white space. Pages
#: carry them; trafilatura's output drops or keeps them differently from the page, so both sides
#: are compared without them.
_INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)
#: Control characters written as character references (&#7;, &#x1b;) are as invisible, and make
#: trafilatura discard the whole page: they are blanked before it reads the page.
_CONTROL_REF = re.compile(
    r"&#(?:0*(?:[0-8]|1[1-2]|1[4-9]|2[0-9]|3[01]|12[7-9]|1[3-5][0-9])(?![0-9])"
    r"|[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|7[fF]|[89][0-9a-fA-F])(?![0-9a-fA-F]));?"
)


def _key(text: str) -> str:
    """The comparable form of a block: visible characters, one space between words, NFC, case-folded."""
    return unicodedata.normalize("NFC", _WS.sub(" ", _INVISIBLE.sub("", text))).strip().casefold()


def extract(source: str, name: str = "<html>") -> tuple[TextMap, list[tuple[int, int, str | None]], list[str]]:
    """Normalised article text, its offset map into ``source``, its blocks, and a note for each
    extracted paragraph that could not be placed in the page."""
    import trafilatura

    walker = _Walker(source)
    try:
        walker.feed(source)
        walker.close()
    except Exception as exc:  # the tokenizer is lenient; this is a truly broken page
        raise InputError(f"{name}: cannot parse HTML ({exc})") from None
    walker._close_block()
    extracted = (
        trafilatura.extract(
            _CONTROL_REF.sub("", _INVISIBLE.sub("", source)),
            include_comments=False,
            include_tables=False,
            favor_recall=True,
            deduplicate=False,
        )
        or ""
    )
    article_key = _key(extracted)
    pieces: list[tuple[str, int, int]] = []
    block_pieces: list[tuple[int, int, str]] = []  # first and end piece index, kind hint
    have_title = False
    for block in walker.blocks:
        words = _collapse(block["pieces"])
        if not words:
            continue
        text = "".join(w[0] for w in words)
        key = _key(text)
        keep = block["hint"] in (TITLE, CAPTION) or (key and key in article_key)
        if not keep:
            continue
        hint = block["hint"] or PARAGRAPH
        if hint == TITLE:
            if have_title:
                hint = PARAGRAPH
            have_title = True
        if pieces:
            pieces.append(("\n\n", words[0][1], words[0][1]))
        block_pieces.append((len(pieces), len(pieces) + len(words), hint))
        pieces.extend(words)
    if not block_pieces and walker.title_text:
        words = _collapse(walker.title_text)
        block_pieces.append((0, len(words), TITLE))
        pieces.extend(words)
    if not block_pieces:
        raise InputError(f"{name}: no article text found in the HTML page")
    textmap = TextMap.from_pieces(source, pieces)
    starts = textmap.piece_starts
    notes = _unplaced(extracted, [_key(textmap.text[starts[a] : starts[b]]) for a, b, _ in block_pieces], name)
    return textmap, [(starts[a], starts[b], hint) for a, b, hint in block_pieces], notes


def _unplaced(extracted: str, kept: list[str], name: str) -> list[str]:
    """A note for each paragraph the extractor found that no kept block of the page holds: it is
    reported, not lost silently."""
    text = " ".join(kept)
    notes = []
    for line in extracted.splitlines():
        key = _key(line)
        if len(key) >= 20 and key not in text:
            shown = _WS.sub(" ", _INVISIBLE.sub("", line)).strip()
            notes.append(
                f"{name}: a paragraph of the page could not be placed in the article and is not "
                f"checked: «{shown[:60]}{'…' if len(shown) > 60 else ''}»"
            )
    return notes
