"""Numbers, amounts, percentages and dates read with each language's conventions, and the
number checks against the source."""

import pytest

from _source_checks import findings
from backcheck.lang.numbers import extract, matches, parse_digits

NUMBER_CHECKS = ("number.mismatch", "number.missing")


def _values(text, lang):
    return [sorted(q.values, key=str) for q in extract(text, lang)]


@pytest.mark.parametrize(
    "digits, lang, first, other",
    [
        ("1.500", "sr", 1500.0, 1.5),  # thousands dot in BCMS
        ("1,500", "en", 1500.0, 1.5),  # thousands comma in English
        ("1,500", "hr", 1.5, 1500.0),  # a decimal comma in Croatian
        ("1.500", "en", 1.5, 1500.0),
    ],
)
def test_ambiguous_grouping_keeps_both_readings_own_convention_first(digits, lang, first, other):
    assert parse_digits(digits, lang) == [first, other]


@pytest.mark.parametrize(
    "digits, lang, value",
    [
        ("7,4", "sr", 7.4),
        ("2.3", "en", 2.3),
        ("1.250.000", "bs", 1250000.0),
        ("1,250,000", "en", 1250000.0),
        ("1.250,75", "hr", 1250.75),
        ("1,250.75", "en", 1250.75),
    ],
)
def test_unambiguous_numbers(digits, lang, value):
    assert parse_digits(digits, lang) == [value]


@pytest.mark.parametrize(
    "text, lang, kind, value",
    [
        ("Država je izdvojila 1,5 miliona eura.", "sr", "amount", 1_500_000.0),
        ("Vlada je izdvojila 2 milijarde dinara.", "sr", "amount", 2_000_000_000.0),
        ("Troškovi su porasli za 20 tisuća kuna.", "hr", "amount", 20_000.0),
        ("Inflacija je iznosila 7,4 odsto.", "sr", "percent", 7.4),
        ("Nezaposlenost je pala na 11,2 posto.", "hr", "percent", 11.2),
        ("Инфлација је износила 7,4 одсто.", "sr", "percent", 7.4),
        ("The fund grew by 3.5 billion dollars.", "en", "amount", 3_500_000_000.0),
        ("Turnout was 48.3 per cent.", "en", "percent", 48.3),
        ("Dvije trećine zastupnika glasalo je za.", "hr", "count", round(2 / 3, 9)),
        ("Two thirds of the deputies voted in favour.", "en", "count", round(2 / 3, 9)),
        ("Na skupu je bilo dvadeset pet hiljada ljudi.", "sr", "amount", 25_000.0),
        ("Pola stanovnika nema pristup vodi.", "bs", "count", 0.5),
        ("Uhapšeno je trinaestogodišnje dijete.", "bs", "count", 13.0),
        ("Korpa za četveročlanu porodicu je skuplja.", "bs", "count", 4.0),  # a family of four
        ("Izabrana je petočlana komisija.", "sr", "count", 5.0),
    ],
)
def test_extracts_value_and_kind(text, lang, kind, value):
    quantities = extract(text, lang)
    assert any(q.kind == kind and ("n", value) in q.values for q in quantities), quantities


@pytest.mark.parametrize(
    "text, lang, day, month",
    [
        ("Sjednica je zakazana za 11. juna.", "sr", 11, 6),
        ("Sjednica je zakazana za 11. lipnja.", "hr", 11, 6),
        ("Седница је заказана за 11. јуна.", "sr", 11, 6),
        ("Izbori su održani 3. siječnja 2021.", "hr", 3, 1),
        ("Protest je počeo 24. septembra.", "bs", 24, 9),
        ("Rok ističe 30.9.2024.", "sr", 30, 9),
        ("The session is scheduled for June 11.", "en", 11, 6),
        ("The elections were held on 3 January 2021.", "en", 3, 1),
    ],
)
def test_dates_give_day_and_month(text, lang, day, month):
    quantities = extract(text, lang)
    assert any(("month", float(month)) in q.values for q in quantities)
    assert any(q.kind == "date" and ("n", float(day)) in q.values for q in quantities)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Sastanak je zakazan za ponedjeljak.", "bs"),
        ("Ministar je u utorak posjetio Mostar.", "hr"),
        ("Ona je rekla šta misli o tome.", "sr"),
        ("Nakon što je vlada pala, ništa se nije promijenilo.", "bs"),  # "što" is not "sto" (100)
        ("Kolovoze su zatvorili zbog radova.", "sr"),  # Serbian "kolovoz" is a roadway, not August
        ("The minister may resign on Monday.", "en"),  # "may" the verb, "Monday" the weekday
    ],
)
def test_words_that_are_not_numbers(text, lang):
    # a weekday is read (a date only another weekday contradicts), but as no number
    assert [q for q in extract(text, lang) if {d for d, _ in q.values} != {"weekday"}] == []


