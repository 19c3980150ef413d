"""Which English words render which source names, sentence pair by sentence pair: windows over
the name beads, runs of capitalised words, two words written as one (New York / Njujork), loose
exonyms, words translated on one side and kept on the other, and the source span of a name.
"""

from __future__ import annotations

import re
from functools import cache

from backcheck.lang.glosses import linked, translations
from backcheck.lang.names.abbreviations import is_acronym
from backcheck.lang.names.beads import Bead
from backcheck.lang.names.common_words import is_common_word
from backcheck.lang.names.correspondence import correspondence
from backcheck.lang.names.exonyms import temperature_words
from backcheck.lang.names.frequency import KNOWN_SOURCE_WORD
from backcheck.lang.names.phonetic import _common_prefix
from backcheck.lang.names.tokens import Token
from backcheck.lang.text import fold, to_latin

#: Similarity (difflib ratio) from which two names beginning alike are one name (Texas / Tehase).
_LOOSE_MATCH_RATIO = 0.6
#: Share of a headline's common words that must be capitalised for it to be in title case.
_TITLE_CASE_SHARE = 0.85

#: Correspondences strong enough for two English words written as one (New York / Njujork).
WHOLE_NAME = {"same", "diacritics", "case", "phonetic"}


def bead_window(items: list[Bead], k: int, side: str, own_first: bool = False) -> list[Token]:
    """Words of bead ``k`` and its neighbours: a name may move across a sentence boundary.

    In text order, or ``own_first``: the bead's own words before its neighbours', for searches
    that stop at the first counterpart and need no order (most counterparts are there)."""
    beads = [items[k]] + items[max(0, k - 1) : k] + items[k + 1 : k + 2] if own_first else items[max(0, k - 1) : k + 2]
    return [t for bead in beads for t in getattr(bead, side)]


def spaced_runs(tokens: list[Token], text: str) -> list[list[Token]]:
    """Runs of tokens separated by one space (a multi-word name is reported once)."""
    runs: list[list[Token]] = []
    for t in tokens:
        if runs and text[runs[-1][-1].end : t.start] == " ":
            runs[-1].append(t)
        else:
            runs.append([t])
    return runs


def joined_pairs(tokens: list[Token], text: str, capitalised_only: bool = True) -> list[Token]:
    """Each pair of adjacent words written as one, as Serbian writes some two-word names
    (New York / Njujork, Los Angeles / Losanđeles) and German compounds (tie break / Tiebreak)."""
    return [
        Token(a.text + b.text.lower(), a.start, b.end, a.capitalised, a.initial, True)
        for a, b in zip(tokens, tokens[1:], strict=False)
        if (a.capitalised and b.capitalised or not capitalised_only) and text[a.end : b.start] in (" ", "-")
    ]


def loosely_same(english: Token, source: Token) -> bool:
    """Two names that begin alike and share most letters: one place under two exonyms (Cornwall /
    Cornovaglia, Texas / Tehase), one name in two romanisations. A replaced name rarely does."""
    from difflib import SequenceMatcher

    fe, fs = english.folded, source.folded
    return (
        len(fe) >= 4 and fe[0] == fs[0] and SequenceMatcher(None, fe, fs[: len(fe) + 3]).ratio() >= _LOOSE_MATCH_RATIO
    )


def renders(english: Token, source: Token, table) -> bool:
    """Does the English word render the source name? A lower-case word renders it only as a word
    derived from it or as its exonym (Turkish / Turchia); a consonant skeleton it merely shares
    with the name is chance (years / Iran)."""
    kind = correspondence(english, source, table)
    return kind is not None and (
        english.capitalised
        or kind != "phonetic"
        or (
            # a name English writes as a common word (superman / Supermenov): a long one, alike
            # from its first letters
            len(english.folded) >= 6 and english.folded[:4] == source.folded[:4]
        )
    )


