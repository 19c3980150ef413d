"""Numbers written in words: the number-word tables (``lang/data/number_words.toml``), runs
of number words, Serbo-Croatian compounds with a number, and month names among words."""

from __future__ import annotations

import re
from functools import cache

from backcheck.lang.languages import family as language_family
from backcheck.lang.numbers.data import (
    en_ordinal_before,
    joiners,
    ordinals,
    sh_combining,
    sh_exact_scale,
    sh_tens,
    sh_weak_compounds,
    words_spec,
)
from backcheck.lang.numbers.dates import _MONTH_FAMILIES, _month_at
from backcheck.lang.numbers.quantity import Quantity, _key
from backcheck.lang.numbers.units import _CURRENCY_AFTER, _PERCENT, _measures, currency
from backcheck.lang.text import fold, to_latin


def spells_numbers(lang: str) -> bool:
    """Whether number words of ``lang`` are known (otherwise only digits are read there)."""
    return language_family(lang) in words_spec()


@cache
def _words(family: str) -> dict[str, tuple[str, float]]:
    table: dict[str, tuple[str, float]] = {}
    for typ, spec in words_spec().get(family, {}).items():
        forms: list[str] = []
        for item in spec.split():
            form, _, value = item.partition("=")
            forms.append(form)
            if value:
                for f in forms:
                    table[f.lower()] = (typ, float(value))
                forms = []
    stems, endings = ordinals().get(family, ("", ()))
    for item in stems.split():
        stem, _, value = item.partition("=")
        for ending in endings:
            table.setdefault(stem + ending, ("o", float(value)))
    return table


#: BCMS compounds with a number ("trinaestogodišnjak" = 13-year-old, "dvomjesečni").
_SH_COMPOUND = re.compile(
    r"(?P<n>[a-zčćšžđ]+?)o?(?P<what>godišnj|godisnj|mjesečn|mesečn|dnevn|satn|spratn|katn|"
    r"član|clan|trećinsk|trecinsk|struk|stran)",
    re.I,
)


def _sh_compound_value(prefix: str) -> int | None:
    """The number at the start of a BCMS compound: "trinaest" 13, "tridesetdv" 32, "petnaest" 15."""
    p = prefix.lower()
    total = 0
    for tens, v in sorted(sh_tens().items(), key=lambda kv: -len(kv[0])):
        if tens.endswith("o") and p == tens[:-1]:  # the linking -o- taken by the pattern: "dvjest-o-struk"
            return v
        if p.startswith(tens):
            total, p = v, p[len(tens) :]
            break
    if not p:
        return total or None
    for form, v in sorted(sh_combining().items(), key=lambda kv: -len(kv[0])):
        stem = form[:-1] if form.endswith("o") else form
        if p in (form, stem):
            return total + v
    return None


@cache
def _undiacritised(family: str) -> dict[str, tuple[str, float]]:
    """The same words as typed without diacritics ("cetiri", "tisucu")."""
    table = _words(family)
    return {fold(k): v for k, v in table.items() if fold(k) not in table}


def _word_key(word: str, family: str) -> str:
    w = word.lower()
    return to_latin(w).text if family == "sh" and any("\u0400" <= c <= "\u04ff" for c in w) else w


def lookup_word(word: str, family: str) -> tuple[str, float] | None:
    """A number word's type and value. A word with diacritics must match exactly ("što" is not
    "sto"); one without may be a word typed without them."""
    key = _word_key(word, family)
    entry = _words(family).get(key)
    if entry is None and key.isascii():
        entry = _undiacritised(family).get(key)
    return entry


