"""Which language and script is a source article written in?

py3langid (a maintained fork of langid.py, a naive-Bayes byte n-gram model of 97 languages, about
2 MB) tells Serbo-Croatian from the neighbouring languages reliably, but no identifier tells
Croatian, Bosnian, Serbian Latin and Montenegrin apart sentence by sentence: they are one
language with standard variants. backcheck treats them alike, so the variant only matters for the
segmenter; the script is counted directly (Cyrillic text is Serbian, Montenegrin or a
neighbouring Cyrillic language, never Croatian or Bosnian in news). lingua-language-detector was
measured as well (no better on the variants, a 96 MB wheel); see ``scripts/evaluate.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from backcheck.errors import InputError
from backcheck.lang.languages import BCMS
from backcheck.lang.languages import SOURCE_LANGS as LANGUAGE_CODES
from backcheck.lang.text import cyrillic_share

#: The standard variants of Serbo-Croatian that backcheck accepts as a source.
SERBO_CROATIAN = BCMS
#: What ``--source-lang`` accepts besides ``auto``: the variants and the other source languages
#: whose checks are language-generic (names, numbers, untranslated words).
SOURCE_LANGS = LANGUAGE_CODES
#: Languages the identifier chooses among: the accepted ones plus English (a source that is
#: really the translation again is a common mix-up).
_CANDIDATES = ("hr", "sr", "bs", "sl", "mk", "bg", "ru", "uk", "pl", "cs", "sk", "de", "fr", "it", "es", "en")
#: Declared languages whose identification is checked (the others cannot be confirmed).
IDENTIFIABLE = frozenset(_CANDIDATES) | {"cnr"}
#: Languages an identifier confuses on news text and that backcheck treats alike.
_CONFUSABLE = (frozenset(SERBO_CROATIAN), frozenset({"cs", "sk"}), frozenset({"ru", "uk"}), frozenset({"bg", "mk"}))
#: How many characters of an article are enough to identify its language.
_SAMPLE = 4000


@dataclass(frozen=True)
class Detection:
    lang: str  #: ISO 639-1 code (Serbo-Croatian variants reported as hr, sr or bs)
    script: str  #: "Cyrl" or "Latn"
    confidence: float  #: the identifier's normalised probability

    @property
    def serbo_croatian(self) -> bool:
        return self.lang in SERBO_CROATIAN


def same_language(declared: str, detected: str) -> bool:
    """Is ``detected`` an acceptable reading of ``declared``? The variants count as one."""
    for group in _CONFUSABLE:
        if declared in group:
            return detected in group
    return declared == detected


#: How far ahead of every accepted language another language must be before a source is refused
#: as unsupported (normalised probabilities over the full model): short texts are noisy, and the
#: variants share their probability among hr, bs and sr, so only a clear verdict refuses.
_UNSUPPORTED_MARGIN = 0.5
#: Fewer letters than this are never refused: a headline of three words identifies nothing.
_UNSUPPORTED_MIN_LETTERS = 20


@lru_cache(maxsize=1)
def _full_identifier():
    """The identifier over every language of the model (not only the candidates)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def unsupported_language(text: str) -> tuple[str, float] | None:
    """The language ``text`` is clearly written in when backcheck cannot take it as a source
    (Portuguese, Hebrew, Chinese...), with its probability; None when it may be a candidate.

    The full model ranks every language; the text is refused only when its best language is not
    a candidate and leads the best candidate by :data:`_UNSUPPORTED_MARGIN`, and only when it
    has at least :data:`_UNSUPPORTED_MIN_LETTERS` letters."""
    sample = text[:_SAMPLE]
    if sum(c.isalpha() for c in sample) < _UNSUPPORTED_MIN_LETTERS:
        return None
    ranking = _full_identifier().rank(sample)
    best, prob = ranking[0]
    if best in _CANDIDATES:
        return None
    candidate = max((p for lang, p in ranking if lang in _CANDIDATES), default=0.0)
    return (best, float(prob)) if prob - candidate >= _UNSUPPORTED_MARGIN else None


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(_CANDIDATES))
    return ident


def detect(text: str) -> Detection:
    """Language and script of ``text`` (an article or a sentence)."""
    sample = text[:_SAMPLE]
    if not any(c.isalpha() for c in sample):
        raise InputError("cannot identify the language of a text without letters")
    lang, prob = _identifier().classify(sample)
    script = "Cyrl" if cyrillic_share(sample) > 0.5 else "Latn"
    if lang in ("hr", "bs") and script == "Cyrl":
        lang = "sr"  # Croatian and Bosnian news is not written in Cyrillic
    return Detection(lang, script, float(prob))


def resolve_source_lang(code: str | None, text: str) -> str:
    """The language to process a source with: ``auto`` (or nothing) detects it."""
    if code is None or code == "auto":
        found = unsupported_language(text)
        if found is not None:
            raise InputError(
                f"unsupported language: the source looks like {found[0]!r} (probability {found[1]:.2f}), "
                f"not one backcheck reads; give --source-lang one of {', '.join(SOURCE_LANGS)} "
                f"if it really is one of them"
            )
        return detect(text).lang
    code = code.lower()
    if code not in SOURCE_LANGS:
        raise InputError(f"unknown source language {code!r}; use auto or one of {', '.join(SOURCE_LANGS)}")
    return code