def title_case(words: list[Token]) -> bool:
    """A headline in title case capitalises common words ("Bells Fall Silent as Churches Struggle")."""
    common = [t for t in words if len(t.text) >= 4 and is_common_word(t.text)]
    return len(common) >= 3 and sum(t.capitalised for t in common) >= _TITLE_CASE_SHARE * len(common)


def cognate_gloss(english: Token, source: Token, lang: str) -> bool:
    """Does the dictionary translate the source word by a word the English name is made from or
    borrowed alongside (Grand Prix / Velika nagrada: prize; Hall of Famer / Dvorana slavnih:
    famed; Bat Conservation Trust / Fond: trustee; Slavic / slovenski: Slavonic)? A name in words
    that the source translates is not a replaced name."""
    fe = english.folded
    if len(fe) < 4 or is_acronym(english.text):
        return False
    need = min(4, len(fe) - 1)
    return any(len(_common_prefix(fe, w)) >= need for w in translations(source.text, lang))


@cache
def _saints() -> dict[str, tuple[str, ...]]:
    import tomllib
    from importlib.resources import files

    text = files("backcheck.lang").joinpath("data", "sh_name_forms.toml").read_text(encoding="utf-8")
    tables = tomllib.loads(text)
    return {k: tuple(v) for section in ("saints", "feasts") for k, v in tables.get(section, {}).items()}


def saint_of(english: Token, source: Token) -> bool:
    """Is the English word a saint's English name (Elijah) and the source word that saint's BCMS
    name or feast (Ilije, Ilindan), or a word of a feast's English name and the BCMS feast (Eid,
    Kurban-bajram)? ``sh_name_forms.toml`` [saints] and [feasts]."""
    stems = _saints().get(english.folded, ())
    return bool(stems) and source.folded.startswith(stems)


def is_hashtag(t: Token, text: str) -> bool:
    """Is the word a hashtag (#MeToo)? Campaigns have a hashtag in each language (#JaIsto), so
    one hashtag renders another."""
    return t.start > 0 and text[t.start - 1] == "#"


def translated_parts(
    source: list[Token], english: list[Token], source_text: str, english_text: str, table
) -> set[tuple[int, int]]:
    """Words of a name that one side translates and the other keeps: Baja California / Donja
    Kalifornija, Nord Stream / Severni tok. Where one word of a run corresponds, the word beside
    it on the English side and the word on the same side of its counterpart are one word, if the
    source word is a common word of its language (an adjective, a noun) rather than a name or a
    place: a replaced name does not hide behind "lower" or "northern". Returns (id of the English
    word, id of the source word) pairs."""
    out: set[tuple[int, int]] = set()
    position = {id(s): i for i, s in enumerate(source)}
    for run in spaced_runs([t for t in english if t.capitalised], english_text):
        for i, t2 in enumerate(run):
            for s2 in source:
                if not (correspondence(t2, s2, table) or linked(t2.text, s2.text, table.lang)):
                    continue
                for step in (-1, 1):
                    if not (0 <= i + step < len(run)) or not (0 <= position[id(s2)] + step < len(source)):
                        continue
                    t, s = run[i + step], source[position[id(s2)] + step]
                    a, b = (s.end, s2.start) if step < 0 else (s2.end, s.start)
                    if (
                        source_text[a:b] == " "
                        and s.capitalised
                        and not s.text.isupper()
                        and s.zipf >= KNOWN_SOURCE_WORD
                        and not table.source_word(s.folded, cities=False)
                        and translations(s.text, table.lang)
                        and not any(correspondence(t, o, table) for o in source)
                    ):
                        out.add((id(t), id(s)))
    return out


#: Endings of a Serbo-Croatian relational adjective (folded) and the consonant each alternated
#: final of its stem comes from: Krk → krčki (k → č), Prag → praški (g → ž before -ski: ž+sk → šk),
#: Split → splitski, Zagreb → zagrebački (-ački). Barić et al., Hrvatska gramatika, tvorba pridjeva.
_ADJECTIVE_CASE = ("i", "a", "o", "e", "u", "og", "oga", "om", "omu", "oj", "im", "ih", "ima", "ome", "em")
_ADJECTIVE_SUFFIX = ("ack", "sk", "k")
_UNALTERNATED = {"c": ("k", "c", "t"), "s": ("g", "h", "s"), "z": ("g", "z")}