def test_a_changed_weekday_is_a_mismatch_and_a_dropped_one_is_not_missing():
    from backcheck.lang.numbers.compare import compare

    source = extract("Vijeće je odluku donijelo u srijedu, a objavilo je u petak.", "hr")
    assert [q.values for q in source] == [frozenset({("weekday", 3.0)}), frozenset({("weekday", 5.0)})]
    changed = extract("The council decided on Wednesday and announced it on Saturday.", "en")
    assert [(s.text, t.text) for s, t in compare(source, changed, "hr")] == [("petak", "Saturday")]
    dropped = extract("The council decided on Wednesday and announced it later.", "en")
    assert compare(source, dropped, "hr") == []


def test_and_a_half_after_a_number_word_is_half_its_unit():
    assert [(q.text, q.primary) for q in extract("Milion i po maraka dalo je ministarstvo.", "sr")] == [
        ("Milion i po", ("n", 1500000.0))
    ]
    assert [q.primary for q in extract("Sjednica je trajala dva i po sata.", "hr")] == [("n", 2.5)]
    assert [q.primary for q in extract("Милион и по марака дало је министарство.", "sr")] == [("n", 1500000.0)]
    assert [q.primary for q in extract("an airport with half a million passengers", "en")] == [("n", 500000.0)]
    assert [q.primary for q in extract("aerodrom sa pola miliona putnika", "sr")] == [("n", 500000.0)]
    # near-miss: "po" as "each" after a number is no half
    assert [q.primary for q in extract("Dobili su po 100 eura.", "sr")] == [("n", 100.0)]


def test_the_adjective_of_saturday_is_the_weekday():
    from backcheck.lang.numbers.compare import compare

    source = extract("U subotnjem polufinalu Jovanović je pobijedio lako.", "sr")
    assert [q.values for q in source] == [frozenset({("weekday", 6.0)})]
    changed = extract("In Friday's semi-final Jovanović won easily.", "en")
    assert [(s.text, t.text) for s, t in compare(source, changed, "sr")] == [("subotnjem", "Friday")]
    # near-miss: the right day, and the -nji adjective of Sunday, which also means "weekly"
    assert compare(source, extract("In Saturday's semi-final Jovanović won easily.", "en"), "sr") == []
    assert extract("Izlazi nedeljni list.", "sr") == []


@pytest.mark.parametrize(
    "source, source_lang, english",
    [
        ("rast od 1,5 miliona eura", "sr", "growth of 1.5 million euros"),
        ("7,4 odsto", "sr", "7.4 percent"),
        ("oko 1.500 ljudi", "bs", "about 1,500 people"),
        ("dvije trećine birača", "hr", "two thirds of voters"),
        ("50 posto glasova", "hr", "half of the votes"),
        ("valovi visoki do 6 metara", "hr", "waves up to 20 feet high"),
        ("temperatura od 27 stupnjeva", "hr", "temperatures of 80 degrees"),
        ("u 15 časova", "sr", "at 3 p.m."),
        ("u 7.55 ujutro", "sr", "at 7.55am"),
        ("XIX vijek", "bs", "the 19th century"),
    ],
)
def test_locale_conversions_match(source, source_lang, english):
    src, tgt = extract(source, source_lang), extract(english, "en")
    assert src and tgt
    assert all(any(matches(t, s) for s in src) for t in tgt if not t.weak)


