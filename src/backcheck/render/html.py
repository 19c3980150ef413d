"""A self-contained HTML report for an editor: the article with every flagged span highlighted by
severity, the reason and suggestion beside it, sentence fidelity as a colour scale when scores
exist, and the source beside the translation when there is one.

One file, no scripts, no fonts or images to fetch (a Content-Security-Policy forbids any fetch),
so it can be mailed or attached to a ticket. Every piece of article text is escaped: an article
that contains markup shows it as text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from html import escape
from typing import Any

from backcheck.model.findings import SEVERITIES
from backcheck.render.words import score_line
from backcheck.version import __version__

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_KIND_LABEL = {"boilerplate": "page residue", "disclaimer": "disclaimer", "caption": "caption"}

_CSS = """
:root { --ink:#1f2328; --muted:#59636e; --line:#d8dee4; --paper:#fff; --wash:#f6f8fa;
  --critical:#c81e1e; --fact:#2563eb; --critical-bg:#fdd8d8; --major:#c2410c; --major-bg:#fed7aa;
  --minor:#8a6d00; --minor-bg:#fdf1b0; }
* { box-sizing:border-box; }
body { margin:0; background:var(--wash); color:var(--ink);
  font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif; }
main { max-width:1280px; margin:0 auto; padding:24px 28px 48px; }
h1 { font-size:22px; margin:0 0 4px; }
h2 { font-size:18px; margin:0; word-break:break-all; }
.meta, .sig { color:var(--muted); font-size:13px; }
details.meta summary, details.why summary { cursor:pointer; }
details.ledger { margin-top:14px; font-size:13px; } details.ledger summary { cursor:pointer; font-weight:600; }
details.ledger ol { padding-left:22px; } details.ledger li { margin:3px 0; }
details.ledger .status { font-size:11px; text-transform:uppercase; padding:0 4px; border-radius:3px; background:var(--line); }
details.ledger .st-changed .status, details.ledger .st-missing .status { background:var(--critical-bg); color:var(--critical); }
details.ledger .st-matched .status { color:var(--muted); } details.ledger .none { color:var(--muted); }
details.ledger a.kind { font-weight:600; } span.fact { border-radius:2px; }
details.why { font-size:12px; color:var(--muted); } details.why p { margin:2px 0 0; }
.sig { font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; word-break:break-all; }
.card { background:var(--paper); border:1px solid var(--line); border-radius:8px; padding:16px 20px;
  margin:16px 0; }
.verdict { display:inline-block; font-weight:600; padding:2px 10px; border-radius:999px; font-size:13px; }
.verdict.fail { background:var(--critical-bg); color:var(--critical); }
.verdict.pass { background:#d1f4dc; color:#116329; }
.chips { display:flex; gap:8px; flex-wrap:wrap; align-items:center; margin:10px 0 4px; }
.chip { border-radius:6px; padding:4px 10px; font-size:13px; border:1px solid var(--line); background:var(--wash); }
.chip b { font-size:16px; margin-right:4px; }
.chip.critical { background:var(--critical-bg); border-color:var(--critical); color:var(--critical); }
.chip.major { background:var(--major-bg); border-color:var(--major); color:var(--major); }
.chip.minor { background:var(--minor-bg); border-color:var(--minor); color:var(--minor); }
dl.facts { display:flex; flex-wrap:wrap; gap:2px 18px; margin:8px 0 0; font-size:13px; }
dl.facts dt { color:var(--muted); }
dl.facts dt::after { content:":"; }
dl.facts dd { margin:0 0 0 -12px; }
h2 { margin-top:12px; }
.docsum { border-bottom:1px solid var(--line); padding-bottom:12px; margin-bottom:12px; }
ul.notes-doc { margin:8px 0 0; padding-left:18px; font-size:13px; color:var(--muted); }
table.toc { border-collapse:collapse; font-size:13px; margin-top:10px; }
table.toc td, table.toc th { padding:3px 12px 3px 0; text-align:left; }
.legend { display:flex; align-items:center; gap:8px; font-size:12px; color:var(--muted); margin-top:10px; }
.legend .scale { width:160px; height:8px; border-radius:4px;
  background:linear-gradient(to right,hsl(0 70% 45%),hsl(45 80% 45%),hsl(120 55% 38%)); }
.cols, .row { display:grid; gap:20px; }
.cols { grid-template-columns:minmax(0,1fr) 340px; font-size:12px; text-transform:uppercase;
  letter-spacing:.05em; color:var(--muted); padding-bottom:6px; border-bottom:1px solid var(--line); }
.row { grid-template-columns:minmax(0,1fr) 340px; padding:8px 0; border-bottom:1px solid #eef1f4; }
.aligned .cols, .aligned .row { grid-template-columns:minmax(0,1fr) minmax(0,1fr) 300px; }
.row:last-child { border-bottom:none; }
.text { font:17px/1.65 Georgia,"Iowan Old Style","Times New Roman",serif; margin:0; white-space:pre-wrap;
  overflow-wrap:anywhere; }
.text.src { color:#3d444d; }
.kind-title .text { font-weight:700; font-size:21px; line-height:1.35; }
.kind-lead .text { font-style:italic; }
.kind-boilerplate .text, .kind-disclaimer .text { color:var(--muted); font-size:14px; }
.kindlabel { float:left; margin:3px 10px 0 0; font:600 10px/1.6 system-ui,sans-serif; text-transform:uppercase;
  letter-spacing:.05em; color:var(--muted); border:1px solid var(--line); border-radius:4px; padding:0 6px; }
.empty { color:var(--muted); font-style:italic; font-size:14px; }
.source-panel { border-right:1px solid var(--line); padding-right:20px; }
.side-by-side { display:grid; grid-template-columns:minmax(0,1fr) minmax(0,1.6fr); gap:20px; }
.side-by-side .source-panel .text { margin-bottom:12px; }
mark { color:inherit; border-radius:3px; padding:1px 1px; border-bottom:2px solid; }
mark.sev-critical { background:var(--critical-bg); border-color:var(--critical); }
mark.sev-major { background:var(--major-bg); border-color:var(--major); }
mark.sev-minor { background:var(--minor-bg); border-color:var(--minor); }
mark.multi { outline:1px dashed var(--ink); }
.sent[data-fidelity] { text-decoration:underline 3px hsl(var(--h) 60% 45%); text-underline-offset:7px;
  text-decoration-skip-ink:none; }
sup.ref a, a.ref { display:inline-block; min-width:18px; text-align:center; border-radius:9px;
  font:700 11px/18px system-ui,sans-serif; text-decoration:none; color:#fff; background:var(--muted);
  padding:0 4px; }
sup.ref { margin:0 1px; }
.sev-critical > a.ref, sup.ref.sev-critical a { background:var(--critical); }
.sev-major > a.ref, sup.ref.sev-major a { background:var(--major); }
.sev-minor > a.ref, sup.ref.sev-minor a { background:var(--minor); }
ol.flags { list-style:none; margin:0; padding:0; display:flex; flex-direction:column; gap:8px; }
li.flag { background:var(--paper); border:1px solid var(--line); border-left:4px solid var(--muted);
  border-radius:6px; padding:8px 10px; font-size:13px; }
li.flag.sev-critical { border-left-color:var(--critical); }
li.flag.sev-major { border-left-color:var(--major); }
li.flag.sev-minor { border-left-color:var(--minor); }
li.flag:target { box-shadow:0 0 0 3px #9ec5fe; }
.flaghead { display:flex; gap:6px; align-items:center; flex-wrap:wrap; }
.sevname { font-weight:700; text-transform:uppercase; font-size:11px; letter-spacing:.04em; }
.sev-critical .sevname { color:var(--critical); } .sev-major .sevname { color:var(--major); }
.sev-minor .sevname { color:var(--minor); }
code { font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; background:var(--wash);
  border-radius:4px; padding:1px 4px; }
.loc { color:var(--muted); margin-left:auto; font-size:12px; }
.flag p { margin:5px 0 0; }
.suggest ins { text-decoration:none; background:#d1f4dc; color:#116329; font-weight:600; border-radius:3px;
  padding:0 4px; }
.fid { font-size:12px; color:var(--muted); margin-bottom:6px; }
.fid b { color:hsl(var(--h) 60% 35%); }
@media print { body { background:#fff; } .card { border:none; padding:0; } li.flag { break-inside:avoid; } }
"""


@dataclass(frozen=True)
class _Unit:
    """One character to display, with the original-file range it came from."""

    char: str
    start: int
    end: int
    sentence: int | None = None


def _e(value) -> str:
    return escape(str(value), quote=True)


def _worst(flags):
    return max(flags, key=lambda f: SEVERITIES.index(f.severity))


@dataclass(frozen=True)
class _Range:
    start: int
    end: int


def _covers(span, unit: _Unit) -> bool:
    # A zero-length span (a point, e.g. where something was left out) marks the character at it.
    return span.start < unit.end and unit.start < max(span.end, span.start + 1)


class _CoverIndex:
    """Which flags cover a unit (as :func:`_covers` decides), in time proportional to the answer.

    Flags are taken in order of their start; those starting before a unit's end are kept sorted
    by their (point-widened) end, so the covering ones are a suffix found by bisection. Units
    come in file order, so the pointer only moves forward; a unit before the last one (a
    sentence shown again in another bead) restarts it. The separator between the sentences of a
    bead (offsets -1) is covered by nothing.
    """

    def __init__(self, spans: list[tuple[int, Any]]):
        self.by_start = sorted((span.start, max(span.end, span.start + 1), n) for n, span in spans)
        self._reset()

    def _reset(self) -> None:
        self.next = 0
        self.limit = -(1 << 62)
        self.ends: list[tuple[int, int]] = []  # (end, number) of the flags starting before limit

    def at(self, unit: _Unit) -> tuple[int, ...]:
        if unit.end <= 0:  # before every span, or the separator between sentences
            return ()
        if unit.end < self.limit:
            self._reset()
        self.limit = unit.end
        while self.next < len(self.by_start) and self.by_start[self.next][0] < unit.end:
            _, end, n = self.by_start[self.next]
            bisect.insort(self.ends, (end, n))
            self.next += 1
        first = bisect.bisect_right(self.ends, (unit.start, 1 << 62))
        return tuple(sorted(n for _, n in self.ends[first:]))


class _DocumentView:
    """Renders one document: numbering of flags, anchors, fidelity colours."""

    def __init__(self, index: int, doc, report):
        self.doc = doc
        self.report = report
        self.prefix = f"d{index}"
        self.numbered = list(enumerate(doc.flags, start=1))
        self.by_number = dict(self.numbered)
        self.anchored: set[int] = set()
        self.covers: dict[bool, _CoverIndex] = {}  #: per side, shared by every block and sentence
        #: the fact ledger, numbered from 1 (each fact is marked on both sides: pipeline/ledger.py)
        self.facts = [f for pair in doc.facts for f in pair["facts"]]
        self.fact_covers: dict[bool, _CoverIndex] = {}
        self.fact_anchored: set[tuple[bool, int]] = set()
        self.sentence_ends: dict[int, list[int]] = {}  #: id(document) -> sentence ends, for bisection
        #: translation sentence index -> fidelity; a score of a merged bead covers each of its sentences
        #: only sentences below the threshold are marked: a colour on every sentence is clutter
        threshold = doc.scores.get("min_fidelity") if "fidelity" in doc.scores else None
        self.fidelity = {
            i: s["fidelity"]
            for s in doc.sentence_scores
            if isinstance(s.get("fidelity"), (int, float)) and isinstance(threshold, (int, float))
            if s["fidelity"] < threshold
            for i in (s.get("sentences") or [s.get("index")])
            if isinstance(i, int)
        }

    # --- text with marks --------------------------------------------------------------------

    def units(self, document, start: int, end: int) -> list[_Unit]:
        textmap = document.textmap
        sentence_at = {}
        for s in self.sentences_within(document, start, end):
            sentence_at.update(dict.fromkeys(range(max(s.start, start), min(s.end, end)), s.index))
        units = []
        for i in range(start, end):
            a, b = textmap.original_range(i, i + 1)
            units.append(_Unit(textmap.text[i], a, b, sentence_at.get(i)))
        return units

    def sentences_within(self, document, start: int, end: int) -> list:
        """The sentences of ``document`` overlapping [start, end), found by bisection when the
        sentences are in text order (they are, as segmented), else by a scan."""
        ends = self.sentence_ends.get(id(document))
        if ends is None:
            ends = [s.end for s in document.sentences]
            ordered = all(a <= b for a, b in zip(ends, ends[1:])) and all(
                a.start <= b.start for a, b in zip(document.sentences, document.sentences[1:])
            )
            self.sentence_ends[id(document)] = ends = ends if ordered else []
        if not ends and document.sentences:
            return [s for s in document.sentences if s.end > start and s.start < end]
        found = []
        for s in document.sentences[bisect.bisect_right(ends, start) :]:
            if s.start >= end:
                break
            if s.end > start:
                found.append(s)
        return found

    def marked(self, units: list[_Unit], source_side: bool = False) -> str:
        """HTML for ``units`` with every flag that overlaps them marked.

        Each maximal run of characters covered by the same set of flags becomes one ``<mark>``, so
        overlapping and nested spans never produce crossing tags.
        """

        def span_of(flag):
            return flag.source_span if source_side else flag.span

        if source_side not in self.covers:
            self.covers[source_side] = _CoverIndex(
                [(n, span_of(f)) for n, f in self.numbered if span_of(f) is not None]
            )
        covers = self.covers[source_side]
        if source_side not in self.fact_covers:
            side = "source" if source_side else "english"
            self.fact_covers[source_side] = _CoverIndex(
                [(k, _Range(f[side]["start"], f[side]["end"])) for k, f in enumerate(self.facts, 1) if f.get(side)]
            )
        fact_covers = self.fact_covers[source_side]
        groups: list[list] = []  # [sentence, covering numbers, text, facts]
        for unit in units:
            cover = covers.at(unit)
            facts = fact_covers.at(unit)
            sentence = unit.sentence if unit.sentence in self.fidelity and not source_side else None
            if groups and groups[-1][0] == sentence and groups[-1][1] == cover and groups[-1][3] == facts:
                groups[-1][2].append(unit.char)
            else:
                groups.append([sentence, cover, [unit.char], facts])
        last_group = {n: i for i, (_, cover, _, _) in enumerate(groups) for n in cover}
        flags = self.by_number
        out: list[str] = []
        open_sentence = None
        for i, (sentence, cover, chars, facts) in enumerate(groups):
            if sentence != open_sentence:
                if open_sentence is not None:
                    out.append("</span>")
                if sentence is not None:
                    fid = self.fidelity[sentence]
                    out.append(
                        f'<span class="sent" data-fidelity="{fid:.0f}" style="--h:{_hue(fid)}" '
                        f'title="the back-translation disagrees here: {fid:.0f}/100">'
                    )
                open_sentence = sentence
            text = self.fact_wrapped(_e("".join(chars)), facts, source_side)
            if not cover:
                out.append(text)
                continue
            covering = [flags[n] for n in cover]
            worst = _worst(covering)
            attrs = [
                f'class="sev-{worst.severity}{" multi" if len(cover) > 1 else ""}"',
                f'data-check="{_e(worst.check)}"',
                f'data-severity="{worst.severity}"',
                f'data-flags="{" ".join(str(n) for n in cover)}"',
                f'title="{_e(" | ".join(f"{f.severity} {f.check}: {f.text}" for f in covering))}"',
            ]
            if not source_side:
                starting = [n for n in cover if n not in self.anchored]
                self.anchored.update(starting)
                if starting:
                    attrs.insert(0, f'id="{self.prefix}-f{starting[0]}"')
                # flags that start on the same character as another get their own anchor
                out.extend(f'<a id="{self.prefix}-f{n}"></a>' for n in starting[1:])
            out.append(f"<mark {' '.join(attrs)}>{text}</mark>")
            for n in cover:
                if last_group[n] == i and not source_side:
                    out.append(f'<sup class="ref sev-{flags[n].severity}"><a href="#{self.prefix}-n{n}">{n}</a></sup>')
        if open_sentence is not None:
            out.append("</span>")
        return "".join(out)

    def fact_wrapped(self, text: str, facts: tuple[int, ...], source_side: bool) -> str:
        """``text`` inside a span naming the ledger facts it belongs to (the first piece of each
        fact on each side is the target of the ledger's links)."""
        if not facts:
            return text
        classes = " ".join(f"f-{self.prefix}-{k}" for k in facts)
        first = [k for k in facts if (source_side, k) not in self.fact_anchored]
        self.fact_anchored.update((source_side, k) for k in first)
        ident = f' id="{self.prefix}-f{"s" if source_side else "e"}{first[0]}"' if first else ""
        return f'<span class="fact {classes}"{ident}>{text}</span>'

    def ledger(self) -> str:
        """The fact ledger as a checklist: each source fact, its English counterpart and status;
        following a row's link (or a fact's link on either side) outlines the fact on both sides."""
        if not self.facts:
            return ""
        rows, rules = [], []
        for k, fact in enumerate(self.facts, 1):
            ident = f"{self.prefix}-l{k}"
            src, en = fact["source"], fact.get("english")
            english = (
                f'<a class="side" href="#{self.prefix}-fe{k}">{_e(en["text"][:80])}</a>'
                if en
                else '<span class="side none">no counterpart</span>'
            )
            rows.append(
                f'<li id="{ident}" class="st-{_e(fact["status"])}"><a class="kind" href="#{ident}">{_e(fact["kind"])}</a> '
                f'<span class="status">{_e(fact["status"])}</span> '
                f'<a class="side" href="#{self.prefix}-fs{k}">{_e(src["text"][:80])}</a> → {english}'
                + (f' <span class="value">({_e(fact["value"])})</span>' if fact["value"] != src["text"] else "")
                + "</li>"
            )
            targets = ", ".join(f"#{self.prefix}-{x}{k}:target" for x in ("l", "fs", "fe"))
            rules.append(f"main:has({targets}) .f-{self.prefix}-{k}")
        style = f"<style>{', '.join(rules)} {{ outline:2px solid var(--fact); outline-offset:1px; }}</style>"
        counts = {s: sum(f["status"] == s for f in self.facts) for s in ("changed", "missing", "unverified", "matched")}
        head = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
        return (
            f'{style}<details class="ledger" open><summary>Fact ledger: {len(self.facts)} facts of the source '
            f"({head})</summary><ol>{''.join(rows)}</ol></details>"
        )

    # --- notes beside the text ----------------------------------------------------------------

    def note(self, n: int, flag) -> str:
        parts = [
            f'<li class="flag sev-{flag.severity}" id="{self.prefix}-n{n}">',
            '<div class="flaghead">',
            f'<a class="ref" href="#{self.prefix}-f{n}">{n}</a>',
            f'<span class="sevname">{flag.severity}</span>',
            f'<span class="loc">line {flag.span.line}, col {flag.span.column}</span></div>',
            f"<p>{_e(flag.message)}</p>",
        ]
        if flag.suggestion:
            parts.append(f'<p class="suggest">Suggestion: <ins>{_e(flag.suggestion)}</ins></p>')
        if flag.source_span is not None:
            parts.append(
                f'<p class="meta">Source, line {flag.source_span.line}: <q>{_e(flag.source_span.text)}</q></p>'
            )
        why = f"{_e(flag.detail)} · " if flag.detail else ""
        parts.append(f'<details class="why"><summary>why</summary><p>{why}<code>{_e(flag.check)}</code></p></details>')
        parts.append("</li>")
        return "".join(parts)

    def notes(self, numbers: list[int]) -> str:
        flags = self.by_number
        items = "".join(self.note(n, flags[n]) for n in numbers)
        return f'<ol class="flags">{items}</ol>' if items else ""

    def fidelity_line(self, sentences) -> str:
        scored = [self.fidelity[s] for s in sentences if s in self.fidelity]
        if not scored:
            return ""
        low = min(scored)
        return f'<div class="fid" style="--h:{_hue(low)}">back-translation disagrees: <b>{low:.0f}</b>/100</div>'

    # --- layouts ------------------------------------------------------------------------------

    def rows_by_block(self) -> tuple[str, list[int]]:
        """The translation block by block, each block's flags beside it. Returns the HTML and the
        numbers of flags that fall outside every block."""
        document = self.doc.document
        ranges = [document.textmap.original_range(b.start, b.end) for b in document.blocks]
        by_block: dict[int, list[int]] = {}
        unplaced = []
        for n, flag in self.numbered:
            if flag.sentence is not None and flag.sentence < len(document.sentences):
                block = document.sentences[flag.sentence].block
            else:
                block = next((i for i, (s, e) in enumerate(ranges) if s <= flag.span.start < max(e, s + 1)), None)
            if block is None:
                unplaced.append(n)
            else:
                by_block.setdefault(block, []).append(n)
        in_block: dict[int, list[int]] = {}
        for s in document.sentences:
            in_block.setdefault(s.block, []).append(s.index)
        rows = []
        for i, block in enumerate(document.blocks):
            sentences = in_block.get(i, [])
            label = _KIND_LABEL.get(block.kind)
            label_html = (
                f'<span class="kindlabel">{_e(label)}{" · " + _e(block.reason) if block.reason else ""}</span>'
                if label
                else ""
            )
            text = self.marked(self.units(document, block.start, block.end))
            rows.append(
                f'<div class="row kind-{block.kind}"><div>{label_html}<p class="text">{text}</p></div>'
                f"<div>{self.fidelity_line(sentences)}{self.notes(by_block.get(i, []))}</div></div>"
            )
        head = '<div class="cols"><div>Translation</div><div>Flags</div></div>'
        return head + "".join(rows), unplaced

    def rows_aligned(self) -> tuple[str, list[int]]:
        """Aligned sentences: source, translation and the flags of that bead on one row."""
        document, source = self.doc.document, self.doc.source_document
        source_ranges = [source.textmap.original_range(s.start, s.end) for s in source.sentences]
        row_of: dict[int, list[int]] = {}
        unplaced = []
        row_of_sentence: dict[int, int] = {}
        for r, pair in enumerate(self.doc.alignment):
            for i in pair.target:
                row_of_sentence.setdefault(i, r)
        for n, flag in self.numbered:
            row = row_of_sentence.get(flag.sentence) if flag.sentence is not None else None
            if row is None and flag.source_span is not None:
                row = next(
                    (
                        r
                        for r, pair in enumerate(self.doc.alignment)
                        if any(
                            source_ranges[i][0] <= flag.source_span.start < source_ranges[i][1]
                            for i in pair.source
                            if i < len(source_ranges)
                        )
                    ),
                    None,
                )
            if row is None:
                unplaced.append(n)
            else:
                row_of.setdefault(row, []).append(n)
        rows = []
        for r, pair in enumerate(self.doc.alignment):
            src = self.sentences_html(source, pair.source, source_side=True)
            tgt = self.sentences_html(document, pair.target)
            rows.append(
                f'<div class="row" data-bead="{_e(pair.kind)}"><div>{src}</div><div>{tgt}</div>'
                f"<div>{self.fidelity_line(pair.target)}{self.notes(row_of.get(r, []))}</div></div>"
            )
        head = '<div class="cols"><div>Source</div><div>Translation</div><div>Flags</div></div>'
        return f'<div class="aligned">{head}{"".join(rows)}</div>', unplaced

    def sentences_html(self, document, indices, source_side: bool = False) -> str:
        if not indices:
            return f'<p class="empty">{"no source sentence" if source_side else "nothing in the translation"}</p>'
        units: list[_Unit] = []
        for k, i in enumerate(indices):
            s = document.sentences[i]
            if k:
                units.append(_Unit(" ", -1, -1))
            units.extend(self.units(document, s.start, s.end))
        return f'<p class="text{" src" if source_side else ""}">{self.marked(units, source_side)}</p>'

    def source_panel(self) -> str:
        source = self.doc.source_document
        paragraphs = "".join(
            f'<p class="text src">{self.marked(self.units(source, b.start, b.end), True)}</p>' for b in source.blocks
        )
        return f'<div class="source-panel"><div class="cols"><div>Source</div></div>{paragraphs}</div>'

    def body(self) -> str:
        doc = self.doc
        if doc.document is not None and doc.source_document is not None and doc.alignment:
            html, unplaced = self.rows_aligned()
        elif doc.document is not None:
            html, unplaced = self.rows_by_block()
            if doc.source_document is not None:
                html = f'<div class="side-by-side">{self.source_panel()}<div>{html}</div></div>'
        elif doc.original_text is not None:
            # Only the file's text is known (no document structure): show it whole.
            units = [_Unit(ch, i, i + 1) for i, ch in enumerate(doc.original_text)]
            html = (
                f'<div class="row"><p class="text">{self.marked(units)}</p>'
                f"{self.notes([n for n, _ in self.numbered])}</div>"
            )
            unplaced = []
        else:
            html, unplaced = "", [n for n, _ in self.numbered]
        if unplaced:
            html += f'<h3 class="meta">Other flags</h3>{self.notes(unplaced)}'
        return html + self.ledger()

    # --- summary ------------------------------------------------------------------------------

    def summary(self) -> str:
        doc, report = self.doc, self.report
        counts = doc.counts()
        failing = sum(report.fails(f) for f in doc.flags)
        verdict = (
            f'<span class="verdict fail">{failing} flag(s) at or above {report.config.fail_on}</span>'
            if failing
            else f'<span class="verdict pass">nothing at or above {report.config.fail_on}</span>'
        )
        chips = "".join(f'<span class="chip {sev}"><b>{counts[sev]}</b>{sev}</span>' for sev in reversed(SEVERITIES))
        facts = [
            ("source", f"{doc.source_path} ({doc.source_lang})" if doc.source_path else "none"),
            ("engine", _engine(doc.engine)),
            ("sentences", doc.sentences),
            ("encoding", doc.encoding),
            ("machine-translation disclaimer", "yes" if doc.machine_translation_disclaimer else "no"),
        ]
        if doc.scores:
            facts.append(("fidelity", score_line(doc.scores)))
        facts_html = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in facts)
        raw = [(name, value) for name, value in doc.scores.items() if isinstance(value, (int, float, str))]
        if raw:  # for the curious: the raw figures behind the line above (all of them are in the JSON)
            cells = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in raw)
            facts_html += f'<details class="meta"><summary>metrics</summary><dl class="facts">{cells}</dl></details>'
        notes = "".join(f"<li>{_e(n)}</li>" for n in doc.notes)
        legend = (
            '<div class="legend">underlined: sentences whose back-translation disagrees most '
            '<span>0</span><span class="scale"></span><span>100</span></div>'
            if self.fidelity
            else ""
        )
        return (
            f'<h2>{_e(doc.path)}</h2><div class="chips">{verdict}{chips}</div>'
            f'<dl class="facts">{facts_html}</dl>' + (f'<ul class="notes-doc">{notes}</ul>' if notes else "") + legend
        )

    def render(self, with_summary: bool = True) -> str:
        summary = f'<div class="docsum">{self.summary()}</div>' if with_summary else ""
        return f'<section class="card" id="{self.prefix}">{summary}{self.body()}</section>'


def _hue(fidelity: float) -> int:
    """Red (0) through amber to green (100)."""
    return round(max(0.0, min(100.0, fidelity)) * 1.2)


def _engine(engine: dict | None) -> str:
    if not engine:
        return "none (back-translation skipped)"
    return " ".join(str(v) for k, v in engine.items() if k in ("name", "model") and v)


def render(report, **_options) -> str:
    views = [_DocumentView(i, doc, report) for i, doc in enumerate(report.documents)]
    header = [
        '<section class="card"><h1>backcheck report</h1>',
        f'<details class="meta"><summary>checked by backcheck {_e(__version__)} · signature</summary>'
        f'<div class="sig">{_e(report.signature)}</div></details>',
    ]
    if len(views) == 1:
        # One article: its summary is the report's summary.
        header.append(views[0].summary())
    else:
        counts = {sev: sum(d.counts()[sev] for d in report.documents) for sev in SEVERITIES}
        failing = sum(any(report.fails(f) for f in d.flags) for d in report.documents)
        verdict = (
            f'<span class="verdict {"fail" if failing else "pass"}">{failing} of {len(views)} documents '
            f"with flags at or above {report.config.fail_on}</span>"
        )
        chips = "".join(f'<span class="chip {sev}"><b>{counts[sev]}</b>{sev}</span>' for sev in reversed(SEVERITIES))
        rows = "".join(
            f'<tr><td><a href="#{v.prefix}">{_e(v.doc.path)}</a></td>'
            + "".join(f"<td>{v.doc.counts()[sev]}</td>" for sev in reversed(SEVERITIES))
            + "</tr>"
            for v in views
        )
        header.append(
            f'<div class="chips">{verdict}{chips}</div><table class="toc"><tr><th>document</th>'
            + "".join(f"<th>{sev}</th>" for sev in reversed(SEVERITIES))
            + f"</tr>{rows}</table>"
        )
    header.append("</section>")
    title = report.documents[0].path if len(views) == 1 else f"{len(views)} documents"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>backcheck: {_e(title)}</title><style>{_CSS}</style></head><body><main>"
        + "".join(header)
        + "".join(v.render(with_summary=len(views) > 1) for v in views)
        + "</main></body></html>\n"
    )
