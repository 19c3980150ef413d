"""Omitted and added sentences, and aligned pairs whose content differs in length."""

import pytest

from _source_checks import findings
from backcheck.checks.omission import ADDITION_RATIO, OMISSION_RATIO, content_letters, content_ratio, unrendered_clauses

SOURCE = (
    "Vlada je usvojila budžet za narednu godinu. "
    "Opozicija je najavila proteste ispred zgrade parlamenta. "
    "Sjednica je završena kasno uveče."
)
ENGLISH = (
    "The government adopted next year's budget. "
    "The opposition announced protests in front of the parliament building. "
    "The session ended late in the evening."
)


def test_function_words_do_not_count():
    assert content_letters("the government of the country", "en") == len("government") + len("country")
    assert content_letters("Vlada je u srijedu", "bs") == len("Vlada") + len("srijedu")


@pytest.mark.parametrize(
    "source, english, lang",
    [
        (
            "Vlada je usvojila budžet za narednu godinu, a opozicija je najavila proteste.",
            "The government adopted next year's budget, and the opposition announced protests.",
            "sr",
        ),
        (
            "Влада је усвојила буџет за наредну годину, а опозиција је најавила протесте.",
            "The government adopted next year's budget, and the opposition announced protests.",
            "sr",
        ),
        (
            "Premijer je nakon sastanka s predstavnicima sindikata izjavio da plaće neće biti smanjene.",
            "After meeting union representatives, the prime minister said wages would not be cut.",
            "hr",
        ),
    ],
)
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
    assert (
        SOURCE[finding.source_start : finding.source_end] == "Opozicija je najavila proteste ispred zgrade parlamenta."
    )


