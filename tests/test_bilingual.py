"""Bilingual inputs: XLIFF 1.2 and 2.x, TMX, PO, TSV and JSONL segment pairs, with every span
pointing at the target text inside the file."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from backcheck.cli.app import app
from backcheck.config import Config
from backcheck.errors import InputError
from backcheck.formats.bilingual import load_pair
from backcheck.pipeline.check import check, load_job

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="vijest.txt" source-language="hr" target-language="en" datatype="plaintext">
  <body>
   <trans-unit id="t1">
    <source>Vlada je u četvrtak usvojila proračun.</source>
    <target>The government adopted the budget on Thursday.</target>
   </trans-unit>
   <trans-unit id="t2">
    <source>Ministrica Ana Kovač rekla je da će deficit pasti.</source>
    <target>Minister Ana Kovač said the deficit would fall &amp; <g id="1">debt</g> would <ph id="2">{b}</ph>shrink.</target>
   </trans-unit>
   <trans-unit id="t3"><source>Nije prevedeno.</source></trans-unit>
  </body>
 </file>
</xliff>
"""

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="sr-Latn" trgLang="en">
 <file id="f1">
  <unit id="u1">
   <segment id="s1">
    <source>Premijer je otputovao u Brisel.</source>
    <target>The prime minister travelled to Brussels &lt;today&gt;.</target>
   </segment>
  </unit>
  <unit id="u2">
   <segment id="s2"><source>Sastanak traje dva dana.</source><target>The meeting <pc id="1">lasts</pc> two days<cp hex="2019"/>.</target></segment>
  </unit>
 </file>
</xliff>
"""

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
 <header srclang="bs" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="none" creationtool="test" creationtoolversion="1"/>
 <body>
  <tu tuid="42"><tuv xml:lang="en"><seg>Floods closed three roads near Tuzla.</seg></tuv><tuv xml:lang="bs"><seg>Poplave su zatvorile tri puta kod Tuzle.</seg></tuv></tu>
  <tu tuid="43"><tuv xml:lang="bs"><seg>Škole rade normalno.</seg></tuv><tuv xml:lang="en"><seg>Schools are <bpt i="1">&lt;b&gt;</bpt>open<ept i="1">&lt;/b&gt;</ept> as usual.</seg></tuv></tu>
 </body>
</tmx>
"""

PO = r"""msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: en\n"

#: article.txt:1
msgid "Gradonačelnik je najavio novi most."
msgstr "The mayor announced a new bridge."

msgctxt "lead"
msgid "Radovi počinju \"odmah\"."
msgstr ""
"Works begin "
"\"immediately\"."

#~ msgid "Stari red."
#~ msgstr "An old line."
"""

TSV = (
    "id\tsource\ttarget\n"
    "p1\tPolicija je uhapsila dvojicu osumnjičenih.\tPolice arrested two suspects.\n"
    "p2\tIstraga je u toku.\tThe investigation is ongoing.\n"
)

JSONL = (
    '{"id": "a1", "source": "Cijene goriva rastu.", "target": "Fuel prices are rising."}\n'
    '{"id": "a2", "source": "Vlada razmatra mjere.", "target": "The government is weighing \\"new\\" measures \\u2014 again."}\n'
)


@pytest.mark.parametrize(
    "name, content, ids, lang, target_text",
    [
        (
            "a.xlf",
            XLIFF12,
            ["vijest.txt::t1", "vijest.txt::t2"],
            "hr",
            "The government adopted the budget on Thursday.\n\nMinister Ana Kovač said the deficit would fall & debt would shrink.",
        ),
        (
            "b.xliff",
            XLIFF20,
            ["u1::s1", "u2::s2"],
            "sr",
            "The prime minister travelled to Brussels <today>.\n\nThe meeting lasts two days\u2019.",
        ),
        ("c.tmx", TMX, ["42", "43"], "bs", "Floods closed three roads near Tuzla.\n\nSchools are open as usual."),
        (
            "d.po",
            PO,
            ["Gradonačelnik je najavio novi most.", 'lead::Radovi počinju "odmah".'],
            None,
            'The mayor announced a new bridge.\n\nWorks begin "immediately".',
        ),
        ("e.tsv", TSV, ["p1", "p2"], None, "Police arrested two suspects.\n\nThe investigation is ongoing."),
        (
            "f.jsonl",
            JSONL,
            ["a1", "a2"],
            None,
            'Fuel prices are rising.\n\nThe government is weighing "new" measures \u2014 again.',
        ),
    ],
)
def test_each_format_reads_segments_ids_and_languages(write, name, content, ids, lang, target_text):
    target, source = load_pair(write(name, content))
    assert target.text == target_text
    assert target.segment_ids == ids
    assert source is not None and len(source.blocks) == len(ids)
    # declared in the file (XLIFF, TMX), else detected from the source text
    assert source.lang == lang if lang else source.lang in ("sr", "hr", "bs", "cnr")
    assert target.lang == "en"