# --- the checks --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source, english, lang",
    [
        (
            "Vlada je za obnovu škola izdvojila 1,5 miliona eura.",
            "The government set aside 1.5 million euros for the renovation of schools.",
            "sr",
        ),
        ("Inflacija je u maju iznosila 7,4 odsto.", "Inflation stood at 7.4 percent in May.", "sr"),
        (
            "Sjednica Vijeća sigurnosti zakazana je za 11. juna.",
            "The Security Council session is scheduled for June 11.",
            "bs",
        ),
        (
            "Dvije trećine zastupnika podržalo je prijedlog zakona.",
            "Two thirds of the deputies supported the bill.",
            "hr",
        ),
        (
            "Na prosvjedu je bilo oko 1.500 ljudi, a policija je privela trojicu.",
            "About 1,500 people attended the protest, and police detained three.",
            "hr",
        ),
        ("Изборе је расписао 3. марта 2024. године.", "He called the elections on March 3, 2024.", "sr"),
        ("Troškovi projekta premašili su 20 tisuća kuna.", "The cost of the project exceeded 20,000 kuna.", "hr"),
        ("Jedan muškarac je povrijeđen u nesreći.", "A man was injured in the accident.", "bs"),
        ("Sastanak je zakazan za ponedjeljak u 10 sati.", "The meeting is set for Monday at 10 a.m.", "bs"),
        ("Jaz između dve zemlje mogao bi da se produbi.", "The rift between the countries could deepen.", "sr"),
        ("Milioni su napustili svoje domove.", "Millions have fled their homes.", "bs"),
        (
            "Vijeće je nakon junskog sastanka objavilo odluku.",
            "The council announced its decision after June's meeting.",
            "hr",
        ),
        # "a third" before a noun is an ordinal, before "of" a fraction
        ("Bio je to treći poraz momčadi ove sezone.", "It was a third defeat for the team this season.", "hr"),
        ("Trećina birača nije izašla na izbore.", "A third of the voters did not turn out.", "hr"),
    ],
)
def test_correct_translations_are_not_flagged(source, english, lang):
    for check in NUMBER_CHECKS:
        assert findings(check, source, english, lang) == []


@pytest.mark.parametrize(
    "source, english, lang, flagged, kind",
    [
        ("Inflacija je iznosila 7,4 odsto.", "Inflation stood at 4.7 percent.", "sr", "4.7 percent", "percent"),
        ("Sjednica je zakazana za 11. juna.", "The session is scheduled for July 11.", "bs", "July", "date"),
        ("Sjednica je zakazana za 11. juna.", "The session is scheduled for June 12.", "bs", "12", "date"),
        ("Na protestu je bilo oko 1.500 ljudi.", "About 15,000 people attended the protest.", "sr", "15,000", "count"),
        (
            "Vlada je izdvojila 1,5 miliona eura.",
            "The government set aside 15 million euros.",
            "sr",
            "15 million",
            "amount",
        ),
        ("Zakon je usvojen 2019. godine.", "The law was passed in 2018.", "hr", "2018", "year"),
        ("Uhapšena su trojica osumnjičenih.", "Four suspects were arrested.", "bs", "Four", "count"),
        ("Uhapšena su dvojica osumnjičenih.", "Three suspects were arrested.", "bs", "Three", "count"),
    ],
)
def test_changed_values_are_mismatches_with_their_kind(source, english, lang, flagged, kind):
    found = findings("number.mismatch", source, english, lang)
    assert [text for text, _ in found] == [flagged]
    finding = found[0][1]
    assert finding.evidence["kind"] == kind
    assert finding.source_start is not None


def test_number_added_in_english_is_flagged():
    found = findings("number.mismatch", "Policija je privela osumnjičenog.", "Police detained 12 suspects.", "sr")
    assert [text for text, _ in found] == ["12"]
    assert found[0][1].evidence["source_value"] is None


def test_dropped_value_is_missing_and_points_at_the_source():
    source = "Projekat vrijedan 3,2 miliona maraka završen je u petak."
    found = findings("number.missing", source, "The project was completed on Friday.", "bs")
    assert len(found) == 1
    finding = found[0][1]
    assert source[finding.source_start : finding.source_end] == "3,2 miliona"
    assert finding.evidence["kind"] == "amount"


def test_checks_are_skipped_without_alignment():
    for check in NUMBER_CHECKS:
        assert findings(check, "Inflacija je 7,4 odsto.", "Inflation is 4.7 percent.", "sr", alignment=None) == []


def test_omitted_sentence_is_not_a_number_finding():
    # a 1-0 bead belongs to the omission check
    found = findings(
        "number.missing",
        "Cijena je 5 eura. Prodaja raste.",
        "Sales are rising.",
        "bs",
        alignment=[((0,), ()), ((1,), (0,))],
    )
    assert found == []


