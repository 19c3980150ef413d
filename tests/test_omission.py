"""Omitted and added sentences, and aligned pairs whose content differs in length."""

import pytest

from backcheck.checks.omission import ADDITION_RATIO, OMISSION_RATIO, content_letters, content_ratio

from _source_checks import findings

SOURCE = ("Vlada je usvojila budžet za narednu godinu. "
          "Opozicija je najavila proteste ispred zgrade parlamenta. "
          "Sjednica je završena kasno uveče.")
ENGLISH = ("The government adopted next year's budget. "
           "The opposition announced protests in front of the parliament building. "
           "The session ended late in the evening.")


def test_function_words_do_not_count():
    assert content_letters("the government of the country", "en") == len("government") + len("country")
    assert content_letters("Vlada je u srijedu", "bs") == len("Vlada") + len("srijedu")


@pytest.mark.parametrize("source, english, lang", [
    ("Vlada je usvojila budžet za narednu godinu, a opozicija je najavila proteste.",
     "The government adopted next year's budget, and the opposition announced protests.", "sr"),
    ("Влада је усвојила буџет за наредну годину, а опозиција је најавила протесте.",
     "The government adopted next year's budget, and the opposition announced protests.", "sr"),
    ("Premijer je nakon sastanka s predstavnicima sindikata izjavio da plaće neće biti smanjene.",
     "After meeting union representatives, the prime minister said wages would not be cut.", "hr"),
])
def test_clean_pairs_are_inside_the_calibrated_band(source, english, lang):
    ratio, _, _ = content_ratio(source, lang, english, "en")
    assert OMISSION_RATIO <= ratio <= ADDITION_RATIO


def test_faithful_translation_is_not_flagged():
    for check in ("omission", "addition"):
        assert findings(check, SOURCE, ENGLISH, "bs") == []


def test_unaligned_source_sentence_is_an_omission_at_its_neighbour():
    english = "The government adopted next year's budget. The session ended late in the evening."
    found = findings("omission", SOURCE, english, "bs", alignment=[((0,), (0,)), ((1,), ()), ((2,), (1,))])
    assert [text for text, _ in found] == ["The government adopted next year's budget."]
    finding = found[0][1]
    assert SOURCE[finding.source_start:finding.source_end] == "Opozicija je najavila proteste ispred zgrade parlamenta."


def test_unaligned_translation_sentence_is_an_addition():
    english = ENGLISH + " Observers expect a new crisis."
    found = findings("addition", SOURCE, english, "bs",
                     alignment=[((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((), (3,))])
    assert [text for text, _ in found] == ["Observers expect a new crisis."]


def test_shortened_pair_is_an_omission():
    source = ("Ministar finansija je u utorak predstavio nacrt budžeta koji predviđa povećanje plata "
              "u javnom sektoru, smanjenje poreza na dobit i nova ulaganja u željezničku infrastrukturu.")
    found = findings("omission", source, "The finance minister presented the draft budget.", "bs")
    assert len(found) == 1
    assert found[0][1].evidence["content_ratio"] < OMISSION_RATIO


def test_lengthened_pair_is_an_addition():
    source = "Ministar finansija je u utorak predstavio nacrt budžeta."
    english = ("The finance minister on Tuesday presented the draft budget, which economists immediately "
               "criticised as unrealistic, warning of rising deficits, inflationary pressure and "
               "unsustainable public borrowing.")
    found = findings("addition", source, english, "bs")
    assert len(found) == 1
    assert found[0][1].evidence["content_ratio"] > ADDITION_RATIO


def test_short_pairs_are_not_judged_by_ratio():
    assert findings("omission", "Vlada je pala nakon glasanja.", "The government fell.", "sr") == []


def test_skipped_without_alignment():
    for check in ("omission", "addition"):
        assert findings(check, SOURCE, "The government adopted the budget.", "bs", alignment=None) == []