#: The suffix and case ending of a town's demonym (Podgoričani, Novosađanima, Uzdinci, Komižanka):
#: -anin/-ani (after the stem's alternated c, č, ž, đ), -ac/-ci, the feminine -ka. Barić et al.,
#: Hrvatska gramatika (2005), the etnici.
_DEMONYM = re.compile(
    r"(?:lj|j)?an(?:in|ina|inu|inom|i|a|e|ima|ka|ke|ki|ku|kom|kama)?$|(?<=[a-z])(?:ac|ca|cu|cem|ci|cima|aca)$"
)
#: A stem's final consonant as the demonym alternates it (Novi Sad: Novosađani; Podgorica: -čani).
_DEMONYM_ALTERNATION = (("dj", "d"), ("c", "k"), ("z", "g"), ("s", "h"))


def demonym_of(english: Token, source: Token) -> bool:
    """Is the capitalised source word the demonym of the place the English word (or two words
    written as one) names: "Novosađanima" / "the Novi Sad side", "Podgoričani" / "people of
    Podgorica", "Uzdinci" / "the people of Uzdin"?"""
    if not source.capitalised or len(source.folded) < 7:
        return False
    stem = _DEMONYM.sub("", source.folded)
    if len(stem) < 4 or stem == source.folded:
        return False
    name = english.folded
    stems = {stem} | {stem[: -len(a)] + b for a, b in _DEMONYM_ALTERNATION if stem.endswith(a)}
    # the place itself, or its two words written as one with the source's linking o (novosad)
    return any(name.startswith(st) and len(name) - len(st) <= 3 or _linked_compound(name, st) for st in stems)


def _linked_compound(name: str, stem: str) -> bool:
    """Is ``stem`` the two words of ``name`` (joined, a Token of :func:`joined_pairs`) written as
    the source's compound, the first one's final vowel turned into the linking o (novisad: novosad)?"""
    return any(
        name[:i][:-1] + "o" + name[i:] == stem or name[:i] + "o" + name[i:] == stem for i in range(3, len(name) - 2)
    )


#: A region named after its river: po- + the river's stem + -je, -lje (after a labial), -ina
#: (Podrinje: Drina, Potisje: Tisa, Pomoravlje: Morava, Polimlje: Lim, Posavina: Sava), in any
#: case. Barić et al., Hrvatska gramatika (2005), the names of regions made with po-.
_RIVER_REGION = re.compile(r"po([a-z]{2,}?)(?:lj|j|in)(?:e|a|u|i|om|em)$")


def river_region_of(english: Token, source: Token) -> bool:
    """Is the source word the region along the river the English word names ("the Tisa region"
    for Potisje, "the Drina valley" for Podrinje)?"""
    m = _RIVER_REGION.fullmatch(source.folded)
    name = english.folded
    if m is None or not source.capitalised or len(name) < 3:
        return False
    stem = m.group(1)
    return name in (stem, stem + "a", stem + "e") or (name.endswith("a") and name[:-1] == stem)


#: A compound adjective of place ends as adjectives of place do (srednjobosanskog, bosanskopodrinjskom).
_COMPOUND_ADJECTIVE = re.compile(r"(?:sk|ck)(?:i|a|o|e|u|og|oga|om|omu|oj|ih|im|ima)$")


def compound_part_of(english: Token, source: Token, table) -> bool:
    """Does one part of a source compound adjective of place, joined by the linking vowel o,
    render the English word ("Srednjobosanskog kantona": Central Bosnia Canton;
    "Bosanskopodrinjskom kantonu": Bosnian-Podrinje Canton)? Each part is read as a word of its
    own: the last with its ending (bosanskog, podrinjskom), the first as its nominative (bosanski)."""
    word = source.folded
    if len(word) < 10 or not source.capitalised or not _COMPOUND_ADJECTIVE.search(word):
        return False
    for i in range(4, len(word) - 5):
        if word[i] != "o":
            continue
        for part in (word[i + 1 :], word[:i] + "i"):
            if len(part) < 5:
                continue
            piece = Token(part, source.start, source.end, True, False, True)
            if table.match(english.text, part) or place_adjective_of(english, piece):
                return True
    return False


