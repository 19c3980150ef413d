"""Negation compared across an aligned pair."""

import pytest

from _source_checks import findings
from backcheck.checks.negation import polarity


@pytest.mark.parametrize(
    "text, lang, hard",
    [
        ("Vlada ne podržava prijedlog.", "bs", 1),
        ("Niko nikada nije ništa rekao o tome.", "sr", 1),  # negative concord: one negation
        ("Nitko nije došao, a ništa nije ni rečeno.", "hr", 2),  # two clauses, two negations
        ("Ni ministar ni premijer nisu komentarisali odluku.", "sr", 1),
        ("Ministar nije želio komentirati.", "hr", 1),
        ("Министар није желео да коментарише.", "sr", 1),
        ("Nobody has ever said anything about it.", "en", 1),
        ("The minister did not comment and nobody asked.", "en", 2),  # no concord in English
        ("Nobody could not believe it.", "en", 2),
        ("The minister didn't comment, and nobody asked.", "en", 2),
        ("Neither the minister nor the premier commented.", "en", 1),
        ("The government supports the proposal.", "en", 0),
        ("Sjednica će trajati dok se ne usvoji budžet.", "bs", 0),  # "dok ... ne" is "until"
        ("The deal is No. 5 on the agenda.", "en", 0),
    ],
)
def test_negations_per_clause(text, lang, hard):
    assert polarity(text, lang).hard == hard


@pytest.mark.parametrize(
    "source, english, lang",
    [
        ("Vlada ne podržava prijedlog zakona o izborima.", "The government does not support the election bill.", "hr"),
        (
            "Ministar je odbio da komentariše navode opozicije.",
            "The minister refused to comment on the opposition's claims.",
            "sr",
        ),
        ("Premijer je odbio komentirati optužbe.", "The prime minister declined to comment on the accusations.", "hr"),
        (
            "Portparol nije želio komentarisati odluku suda.",
            "The spokesman refused to comment on the court ruling.",
            "bs",
        ),
        ("Niko od zvaničnika nije se pojavio na sjednici.", "None of the officials appeared at the session.", "bs"),
        ("Sjednica je održana bez prisustva opozicije.", "The session was held without the opposition.", "sr"),
        ("Sjednica je održana bez opozicije.", "The session was held in the opposition's absence.", "sr"),
        ("Uzrok požara još nije poznat.", "The cause of the fire is still unknown.", "hr"),
        ("Policija nije pronašla nikakve tragove.", "Police found no traces.", "sr"),
        ("Predsjednik je negirao da je znao za plan.", "The president denied knowing about the plan.", "bs"),
        (
            "Pregovori će trajati dok se ne postigne dogovor.",
            "Talks will continue until an agreement is reached.",
            "hr",
        ),
        ("Vlada podržava prijedlog.", "The government supports the proposal.", "sr"),
        # expletive negation after "dok" (until) and after a verb of fearing
        ("Ostao je na poslu sve dok avion nije sletio.", "He stayed at work until the plane had landed.", "sr"),
        ("Бојим се да то не изазове нове протесте.", "I fear it will cause new protests.", "sr"),
        # idioms: "ne samo ... već" (not only ... but), "ništa manje" (no less)
        ("Ne samo da je kasnio, već je i zaboravio ključeve.", "He was late and forgot his keys too.", "hr"),
        ("Koncert je bio ništa manje uspješan od prošlogodišnjeg.", "The concert was as good as last year's.", "bs"),
        # litotes: a negated evaluative word rendered by its antonym
        ("Put kroz planinu nije lak.", "The road through the mountains is hard going.", "hr"),
        ("Nisam bio loš u tome.", "I did well at it.", "sr"),
        # a negated comparative rendered as a superlative
        ("Nikad se nisam osjećao bolje nego danas.", "Today I feel the best I have ever felt.", "bs"),
        # lexical negation in English: scarcity, continuation, un- before a short adjective
        ("Nema dovoljno pitke vode.", "Drinking water is scarce.", "sr"),
        ("Sankcije nisu ukinute.", "The sanctions remain in place.", "hr"),
        ("Rekla je da nije sposoban za tu funkciju.", "She said he is unfit for the office.", "sr"),
        # "nedugo" (not long) against "not long"
        ("Umro je nedugo nakon izbora.", "He died not long after the election.", "hr"),
    ],
)
def test_correct_translations_are_not_flagged(source, english, lang):
    assert findings("mistranslation.negation", source, english, lang) == []


