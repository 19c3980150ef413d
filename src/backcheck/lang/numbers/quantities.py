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

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from backcheck.lang.languages import family as language_family
from backcheck.lang.text import fold, to_latin

@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    values: frozenset  #: {(domain, value)}: the readings this text allows
    kind: str  #: amount, percent, date, year, time or count
    word: bool = False  #: spelled out in words
    #: vague or article-like ("one", "thousands", "a dozen"): supports a match, never reported
    weak: bool = False
    #: the reading under the text's own language conventions, shown to an editor
    primary: tuple | None = None

    @property
    def display(self) -> str:
        domain, value = self.primary or min(self.values)
        if domain == "month":
            return _MONTHS_EN[int(value) - 1]
        if domain == "time":
            return f"{int(value) // 60:02d}:{int(value) % 60:02d}"
        if domain == "code":
            return str(value)
        return f"{value:g}" if value < 1e6 else f"{value:,.0f}"


def matches(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities can denote the same value: a common reading, or one measurement
    in two unit systems ("250 mm" and "10 inches", "27 stupnjeva" and "80 degrees")."""
    if a.values & b.values:
        return True
    for x, y in ((a, b), (b, a)):
        # "widespread 80s" in American weather copy is Fahrenheit without the unit: it renders
        # "27 stupnjeva"
        if any(d == "temp/m" for d, _ in x.values) and not any("/" in d for d, _ in y.values):
            if any(_close(vx, (vy - 32) / 1.8, "temp") for dx, vx in x.values if dx == "temp/m"
                   for dy, vy in y.values if dy == "n" and vy >= 40):
                return True
    for da, va in a.values:
        dimension, _, system = da.partition("/")
        if not system:
            continue
        for db, vb in b.values:
            # Only a conversion is rounded: within one unit system the value must be the same.
            if db.startswith(dimension + "/") and db != da and _close(va, vb, dimension):
                return True
    return False


def _close(a: float, b: float, dimension: str) -> bool:
    if dimension == "temp":
        return abs(a - b) <= _MEASURE_TOLERANCE["temp"]
    return max(a, b) > 0 and abs(a - b) / max(a, b) <= _MEASURE_TOLERANCE[dimension]


# Units, for measurements converted between metric and imperial (a source written for a
# metric readership, an English original in miles and inches, or the reverse). Values are
# kept in SI units; conversions are rounded in news copy, hence the tolerances.
_UNIT_SPEC = [  # speeds and areas first: "km/h" and "km2" begin like "km"
    ("speed", 1 / 3.6, r"km/h|kph\b|km na sat|kilometara na sat|kilometers per hour|kilometres per hour"),
    ("speed", 0.44704, r"mph\b|miles per hour"),
    ("area", 1e6, r"km2|km²|kvadratnih kilometara|square kilomet\w*"),
    ("len", 1000.0, r"km\b|kilomet\w*|kilometr\w*|километ\w*"),
    ("len", 0.01, r"cm\b|centimet\w*|centimetr\w*|сантимет\w*"),
    ("len", 0.001, r"mm\b|milimet\w*|millimet\w*|milimetr\w*|милимет\w*"),
    ("len", 1.0, r"m\b|metar\w*|metr[aiueo]\w*|metres?\b|meters?\b|метар\w*|метр\w*"),
    ("len", 1609.34, r"mi\b|miles?\b|milja\b|milje\b"),
    ("len", 0.3048, r"ft\b|foot\b|feet\b|stop[ae]\b"),
    ("len", 0.0254, r"in\.|inch\w*|in[cč]a\b"),
    ("len", 0.9144, r"yards?\b|yd\b"),
    ("mass", 1.0, r"kg\b|kil[aeo]\b|kilogram\w*|килограм\w*"),
    ("mass", 1000.0, r"t\b|ton[aeu]?\b|tonnes?\b|tons?\b|тон\w*"),
    ("mass", 0.001, r"g\b|gram[a]?\b|grams\b|грам\w*"),
    ("mass", 0.45359, r"lbs?\b|pounds?\b"),
    ("area", 2.58999e6, r"square miles?|sq\.? ?mi\b"),
    ("area", 1e4, r"ha\b|hektar\w*|hectares?\b"),
    ("area", 4046.86, r"acres?\b"),
    ("vol", 0.001, r"l\b|litar\w*|litr\w*|liters?\b|litres?\b"),
    ("vol", 0.0037854, r"gallons?\b"),
]
_UNIT = re.compile(r"[\s-]?(?:" + "|".join(f"(?P<u{i}>{rx})" for i, (_, _, rx) in enumerate(_UNIT_SPEC)) + ")", re.I)
_CELSIUS = re.compile(r"\s?(°\s?C\b|stup\w*|stepen\w*|степен\w*|Celsius\w*|celzij\w*)", re.I)
_FAHRENHEIT = re.compile(r"\s?(°\s?F\b|Fahrenheit)", re.I)
_DEGREES = re.compile(r"\s?(°|degrees?\b)", re.I)
_RANGE = re.compile(r"\s*(?:to|do|-|–|and|i|or|ili)\s*\d[\d.,]*")
_METRIC_FACTORS = {1000.0, 0.01, 0.001, 1.0, 1 / 3.6, 1e6, 1e4}
_MEASURE_TOLERANCE = {"len": 0.12, "mass": 0.12, "speed": 0.12, "area": 0.12, "vol": 0.12, "temp": 1.5}


def _measures(after: str, value: float) -> set[tuple[str, float]]:
    """Readings of ``value`` as a measurement, from the unit written after it (or after the
    end of a range: "2 to 4 inches")."""
    if any("\u0400" <= c <= "\u04ff" for c in after):
        after = to_latin(after).text
    if (rng := _RANGE.match(after)) and not _UNIT.match(after) and not _DEGREES.match(after):
        after = after[rng.end():]
    if _CELSIUS.match(after):
        return {("temp/m", value)}
    if _FAHRENHEIT.match(after):
        return {("temp/i", (value - 32) / 1.8)}
    if _DEGREES.match(after):  # "80 degrees": Fahrenheit in American copy, Celsius elsewhere
        return {("temp/m", value), ("temp/i", (value - 32) / 1.8)}
    if unit := _UNIT.match(after):
        dimension, factor, _ = _UNIT_SPEC[int(unit.lastgroup[1:])]
        return {(f"{dimension}/{'m' if factor in _METRIC_FACTORS else 'i'}", value * factor)}
    return set()


# --- text helpers ------------------------------------------------------------------------------

def spells_numbers(lang: str) -> bool:
    """Whether number words of ``lang`` are known (otherwise only digits are read there)."""
    return language_family(lang) in _WORDS_SPEC


def _key(value: float) -> float:
    return float(f"{value:.9g}")


def reads_all_months(lang: str) -> bool:
    """Whether month names are read in every form a text uses (BCMS: cases and adjectives)."""
    return language_family(lang) in ("sh", "en")


# --- word tables ----------------------------------------------------------------------------
# Entries: "form form ...=value". Types: u (adds), w (a vague count: "both", "oba"),
# h (multiplies what precedes: "two hundred"),
# s (scale: "two million"; alone it is vague), d (a fraction's denominator), f (a fraction alone).

_WORDS_SPEC: dict[str, dict[str, str]] = {
    "en": {
        "u": "one=1 two=2 three=3 four=4 five=5 six=6 seven=7 eight=8 nine=9 ten=10 eleven=11 "
             "twelve=12 thirteen=13 fourteen=14 fifteen=15 sixteen=16 seventeen=17 eighteen=18 "
             "nineteen=19 twenty=20 thirty=30 forty=40 fifty=50 sixty=60 seventy=70 eighty=80 "
             "ninety=90 dozen=12",
        "w": "both=2 decade=10 biennial biannual=2 triennial=3",
        "h": "hundred=100",
        "s": "thousand=1e3 million=1e6 billion=1e9 trillion=1e12 bn=1e9 mln=1e6",
        "d": "third=3 thirds=3 quarter=4 quarters=4 fifth=5 fifths=5 tenth=10 tenths=10",
        "f": "half=0.5",
    },
    "sh": {
        "u": "jedan jedna jedno jednog jednoga jednom jednu jednoj jednim jednih=1 "
             "dva dve dvije dvaju dvama dvoje dvojica dvojice dvojici dvojicu=2 "
             "tri triju trima troje trojica trojice trojici trojicu=3 "
             "četiri četiriju četirima četvoro četvero četvorica četverica četvorice četverice četvoricu "
             "četvericu=4 pet petoro petero petorica petorice petoricu=5 šest šestoro šestero šestorica "
             "šestorice šestoricu=6 sedam sedmoro sedmero sedmorica sedmorice=7 osam osmoro osmero "
             "osmorica osmorice=8 devet devetoro devetero devetorica devetorice=9 deset desetoro desetero "
             "desetorica desetorice=10 "
             "jedanaest=11 dvanaest=12 trinaest=13 četrnaest=14 petnaest=15 šesnaest=16 sedamnaest=17 "
             "osamnaest=18 devetnaest=19 dvadeset=20 trideset=30 četrdeset=40 pedeset=50 šezdeset=60 "
             "sedamdeset=70 osamdeset=80 devedeset=90 sto stotinu=100 dvjesto dvesta dvjesta dvista=200 "
             "tristo trista=300 četiristo=400 petsto=500 šeststo=600 sedamsto=700 osamsto=800 "
             "devetsto=900",
        "w": "oba obje obadva obadvije obojica oboje=2 decenija deceniju desetljeće desetljeća "
             "desetine desetina=10",
        "h": "stotina stotine=100",
        "s": "hiljadu hiljada hiljade hiljadama tisuću tisuća tisuće tisućama hilj tis=1e3 "
             "milion miliona milioni milionima milijun milijuna milijuni milijunima milijon milijona "
             "mil mln=1e6 milijarda milijarde milijardi milijardu milijardama mlrd=1e9 bilion biliona=1e12",
        "d": "trećina trećine trećinu trećini trećinom=3 četvrtina četvrtine četvrtinu četvrtini=4 "
             "petina petine petinu=5",
        "f": "pola polovina polovine polovinu polovini polovica polovice polovicu=0.5",
    },
    "de": {
        "u": "eins ein eine einen einem einer=1 zwei=2 drei=3 vier=4 fünf=5 sechs=6 sieben=7 acht=8 "
             "neun=9 zehn=10 elf=11 zwölf=12 dreizehn=13 vierzehn=14 fünfzehn=15 sechzehn=16 siebzehn=17 "
             "achtzehn=18 neunzehn=19 zwanzig=20 dreißig dreissig=30 vierzig=40 fünfzig=50 sechzig=60 "
             "siebzig=70 achtzig=80 neunzig=90 hundert=100",
        "w": "beide beiden=2",
        "s": "tausend=1e3 million millionen mio=1e6 milliarde milliarden mrd=1e9",
        "d": "drittel=3 viertel=4",
        "f": "hälfte halb halbe=0.5",
    },
    "fr": {
        "u": "un une=1 deux=2 trois=3 quatre=4 cinq=5 six=6 sept=7 huit=8 neuf=9 dix=10 onze=11 "
             "douze=12 treize=13 quatorze=14 quinze=15 seize=16 vingt=20 trente=30 quarante=40 "
             "cinquante=50 soixante=60 cent=100",
        "s": "mille=1e3 million millions=1e6 milliard milliards=1e9",
        "d": "tiers=3 quart quarts=4",
        "f": "moitié demi demie=0.5",
    },
    "es": {
        "u": "uno una un=1 dos=2 tres=3 cuatro=4 cinco=5 seis=6 siete=7 ocho=8 nueve=9 diez=10 "
             "once=11 doce=12 trece=13 catorce=14 quince=15 dieciséis=16 diecisiete=17 dieciocho=18 "
             "diecinueve=19 veinte=20 treinta=30 cuarenta=40 cincuenta=50 sesenta=60 setenta=70 "
             "ochenta=80 noventa=90 cien ciento=100",
        "w": "ambos ambas=2",
        "s": "mil=1e3 millón millon millones=1e6",
        "d": "tercio tercios=3 cuarto cuartos=4",
        "f": "mitad=0.5",
    },
    "it": {
        "u": "uno una un=1 due=2 tre=3 quattro=4 cinque=5 sei=6 sette=7 otto=8 nove=9 dieci=10 "
             "undici=11 dodici=12 tredici=13 quattordici=14 quindici=15 sedici=16 diciassette=17 "
             "diciotto=18 diciannove=19 venti=20 trenta=30 quaranta=40 cinquanta=50 sessanta=60 "
             "settanta=70 ottanta=80 novanta=90 cento=100",
        "w": "entrambi entrambe=2",
        "s": "mille mila=1e3 milione milioni=1e6 miliardo miliardi=1e9",
        "d": "terzo terzi=3 quarto quarti=4",
        "f": "metà mezzo mezza=0.5",
    },
    "pl": {
        "u": "jeden jedna jedno=1 dwa dwie dwóch dwoje dwaj dwóm=2 trzy trzech trzej trojga=3 "
             "cztery czterech czterej=4 pięć pięciu=5 sześć sześciu=6 siedem siedmiu=7 osiem ośmiu=8 "
             "dziewięć dziewięciu=9 dziesięć dziesięciu=10 jedenaście=11 dwanaście=12 "
             "trzynaście trzynastu=13 czternaście czternastu=14 piętnaście piętnastu=15 szesnaście "
             "szesnastu=16 siedemnaście siedemnastu=17 osiemnaście osiemnastu=18 dziewiętnaście "
             "dziewiętnastu=19 dwadzieścia dwudziestu=20 trzydzieści trzydziestu=30 czterdzieści=40 "
             "pięćdziesiąt=50 sto=100",
        "w": "oba obie obaj obu=2",
        "s": "tysiąc tysiące tysięcy tys=1e3 milion miliony milionów mln=1e6 miliard miliardy miliardów "
             "mld=1e9",
        "d": "trzecia trzecie trzecich=3 ćwierć=4",
        "f": "połowa połowę połowy pół=0.5",
    },
    "cs": {
        "u": "jeden jedna jedno=1 dva dvě dvou dvěma=2 tři tří třem třemi=3 čtyři čtyř čtyřech=4 "
             "pět pěti=5 šest šesti=6 sedm sedmi=7 osm osmi=8 devět devíti=9 deset deseti=10 "
             "jedenáct=11 dvanáct=12 třináct=13 čtrnáct=14 patnáct=15 šestnáct=16 sedmnáct=17 "
             "osmnáct=18 devatenáct=19 dvacet=20 třicet=30 čtyřicet=40 padesát=50 sto=100",
        "w": "oba obě obou=2",
        "s": "tisíc tisíce tisícům tis=1e3 milion miliony milionů mil=1e6 miliarda miliardy miliard "
             "mld=1e9",
        "d": "třetina třetiny=3 čtvrtina čtvrtiny=4",
        "f": "polovina poloviny polovinu půl=0.5",
    },
    "ru": {
        "u": "один одна одно одного одной=1 два две двух двум двое=2 три трех трёх трое=3 "
             "четыре четырех четырёх=4 пять пяти=5 шесть шести=6 семь семи=7 восемь восьми=8 "
             "девять девяти=9 десять десяти=10 одиннадцать=11 двенадцать=12 двадцать=20 "
             "тридцать=30 сорок=40 пятьдесят=50 шестьдесят=60 семьдесят=70 восемьдесят=80 "
             "девяносто=90 сто=100",
        "w": "оба обе обоих=2",
        "s": "тысяча тысячи тысяч тыс=1e3 миллион миллиона миллионов млн=1e6 миллиард миллиарда "
             "миллиардов млрд=1e9",
        "d": "треть трети=3 четверть четверти=4",
        "f": "половина половину половины пол=0.5",
    },
}


@lru_cache(maxsize=None)
def _words(family: str) -> dict[str, tuple[str, float]]:
    table: dict[str, tuple[str, float]] = {}
    for typ, spec in _WORDS_SPEC.get(family, {}).items():
        forms: list[str] = []
        for item in spec.split():
            form, _, value = item.partition("=")
            forms.append(form)
            if value:
                for f in forms:
                    table[f.lower()] = (typ, float(value))
                forms = []
    stems, endings = _ORDINALS.get(family, ("", ()))
    for item in stems.split():
        stem, _, value = item.partition("=")
        for ending in endings:
            table.setdefault(stem + ending, ("o", float(value)))
    return table


#: Ordinal stems: an ordinal supports a matching number ("devetnaestog vijeka" = "19th
#: century") but is never reported, since "drugi", "second" and the like are also plain words.
_ORDINALS = {
    "en": ("fourth=4 sixth=6 seventh=7 eighth=8 ninth=9 eleventh=11 twelfth=12 thirteenth=13 "
           "fourteenth=14 fifteenth=15 sixteenth=16 seventeenth=17 eighteenth=18 nineteenth=19 "
           "twentieth=20 thirtieth=30 fortieth=40 fiftieth=50 hundredth=100", ("",)),
    "sh": ("prv=1 treć=3 četvrt=4 pet=5 šest=6 sedm=7 osm=8 devet=9 deset=10 jedanaest=11 dvanaest=12 "
           "trinaest=13 četrnaest=14 petnaest=15 šesnaest=16 sedamnaest=17 osamnaest=18 "
           "devetnaest=19 dvadeset=20 trideset=30 četrdeset=40 pedeset=50 šezdeset=60 "
           "sedamdeset=70 osamdeset=80 devedeset=90 stot=100",
           ("i", "a", "o", "og", "oga", "om", "omu", "u", "e", "ih", "im", "ima", "oj")),
}
#: BCMS compounds with a number ("trinaestogodišnjak" = 13-year-old, "dvomjesečni").
_SH_COMPOUND = re.compile(r"(?P<n>[a-zčćšžđ]+?)o?(?P<what>godišnj|godisnj|mjesečn|mesečn|dnevn|satn|spratn|katn|"
                          r"člano|clano|trećinsk|trecinsk|struk|stran)", re.I)
#: Compounds that support a number but are never reported: "dvostruko" is as often "doubled" or
#: "twice", "četvorostrani" as often "quadrilateral" as a number.
_SH_WEAK_COMPOUND = ("struk", "stran")
_SH_COMBINING = {"jedno": 1, "dvo": 2, "tro": 3, "četvoro": 4, "četvero": 4, "peto": 5, "šesto": 6,
                 "sedmo": 7, "osmo": 8, "devet": 9, "deset": 10, "jedanaest": 11, "dvanaest": 12,
                 "trinaest": 13, "četrnaest": 14, "petnaest": 15, "šesnaest": 16, "sedamnaest": 17,
                 "osamnaest": 18, "devetnaest": 19}
_SH_TENS = {"dvadeset": 20, "trideset": 30, "četrdeset": 40, "pedeset": 50, "šezdeset": 60,
            "sedamdeset": 70, "osamdeset": 80, "devedeset": 90, "sto": 100, "dvjesto": 200, "dvesto": 200,
            "tristo": 300, "četiristo": 400, "petsto": 500, "hiljad": 1000, "tisuć": 1000}


def _sh_compound_value(prefix: str) -> int | None:
    """The number at the start of a BCMS compound: "trinaest" 13, "tridesetdv" 32, "petnaest" 15."""
    p = prefix.lower()
    total = 0
    for tens, v in sorted(_SH_TENS.items(), key=lambda kv: -len(kv[0])):
        if tens.endswith("o") and p == tens[:-1]:  # the linking -o- taken by the pattern: "dvjest-o-struk"
            return v
        if p.startswith(tens):
            total, p = v, p[len(tens):]
            break
    if not p:
        return total or None
    for form, v in sorted(_SH_COMBINING.items(), key=lambda kv: -len(kv[0])):
        stem = form[:-1] if form.endswith("o") else form
        if p in (form, stem):
            return total + v
    return None


@lru_cache(maxsize=None)
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


#: Scale words that, alone, still mean exactly one unit (accusative singular: "hiljadu ljudi").
_EXACT_SCALE = {"hiljadu", "tisuću", "milijardu"}
#: Words that join number words into one number ("twenty-one", "one hundred and five").
_JOINERS = {"and", "i", "und", "y", "e", "et", "a"}
#: "of" after a fraction word: "a third of the voters" is a fraction, "a third term" an ordinal.
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)

#: Words before which "third", "quarter", "half" are ordinals, not fractions.
_ORDINAL_BEFORE = {"first", "second", "third", "fourth", "last", "final", "next", "the"}

_PERCENT = re.compile(
    r"\s?(%|percent\b|per\s?cent\b|percentage\s+points?\b|posto\b|odsto\b|procen\w*|postot\w*|"
    r"посто\b|одсто\b|процен\w*|посто\w*|prozent\w*|pour\s?cent\b|por\s?ciento\b|per\s?cento\b|"
    r"procent\w*|процент\w*)", re.I)
_CURRENCY_AFTER = re.compile(
    r"\s?(€|\$|£|eur\w*|evr\w*|евр\w*|dolar\w*|долар\w*|dollar\w*|доллар\w*|dinar\w*|динар\w*|"
    r"kun[aie]?\b|KM\b|konvertibiln\w*|mara?k\w*|fran\w*|funt\w*|pound\w*|rub\w*|руб\w*|yen\b|jen\w*|"
    r"yuan\b|juan\w*|rupee\w*|rupij\w*|złot\w*|zlot\w*|korun\w*|korony?\b|USD|EUR|RSD|BAM|HRK|GBP|CHF)",
    re.I)
_CURRENCY_BEFORE = re.compile(r"(€|\$|£|¥|USD|EUR|RSD|BAM|GBP|CHF)\s?$")
_HOUR_AFTER = re.compile(r"\s?(h\b|sati\b|sata\b|sat\b|časova\b|časa\b|часова\b|сати\b|сата\b|uhr\b|heures?\b|horas?\b|ore\b|"
                         r"godzin\w*|hodin\w*|час\w*|GMT\b|UTC\b|CET\b|CEST\b|local\s+time\b)", re.I)
_AMPM = re.compile(r"\s?([ap])\.?\s?m\b\.?", re.I)
_ORD_SUFFIX = re.compile(r"(st|nd|rd|th)\b", re.I)
_DECADE = re.compile(r"['’]?s\b")
_CJK_SCALE = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8}


def _number_pattern(lang: str) -> re.Pattern:
    # Continental languages group thousands with spaces ("10 000"); English does only with
    # non-breaking or thin spaces, so an ordinary space there separates two numbers.
    space = "\u00a0\u202f\u2009" if language_family(lang) == "en" else " \u00a0\u202f\u2009"
    return re.compile(rf"(?<![\d])\d+(?:(?:[.,]\d+)|(?:[{space}](?=\d{{3}}(?![\d.,]\d))\d{{3}}))*")


_NUMBER = {f: _number_pattern(f) for f in ("en", "other")}
_TIME = re.compile(r"(?<![\d.,:])([01]?\d|2[0-3])(?:[:.]|\s?h\s?)([0-5]\d)(?![\d])")
#: Chinese and Japanese dates and times: "7月24日", "15时50分", "9点半".
_CJK_DATE = re.compile(r"(\d{1,2})\s?([月日号號])")
_CJK_TIME = re.compile(r"(\d{1,2})\s?[时時点點](?:(\d{1,2})\s?分|(半))?")
#: "1200 GMT": a four-digit time of day, as agencies write it.
_AGENCY_TIME = re.compile(r"(?<![\d.,:])([01]\d|2[0-3])([0-5]\d)(?=\s?(?:GMT|UTC|CET|CEST|hours|hrs)\b)")
#: Roman numerals of centuries and ordinals ("XV. stoljeće", "siglo XV", "XIVe siècle").
_ROMAN = re.compile(r"\b([IVX]{2,}|[IVX](?=e\b|\.?\s+(?:st|vek|vijek|stolj|sigl|siècle|secol|wiek|stolet|век|Jahrh|"
                    r"svjetsk|svetsk|светск)))"
                    r"(?:e|er|ème)?\b\.?")
_ROMAN_VALUE = {"I": 1, "V": 5, "X": 10}
_NUMERIC_DATE = re.compile(r"(?<![\d.,])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:1[89]|20)\d\d)?\.?(?![\d])")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


#: Languages that group thousands with a comma and mark decimals with a point.
_POINT_DECIMAL = {"en", "zh", "ja", "hi", "ko", "th", "he"}


def parse_digits(s: str, lang: str) -> list[float]:
    """The values a digit string may denote: the reading under the language's conventions
    first, then the other convention's reading where the string allows one."""
    s = re.sub(r"[\s\u00a0\u202f\u2009]", "", s)
    seps = [c for c in s if c in ".,"]
    if not seps:
        return [float(s)]
    groups = re.split(r"[.,]", s)
    if len(seps) == 1:
        whole, frac = groups
        if len(frac) == 3 and whole != "0":
            # "1.500" / "1,500": thousands or a decimal. Both readings are kept because a
            # translation may follow either convention.
            grouping = "," if language_family(lang) in _POINT_DECIMAL else "."
            readings = [float(whole + frac), float(f"{whole}.{frac}")]
            return readings if seps[0] == grouping else readings[::-1]
        return [float(f"{whole}.{frac}")]
    if len(set(seps)) == 1:  # "1.500.000", "1,500,000"
        return [float("".join(groups))]
    decimal = seps[-1]
    whole = s[:s.rfind(decimal)].replace(".", "").replace(",", "")
    return [float(f"{whole}.{s[s.rfind(decimal) + 1:]}")]


# --- months -----------------------------------------------------------------------------------

_MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
_BABEL_LOCALES = {"sh": ("sr_Latn", "hr", "bs", "sr", "bs_Cyrl"), "en": ("en",), "de": ("de",),
                  "fr": ("fr",), "es": ("es",), "it": ("it",), "pl": ("pl",), "cs": ("cs",),
                  "ru": ("ru",)}
#: Languages that write month names in lower case: a capitalised form there is a name (Maja).
_LOWERCASE_MONTHS = {"sh", "fr", "es", "it", "pl", "cs", "ru"}


@lru_cache(maxsize=None)
def _months(family: str) -> dict[str, int]:
    """Folded month-name forms -> month number, from CLDR, with the case endings news uses."""
    from babel.dates import get_month_names

    table: dict[str, int] = {}
    for locale in _BABEL_LOCALES.get(family, ()):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names("wide", context, locale).items():
                base = _month_key(name, family)
                forms = {base}
                if family == "sh":
                    # Case forms: "juna", "junu", "septembra", "srpnju", "veljači", "studenom".
                    stems = [base]
                    if base.endswith("ar"):
                        stems.append(base[:-2] + "r")
                    if base[-1] in "aeiou":
                        stems.append(base[:-1])
                    forms |= {stem + ending for stem in stems
                              for ending in ("", "a", "u", "om", "ome", "oga", "i", "e")}
                elif family == "ru" and base[-1] in "ья":
                    forms.add(base[:-1] + "е")  # prepositional: "в январе"
                elif family in ("pl", "cs") and context == "format" and base.endswith("a"):
                    forms.add(base[:-1] + "u")  # locative: "w maju", "v březnu"
                for form in forms:
                    table.setdefault(form, number)
    if family == "en":
        for number, name in enumerate(_MONTHS_EN, 1):
            table[name[:3].lower() + "."] = number
        table["sept."] = 9
    return table


@lru_cache(maxsize=None)
def _sh_month_adjectives() -> tuple[tuple[str, int], ...]:
    """Stems of BCMS adjectives made from month names ("junsk-", "oktobarsk-", "ožujsk-",
    "lipanjsk-"), from the nominative names CLDR gives."""
    from babel.dates import get_month_names

    stems = {}
    for locale in ("sr_Latn", "hr", "bs"):
        for number, name in get_month_names("wide", "stand-alone", locale).items():
            base = fold(name, "sr")
            candidates = [base + "sk", base + "ovsk"]
            if base.endswith("i"):  # juni -> junsk-, studeni -> studensk-
                candidates.append(base[:-1] + "sk")
            if base.endswith("ak"):  # ožujak -> ožujsk-
                candidates.append(base[:-2] + "sk")
            if base.endswith("ac"):  # prosinac -> prosinačk-
                candidates.append(fold(name[:-1] + "čk", "sr"))
            if base.endswith("a"):  # veljača -> veljačk-
                candidates.append(base[:-1] + "k")
            for stem in candidates:
                stems.setdefault(stem, number)
    return tuple(sorted(stems.items(), key=lambda kv: -len(kv[0])))


def _month_key(word: str, family: str) -> str:
    # Diacritics are dropped only for BCMS, where they are often omitted; in Polish they tell
    # a month from a verb ("maja" May, "mają" they have).
    return fold(word, "sr") if family == "sh" else word.lower()


_SH_AMBIGUOUS_MONTHS = ("kolovoz",)
_SH_TIME_WORD = re.compile(r"\b(u|od|do|tijekom|tokom|krajem|početkom|sredinom|prošlog|prošloga|ovog|ovoga|"
                           r"idućeg|sljedećeg|mjesec|mjeseca)\s+$", re.I)
_MAY_CONTEXT = re.compile(r"\b(in|of|since|until|by|early|late|mid|last|next|this|from|on|between|through)\s+$", re.I)


_POSSESSIVE = re.compile(r"['’]s$")


@lru_cache(maxsize=65536)
def _month_number(key: str, family: str) -> int | None:
    """The month a word (its :func:`_month_key`) names, whatever its context."""
    number = _months(family).get(key)
    if number is None and family == "sh" and len(key) > 5:
        # month adjectives: "junski sastanak" (the June meeting), "ožujskim izborima"
        number = next((n for stem, n in _sh_month_adjectives() if key.startswith(stem)), None)
    return number


def _month_at(text: str, m: re.Match, family: str) -> int | None:
    word = _POSSESSIVE.sub("", m.group()) if family == "en" else m.group()  # "June's meeting"
    table = _months(family)
    key = _month_key(word, family)
    if family == "en" and text[m.end():m.end() + 1] == "." and key + "." in table:
        return table[key + "."]
    number = _month_number(key, family)
    if number is None:
        return None
    if family == "en":
        if not word[0].isupper():
            return None
        if word in ("May", "March"):  # also a verb: a month only next to a date or a preposition
            before, after = text[max(0, m.start() - 20):m.start()], text[m.end():m.end() + 4]
            if not (re.match(r"\s*\d", after) or re.search(r"\d(st|nd|rd|th)?\s+(of\s+)?$", before)
                    or _MAY_CONTEXT.search(before)):
                return None
    elif family in _LOWERCASE_MONTHS and word[0].isupper() and m.start() > 0:
        # A capitalised month is a name (Maja), unless a preposition of time or a day number
        # shows a month written with a capital against the rule ("u Novembru").
        before = to_latin(text[max(0, m.start() - 30):m.start()]).text
        if not (family == "sh" and (_SH_TIME_WORD.search(before) or re.search(r"\d\.\s*$", before))):
            return None
    elif family == "sh" and key.startswith(_SH_AMBIGUOUS_MONTHS):
        # Croatian "kolovoz" (August) is Serbian for a roadway: a month only next to a day or
        # year number or after a word that introduces a time ("u kolovozu", "krajem kolovoza").
        before, after = text[max(0, m.start() - 30):m.start()], text[m.end():m.end() + 6]
        if not (re.search(r"\d\.?\s*$", before) or re.match(r"\s*\d", after) or _SH_TIME_WORD.search(before)):
            return None
    return number


# --- extraction -------------------------------------------------------------------------------


def extract(text: str, lang: str) -> list[Quantity]:
    """Every quantity in ``text``, in order, with offsets into ``text``."""
    return list(_extract(text, lang))


@lru_cache(maxsize=4096)
def _extract(text: str, lang: str) -> tuple[Quantity, ...]:
    """:func:`extract`, cached: the number and omission checks read the same sentences."""
    family = language_family(lang)
    found: list[Quantity] = []
    taken = [False] * (len(text) + 1)

    def add(q: Quantity) -> None:
        if any(taken[q.start:q.end]):
            return
        for i in range(q.start, q.end):
            taken[i] = True
        found.append(q)

    for m in _NUMERIC_DATE.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        if not (1 <= day <= 31 and 1 <= month <= 12) or (m.group(3) is None and not m.group().endswith(".")):
            continue
        if m.group(3) is None and family == "en":
            continue
        add(Quantity(m.start(1), m.end(1), m.group(1), frozenset({("n", float(day))}), "date"))
        add(Quantity(m.start(2), m.end(2), m.group(2), frozenset({("month", float(month))}), "date"))
        if m.group(3):
            add(Quantity(m.start(3), m.end(3), m.group(3), frozenset({("n", float(m.group(3)))}), "date"))
    for m in _CJK_DATE.finditer(text):
        value = float(m.group(1))
        if m.group(2) == "月" and 1 <= value <= 12:
            add(Quantity(m.start(), m.end(), m.group(), frozenset({("month", value)}), "date"))
        elif m.group(2) in "日号號" and 1 <= value <= 31:
            add(Quantity(m.start(), m.end(), m.group(), frozenset({("n", value)}), "date",
                         primary=("n", value)))
    for m in _CJK_TIME.finditer(text):
        hour = int(m.group(1)) % 24
        minute = 30 if m.group(3) else int(m.group(2) or 0)
        add(Quantity(m.start(), m.end(), m.group(), frozenset(_clock(hour, minute)), "time"))
    for m in _AGENCY_TIME.finditer(text):
        add(Quantity(m.start(), m.end(), m.group(),
                     frozenset({("time", float(int(m.group(1)) * 60 + int(m.group(2))))}), "time"))
    for m in _ROMAN.finditer(text):
        value = _roman(m.group(1))
        if value:
            add(Quantity(m.start(), m.end(), m.group(), frozenset({("n", float(value))}), "count",
                         weak=value == 1))
    for m in _TIME.finditer(text):
        after = text[m.end():m.end() + 12]
        hour, minute = int(m.group(1)), int(m.group(2))
        explicit = "." not in m.group() or _HOUR_AFTER.match(after) or _AMPM.match(after)
        if not explicit:
            continue  # "15.30" alone is a decimal
        ampm = _AMPM.match(after)
        end = m.end() + (ampm.end() if ampm else 0)
        add(Quantity(m.start(), end, text[m.start():end],
                     frozenset(_clock(hour, minute, ampm.group(1) if ampm else None)), "time"))

    for m in _GAME_CLOCK.finditer(text) if family in ("en", "sh") else ():  # "a goal on 27:37"
        if family == "sh" and not re.search(r"(?:^|\s)[uу]\s$", text[max(0, m.start() - 3):m.start()]):
            continue  # "golom u 27:37"; "28:25" alone is a score
        add(Quantity(m.start(), m.end(), m.group(),
                     frozenset({("time", float(int(m.group(1)) * 60 + int(m.group(2))))}), "time"))
    if family == "sh":
        for m in _SH_GAME_CLOCK.finditer(text):  # "u 13. minuti i 10. sekundi": 13:10 on the clock
            value = float(int(m.group(1)) * 60 + int(m.group(2)))
            add(Quantity(m.start(), m.end(), m.group(), frozenset({("time", value)}), "time"))
    for m in _MIXED_FRACTION.finditer(text):  # "220 2/3 innings": 220 and two thirds
        num, den = int(m.group(1)), int(m.group(2))
        if 0 < num < den <= 10:
            add(Quantity(m.start(), m.end(), m.group(), frozenset({("n", _key(num / den))}), "count"))
    if family == "en":
        # "a quarter of an hour" (15. minuta), "for a week" (sedam dana): support, never reported
        for m in _EN_SPAN_OF_TIME.finditer(text):
            value = {"quarter": 15.0, "half": 30.0}.get((m.group(1) or "").lower(), 7.0)
            add(Quantity(m.start(), m.end(), m.group(), frozenset({("n", value)}), "count", word=True,
                         weak=True, primary=("n", value)))
        for m in _EN_ONE_UNIT.finditer(text):  # "about a mile away", "half an inch of rain"
            value = 0.5 if m.group(1).lower().startswith("half") else 1.0
            if measures := _measures(text[m.start(2):m.start(2) + 40], value):
                add(Quantity(m.start(), m.end(), m.group(), frozenset(measures | {("n", value)}), "amount",
                             word=True, weak=True, primary=("n", value)))

    pattern = _NUMBER["en" if family == "en" else "other"]
    for m in pattern.finditer(text):
        found_q = _digits_quantity(text, m, lang, family)
        if found_q:
            add(found_q)
    _extract_words(text, family, add, taken)

    found.sort(key=lambda q: q.start)
    return tuple(_mark_dates(text, found))


def _clock(hour: int, minute: int, ampm: str | None = None) -> set[tuple[str, float]]:
    """Readings of a time of day; without a.m./p.m. a morning hour may also be the evening's."""
    if ampm:
        hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
        return {("time", float(hour * 60 + minute))}
    readings = {("time", float(hour * 60 + minute))}
    if hour < 12:
        readings.add(("time", float((hour + 12) * 60 + minute)))
    return readings


#: A game clock past the hours of a day: "27:37" (times of day up to 23:59 are read as such,
#: with the same value). BCMS writes scores with a colon ("28:25"): there only after "u" (at).
_GAME_CLOCK = re.compile(r"(?<![\d.,:])(2[4-9]|[3-9]\d):([0-5]\d)(?![\d:])")
#: A game clock in words: "u 13. minuti i 10. sekundi" is 13:10.
_SH_GAME_CLOCK = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(?:minut|минут)\w*\s+(?:i|и)\s+(\d{1,2})\.\s?(?:sekund|секунд)\w*", re.I)
#: A fraction after a whole number: "220 2/3".
_MIXED_FRACTION = re.compile(r"(?<=\d )(\d)/(\d{1,2})(?![\d/])")
#: Spans of time English names without a digit, which other languages count: "the quarter-hour
#: mark", "half an hour" (minutes), "a week" (often "sedam dana").
_EN_SPAN_OF_TIME = re.compile(r"\b(?:(quarter|half)(?:[- ]hour\b|\s+(?:of\s+)?an\s+hour\b)|(?:a|one)\s+week\b)",
                              re.I)
#: One unit, or half of one, written with the article: "a mile", "half an inch".
_EN_ONE_UNIT = re.compile(r"\b(half\s+an?|an?)\s+(?=mile|inch|foot|yard|pound|gallon|acre|kilomet|met(?:er|re))"
                          r"(\w+)", re.I)

#: A year and a hyphen before a two-digit number: "1950-53", "2019–20".
_SHORT_YEAR_SPAN = re.compile(r"(?<!\d)(1\d|20)\d\d[-–]$")
_CODE = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff\uff21-\uff3a\uff41-\uff5a]+-?$")
#: Units written as letters before a digit ("km2", "m3"): the digit is an exponent.
_UNIT_EXPONENT = re.compile(r"(?:k?m|cm|mm)$", re.I)


