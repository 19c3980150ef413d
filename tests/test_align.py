"""Sentence alignment: beads, robustness to dropped and merged sentences, source mismatch."""

import pytest

from backcheck.formats.article import from_text
from backcheck.lang.align import align, assess

SOURCE = [
    "Vlada je u utorak usvojila budžet od 1,2 milijarde eura.",
    "Ministar finansija Nikola Marković rekao je da će plate porasti za 5 odsto.",
    "Opozicija je najavila proteste u Podgorici.",
    "Sindikati traže veće povećanje.",
    "Sjednica će se nastaviti u četvrtak.",
]
ENGLISH = [
    "The government adopted a budget of 1.2 billion euros on Tuesday.",
    "Finance Minister Nikola Marković said salaries would rise by 5 percent.",
    "The opposition announced protests in Podgorica.",
    "Trade unions are demanding a bigger increase.",
    "The session will continue on Thursday.",
]


def _docs(src_lines, en_lines):
    return from_text("\n\n".join(src_lines), lang="sr"), from_text("\n\n".join(en_lines), lang="en")


def _pairs(src_lines, en_lines):
    src, en = _docs(src_lines, en_lines)
    return [(p.source, p.target) for p in align(src, en)]


def test_one_to_one():
    assert _pairs(SOURCE, ENGLISH) == [((i,), (i,)) for i in range(5)]


def test_dropped_sentence_does_not_shift_later_pairs():
    pairs = _pairs(SOURCE, ENGLISH[:2] + ENGLISH[3:])
    assert ((2,), ()) in pairs
    assert ((3,), (2,)) in pairs and ((4,), (3,)) in pairs


def test_added_sentence():
    pairs = _pairs(
        SOURCE, ENGLISH[:1] + ["Analysts at Deutsche Bank had expected a deficit of 300 million euros."] + ENGLISH[1:]
    )
    assert ((), (1,)) in pairs
    assert ((4,), (5,)) in pairs


def test_merged_sentences():
    merged = ENGLISH[:3] + [ENGLISH[3][:-1] + ", and the session will continue on Thursday."]
    pairs = _pairs(SOURCE, merged)
    assert ((3, 4), (3,)) in pairs
    assert pairs[0] == ((0,), (0,))


def test_cyrillic_source_aligns_on_numbers_and_names():
    src = [
        "Влада је у уторак усвојила буџет од 1,2 милијарде евра.",
        "Министар финансија Никола Марковић рекао је да ће плате порасти за 5 одсто.",
    ]
    pairs = _pairs(src, ENGLISH[:2])
    assert pairs == [((0,), (0,)), ((1,), (1,))]


def test_another_article_is_a_mismatch():
    other = [
        "Real Madrid beat Barcelona 3-1 in Madrid on Sunday.",
        "Karim Benzema scored twice before 80,000 fans.",
        "Lionel Messi missed a penalty in the 67th minute.",
        "Barcelona stay third with 40 points.",
    ]
    src, en = _docs(SOURCE, other)
    verdict = assess(src, en, align(src, en))
    assert not verdict.matches and "another article" in verdict.reason
    src, en = _docs(SOURCE, ENGLISH)
    assert assess(src, en, align(src, en)).matches


def test_long_documents_align_one_to_one():
    # Speed is measured by scripts/evaluate.py (pairs/s), not by a timed test.
    src, en = _docs(SOURCE * 20, ENGLISH * 20)
    pairs = align(src, en)
    assert len(pairs) == 100
    assert all(p.kind == "1-1" for p in pairs)


def _verdict(src_lines, en_lines):
    src, en = _docs(src_lines, en_lines)
    return assess(src, en, align(src, en))


@pytest.mark.parametrize(
    "source, english",
    [
        # One sentence, most of it left out: an omission for the sentence checks, not another text.
        (
            [
                "Ministar finansija Nikola Marković predstavio je u utorak u Podgorici nacrt budžeta koji predviđa "
                "povećanje plata u javnom sektoru za 5 odsto i nova ulaganja u željeznicu."
            ],
            ["The budget was presented."],
        ),
        # One sentence with a changed number and every name in another form: still its source.
        (
            ["Gradonačelnik Zagreba Tomislav Horvat otvorio je u srijedu novi most preko Save, dug 480 metara."],
            ["On Wednesday, Zagreb Mayor Tomislav Horvat opened a new 580-metre bridge over the Sava."],
        ),
        # German capitalises every noun, and the one number was changed: no anchor is shared.
        (
            [
                "Die Stadtwerke der Landeshauptstadt versorgen seit Montag rund 400 Haushalte in Oberösterreich mit "
                "Fernwärme aus der neuen Anlage."
            ],
            [
                "The municipal utility of the Upper Austrian capital has been supplying about 500 households with "
                "district heating from the new plant since Monday."
            ],
        ),
    ],
)
def test_short_items_are_not_judged_another_article(source, english):
    lang = "de" if source[0].startswith("Die") else "sr"
    src, en = from_text("\n\n".join(source), lang=lang), from_text("\n\n".join(english), lang="en")
    assert assess(src, en, align(src, en)).matches


def test_short_text_with_no_shared_anchors_is_another_article():
    source = [
        "Vlada Crne Gore usvojila je u Podgorici budžet od 2,4 milijarde eura, a ministar Nikola Marković "
        "najavio je rast plata od 5 odsto u Baru, Nikšiću i Budvi.",
        "Opozicija iz Demokratskog fronta najavila je proteste za 12. decembar.",
    ]
    other = [
        "Real Madrid beat Barcelona 3-1 at the Bernabeu on Sunday, with Karim Benzema scoring twice "
        "before 80,000 fans and Luka Modric setting up the third.",
        "Lionel Messi missed a penalty in the 67th minute as Barcelona stay third with 40 points.",
    ]
    verdict = _verdict(source, other)
    assert not verdict.matches and "another article" in verdict.reason


def test_short_item_through_the_pipeline_gets_sentence_flags_not_a_mismatch():
    from backcheck.config import Config
    from backcheck.pipeline.check import Job, run_checks

    source = (
        "Ministar finansija Nikola Marković predstavio je u utorak u Podgorici nacrt budžeta koji predviđa "
        "povećanje plata u javnom sektoru za 5 odsto i nova ulaganja u željeznicu."
    )
    flags = run_checks(Job(from_text("The budget was presented.", lang="en"), from_text(source, lang="sr")), Config())
    checks = {f.check for f in flags}
    assert "source.mismatch" not in checks and "omission" in checks
