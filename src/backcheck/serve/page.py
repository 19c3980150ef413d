"""The HTML of the editor's page: server-rendered, every piece of text escaped.

The article itself is laid out by the HTML report's renderer (:mod:`backcheck.render.html`: the
translation beside its source, each flag highlighted, its note beside it); this module adds the
editor's controls to each note (accept with the suggestion or an edit, dismiss with a reason), the
flags in order of risk, the decisions taken and the export links. Scripts come only from
``/static/desk.js`` (keyboard and mouse navigation); forms work without it.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from backcheck.render import html as report_html
from backcheck.version import __version__

if TYPE_CHECKING:  # pragma: no cover
    from backcheck.serve.desk import Desk, State

SOURCE_LANGS = (("auto", "detect"), ("sr", "Serbian"), ("hr", "Croatian"), ("bs", "Bosnian"), ("cnr", "Montenegrin"))
KEYS_HELP = "j / n next flag · k / p previous · a accept · e edit the correction · d dismiss (type why, Enter) · Esc leave a field"


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _head(title: str, csrf: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="csrf-token" content="{_e(csrf)}">'
        f"<title>{_e(title)}</title>"
        '<link rel="stylesheet" href="/static/report.css"><link rel="stylesheet" href="/static/desk.css">'
        '<script src="/static/desk.js" defer></script></head><body><main>'
    )


_FOOT = "</main></body></html>\n"


def _hidden(csrf: str, **fields: object) -> str:
    pairs = {"csrf": csrf, **fields}
    return "".join(f'<input type="hidden" name="{_e(k)}" value="{_e(v)}">' for k, v in pairs.items())


def _bar(links: str = "") -> str:
    return (
        '<header class="deskbar"><a class="home" href="/">backcheck <span>editor\'s desk</span></a>'
        f'<nav>{links}</nav><span class="ver">backcheck {_e(__version__)}</span></header>'
    )


# --- the start page ------------------------------------------------------------------------------


def home(desk: Desk, csrf: str, message: str | None = None) -> str:
    """Paste or upload an article (and its source), or open one from the folder."""
    langs = "".join(f'<option value="{code}">{_e(label)}</option>' for code, label in SOURCE_LANGS)
    limit = f"{desk.max_bytes / 1_000_000:.1f} MB".replace(".0 MB", " MB")
    form = (
        '<section class="card"><h1>Check a translated article</h1>'
        f'<form method="post" action="/check" enctype="multipart/form-data" class="paste">{_hidden(csrf)}'
        '<label class="name">Name <input name="name" placeholder="article name (optional)" maxlength="200"></label>'
        '<div class="pair"><label>English (the machine translation)'
        '<textarea name="english" id="english" rows="16" placeholder="Paste the English article here"></textarea>'
        '<span class="or">or upload <input type="file" name="english_file" accept=".txt,.md,.html,.htm"></span></label>'
        "<label>Source (optional: the original)"
        '<textarea name="source" id="source" rows="16" placeholder="Paste the Serbian, Croatian, Bosnian or Montenegrin original"></textarea>'
        '<span class="or">or upload <input type="file" name="source_file" accept=".txt,.md,.html,.htm"></span></label></div>'
        f'<label>Source language <select name="source_lang">{langs}</select></label> '
        f'<button type="submit" id="check">Check</button> <span class="meta">up to {_e(limit)}</span></form></section>'
    )
    folder = ""
    if desk.folder is not None:
        from backcheck.serve.desk import folder_listing

        names = folder_listing(desk.folder)
        items = "".join(f'<li><a href="/open?name={quote(n, safe="/")}">{_e(n)}</a></li>' for n in names)
        folder = (
            f'<section class="card"><h2>Articles in {_e(desk.folder.name or desk.folder)}</h2>'
            + (f'<ul class="files">{items}</ul>' if items else '<p class="empty">no .txt, .md or .html files</p>')
            + "</section>"
        )
    note = f'<p class="error" role="alert">{_e(message)}</p>' if message else ""
    return _head("backcheck: editor's desk", csrf) + _bar() + note + form + folder + _FOOT


def error_page(status: int, message: str, csrf: str = "") -> str:
    return (
        _head(f"backcheck: {status}", csrf)
        + _bar()
        + f'<section class="card"><h1>{status}</h1><p class="error" role="alert">{_e(message)}</p>'
        '<p><a href="/">Back to the start page</a></p></section>' + _FOOT
    )


# --- the article page ----------------------------------------------------------------------------


class _EditorView(report_html._DocumentView):
    """The report's document view with the editor's controls in each flag's note."""

    def __init__(self, state: State, csrf: str):
        super().__init__(0, state.document, state.report)
        self.state = state
        self.csrf = csrf
        self.fps = state.fingerprints
        self.action = f"/a/{state.article.key}/decide"

    def note(self, n: int, flag: Any) -> str:
        html = super().note(n, flag)
        fp = self.fps[n - 1]
        suggestion = flag.suggestion or ""
        controls = (
            f'<div class="act" data-fp="{_e(fp)}">'
            f'<form method="post" action="{_e(self.action)}" class="accept">'
            f"{_hidden(self.csrf, flag=fp, action='accept', i=n - 1)}"
            f'<input name="replacement" value="{_e(suggestion)}" aria-label="correction to write" '
            f'placeholder="{"type the correction" if not suggestion else ""}">'
            '<button type="submit" class="do-accept">Accept</button></form>'
            f'<form method="post" action="{_e(self.action)}" class="dismiss">'
            f"{_hidden(self.csrf, flag=fp, action='dismiss', i=n - 1)}"
            '<input name="reason" required maxlength="500" placeholder="why dismiss?" aria-label="reason to dismiss">'
            '<button type="submit" class="do-dismiss">Dismiss</button></form></div>'
        )
        if html.endswith("</li>"):
            return html[: -len("</li>")] + controls + "</li>"
        return html + controls