@pytest.mark.parametrize(
    "source, lang, english, flagged",
    [
        # BCMS months are read in every form (cases, "junski"), so an added English month is a change
        (
            "Nakon junskog sastanka u Singapuru pregovori su zastali.",
            "sr",
            "After the January meeting in Singapore, talks stalled.",
            ["January"],
        ),
        ("Odluka je donesena prošlog mjeseca.", "bs", "The decision was taken in March.", ["March"]),
        # a Polish month adjective is not read, so a month without a missing partner is not judged
        ("Po wrześniowym spotkaniu rozmowy utknęły.", "pl", "After the September meeting, talks stalled.", []),
    ],
)
def test_months_added_in_english(source, lang, english, flagged):
    assert [text for text, _ in findings("number.mismatch", source, english, lang)] == flagged


def test_a_number_inside_an_english_word_accounts_for_the_source_number():
    # "fourballs": a golf format of four balls, which the source writes "četiri lopte"
    assert not findings(
        "number.missing", "Evropljani su dobili igru sa četiri lopte.", "The Europeans won the fourballs.", "hr"
    )
    # a word that merely begins like a number word counts nothing: the missing 10 is reported
    assert findings("number.missing", "Deset stanara se iselilo.", "The tenant moved out.", "hr")


def test_the_inches_of_a_height_are_part_of_it():
    # 6-foot-6 is 1.98 m; its second 6 is not a count of its own
    assert not findings(
        "number.mismatch",
        "Košarkaš visok 1,98 metara odrastao je u Baton Ružu.",
        "The 6-foot-6 forward grew up in Baton Rouge.",
        "hr",
    )


@pytest.mark.parametrize(
    "source, english",
    [
        # "4 sata" (genitive of "sat", hour) is a time of day, as "04:00" is
        ("Mladić je pronađen u subotu oko 4 sata ujutro.", "The boy was found at about 04:00 on Saturday."),
        # the number of a code counts on its own: the G7 are seven countries
        ("Na sastanku 7 najrazvijenijih zemalja razgovaralo se o trgovini.", "Trade was discussed at the G7 meeting."),
    ],
)
def test_hours_and_numbered_codes_match_their_source(source, english):
    assert not findings("number.mismatch", source, english, "hr")
    assert not findings("number.missing", source, english, "hr")


def test_a_span_of_years_written_short():
    # "1950-53" ends in 1953, as the source writes it in full
    assert not findings("number.mismatch", "Rat je trajao od 1950. do 1953. godine.", "The war lasted 1950-53.", "hr")


# --- renderings a translator uses without the same digits ---------------------------------------


@pytest.mark.parametrize(
    "source, english, lang",
    [
        # a season written with a two-digit year
        (
            "Modna kuća predstavila je kolekciju za proljeće i ljeto 2025. u Milanu.",
            "The fashion house showed its SS25 collection in Milan.",
            "hr",
        ),
        # a number word right after a number with its scale word
        (
            "Članstvo je naraslo na 2,1 milijun s 1,8 milijuna prije pet godina.",
            "Membership rose to 2.1 million from 1.8 million five years ago.",
            "hr",
        ),
        # a mixed fraction
        (
            "Bacač je ove sezone odigrao 180 i dvotrećinske izmjene.",
            "The pitcher has thrown 180 2/3 innings this season.",
            "hr",
        ),
        # a unit with the article, converted
        ("Nesreća se dogodila oko 1,5 km od škole.", "The crash happened about a mile from the school.", "sr"),
        # a temperature in Fahrenheit without its unit
        ("Na jugu zemlje očekuje se do 32 stepena.", "Highs in the 90s are expected in the south.", "sr"),
        # a quarter of an hour
        ("Domaćin je poveo u 15. minuti.", "The hosts went ahead a quarter of an hour into the match.", "hr"),
        # a multiplicative compound and a compound with a number
        ("Eksplozija je bila tristostruko jača.", "The blast was 300 times stronger.", "hr"),
        # an ordinal word and a code with a number
        ("Spomenik je podignut žrtvama Prvog svjetskog rata.", "The memorial honours the victims of WW1.", "hr"),
        ("Spomenik je podignut žrtvama I svjetskog rata.", "The memorial honours the victims of WW1.", "hr"),
        # a month capitalised against the rule after a preposition of time
        ("Izbori će biti održani u Novembru.", "The election will be held in November.", "sr"),
        # "biennial" and a two-year compound
        ("Ovo je dvogodišnji festival.", "This is a biennial festival.", "hr"),
        # a game clock in words
        ("Izjednačio je u 12. minuti i 45. sekundi.", "He equalised on 12:45.", "sr"),
        ("Izjednačio je u 31. minuti i 8. sekundi.", "He equalised on 31:08.", "sr"),
        # seven days are a week
        ("Glasanje je odgođeno za sedam dana.", "The vote was postponed for a week.", "bs"),
    ],
)
def test_renderings_without_the_same_digits_are_not_flagged(source, english, lang):
    for check in NUMBER_CHECKS:
        assert findings(check, source, english, lang) == []


