"""Bilingual files as input: XLIFF 1.2 and 2.x, TMX, gettext PO, TSV and JSONL segment pairs.

A translation pipeline hands over segments, not articles. translate-toolkit (a maintained
localisation library) parses and validates the XLIFF, TMX and PO files and gives each unit its
id; a small scanner then finds where each segment's text lies in the file, character by
character, so every flag points at the line and column of the target text in the file the
pipeline produced. Each segment becomes one block of a :class:`Document` whose offset map runs
into the bilingual file, and each flag carries its segment id.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields
from html import unescape
from pathlib import Path
from typing import Any

from backcheck.errors import InputError
from backcheck.formats.article import build_document
from backcheck.lang.languages import BCMS
from backcheck.model.document import PARAGRAPH, Document
from backcheck.model.textmap import TextMap

#: suffix -> format name
SUFFIXES = {".xlf": "xliff", ".xliff": "xliff", ".tmx": "tmx", ".po": "po", ".tsv": "tsv", ".jsonl": "jsonl"}

Piece = tuple[str, int, int]  # text, start and end offsets in the file's decoded text


@dataclass
class Segment:
    id: str
    source: list[Piece]
    target: list[Piece]


@dataclass
class BilingualDocument(Document):
    """A Document read from a bilingual file: one block per segment, ``segment_ids[block]``."""

    segment_ids: list[str] = field(default_factory=list)

    def segment_of(self, sentence_index: int | None) -> str | None:
        if sentence_index is None:
            return None
        return self.segment_ids[self.sentences[sentence_index].block]


def is_bilingual(path: str | Path) -> bool:
    return Path(path).suffix.lower() in SUFFIXES


def load_pair(
    path: str | Path, source_lang: str | None = None, max_bytes: int | None = None
) -> tuple[BilingualDocument, BilingualDocument | None]:
    """Read a bilingual file into (translation, source) Documents; the source is None when the
    file holds no source text."""
    from backcheck.files import read_bytes
    from backcheck.formats.encoding import DEFAULT_MAX_BYTES, read_text

    path = Path(path)
    text, encoding = read_text(path, max_bytes or DEFAULT_MAX_BYTES)
    fmt = SUFFIXES[path.suffix.lower()]
    if fmt in ("xliff", "tmx", "po"):
        segments, declared = _READERS[fmt](path, text, read_bytes(path, max_bytes or DEFAULT_MAX_BYTES))
    else:
        segments, declared = _READERS[fmt](path, text), None
    segments = [s for s in segments if "".join(p[0] for p in s.target).strip()]
    if not segments:
        raise InputError(f"{path}: no translated segments found")
    target = _document(str(path), text, segments, "target", "en", encoding, fmt)
    source_text = "\n".join("".join(p[0] for p in s.source) for s in segments)
    if not source_text.strip():
        return target, None
    # as for a source article: a language given wins, then the file's declaration, then detection
    from backcheck.lang.langid import resolve_source_lang

    declared_lang = _primary(declared) if source_lang in (None, "auto") else None
    lang = declared_lang or resolve_source_lang(source_lang, source_text)
    return target, _document(str(path), text, segments, "source", lang, encoding, fmt)


def _primary(lang: str | None) -> str | None:
    """``sr-Latn-ME`` -> ``sr``; languages other than BCMS are left to the default."""
    if not lang:
        return None
    primary = re.split(r"[-_]", lang.strip())[0].lower()
    return primary if primary in BCMS else None


def _document(
    path: str, original: str, segments: list[Segment], side: str, lang: str, encoding: str, fmt: str
) -> BilingualDocument:
    from backcheck.formats.html import _collapse  # the HTML reader's whitespace folding, shared

    pieces: list[Piece] = []
    ranges: list[tuple[int, int]] = []
    ids: list[str] = []
    for segment in segments:
        words = _collapse(getattr(segment, side))
        if not words:
            continue
        if pieces:
            pieces.append(("\n\n", words[0][1], words[0][1]))
        ranges.append((len(pieces), len(pieces) + len(words)))
        pieces.extend(words)
        ids.append(segment.id)
    textmap = TextMap.from_pieces(original, pieces)
    starts = textmap.piece_starts
    doc = build_document(path, textmap, lang, [(starts[a], starts[b], PARAGRAPH) for a, b in ranges], encoding, fmt)
    return BilingualDocument(**{f.name: getattr(doc, f.name) for f in fields(Document)}, segment_ids=ids)


# --- XML: XLIFF and TMX ------------------------------------------------------------------------

#: inline elements whose content is native markup (placeholders for code), not translatable text
_CODE_ELEMENTS = {"ph", "bpt", "ept", "it", "ut", "sub"}
_TOKEN = re.compile(
    r"<!--.*?-->|<!\[CDATA\[(?P<cdata>.*?)\]\]>|<\?.*?\?>"
    r"|</(?P<end>[\w:.-]+)\s*>"
    r"|<(?P<start>[\w:.-]+)(?P<attrs>(?:\s+[\w:.-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(?P<empty>/?)>"
    r"|(?P<entity>&[^;\s<&]{1,32};)|(?P<text>[^<&]+)",
    re.S,
)


def _local(tag: str) -> str:
    return tag.rsplit(":", 1)[-1]


class _XmlLocator:
    """Finds the text of lxml elements in the decoded file: lxml gives each element's line;
    the scan from there gives exact offsets of every character, entity and CDATA section."""

    def __init__(self, text: str):
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.cursor = 0

    def pieces(self, element) -> list[Piece]:
        from lxml import etree

        name = etree.QName(element).localname
        prefix = f"{element.prefix}:" if element.prefix else ""
        line_start = self.line_starts[min(element.sourceline, len(self.line_starts)) - 1]
        tag = re.compile(rf"<{re.escape(prefix + name)}(?=[\s/>])")
        m = tag.search(self.text, max(self.cursor, line_start))
        if not m:
            return []
        opening = _TOKEN.match(self.text, m.start())
        if opening is None or opening.group("start") is None:
            return []
        self.cursor = opening.end()
        if opening.group("empty"):
            return []
        return self._content(opening.end())

    def _content(self, pos: int) -> list[Piece]:
        pieces: list[Piece] = []
        stack: list[str] = []
        skipping = 0
        while pos < len(self.text):
            tok = _TOKEN.match(self.text, pos)
            if tok is None:  # a stray "<" or "&": lxml accepted the file, so keep it as text
                tok_end = pos + 1
                if not skipping:
                    pieces.append((self.text[pos], pos, tok_end))
                pos = tok_end
                continue
            pos = tok.end()
            if tok.group("end"):
                if not stack:
                    self.cursor = pos
                    return pieces
                closed = stack.pop()
                if _local(closed) in _CODE_ELEMENTS:
                    skipping -= 1
            elif tok.group("start"):
                local = _local(tok.group("start"))
                if tok.group("empty"):
                    code_point = re.search(r"\bhex\s*=\s*[\"']([0-9A-Fa-f]+)[\"']", tok.group("attrs") or "")
                    if local == "cp" and code_point and not skipping:  # XLIFF 2 <cp hex="..."/>
                        pieces.append((chr(int(code_point.group(1), 16)), tok.start(), tok.end()))
                    continue
                stack.append(tok.group("start"))
                if local in _CODE_ELEMENTS:
                    skipping += 1
            elif skipping:
                continue
            elif tok.group("cdata") is not None:
                pieces.append((tok.group("cdata"), tok.start("cdata"), tok.end("cdata")))
            elif tok.group("entity"):
                pieces.append((unescape(tok.group("entity")), tok.start(), tok.end()))
            elif tok.group("text"):
                pieces.append((tok.group("text"), tok.start(), tok.end()))
        return pieces


def _xml_error(path: Path, kind: str, exc: Exception) -> InputError:
    line = getattr(exc, "lineno", None)
    message = getattr(exc, "msg", None) or str(exc)
    return InputError(f"{path}:{line}: broken {kind}: {message}" if line else f"{path}: broken {kind}: {message}")


def _children(element, name: str) -> list:
    from lxml import etree

    return [c for c in element if isinstance(c.tag, str) and etree.QName(c).localname == name]


def _locate_sides(locator: _XmlLocator, elements: list) -> dict[str, list[Piece]]:
    """Pieces of each (side, element), located in file order (the locator only moves forward)."""
    found: dict[str, list[Piece]] = {"source": [], "target": []}
    for side, element in sorted(elements, key=lambda item: _document_order(item[1])):
        found[side] = locator.pieces(element)
    return found


def _document_order(element) -> tuple[int, ...]:
    path = []
    while (parent := element.getparent()) is not None:
        path.append(parent.index(element))
        element = parent
    return tuple(reversed(path))


def _read_xliff(path: Path, text: str, data: bytes) -> tuple[list[Segment], str | None]:
    from lxml import etree
    from translate.storage import xliff, xliff2

    version2 = b"urn:oasis:names:tc:xliff:document:2." in data[:4096]
    kind = "XLIFF 2" if version2 else "XLIFF 1.2"
    try:
        store = (xliff2.Xliff2File if version2 else xliff.xlifffile).parsestring(data)
    except etree.XMLSyntaxError as exc:
        raise _xml_error(path, kind, exc) from None
    except Exception as exc:  # translate-toolkit raises plain exceptions for a wrong root
        raise InputError(f"{path}: not a valid {kind} file ({exc})") from None
    root = store.document.getroot()
    declared = (
        root.get("srcLang")
        if version2
        else next(
            (
                f.get("source-language")
                for f in root.iter()
                if isinstance(f.tag, str) and etree.QName(f).localname == "file"
            ),
            None,
        )
    )
    locator = _XmlLocator(text)
    segments = []
    for unit in store.units:
        element = unit.xmlelement  # <trans-unit> (1.2) or <segment> (2.x)
        sides = _locate_sides(
            locator, [(side, el) for side in ("source", "target") for el in _children(element, side)[:1]]
        )
        segments.append(Segment(unit.getid().replace("\x04", "::"), sides["source"], sides["target"]))
    return segments, declared


def _read_tmx(path: Path, text: str, data: bytes) -> tuple[list[Segment], str | None]:
    from lxml import etree
    from translate.storage import tmx

    try:
        store = tmx.tmxfile.parsestring(data)
    except etree.XMLSyntaxError as exc:
        raise _xml_error(path, "TMX", exc) from None
    except Exception as exc:
        raise InputError(f"{path}: not a valid TMX file ({exc})") from None
    header = next((h for h in store.document.getroot().iter("header")), None)
    declared = header.get("srclang") if header is not None else None
    locator = _XmlLocator(text)
    segments = []
    for number, unit in enumerate(store.units, 1):
        tuvs = _children(unit.xmlelement, "tuv")
        lang_of = {id(t): (t.get("{http://www.w3.org/XML/1998/namespace}lang") or t.get("lang") or "") for t in tuvs}
        source_tuv = next(
            (t for t in tuvs if declared and lang_of[id(t)].lower() == declared.lower()), tuvs[0] if tuvs else None
        )
        target_tuv = next((t for t in tuvs if t is not source_tuv), None)
        pieces = _locate_sides(
            locator,
            [
                (side, seg)
                for side, tuv in (("source", source_tuv), ("target", target_tuv))
                if tuv is not None
                for seg in _children(tuv, "seg")[:1]
            ],
        )
        if declared is None and source_tuv is not None:
            declared = lang_of[id(source_tuv)]
        segments.append(Segment(unit.getid() or str(number), pieces["source"], pieces["target"]))
    return segments, declared


# --- gettext PO --------------------------------------------------------------------------------

_C_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_JSON_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f"}


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _quoted(text: str, pos: int, escapes: dict[str, str], json_unicode: bool = False) -> tuple[list[Piece], int]:
    """Pieces of the quoted string whose opening quote is at ``pos``; and the offset after it."""
    pieces: list[Piece] = []
    i = pos + 1
    run = i
    while i < len(text) and text[i] != '"':
        if text[i] == "\\" and i + 1 < len(text):
            if run < i:
                pieces.append((text[run:i], run, i))
            esc = text[i + 1]
            if json_unicode and esc == "u":
                token = text[i : i + 6]
                if re.fullmatch(r"\\u[dD][89abAB][0-9a-fA-F]{2}", token) and re.fullmatch(
                    r"\\u[dD][c-fC-F][0-9a-fA-F]{2}", text[i + 6 : i + 12]
                ):
                    token = text[i : i + 12]
                # a lone surrogate (\ud800 without its pair) cannot be written out as UTF-8: read it as U+FFFD
                pieces.append((_LONE_SURROGATE.sub("\ufffd", json.loads(f'"{token}"')), i, i + len(token)))
                i += len(token)
            else:
                pieces.append((escapes.get(esc, esc), i, i + 2))
                i += 2
            run = i
        else:
            i += 1
    if run < i:
        pieces.append((text[run:i], run, i))
    return pieces, i + 1


def _po_entries(text: str) -> list[dict[str, list[Piece]]]:
    """msgid and msgstr (msgstr[0] for plurals) of each non-obsolete entry, in file order."""
    entries: list[dict[str, list[Piece]]] = []
    current: dict[str, list[Piece]] | None = None
    keyword = None
    pos = 0
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        stripped = line.lstrip()
        offset = start + len(line) - len(stripped)
        m = re.match(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s*(?=\")", stripped)
        if m:
            keyword = m.group(1)
            if keyword in ("msgctxt", "msgid") and (
                current is None
                or "msgstr" in current
                or keyword in current
                or (keyword == "msgctxt" and "msgid" in current)
            ):
                current = {}
                entries.append(current)
            quote = offset + m.end()
        elif stripped.startswith('"') and current is not None:
            quote = offset
        else:
            if stripped.startswith("#~"):
                keyword = None
            continue
        field_name = "msgstr" if keyword in ("msgstr", "msgstr[0]") else (keyword or "")
        pieces, _ = _quoted(text, quote, _C_ESCAPES)
        if field_name in ("msgid", "msgstr") and current is not None:
            current.setdefault(field_name, []).extend(pieces)
        elif current is not None:
            current.setdefault(field_name, [])
    return entries


def _read_po(path: Path, text: str, data: bytes) -> tuple[list[Segment], str | None]:
    from translate.storage import po

    try:
        store = po.pofile.parsestring(data)
    except Exception as exc:  # PoParseError says "... on line N: ..."
        line = re.search(r"\bline (\d+)", str(exc))
        raise InputError(
            f"{path}:{line.group(1)}: broken PO file: {exc}" if line else f"{path}: broken PO file: {exc}"
        ) from None
    units = [u for u in store.units if not u.isheader() and not u.isobsolete()]
    entries = [e for e in _po_entries(text) if "".join(p[0] for p in e.get("msgid", []))]
    segments = []
    for unit, entry in zip(units, entries):
        target, source = entry.get("msgstr", []), entry.get("msgid", [])
        if "".join(p[0] for p in target) != str(unit.target or "") and target:
            # the scan and the parser disagree (an unusual escape): map the text to the whole string
            target = [(str(unit.target), target[0][1], target[-1][2])]
        segments.append(Segment(unit.getid().replace("\x04", "::"), source, target))
    # A PO header names only the target language ("Language:"); the source's is given or detected.
    return segments, None


# --- TSV and JSONL segment pairs ------------------------------------------------------------------


def _lines(text: str):
    pos = 0
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        yield number, pos, line.rstrip("\r\n")
        pos += len(line)


def _read_tsv(path: Path, text: str) -> list[Segment]:
    """``source<TAB>target`` or ``id<TAB>source<TAB>target``, with an optional header row."""
    segments = []
    columns = None
    for number, start, line in _lines(text):
        if not line.strip():
            continue
        cells = line.split("\t")
        if columns is None:
            names = [c.strip().lower() for c in cells]
            if {"source", "target"} <= set(names):
                columns = names
                continue
            columns = ["source", "target"] if len(cells) == 2 else ["id", "source", "target"]
        if len(cells) != len(columns):
            raise InputError(
                f"{path}:{number}: expected {len(columns)} tab-separated columns "
                f"({', '.join(columns)}), found {len(cells)}"
            )
        offsets, pos = [], start
        for cell in cells:
            offsets.append((cell, pos, pos + len(cell)))
            pos += len(cell) + 1
        row = dict(zip(columns, offsets))
        seg_id = row["id"][0] if "id" in row else str(number)
        segments.append(Segment(seg_id, [row["source"]], [row["target"]]))
    return segments


def _read_jsonl(path: Path, text: str) -> list[Segment]:
    """One object per line: ``{"id": ..., "source": "...", "target": "..."}``."""
    segments = []
    for number, start, line in _lines(text):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: invalid JSON ({exc.msg} at column {exc.colno})") from None
        except RecursionError:  # a line nested thousands of levels deep is no segment pair
            raise InputError(f"{path}:{number}: JSON nested too deeply") from None
        if not isinstance(record, dict) or not isinstance(record.get("target"), str):
            raise InputError(f'{path}:{number}: expected an object with a "target" string')
        sides = {}
        for side in ("source", "target"):
            key = re.search(rf'(?<!\\)"{side}"\s*:\s*"', line)
            sides[side] = _quoted(text, start + key.end() - 1, _JSON_ESCAPES, json_unicode=True)[0] if key else []
        segments.append(Segment(str(record.get("id", number)), sides["source"], sides["target"]))
    return segments


_READERS: dict[str, Any] = {
    "xliff": _read_xliff,
    "tmx": _read_tmx,
    "po": _read_po,
    "tsv": _read_tsv,
    "jsonl": _read_jsonl,
}
