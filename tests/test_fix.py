"""`backcheck fix` and backcheck.pipeline.fix: suggestions applied in the article's own format."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from backcheck.cli.app import app
from backcheck.config import Config
from backcheck.errors import ExitCode, InputError
from backcheck.formats.article import from_text
from backcheck.formats.bilingual import load_pair
from backcheck.model.findings import SEVERITIES
from backcheck.model.report import DocumentReport, Flag
from backcheck.pipeline.check import check
from backcheck.pipeline.decisions import Decision, DecisionStore, article_fingerprint, default_store_path
from backcheck.pipeline.fix import REMOVE, apply_fixes, choose, fix, fix_document

runner = CliRunner()

GLOSSARY_TOML = '[glossary]\nKiev = "Kyiv"\n'
HORNOVA_DIFF_LINE = (
    'Sullivan "indicated the readiness of the US to act diplomatically through multiple channels, '
    'including bilateral engagement, the NATO-Russia Council and the OSCE," {} said. "He made it clear '
    "that any dialogue must be based on reciprocity and address our concerns about Russia's actions, "
    'and be held in full coordination with our European allies and partners."\n'
)


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def _glossary(tmp_path):
    config = tmp_path / "backcheck.toml"
    config.write_text(GLOSSARY_TOML)
    return config


# --- the sample article: the acceptance --------------------------------------------------


def test_fix_diff_of_the_sample_changes_hornova_to_horn_and_nothing_else(sample_path):
    for extra in ([], ["--only", "name.inflected"]):
        result = invoke("fix", sample_path, "--diff", *extra)
        assert result.exit_code == ExitCode.OK, result.output
        changed = [
            line for line in result.stdout.splitlines(keepends=True) if line[:1] in "+-" and line[:3] not in "+++---"
        ]
        assert changed == ["-" + HORNOVA_DIFF_LINE.format("Hornova"), "+" + HORNOVA_DIFF_LINE.format("Horn")]
        assert result.stdout.startswith(f"--- a/{sample_path}\n+++ b/{sample_path}\n@@ -23,7 +23,7 @@\n")
        assert f"fixed {sample_path}:26: «Hornova» → «Horn» (name.inflected " in result.stderr


def test_fix_writes_a_corrected_copy_of_the_sample(sample_path, tmp_path):
    out = tmp_path / "fixed.txt"
    result = invoke("fix", sample_path, "-o", out)
    assert result.exit_code == ExitCode.OK, result.output
    assert result.stdout == ""
    original = sample_path.read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == original.replace('," Hornova said.', '," Horn said.')
    assert original.count("Hornova") == 1
    # the corrected copy passes the check it failed
    assert invoke("check", out, "--engine", "none").exit_code == ExitCode.OK


def test_fix_to_stdout_and_in_place(tmp_path, sample_path):
    article = tmp_path / "article.txt"
    article.write_bytes(sample_path.read_bytes())
    stdout = invoke("fix", article).stdout
    assert "Horn said" in stdout and "Hornova" not in stdout
    result = invoke("fix", article, "-o", article)  # fixing in place is allowed
    assert result.exit_code == ExitCode.OK
    assert article.read_text(encoding="utf-8") == stdout
    again = invoke("fix", article, "--diff")
    assert again.exit_code == ExitCode.OK and again.stdout == ""
    assert "nothing to fix" in again.stderr


def test_remove_suggestions_only_when_chosen(sample_path):
    result = invoke("fix", sample_path, "--only", "boilerplate.residue")
    assert result.exit_code == ExitCode.OK
    lines = result.stdout.split("\n")
    assert "2325 views 0 comment(s)" not in lines and "Bonus video:" not in lines
    assert lines.count("Lavrov, Photo: Reuters") == 1  # the repeated caption goes, the first stays
    assert "Hornova" in result.stdout  # not chosen
    assert result.stdout.endswith('"it is not interested in participating in a marathon".\n')


def test_only_a_fingerprint_prefix_and_ids_that_match_nothing(sample_path):
    doc = check(str(sample_path)).documents[0]
    fp = dict(zip((f.span.text for f in doc.flags), doc.fingerprints()))['"Guardian"']
    result = invoke("fix", sample_path, "--diff", "--only", fp[:8])
    assert result.exit_code == ExitCode.OK
    assert '-The precise agenda and scope of the talks have not been announced, the "Guardian" points out.\n' in (
        result.stdout
    )
    assert "Hornova" not in result.stdout
    missing = invoke("fix", sample_path, "--only", "0123abcd")
    assert missing.exit_code == ExitCode.INPUT
    assert missing.stderr == (
        f"backcheck: error: --only 0123abcd: no flag of {sample_path} has this fingerprint "
        "(an id from another article, or the article changed since)\n"
    )
    usage = invoke("fix", sample_path, "--only", "no.such-check")
    assert usage.exit_code == ExitCode.USAGE
    assert invoke("fix", sample_path, "--only", "number.mismatch").exit_code == ExitCode.OK


def test_fix_help_documents_the_exit_codes():
    result = invoke("fix", "--help")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "Exit codes: 0 written" in text and "2 usage error" in text and "3 input" in text


def test_fix_errors_are_one_line(tmp_path, sample_path):
    missing = invoke("fix", tmp_path / "nope.txt")
    assert missing.exit_code == ExitCode.INPUT and missing.stderr.count("\n") == 1
    src = tmp_path / "src.txt"
    src.write_text("Ovo je izvorni tekst.\n")
    onto_source = invoke("fix", sample_path, "--source", src, "-o", src)
    assert onto_source.exit_code == ExitCode.INPUT and "is an input file" in onto_source.stderr
    assert invoke("fix", sample_path, "-o", tmp_path).exit_code == ExitCode.INPUT  # a directory


# --- formats --------------------------------------------------------------------------------------


def test_markdown_keeps_its_markup(tmp_path):
    article = tmp_path / "talks.md"
    article.write_text(
        "# Talks in Kiev\n\nThe **Kiev** office said on Monday that talks in [Kiev](https://example.org/kiev) "
        "would resume.\n\n- Kiev will host them.\n"
    )
    result = invoke("fix", article, "--only", "style.glossary", "--config", _glossary(tmp_path))
    assert result.exit_code == ExitCode.OK, result.output
    assert result.stdout == (
        "# Talks in Kyiv\n\nThe **Kyiv** office said on Monday that talks in [Kyiv](https://example.org/kiev) "
        "would resume.\n\n- Kyiv will host them.\n"
    )


def test_html_keeps_entities_and_markup_around_the_span(tmp_path):
    article = tmp_path / "talks.html"
    html = (
        "<!doctype html>\n<html><head><title>Talks</title></head><body><article>\n"
        "<h1>Talks&nbsp;resume</h1>\n"
        "<p>The mayor of <b>Kiev</b> &amp; the council met in Kiev&#39;s old hall on Monday.</p>\n"
        "<p>The <i>Kiev</i>&nbsp;delegation left&hellip; on Tuesday.</p>\n"
        "</article></body></html>\n"
    )
    article.write_text(html)
    result = invoke("fix", article, "--only", "style.glossary", "--config", _glossary(tmp_path))
    assert result.exit_code == ExitCode.OK, result.output
    assert result.stdout == html.replace("Kiev", "Kyiv")
    # the corrected page reads back with the flags gone
    out = tmp_path / "fixed.html"
    out.write_text(result.stdout)
    assert not check(str(out), config=Config(glossary={"Kiev": "Kyiv"})).flags


def test_html_replacement_is_escaped_and_a_span_across_tags_is_skipped(tmp_path):
    html = "<html><body><p>The Kiev and Lviv office met New <i>Kiev</i> people on Monday.</p></body></html>"
    doc = _report(from_text(html, path="a.html"), Config(glossary={"Kiev": "Kyiv", "New Kiev": "Novyi Kyiv"}))
    by_text = dict(zip((f.span.text for f in doc.flags), doc.fingerprints()))
    assert "New <i>Kiev" in by_text
    result = fix_document(doc, replacements={by_text["Kiev"]: "Kyiv <&> Co"})
    assert "The Kyiv &lt;&amp;&gt; Co and Lviv" in result.text
    assert [(s.text, s.reason) for s in result.skipped] == [("New <i>Kiev", "its span crosses markup; edit it by hand")]
    assert result.text.endswith("New <i>Kiev</i> people on Monday.</p></body></html>")


def test_xliff_targets_are_fixed_and_escaped(tmp_path):
    xliff = tmp_path / "talks.xlf"
    xliff.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        ' <file source-language="hr" target-language="en" datatype="plaintext" original="talks">\n'
        "  <body>\n"
        '   <trans-unit id="t1"><source>Razgovori u Kijevu počinju u ponedjeljak.</source>'
        "<target>Talks in Kiev begin on Monday &amp; last a week.</target></trans-unit>\n"
        '   <trans-unit id="t2"><source>Kijev je domaćin.</source><target>Kiev is the host.</target></trans-unit>\n'
        "  </body>\n </file>\n</xliff>\n"
    )
    config = tmp_path / "backcheck.toml"
    config.write_text('[glossary]\nKiev = "Kyiv & region"\n')
    result = invoke("fix", xliff, "--only", "style.glossary", "--config", config, "-o", tmp_path / "out.xlf")
    assert result.exit_code == ExitCode.OK, result.output
    text = (tmp_path / "out.xlf").read_text(encoding="utf-8")
    assert text == xliff.read_text(encoding="utf-8").replace(
        "<target>Talks in Kiev", "<target>Talks in Kyiv &amp; region"
    ).replace("<target>Kiev is", "<target>Kyiv &amp; region is")
    assert "<source>Razgovori u Kijevu" in text  # sources untouched
    target, _ = load_pair(tmp_path / "out.xlf")
    assert "Talks in Kyiv & region begin on Monday & last a week." in target.text


def test_po_and_jsonl_replacements_keep_the_file_valid(tmp_path):
    po = tmp_path / "talks.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n'
        'msgid "Razgovori u Kijevu."\nmsgstr "Talks in Kiev."\n'
    )
    jsonl = tmp_path / "talks.jsonl"
    jsonl.write_text(json.dumps({"id": "1", "source": "Razgovori u Kijevu.", "target": "Talks in Kiev."}) + "\n")
    config = Config(glossary={"Kiev": 'Kyiv "K\\city"'})
    for path in (po, jsonl):
        doc = check(str(path), config=config).documents[0]
        text, applied = apply_fixes(doc)
        assert [a.before for a in applied] == ["Kiev"]
        path.write_text(text)
        assert load_pair(path)[0].text == 'Talks in Kyiv "K\\city".'


def test_an_apostrophe_written_as_a_character_reference_is_read_whole():
    # &#39; once lost its "&#3" as a control character: the paragraph read "Kiev9;s" and was dropped
    html = "<html><body><article><h1>Talks</h1><p>They met in Kiev&#39;s &#x27;old&#x27; hall&#7;.</p></article></body></html>"
    doc = from_text(html, path="a.html")
    assert doc.text.endswith("They met in Kiev's 'old' hall.") and not doc.notes


def test_a_utf8_bom_and_crlf_line_ends_are_kept(tmp_path, sample_path):
    article = tmp_path / "bom.txt"
    body = sample_path.read_text(encoding="utf-8").replace("\n", "\r\n")
    article.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    out = tmp_path / "out.txt"
    assert invoke("fix", article, "-o", out).exit_code == ExitCode.OK
    assert out.read_bytes() == b"\xef\xbb\xbf" + body.replace(" Hornova said", " Horn said").encode("utf-8")


# --- choosing, overlaps, decisions ---------------------------------------------------------------


def _report(document, config: Config | None = None) -> DocumentReport:
    from backcheck.pipeline.check import Job, check_jobs

    return check_jobs([Job(document)], config or Config()).documents[0]


def _flag(check_id, start, end, text, suggestion, severity="major") -> Flag:
    from backcheck.model.textmap import Span

    return Flag(check_id, "name", severity, "m", suggestion, Span(start, end, 1, start + 1, text), None, {}, 0, "ctx")


def test_overlapping_spans_keep_the_higher_risk_flag():
    original = "Ana Hornova and Jelena Markovića spoke."
    doc = DocumentReport(
        "a.txt",
        None,
        None,
        "en",
        False,
        None,
        {},
        [
            _flag("fact.speaker", 0, 11, "Ana Hornova", "Ana Horn", "critical"),
            _flag("name.inflected", 4, 11, "Hornova", "Horn", "major"),
            _flag("name.inflected", 23, 32, "Markovića", "Marković", "major"),
            _flag("style.x", 33, 38, "spoke", None, "minor"),
        ],
        original_text=original,
    )
    result = fix_document(doc)
    assert result.text == "Ana Horn and Jelena Marković spoke."
    assert [(a.start, a.end, a.before, a.after) for a in result.applied] == [
        (0, 11, "Ana Hornova", "Ana Horn"),
        (23, 32, "Markovića", "Marković"),
    ]
    assert [(s.text, s.reason) for s in result.skipped] == [
        ("Hornova", "overlaps «Ana Hornova» (fact.speaker), fixed instead")
    ]
    # a span that no longer points at its text (a report of another version) is never applied
    stale = DocumentReport("a.txt", None, None, "en", False, None, {}, doc.flags[1:2], original_text="Ana Horn.")
    assert fix_document(stale).text == "Ana Horn."
    with pytest.raises(InputError):
        fix_document(DocumentReport("a.txt", None, None, "en", False, None, {}, []))


def test_default_choice_is_fail_on_and_text_suggestions():
    doc = DocumentReport(
        "a.txt",
        None,
        None,
        "en",
        False,
        None,
        {},
        [
            _flag("name.inflected", 0, 3, "Ana", "Anna", "major"),
            _flag("style.x", 4, 7, "Bob", "Rob", "minor"),
            _flag("boilerplate.residue", 8, 11, "ads", REMOVE, "major"),
            _flag("name.unmatched", 12, 15, "Cid", None, "critical"),
        ],
        original_text="Ana Bob ads Cid",
    )
    assert apply_fixes(doc, choose(doc).chosen)[0] == "Anna Bob ads Cid"
    assert apply_fixes(doc, choose(doc, min_severity="minor").chosen)[0] == "Anna Rob ads Cid"
    fps = doc.fingerprints()
    accepted = {fps[1]: Decision(fps[1], "accept", replacement="Robert")}
    choice = choose(doc, decisions=accepted)
    assert fix_document(doc, choice.chosen, choice.replacements).text == "Anna Robert ads Cid"
    dismissed = {fps[0]: Decision(fps[0], "dismiss", reason="her own spelling")}
    choice = choose(doc, decisions=dismissed)
    assert fix_document(doc, choice.chosen, choice.replacements).text == "Ana Bob ads Cid"
    assert choice.notes == [
        f"left alone: «Ana» (name.inflected {fps[0][:8]}) was dismissed by an editor: her own spelling"
    ]
    assert SEVERITIES[-1] == "critical"


def _decide(path, text_of_flag: str, action: str, **kwargs) -> None:
    doc = check(str(path)).documents[0]
    fp = dict(zip((f.span.text for f in doc.flags), doc.fingerprints()))[text_of_flag]
    with DecisionStore() as store:
        store.record(article_fingerprint(doc.original_text or ""), Decision(fp, action, **kwargs), name=str(path))


def test_a_dismissed_flag_is_not_applied(tmp_path, sample_path):
    article = tmp_path / "article.txt"
    article.write_bytes(sample_path.read_bytes())
    _decide(article, "Hornova", "dismiss", reason="she signs as Hornova")
    result = invoke("fix", article, "--diff")
    assert result.exit_code == ExitCode.OK and result.stdout == ""
    assert "was dismissed by an editor: she signs as Hornova" in result.stderr
    assert "Horn said" in invoke("fix", article, "--no-decisions").stdout  # decisions ignored


def test_an_accepted_edit_replaces_the_suggestion(tmp_path, sample_path):
    article = tmp_path / "article.txt"
    article.write_bytes(sample_path.read_bytes())
    _decide(article, "Hornova", "accept", replacement="Emily Horn")
    _decide(article, '"Guardian"', "accept")  # minor, but accepted: applied
    out = invoke("fix", article).stdout
    assert '," Emily Horn said.' in out and "the Guardian points out" in out


def test_an_article_edited_after_the_decision_has_no_decisions(tmp_path, sample_path):
    article = tmp_path / "article.txt"
    article.write_bytes(sample_path.read_bytes())
    _decide(article, "Hornova", "dismiss", reason="her byline")
    article.write_text(article.read_text(encoding="utf-8").replace("Lavrov said yesterday", "Lavrov said"))
    result = invoke("fix", article, "--diff")
    assert result.exit_code == ExitCode.OK
    assert '+Sullivan "indicated' in result.stdout  # the dismissal no longer holds
    assert (
        f"holds decisions on an earlier version of {article}; the article changed since, so they are not applied"
    ) in " ".join(result.stderr.split())
    run = fix(str(article), config=Config())
    assert [a.before for a in run.result.applied] == ["Hornova"]


def test_fix_never_creates_the_store_and_reports_a_damaged_one(tmp_path, sample_path):
    assert invoke("fix", sample_path).exit_code == ExitCode.OK
    assert not default_store_path().exists()
    default_store_path().parent.mkdir(parents=True, exist_ok=True)
    default_store_path().write_bytes(b"this is not a database at all, " * 200)
    result = invoke("fix", sample_path)
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr == (
        f"backcheck: error: {default_store_path()}: not a decisions store (damaged?); move it aside to start afresh\n"
    )
