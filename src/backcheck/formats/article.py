"""Reading an article: plain text, Markdown or HTML into a segmented :class:`Document`.

Blocks are classified (title, lead, paragraphs, captions, page residue, a machine-translation
disclaimer) and every article block is segmented into sentences with offsets into the
normalised text, which ``Document.span`` maps back into the original file.
"""

from __future__ import annotations

import re
from pathlib import Path

from backcheck.lang.segment import split_sentences
from backcheck.model.document import BOILERPLATE, CAPTION, DISCLAIMER, LEAD, PARAGRAPH, TITLE, Block, Document, Sentence
from backcheck.model.textmap import TextMap

_MT_WORDS = re.compile(r"\b(translat\w*|prevod\w*|prijevod\w*|превод\w*)", re.I)
_MACHINE_WORDS = re.compile(
    r"\b(AI|A\.I\.|artificial intelligence|machine|automatic\w*|automated|google translate|deepl|"
    r"translation tool|translator tool|vještačk\w*|umjetn\w*|veštačk\w*|mašinsk\w*|strojn\w*)\b",
    re.I,
)

# Page residue: counters, promos, share and related-link lines. Patterns describe the widgets of
# news CMSes, not any one article.
_RESIDUE = [
    (
        re.compile(r"^\d[\d.,\s]*\s*(views?|reads?|pregled[ai]?|čitanja|преглед[аи]?|читања)\b.*$", re.I),
        "view/comment counter",
    ),
    (
        re.compile(
            r"^\d+\s*(comments?|comment\(s\)|komentar[ai]?|komentar\(a\)|коментар[аи]?|коментар\(а\))\s*$", re.I
        ),
        "comment counter",
    ),
    (re.compile(r"^(bonus|watch|video|pogledajte)\s*(video)?\s*:?\s*$", re.I), "video promo"),
    (re.compile(r"^bonus video\s*:.*$", re.I), "video promo"),
    (
        re.compile(
            r"^(share|podijeli|podeli|tweet|print|štampaj)(\s+(on|this|article))?\s*[:|]?\s*((facebook|twitter|x|linkedin|whatsapp|viber|email|e-mail)[\s,|]*)*$",
            re.I,
        ),
        "share buttons",
    ),
    (
        re.compile(
            r"^(related|read (also|more)|see also|more from|pročitajte( još| i)?|vezane vijesti|povezane vesti|tags?|tagovi|oznake)\s*:.*$",
            re.I,
        ),
        "related links",
    ),
    (re.compile(r"^(follow us|pratite nas|subscribe|advertisement|reklama|oglas)\b.*$", re.I), "promotion"),
    (re.compile(r"^(©|\(c\)|copyright)\s.*$", re.I), "copyright line"),
]
_CAPTION = re.compile(
    r"(^|[,|(]\s*|\s)(photo|foto|фото|source|izvor|illustration|ilustracija|screenshot|video)\s*:\s*\S", re.I
)
_SENTENCE_END = re.compile(r"[.!?…\"”»)]\s*$")


def _residue_reason(line: str) -> str | None:
    for pattern, reason in _RESIDUE:
        if pattern.match(line):
            return reason
    return None


def is_disclaimer(line: str) -> bool:
    return bool(_MT_WORDS.search(line) and _MACHINE_WORDS.search(line)) and len(line) < 600


def classify_blocks(texts: list[str], hints: list[str | None] | None = None) -> list[tuple[str, str | None]]:
    """Kind (and residue reason) of each block; ``hints`` carries kinds a format already knows."""
    hints = hints or [None] * len(texts)
    kinds: list[tuple[str, str | None]] = []
    seen_captions: set[str] = set()
    body_started = False
    for i, (text, hint) in enumerate(zip(texts, hints)):
        stripped = text.strip()
        reason = _residue_reason(stripped)
        if is_disclaimer(stripped):
            kinds.append((DISCLAIMER, None))
        elif reason:
            kinds.append((BOILERPLATE, reason))
        elif hint == CAPTION or (_CAPTION.search(stripped) and len(stripped) < 200):
            key = stripped.casefold()
            kinds.append((BOILERPLATE, "repeated caption") if key in seen_captions else (CAPTION, None))
            seen_captions.add(key)
        elif hint in (TITLE, LEAD):
            kinds.append((hint, None))
        elif i == 0 and hint is None and len(stripped) < 200 and not _SENTENCE_END.search(stripped):
            kinds.append((TITLE, None))
        elif not body_started and hint is None and kinds and kinds[-1][0] == TITLE and len(stripped) < 400:
            kinds.append((LEAD, None))
        else:
            kinds.append((PARAGRAPH, None))
            body_started = True
    return kinds


