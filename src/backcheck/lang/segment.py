"""Sentence segmentation with offsets, one maintained segmenter per language family.

English uses pysbd (the Golden Rules rule set: "Mr.", "U.S.", "Jan. 5." do not split). Serbian,
Croatian, Bosnian and Montenegrin use ReLDI's tokeniser from the CLASSLA project, whose
abbreviation lists and ordinal rules know that "dr." and "11. juna" do not end a sentence.
Both are imported on first use.
"""

from __future__ import annotations

import re
from functools import lru_cache

from backcheck.lang.languages import ALIASES, LANGUAGES


def reldi_model(lang: str) -> str | None:
    """ReLDI's segmentation model (\"hr\" or \"sr\") for a Serbo-Croatian variant, else None."""
    code = ALIASES.get(lang, lang)
    return LANGUAGES[code].segmenter if code in LANGUAGES else None


@lru_cache(maxsize=4)
def _pysbd(lang: str):
    import pysbd

    return pysbd.Segmenter(language=lang, clean=False)


def _pysbd_pieces(text: str, lang: str) -> list[str]:
    r"""``pysbd.Segmenter.segment(text)`` (clean=False), each sentence with the whitespace after it.

    pysbd finds each sentence in the text with ``re.finditer(re.escape(sentence) + r"\s*")``: a
    new pattern per sentence, which is compiled every time and crowds pysbd's own rule patterns
    out of the ``re`` module's cache (512 patterns), so that those are compiled again too. This
    is the same search with ``str.find``: the first occurrence that ends past the previous one.
    """
    segmenter = _pysbd(lang)
    pieces: list[str] = []
    prior_end = 0
    for sent in segmenter.processor(text).process():
        if not sent:  # pysbd's pattern is then r"\s*", which matches anywhere: keep its search
            match = next((m for m in re.finditer(r"\s*", text) if m.end() > prior_end), None)
            if match:
                pieces.append(match.group())
                prior_end = match.end()
            continue
        pos = 0
        while (at := text.find(sent, pos)) >= 0:
            end = at + len(sent)
            while end < len(text) and text[end].isspace():  # \s is str.isspace
                end += 1
            if end > prior_end:
                pieces.append(text[at:end])
                prior_end = end
                break
            pos = end
    return pieces


def _locate(text: str, pieces: list[str]) -> list[tuple[int, int]]:
    """Offsets of consecutive ``pieces`` in ``text`` (robust to a segmenter's whitespace edits)."""
    spans, pos = [], 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        at = text.find(piece, pos)
        if at < 0:  # segmenter altered the text; fall back to the rest of the text
            at = pos
            end = len(text)
        else:
            end = at + len(piece)
        spans.append((at, end))
        pos = end
    return spans


def _reldi_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    from reldi_tokeniser.tokeniser import run

    spans: list[tuple[int, int]] = []
    cur: list[int] | None = None
    for line in run(text, lang).splitlines():
        if not line.strip():
            if cur:
                spans.append((cur[0], cur[1]))
            cur = None
            continue
        ident = line.split("\t", 1)[0]
        start_s, end_s = ident.rsplit(".", 1)[1].split("-")
        start, end = int(start_s) - 1, int(end_s)
        cur = [start, end] if cur is None else [cur[0], end]
    if cur:
        spans.append((cur[0], cur[1]))
    return spans


#: Paragraphs longer than this are cut into pieces before segmentation. pysbd's rules run
#: look-behind patterns over the whole text it is given, so its time grows with the square of a
#: paragraph's length (40 KB: 1.3 s, a 5 MB line: days); news paragraphs are far shorter, so
#: normal articles are segmented exactly as before.
CHUNK_CHARS = 4000
#: Where a piece may end: after a question or exclamation mark, or a full stop that does not
#: follow a word of one to three characters (Dr., St., Jan., an ordinal "3."), with any closing
#: quote or bracket, white space and a capital; else at any white space.
_SENTENCE_BREAK = re.compile(
    r"(?:(?<!\b\w)(?<!\b\w\w)(?<!\b\w\w\w)\.|[!?…])[\"”»’)\]]*\s+(?=[\"“„«(\[]?[A-ZČĆŠŽĐА-ЯЂЈЉЊЋЏ0-9])"
)
_SPACE = re.compile(r"\s+")