def test_unaligned_translation_sentence_is_an_addition():
    english = ENGLISH + " Observers expect a new crisis."
    found = findings(
        "addition", SOURCE, english, "bs", alignment=[((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((), (3,))]
    )
    assert [text for text, _ in found] == ["Observers expect a new crisis."]


def test_shortened_pair_is_an_omission():
    source = (
        "Ministar finansija je u utorak predstavio nacrt budžeta koji predviđa povećanje plata "
        "u javnom sektoru, smanjenje poreza na dobit i nova ulaganja u željezničku infrastrukturu."
    )
    found = findings("omission", source, "The finance minister presented the draft budget.", "bs")
    assert len(found) == 1
    assert found[0][1].evidence["content_ratio"] < OMISSION_RATIO


def test_lengthened_pair_is_an_addition():
    source = "Ministar finansija je u utorak predstavio nacrt budžeta."
    english = (
        "The finance minister on Tuesday presented the draft budget, which economists immediately "
        "criticised as unrealistic, warning of rising deficits, inflationary pressure and "
        "unsustainable public borrowing."
    )
    found = findings("addition", source, english, "bs")
    assert len(found) == 1
    assert found[0][1].evidence["content_ratio"] > ADDITION_RATIO


def test_short_pairs_are_not_judged_by_ratio():
    assert findings("omission", "Vlada je pala nakon glasanja.", "The government fell.", "sr") == []


def test_skipped_without_alignment():
    for check in ("omission", "addition"):
        assert findings(check, SOURCE, "The government adopted the budget.", "bs", alignment=None) == []


# A dropped clause: the English renders the main clause and leaves out one whose names or
# numbers then have no counterpart.
DROPPED_CLAUSE = [
    (
        "Ministar unutrašnjih poslova Dragan Perić sastao se u ponedjeljak s veleposlanikom Austrije, a potom je "
        "otputovao u Bruxelles, gdje će se sastati s povjerenicom Jelenom Marković.",
        "Interior Minister Dragan Perić met the Austrian ambassador on Monday and then travelled to Brussels.",
        "hr",
        "gdje će se sastati s povjerenicom Jelenom Marković.",
    ),
    (
        "Сједница Скупштине Србије наставиће се у четвртак, када ће посланици расправљати о буџету, рекао је "
        "председник Скупштине Милан Јовановић.",
        "The session of the Serbian Assembly will continue on Thursday, when MPs will debate the budget.",
        "sr",
        "рекао је председник Скупштине Милан Јовановић.",
    ),
]


@pytest.mark.parametrize("source, english, lang, clause", DROPPED_CLAUSE)
def test_dropped_clause_is_flagged_at_the_source_clause(source, english, lang, clause):
    found = findings("omission", source, english, lang)
    assert len(found) == 1
    finding = found[0][1]
    assert finding.evidence["content_ratio"] >= OMISSION_RATIO  # the length alone would not tell
    assert source[finding.source_start : finding.source_end] == clause
    assert finding.evidence["clauses"] == [clause]


@pytest.mark.parametrize(
    "source, english, lang",
    [
        # Every clause keeps its name, number or day, in other words and another order.
        (
            "Ministar unutrašnjih poslova Dragan Perić sastao se u ponedjeljak s veleposlanikom Austrije, a potom je "
            "otputovao u Bruxelles, gdje će se sastati s povjerenicom Jelenom Marković.",
            "On Monday, Interior Minister Dragan Perić met the Austrian ambassador before flying to Brussels "
            "for talks with Commissioner Jelena Marković.",
            "hr",
        ),
        # An acronym is translated (SAD / U.S.), a place rendered by its exonym.
        (
            "Ambasador SAD-a u Sarajevu Michael Brown izjavio je da Vašington podržava reformu pravosuđa.",
            "U.S. Ambassador to Sarajevo Michael Brown said Washington supports judicial reform.",
            "bs",
        ),
        # A thousands separator and a decimal comma read under each language's convention.
        (
            "Požar je u srijedu uništio skladište u Kragujevcu, a šteta se procjenjuje na 25.000 eura, "
            "saopćila je policija.",
            "A fire destroyed a warehouse in Kragujevac on Wednesday, causing damage estimated at 25,000 euros, "
            "police said.",
            "bs",
        ),
    ],
)
def test_clauses_whose_anchors_are_rendered_are_not_flagged(source, english, lang):
    assert unrendered_clauses(source, lang, english) == []
    assert findings("omission", source, english, lang) == []


def test_unrendered_number():
    # "25.000" is twenty-five thousand in the source: an English "25" does not render it.
    source = (
        "Požar je u srijedu uništio skladište u Kragujevcu, a šteta se procjenjuje na 25.000 eura, "
        "saopćila je policija."
    )
    english = (
        "A fire destroyed a warehouse in Kragujevac on Wednesday, causing damage estimated at 25 euros, police said."
    )
    assert [source[c.start : c.end] for c in unrendered_clauses(source, "bs", english)] == [
        "a šteta se procjenjuje na 25.000 eura"
    ]


@pytest.mark.parametrize(
    "english, unrendered",
    [
        ("The government session will be held on Thursday, and the prime minister will speak afterwards.", False),
        ("The government session will be held, and the prime minister will speak afterwards.", True),
        ("The government session will be held on Wednesday, and the prime minister will speak afterwards.", True),
    ],
)
def test_a_declined_day_of_the_week_is_an_anchor(english, unrendered):
    source = "Sjednica vlade održat će se u četvrtak, a premijer će nakon nje dati izjavu."
    found = unrendered_clauses(source, "hr", english)
    assert [source[c.start : c.end] for c in found] == (
        ["Sjednica vlade održat će se u četvrtak"] if unrendered else []
    )


def test_a_long_english_sentence_has_room_for_the_clause():
    # The clause's name is rendered by a description; the English is as long as the whole source.
    source = "Vlada je usvojila zakon o porezu na dobit, koji je predložio ministar Goran Babić."
    english = "The government adopted the corporate tax law that the finance minister had proposed."
    assert unrendered_clauses(source, "hr", english)
    assert findings("omission", source, english, "hr") == []