@pytest.mark.parametrize(
    "source, english, lang, flagged",
    [
        (
            "Vlada ne podržava prijedlog.",
            "The government supports the proposal.",
            "hr",
            "The government supports the proposal.",
        ),
        ("Vlada podržava prijedlog.", "The government does not support the proposal.", "hr", "not"),
        (
            "Ministar nije potpisao ugovor.",
            "The minister signed the contract.",
            "sr",
            "The minister signed the contract.",
        ),
        (
            "Опозиција неће учествовати на изборима.",
            "The opposition will take part in the elections.",
            "sr",
            "The opposition will take part in the elections.",
        ),
        ("Tužilaštvo je podiglo optužnicu.", "The prosecution never filed an indictment.", "bs", "never"),
        ("Odluka je donesena jednoglasno.", "The decision wasn't unanimous.", "hr", "wasn't"),
        # near-misses of the idiom classes: a plain negation beside them still counts
        (
            "Ministar nije potpisao ugovor dok je bio u Beogradu.",
            "The minister signed the contract while he was in Belgrade.",
            "sr",
            "The minister signed the contract while he was in Belgrade.",
        ),
        (
            "Put kroz planinu nije zatvoren.",
            "The road through the mountains is closed.",
            "hr",
            "The road through the mountains is closed.",
        ),
        # an English negative-polarity item ("still") is no rendering of the source's "bez"
        ("Most je otvoren bez odgode.", "The bridge without a delay is still not open.", "bs", "not"),
    ],
)
def test_flipped_polarity_is_flagged(source, english, lang, flagged):
    found = findings("mistranslation.negation", source, english, lang)
    assert [text for text, _ in found] == [flagged]
    assert found[0][1].source_start is not None
    assert found[0][1].detail


def test_message_names_the_source_negator_as_written():
    [(_, finding)] = findings(
        "mistranslation.negation", "Опозиција неће учествовати.", "The opposition will take part.", "sr"
    )
    assert finding.message == 'The original says "неће" (not); the English drops the negation: put the "not" back'


@pytest.mark.parametrize(
    "source, lang, english",
    [
        ("Die Regierung unterstützt den Vorschlag nicht.", "de", "The government supports the proposal."),
        ("Le gouvernement ne soutient pas la proposition.", "fr", "The government supports the proposal."),
        ("El gobierno no apoya la propuesta.", "es", "The government supports the proposal."),
        ("Rząd nie popiera propozycji.", "pl", "The government supports the proposal."),
        ("Правительство не поддерживает предложение.", "ru", "The government supports the proposal."),
    ],
)
def test_other_source_languages(source, lang, english):
    assert len(findings("mistranslation.negation", source, english, lang)) == 1


def test_unknown_source_language_is_skipped():
    assert (
        findings("mistranslation.negation", "政府不支持该提案。", "The government supports the proposal.", "zh") == []
    )


def test_skipped_without_alignment():
    assert (
        findings(
            "mistranslation.negation",
            "Vlada ne podržava prijedlog.",
            "The government supports the proposal.",
            "hr",
            alignment=None,
        )
        == []
    )


def test_montenegrin_negators_lexical_participles_and_possessive_n_words():
    from backcheck.checks.negation import polarity

    assert polarity("Odnosi nijesu samo fraza.", "cnr").hard == 1
    assert polarity("Projekat je zapeo zbog neusklađenih propisa.", "cnr").flexible == 1
    assert polarity("The Socialists were nobody's sidekick.", "en").hard == 1


@pytest.mark.parametrize(
    "source, english, lang",
    [
        # litotes: the source negator of "nisu dovoljni" is idiomatic, and the English renders it
        # with "not" while another lexical cue ("keep") stands for nothing of the source
        (
            "Plata i stan nisu dovoljni da ih zadržimo u gradu.",
            "Pay and a flat are not enough to keep them in town.",
            "hr",
        ),
        # a ne- word pairs with "not X" (nedaleko: not far; neusaglašen, which only the
        # hunspell dictionary lists: not harmonised)
        ("Nesreća se dogodila nedaleko od Valjeva.", "The accident happened not far from Valjevo.", "sr"),
        (
            "Posao stoji zbog neusaglašenih planova.",
            "The work is stalled because the plans were not harmonised.",
            "cnr",
        ),
        # "tek" (only then) rendered "not until"
        ("Nova hala biće otvorena tek 2028. godine.", "The new hall will not open until 2028.", "sr"),
        # ... contracted: "don't come back until Friday" (vraćaju se tek u petak)
        (
            "Đaci odlaze u nedjelju, a vraćaju se tek u petak.",
            "Pupils leave on Sunday and don't come back until Friday.",
            "hr",
        ),
        # "nije za popravku" rendered "beyond repair"
        (
            "Stari most nije za popravku, rekao je inženjer.",
            "The old bridge is beyond repair, the engineer said.",
            "bs",
        ),
    ],
)
def test_idiomatic_and_prefixed_negations_pair_with_not(source, english, lang):
    assert findings("mistranslation.negation", source, english, lang) == []


@pytest.mark.parametrize(
    "source, english",
    [
        # a ne- adjective the English renders by its translation ("useless") stands for no "not"
        (
            "Teren je bio neupotrebljiv, pa je utakmica odgođena.",
            "The pitch was useless, so the match was not postponed.",
        ),
        # a ne- noun is rendered by a noun ("independence"), never by "not" + adjective
        ("Stranka za nezavisnost je osvojila tri mandata.", "The independence party did not win three seats."),
    ],
)
def test_an_added_not_beside_a_rendered_prefixed_word_is_flagged(source, english):
    flags = findings("mistranslation.negation", source, english, "hr")
    assert [text for text, _ in flags] == ["not"]