def _line_blocks(text: str, markdown: bool) -> list[tuple[int, int, str | None]]:
    """Blocks of a plain-text or Markdown article: ``(start, end, hint)``.

    A line is a block; consecutive lines are joined when the first does not end a sentence and
    the next starts in lower case (hard-wrapped paragraphs). Markdown headings, quotes and list
    markers are stripped from the span; the first heading is the title.
    """
    blocks: list[list] = []
    pos = 0
    prev_blank = True
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        line = raw.strip()
        if not line:
            prev_blank = True
            continue
        start += len(raw) - len(raw.lstrip())
        end -= len(raw) - len(raw.rstrip())
        hint = None
        if markdown:
            m = re.match(r"(#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)", text[start:end])
            if m:
                if m.group(1).startswith("#"):
                    hint = TITLE if not any(b[2] == TITLE for b in blocks) else PARAGRAPH
                start += m.end()
            if re.fullmatch(r"[-*_=\s]{3,}", text[start:end]):
                continue
        if (
            blocks
            and not prev_blank
            and hint is None
            and blocks[-1][2] is None
            and not _SENTENCE_END.search(text[blocks[-1][0] : blocks[-1][1]])
            and text[start : start + 1].islower()
        ):
            blocks[-1][1] = end
        else:
            blocks.append([start, end, hint])
        prev_blank = False
    return [tuple(b) for b in blocks]


def build_document(
    path: str, textmap: TextMap, lang: str, blocks: list[tuple[int, int, str | None]], encoding: str, fmt: str
) -> Document:
    text = textmap.text
    kinds = classify_blocks([text[s:e] for s, e, _ in blocks], [h for _, _, h in blocks])
    doc_blocks = [Block(kind, s, e, reason) for (s, e, _), (kind, reason) in zip(blocks, kinds)]
    sentences: list[Sentence] = []
    for bi, block in enumerate(doc_blocks):
        for s, e in split_sentences(text[block.start : block.end], lang):
            sentences.append(
                Sentence(len(sentences), block.start + s, block.start + e, bi, text[block.start + s : block.start + e])
            )
    return Document(path, lang, textmap, doc_blocks, sentences, encoding, fmt)


def detect_format(path: str, text: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in {".html", ".htm", ".xhtml"}:
        return "html"
    if suffix in {".md", ".markdown"}:
        return "markdown"
    if re.match(r"\s*(<!doctype html|<html)", text[:500], re.I):
        return "html"
    return "text"


def load(path: str, lang: str = "en", max_bytes: int | None = None) -> Document:
    """Read an article file (text, Markdown or HTML) into a segmented :class:`Document`."""
    from backcheck.formats.encoding import DEFAULT_MAX_BYTES, read_decoded

    decoded = read_decoded(path, max_bytes or DEFAULT_MAX_BYTES)
    doc = from_text(decoded.text, path=str(path), lang=lang, encoding=decoded.encoding)
    doc.notes[:0] = decoded.notes
    return doc


def from_text(
    original: str, path: str = "<text>", lang: str = "en", encoding: str = "utf-8", fmt: str | None = None
) -> Document:
    """Build a Document from already-decoded text (the Python API's entry for strings)."""
    fmt = fmt or detect_format(path, original)
    if fmt == "html":
        from backcheck.formats.html import extract

        textmap, blocks, notes = extract(original, path)
    else:
        textmap = TextMap.normalise(original)
        blocks, notes = _line_blocks(textmap.text, markdown=fmt == "markdown"), []
    if not any(textmap.text[s:e].strip() for s, e, _ in blocks):
        from backcheck.errors import InputError

        raise InputError(f"{path}: no article text found")
    doc = build_document(path, textmap, lang, blocks, encoding, fmt)
    doc.notes.extend(notes)
    return doc