def _risk_list(state: State) -> str:
    doc = state.document
    if not doc.flags:
        return '<p class="clean">No flags left: export the corrected text.</p>'
    items = "".join(
        f'<li class="sev-{_e(f.severity)}" data-n="{n}"><a href="#d0-n{n}"><span class="sevname">{_e(f.severity)}</span> '
        f"<q>{_e(_short(f.span.text))}</q> {_e(f.message)}</a></li>"
        for n, f in enumerate(doc.flags, start=1)
    )
    return f'<ol class="risk">{items}</ol>'


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _decisions(state: State, csrf: str) -> str:
    if not state.decisions:
        return ""
    rows = []
    for fp, decision in sorted(state.decisions.items(), key=lambda item: item[1].decided_at):
        flag = state.decided_flags.get(fp)
        what = f"<q>{_e(_short(flag.span.text))}</q> ({_e(flag.check)})" if flag is not None else "a flag"
        if decision.action == "accept":
            after = decision.replacement if decision.replacement is not None else (flag.suggestion if flag else "")
            told = f"accepted: {what} → <ins>{_e(after)}</ins>"
        else:
            told = f"dismissed: {what}, because <i>{_e(decision.reason or '')}</i>"
        rows.append(
            f'<li class="decision {_e(decision.action)}" data-fp="{_e(fp)}"><span class="told">{told}</span>'
            f'<form method="post" action="/a/{_e(state.article.key)}/forget" class="undo">'
            f'{_hidden(csrf, flag=fp)}<button type="submit">Undo</button></form></li>'
        )
    return f'<section class="card"><h2>Your decisions</h2><ul class="decisions">{"".join(rows)}</ul></section>'


def article(state: State, csrf: str) -> str:
    """The article page: flags by risk, the text beside its source, decisions, exports."""
    key = state.article.key
    doc = state.document
    counts = doc.counts()
    chips = "".join(
        f'<span class="chip {sev}"><b>{counts[sev]}</b>{sev}</span>' for sev in ("critical", "major", "minor")
    )
    links = (
        f'<a href="/a/{key}/export.txt" id="export-text" download>Export corrected text</a>'
        f'<a href="/a/{key}/report.json" id="export-report" download>Export report (JSON)</a>'
        '<a href="/">New article</a>'
    )
    notes = "".join(f"<li>{_e(n)}</li>" for n in doc.notes)
    summary = (
        f'<section class="card summary"><h1>{_e(state.article.name)}</h1>'
        f'<div class="chips">{chips}<span class="meta">engine: {_e(report_html._engine(doc.engine))}</span></div>'
        + (f'<ul class="notes-doc">{notes}</ul>' if notes else "")
        + f'<p class="keys meta">{_e(KEYS_HELP)}</p>'
        + f"<h2>Flags, most serious first</h2>{_risk_list(state)}</section>"
    )
    view = _EditorView(state, csrf)
    body = f'<section class="card" id="d0">{view.body()}</section>'
    return (
        _head(f"backcheck: {state.article.name}", csrf) + _bar(links) + summary + body + _decisions(state, csrf) + _FOOT
    )


def report_css() -> str:
    """The report's own stylesheet (served as a file: the page's CSP allows no inline style element)."""
    return report_html._CSS
