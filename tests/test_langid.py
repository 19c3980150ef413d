"""Source language and script detection, and the transliteration it relies on."""

import pytest

from backcheck.errors import InputError
from backcheck.lang.langid import detect, resolve_source_lang, same_language
from backcheck.lang.text import cyrillic_share, to_latin


@pytest.mark.parametrize(
    "text, lang, script",
    [
        (
            "Vlada je u četvrtak usvojila prijedlog zakona o proračunu za sljedeću godinu, a oporba je najavila "
            "da će glasati protiv njega u saboru.",
            {"hr", "bs", "sr"},
            "Latn",
        ),
        (
            "Влада Србије је у четвртак усвојила предлог закона о буџету за наредну годину, а опозиција је "
            "најавила да ће гласати против.",
            {"sr"},
            "Cyrl",
        ),
        (
            "The government on Thursday adopted the draft budget for next year, and the opposition said it "
            "would vote against it in parliament.",
            {"en"},
            "Latn",
        ),
        (
            "Vlada je v četrtek sprejela predlog proračuna za prihodnje leto, opozicija pa je napovedala, "
            "da bo glasovala proti.",
            {"sl"},
            "Latn",
        ),
    ],
)
def test_detect_language_and_script(text, lang, script):
    found = detect(text)
    assert found.lang in lang
    assert found.script == script


@pytest.mark.parametrize(
    "declared, detected, same",
    [
        ("cnr", "sr", True),
        ("hr", "bs", True),
        ("sr", "en", False),
        ("sr", "sl", False),
        ("de", "de", True),
    ],
)
def test_variants_count_as_one_language(declared, detected, same):
    assert same_language(declared, detected) is same


def test_resolve_rejects_unknown_code():
    with pytest.raises(InputError, match="unknown source language"):
        resolve_source_lang("xx", "tekst")


def test_auto_detects():
    assert resolve_source_lang(
        "auto",
        "Predsjednik je rekao da će se sastanak održati sljedeće sedmice u Sarajevu, gdje će razgovarati o budžetu.",
    ) in {"hr", "bs", "sr"}


@pytest.mark.parametrize(
    "cyrillic, latin",
    [
        ("Љубиша Њего", "Ljubiša Njego"),
        ("ЉУБИША", "LJUBIŠA"),
        ("Џејк Саливан", "Džejk Salivan"),
        ("Ђоковић и Ћирић", "Đoković i Ćirić"),
        ("Trump, not Трамп", "Trump, not Tramp"),
    ],
)
def test_transliteration(cyrillic, latin):
    assert to_latin(cyrillic).text == latin


def test_transliteration_maps_offsets_back():
    text = "Рекао је Љубиша Јовановић."
    t = to_latin(text)
    start = t.text.index("Ljubiša")
    a, b = t.original_range(start, start + len("Ljubiša"))
    assert text[a:b] == "Љубиша"
    assert t.latin_range(a, b) == (start, start + len("Ljubiša"))
    assert cyrillic_share(text) > 0.9
