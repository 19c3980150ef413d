"""Source-language text left in the English."""

import pytest

from backcheck.config import Config
from backcheck.formats.article import from_text
from backcheck.pipeline.check import Job, run_checks


def _untranslated(english, source=None, lang="sr"):
    src = from_text(source, lang=lang) if source else None
    flags = run_checks(Job(from_text(english, lang="en"), src), Config())
    return [f.span.text for f in flags if f.check == "untranslated"]


@pytest.mark.parametrize(
    "source, english, expected",
    [
        (
            "Ministar je rekao da je odluka konačna i da se neće mijenjati.",
            "The minister said the odluka was final and would not be changed.",
            ["odluka"],
        ),
        (
            "Skupština je usvojila izmjene zakona o javnim nabavkama.",
            "The assembly adopted izmjene zakona on public procurement.",
            ["izmjene zakona"],
        ),
        (
            "Die Regierung hat das Gesetz bereits gestern verabschiedet.",
            "The government bereits passed the law yesterday.",
            ["bereits"],
        ),
    ],
)
def test_source_words_left_in_english(source, english, expected):
    assert _untranslated(english, source, "de" if "Regierung" in source else "hr") == expected


def test_cyrillic_in_english_is_flagged():
    assert _untranslated("The minister said the вакцина would arrive on Monday.") == ["вакцина"]


def test_sentence_identical_to_source():
    source = "Predsjednik je potpisao ukaz o proglašenju zakona."
    assert _untranslated(source, source, "hr") == [source]


def test_a_quotation_in_a_third_language_kept_by_both_is_not_untranslated():
    # the source and the English both quote the French as it is
    quote = "Nous ne céderons jamais devant la violence."
    assert _untranslated(quote, quote, "hr") == []


@pytest.mark.parametrize(
    "source, english",
    [
        (
            "Ministar Nikola Marković rekao je da je Sarajevo spremno za samit.",
            "Minister Nikola Marković said Sarajevo was ready for the summit.",
        ),
        (
            "Kompanija Telekom Srbija objavila je rezultate za 2023. godinu.",
            "Telekom Srbija published its results for 2023.",
        ),
        (
            "Izvoz je porastao za 7,4 odsto u odnosu na prošlu godinu.",
            "Exports rose by 7.4 percent compared with last year.",
        ),
    ],
)
def test_names_and_correct_translations_are_not_flagged(source, english):
    assert _untranslated(english, source, "sr") == []


def test_without_source_common_serbo_croatian_words_are_flagged():
    assert _untranslated("The government said the prijedlog would be discussed tomorrow.") == ["prijedlog"]
    assert _untranslated("The government said the proposal would be discussed tomorrow.") == []


def test_a_subject_capitalised_on_both_sides_is_a_name():
    # "Ako" is a name here, though "ako" (if) is a word of the source language
    source = "„Ako je zvao svaki dan i pitao kad se vraćamo“, rekla je njegova sestra."
    english = '"Ako was calling every day to ask when we were coming back," said his sister.'
    assert _untranslated(english, source, "sr") == []


def test_a_sentence_a_cyrillic_source_writes_in_latin_letters_is_kept_foreign():
    source = (
        "Домаћини су после тешке утакмице поново славили пред својим навијачима у суботу увече.\n"
        "Champions League: Celtic 3-0 Rangers"
    )
    english = (
        "The hosts celebrated again in front of their fans on Saturday evening after a hard game.\n"
        "Champions League: Celtic 3-0 Rangers"
    )
    assert _untranslated(english, source, "sr") == []
    # in a Latin-script source the same identity is a sentence left untranslated
    latin = "Vlada je usvojila novi zakon o porezima na imovinu."
    assert _untranslated(latin, latin, "sr") == [latin]


@pytest.mark.parametrize(
    "word,english",
    [
        ("opštini", "municipality"),
        ("Općine", "municipality"),
        ("opštinskog", "municipal"),  # the longer stem wins
        ("županije", "county"),
        ("суда", "court"),  # Cyrillic
        ("sudija", "judge"),  # not "court": the longer stem
        ("vladavina", None),  # more than a case ending after the stem
        ("Vienna", None),
    ],
)
def test_english_for_a_word_of_public_life(word, english):
    from backcheck.lang.terms import english_for

    assert english_for(word) == english


def test_untranslated_word_gets_the_english_an_editor_writes(tmp_path):
    from backcheck.pipeline.check import check

    path = tmp_path / "a.txt"
    path.write_text("The opštini council will vote on the new budget on Friday.\n", encoding="utf-8")
    flags = [f for f in check(str(path)).documents[0].flags if f.check == "untranslated"]
    assert [(f.span.text, f.suggestion) for f in flags] == [("opštini", "municipality")]
    assert flags[0].message == '"opštini" is Serbo-Croatian for "municipality": write municipality'


