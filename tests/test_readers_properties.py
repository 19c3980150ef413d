"""Property-based tests of every reader: any input gives a result or a BackcheckError, never
another exception, and every span of a document (sentences, blocks, flags) lies inside the file.

Inputs are arbitrary text and bytes plus near-valid documents assembled from the pieces of each
format (tags, entities, quotes, separators), which reach far deeper into the parsers than random
characters do. ``BACKCHECK_HYPOTHESIS_EXAMPLES`` scales the example counts for a long local run
(``BACKCHECK_HYPOTHESIS_EXAMPLES=2000 .venv/bin/python -m pytest tests/test_readers_properties.py``).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backcheck.engines.catalog import MANIFEST, open_model
from backcheck.errors import BackcheckError
from backcheck.formats.article import from_text, load
from backcheck.formats.bilingual import load_pair
from backcheck.model.document import Document
from backcheck.pipeline import baseline
from backcheck.pipeline.batch import discover
from backcheck.pipeline.check import check
from backcheck.pipeline.configure import resolve

EXAMPLES = int(os.environ.get("BACKCHECK_HYPOTHESIS_EXAMPLES", "60"))


def bounded(factor: float = 1.0):
    return settings(
        max_examples=max(1, int(EXAMPLES * factor)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


# -- strategies -----------------------------------------------------------------------------------

#: characters that matter to the readers: line ends of every kind, invisible and combining marks,
#: bidi controls, surrogates, BCMS letters in both scripts, markup and quoting characters
SPECIAL = (
    "\n\r\t\x00\x0b\x0c\x1c\x85\u2028\u2029\ufeff\u00ad\u200b\u200d\u2060\u202e\u2066"
    "\u0301\u0308\ud800\udfff\U0001f600šđčćžŠĐČĆŽљњџЂЋ<>&;\"'#=:,.!?-*_[](){}\\/|"
)
texts = st.text(alphabet=st.characters(codec=None), max_size=300) | st.text(
    alphabet=st.sampled_from(SPECIAL + "abc XYZ 019"), max_size=300
)


def assembled(fragments: list[str]) -> st.SearchStrategy[str]:
    """Documents built from a format's own pieces, shuffled and mixed with arbitrary text."""
    piece = st.sampled_from(fragments) | st.text(alphabet=st.sampled_from(SPECIAL + "ab Šž"), max_size=12)
    return st.lists(piece, max_size=40).map("".join)


ARTICLE_PIECES = [
    "Title\n",
    "\n\n",
    "The minister said. ",
    "Vlada je usvojila budžet. ",
    "# Heading\n",
    "* item\n",
    "> quote\n",
    "![photo](x.jpg)\n",
    "Bonus video:\n",
    "Translated by machine translation (AI).\n",
    "<!doctype html>",
    "<html><body>",
    "<p>",
    "</p>",
    "<h1>",
    "</h1>",
    "<figcaption>",
    "<script>x</script>",
    "<br>",
    "&amp;",
    "&#x0;",
    "&#1114112;",
    "&nbsp;",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "\r\n",
    "1.000,5 km",
    "“quoted”",
]
XML_PIECES = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<?xml version="1.0" encoding="latin-1"?>',
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
    '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="sr" trgLang="en">',
    '<file source-language="hr" target-language="en">',
    '<file id="f">',
    "<body>",
    "</body>",
    '<trans-unit id="1">',
    "</trans-unit>",
    '<unit id="u">',
    "<segment>",
    "</segment>",
    "</unit>",
    "<source>",
    "</source>",
    "<target>",
    "</target>",
    '<g id="1">',
    "</g>",
    '<ph id="2">{b}</ph>',
    "<ph/>",
    '<mrk mtype="seg">',
    "</mrk>",
    "</file>",
    "</xliff>",
    '<tmx version="1.4"><header srclang="sr"/><body>',
    "<tu>",
    "</tu>",
    '<tuv xml:lang="sr">',
    '<tuv xml:lang="en">',
    '<tuv lang="hr">',
    "</tuv>",
    "<seg>",
    "</seg>",
    "</body></tmx>",
    "Vlada je pala.",
    "The government fell.",
    "&amp;",
    "&lt;",
    "&#65;",
    "&#0;",
    "&#xD800;",
    "&bogus;",
    "<!-- c -->",
    "<![CDATA[a<b]]>",
    '<!DOCTYPE x [<!ENTITY e "eee">]>',
    "&e;",
    "\n",
]
PO_PIECES = [
    'msgid ""\nmsgstr ""\n"Language: sr\\n"\n\n',
    '"Language: hr_HR\\n"\n',
    "msgid ",
    "msgstr ",
    "msgctxt ",
    "msgid_plural ",
    "msgstr[0] ",
    "msgstr[1] ",
    '"Vlada je pala."',
    '"The government fell."',
    '"',
    '\\"',
    "\\n",
    "\\t",
    "\\x41",
    "\\u0041",
    "\\",
    "#, fuzzy\n",
    "#~ ",
    "# comment\n",
    "\n",
    " ",
]
TSV_PIECES = ["Vlada je pala.", "The government fell.", "\t", "\n", "\r\n", '"', "source\ttarget\n", "#", "\\t"]
JSONL_PIECES = [
    "{",
    "}",
    "[",
    "]",
    '"source"',
    '"target"',
    '"translation"',
    '"id"',
    ":",
    ",",
    '"Vlada je pala."',
    '"The government fell."',
    '"\\ud800"',
    '"\\u0000"',
    "null",
    "1e999",
    "NaN",
    "[[[[[[[[",
    "\n",
]