#: "of" after a fraction word: "a third of the voters" is a fraction, "a third term" an ordinal.
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _extract_words(text: str, family: str, add, taken: list[bool]) -> None:
    # Words already read with a number ("1.7 million") do not begin a run: "1.7 million four
    # years ago" has a "four" of its own.
    words = [m for m in _WORD.finditer(text) if not any(taken[m.start() : m.end()])]
    i = 0
    while i < len(words):
        m = words[i]
        month = _month_at(text, m, family) if family in _MONTH_FAMILIES else None
        if month:
            add(Quantity(m.start(), m.end(), m.group(), frozenset({("month", float(month))}), "date"))
            i += 1
            continue
        entry = lookup_word(m.group(), family)
        if entry and _in_name(text, m, words, i, family):
            entry = None  # "PET scanner", "šetalište Pet Danica": an acronym or a word of a name
        if not entry:
            if family == "en" and (value := _number_prefix(m.group())):
                # "fourballs", "threesome": a count inside a word, which accounts for the
                # source's "četiri lopte" but is never reported itself
                add(Quantity.support(m.start(), m.end(), m.group(), value))
            elif family == "sh" and (c := _SH_COMPOUND.match(_word_key(m.group(), family))):
                value = _sh_compound_value(c.group("n"))
                if value and c.group("what").lower().startswith(("treć", "trec")):
                    value = _key(value / 3)  # "dvotrećinska većina": a two-thirds majority
                if value:
                    weak = value == 1 or c.group("what").lower() in sh_weak_compounds()
                    add(
                        Quantity(
                            m.start(),
                            m.end(),
                            m.group(),
                            frozenset({("n", float(value))}),
                            "count",
                            word=True,
                            weak=weak,
                            primary=("n", float(value)),
                        )
                    )
            i += 1
            continue
        # A run of number words joined by spaces, hyphens and "and"-like words.
        run = [(m, entry)]
        j = i + 1
        while j < len(words):
            gap = text[words[j - 1].end() : words[j].start()]
            nxt = lookup_word(words[j].group(), family)
            if nxt and re.fullmatch(r"[\s-]{1,2}", gap) and _composes(run[-1][1], nxt):
                run.append((words[j], nxt))
                j += 1
            elif (
                family == "sh"
                and _word_key(words[j].group(), family) == "i"
                and j + 1 < len(words)
                and _word_key(words[j + 1].group(), family) == "po"
                and re.fullmatch(r"\s", gap)
                and re.fullmatch(r"\s", text[words[j].end() : words[j + 1].start()])
            ):
                # "milion i po", "dva i po": and a half (of the last number word's unit)
                run.append((words[j + 1], ("f", 0.5)))
                j += 2
            elif (
                family == "en"
                and run[-1][1][0] == "f"
                and words[j].group().lower() == "a"
                and j + 1 < len(words)
                and (lookup_word(words[j + 1].group(), family) or ("",))[0] == "s"
                and re.fullmatch(r"\s", gap)
            ):
                j += 1  # "half a million": the scale's half
            elif (
                family == "en"
                and j + 2 < len(words)
                and [w.group().lower() for w in words[j : j + 3]] == ["and", "a", "half"]
                and re.fullmatch(r"\s", gap)
                and all(
                    re.fullmatch(r"\s", text[a.end() : b.start()])
                    for a, b in zip(words[j : j + 2], words[j + 1 : j + 3])
                )
            ):
                run.append((words[j + 2], ("f", 0.5)))  # "three and a half years", "a million and a half"
                j += 3
            elif (
                fold(words[j].group()) in joiners()
                and j + 1 < len(words)
                and (lookup_word(words[j + 1].group(), family) or ("",))[0] in ("u", "f", "o")
                and re.fullmatch(r"\s", gap)
            ):
                j += 1  # "one hundred and five", "dvadeset i pet", "trideset i prvi"
            else:
                break
        q = _word_quantity(text, run, words, i, family)
        if q:
            add(q)
        i = j


_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\n]\s*|[\"“„«(]\s*)$")


def _in_name(text: str, m: re.Match, words: list[re.Match], i: int, family: str) -> bool:
    """A number word written as an acronym (PET: a scanner), or, in BCMS, which capitalises only
    a name's first word, capitalised inside a sentence before another capitalised word (Pet
    Danica, a promenade; Tri Kralja, a square) or after one (Svete Trojice). English capitalises every word of a title
    ("the Seven Dwarfs"), whose number the source translates as a number."""
    word = m.group()
    if len(word) > 1 and word.isupper():
        return True
    if family != "sh" or not word[:1].isupper() or _SENTENCE_OPENING.search(text[max(0, m.start() - 3) : m.start()]):
        return False
    if re.search(r"[A-ZČĆŠŽĐ]\w*\s$", text[max(0, m.start() - 30) : m.start()]):
        return True  # after a capitalised word: the name's second word (crkva Svete Trojice: Holy Trinity)
    nxt = words[i + 1] if i + 1 < len(words) else None
    return nxt is not None and text[m.end() : nxt.start()] == " " and nxt.group()[:1].isupper()


