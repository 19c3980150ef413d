"""Who a person in an English article is, as far as the article itself says: the full names it
introduces and the gender each one's first name, title or surname shows (data:
``lang/data/sh_persons.toml``). Used to check a pronoun against the person it stands for."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from backcheck.lang.text import fold

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")


@cache
def _data() -> dict[str, Any]:
    text = files("backcheck.lang").joinpath("data", "sh_persons.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    gender: str  #: "f", "m" or "" (undecided)
    why: str  #: what told the gender ("the first name Milena", "the title spokeswoman")
    start: int  #: where the article introduces the person


def first_name_gender(name: str, surname: str = "", foreign: Callable[[str], str] | None = None) -> str:
    """ "f" for a Serbo-Croatian feminine first name (Ana, Milena), "m" for a masculine one
    (Marko, Nikola), "" when the name does not tell (Saša, or a name not Serbo-Croatian). A name
    the hunspell lists lack counts as Serbo-Croatian before a surname in -ić (Amra Čengić).
    ``foreign``: a name that is no Serbo-Croatian one tells by this function of the first names
    other languages give one sex (Zsófia, Eleni: the checks pass
    :func:`backcheck.lang.names.foreign_persons.foreign_gender`)."""
    from backcheck.lang.bcms_names import is_bcms_name, is_common_word
    from backcheck.lang.gazetteer import is_place

    data = _data()["first_names"]
    key = name.lower()
    if key in data["either"] or fold(key) in {fold(n) for n in data["either"]}:
        return ""
    if key in data["feminine_other"]:
        return "f"
    if _FEMININE_SURNAME.search(surname.lower()) or (
        key.endswith("a")
        and key not in data["masculine_a"]
        and fold(surname).endswith(_FEMININE_SURNAME_ENDINGS)
        # a common word's -a before an adjective, or a town, is a place (Republika Srpska, Stara Pazova)
        and not is_common_word(key)
        and not is_place(f"{name} {surname}")
    ):
        # a Slavic woman's surname (Kozáková, Siljanovska; Zakharova, Kowalska after an -a name):
        # the surname says what a foreign first name does not
        return "f"
    if not is_bcms_name(name) and not fold(surname).endswith("ic"):
        if foreign is not None and surname and not is_place(f"{name} {surname}") and not is_bcms_name(surname):
            # a foreign person's, by a surname the region does not write (Zsófia Szilágyi; not
            # "Amre Kovač", a BCMS name in a case)
            return foreign(name)
        return ""
    if key.endswith("a"):
        return "m" if key in data["masculine_a"] else "f"
    return "m" if key[-1] not in "aeiou" or key.endswith("o") else ""


#: Czech and Slovak women's surnames (-ová, -ská, -cká: Kozáková, Nováková), never a man's.
_FEMININE_SURNAME = re.compile(r"(?:ová|ská|cká)$")
#: Endings of women's surnames in Russian, Bulgarian, Polish and Macedonian (Zakharova, Georgieva,
#: Kowalska, Siljanovska), read as a woman's after a first name in -a that is no man's (Ilija).
_FEMININE_SURNAME_ENDINGS = ("ova", "eva", "ska", "cka")

#: Zipf frequency from which a capitalised word that is no Serbo-Croatian name is an English word
_ENGLISH_WORD = 3.5


def _english_word(word: str) -> bool:
    """ "Lawyer", "Health", "District": a common English word (wordfreq) that the BCMS name lists
    do not hold; "Maria", "Ana", "Nikola" are names."""
    from backcheck.lang import lexicon
    from backcheck.lang.bcms_names import is_bcms_name

    return lexicon.zipf(word.lower()) >= _ENGLISH_WORD and not is_bcms_name(word)


def persons(text: str, foreign: Callable[[str], str] | None = None) -> dict[str, Person]:
    """The persons an article introduces as "First Last" (optionally after a title word: "Minister
    Milena Pavlović", "Ms. Ana Kovač"), by surname. A first name that is a common English word is
    no first name ("Lawyer Jelena Marić" introduces Jelena Marić). The first introduction of a
    surname wins; a surname introduced with both genders is left undecided."""
    data = _data()
    feminine_titles, masculine_titles = set(data["titles"]["feminine"]), set(data["titles"]["masculine"])
    words = list(_WORD.finditer(text))
    found: dict[str, Person] = {}
    for i in range(len(words) - 1):
        first, last = words[i], words[i + 1]
        if not (first.group()[0].isupper() and last.group()[0].isupper()):
            continue
        if text[first.end() : last.start()] != " " or not first.group()[1:].islower():
            continue
        if i and words[i - 1].group().lower() in ("the", "a", "an"):
            continue  # "the Moravica District": a place or a thing, not a person
        title = ""
        if i and re.fullmatch(r"\.? ", text[words[i - 1].end() : first.start()]):
            title = words[i - 1].group().lower()
        titled = title in feminine_titles or title in masculine_titles
        if not titled and any(_english_word(w) for w in (first.group(), last.group())):
            continue  # "Lawyer Jelena", "Moravica District": an English word, not a name
        before = found.get(first.group())
        if (
            before is not None
            and before.first == words[i - 1].group()
            and text[words[i - 1].end() : first.start()] == " "
        ):
            # the second surname of a double one (Marija Pavlović Šimić): the person the first
            # pair introduced, also by this surname
            if last.group() not in found and not _english_word(last.group()):
                found[last.group()] = Person(before.first, last.group(), before.gender, before.why, before.start)
            continue
        one_name = first.group().lower() in data["titles"].get("one_name", ())
        if one_name and last.group()[1:].islower() and not _english_word(last.group()):
            # "Abbess Evgenija", "Father Ilija": a title and one name, a person of the title's sex
            if last.group() not in found:
                sex = "f" if first.group().lower() in feminine_titles else "m"
                found[last.group()] = Person(
                    first.group(), last.group(), sex, f"the title {first.group()}", first.start()
                )
            continue
        if first.group().lower() in office_words():
            # "Rector Radonjić" (a headline): an office before a surname, no first name. An
            # office word that is also an English first name (Dean) is read as the office: BCMS
            # articles name their people with BCMS first names (Dejan)
            continue
        if title in feminine_titles:
            gender, why = "f", f"the title {words[i - 1].group()}"
        elif title in masculine_titles:
            gender, why = "m", f"the title {words[i - 1].group()}"
        else:
            gender, why = (
                first_name_gender(first.group(), last.group(), foreign),
                f"the first name {first.group()}",
            )
        if not gender:
            continue
        key = last.group()
        earlier = found.get(key)
        if earlier is None:
            found[key] = Person(first.group(), key, gender, why, first.start())
        elif earlier.gender != gender:
            found[key] = Person(earlier.first, key, "", "", earlier.start)
    return {k: v for k, v in found.items() if v.gender}


#: How many words before a person's first name an office that introduces them may stand
#: ("Minister of Mining and Energy Dubravka Đedović").
_OFFICE_REACH = 6


@cache
def office_words() -> frozenset[str]:
    """The offices an article names people by ("minister", "judge": sh_persons.toml)."""
    return frozenset(_data()["titles"]["offices"])


def office_holders(text: str, people: dict[str, Person]) -> dict[str, str | None]:
    """The office each person is introduced with ("Judge Jelena Šoć": judge), as office -> the
    surname key of ``people``; None where the article introduces two people with one office."""
    offices = office_words()
    out: dict[str, str | None] = {}
    for key, person in people.items():
        start = max(text.rfind(".", 0, person.start), text.rfind("\n", 0, person.start)) + 1
        before = [w.group().lower() for w in _WORD.finditer(text, start, person.start)][-_OFFICE_REACH:]
        for office in {w for w in before if w in offices}:
            out[office] = key if out.get(office, key) == key else None
    return out