def test_an_unrendered_prefixed_adjective_still_pairs_with_not():
    # near-miss of the above: "neupotrebljiv" rendered "not usable" is the source's negation
    source = "Teren je bio neupotrebljiv, pa je utakmica odgođena."
    assert (
        findings("mistranslation.negation", source, "The pitch was not usable, so the match was postponed.", "hr") == []
    )


def test_an_added_not_beside_a_paired_lexical_cue_is_still_flagged():
    # near-miss: "bez" pairs with "without", so the added "not" has nothing of the source to render
    flags = findings(
        "mistranslation.negation",
        "Sastanak je održan bez novinara.",
        "The meeting was not held without journalists.",
        "hr",
    )
    assert [text for text, _ in flags] == ["not"]


def test_a_lexical_cue_translating_a_plain_source_noun_renders_no_negator():
    # "failure" translates "kvar" (a fault), which the source states plainly: the dropped "nije"
    # has nothing in the English to stand for it
    source = "Kompanija o kvaru nije obavijestila nadležne organe."
    found = findings("mistranslation.negation", source, "The company notified the authorities of the failure.", "hr")
    assert len(found) == 1
    # near-miss: "unless" is a function word that stands for a negator ("osim ako ... ne")
    source = "Liječnici će odlaziti osim ako se plaće ne povećaju."
    english = "Doctors will keep leaving unless salaries are raised."
    assert findings("mistranslation.negation", source, english, "hr") == []


def test_a_negated_verb_of_excluding_rendered_ruled_out_is_flagged():
    source = "Guverner ne isključuje mogućnost novog povećanja kamata."
    found = findings("mistranslation.negation", source, "The governor ruled out a new rate rise.", "sr")
    assert [(t, f.suggestion) for t, f in found] == [("ruled out", "did not rule out")]
    # near-misses: the English keeps the negation, or the source excludes
    assert findings("mistranslation.negation", source, "The governor did not rule out a new rate rise.", "sr") == []
    # (also with "cannot" and a contracted "n't" on the auxiliary)
    source_can = "Ne možemo isključiti mogućnost novog povećanja kamata."
    for english in ("We cannot rule out a new rate rise.", "We can't rule out a new rate rise."):
        assert findings("mistranslation.negation", source_can, english, "sr") == []
    source = "Guverner isključuje mogućnost novog povećanja kamata."
    assert findings("mistranslation.negation", source, "The governor ruled out a new rate rise.", "sr") == []


@pytest.mark.parametrize(
    "english",
    [
        # "ban" and "im-" begin words that negate nothing (bank, imports)
        "The bank was planning to restrict imports.",
    ],
)
def test_words_that_only_begin_like_a_negation_pair_with_nothing(english):
    source = "Banka ne planira da ograniči uvoz."
    assert [t for t, _ in findings("mistranslation.negation", source, english, "sr")] == [english]


def test_none_other_than_is_emphasis_not_negation():
    source = "U finalu ih je pobijedila upravo Turska."
    english = "In the final they were beaten by none other than Turkey."
    assert findings("mistranslation.negation", source, english, "sr") == []
    # near-miss: a real "none" against a positive source
    english = "In the final none of them were beaten by Turkey."
    assert len(findings("mistranslation.negation", source, english, "sr")) == 1


def test_a_negated_quotation_rendered_without_any_negation_is_flagged_beside_another_negation():
    source = "Ilić je ocijenio da izbori „nisu u interesu nijedne stranke“, ali nije želio reći više."
    english = 'Ilić said the elections "are in the interest of every party", but declined to say more.'
    found = findings("mistranslation.negation", source, english, "hr")
    assert [t for t, _ in found] == ["are in the interest of every party"]
    right = 'Ilić said the elections "are in no party\'s interest", but declined to say more.'
    assert findings("mistranslation.negation", source, right, "hr") == []
    # near misses: two negatives and a negated question in the quotation assert, not deny
    source = "Ilić je ocijenio da je „to nije nemoguće“, ali nije želio reći više."
    english = 'Ilić said "it is possible", but declined to say more.'
    assert findings("mistranslation.negation", source, english, "hr") == []
    source = "Ilić je upitao „nije li to sjajno“, ali nije želio reći više."
    assert (
        findings("mistranslation.negation", source, 'Ilić asked "is that not great", but declined to say more.', "hr")
        == []
    )
    # near miss: the English moves the negation before the quotation
    source = "Župnik je pozvao mještane da „turizam ne pretvore u jedinu vjeru grada“."
    english = 'The priest urged locals not to "turn tourism into the only religion of the town".'
    assert findings("mistranslation.negation", source, english, "hr") == []
    # near miss: the English quotation renders the negation lexically ("rejects")
    source = "Ilić je rekao da „Vlada ne prihvata prijedlog“, ali nije želio reći više."
    english = 'Ilić said "the government rejects the proposal", but declined to say more.'
    assert findings("mistranslation.negation", source, english, "hr") == []
