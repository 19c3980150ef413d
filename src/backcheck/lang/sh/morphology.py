"""South Slavic (Serbo-Croatian) name morphology, derived from the declension tables.

Foreign names in Serbian, Croatian, Bosnian and Montenegrin are declined like native nouns, and
possessives and feminine surnames are formed with adjectival suffixes. A machine translation into
English sometimes keeps such a form ("Fischerova", "Merkelu"). This module generates the endings from
the grammar rather than listing examples:

* masculine consonant stems (Fischer, Brandt): singular gen/acc -a, dat/loc -u, instr -om/-em, voc -e/-u;
  plural nom -i/-ovi/-evi, gen -a/-ova/-eva, dat/ins/loc -ima/-ovima/-evima, acc -e/-ove/-eve;
* feminine and masculine -a stems (Ana, Nikola): gen -e/-i, dat/loc -i, acc -u, instr -om, voc -o;
* possessive adjectives with -ov-/-ev- (consonant stems) and -in- (-a stems), and feminine
  surnames in -ova/-eva/-ina, each with the definite/indefinite adjectival endings
  (-, -a, -o, -og, -oga, -om, -omu, -oj, -u, -e, -i, -ih, -im, -ima).
"""

from __future__ import annotations

from functools import lru_cache

_ADJECTIVE_ENDINGS = ("", "a", "o", "og", "oga", "om", "omu", "oj", "u", "e", "i", "ih", "im", "ima")
_POSSESSIVE_INFIXES = ("ov", "ev", "in")
_CONSONANT_STEM_CASES = ("a", "u", "om", "em", "e", "i", "ovi", "evi", "ima", "ovima", "evima", "ove", "eve")
_A_STEM_CASES = ("e", "i", "u", "om", "o")


def _endings() -> tuple[tuple[str, str], ...]:
    meaning: dict[str, str] = {}
    # later entries win for an ending shared by two paradigms; the noun readings are the common ones
    for e in _ADJECTIVE_ENDINGS:
        meaning[e] = "adjectival case ending (surnames in -ova, -ski)"
    for c in _A_STEM_CASES:
        meaning[c] = "case ending of an -a stem noun"
    for c in _CONSONANT_STEM_CASES:
        meaning[c] = "case ending of a consonant-stem noun"
    for p in _POSSESSIVE_INFIXES:
        for e in _ADJECTIVE_ENDINGS:
            meaning[p + e] = "possessive adjective or feminine surname suffix"
    meaning.pop("", None)
    return tuple(sorted(meaning.items(), key=lambda t: (-len(t[0]), t[0])))


#: Every ending with what it means, longest first, so "-ovoj" is tried before "-oj".
ENDINGS: tuple[tuple[str, str], ...] = _endings()


def _glide(stem: str, ending: str) -> bool:
    """Is the stem's final j the glide of a foreign name in -y or in a vowel and -i (Kelly-j-a,
    Kauai-j-a)? After a consonant and i it is more often the language's own -ija noun (Marij-e
    of Marija), so that reading is left to the -a stem candidate."""
    return ending[:1] in ("a", "e", "i", "o", "u") and (
        stem.endswith("yj") or (stem.endswith("ij") and stem[-3:-2] in ("a", "e", "i", "o", "u"))
    )


@lru_cache(maxsize=65536)
def candidate_bases(word: str, min_stem: int = 3) -> tuple[tuple[str, str, str], ...]:
    """Possible nominative bases of an inflected name: ``(base, ending, meaning)``, longest ending first.

    For each ending the bare stem is a candidate (Fischer-ova → Fischer), and so is the stem plus -a
    (an -a stem declined: Zakharov-oj → Zakharova; Ivan-e → Ivana). A name ending in -i or -y
    takes a glide j before the ending (Kelly-j-a, Ferrari-j-u); without it is the first candidate.
    """
    out = []
    lower = word.lower()
    for ending, meaning in ENDINGS:
        if lower.endswith(ending) and len(word) - len(ending) >= min_stem:
            stem = word[: len(word) - len(ending)]
            if _glide(stem.lower(), ending) and len(stem) - 1 >= min_stem:
                out.append((stem[:-1], ending, meaning + " after the glide j"))
            if not (ending.startswith("in") and meaning.startswith("possessive")):
                # -in makes possessives of -a stems only (Ana: Anin, Krajina is no Kraj's): the
                # base is the stem and -a, below
                out.append((stem, ending, meaning))
            if not ending.startswith("a"):
                out.append((stem + "a", ending, "case ending of an -a stem or feminine surname"))
    return tuple(out)