def _digits_quantity(text: str, m: re.Match, lang: str, family: str) -> Quantity | None:
    s, end = m.group(), m.end()
    prefix = _CODE.search(text[max(0, m.start() - 12):m.start()])
    if prefix and not prefix.group().endswith("-") and re.fullmatch(r"\d+", s):
        # "A4", "iPhone6", "G7": a name with a number, compared as written
        if _UNIT_EXPONENT.fullmatch(prefix.group()):
            return None
        code = prefix.group() + s
        key = unicodedata.normalize("NFKC", code).lower()  # full-width "Ｊ３" is "J3"
        # the number also counts on its own: "WW1" is the First World War ("Prvi svjetski rat")
        readings = {("code", key), ("n", float(s))}
        if len(s) == 2 and len(prefix.group()) >= 2:
            # a season or fiscal year: "SS19", "FY21" are 2019 and 2021
            readings |= {("n", 1900.0 + int(s)), ("n", 2000.0 + int(s))}
        return Quantity(m.start() - len(prefix.group()), end, code, frozenset(readings), "count",
                        primary=("code", code))
    try:
        values = parse_digits(s, lang)
    except ValueError:
        return None
    after = text[end:end + 30]
    before = text[max(0, m.start() - 5):m.start()]
    kind = "count"
    domain_values: set[tuple[str, float]] = set()
    if after[:1] in _CJK_SCALE:
        values = [v * _CJK_SCALE[after[0]] for v in values]
        end += 1
        if rest := re.match(r"\d+", text[end:end + 5]):  # "1万1000" = 11 000
            values = [v + float(rest.group()) for v in values]
            end += rest.end()
        after = text[end:end + 30]
    if _CURRENCY_BEFORE.search(before) and (short := re.match(r"(m|k)\b", after)):
        values = [v * (1e6 if short.group(1) == "m" else 1e3) for v in values]  # "£125m"
        end += 1
        after = text[end:end + 30]
    scale = re.match(r"[\s-]?([^\W\d_]+)\.?", after)
    if scale:
        entry = lookup_word(scale.group(1), family) or lookup_word(scale.group(1), "en")
        if entry and entry[0] == "s":
            values = [v * entry[1] for v in values]
            kind = "amount"
            end += scale.end()
            after = text[end:end + 30]
    if ords := _ORD_SUFFIX.match(after):
        end += ords.end()
    elif re.fullmatch(r"(1\d|20)?\d0", s) and (dec := _DECADE.match(after)) and family == "en":
        # "the 1970s" or "the 70s": other languages often say "the seventies" or "70er"
        end += dec.end()
        kind = "year"
        values = [values[0], values[0] % 100] if values[0] >= 100 else [1900 + values[0], values[0]]
    if (pct := _PERCENT.match(after)) and kind == "count":
        kind = "percent"
        end += pct.end()
    elif kind == "count" and (_CURRENCY_AFTER.match(after) or _CURRENCY_BEFORE.search(before)):
        kind = "amount"
    elif kind == "count" and (hour := _HOUR_AFTER.match(after) or _AMPM.match(after)) and s.isdigit():
        ampm = _AMPM.match(after)
        if int(s) <= 24:
            domain_values |= _clock(int(s) % 24, 0, ampm.group(1) if ampm else None)
            kind = "time"
            end += hour.end()
    elif kind == "count" and re.fullmatch(r"1\d{3}|20\d\d", s) and end == m.end():
        kind = "year"
    elif kind == "count" and re.fullmatch(r"\d\d", s) and (
            first := _SHORT_YEAR_SPAN.search(text, max(0, m.start() - 5), m.start())):
        # the end of a span of years written short: "1950-53" is 1950 to 1953
        kind = "year"
        values = [float(first.group(1) + s)]
    domain_values |= {("n", _key(v)) for v in values}
    if re.search(r"\d\s\d", s):  # "0800 555 111": a phone number, or one number grouped by spaces
        domain_values |= {("n", float(g)) for g in s.split()}
    if clock := re.fullmatch(r"([01]?\d|2[0-3])[.:]([0-5]\d)", s):  # "7.55" may be a time of day
        domain_values |= _clock(int(clock.group(1)), int(clock.group(2)))
    weak = all(v == 1 for v in values)  # "1st", "1": as often "one" or "a" as a count
    weak = weak or bool(re.search(r"(?:foot|feet|ft)-$", before))  # the inches of "6-foot-6"
    if measures := _measures(text[end:end + 40], values[0]):
        domain_values |= measures
        kind = "amount" if kind in ("count", "year") else kind
    if kind == "percent":  # "50 posto" may be rendered "half"
        domain_values |= {("n", _key(v / 100)) for v in values}
        weak = weak or values[0] == 100  # "100 percent certain": "u potpunosti"
    return Quantity(m.start(), end, text[m.start():end], frozenset(domain_values), kind,
                    weak=weak, primary=("n", _key(values[0])))