@pytest.mark.parametrize(
    "source, english, lang, flagged",
    [
        (
            "Modna kuća predstavila je kolekciju za proljeće i ljeto 2025. u Milanu.",
            "The fashion house showed its SS24 collection in Milan.",
            "hr",
            "SS24",
        ),
        ("Na jugu zemlje očekuje se do 22 stepena.", "Highs in the 90s are expected in the south.", "sr", "90s"),
        ("Izjednačio je u 12. minuti i 15. sekundi.", "He equalised on 12:45.", "sr", "12:45"),
    ],
)
def test_the_same_renderings_with_another_value_are_flagged(source, english, lang, flagged):
    assert [text for text, _ in findings("number.mismatch", source, english, lang)] == [flagged]


def test_a_unit_with_the_article_does_not_cover_another_distance():
    source = "Nesreća se dogodila oko 5 km od škole."
    found = findings("number.missing", source, "The crash happened about a mile from the school.", "sr")
    assert [source[f.source_start : f.source_end] for _, f in found] == ["5"]


def test_a_compound_with_a_number_supports_one():
    assert _values("List je objavio četvorostranu reklamu.", "sr") == [[("n", 4.0)]]


def test_a_changed_rate_is_flagged_over_both_units_with_the_source_unit_as_suggestion():
    found = findings("number.mismatch", "Prinos je bio 12 tona po hektaru.", "The yield was 12 tonnes per acre.", "hr")
    assert [(t, f.suggestion) for t, f in found] == [("12 tonnes per acre", "12 tonnes per hectare")]


def test_a_score_with_a_colon_is_two_numbers():
    assert [sorted(v) for v in _values("Pobijedili su 28:25.", "hr")] == [[("n", 28.0)], [("n", 25.0)]]


@pytest.mark.parametrize(
    "source, english, changed",
    [
        ("Udari vjetra dostizali su 160 km na sat.", "Gusts reached 160 miles per hour.", True),
        ("Udari vjetra dostizali su 160 km na sat.", "Gusts reached 100 miles per hour.", False),  # converted
        # the nautical mile, with its adjective between number and noun
        ("Trajekt prelazi 26 nautičkih milja.", "The ferry covers 26 kilometres.", True),
        ("Trajekt prelazi 26 nautičkih milja.", "The ferry covers 26 nautical miles.", False),
        ("Trajekt prelazi 26 nautičkih milja.", "The ferry covers 48 kilometres.", False),  # converted
        ("Požar je zahvatio 95 hektara šume.", "The fire engulfed 95 acres of forest.", True),
        ("Požar je zahvatio 95 hektara šume.", "The fire engulfed 95 hectares of forest.", False),
        ("Karta košta 20 KM.", "A ticket costs 20 kilometres.", True),  # the convertible mark, not km
        ("Karta košta 20 KM.", "A ticket costs 20 KM.", False),
        # square and cubic metres, energy, decagrams
        ("Stan ima 64 kvadratna metra.", "The flat has 64 square feet.", True),
        ("Stan ima 64 četvorna metra.", "The flat has 64 square metres.", False),
        ("Stan ima 64 m2.", "The flat has 690 square feet.", False),  # converted
        ("Potrošeno je 900 kubika vode.", "900 litres of water were used.", True),
        ("Potrošeno je 900 kubika vode.", "900 cubic metres of water were used.", False),
        ("Terminal prima milijardu prostornih metara plina.", "The terminal takes a billion cubic feet of gas.", True),
        (
            "Terminal prima milijardu prostornih metara plina.",
            "The terminal takes a billion cubic metres of gas.",
            False,
        ),
        ("Elektrana je proizvela 120 gigavat-sati.", "The plant produced 120 megawatt hours.", True),
        ("Elektrana je proizvela 120 gigavat-sati.", "The plant produced 120 GWh.", False),
        ("Dodajte 10 dekagrama sira.", "Add 10 grams of cheese.", True),
        ("Dodajte 10 dag sira.", "Add 100 grams of cheese.", False),
        # a rate is compared by both of its units
        ("Prinos je bio šest tona po hektaru.", "The yield was six tonnes per acre.", True),
        ("Prinos je bio šest tona po hektaru.", "The yield was six tonnes per hectare.", False),
        ("Prinos je bio šest tona po hektaru.", "The yield was 2.4 tonnes per acre.", False),  # converted
        ("Prinos je bio šest tona po hektaru.", "The yield was six tonnes a hectare.", False),
        ("Prinos je bio šest tona.", "The yield was six tonnes per hectare.", False),  # a rate on one side only
    ],
)
def test_a_unit_changed_without_its_number_is_a_changed_amount(source, english, changed):
    from backcheck.lang.numbers.compare import compare

    found = compare(extract(source, "bs"), extract(english, "en"), "bs")
    assert bool(found) == changed