def test_words_of_a_multiword_name_are_not_untranslated(tmp_path):
    from backcheck.pipeline.check import check

    path = tmp_path / "a.txt"
    path.write_text(
        "The parade went down Bulevar oslobođenja to the river. The opština council met the next day.\n",
        encoding="utf-8",
    )
    flags = [f for f in check(str(path)).documents[0].flags if f.check == "untranslated"]
    assert [f.span.text for f in flags] == ["opština"]  # the street keeps its name; the council is a word


def test_a_rare_source_word_the_dictionary_glosses_is_untranslated_but_not_inside_a_name():
    flagged = _untranslated("The concert was held in the new dvorana near the river.")
    assert flagged == ["dvorana"]
    assert _untranslated("Hrvatska elektroprivreda (HEP) signed the loan agreement on Friday.") == []


def test_without_source_a_rarer_lower_case_word_english_never_writes_is_flagged():
    found = _untranslated("Opposition odbornik Dragan Ilić said the budget was unrealistic.")
    assert found == ["odbornik"]
    # near-miss: a rare English word in lower case is English (zipf above 0)
    assert _untranslated("Opposition councillor Dragan Ilić said the budget was unrealistic.") == []


def test_without_source_actual_before_an_office_is_a_false_friend():
    doc = from_text("The actual mayor of the town opened the fair. The actual cost was higher.", lang="en")
    flags = [f for f in run_checks(Job(doc, None), Config()) if f.check == "mistranslation.false_friend"]
    assert [(f.span.text, f.suggestion) for f in flags] == [("actual", "current")]


def test_a_bcms_abbreviated_title_before_a_name_is_untranslated():
    text = "Church\n\nThe new bells were blessed by vlč. Ante Matić on Sunday."
    doc = from_text(text, path="t.txt")
    found = [(f.span.text, f.suggestion) for f in run_checks(Job(doc), Config()) if f.check == "untranslated"]
    assert found == [("vlč.", "Father")]
    # near-miss: English's own abbreviated title, and the abbreviation not before a name
    near = "Church\n\nThe new bells were blessed by Mr. Ante Matić; the vlč. abbreviation is Croatian."
    doc = from_text(near, path="t.txt")
    assert [f.span.text for f in run_checks(Job(doc), Config()) if f.check == "untranslated"] == []


@pytest.mark.parametrize(
    "text, flagged",
    [
        # a BCMS word in English letters that no English word list has, from the English alone
        ("Water bills\n\nFrom March every household will pay a higher vodarina to the utility.", ["vodarina"]),
        ("Budget\n\nThe council adopted the rebalans of this year's budget on Monday.", ["rebalans"]),
        # near misses: a British -ise spelling, a name's second word, and a term given an English plural
        ("Archives\n\nThe towns will digitalise their land registers next year.", []),
        ("Energy\n\nThe contract went to Hrvatska elektroprivreda last week.", []),
        ("Shepherds\n\nThe katun is a summer settlement; three katuns remain on the plateau.", []),
    ],
)
def test_untranslated_words_in_english_letters_from_the_english_alone(text, flagged):
    assert _untranslated(text) == flagged


def test_a_term_kept_throughout_the_article_is_no_word_left():
    text = (
        "Regatta\n\nTwelve crews sailed in the traditional batana race. Each batana carried three rowers, "
        "and the oldest batana was built in 1931."
    )
    assert _untranslated(text) == []


def test_a_word_before_a_function_word_and_a_classifier_is_no_glossed_term():
    # "riznica during festival week": "festival" glosses nothing after "during"
    english = "The abbot showed visitors the riznica during festival week."
    assert _untranslated(english) == ["riznica"]
    assert _untranslated("He played the šargija for lute lovers.") == ["šargija"]
    # near miss: a classifier right after the word glosses it (the šargija lute)
    assert _untranslated("He played the šargija lute for the guests.") == []


def test_a_case_form_of_a_listed_feminine_noun_with_a_bcms_letter_is_left_in_the_source_language():
    # the dictionary lists the nominative "hladnjača"; "hladnjače" is its plural
    assert _untranslated("The hladnjače in two villages are buying raspberries at 250 dinars.") == ["hladnjače"]
    # near miss: a word with a BCMS letter no dictionary lists in any form (a name-like coinage)
    assert _untranslated("The tručkađe in two villages are buying raspberries at 250 dinars.") == []


def test_is_noun_form_reads_the_nominative_back_from_a_case_ending():
    from backcheck.lang.bcms_names import is_noun_form

    assert is_noun_form("hladnjače") and is_noun_form("hladnjačama") and is_noun_form("hladnjača")
    assert not is_noun_form("tručkađe")