#: nesting thousands of levels deep: recursive parsers (json, tomllib) overflow the stack
deep = st.integers(900, 20000).flatmap(
    lambda n: st.sampled_from(["[" * n + "]" * n, "{a=" * n + "1" + "}" * n, '{"a":' * n + "1" + "}" * n])
)


def structured_json() -> st.SearchStrategy[object]:
    scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
    return st.recursive(
        scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    )


# -- helpers --------------------------------------------------------------------------------------


def write(directory: Path, name: str, content: str | bytes) -> Path:
    path = directory / name
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8", "surrogatepass"))
    else:
        path.write_bytes(content)
    return path


def assert_spans_inside(doc: Document) -> None:
    original = doc.textmap.original
    for piece in [*doc.sentences, *doc.blocks]:
        span = doc.span(piece.start, piece.end)
        assert 0 <= span.start <= span.end <= len(original)
        assert span.text == original[span.start : span.end]
        assert 1 <= span.line and 1 <= span.column
    for sentence in doc.sentences:
        assert 0 <= sentence.start <= sentence.end <= len(doc.text)
        assert sentence.text == doc.text[sentence.start : sentence.end]


def outcome(fn, *args, **kwargs):
    """The call's result, or None when it raised a BackcheckError (any other exception fails)."""
    try:
        return fn(*args, **kwargs)
    except BackcheckError as exc:
        assert str(exc).strip(), "an error without a message"
        return None


# -- articles -------------------------------------------------------------------------------------


@bounded()
@given(text=texts | assembled(ARTICLE_PIECES), fmt=st.sampled_from(["text", "markdown", "html", None]))
def test_article_from_text(text, fmt):
    doc = outcome(from_text, text, fmt=fmt)
    if doc is not None:
        assert doc.textmap.original == text
        assert_spans_inside(doc)


