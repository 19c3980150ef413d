"""Personal names of other languages, and the spellings Serbian transcription gives them.

Serbian (and Montenegrin, often Bosnian) writes a foreign person's name as it sounds: István
Szabó is "Ištvan Sabo", Tomasz Wójcik "Tomaš Vujcik", Giovanni Conti "Đovani Konti". An MT
system copies that spelling into English, where it must be the person's own. When no nationality
introduces the person, the name itself is the evidence: its words are, in one language's letter
rules, the Serbian spellings of that language's first names and surnames.

The names come from Faker's per-locale person providers (MIT; first names and surnames of
Hungarian, Polish, Czech, Italian, French, Spanish, Portuguese, German, Dutch, Nordic, Finnish,
Turkish, Romanian and Greek speakers), read once and kept beside the translation cache with
their Serbian spellings (the letter rules of ``sh_name_forms.toml`` [respelling] and
[foreign_letters]). Croatian and Slovene names (the same providers) are the region's own spelling
and never a transcription.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache

from backcheck.lang.text import fold
from backcheck.paths import kept

#: Faker locale -> (ISO language, the letter rules that transcribe it into Serbian)
LOCALES = {
    "hu_HU": ("hu", "hungarian"),
    "pl_PL": ("pl", "polish"),
    "cs_CZ": ("cs", "czech"),
    "sk_SK": ("sk", "czech"),
    "it_IT": ("it", "italian"),
    "fr_FR": ("fr", "french"),
    "es_ES": ("es", "spanish"),
    "pt_PT": ("pt", "portuguese"),
    "pt_BR": ("pt", "portuguese"),
    "de_DE": ("de", "german"),
    "de_AT": ("de", "german"),
    "nl_NL": ("nl", "dutch"),
    "da_DK": ("da", "nordic"),
    "no_NO": ("no", "nordic"),
    "sv_SE": ("sv", "nordic"),
    "fi_FI": ("fi", "nordic"),
    "tr_TR": ("tr", "turkish"),
    "ro_RO": ("ro", "romanian"),
    "el_GR": ("el", "greek_script"),
}
#: The region's own names: spelled as the region spells them, never a transcription.
OWN_LOCALES = ("hr_HR", "sl_SI")
#: English names, read only as written: a word that is one is no transcription (Mark, not Marc).
ENGLISH_LOCALES = ("en_US", "en_GB", "en_IE")
#: Bump when the kept table's rows change.
_FORMAT = "5"


@dataclass(frozen=True)
class Name:
    """A foreign name: as its language writes it, its language, and whether it is a first name."""

    original: str
    lang: str
    first: bool


def sounds(word: str) -> str:
    """A word folded for comparison, with the letters a transcription writes (č, ć, š, ž, đ) kept."""
    keep = str.maketrans({"č": "\x01", "ć": "\x01", "š": "\x02", "ž": "\x03", "đ": "\x04"})
    restore = str.maketrans({"\x01": "č", "\x02": "š", "\x03": "ž", "\x04": "đ"})
    return fold(word.lower().translate(keep)).translate(restore)


@cache
def _letter_rules() -> dict[str, tuple[tuple[str, str], ...]]:
    from importlib.resources import files

    text = files("backcheck.lang").joinpath("data", "sh_name_forms.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    rules = {name: tuple((a, b) for a, b in table) for name, table in data["respelling"].items()}
    rules.update({name: tuple((a, b) for a, b in table) for name, table in data["foreign_letters"].items()})
    return rules


def _apply(word: str, rules: tuple[tuple[str, str], ...]) -> str:
    table: dict[str, str] = {}
    for a, b in rules:
        table.setdefault(a, b)
    pattern = re.compile("|".join(re.escape(a) for a in table))
    return pattern.sub(lambda m: table[m.group()], word)


_DOUBLE = re.compile(r"([^\W\d_])\1")
#: A French final consonant after a vowel or r, which French does not pronounce (Barrot: Baro).
_FRENCH_SILENT = re.compile(r"(?<=[aeiour])[tdsxz]$")
#: The glide Serbian writes between i and a vowel (Kristian: Kristijan, Javier: Havijer).
_GLIDE = re.compile(r"(?<=[^aeiou]i)(?=[aeou])")


def serbian_spellings(name: str, rules_name: str) -> set[str]:
    """The Serbian spellings of a foreign name by its language's letter rules (lower case): with
    and without the glide j after i, French also without its silent final consonant or e."""
    rules = _letter_rules()
    word = name.lower()
    if rules_name == "greek_script":
        word = _apply(unicodedata.normalize("NFC", word), rules["greek_serbian"])
    else:
        word = _apply(word, rules.get(f"{rules_name}_extra", ()) + rules[rules_name])
    word = _DOUBLE.sub(r"\1", word)
    forms = {word}
    if rules_name == "french":
        forms |= {_FRENCH_SILENT.sub("", f) for f in forms}
        forms |= {f[:-1] for f in forms if len(f) > 4 and f.endswith("e")}
        forms |= {f[:-1] for f in forms if f.endswith("jer")}  # -ier: Gauthier -> Gotje
    if rules_name == "polish":  # ł as l, as Serbian usually writes it (Małgorzata: Malgožata)
        forms.add(_apply(name.lower().replace("ł", "l"), rules[rules_name]))
    else:
        forms |= {_GLIDE.sub("j", f) for f in forms}
    return {sounds(f) for f in forms if f}


def english_spelling(name: str, rules_name: str) -> str:
    """The name as English writes it: Greek romanised (ELOT 743), others as they are."""
    if rules_name != "greek_script":
        return name
    word = _apply(unicodedata.normalize("NFC", name.lower()), _letter_rules()["greek_english"])
    return word[:1].upper() + word[1:]


def _provider_names(locale: str) -> tuple[set[str], set[str]]:
    """The first names and surnames of one Faker locale (its provider's tuples or weighted dicts);
    none for a locale this Faker version lacks."""
    import importlib

    try:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    except (ImportError, AttributeError):
        return set(), set()
    first: set[str] = set()
    last: set[str] = set()
    for attr, value in vars(provider).items():
        if not isinstance(value, (tuple, list, dict)):
            continue
        if attr.startswith("first_names"):
            first |= {str(v) for v in value}
        elif attr.endswith("last_names") or attr.startswith("last_names"):
            last |= {str(v) for v in value}
    if locale == "pl_PL":  # surnames in -ski/-cki also in their feminine (Szymborski: Szymborska)
        last |= {n[:-1] + "a" for n in last if n.endswith(("ski", "cki", "dzki"))}
    return first, last


def _build() -> list[str]:
    rows = []
    for locale, (lang, rules_name) in LOCALES.items():
        first, last = _provider_names(locale)
        for names, kind in ((first, "f"), (last, "l")):
            for name in sorted(names):
                if " " in name or not name[:1].isalpha():
                    continue
                original = english_spelling(name, rules_name)
                for spelling in sorted(serbian_spellings(name, rules_name)):
                    rows.append(f"{spelling}\t{original}\t{lang}\t{kind}")
    for locale in OWN_LOCALES + ENGLISH_LOCALES:
        first, last = _provider_names(locale)
        lang = "own" if locale in OWN_LOCALES else "en"
        for names, kind in ((first, "f"), (last, "l")):
            rows += [f"{sounds(n)}\t{n}\t{lang}\t{kind}" for n in sorted(names) if " " not in n]
    return rows


@cache
def _table() -> dict[str, tuple[Name, ...]]:
    """Serbian spelling -> the foreign names it transcribes (lang "own": a name of the region)."""
    try:
        from importlib.metadata import version

        stamp = version("faker")
    except Exception:  # noqa: BLE001 - without Faker the table is empty and no name is read
        return {}
    table: dict[str, list[Name]] = {}
    # the letter rules' own digest in the name: a changed rule builds the table again
    rules = hashlib.sha1(repr(sorted(_letter_rules().items())).encode()).hexdigest()[:8]
    for row in kept(f"foreign-persons-{stamp}-{_FORMAT}-{rules}.tsv", _build):
        parts = row.split("\t")
        if len(parts) == 4:
            table.setdefault(parts[0], []).append(Name(parts[1], parts[2], parts[3] == "f"))
    return {k: tuple(v) for k, v in table.items()}


def _build_genders() -> list[str]:
    """Each first name of the foreign and English locales as it is written (Greek romanised) with
    "f" or "m" where only one of Faker's gendered lists holds it, in every locale."""
    import importlib

    seen: dict[str, set[str]] = {}
    for locale, rules_name in [*((loc, r) for loc, (_, r) in LOCALES.items()), *((loc, "") for loc in ENGLISH_LOCALES)]:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except (ImportError, AttributeError):
            continue
        for attr, gender in (("first_names_female", "f"), ("first_names_male", "m")):
            for name in getattr(provider, attr, ()):
                name = str(name)
                if " " in name or not name[:1].isalpha():
                    continue
                written = english_spelling(name, rules_name) if rules_name else name
                seen.setdefault(written.lower(), set()).add(gender)
    return [f"{name}\t{genders.pop()}" for name, genders in sorted(seen.items()) if len(genders) == 1]


@cache
def _genders() -> dict[str, str]:
    try:
        from importlib.metadata import version

        stamp = version("faker")
    except Exception:  # noqa: BLE001 - without Faker no foreign first name tells a gender
        return {}
    rows = (row.split("\t") for row in kept(f"foreign-first-name-genders-{stamp}-1.tsv", _build_genders))
    return {r[0]: r[1] for r in rows if len(r) == 2}


def foreign_gender(first_name: str) -> str:
    """ "f" or "m" for a first name other languages give one sex only, as they write it (Zsófia,
    Eleni, Lucía: "f"; Klaus: "m"); "" where none does or the lists disagree (Kim)."""
    return _genders().get(first_name.lower(), "")


def readings(word: str) -> tuple[Name, ...]:
    """The foreign names ``word`` spells as Serbian transcribes them (or as they are written); a
    hyphenated name part by part, in one language (Žan-Lik: Jean-Luc)."""
    if "-" not in word.strip("-"):
        return _table().get(sounds(word), ())
    parts = [_table().get(sounds(p), ()) for p in word.split("-")]
    langs = set.intersection(*({n.lang for n in p} for p in parts))
    return tuple(
        Name("-".join(next(n.original for n in p if n.lang == lang) for p in parts), lang, parts[0][0].first)
        for lang in sorted(langs)
    )


def as_written(word: str) -> bool:
    """Is ``word`` a name as some language writes it (the region's, English, or another)?"""
    return any(not changed(word, n.original) for n in readings(word))


def is_own_first_name(word: str) -> bool:
    """Is ``word`` a first name of the region as it writes it (Marko, Ivana)?"""
    return any(n.lang == "own" and n.first for n in readings(word))


def is_own_name(word: str) -> bool:
    """Is ``word`` a Croatian or Slovene first name or surname as the region writes it?"""
    return any(n.lang == "own" for n in readings(word))


def changed(word: str, original: str) -> bool:
    """Does ``word`` spell ``original`` otherwise than by its accents (Ištvan / István, not Gabor /
    Gábor)?"""
    return sounds(word) != sounds(original)


#: The letter rules of the languages whose names Serbian transcribes (not the shared tables,
#: the extras read with their language, or Greek's romanisation).
_TRANSCRIBED_LANGUAGES = (
    "german",
    "italian",
    "greek",
    "hungarian",
    "french",
    "spanish",
    "polish",
    "polish_soft",
    "portuguese",
    "czech",
    "nordic",
    "dutch",
    "turkish",
    "romanian",
)


def transcription_of(word: str, original: str) -> bool:
    """Is ``word`` the Serbian spelling of ``original`` by the letter rules of some language
    (Kacifas of Katsifas, Sabo of Szabó), and not the same spelling or the same with a letter
    doubled? ``original`` has none of the letters a transcription writes (č, ć, š, ž, đ)."""
    if not changed(word, original) or any(c in original.lower() for c in "čćšžđ"):
        return False
    target = sounds(word)
    doubled = {m.group(1) for m in _DOUBLE.finditer(sounds(original))}
    if _DOUBLE.sub(r"\1", sounds(original)) == target and not doubled & set("aeiou") and not as_written(original):
        # a consonant doubled in no name (Jilldiz, Jildiz): a misspelling; a doubled vowel is a
        # language's own spelling (the Dutch Groot, Grot)
        return False
    return any(target in serbian_spellings(original, rules) for rules in _TRANSCRIBED_LANGUAGES)


#: Czech and Slovak share the region's first names and most of its letters: their name counts as
#: transcribed only by a letter Serbo-Croatian lacks (Dvořáková: Dvoržakova), not by "ch", which
#: BCMS surnames write h themselves (Vlah, Mihal).
_SHARED_SLAVIC = frozenset({"cs", "sk"})
_OWN_LETTERS = re.compile(r"[řěůňťďľĺŕôä]", re.IGNORECASE)


def _south_slavic(word: str) -> bool:
    """A surname in -ić (or -ic without its accent) is a South Slav's own (Đurović, not Ďurovič)."""
    return word.lower().endswith(("ić", "ic"))


@dataclass(frozen=True)
class Transcribed:
    """A full name read as the Serbian transcription of a name of ``lang``: each transcribed word's
    index in the name with its originals."""

    lang: str
    words: tuple[tuple[int, tuple[str, ...]], ...]


def transcribed_person(words: list[str]) -> Transcribed | None:
    """The reading of a person's full name (two or three words) as a foreign person's name in
    Serbian transcription: one language whose first names and surnames explain every word, at
    least one word spelled otherwise than the language writes it and no name of the region,
    and no language that writes every word as it stands (Mikel Arteta is a Basque's own)."""
    if not 2 <= len(words) <= 3:
        return None
    options = [readings(w) for w in words]
    if any(not o for o in options):
        return _with_unknown_surname(words) if len(words) == 2 and options[0] and not options[1] else None
    langs = {n.lang for o in options for n in o} - {"own", "en"}
    for lang in sorted(langs | {"own", "en"}):
        if all(any(n.lang == lang and not changed(w, n.original) for n in o) for w, o in zip(words, options)):
            return None  # every word as this language writes it
    best = None
    for lang in sorted(langs):
        per_word = [tuple(n for n in o if n.lang == lang) for o in options]
        if not all(per_word):
            continue
        found = []
        for i, (word, names) in enumerate(zip(words, per_word)):
            if (
                all(changed(word, n.original) for n in names)
                and not as_written(word)
                and not _south_slavic(word)
                and not (lang in _SHARED_SLAVIC and not any(_OWN_LETTERS.search(n.original) for n in names))
            ):
                found.append((i, tuple(dict.fromkeys(n.original for n in names))))
        if found and (best is None or len(found) > len(best.words)):
            best = Transcribed(lang, tuple(found))
    return best


#: Endings of the region's own surnames (folded): -ski, -ov, -ev, -aš, -ija, -ač, -ac, -ak.
_SLAVIC_SURNAME_ENDINGS = ("ski", "cki", "ska", "ov", "ev", "in", "as", "ija", "ac", "ak", "ic", "ica")
#: What only a Serbian transcription writes in a foreign surname: č, ć, š, ž, đ, or a j beside a
#: vowel (Šomođi: Somogyi; Ajzenberg: Eisenberg; Kjerkegor: Kierkegaard). A surname without them
#: may be the name as its language is romanised (Kalomiris).
_TRANSCRIPTION_MARK = re.compile(r"[čćšžđ]|[aeiou]j|j[aeiou]", re.IGNORECASE)


def _with_unknown_surname(words: list[str]) -> Transcribed | None:
    """A foreign first name in Serbian transcription (Ulrih: Ulrich; Čaba: Csaba) before a surname
    no list has and that shows a transcription's letters (Ajzenberg, Šomođi): the surname was
    transcribed too (a foreign surname's transcription is in no list). Not where the first name
    is also the region's or English as written, nor by a Turkish, Czech or Slovak reading alone
    (Bosnian writes Turkish first names as its own: Dženan; Czech and Slovak share the region's);
    not a surname with a South Slav's ending, a BCMS dictionary's name, an English word or a
    place."""
    from backcheck.lang import lexicon
    from backcheck.lang.bcms_names import is_bcms_name
    from backcheck.lang.gazetteer import is_place

    first, last = words
    if "-" in last or _south_slavic(last) or is_bcms_name(last) or is_place(last):
        return None
    if fold(last).endswith(_SLAVIC_SURNAME_ENDINGS) or not _TRANSCRIPTION_MARK.search(last):
        return None  # a Slav's own surname (Trajkoski, Begaš, Hodžija), or no sign of a transcription
    if lexicon.zipf(last.lower()) >= 1.0 or len(last) < 4:
        return None
    names = [n for n in readings(first) if n.first]
    if not names or any(n.lang in ("own", "en") for n in readings(first)):
        return None
    # (not Turkish, whose first names Bosnian writes as its own: Dženan, Cenan)
    foreign = [n for n in names if n.lang not in _SHARED_SLAVIC and n.lang != "tr"]
    transcribed = {n.lang for n in foreign if changed(first, n.original)}
    if not transcribed or any(not changed(first, n.original) for n in foreign) or as_written(first):
        return None
    lang = sorted(transcribed)[0]
    originals = tuple(dict.fromkeys(n.original for n in foreign if n.lang == lang))
    return Transcribed(lang, ((0, originals), (1, ())))