def place_adjective_of(english: Token, source: Token) -> bool:
    """Is the source word a relational adjective of the English name (Krčkom mostu / Krk
    Bridge, splitskoj luci / Split harbour)? The adjective's ending is taken off and its stem's
    alternated final consonant restored; the base must be the English word, give or take a final
    vowel (Rijeka / riječki)."""
    word, name = source.folded, english.folded
    if len(name) < 3 or not english.capitalised:
        return False
    for case in _ADJECTIVE_CASE:
        if not word.endswith(case):
            continue
        body = word[: -len(case)]
        for suffix in _ADJECTIVE_SUFFIX:
            if not body.endswith(suffix) or len(body) - len(suffix) < 2:
                continue
            stem = body[: -len(suffix)]
            bases = {stem} | {stem[:-1] + c for c in _UNALTERNATED.get(stem[-1], ())}
            if stem.endswith("elj") and len(stem) > 5:
                bases.add(stem[:-3])  # an -elj- adjective of a region (bokeljski: Boka)
            if stem.endswith("e") and len(stem) >= 4:
                bases.add(stem[:-1])  # an -eški adjective of a region (bokeški: Boka)
            if len(name) >= 4 and any(b.endswith(name) and len(b) - len(name) >= 3 for b in bases):
                return True  # a compound adjective ending in the place (bokokotorski: Kotor)
            if any(
                name == b or (name[: len(b)] == b and len(name) - len(b) == 1 and name[-1] in "aeiou") for b in bases
            ):
                return True
            # the adjective of a place English names otherwise (venecijanski / Venice: Venecija)
            if _exonym_of(stem + "a") == name or (stem.endswith("an") and _exonym_of(stem[:-2] + "a") == name):
                return True
            if _same_region_adjective(name, stem):
                return True
    return False


#: How alike an English -ian adjective's stem and the source adjective's stem must be
#: (andalusi / andaluzij: 0.82, dalmati / dalmatin: 0.93).
_REGION_ADJECTIVE_RATIO = 0.8


def _same_region_adjective(name: str, stem: str) -> bool:
    """Are an English adjective in -ian and a source adjective in -ski the same region's
    (Andalusian / andaluzijski, Dalmatian / dalmatinski)? English derives it from the region's
    Latin name (Andalusia), the source from its own (Andaluzija): the stems differ by a
    transcription, alike from their first three letters."""
    from difflib import SequenceMatcher

    if not name.endswith("ian") or len(name) < 7 or len(stem) < 5 or name[:3] != stem[:3]:
        return False
    return SequenceMatcher(None, name[:-2], stem).ratio() >= _REGION_ADJECTIVE_RATIO


def _exonym_of(source_name: str) -> str | None:
    from backcheck.lang.gazetteer import english_exonym

    english = english_exonym(source_name)
    return fold(english) if english else None


def temperature_scale(t: Token, lang: str) -> bool:
    """Celsius, Fahrenheit, Celzijusa, Цельсия: a unit that translators add or convert."""
    return any(t.folded.startswith(stem) and len(t.folded) - len(stem) <= 4 for stem in temperature_words(lang))


def source_span(text: str, tokens: list[Token]) -> tuple[int, int]:
    """The span in the source ``text`` of source tokens, which are offsets into its Latin view."""
    start, end = to_latin(text).original_range(tokens[0].start, tokens[-1].end)
    while end < len(text) and text[end] in _SILENT_SIGNS:
        end += 1  # a final soft or hard sign has no Latin letter (Путь → Put)
    return start, end


#: The Cyrillic soft and hard signs, which have no letter in the Latin view.
_SILENT_SIGNS = "ьъЬЪ"