def _roman(numeral: str) -> int | None:
    values = [_ROMAN_VALUE[c] for c in numeral]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if 0 < total <= 39 else None


def _extract_words(text: str, family: str, add, taken: list[bool]) -> None:
    # Words already read with a number ("1.7 million") do not begin a run: "1.7 million four
    # years ago" has a "four" of its own.
    words = [m for m in _WORD.finditer(text) if not any(taken[m.start():m.end()])]
    i = 0
    while i < len(words):
        m = words[i]
        month = _month_at(text, m, family) if family in _BABEL_LOCALES else None
        if month:
            add(Quantity(m.start(), m.end(), m.group(), frozenset({("month", float(month))}), "date"))
            i += 1
            continue
        entry = lookup_word(m.group(), family)
        if not entry:
            if family == "en" and (value := _number_prefix(m.group())):
                # "fourballs", "threesome": a count inside a word, which accounts for the
                # source's "četiri lopte" but is never reported itself
                add(Quantity(m.start(), m.end(), m.group(), frozenset({("n", value)}), "count",
                             word=True, weak=True, primary=("n", value)))
            elif family == "sh" and (c := _SH_COMPOUND.match(_word_key(m.group(), family))):
                value = _sh_compound_value(c.group("n"))
                if value and c.group("what").lower().startswith(("treć", "trec")):
                    value = _key(value / 3)  # "dvotrećinska većina": a two-thirds majority
                if value:
                    weak = value == 1 or c.group("what").lower() in _SH_WEAK_COMPOUND
                    add(Quantity(m.start(), m.end(), m.group(), frozenset({("n", float(value))}), "count",
                                 word=True, weak=weak, primary=("n", float(value))))
            i += 1
            continue
        # A run of number words joined by spaces, hyphens and "and"-like words.
        run = [(m, entry)]
        j = i + 1
        while j < len(words):
            gap = text[words[j - 1].end():words[j].start()]
            nxt = lookup_word(words[j].group(), family)
            if nxt and re.fullmatch(r"[\s-]{1,2}", gap) and _composes(run[-1][1], nxt):
                run.append((words[j], nxt))
                j += 1
            elif (fold(words[j].group()) in _JOINERS and j + 1 < len(words)
                  and (lookup_word(words[j + 1].group(), family) or ("",))[0] in ("u", "f")
                  and re.fullmatch(r"\s", gap)):
                j += 1  # "one hundred and five", "dvadeset i pet"
            else:
                break
        q = _word_quantity(text, run, words, i, family)
        if q:
            add(q)
        i = j


