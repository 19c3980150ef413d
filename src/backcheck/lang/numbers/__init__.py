"""Numbers, amounts, percentages, dates and times, read with their language's conventions.

A :class:`Quantity` is a span of text with the set of values it may denote. The set holds more
than one value where the writing is ambiguous: "1.500" is 1500 in Serbian, Croatian, German or
Polish and 1.5 in English; "1,500" is the reverse; a translation may use either convention, so
both readings are kept and two quantities match when their sets intersect. Values live in
domains (``n`` for plain numbers, ``month`` for month names, ``time`` for minutes after
midnight) so that "June" never matches "6 people".

Scale words multiply ("1,5 miliona" = 1 500 000), number words are parsed ("dvije trećine" =
2/3, "two thirds"), month names come from CLDR through Babel (nominative and genitive, Latin
and Cyrillic) with the South Slavic case endings added, and a BCMS ordinal day ("11. juna") is a
date. Weekdays are not numbers. A measurement also carries its value in SI units, so that a
conversion between metric and imperial ("6 metara", "20 feet") matches within rounding; a
number written into a name ("A4", "iPhone6") is compared as written.
"""

from backcheck.lang.numbers.dates import reads_all_months
from backcheck.lang.numbers.digits import parse_digits
from backcheck.lang.numbers.extraction import extract
from backcheck.lang.numbers.quantity import Quantity, matches
from backcheck.lang.numbers.words import lookup_word, spells_numbers

__all__ = ["Quantity", "extract", "lookup_word", "matches", "parse_digits", "reads_all_months", "spells_numbers"]
