"""The fact ledger: each fact of an aligned source sentence with its English counterpart and a
status (matched, changed, missing, unverified) that agrees with the flags."""

from __future__ import annotations

import json
import re

from backcheck.pipeline.check import check
from backcheck.render import render

SOURCE = (
    "Ministarka Jelena Marić rekla je u četvrtak da će grad uložiti 45 miliona evra.\n\n"
    "Radovi navodno počinju u junu, a gradnja nije odobrena.\n\n"
    "Na sastanku je bilo oko 200 ljudi.\n"
)
ENGLISH = (
    "Minister Jelena Marić said on Thursday that the city would invest 45 million euros.\n\n"
    "Works start in June, and construction has not been approved.\n\n"
    "There were 300 people at the meeting.\n"
)


def _facts(tmp_path, english: str = ENGLISH):
    (tmp_path / "en.txt").write_text(english, encoding="utf-8")
    (tmp_path / "src.txt").write_text(SOURCE, encoding="utf-8")
    report = check(str(tmp_path / "en.txt"), str(tmp_path / "src.txt"), source_lang="sr")
    doc = report.documents[0]
    return report, [f for pair in doc.facts for f in pair["facts"]]


def _by_source(facts):
    return {(f["kind"], f["source"]["text"]): f for f in facts}


def test_facts_of_the_source_with_their_status(tmp_path):
    _, facts = _facts(tmp_path)
    got = _by_source(facts)
    assert got[("date", "četvrtak")]["status"] == "matched"
    assert got[("date", "četvrtak")]["value"] == "Thursday"
    assert got[("date", "četvrtak")]["english"]["text"] == "Thursday"
    assert got[("quantity", "45 miliona")]["english"]["text"].startswith("45 million")
    assert got[("office", "Ministarka")]["status"] == "matched"
    assert got[("office", "Ministarka")]["english"]["text"] == "Minister"
    assert got[("speaker", "rekla")]["status"] == "matched"
    assert got[("negation", "nije")]["status"] == "matched"
    assert got[("negation", "nije")]["english"]["text"] == "not"
    # a dropped hedge and a changed number: the checks flagged them, the ledger says so
    hedge = got[("hedge", "navodno")]
    assert hedge["status"] == "changed" and hedge["flags"]
    amount = got[("quantity", "200")]
    assert amount["status"] == "changed" and amount["english"]["text"] == "300"


def test_a_fact_links_to_the_flags_that_report_it(tmp_path):
    report, facts = _facts(tmp_path)
    doc = report.documents[0]
    fingerprints = dict(zip(doc.fingerprints(), doc.flags))
    amount = _by_source(facts)[("quantity", "200")]
    assert {fingerprints[fp].check for fp in amount["flags"]} == {"number.mismatch"}


def test_no_ledger_without_a_source(tmp_path):
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    report = check(str(tmp_path / "en.txt"))
    assert report.documents[0].facts == []
    assert json.loads(render(report, "json"))["documents"][0]["facts"] == []


def test_ledger_in_json_and_html(tmp_path):
    report, facts = _facts(tmp_path)
    data = json.loads(render(report, "json"))["documents"][0]["facts"]
    assert [f for pair in data for f in pair["facts"]] == facts
    assert all(set(pair) == {"source", "target", "facts"} for pair in data)
    html = render(report, "html")
    assert re.search(r"Fact ledger: \d+ facts of the source \(\d+ changed", html)
    k = facts.index(_by_source(facts)[("quantity", "200")]) + 1
    # the fact is marked on both sides, and its ledger row links to both
    assert f'id="d0-fs{k}"' in html and f'id="d0-fe{k}"' in html
    assert f'href="#d0-fs{k}"' in html and f'href="#d0-fe{k}"' in html
    assert f"main:has(#d0-l{k}:target, #d0-fs{k}:target, #d0-fe{k}:target) .f-d0-{k}" in html


def test_names_are_facts_a_case_form_is_changed_and_a_dropped_name_missing(tmp_path):
    (tmp_path / "src.txt").write_text(
        "Gradonačelnik Marko Ilić sastao se u ponedjeljak u Nikšiću sa Anom Perović.\n", encoding="utf-8"
    )
    (tmp_path / "en.txt").write_text("Mayor Marko Ilić met in Nikšiću on Monday.\n", encoding="utf-8")
    report = check(str(tmp_path / "en.txt"), str(tmp_path / "src.txt"), source_lang="cnr")
    facts = {(f["kind"], f["source"]["text"]): f for pair in report.documents[0].facts for f in pair["facts"]}
    assert facts[("person", "Marko Ilić")]["status"] == "matched"
    assert facts[("person", "Marko Ilić")]["english"]["text"] == "Marko Ilić"
    assert facts[("place", "Nikšiću")]["status"] == "changed"
    assert facts[("person", "Anom Perović")]["status"] == "missing"


def _match_facts(tmp_path, source: str, english: str):
    (tmp_path / "en.txt").write_text(english, encoding="utf-8")
    (tmp_path / "src.txt").write_text(source, encoding="utf-8")
    report = check(str(tmp_path / "en.txt"), str(tmp_path / "src.txt"), source_lang="sr")
    facts = [f for pair in report.documents[0].facts for f in pair["facts"]]
    return [(f["kind"], f["source"]["text"], f["status"]) for f in facts if f["kind"] in ("result", "side")]


MATCH = (
    "Partizan je u utorak pobijedio Crvenu zvezdu sa 85:78 u Areni.\n\n"
    "Gosti su vodili do posljednje četvrtine.\n\n"
    "Na koncertu je bilo mnogo gostiju iz inostranstva.\n"
)


def test_who_won_and_which_side_are_facts_of_a_match(tmp_path):
    english = (
        "Partizan beat Crvena Zvezda 85-78 at the Arena on Tuesday.\n\n"
        "The visitors led until the last quarter.\n\n"
        "Many guests from abroad attended the concert.\n"
    )
    # the concert's guests are no side of a match
    assert _match_facts(tmp_path, MATCH, english) == [("result", "pobijedio", "matched"), ("side", "Gosti", "matched")]
    # near-miss: the result and the sides reversed are changed facts, with the flags that say so
    english = english.replace("Partizan beat Crvena Zvezda", "Crvena Zvezda beat Partizan").replace("visitors", "hosts")
    assert _match_facts(tmp_path, MATCH, english) == [("result", "pobijedio", "changed"), ("side", "Gosti", "changed")]