def _number_prefix(word: str) -> float | None:
    """The number from two to nine an English word begins with, when the rest is a common word
    of four letters or more (fourballs, foursomes, threesome, twofold): None for words that
    merely begin like one (tension, tenant)."""
    from backcheck.lang.names.common_words import is_common_word

    lower = word.lower()
    for cut in range(3, min(len(lower) - 4, 5) + 1):
        entry = lookup_word(lower[:cut], "en")
        if entry and entry[0] == "u" and 2 <= entry[1] <= 9 and is_common_word(lower[cut:]):
            return float(entry[1])
    return None


def _composes(prev: tuple[str, float], nxt: tuple[str, float]) -> bool:
    """Whether two adjacent number words make one number ("twenty one", "sto dvadeset", "two
    million") rather than two ("three one-sided", "four from four")."""
    (ptype, pv), (ntype, nv) = prev, nxt
    if ptype == "o" and ntype in "fd":
        return False  # "u drugoj polovini": the second half, not two and a half
    if ntype in "hsd" or ptype == "s" and ntype != "s":
        return True
    if ptype in "uwoh" and ntype in "uwo":
        return pv >= 20 and (pv % 100 == 0 and nv < 100 or pv % 10 == 0 and nv < 10)
    return ntype == "f"


def _word_quantity(text, run, words, i, family) -> Quantity | None:
    total, current, weak, has_number = 0.0, 0.0, False, False
    value: float | None = None
    prev = fold(words[i - 1].group()) if i > 0 else ""
    counted = family == "en" and prev in ("a", "one")  # "a thousand", "a third"
    ordinal: float | None = None
    scale = 0.0
    for m, (typ, v) in run:
        if typ in "uwo":
            current += v
            has_number = True
            weak = weak or typ in "wo"
        elif typ == "h":
            if not has_number and not counted:
                weak = True  # "hundreds of", "stotine ljudi"
            current = (current or 1) * v
            has_number = True
        elif typ == "s":
            if not has_number and not counted and _word_key(m.group(), family) not in sh_exact_scale():
                weak = True  # "thousands of", "hiljade ljudi", "milioni": vague
            total += (current or 1) * v
            current = 0
            has_number = True
            scale = v
        elif typ == "d":
            n = total + current
            if n == 0:
                # "a third", "one third"; an English ordinal ("the third") is not a fraction
                if family == "en" and not counted:
                    return None
                # "trećina birača" (a third), but also "u drugoj četvrtini" (in the second quarter)
                weak = not counted
                n = 1
                if family == "en" and prev == "a" and not _OF_AFTER.match(text[run[-1][0].end() :]):
                    ordinal = v  # "a third defeat" counts a third one; "a third of" is a fraction
            value = n / v
        elif typ == "f":
            if family == "en" and prev in en_ordinal_before() - {"the"}:
                return None
            weak = True  # "half", "pola": as often idiom ("half-time", "sat i pol") as a value
            if scale and not current:
                total += v * scale  # "milion i po": one and a half million
            else:
                current += v  # "dva i po", "pola"; a scale after it takes it along (two and a half million)
    if value is None:
        value = total + current
    if value == 0:
        return None
    start, end = run[0][0].start(), run[-1][0].end()
    after = text[end : end + 30]
    kind = "count"
    if pct := _PERCENT.match(after):
        kind, end = "percent", end + pct.end()
    elif _CURRENCY_AFTER.match(after) or any(t == "s" for _, (t, _v) in run):
        kind = "amount"
    if value <= 2 and value == int(value) or (len(run) == 1 and run[0][1] == ("u", 12.0) and family == "en"):
        # "one", "jedan": often an article ("a man"); "two", "dve": as often "both", "a pair",
        # "the couple"; "a dozen" is approximate
        weak = True
    values = {("n", _key(value))} | ({("n", _key(value / 100))} if kind == "percent" else set())
    values |= _measures(text[end : end + 40], value)
    if kind == "amount" and (code := currency(text[max(0, start - 4) : start], after)):
        values.add((f"money/{code}", _key(value)))  # "devet miliona dinara", as "9 miliona dinara"
    if ordinal is not None:
        values.add(("n", _key(ordinal)))
    return Quantity(
        start, end, text[start:end], frozenset(values), kind, word=True, weak=weak, primary=("n", _key(value))
    )