@pytest.mark.parametrize(
    "name, content, word, raw",
    [
        # the span of a word maps to its exact place in the file, entity or escape included
        ("a.xlf", XLIFF12, "debt", "debt"),
        ("a.xlf", XLIFF12, "&", "&amp;"),
        ("b.xliff", XLIFF20, "<today>", "&lt;today&gt;"),
        ("c.tmx", TMX, "open", "open"),
        ("d.po", PO, '"immediately".', '\\"immediately\\".'),
        ("f.jsonl", JSONL, '"new"', '\\"new\\"'),
        ("f.jsonl", JSONL, "\u2014", "\\u2014"),
        ("e.tsv", TSV, "investigation", "investigation"),
    ],
)
def test_spans_point_into_the_bilingual_file(write, name, content, word, raw):
    target, _ = load_pair(write(name, content))
    start = target.text.index(word)
    span = target.span(start, start + len(word))
    assert span.text == raw
    line = content.splitlines()[span.line - 1]
    assert line[span.column - 1 :].startswith(raw)


def test_untranslated_units_and_obsolete_entries_are_left_out(write):
    target, _ = load_pair(write("a.xlf", XLIFF12))
    assert "Nije prevedeno" not in target.text
    target, _ = load_pair(write("d.po", PO))
    assert "old line" not in target.text


@pytest.mark.parametrize(
    "name, content, line",
    [
        (
            "broken.xlf",
            XLIFF12.replace(
                '</target>\n   </trans-unit>\n   <trans-unit id="t3">', '\n   </trans-unit>\n   <trans-unit id="t3">'
            ),
            12,
        ),
        ("broken.tmx", TMX.replace('</seg></tuv></tu>\n  <tu tuid="43">', '</tuv></tu>\n  <tu tuid="43">'), 5),
        ("broken.po", PO.replace('msgstr "The mayor announced a new bridge."', 'msgstr "The mayor announced'), 8),
        ("broken.tsv", TSV + "p3\tonly one column\n", 4),
        ("broken.jsonl", JSONL + '{"id": "a3", "target": "unterminated}\n', 3),
    ],
)
def test_broken_files_name_the_file_and_line(write, name, content, line):
    path = write(name, content)
    with pytest.raises(InputError, match=rf"{path.name}:{line}\b"):
        load_pair(path)
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 3
    assert f"{path.name}:{line}" in result.stderr


def test_flags_carry_segment_id_and_file_position(write):
    xliff = XLIFF12.replace("Minister Ana Kovač said", "As Minister Ana Kovačeva said, Minister Ana Kovač said")
    path = write("news.xlf", xliff)
    report = check(str(path), config=Config())
    flags = [f for f in report.flags if f.check == "name.inflected"]
    assert flags, "the inflected surname is flagged"
    flag = flags[0]
    assert flag.evidence["segment"] == "vijest.txt::t2"
    assert flag.span.text == "Kovačeva"
    assert xliff.splitlines()[flag.span.line - 1][flag.span.column - 1 :].startswith("Kovačeva")
    assert report.documents[0].source_lang == "hr"


@pytest.mark.parametrize("name, content", [("e.tsv", TSV), ("a.xlf", XLIFF12.replace('"hr"', '"sr"'))])
def test_source_lang_given_by_caller_wins(write, name, content):
    job = load_job(str(write(name, content)), source_lang="hr")
    assert job.source.lang == "hr"


def test_no_translated_segment_is_an_input_error(write):
    path = write("empty.xlf", XLIFF12.replace("<target>", "<note>").replace("</target>", "</note>"))
    with pytest.raises(InputError, match="no translated segments"):
        load_pair(path)


def test_jsonl_segment_pairs_need_a_target(write):
    path = write("pairs.jsonl", json.dumps({"id": 1, "source": "Jedan."}) + "\n")
    with pytest.raises(InputError, match=r"pairs.jsonl:1: .*target"):
        load_pair(path)
