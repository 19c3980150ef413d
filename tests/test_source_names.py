"""Names compared across source and translation."""

import pytest

from backcheck.api import Job, run_checks
from backcheck.config import Config
from backcheck.crossnames import phonetic_key
from backcheck.document import from_text


def _flags(source, english, lang="sr"):
    return run_checks(Job(from_text(english, lang="en"), from_text(source, lang=lang)), Config())


def _checks(flags, prefix="name."):
    return {(f.check, f.span.text) for f in flags if f.check.startswith(prefix)}


@pytest.mark.parametrize("english, serbian", [
    ("Washington", "Vašington"), ("Jake", "Džejk"), ("Sullivan", "Salivan"), ("George", "Džordž"),
    ("Trump", "Trampa"), ("Chicago", "Čikago"), ("Willoughby", "Vilobi"),
])
def test_phonetic_key_joins_english_and_serbian_spellings(english, serbian):
    assert phonetic_key(english, True) == phonetic_key(serbian, False)


@pytest.mark.parametrize("source, english, lang", [
    ("Američki predsjednik Donald Tramp razgovarao je s Džejkom Salivanom u Vašingtonu.",
     "US President Donald Trump spoke with Jake Sullivan in Washington.", "sr"),
    ("Premijer Andrej Plenković doputovao je u Njemačku, a sutra putuje u Francusku.",
     "Prime Minister Andrej Plenković arrived in Germany and travels to France tomorrow.", "hr"),
    ("Премијер Ана Брнабић састала се са Емануелом Макроном у Паризу.",
     "Prime Minister Ana Brnabić met Emmanuel Macron in Paris.", "sr"),
    ("Predsjednik Srbije sastao se u ponedjeljak s predstavnicima Europske unije.",
     "The Serbian president met representatives of the European Union on Monday.", "bs"),
    ("Vlada je u četvrtak usvojila zakon koji je predložilo Ministarstvo finansija.",
     "On Thursday the Government adopted the law proposed by the Ministry of Finance.", "sr"),
])
def test_correct_translations_are_not_flagged(source, english, lang):
    assert _checks(_flags(source, english, lang)) == set()


def test_replaced_name_is_unmatched():
    flags = _flags("Ministar Nikola Marković doputovao je u Sarajevo.",
                   "Minister Petar Jovanović arrived in Sarajevo.")
    assert ("name.unmatched", "Petar Jovanović") in _checks(flags)


def test_replaced_country_is_unmatched_and_source_country_dropped():
    flags = _flags("Delegacija je u utorak otputovala u Njemačku.", "The delegation left for France on Tuesday.", "hr")
    found = _checks(flags)
    assert ("name.unmatched", "France") in found
    dropped = [f for f in flags if f.check == "name.dropped"]
    assert dropped and dropped[0].source_span.text == "Njemačku"


def test_dropped_person_points_at_source_span_in_cyrillic():
    flags = _flags("Састанку је присуствовао и министар Никола Марковић.", "The minister also attended the meeting.")
    dropped = [f for f in flags if f.check == "name.dropped"]
    # the span points into the Cyrillic original (a very common first name alone is not enough evidence)
    assert dropped and "Марковић" in dropped[0].source_span.text


def test_dropped_diacritics_are_respelled_name():
    flags = _flags("Sastanku je prisustvovao i premijer Andrej Plenković.",
                   "Prime Minister Andrej Plenkovic also attended the meeting.", "hr")
    transliterated = [f for f in flags if f.check == "name.transliterated"]
    assert transliterated and transliterated[0].suggestion == "Plenković"


def test_copied_case_form_gets_base_from_the_source():
    flags = _flags("Pozdravljam predsjednika Boruta Pahorja i ministra Ivana Kovača.",
                   "I welcome President Boruta Pahor and Minister Ivan Kovač.", "hr")
    case = [f for f in flags if f.check == "name.source_case"]
    assert [(f.span.text, f.suggestion) for f in case] == [("Boruta", "Borut")]


def test_another_article_gives_one_document_flag():
    source = "\n\n".join([
        "Vlada je u utorak usvojila budžet od 1,2 milijarde eura.",
        "Ministar finansija Nikola Marković rekao je da će plate porasti za 5 odsto.",
        "Opozicija je najavila proteste u Podgorici 14. maja.",
    ])
    english = "\n\n".join([
        "Real Madrid beat Barcelona 3-1 in Madrid on Sunday.",
        "Karim Benzema scored twice before 80,000 fans at the Bernabeu.",
        "Lionel Messi missed a penalty in the 67th minute for Barcelona.",
    ])
    flags = _flags(source, english)
    assert [f.check for f in flags if f.check.startswith(("name.", "source."))] == ["source.mismatch"]


@pytest.mark.parametrize("source, english, word, base", [
    ("Premijer se u utorak sastao s Trumpom u Bijeloj kući.", "The prime minister met Trumpom at the White House on Tuesday.",
     "Trumpom", "Trump"),
    ("Zahvaljujem se gospodu Janku Vebru na riječima.", "I thank Mr Janku Vebru for his words.", "Janku", "Jank"),
])
def test_copied_oblique_form_is_flagged(source, english, word, base):
    flags = _flags(source, english, "hr")
    case = {(f.span.text, f.suggestion) for f in flags if f.check == "name.source_case"}
    assert (word, base) in case


@pytest.mark.parametrize("source, english", [
    # Serbian adapts foreign names: single consonants, phonetic vowels; the English original is right
    ("Hamel je rekao da je prvo pomislio da je riječ o jastogu.", "Hammel said at first he thought it was a lobster."),
    ("Grejem je u ponedeljak stigao u Beograd.", "Graham arrived in Belgrade on Monday."),
    ("Sastanak u Vašingtonu vodio je Džejk Salivan.", "The meeting in Washington was chaired by Jake Sullivan."),
])
def test_serbian_adaptations_of_foreign_names_are_not_flagged(source, english):
    assert _checks(_flags(source, english)) == set()