@bounded()
@given(
    data=st.binary(max_size=400) | assembled(ARTICLE_PIECES).map(lambda t: t.encode("utf-8", "surrogatepass")),
    suffix=st.sampled_from([".txt", ".md", ".html", ".htm", ""]),
)
def test_article_load_bytes(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = write(Path(tmp), "article" + suffix, data)
        doc = outcome(load, str(path))
        if doc is not None:
            assert_spans_inside(doc)


@bounded(0.3)
@given(text=assembled(ARTICLE_PIECES), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_every_flag_span_lies_inside_the_file(text, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = write(Path(tmp), "article" + suffix, text)
        report = outcome(check, str(path))
        if report is None:
            return
        for doc in report.documents:
            for flag in doc.flags:
                span = flag.span
                assert 0 <= span.start <= span.end <= len(doc.original_text)
                assert span.text == doc.original_text[span.start : span.end]


# -- bilingual files ------------------------------------------------------------------------------

BILINGUAL = {
    ".xlf": XML_PIECES,
    ".xliff": XML_PIECES,
    ".tmx": XML_PIECES,
    ".po": PO_PIECES,
    ".tsv": TSV_PIECES,
    ".jsonl": JSONL_PIECES,
}


def _check_pair(path: Path) -> None:
    pair = outcome(load_pair, path)
    if pair is None:
        return
    target, source = pair
    assert_spans_inside(target)
    if source is not None:
        assert_spans_inside(source)
        assert source.textmap.original == target.textmap.original


@bounded(2)
@given(data=st.data(), suffix=st.sampled_from(sorted(BILINGUAL)))
def test_bilingual_structured(data, suffix):
    text = data.draw(assembled(BILINGUAL[suffix]) | texts)
    with tempfile.TemporaryDirectory() as tmp:
        _check_pair(write(Path(tmp), "pair" + suffix, text))


@bounded()
@given(data=st.binary(max_size=400), suffix=st.sampled_from(sorted(BILINGUAL)))
def test_bilingual_bytes(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        _check_pair(write(Path(tmp), "pair" + suffix, data))


@bounded()
@given(rows=st.lists(structured_json(), max_size=6))
def test_bilingual_jsonl_records(rows):
    with tempfile.TemporaryDirectory() as tmp:
        text = "\n".join(json.dumps(row) for row in rows)
        _check_pair(write(Path(tmp), "pair.jsonl", text))


# -- configuration --------------------------------------------------------------------------------

TOML_PIECES = [
    "source_lang = ",
    "engine = ",
    "fail_on = ",
    "enabled = ",
    "disabled = ",
    "severities = ",
    "thresholds = ",
    "glossary = ",
    "never_flag = ",
    "baseline = ",
    "device = ",
    "threads = ",
    "[severities]\n",
    "[thresholds]\n",
    "[glossary]\n",
    '"sr"',
    '"auto"',
    '"none"',
    '"major"',
    '"name.inflected"',
    '["name.inflected"]',
    "[]",
    "{}",
    "0",
    "-1",
    "1.5",
    "nan",
    "inf",
    "true",
    '""',
    '"Kiev" = "Kyiv"\n',
    "omission.ratio = 0.5\n",
    "\n",
    "=",
    '"',
]


@bounded()
@given(
    text=assembled(TOML_PIECES) | texts | deep.map(lambda d: "x = " + d),
    name=st.sampled_from(["backcheck.toml", "pyproject.toml"]),
)
def test_configuration_file(text, name):
    with tempfile.TemporaryDirectory() as tmp:
        if name == "pyproject.toml":
            text = "[tool.backcheck]\n" + text
        write(Path(tmp), name, text)
        outcome(resolve, {}, cwd=tmp, environ={})


@bounded(0.5)
@given(data=st.binary(max_size=300))
def test_configuration_file_bytes(data):
    with tempfile.TemporaryDirectory() as tmp:
        write(Path(tmp), "backcheck.toml", data)
        outcome(resolve, {}, cwd=tmp, environ={})


def toml_value(value: object) -> str:
    """An inline TOML value (a small emitter: the test needs no TOML writer dependency)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(repr(value), repr(value))
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    return '""'


@bounded()
@given(table=st.dictionaries(st.sampled_from(TOML_PIECES[:12]).map(lambda k: k.split(" ")[0]), structured_json()))
def test_configuration_values(table):
    """Every key with values of every JSON-like type (an invalid TOML rendering is fine too)."""
    text = "".join(f"{key} = {toml_value(value)}\n" for key, value in table.items())
    with tempfile.TemporaryDirectory() as tmp:
        write(Path(tmp), "backcheck.toml", text)
        outcome(resolve, {}, cwd=tmp, environ={})


# -- baselines ------------------------------------------------------------------------------------


@bounded()
@given(
    content=structured_json().map(json.dumps)
    | st.fixed_dictionaries(
        {"schema": st.just(baseline.SCHEMA) | st.text(max_size=5), "findings": structured_json()}
    ).map(json.dumps)
    | texts
    | deep
    | deep.map(lambda d: f'{{"schema": "{baseline.SCHEMA}", "findings": {d}}}')
)
def test_baseline(content):
    with tempfile.TemporaryDirectory() as tmp:
        outcome(baseline.load, write(Path(tmp), "baseline.json", content))


REPORT_FLAG = st.fixed_dictionaries(
    {},
    optional={
        "fingerprint": st.text(max_size=8) | structured_json(),
        "check": structured_json(),
        "span": st.fixed_dictionaries({}, optional={"line": structured_json(), "text": st.text()}) | structured_json(),
        "message": structured_json(),
    },
)


@bounded()
@given(
    content=st.lists(REPORT_FLAG | structured_json(), max_size=4).map(lambda rows: "\n".join(map(json.dumps, rows)))
    | st.fixed_dictionaries(
        {
            "documents": st.lists(
                st.fixed_dictionaries(
                    {},
                    optional={
                        "path": structured_json(),
                        "flags": st.lists(REPORT_FLAG | structured_json(), max_size=3) | structured_json(),
                    },
                )
                | structured_json(),
                max_size=3,
            )
            | structured_json()
        }
    ).map(json.dumps)
    | texts
    | deep
)
def test_baseline_from_a_saved_report(content):
    """``baseline create`` from a JSON or JSONL report: entries, and a baseline file that can be written."""
    with tempfile.TemporaryDirectory() as tmp:
        entries = outcome(baseline.entries_from_report_file, write(Path(tmp), "report.json", content))
        if entries is not None:
            baseline.dumps(entries).encode("utf-8")


@bounded(0.5)
@given(data=st.binary(max_size=300))
def test_baseline_bytes(data):
    with tempfile.TemporaryDirectory() as tmp:
        outcome(baseline.load, write(Path(tmp), "baseline.json", data))


# -- batch manifests ------------------------------------------------------------------------------

CSV_PIECES = [
    "translation,source,source_lang\n",
    "translation\n",
    "a.txt",
    "b.txt",
    "missing.txt",
    "../a.txt",
    "/etc",
    ",",
    '"',
    "\n",
    "\r\n",
    "sr",
    "xx",
    "\x00",
    ".",
    "",
]


def _manifest_dir(tmp: str) -> Path:
    base = Path(tmp)
    (base / "a.txt").write_text("An article.\n")
    (base / "b.txt").write_text("Članak.\n")
    return base


@bounded()
@given(text=assembled(CSV_PIECES) | texts | st.integers(1, 300_000).map(lambda n: 'translation\n"' + "a" * n + '"\n'))
def test_batch_csv_manifest(text):
    with tempfile.TemporaryDirectory() as tmp:
        base = _manifest_dir(tmp)
        outcome(discover, [write(base, "manifest.csv", text)])


@bounded()
@given(
    rows=st.lists(
        st.dictionaries(st.sampled_from(["translation", "source", "source_lang", "x"]), structured_json())
        | st.fixed_dictionaries(
            {"translation": st.sampled_from(["a.txt", "b.txt", "", ".", "/", "a.txt\x00"])},
            optional={
                "source": st.sampled_from(["b.txt", "x", "", "."]) | st.integers(),
                "source_lang": st.sampled_from(["sr", "hr", "xx", ""]) | st.integers(),
            },
        )
        | structured_json(),
        max_size=5,
    ),
    nested=st.none() | deep,
)
def test_batch_jsonl_manifest(rows, nested):
    with tempfile.TemporaryDirectory() as tmp:
        base = _manifest_dir(tmp)
        text = "\n".join(json.dumps(row) for row in rows)
        if nested is not None:  # a manifest row nested thousands of levels deep
            text = '{"translation": "a.txt"}\n{"translation": ' + nested + "}"
        outcome(discover, [write(base, "manifest.jsonl", text)])


@bounded(0.5)
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".csv", ".jsonl"]))
def test_batch_manifest_bytes(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        base = _manifest_dir(tmp)
        outcome(discover, [write(base, "manifest" + suffix, data)])


# -- model manifests ------------------------------------------------------------------------------

MANIFEST_FIELDS = {
    "name": st.text(max_size=10) | structured_json(),
    "kind": st.sampled_from(["marian", "m2m100", "nllb"]) | structured_json(),
    "source_langs": st.lists(st.sampled_from(["en", "sr"]), max_size=2) | structured_json(),
    "target_langs": st.lists(st.sampled_from(["en", "sr"]), max_size=2) | structured_json(),
    "source_spm": st.sampled_from(["source.spm", "../x", "", "/etc/passwd", "model.bin"]) | structured_json(),
    "target_spm": st.sampled_from(["target.spm", "sub/dir", "\x00"]) | structured_json(),
    "files": st.dictionaries(
        st.sampled_from(["model.bin", "config.json", "source.spm", "../x", "", "nope", "\x00"]),
        st.fixed_dictionaries({"sha256": st.text(max_size=4), "size": st.integers(-1, 10) | structured_json()})
        | structured_json(),
    )
    | structured_json(),
}


def _model_dir(tmp: str) -> Path:
    model = Path(tmp) / "m"
    model.mkdir()
    for name in ("model.bin", "config.json", "source.spm", "target.spm"):
        (model / name).write_bytes(b"x" * 3)
    return model


@bounded()
@given(
    content=st.fixed_dictionaries({}, optional=MANIFEST_FIELDS).map(json.dumps)
    | structured_json().map(json.dumps)
    | texts
)
def test_model_manifest(content):
    with tempfile.TemporaryDirectory() as tmp:
        model = _model_dir(tmp)
        write(model, MANIFEST, content)
        outcome(open_model, model)


@bounded(0.5)
@given(data=st.binary(max_size=300))
def test_model_manifest_bytes(data):
    with tempfile.TemporaryDirectory() as tmp:
        model = _model_dir(tmp)
        write(model, MANIFEST, data)
        outcome(open_model, model)


# -- the HTML report's index of flag spans ----------------------------------------------------------


@bounded()
@given(
    spans=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=25),
    units=st.lists(st.tuples(st.integers(-1, 70), st.integers(0, 3)), max_size=80),
)
def test_the_html_cover_index_agrees_with_its_definition(spans, units):
    """Any order of units (sentences shown again, separators) gets exactly the flags that
    ``_covers`` says cover it, in flag order."""
    from backcheck.model.textmap import Span
    from backcheck.render.html import _CoverIndex, _covers, _Unit

    numbered = [(n, Span(s, s + w, 1, 1, "")) for n, (s, w) in enumerate(spans, 1)]
    index = _CoverIndex(numbered)
    for start, width in units:
        unit = _Unit("x", start, start + width) if start >= 0 else _Unit(" ", -1, -1)
        assert index.at(unit) == tuple(n for n, span in numbered if _covers(span, unit))
