"""The HTML report in a real browser (Debian's chromium, headless): the flagged spans are there
and visibly highlighted, article markup stays inert, and a screenshot is written for review.

The screenshot goes to ``$BACKCHECK_SCREENSHOT_DIR`` when set (CI can keep it as an artifact),
else to pytest's temporary directory.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcheck.cli.app import app

SAMPLE = Path(__file__).resolve().parents[1] / "seeds" / "000_349c8de6d9ab456e.txt"
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium; .ci/run does)"
)

# Sets, on every mark, the colour the browser actually paints behind it and whether it has a box.
PROBE = """<script>
for (const m of document.querySelectorAll("mark")) {
  const box = m.getBoundingClientRect();
  m.dataset.bg = getComputedStyle(m).backgroundColor;
  m.dataset.painted = box.width > 0 && box.height > 0 ? "yes" : "no";
}
document.body.dataset.probe = "ran";
</script>"""


def _chromium(tmp_path: Path, *args: str) -> str:
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


class _Marks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.marks: list[dict] = []
        self.body: dict = {}
        self.title = ""
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "mark":
            self.marks.append({**attrs, "text": ""})
        elif tag == "body":
            self.body = attrs
        self._in.append(tag)

    def handle_endtag(self, tag):
        if tag in self._in:
            del self._in[len(self._in) - 1 - self._in[::-1].index(tag) :]

    def handle_data(self, data):
        if "mark" in self._in:
            self.marks[-1]["text"] += data
        if self._in and self._in[-1] == "title":
            self.title += data


def _report(tmp_path: Path, article: Path) -> Path:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        app, ["check", str(article), "--format", "html", "--output", str(out), "--fail-on", "critical"]
    )
    assert result.exit_code == 0, result.output  # no test article here has a critical flag
    return out


def _css_colour(report: Path, variable: str) -> str:
    """A ``#rrggbb`` custom property of the report's stylesheet, as getComputedStyle writes it."""
    match = re.search(re.escape(variable) + r":#([0-9a-f]{6})", report.read_text(encoding="utf-8"))
    r, g, b = (int(match.group(1)[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgb({r}, {g}, {b})"


def _probed_dom(tmp_path: Path, report: Path) -> _Marks:
    # The report's Content-Security-Policy forbids every script, the probe included: the probed copy
    # drops that one meta element, and nothing else changes.
    html = report.read_text(encoding="utf-8")
    start = html.index('<meta http-equiv="Content-Security-Policy"')
    html = html[:start] + html[html.index(">", start) + 1 :]
    probed = tmp_path / "probed.html"
    probed.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = _Marks()
    dom.feed(_chromium(tmp_path, "--dump-dom", probed.as_uri()))
    assert dom.body.get("data-probe") == "ran"
    return dom


def test_sample_article_name_span_is_highlighted(tmp_path):
    report = _report(tmp_path, SAMPLE)
    dom = _probed_dom(tmp_path, report)
    names = [m for m in dom.marks if m.get("data-check") == "name.inflected"]
    assert [m["text"] for m in names] == ["Hornova"]
    hornova = names[0]
    assert "sev-major" in hornova["class"].split()
    assert hornova["data-painted"] == "yes"
    # painted in the report's own colour for major flags, not the browser's default for <mark>
    assert hornova["data-bg"] == _css_colour(report, "--major-bg")
    minor = next(m for m in dom.marks if "sev-minor" in m["class"].split())
    assert minor["data-bg"] == _css_colour(report, "--minor-bg") != hornova["data-bg"]


def test_screenshot_for_review(tmp_path):
    report = _report(tmp_path, SAMPLE)
    target = Path(os.environ.get("BACKCHECK_SCREENSHOT_DIR") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    png = target / "report-sample.png"
    _chromium(tmp_path, f"--screenshot={png}", "--window-size=1200,1600", report.as_uri())
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000


def test_article_markup_stays_text_in_the_browser(tmp_path):
    article = tmp_path / "hostile.txt"
    article.write_text(
        "Council debate\n\nA post said <script>document.title='pwned'</script> and "
        "<img src=x onerror=\"document.title='pwned'\"> before the vote, Kovač said.\n",
        encoding="utf-8",
    )
    report = _report(tmp_path, article)
    dom = _Marks()
    dumped = _chromium(tmp_path, "--dump-dom", report.as_uri())
    dom.feed(dumped)
    assert dom.title.startswith("backcheck:")
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dumped
    assert "<img" not in dumped


# Run after load, when the fragment of the URL has made its element the :target.
LEDGER_PROBE = """<script>
window.addEventListener("load", () => setTimeout(() => {
  for (const el of document.querySelectorAll("span.fact")) {
    el.dataset.outline = getComputedStyle(el).outlineStyle;
  }
  document.body.dataset.probe = "ran";
}, 0));
</script>"""


class _Facts(HTMLParser):
    """Every span.fact: its classes, the outline the browser paints and its text."""

    def __init__(self):
        super().__init__()
        self.spans: list[dict] = []
        self.body: dict = {}
        self._depth: list[bool] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "body":
            self.body = attrs
        is_fact = tag == "span" and "fact" in (attrs.get("class") or "").split()
        if is_fact:
            self.spans.append({**attrs, "text": ""})
        self._depth.append(is_fact)

    def handle_endtag(self, tag):
        if self._depth:
            self._depth.pop()

    def handle_data(self, data):
        if any(self._depth):
            self.spans[-1]["text"] += data


def test_ledger_entry_outlines_the_fact_on_both_sides(tmp_path):
    source = tmp_path / "src.txt"
    english = tmp_path / "en.txt"
    source.write_text("Na sastanku je bilo 200 ljudi.\n\nSkup je počeo u utorak.\n", encoding="utf-8")
    english.write_text("There were 300 people at the meeting.\n\nThe rally began on Tuesday.\n", encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        app, ["check", str(english), "--source", str(source), "--source-lang", "sr", "--format", "html", "-o", str(out)]
    )
    assert result.exit_code == 1, result.output  # the changed number is critical
    html = out.read_text(encoding="utf-8")
    k = re.search(r'<li id="d0-l(\d+)" class="st-changed">', html).group(1)
    start = html.index('<meta http-equiv="Content-Security-Policy"')
    html = html[:start] + html[html.index(">", start) + 1 :]
    probed = tmp_path / "probed.html"
    probed.write_text(html.replace("</body>", LEDGER_PROBE + "</body>"), encoding="utf-8")
    dom = _Facts()
    dom.feed(_chromium(tmp_path, "--virtual-time-budget=5000", "--dump-dom", probed.as_uri() + f"#d0-l{k}"))
    assert dom.body.get("data-probe") == "ran"
    lit = [s for s in dom.spans if s.get("data-outline") == "solid"]
    assert {s["text"] for s in lit} == {"200", "300"}  # the source's and the English's, nothing else
    assert all(f"f-d0-{k}" in s["class"].split() for s in lit)
