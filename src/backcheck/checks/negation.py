"""A negation present on one side of an aligned pair and absent on the other."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from backcheck.checks.base import Check, Finding, register
from backcheck.lang import lexicon
from backcheck.lang.languages import family as language_family
from backcheck.lang.text import fold

# Per language: verbal negators (each one negates its clause), n-words (negative pronouns and
# adverbs: in a clause that has a verbal negator they are concord, not a second negation),
# flexible cues (lexical negation and "without": a translation may or may not render them
# with a negator) as words and as stems, and prefixes of lower-case words that carry negation
# lexically (BCMS ne-, English un-), with the look-alikes that do not.
_SPEC = {
    "en": dict(
        verbal="not never cannot",
        nwords="no none nobody nothing nowhere neither nor",
        flexible="without beyond until till unless barely hardly scarcely rarely seldom unable absent absence lack "
        "lacks lacked lacking instead rather missed misses missing yet non ever any anyone anything anybody "
        "either except short away free scarce shortage insufficient little few zero far still ill off idle",
        # refusal, denial, failure, prevention, cessation, loss; and their converse, continuation
        # ("continued" renders "nije prestao", "remain" renders "ne jenjava")
        stems="refus deni deny reject fail declin avoid prevent ignor disagree disapprov forbid forbad ban "
        "stop ceas quit disregard dismiss illegal imposs lose losing lost loss limit continu remain "
        "stay kept keep misunderst mislead misjudg",
    ),
    "sh": dict(
        verbal="ne nije nisu nisam nisi nismo niste nece necu neces necemo necete nema nemaju nemam "
        "nemamo nemas nemate nemoj nemojte nemojmo "
        # Montenegrin (ijekavian) forms of "nije": nijesam, nijesi, nijesmo, nijeste, nijesu
        "nijesam nijesi nijesmo nijeste nijesu",
        nwords="nikad nikada nikako nista nicega nicim nicemu niko nitko nikoga nikog nikome nikom nikim "
        "nijedan nijedna nijedno nijednog nijednu nijednom nijednoj nijednih nigdje nigde nimalo "
        "nikakav nikakva nikakvo nikakvog nikakve nikakvih nikakvu nikakvim nikuda nikud",
        # "ni" and "niti" negate with a verb ("nije ni pokušao"); alone they often mean "even".
        flexible="ni niti bez tek jedva umjesto umesto retko rijetko",
        stems="odbi negir propust ospor uskrat sprijec sprec zabran protivi protivl usprotiv odbac presta izgub "
        # izostati: to fail to come, be absent ("odgovor je izostao": there was no answer)
        "izosta izost "
        # pre- of excess: "premala za sve" (too small for everyone: "could not hold them all")
        "premal preskup prekasn prevelik previs pretijes pretes prerano",
        prefix="ne",
        not_prefix="nek neg nes nedel nedjel nedav neto nemac nemc nego nerv neut neon neb",
    ),
    "de": dict(
        verbal="nicht nie niemals",
        nwords="kein keine keinen keinem keiner keines niemand niemanden niemandem nichts weder nirgends nirgendwo",
        flexible="ohne kaum erst",
        stems="verweiger ablehn lehnte bestritt bestreit",
        prefix="un",
        not_prefix="und unter uns unser unten",
    ),
    "fr": dict(
        verbal="ne n",
        nwords="pas jamais rien aucun aucune ni nul nulle non guere",
        flexible="sans",
        stems="refus rejet nie nier manqu",
    ),
    "es": dict(
        verbal="no",
        nwords="nunca jamas nadie nada ningun ninguno ninguna ni tampoco",
        flexible="sin nego negaron",
        stems="rechaz niega",
    ),
    "it": dict(
        verbal="non",
        nwords="mai nessuno nessuna nessun niente nulla neanche nemmeno neppure",
        flexible="senza nego",
        stems="rifiut negat",
    ),
    "pl": dict(
        verbal="nie",
        nwords="nigdy nikt nic nikogo niczego nikomu zaden zadna zadne zadnego zadnej zadnych ani nigdzie",
        flexible="bez",
        stems="odmow odrzuc zaprzecz",
        prefix="nie",
        not_prefix="niekt niedziel niedaw niem",
    ),
    "cs": dict(
        verbal="ne neni nema nemaji nebyl nebyla nebylo nebyli nebude nebudou nechce nechteji nelze "
        "nemuze nemohl nemohla nemohou nesmi nevi nejsou nejsem",
        nwords="nikdy nikdo nic niceho nikoho zadny zadna zadne zadneho ani nikde",
        flexible="bez",
        stems="odmit poprel popira",
        prefix="ne",
        not_prefix="nej nebo nez nekter neco nekdo nekdy nejak nekolik nemec nemc nedel nedav",
    ),
    "ru": dict(
        verbal="не нет нельзя",
        nwords="никогда никто ничего ничто никакой никакого никакие никаких ни нигде никого никому",
        flexible="без",
        stems="отказ отрица отверг",
    ),
}


@dataclass(frozen=True)
class _Lexicon:
    verbal: frozenset
    nwords: frozenset
    flexible: frozenset
    stems: tuple
    prefix: str
    not_prefix: tuple


@cache
def _lexicon(family: str) -> _Lexicon | None:
    spec = _SPEC.get(family)
    if spec is None:
        return None
    words = lambda key: frozenset(fold(w, family) for w in spec.get(key, "").split())  # noqa: E731
    return _Lexicon(
        words("verbal"),
        words("nwords"),
        words("flexible"),
        tuple(fold(w, family) for w in spec.get("stems", "").split()),
        spec.get("prefix", ""),
        tuple(spec.get("not_prefix", "").split()),
    )


def supports(lang: str) -> bool:
    return _lexicon(language_family(lang)) is not None


#: Negators inside idioms that do not negate a verb: "not least", "not only", "not long after",
#: "whether or not", "never more so", "тем не менее" (nevertheless). The named groups are the
#: negators. Serbo-Croatian has its classes in ``lang/data/sh.toml`` (:func:`_sh_idiomatic`).
_IDIOM = {
    "en": re.compile(
        r"\b(?P<neg>not)\s+(?:least|only|long|to\s+mention)\b|\bor\s+(?P<neg2>not)\b"
        r"|\b(?P<neg3>never)\s+(?:more|less)\b"
        # litotes and "only then": "not far from" (nedaleko od), "not until 2027" (tek 2027.)
        r"|\b(?P<neg4>not)\s+(?:far\b|(?:[a-z]+\s+){0,3}(?:until|till)\b)"
        # ... contracted: "they don't come back until Friday" (vraćaju se tek u petak)
        r"|\b(?P<neg7>[a-z]+n['’]t)\s+(?:far\b|(?:[a-z]+\s+){0,3}(?:until|till)\b)"
        # a defendant "not in custody" is one the source says defends himself "sa slobode" (at liberty)
        r"|\b(?P<neg5>not)\s+(?:in\s+custody|detained)\b"
        # emphasis, no negation: "beaten by none other than Turkey" (upravo Turska)
        r"|\b(?P<neg6>none|no)\s+other\s+than\b",
        re.I,
    ),
    "ru": re.compile(r"\bтем\s+(?P<neg>не)\s+менее\b", re.I),
}


def _idiomatic(clause: str, family: str) -> set[int]:
    """Offsets in ``clause`` of negators that belong to an idiom."""
    pattern = _IDIOM.get(family)
    if pattern is None:
        return set()
    return {m.start(g) for m in pattern.finditer(clause) for g in pattern.groupindex if m.group(g)}


def _sh_idiomatic(keys: list[str], negator: list[bool]) -> set[int]:
    """Indices of Serbo-Croatian negators (``negator[i]``) that a translation renders without a
    negation: expletive negation after "dok" (until) and after a verb of fearing + "da",
    idioms ("ne samo", "ništa manje", "samo što nije", "a ne"), litotes ("nije lako", "nisam
    bio loš") and a negated comparative, a superlative in English ("nije bilo bolje nego"). ``keys`` are the folded tokens of one clause; the classes are in sh.toml."""
    from backcheck.lang.sh.grammar import negation

    spec = negation()
    found: set[int] = set()
    for i, key in enumerate(keys):
        if key in spec["expletive_after"]:
            found.update(j for j in range(i + 1, min(i + 7, len(keys))) if negator[j])
        elif key.startswith(spec["fear_stems"]) and "da" in keys[i + 1 : i + 4]:
            da = keys.index("da", i + 1)
            found.update(j for j in range(da + 1, min(da + 5, len(keys))) if negator[j])
        for idiom in spec["idioms"]:
            if tuple(keys[i : i + len(idiom)]) == idiom:
                found.update(j for j in range(i, i + len(idiom)) if negator[j])
        if negator[i] and "nego" in keys[i + 2 : i + 7]:
            # a negated comparative is a superlative: "nikad se nije osjećao bolje nego sada"
            before = keys[keys.index("nego", i + 2) - 1]
            if len(before) >= 5 and before.endswith("je"):
                found.add(i)
        if negator[i]:
            j = i + 1
            while j < len(keys) and j < i + 4 and keys[j] in spec["litotes_skip"]:
                j += 1
            if j < len(keys) and keys[j].startswith(spec["litotes_stems"]):
                found.add(i)
    return found


#: An opening quotation mark or bracket, or a sentence's end, right before a word: the first word
#: of a quotation or a sentence is capitalised.
_OPENING = re.compile(r"(?:[\"“„«‘(]|[.!?…]\s)\s*$")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_CLAUSE = re.compile(r"[,;:()\u2013\u2014]|\s-\s")


@dataclass(frozen=True)
class Polarity:
    hard: int  #: negations the translation must render
    flexible: int  #: cues a translation may render with or without a negator
    cues: tuple  #: ``(start, end, text, kind)`` for every cue, kind "hard" or "flexible"
    #: flexible cues that are a negator in an idiom or a negative prefix (nisu dovoljni, nedaleko):
    #: English renders them with "not" as often as without, never with another lexical cue
    soft: int = 0
    #: of the soft cues, words with a negative prefix (nedaleko, neusaglašen; English "unusual")
    prefixed: int = 0
    words: tuple = ()  #: the prefixed words themselves


def _english_negative_word(word: str) -> bool:
    """ "unknown", "nonexistent", "intolerant": a negative prefix before an English word."""

    # in-/im-/il-/ir- begin many words that are not negations (inform, impress), so the rest
    # must be longer and commoner than after un-/non-.
    # un- before a short common adjective ("unfit", "unfair", "unsafe") needs a commoner rest.
    for prefixes, min_len, min_zipf in (
        (("un", "non", "dis"), 4, 3.0),
        (("un",), 3, 4.0),
        # (a rest of six letters: "imports" is no negation of "ports", "impress" of "press")
        (("in", "im", "il", "ir"), 6, 3.5),
    ):
        for prefix in prefixes:
            rest = word[len(prefix) :].lstrip("-")
            if word.startswith(prefix) and len(rest) >= min_len and lexicon.zipf(rest) >= min_zipf:
                return True
    return False


def _negated_word(rest: str, family: str) -> bool:
    """Whether what follows a negative prefix is itself a word ("ne|poznat", "un|bekannt"),
    as opposed to a word that merely begins like one ("ne|ophodan", "ne|mirima")."""

    try:
        if len(rest) >= 4 and lexicon.zipf(rest, family) >= lexicon.KNOWN_ZIPF:
            return True
    except LookupError:
        return True
    if family == "sh" and len(rest) >= 6:
        # an inflected participle or adjective the frequency list lacks but the dictionary knows
        # ("ne|usklađenih": usklađen, harmonised)
        from backcheck.lang.bcms_names import is_inflected_word
        from backcheck.lang.glosses import known_word

        return bool(known_word(rest, "sh")) or is_inflected_word(rest)
    return False


@lru_cache(maxsize=65536)
def _classify(token: str, family: str, lex: _Lexicon) -> str | None:
    low = token.lower()
    key = fold(low, family)
    if family == "en":
        if key.endswith(("n't", "n’t")):
            return "verbal"
        key = key.removesuffix("'s").removesuffix("’s")  # "nobody's sidekick"
    elif family == "fr" and re.match(r"n['’]", key):
        return "verbal"
    if key in lex.verbal:
        return "verbal"
    if key in lex.nwords:
        return "nword"
    if family == "en" and key == "non":
        return "prefixed"  # "non-governmental"
    if key in lex.flexible or any(_stem_of(key, s) if family == "en" else key.startswith(s) for s in lex.stems):
        return "flexible"
    if token == low and len(key) >= 5:
        if (
            lex.prefix
            and key.startswith(lex.prefix)
            and not key.startswith(lex.not_prefix)
            and _negated_word(low[len(lex.prefix) :], family)
        ):
            # a noun with the prefix (nezavisnost: independence) is rendered by a noun, never by
            # "not" before an adjective: a lexical cue only
            return "flexible" if family == "sh" and key.endswith(_sh_noun_endings()) else "prefixed"
        if family == "en" and _english_negative_word(key):
            return "prefixed"
    return None


@cache
def _sh_noun_endings() -> tuple[str, ...]:
    from backcheck.lang.sh.grammar import negation

    return tuple(negation()["prefixed_noun_endings"])


#: What may follow a short stem (ban, lose, stop, fail): its inflections, not another word (bank).
_SHORT_STEM_ENDINGS = frozenset("s es ed d ing ned ning ped ping ure ures al als ies ied".split()) | {""}


def _stem_of(key: str, stem: str) -> bool:
    """Does ``key`` begin with ``stem``, and, for a stem of four letters or fewer, go on with an
    inflection only ("banned", not "bank"; "stops", not "stockholm")?"""
    if not key.startswith(stem):
        return False
    return len(stem) > 4 or key[len(stem) :] in _SHORT_STEM_ENDINGS


#: Languages without negative concord: an n-word beside a negated verb is a second negation.
_NO_CONCORD = {"en", "de"}


def polarity(text: str, lang: str, offset: int = 0) -> Polarity | None:
    """Negations in ``text``, per clause. With negative concord (BCMS, Slavic, Romance) the
    verbal negators count, or one if only n-words negate the clause ("niko nikad ništa nije
    rekao" is one negation); in English each negated verb counts and n-words add one.
    ``None`` for a language whose cues are unknown."""
    family = language_family(lang)
    lex = _lexicon(family)
    if lex is None:
        return None
    hard = flexible = soft = prefixed = 0
    cues = []
    words = []
    pos = 0
    for clause in [*_CLAUSE.split(text)]:
        start = text.find(clause, pos)
        pos = start + len(clause)
        verbal, nwords = 0, 0
        idioms = _idiomatic(clause, family)
        tokens = list(_TOKEN.finditer(clause))
        kinds = [_classify(m.group(), family, lex) for m in tokens]
        if family == "sh":
            keys = [fold(m.group(), family) for m in tokens]
            sh_idioms = _sh_idiomatic(keys, [k in ("verbal", "nword") for k in kinds])
            idioms |= {tokens[i].start() for i in sh_idioms}
        for index, (m, kind) in enumerate(zip(tokens, kinds, strict=True)):
            token = m.group()
            if (
                kind is not None
                and family != "en"
                and index
                and token[:1].isupper()
                and not _OPENING.search(clause[: m.start()])
            ):
                # a name inside a clause (u Nišu: "Nišu" folds to "nisu"), not a negator; English
                # capitalises a title's words ("Do Not Expect Too Much"), never a name like a negator
                continue
            if family == "en" and token == "No" and re.match(r"\.?\s*\d", clause[m.end() :]):
                continue  # "No. 5"
            if family == "en" and token == "no" and re.match(r"\.\s*\d", clause[m.end() :]):
                continue  # "polling station no. 14"
            if kind is None:
                continue
            if kind in ("verbal", "nword") and m.start() in idioms:
                kind = "soft"
            if (
                family == "en"
                and kind == "nword"
                and token.lower() == "no"
                and re.match(r"\s+(less|more|fewer|later|sooner|earlier)\b", clause[m.end() :])
            ):
                kind = "flexible"  # "no less than" restates an amount
            span = (offset + start + m.start(), offset + start + m.end(), token)
            if kind == "verbal":
                verbal += 1
                cues.append((*span, "hard"))
            elif kind == "nword":
                nwords += 1
                cues.append((*span, "hard"))
            else:
                flexible += 1
                if kind in ("soft", "prefixed"):
                    soft += 1
                    prefixed += kind == "prefixed"
                    if kind == "prefixed":
                        words.append(token)
                cues.append((*span, "flexible"))
        if family in _NO_CONCORD:
            hard += verbal + (1 if nwords else 0)  # "nobody could not believe" is two negations
        else:
            hard += verbal or (1 if nwords else 0)
    return Polarity(hard, flexible, tuple(cues), soft, prefixed, tuple(words))


@register
class NegationMismatch(Check):
    """A negation in one language with no counterpart in the other ("Vlada ne podržava
    prijedlog" → "The government supports the proposal"). Negation cues are counted per clause
    on both sides of an aligned pair, with negative concord counted once (BCMS "niko ništa nije"
    is one negation) and lexical negation ("refused", "odbio", "without") allowed to stand for a
    negator or not; the pair is flagged when the counts cannot agree.
    """

    id = "mistranslation.negation"
    category = "mistranslation"
    severity = "critical"
    requires_source = True

    def run(self, ctx):
        for _pair, src, tgt in ctx.aligned_pairs:
            if not src or not tgt:
                continue
            sp = _sentences_polarity(src, ctx.source.lang)
            tp = _sentences_polarity(tgt, ctx.document.lang)
            if sp is None or tp is None:
                continue
            # Only a side with no cue at all, hard or lexical, against a negated one is a flipped
            # negation: any lexical cue ("without", "refused", "lost", "nedugo") may render a
            # negator of the other side, whatever the other cues of the pair.
            # An added "not" is another matter: lexical cues on both sides most often render each
            # other ("bez" / "without"), so only the unpaired ones of the source may stand for it.
            s_lo = sp.hard
            t_lo, t_hi = tp.hard, tp.hard + tp.flexible
            # An English lexical cue that translates a plain content word of the source ("failure"
            # for kvar, "loss" for gubitak) renders that word, not a negator of the source.
            t_hi -= _cues_rendering_words(tp, src, sp, ctx.source.lang)
            # Negative-polarity items ("ever", "any", "still", "yet") come with a negation rather
            # than render one, so they pair with nothing.
            # A negator in an idiom or a negative prefix ("nisu dovoljni", "nedaleko") pairs with an
            # English "not" ("not enough", "not far") rather than with another lexical cue.
            # A negative prefix pairs so only where the English negates an adjective or participle
            # ("not harmonised", "not far"), the way it renders one.
            # A word with a negative prefix in the English ("independent", "unusual") renders one of
            # the source's first, lexically; only the rest may stand for an English "not".
            english = " ".join(t.text for t in tgt)
            not_adjective = _NOT_ADJECTIVE.search(english)
            # A prefixed word that the dictionary's translation renders ("neupotrebljiv" / "useless",
            # "neobično" / "unusual") stands for no other English word: it is not counted at all.
            rendered = _rendered(sp.words, english, ctx.source.lang)
            prefixed = sp.prefixed - rendered
            soft = sp.soft - rendered - (min(prefixed, tp.prefixed) if not_adjective else prefixed)
            lexical = sp.flexible - rendered - soft
            s_unpaired = sp.hard + soft + lexical - min(lexical, tp.flexible - _polarity_items(tp))
            evidence = {
                "source_negations": sp.hard,
                "target_negations": tp.hard,
                "source_cues": [c[2] for c in sp.cues],
                "target_cues": [c[2] for c in tp.cues],
            }
            # Only a side with no cue at all against a negated one is a flipped negation: counts of
            # two against one come from concord, idioms and lexical negation ("hardly", "lost"),
            # and each such flag on clean news costs an editor as much as a miss.
            flipped = _exclusion_flipped(src, tgt, ctx.source.lang)
            if flipped is not None:
                (a, b, said), (sa, sb, cue) = flipped
                yield Finding(
                    self.id,
                    a,
                    b,
                    f'The original says "{cue}" (does not rule out); the English "{said}" says the opposite: '
                    f'write "did not rule out"',
                    suggestion="did not rule out",
                    source_start=sa,
                    source_end=sb,
                    evidence=evidence,
                    detail="A negated verb of excluding leaves a possibility open; without its negation the "
                    "English closes it.",
                )
                continue
            # the pair has fewer negative words in the English than negations in the source, and
            # the quotations say where ("...," she urged them not to "quote": not moved outside)
            short = tp.hard + tp.flexible < sp.hard
            quoted = _quotation_dropped(src, tgt, ctx.source.lang, ctx.document.lang) if short else None
            if quoted is not None and not (s_lo > t_hi and t_hi == 0):
                (a, b), cue = quoted
                yield Finding(
                    self.id,
                    a,
                    b,
                    f'The original\'s quotation says "{cue[2]}" (not); the English quotation drops the negation: '
                    'put the "not" back',
                    source_start=cue[0],
                    source_end=cue[1],
                    evidence=evidence,
                    detail="the quotations of the pair, in order, pair one to one: this one is negated in the "
                    "source and has no negation, hard or lexical, in the English",
                )
                continue
            if t_lo > s_unpaired and s_unpaired == 0:
                extra = [c for c in tp.cues if c[3] == "hard"][-1]
                yield Finding(
                    self.id,
                    extra[0],
                    extra[1],
                    f'The English says "{extra[2]}", but the original is not negative: '
                    f'remove "{extra[2]}" unless the original means it',
                    source_start=src[0].start,
                    source_end=src[-1].end,
                    evidence=evidence,
                    detail=f"{tp.hard} negation(s) in the English, none in the source and no word of the "
                    "source that an English negation could render (bez, odbiti, jedva)",
                )
            elif s_lo > t_hi and t_hi == 0:
                cue = [c for c in sp.cues if c[3] == "hard"][0]
                yield Finding(
                    self.id,
                    tgt[0].start,
                    tgt[-1].end,
                    f'The original says "{cue[2]}" (not); the English drops the negation: put the "not" back',
                    source_start=cue[0],
                    source_end=cue[1],
                    evidence=evidence,
                    detail=f"{sp.hard} negation(s) in the source, none in the English, and no English word "
                    "that renders a negation lexically (without, refused, failed, lack, hardly)",
                )


#: A quotation: „...“ (BCMS), “...”, "...", »...« or «...».
_QUOTATION = re.compile(r"„([^“”\"]+)[“”\"]|“([^”]+)”|\"([^\"]+)\"|»([^«]+)«|«([^»]+)»")


#: A negated question that asserts ("Nije li to sjajno?", "zar ne"): no negation to render.
_QUESTION_TAG = re.compile(r"\b(?:li|zar)\b", re.IGNORECASE)


def _quotations(sentences) -> list[tuple[int, int, str]]:
    """(start, end, text) of each quotation of the sentences, in order (offsets into the text)."""
    out = []
    for s in sentences:
        for m in _QUOTATION.finditer(s.text):
            group = next(g for g in range(1, 6) if m.group(g) is not None)
            out.append((s.start + m.start(group), s.start + m.end(group), m.group(group)))
    return out


def _quotation_dropped(src, tgt, source_lang: str, lang: str):
    """A quotation of the source with a negation whose English quotation has no negative word at
    all, hard or lexical (" „nisu u interesu nijedne stranke“ " / "are in the interest of every
    party"), where the pair's quotations pair one to one in order, each of two words or more: a
    negation the pair's counts miss when the rest of the sentence has one ("but declined to say").
    ``((start, end), source cue)`` of the first such quotation, or None."""
    source_quotes, english_quotes = _quotations(src), _quotations(tgt)
    if not source_quotes or len(source_quotes) != len(english_quotes):
        return None
    for (_, _, said), (_, _, written) in zip(source_quotes, english_quotes, strict=True):
        if len(said.split()) < 2 or len(written.split()) < 2:
            return None  # a quoted name or word, not a statement
    for (sa, _, said), (a, b, written) in zip(source_quotes, english_quotes, strict=True):
        sp, tp = polarity(said, source_lang, sa), polarity(written, lang, a)
        if sp is None or tp is None:
            return None
        if sp.flexible or _QUESTION_TAG.search(said):
            continue  # "nije nemoguće" (is possible), "nije li to sjajno?": two negatives, a question
        hard = [c for c in sp.cues if c[3] == "hard"]
        if sp.hard and not tp.cues and hard:
            return (a, b), hard[0]
    return None


#: "not" before an adjective or a participle, the way English renders a word with a negative
#: prefix ("neusaglašen": not harmonised; "nedaleko": not far).
_NOT_ADJECTIVE = re.compile(
    r"\bnot\s+(?:yet\s+|fully\s+|been\s+|very\s+)?(?:far|[a-z]+(?:ed|en|able|ible|ent|ant|ive|ous|ful|al|ar))\b", re.I
)


#: English verbs of excluding, and a negation before one (within three words).
_EXCLUDING = re.compile(r"\b(?:rul(?:e|es|ed|ing)\s+out|exclud(?:e|es|ed|ing))\b", re.I)
#: (cannot and the contracted n't, written onto their auxiliary: can't, won't, didn't)
_NEGATED_BEFORE = re.compile(r"(?:\b(?:not|never|nor|no|cannot)\b|n['’]t\b)(?:\W+\w+){0,3}\W*$", re.I)


def _exclusion_flipped(src, tgt, lang: str):
    """A negated verb of excluding in the source ("ne isključuje": does not rule out) rendered by
    an English "ruled out" with no negation: ``((start, end, English), (start, end, source))``."""
    from backcheck.lang.sh.grammar import negation

    if language_family(lang) != "sh":
        return None
    stems = tuple(negation().get("exclusion_stems", ()))
    cue = None
    for s in src:
        words = list(re.finditer(r"\w+", s.text))
        for i, w in enumerate(words):
            if fold(w.group(), "sh") in ("ne", "nije", "nisu", "nece", "nijesu") and any(
                fold(x.group(), "sh").startswith(stems) for x in words[i + 1 : i + 3]
            ):
                end = next(x for x in words[i + 1 : i + 3] if fold(x.group(), "sh").startswith(stems))
                cue = (s.start + w.start(), s.start + end.end(), s.text[w.start() : end.end()])
                break
        if cue:
            break
    if cue is None:
        return None
    for t in tgt:
        for m in _EXCLUDING.finditer(t.text):
            if not _NEGATED_BEFORE.search(t.text[: m.start()]):
                return (t.start + m.start(), t.start + m.end(), m.group()), cue
    return None


def _rendered(words: tuple, english: str, lang: str) -> int:
    """How many of the source's prefixed ``words`` the English renders by one of their dictionary
    translations, other than as "not" + the translation ("nedaleko": "not far" is the negation)."""
    if not words:
        return 0
    from backcheck.lang.glosses import translations

    tokens = re.findall(r"[a-z]+", english.lower())
    count = 0
    for word in words:
        glosses = {g for g in translations(word, lang) if " " not in g}
        if any(t in glosses and (i == 0 or tokens[i - 1] != "not") for i, t in enumerate(tokens)):
            count += 1
    return count


def _cues_rendering_words(tp: Polarity, src, sp: Polarity, lang: str) -> int:
    """How many of the English's lexical cues (hard ones never) translate a source word that is
    no cue of the source's: "failure" for kvar ("fault"), a noun the source states plainly."""
    from backcheck.lang.glosses import linked
    from backcheck.lang.text import has_cyrillic, to_latin

    # verbs and nouns of failure, refusal, loss (_SPEC's stems), not function words (unless,
    # without, until), which stand for a negator as often as for a word of their own
    stems = tuple(_SPEC["en"]["stems"].split())
    flexible = [c[2] for c in tp.cues if c[3] == "flexible" and c[2].lower().startswith(stems)]
    if not flexible:
        return 0
    text = " ".join(s.text for s in src)
    latin = to_latin(text).text if has_cyrillic(text) else text
    cue_words = {fold(to_latin(c[2]).text) for c in sp.cues}
    words = [w for w in re.findall(r"[^\W\d_]{3,}", latin) if fold(w) not in cue_words]
    return sum(1 for cue in flexible if any(linked(cue, w, lang) for w in words))


#: English negative-polarity items: licensed by a negation ("not yet", "never ever", "not any").
_NPI = frozenset("ever any anyone anything anybody either yet still".split())


def _polarity_items(p: Polarity) -> int:
    return sum(1 for c in p.cues if c[3] == "flexible" and c[2].lower() in _NPI)


def _sentences_polarity(sentences, lang) -> Polarity | None:
    found = [polarity(s.text, lang, s.start) for s in sentences]
    parts = [p for p in found if p is not None]
    if len(parts) < len(found):
        return None
    return Polarity(
        sum(p.hard for p in parts),
        sum(p.flexible for p in parts),
        tuple(c for p in parts for c in p.cues),
        sum(p.soft for p in parts),
        sum(p.prefixed for p in parts),
        tuple(w for p in parts for w in p.words),
    )