# --- scores, currencies, separators, house style (issues 19 and 20) ------------------------------


@pytest.mark.parametrize(
    ("source", "english"),
    [
        ("Vaterpolisti Jadrana pobijedili su Mornar 14:13.", "Jadran's water polo players beat Mornar 14-13."),
        ("Rukometašice su izgubile 27:31 u Varaždinu.", "The handball players lost 27-31 in Varaždin."),
        ("Vaterpolisti Jadrana pobijedili su Mornar 14:13.", "Jadran's water polo players beat Mornar 14:13."),
    ],
)
def test_a_score_is_not_read_as_a_time(source, english):
    assert findings("number.mismatch", source, english, "hr") == []
    assert findings("number.missing", source, english, "hr") == []


def test_a_changed_score_is_still_flagged_and_a_time_stays_a_time():
    found = findings("number.mismatch", "Jadran je pobijedio 14:13.", "Jadran won 14-12.", "hr")
    assert [t for t, _ in found] == ["12"]
    found = findings("number.mismatch", "Sjednica počinje u 14:15.", "The session begins at 14:51.", "hr")
    assert [(t, f.suggestion) for t, f in found] == [("14:51", "2:15 p.m.")]


@pytest.mark.parametrize(
    ("source", "english", "flagged", "suggestion"),
    [
        ("Kazna iznosi 300 dinara.", "The fine is 300 euros.", "300 euros", "300 dinars"),
        ("Projekat vrijedi 2 miliona eura.", "The project is worth $2 million.", "$2 million", "€2 million"),
        ("Taksa je 40 KM.", "The fee is 40 kilometres.", "40 kilometres", None),
    ],
)
def test_an_amount_in_another_currency_is_a_changed_amount(source, english, flagged, suggestion):
    found = findings("number.mismatch", source, english, "bs")
    assert [(t, f.suggestion) for t, f in found] == [(flagged, suggestion)]
    assert found[0][1].detail


def test_the_same_currency_in_two_spellings_matches():
    assert findings("number.mismatch", "Kazna je 50.000 dinara.", "The fine is 50,000 dinars (RSD).", "sr") == []
    assert findings("number.mismatch", "Taksa je 40 KM.", "The fee is 40 convertible marks.", "bs") == []


@pytest.mark.parametrize(
    ("english", "flagged", "suggestion"),
    [
        ("The farm covers 1.450 hectares.", "1.450", "1,450"),
        ("Prices rose by 5,2 cents.", "5,2", "5.2"),
        ("The state paid 12.500.000 dinars.", "12.500.000", "12,500,000"),
    ],
)
def test_a_separator_of_the_source_kept_in_english(english, flagged, suggestion):
    found = findings("number.separator", None, english, alignment=None)
    assert [(t, f.suggestion) for t, f in found] == [(flagged, suggestion)]


@pytest.mark.parametrize(
    "english", ["The farm covers 1,450 hectares.", "Version 2.0.1 was released.", "It grew 1.45 percent."]
)
def test_english_separators_are_no_separator_finding(english):
    assert findings("number.separator", None, english, alignment=None) == []


def test_house_style_renders_numbers_as_news_copy_does():
    from backcheck.lang.numbers.house_style import render_number, render_time, render_weekday

    assert render_number(7) == "seven" and render_number(7, "km") == "7 km"
    assert render_number(1450) == "1,450" and render_number(1_500_000) == "1.5 million"
    assert render_number(5.2, "percent") == "5.2 percent" and render_number(2e6, "EUR") == "€2 million"
    assert render_number(300, "RSD") == "300 dinars" and render_weekday(2) == "Tuesday"
    assert render_time(15 * 60) == "3 p.m." and render_time(9 * 60 + 30) == "9:30 a.m."