def _number_prefix(word: str) -> float | None:
    """The number from two to nine an English word begins with, when the rest is a common word
    of four letters or more (fourballs, foursomes, threesome, twofold): None for words that
    merely begin like one (tension, tenant)."""
    from backcheck.lang.names.correspondence import is_common_word

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
    for (m, (typ, v)) in run:
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
            if not has_number and not counted and _word_key(m.group(), family) not in _EXACT_SCALE:
                weak = True  # "thousands of", "hiljade ljudi", "milioni": vague
            total += (current or 1) * v
            current = 0
            has_number = True
        elif typ == "d":
            n = total + current
            if n == 0:
                # "a third", "one third"; an English ordinal ("the third") is not a fraction
                if family == "en" and not counted:
                    return None
                # "trećina birača" (a third), but also "u drugoj četvrtini" (in the second quarter)
                weak = not counted
                n = 1
                if family == "en" and prev == "a" and not _OF_AFTER.match(text[run[-1][0].end():]):
                    ordinal = v  # "a third defeat" counts a third one; "a third of" is a fraction
            value = n / v
        elif typ == "f":
            if family == "en" and prev in _ORDINAL_BEFORE - {"the"}:
                return None
            weak = True  # "half", "pola": as often idiom ("half-time", "sat i pol") as a value
            value = (total + current) + v if (total + current) else v
    if value is None:
        value = total + current
    if value == 0:
        return None
    start, end = run[0][0].start(), run[-1][0].end()
    after = text[end:end + 30]
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
    values |= _measures(text[end:end + 40], value)
    if ordinal is not None:
        values.add(("n", _key(ordinal)))
    return Quantity(start, end, text[start:end], frozenset(values), kind, word=True, weak=weak,
                    primary=("n", _key(value)))


def _mark_dates(text: str, found: list[Quantity]) -> list[Quantity]:
    """A day number next to a month name is part of a date ("11. juna", "June 11", "11 June")."""
    out = list(found)
    for k, q in enumerate(found):
        if q.kind == "date" or q.word:
            continue
        values = {v for d, v in q.values if d == "n"}
        if not any(1 <= v <= 31 and v == int(v) for v in values):
            continue
        for other in (found[k - 1] if k else None, found[k + 1] if k + 1 < len(found) else None):
            if other is None or not any(d == "month" for d, _ in other.values):
                continue
            lo, hi = sorted((q.end, other.start)) if other.start >= q.end else (other.end, q.start)
            if re.fullmatch(r"[\s.,]*(of\s+|the\s+)?", text[lo:hi]):
                out[k] = dataclasses.replace(q, kind="date")
                break
    return out