def _chunks(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """``(offset, piece)`` pieces of ``text`` of at most about ``limit`` characters, cut at the last
    likely sentence end before the limit (else the last white space, else the limit itself)."""
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max((m.end() for m in _SENTENCE_BREAK.finditer(window)), default=0)
        if cut < limit // 4:  # no sentence end in most of the window: cut at white space
            cut = max((m.end() for m in _SPACE.finditer(window)), default=0) or limit
        out.append((start, text[start : start + cut]))
        start += cut
    out.append((start, text[start:]))
    return out


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text`` for language ``lang`` (ISO 639-1/3 code).

    Time grows linearly with the length of ``text``: long paragraphs are segmented piece by piece.
    """
    if len(text) > CHUNK_CHARS:
        return [(offset + a, offset + b) for offset, piece in _chunks(text) for a, b in _split_piece(piece, lang)]
    return _split_piece(text, lang)


def _split_piece(text: str, lang: str) -> list[tuple[int, int]]:
    if not text.strip():
        return []
    model = reldi_model(lang)
    if model is not None:
        return _reldi_sentences(text, model)  # Latin and Cyrillic alike
    seg_lang = lang if lang in {"en", "de", "fr", "es", "it", "pl", "ru", "nl", "da", "bg", "sk", "el"} else "en"
    spans = _join_ordinals(text, _locate(text, _pysbd_pieces(text, seg_lang)))
    if seg_lang == "en":
        spans = _join_clock_dates(text, spans)
    return _split_quotations(text, spans)


_ORDINAL_END = re.compile(r"\d\.$")
#: A time of day at a piece's end ("at 5 p.m."), and a weekday or month after it.
_CLOCK_END = re.compile(r"\b[ap]\.m\.$", re.I)
_CLOCK_BREAK = re.compile(r"\b[ap]\.m\.[\"”»’)\]]*\s+(?=[\"“„«(\[]?[A-Z])", re.I)


_DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)


def _date_word(word: str) -> bool:
    return word.lower() in _DATE_WORDS


def _join_clock_dates(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rejoin a sentence split after "a.m." or "p.m." before a weekday or month: American copy
    writes the time before the day ("at 5 p.m. Monday"), which pysbd reads as two sentences."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        word = re.match(r"[A-Za-z]+", text[start:end])
        if out and _CLOCK_END.search(text[out[-1][0] : out[-1][1]].rstrip()) and word and _date_word(word.group()):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _join_ordinals(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rejoin a sentence split after an ordinal number: Polish, Czech and German write ordinals
    with a full stop ("z 20. na 22. lokatę", "am 3. Oktober"), and a sentence never begins
    with a lower-case word."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and _ORDINAL_END.search(text[out[-1][0] : out[-1][1]]) and text[start : start + 1].islower():
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


#: An opening quotation mark of English text ("straight" quotes open after a space or a start).
_OPENING_QUOTE = re.compile(r"[“«]|(?:^|(?<=[\s(\[—–-]))\"")
_CLOSING_QUOTE = re.compile(r"[”»]|\"(?=[\s,.;:!?)\]—–-]|$)")
#: Abbreviations English writes before a name, which a full stop does not end (Prof. Kovač).
_TITLE_ABBREVIATIONS = ("prof", "gen", "col", "capt", "sgt", "gov", "sen", "rep", "rev", "hon", "corp", "inc", "ltd")


def _split_quotations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split sentences inside a quotation of several sentences, as ReLDI splits the source's:
    pysbd keeps a quotation whole ("Trains are late. Buses too," she said.), so that a source of
    three sentences would face an English one and the alignment would drift."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        piece = text[start:end]
        cuts = []
        # (where the sentence stops, where the next begins): a full stop as the break rule reads
        # it; one after a short common word ("does not give up. A win"); the one of "p.m." before
        # a sentence, as pysbd reads it outside quotations, but not before a weekday or month
        breaks = [(m.start() + 1, m.end()) for m in _SENTENCE_BREAK.finditer(piece)]
        breaks += [
            (m.start() + len(m.group(1)) + 1, m.end()) for m in _SHORT_WORD_BREAK.finditer(piece) if _ends(m.group(1))
        ]
        breaks += [
            (m.start() + len("p.m."), m.end())
            for m in _CLOCK_BREAK.finditer(piece)
            if not _date_word(re.sub(r"\W", " ", piece[m.end() :]).split()[0])
        ]
        for stop, cut in sorted(set(breaks)):
            before = piece[:stop]
            opened = len(_OPENING_QUOTE.findall(before)) - len(_CLOSING_QUOTE.findall(before))
            word = re.search(r"(\w+)\.$", before)
            if opened > 0 and not (word and word.group(1).lower() in _TITLE_ABBREVIATIONS):
                cuts.append(cut)
        last = start
        for cut in cuts:
            out.append((last, _trim(text, last, start + cut)))
            last = start + cut
        out.append((last, end))
    return out


#: A full stop after a lower-case word of two or three letters, before a capital.
_SHORT_WORD_BREAK = re.compile(r"(?<![\w.])([a-z]{2,3})\.[\"”»’)\]]*\s+(?=[\"“„«(\[]?[A-Z])")
#: Lower-case abbreviations of two or three letters, which a full stop does not end.
_SHORT_ABBREVIATIONS = frozenset(
    "no nos vs etc pp ca cf al ed eds vol fig op cit inc ltd co jr sr st mt ft est tel min max av ave rd km kg "
    "cm mm".split()
)


def _ends(word: str) -> bool:
    """Whether a full stop after this short lower-case word ends a sentence: an English word
    written often (up, win, now, too), not an abbreviation (no., vs., etc.)."""
    from backcheck.lang import lexicon

    return word not in _SHORT_ABBREVIATIONS and lexicon.zipf(word) >= 4.0


def _trim(text: str, start: int, end: int) -> int:
    """The end of ``text[start:end]`` without its trailing white space."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


_QUOTE_MARKS = re.compile(r'["“”„]')


def continues_quotation(text: str, sentences) -> list[bool]:
    """For each sentence (with ``start``, ``end`` and ``block``), whether it begins inside a
    quotation opened in an earlier sentence of its block ("One. Two. Three," he said: the second
    and the third), read by the parity of quote marks."""
    out: list[bool] = []
    open_quote, block = False, None
    for sentence in sentences:
        continued = open_quote and sentence.block == block
        out.append(continued)
        marks = len(_QUOTE_MARKS.findall(text, sentence.start, sentence.end))
        open_quote, block = continued ^ bool(marks % 2), sentence.block
    return out