def test_a_changed_weekday_is_suggested_as_the_english_weekday():
    found = findings("number.mismatch", "Sastanak je u utorak.", "The meeting is on Thursday.", "sr")
    assert [(t, f.suggestion) for t, f in found] == [("Thursday", "Tuesday")]


def test_a_missing_code_is_reported_as_written():
    found = findings("number.missing", "Model A4 je skup.", "The model is expensive.", "hr")
    assert len(found) == 1 and "A4" in found[0][1].message


def test_a_unit_changed_before_a_conversion_in_brackets_is_flagged_on_the_number_and_unit():
    from _source_checks import findings

    found = findings(
        "number.mismatch", "Staza je duga 200 km (124 milje).", "The track is 200 miles (124 miles) long.", "hr"
    )
    assert [t for t, _ in found] == ["200 miles"]
    assert (
        findings("number.mismatch", "Staza je duga 200 km (124 milje).", "The track is 200 km (124 miles) long.", "hr")
        == []
    )


@pytest.mark.parametrize(
    "english,flagged",
    [
        ("The municipality paid 6,500 km for the playground.", ["km"]),
        ("He was fined 500 km by the court.", ["km"]),
        ("Salaries of 1.2 million km were owed to the workers.", ["km"]),
        ("The new road is 6.5 km long and cost 4 million KM.", []),  # a distance; money written KM
        ("The convoy travelled 300 km to the border.", []),
    ],
)
def test_currency_code_read_as_kilometres(tmp_path, english, flagged):
    from backcheck.pipeline.check import check

    path = tmp_path / "a.txt"
    path.write_text(english + "\n", encoding="utf-8")
    flags = [f for f in check(str(path)).documents[0].flags if f.check == "number.currency_unit"]
    assert [f.span.text for f in flags] == flagged
    assert all(f.suggestion == "KM" and f.severity == "critical" for f in flags)


