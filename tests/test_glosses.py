"""The FreeDict index behind backcheck.lang.glosses, on dictionaries the tests write themselves."""

from __future__ import annotations

import os

import pytest

from backcheck.lang import glosses
from backcheck.lang.glosses import Glosses, linked, read_dictd, read_mueller
from conftest import write_dictd


def test_dictd_entries_are_read_with_their_translations(tmp_path):
    write_dictd(tmp_path, "hrv-eng", {"sud": ["court", "tribunal"], "Božić": ["Christmas"]})
    entries = dict(read_dictd(tmp_path / "freedict-hrv-eng.index", tmp_path / "freedict-hrv-eng.dict.dz"))
    assert entries == {"sud": ["court", "tribunal"], "Božić": ["Christmas"]}


def test_notes_cross_references_and_tags_are_not_translations(tmp_path):
    body = "Haus /haʊs/\nhouse <n>, home [arch.]\n   Synonym: {Gebäude}\n see: {Häuser}\n(Bauwesen) ein Gebäude;\n"
    write_dictd(tmp_path, "deu-eng", {"Haus": body})
    [(head, translations)] = read_dictd(tmp_path / "freedict-deu-eng.index", tmp_path / "freedict-deu-eng.dict.dz")
    assert head == "Haus" and translations == ["house", "home"]


def test_declined_source_words_find_their_lemma():
    # the test dictionary (conftest) has sud / court and veličanstvo / majesty
    assert linked("Court", "sudom", "hr")
    assert linked("Courts", "Sudu", "sr")
    assert linked("Majesty", "Veličanstva", "hr")
    assert not linked("Court", "Sudbury", "hr")  # a three-letter stem takes a short ending only
    assert not linked("Court", "Vlada", "hr")


def test_serbian_ekavian_forms_match_ijekavian_entries():
    assert linked("White", "Bela", "sr")  # bijel → bel
    assert linked("Council", "veće", "sr")  # vijeće → veće


def test_serbian_st_matches_croatian_c():
    assert linked("Municipality", "Opština", "cnr")  # općina → opština
    assert linked("Municipality", "opštini", "sr")
    assert not linked("Municipality", "Opatija", "sr")


def test_serbian_words_find_the_croatian_twin_of_the_dictionary():
    assert linked("Jewish", "Jevrejska", "sr")  # židovski → jevrejski (sh.toml [serbian_for_croatian])
    assert linked("Jewish", "Židovska", "hr")
    assert not linked("Jewish", "Jevtić", "sr")
    # an agent noun is keyed whole: odvjetnik (lawyer) is advokat, its case forms too
    assert linked("Lawyer", "advokata", "sr")
    assert "advokatk" not in glosses.glosses("sr").stems("lawyer")  # (no "odvjetni" + k)


def test_languages_without_a_dictionary_link_nothing():
    assert glosses.glosses("pl") is None
    assert not linked("Court", "Sąd", "pl")


def test_the_index_is_rebuilt_when_the_dictionary_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("BACKCHECK_CACHE", str(tmp_path / "cache" / "cache.sqlite3"))
    write_dictd(tmp_path / "d", "hrv-eng", {"sud": ["court"]})
    assert Glosses("hbs", tmp_path / "d").linked("court", "sud")
    assert (tmp_path / "cache" / "glosses-hbs.sqlite3").is_file()
    write_dictd(tmp_path / "d", "hrv-eng", {"vijeće": ["council", "board"]})
    os.utime(tmp_path / "d" / "freedict-hrv-eng.index", (1, 1))  # a new stamp even within one second
    fresh = Glosses("hbs", tmp_path / "d")
    assert fresh.linked("council", "vijeća") and not fresh.linked("court", "sud")


def test_an_unwritable_cache_keeps_the_index_in_memory(tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache directory should be")
    monkeypatch.setenv("BACKCHECK_CACHE", str(blocked / "cache.sqlite3"))
    write_dictd(tmp_path / "d", "hrv-eng", {"fond": ["fund"]})
    assert Glosses("hbs", tmp_path / "d").linked("Fund", "Fondu")


def test_known_words_are_dictionary_words_not_names():
    g = glosses.glosses("hr")
    assert g.knows("Ministarstva") and g.knows("Vijeću")
    assert not g.knows("Kovačević")


@pytest.mark.parametrize("english, source", [("Christmas", "Božića"), ("Foundation", "Zaklade")])
def test_translated_capitalised_words_link(english, source):
    assert linked(english, source, "bs")


def test_mueller_entries_keep_the_translations_not_the_examples(tmp_path):
    body = (
        "queen\n   [kwi:n]\n   1. _n.\n      1) королева; Q's head марка с головой королевы\n"
        "      2) богиня, царица; queen of beauty королева красоты\n"
    )
    milky = "milky\n   [mIlkI] _a. молочный; M. Way _астр. Млечный Путь\n"
    write_dictd(tmp_path, "mueller", {"queen": body, "milky": milky})
    for ext in ("index", "dict.dz"):
        os.replace(tmp_path / f"freedict-mueller.{ext}", tmp_path / f"mueller7.{ext}")
    entries = dict(read_mueller(tmp_path / "mueller7.index", tmp_path / "mueller7.dict.dz"))
    assert entries["queen"] == ["королева", "богиня", "царица"]
    assert entries["milky"] == ["молочный", "Млечный Путь"]  # "M. Way" is the headword's own phrase
    # and the index links a Russian case form to the English word
    g = Glosses("ru", tmp_path)
    assert g.linked("Queen", "Korolevu") and g.linked("Milky", "Mlečnyj")
    assert not g.linked("Queen", "Krasoty")  # the example's word is not the headword's translation
