"""A currency code read as a unit, from the English alone: Bosnia and Herzegovina's convertible
mark is written "KM", and machine translation lowercases it into kilometres ("worth 6,500 km",
"a fine of 500 km"). Where the words around the amount are about money, an editor sees it without
the original."""

from __future__ import annotations

import re

from backcheck.checks.base import Check, Finding, register

#: words that make the amount after them money (worth, cost, a fine of, salaries of, ...)
_MONEY = (
    r"worth|costs?|costing|cost\s+of|paid|pays?|paying|salar(?:y|ies)(?:\s+of)?|wages?(?:\s+of)?|"
    r"pensions?(?:\s+of)?|prices?(?:\s+of)?|priced\s+at|fined|fines?\s+of|a\s+fine\s+of|loans?(?:\s+of)?|"
    r"grants?(?:\s+of)?|budget(?:\s+of)?|invest(?:s|ed|ing)?|investments?(?:\s+of)?|spen[dt]|spending|"
    r"earn(?:s|ed)?|revenues?(?:\s+of)?|profits?(?:\s+of)?|debts?(?:\s+of)?|damages?(?:\s+of)?|"
    r"compensation(?:\s+of)?|donat(?:ed|ion\s+of)|allocat(?:e|es|ed|ing)|earmarked|raised|owes?|owed|bail(?:\s+of)?|"
    r"lost|los(?:e|es|ing)|losses(?:\s+of)?"
)
#: words that may stand between the money word and its amount ("the average pension in July was
#: 702.5 km", "salaries rose to 1,200 km"): verbs of being and change, prepositions, and the
#: words of a period; no other noun or number, so "spent three days walking 40 km" stays a distance
_BETWEEN = (
    r"(?:was|is|were|are|will|be|been|now|currently|amounts?|amounted|rose|risen|fell|fallen|increased|"
    r"decreased|grew|dropped|reached|totall?ed|stood|to|at|from|by|in|of|the|a|an|average|monthly|annual|"
    r"net|gross|on|per|month|year|this|last|next|January|February|March|April|May|June|July|August|"
    r"September|October|November|December)"
)
_KM = re.compile(
    rf"\b(?P<money>{_MONEY})(?P<gap>(?:\s+{_BETWEEN}){{0,6}})\s+"
    r"(?:(?:of|about|around|almost|nearly|over|some|up\s+to|more\s+than|less\s+than)\s+)?"
    r"(?P<amount>\d[\d.,]*(?:\s+(?:thousand|million|billion))?)\s*(?P<unit>km|kilomet(?:er|re)s?)\b",
    re.I,
)

#: an amount in apposition to the money it measures, later in the clause ("the costs of the
#: proceedings, amounting to 14,600 km"; "a loan for the new hall totalling 2 million km")
_KM_AMOUNTING = re.compile(
    rf"\b(?:{_MONEY})\b[^.;:!?\n]{{0,80}}?\s(?:amounting\s+to|totall?ing|worth)\s+"
    r"(?:(?:about|around|almost|nearly|over|some|more\s+than|less\s+than)\s+)?"
    r"(?P<amount>\d[\d.,]*(?:\s+(?:thousand|million|billion))?)\s*(?P<unit>km|kilomet(?:er|re)s?)\b",
    re.I,
)

#: a price: an amount after what is sold or its measure ("a kilogram of honey sells for 20 km",
#: "a square metre reaches as much as 6,500 km", "sold the land for 9,000 km")
_KM_PRICE = re.compile(
    r"\b(?:sells?|selling|sold|bought|priced|kilograms?|kilos?|square\s+met(?:re|er)s?)"
    r"\b[^.;:!?\n]{0,60}?\s(?:for|costs?|reach(?:es|ed)?(?:\s+as\s+much\s+as)?)\s+"
    r"(?:(?:about|around|almost|nearly|over|some|up\s+to|more\s+than|less\s+than)\s+)?"
    r"(?P<amount>\d[\d.,]*(?:\s+(?:thousand|million|billion))?)\s*(?P<unit>km|kilomet(?:er|re)s?)\b",
    re.I,
)

#: an amount whose words after it make it money ("pay the plaintiff 4,720 km in costs")
_KM_IN_MONEY = re.compile(
    r"(?P<amount>\d[\d.,]*(?:\s+(?:thousand|million|billion))?)\s*(?P<unit>km|kilomet(?:er|re)s?)\s+in\s+"
    r"(?:costs?|damages|compensation|fines?|fees|aid|funding|grants?|subsidies|taxes|salar(?:y|ies)|wages|"
    r"donations|debts?|profits?|revenues?|losses)\b",
    re.I,
)

#: words after an amount that make it a distance ("5 km from the village", "20 km of territory",
#: "3 km away", "15 km long"): read after the weak cues only (a price's, "lost"); after a strong
#: money word the amount stays money ("a donation of 40,000 km from the mine")
_DISTANCE_AFTER = re.compile(
    r"\s+(?:from|away|outside|of|long|wide|along|towards?|north|south|east|west|up|down|into|across|"
    r"per\s+hour|an\s+hour|on\s+foot)\b",
    re.I,
)

#: a word after "12 km" that makes it describe a thing (a road, a section, long, of track), past
#: the words that may follow an amount of money (and, in, for, a month, ...)
_ATTRIBUTIVE = re.compile(
    r"[\s-]+(?!(?:and|or|but|in|for|a|per|each|from|on|last|this|next|while|which|as|by|to|at|with|"
    r"after|before|than|when)\b)[a-z]"
)


@register
class CurrencyAsUnit(Check):
    """An amount of money in kilometres: "KM", the convertible mark of Bosnia and Herzegovina,
    read as the unit of length. Only after words that make the amount money ("worth", "cost", "a
    fine of", "salaries of", "invested"), after what is sold or its measure ("a kilogram ... for
    20 km"), or before "in costs", "in damages"; an amount a distance's words follow ("from",
    "away", "of", "long") is left alone."""

    id = "number.currency_unit"
    category = "number"
    severity = "critical"

    def run(self, ctx):
        text = ctx.document.text
        matches = {m.start("unit"): m for m in _KM.finditer(text)}
        for pattern in (_KM_AMOUNTING, _KM_PRICE, _KM_IN_MONEY):
            for m in pattern.finditer(text):
                matches.setdefault(m.start("unit"), m)
        for _, m in sorted(matches.items()):
            if m.group("unit") == "KM":
                continue  # written as the currency
            if m.re is _KM and m.group("gap") and _ATTRIBUTIVE.match(text, m.end()):
                continue  # "invested in the 12 km road": a distance describing a thing
            weak = m.re is _KM_PRICE or (m.re is _KM and m.group("money").lower().startswith("los"))
            if weak and _DISTANCE_AFTER.match(text, m.end()):
                continue  # "got lost 5 km from the village": a distance ("a donation of 40,000 km from" is money)
            amount = m.group("amount")
            yield Finding(
                self.id,
                m.start("unit"),
                m.end("unit"),
                f'"{amount} {m.group("unit")}" is money, not a distance: the convertible mark is written KM',
                suggestion="KM",
                detail="Bosnia and Herzegovina's currency code KM (konvertibilna marka) read as kilometres",
                evidence={"amount": amount},
            )