def test_suggested_numbers_follow_the_house_style(tmp_path):
    from backcheck.config import Config
    from backcheck.pipeline.check import check

    (tmp_path / "src.txt").write_text("Uhapšena su četiri osumnjičena.\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("Five suspects were arrested.\n", encoding="utf-8")

    def suggestion(config):
        report = check(str(tmp_path / "en.txt"), str(tmp_path / "src.txt"), source_lang="sr", config=config)
        return [f.suggestion for f in report.documents[0].flags if f.check == "number.mismatch"]

    assert suggestion(Config()) == ["four"]  # AP: one to nine in words
    assert suggestion(Config(thresholds={"number_words_below": 0})) == ["4"]  # a house that writes digits


def test_a_croatian_month_that_is_also_a_common_word_is_rendered_by_its_english_month():
    source = "Rekordan kolovoz na obali: stiglo je više gostiju nego ikad."
    english = "A record August on the coast: more guests arrived than ever."
    assert findings("number.mismatch", source, english, "hr") == []
    # another month is still another date
    assert [t for t, _ in findings("number.mismatch", source, english.replace("August", "June"), "hr")] == ["June"]


def test_a_first_name_that_is_also_a_month_opens_a_headline_without_being_a_date():
    source = "Marta Kos u Podgorici: reforme su ključ"
    english = "Marta Kos in Podgorica: reforms are key"
    assert findings("number.missing", source, english, "cnr") == []


def test_a_compound_ordinal_in_words_is_one_number():
    source = "Trideset drugi festival pozorišta otvara se u subotu."
    assert findings("number.mismatch", source, "The 32nd theatre festival opens on Saturday.", "sr") == []
    found = findings("number.mismatch", source, "The 31st theatre festival opens on Saturday.", "sr")
    assert [t for t, _ in found] == ["31st"]


def test_a_number_word_as_an_acronym_or_inside_a_name_is_no_number():
    assert (
        findings("number.missing", "Bolnica dobija PET skener.", "The hospital is getting a PET scanner.", "cnr") == []
    )
    source = "Obnova šetališta Pet Danica počinje u maju."
    assert findings("number.missing", source, "Work on the Pet Danica promenade starts in May.", "cnr") == []


def test_a_range_of_hours_and_times_named_by_a_word():
    source = "Ulica će biti zatvorena od 20 do 24 sata."
    english = "The street will be closed from 8 pm to midnight."
    assert findings("number.mismatch", source, english, "bs") == []
    assert findings("number.missing", source, english, "bs") == []
    assert [t for t, _ in findings("number.mismatch", source, english.replace("8 pm", "9 pm"), "bs")] == ["9 pm"]


def test_a_month_after_for_is_a_date():
    source = "Sjednica je zakazana za mart."
    assert findings("number.missing", source, "The session is scheduled for March.", "cnr") == []
    assert [t for t, _ in findings("number.mismatch", source, "The session is scheduled for May.", "cnr")] == ["May"]


def test_a_flow_per_unit_of_time_is_compared_by_its_time_too():
    found = findings(
        "number.mismatch",
        "Protok je iznosio 210 kubnih metara u sekundi.",
        "The flow was 210 cubic metres per minute.",
        "bs",
    )
    assert [(t, f.suggestion) for t, f in found] == [("210 cubic metres per minute", "210 cubic metres per second")]
    assert (
        findings(
            "number.mismatch",
            "Protok je iznosio 210 kubnih metara u sekundi.",
            "The flow was 210 cubic metres per second.",
            "bs",
        )
        == []
    )
    assert findings("number.mismatch", "Troši 300 litara dnevno.", "It uses 300 litres a day.", "hr") == []


def test_crowns_are_told_apart_by_their_country():
    source = "Vrijednost ugovora je 3,8 milijardi norveških kruna."
    wrong = findings("number.mismatch", source, "The contract is worth 3.8 billion euros.", "cnr")
    assert [text for text, _ in wrong] == ["3.8 billion euros"]
    # near-miss: the same currency in English words
    assert findings("number.mismatch", source, "The contract is worth 3.8 billion Norwegian kroner.", "cnr") == []
    assert findings("number.mismatch", "Cijena je 200 turskih lira.", "Try it for 200 Turkish lira.", "hr") == []


def test_tenths_and_hundredths_of_a_second_are_fractions_on_both_sides():
    source = "Na strmini je izgubila tri desetinke, a u cilju je zaostala dvije stotinke."
    english = "She lost three tenths on the steep section and finished two hundredths behind."
    assert findings("number.mismatch", source, english, "hr") == []
    # near-miss: another fraction is another amount
    english = "She lost three tenths on the steep section and finished two tenths behind."
    assert [t for t, _ in findings("number.mismatch", source, english, "hr")] == ["two tenths"]


def test_a_roman_numeral_with_a_branch_letter_renders_the_number():
    source = "Dionica na Koridoru 5C bit će gotova do kraja godine."
    assert (
        findings("number.missing", source, "The section on Corridor Vc will be finished by the end of the year.", "bs")
        == []
    )
    # near-miss: with no numeral the count is missing
    assert (
        len(
            findings(
                "number.missing", source, "The section on the corridor will be finished by the end of the year.", "bs"
            )
        )
        == 1
    )


def test_may_after_a_word_in_lower_case_is_the_month():
    source = "Predsezona je bila slabija nego lani zbog kišnog svibnja, ali to nije bitno utjecalo na rezultat."
    english = "The pre-season was weaker than last year because of a rainy May, but this did not affect the result."
    assert findings("number.missing", source, english, "hr") == []
    # near-miss: the English leaves the month out
    found = findings("number.missing", source, english.replace("a rainy May", "the rain"), "hr")
    assert len(found) == 1


def test_a_changed_year_is_suggested_as_a_year_without_a_separator():
    source, english = "Radovi su trajali od 2017. do 2020. godine.", "The works lasted from 2016 to 2020."
    found = findings("number.mismatch", source, english, "sr")
    assert [(t, f.suggestion) for t, f in found] == [("2016", "2017")]
    # near miss: an amount of four digits keeps the house style's separator
    found = findings("number.mismatch", "Kupljeno je 2500 sadnica.", "They bought 2400 seedlings.", "sr")
    assert [f.suggestion for _, f in found] == ["2,500"]


def test_an_amount_in_words_keeps_its_currency():
    source = "Firma je ponudila oko devet miliona dinara."
    found = findings("number.mismatch", source, "The firm offered around nine million euros.", "sr")
    assert [(t, f.suggestion) for t, f in found] == [("nine million euros", "9 million dinars")]
    # near miss: the same amount in the same currency, in words or digits
    assert findings("number.mismatch", source, "The firm offered around nine million dinars.", "sr") == []
    assert findings("number.mismatch", source, "The firm offered around 9 million dinars.", "sr") == []
