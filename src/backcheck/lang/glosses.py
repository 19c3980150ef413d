"""Word translations from FreeDict bilingual dictionaries, for telling a translated word from a name.

A capitalised word is not always a name that must survive translation: institutions, holidays
and titles are translated word by word ("Vrhovni sud" / "Supreme Court", "Božić" / "Christmas",
"Njegovo Veličanstvo" / "His Majesty"), and German capitalises every noun. Spelling, case
endings and phonetics cannot link such pairs; a dictionary can. The name checks ask
:func:`linked` whether an English word and a source word translate each other before they call
one of them unmatched or dropped.

The dictionaries are FreeDict's, as Debian ships them for dictd (``apt-get install
dict-freedict-hrv-eng dict-freedict-eng-hrv ...``): a ``.index`` file of headwords with base64
offsets into a gzip-compressed ``.dict.dz`` of entries ("headword /ipa/" then the translations,
comma-separated). backcheck reads both directions where both exist, keeps the one-word headwords
and the translations of at most two words, and reduces the source-language side to stems (folded,
in Latin script, without the final vowels that carry case endings) so that a declined form finds
its lemma (Sudom ← sud, Veličanstva ← veličanstvo).

Russian has only a 1,700-word FreeDict dictionary; backcheck also reads V. K. Mueller's
English-Russian dictionary (``apt-get install mueller7-dict``, GPL data read at run time), whose
entries have their own layout (:func:`read_mueller`).

The index for a language is built once into a small SQLite file next to the translation cache
(``glosses-hbs.sqlite3``, ...) and rebuilt when the dictionary files change. Without the dictionaries
every look-up answers False and the name checks fall back to spelling alone.
``$BACKCHECK_DICTD`` names another directory of dictd files (tests use a tiny one of their own).
"""

from __future__ import annotations

import gzip
import os
import re
import sqlite3
import tempfile
from functools import lru_cache
from pathlib import Path

from backcheck.lang.languages import family
from backcheck.lang.text import case_stem, fold, has_cyrillic, to_latin

DEFAULT_DIR = Path("/usr/share/dictd")
#: Bump when the way entries are read changes: existing indexes are rebuilt.
_FORMAT = "12"  # 9: Serbian words for Croatian ones (sh.toml [serbian_for_croatian]); 11: agent nouns whole
#: FreeDict dictionaries read for each source language, both directions where Debian has them.
DICTIONARIES: dict[str, tuple[str, ...]] = {
    "hbs": ("hrv-eng", "eng-hrv", "srp-eng", "eng-srp"),
    "sl": ("slv-eng",),
    "pl": ("pol-eng", "eng-pol"),
    "cs": ("ces-eng", "eng-ces"),
    "sk": ("slk-eng",),
    "de": ("deu-eng", "eng-deu"),
    "fr": ("fra-eng", "eng-fra"),
    "it": ("ita-eng", "eng-ita"),
    "es": ("spa-eng", "eng-spa"),
    "ru": ("eng-rus", "mueller7"),
    "bg": ("eng-bul",),
}
_WORD = re.compile(r"[^\W\d_]{3,}")
_B64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}
#: Words of English translations that say nothing about the headword ("court of law").
_ENGLISH_STOP = frozenset(
    {
        "the",
        "and",
        "for",
        "with",
        "from",
        "into",
        "one",
        "who",
        "that",
        "not",
        "this",
        "these",
        "those",
        "there",
        "than",
        "then",
        "was",
        "were",
        "are",
        "has",
        "have",
        "had",
        "his",
        "her",
        "its",
        "our",
        "their",
        "out",
        "off",
        "all",
        "any",
        "but",
        "per",
        "via",
        "upon",
        "onto",
        "over",
        "under",
        "about",
        "such",
        "what",
        "which",
        "when",
        "where",
        "how",
        "why",
        "own",
        "some",
    }
)
#: Case endings a source word may add to a dictionary stem (Veličanstv-a, Zgromadzeni-a).
_MAX_ENDING = 5


#: Adjectival case endings (Slavic): "Međunarodnog" is a form of "međunarodni".
_ADJECTIVE_ENDINGS = ("og", "oga", "ogo", "om", "omu", "oj", "ih", "im", "ima", "ega", "ego", "em", "emu")


def dict_dir() -> Path:
    return Path(os.environ.get("BACKCHECK_DICTD") or DEFAULT_DIR)


def _b64(text: str) -> int:
    n = 0
    for c in text:
        n = n * 64 + _B64[c]
    return n


def read_dictd(index: Path, data: Path) -> list[tuple[str, list[str]]]:
    """Entries of one FreeDict dictionary: (headword, translations)."""
    out = []
    for head, body in _dictd_bodies(index, data):
        translations = [
            t.strip()
            for row in body[1:]
            if _translation_line(row)
            for t in re.split(r"[,;]", _MARKUP.sub(" ", _NUMBERING.sub("", row)))
            if t.strip()
        ]
        out.append((head, translations))
    return out


#: Grammar tags, domain labels and cross-references inside a translation line.
_MARKUP = re.compile(r"<[^>]*>|\[[^\]]*\]|\{[^}]*\}|\([^)]*\)")
_NUMBERING = re.compile(r"^\s*\d+\.\s*")


def _translation_line(row: str) -> bool:
    """A line of translations, not a note, a synonym list, a cross-reference or a definition in
    the source language (FreeDict files differ in which they have)."""
    stripped = row.strip()
    return (
        bool(stripped)
        and not row[:1].isspace()
        and not stripped.startswith("(")
        and not stripped.endswith(";")
        and ":" not in stripped[:12]
    )


def stem(word: str) -> str:
    """A source word as the index keeps it: Latin, folded, without final vowels (Veličanstvo →
    velicanstv), the stem the name checks use; Russian and Bulgarian words in the Latin view
    the name checks read."""
    return case_stem(fold(to_latin(word).text if has_cyrillic(word) else word))


def _stems(word: str, lang: str) -> set[str]:
    s = stem(word)
    out = {s}
    if lang == "hbs" and "ć" in word.lower():
        # Serbian writes št where Croatian has ć in some words (općina / opština, općinski)
        out.add(stem(word.lower().replace("ć", "št")))
    if lang == "hbs":
        # Serbian's own word where the dictionaries have the Croatian one (jevrejski: židovski)
        for croatian, serbian in _serbian_for_croatian():
            if s.startswith(croatian):
                out |= {other + s[len(croatian) :] for other in serbian}
    if lang == "hbs" and "je" in s:
        # Serbian writes the ekavian reflex where the dictionaries have ijekavian (bijel / bel,
        # vijeć / već, njemačk / nemačk).
        out.add(re.sub(r"(?<=[^aeiou])je", "e", s.replace("ije", "e")))
    return out


@lru_cache(maxsize=1)
def _serbian_for_croatian() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``sh.toml`` [serbian_for_croatian], longest Croatian stem first."""
    from backcheck.lang.sh.grammar import serbian_for_croatian

    return tuple(sorted(serbian_for_croatian().items(), key=lambda kv: -len(kv[0])))


#: In Mueller's English-Russian dictionary: a transcription or a note in brackets (dropped) ...
_MUELLER_MARKUP = re.compile(r"\[[^\]]*\]|\([^)]*\)")
#: ... and what separates two translations: a label (_n., _биол.), a sense number (1), 2., б)),
#: a line break in the entry.
_MUELLER_SENSE = re.compile(r"_\S+|(?<!\w)(?:\d+|[а-яa-z])[.)](?=\s)|\s{3,}")
_LATIN = re.compile(r"[A-Za-z]")


def read_mueller(index: Path, data: Path) -> list[tuple[str, list[str]]]:
    """Entries of V. K. Mueller's English-Russian dictionary (Debian's ``mueller7-dict``, GPL),
    46,000 headwords where FreeDict's English-Russian has 1,700: (English headword, Russian
    translations). A translation is a segment between commas and semicolons with no Latin
    letter in it; a segment that begins with an example phrase counts when the phrase is the
    headword and one more word (M. Way Млечный Путь, under "milky"). Longer examples are left
    out: their Russian is the example's, not the headword's."""
    out = []
    for head, body in _dictd_bodies(index, data):
        text = _MUELLER_SENSE.sub(";", _MUELLER_MARKUP.sub(" ", "\n".join(body[1:]).replace("\n", ";  ")))
        translations = []
        for segment in re.split(r"[,;]", text):
            words = segment.split()
            latin = [w for w in words if _LATIN.search(w)]
            if not latin:
                translations.append(segment.strip())
            elif (
                len(latin) <= 2
                and words[: len(latin)] == latin
                and latin[0].lower().rstrip(".") in (head.lower(), head[:1].lower())
            ):
                translations.append(" ".join(words[len(latin) :]))
        out.append((head, [t for t in translations if t]))
    return out


def _dictd_bodies(index: Path, data: Path):
    blob = gzip.decompress(data.read_bytes())
    for line in index.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or parts[0].startswith("00database"):
            continue
        offset, length = _b64(parts[1]), _b64(parts[2])
        yield parts[0].strip(), blob[offset : offset + length].decode("utf-8", errors="replace").split("\n")


def _files(name: str, directory: Path) -> tuple[Path, Path]:
    """The index and data file of a dictionary: FreeDict's are named freedict-LANG-LANG."""
    stem = name if name == "mueller7" else f"freedict-{name}"
    return directory / f"{stem}.index", directory / f"{stem}.dict.dz"


def _pairs(lang: str, directory: Path):
    """(English word, source stem) pairs from every installed dictionary of the language."""
    for name in DICTIONARIES[lang]:
        index, data = _files(name, directory)
        if not (index.is_file() and data.is_file()):
            continue
        source_first = not name.startswith("eng-") and name != "mueller7"
        entries = read_mueller(index, data) if name == "mueller7" else read_dictd(index, data)
        for head, translations in entries:
            if " " in head:
                continue
            others = [w for t in translations if len(t.split()) <= 2 for w in _WORD.findall(t)]
            if source_first:
                english, source = [w.lower() for w in others if w.lower() not in _ENGLISH_STOP], [head]
            elif _WORD.fullmatch(head) and head.lower() not in _ENGLISH_STOP:
                english, source = [head.lower()], others
            else:
                continue  # a function word ("the", "on"): its translations are anything
            stems = {s for w in source for s in _stems(w, lang)}
            if not source_first:
                # An English word translated by several source words is also translated by
                # their initials (navy / военно-морской флот / ВМФ), kept as "#vmf".
                stems |= {_INITIALS + initials for t in translations if len(initials := _initials(t)) >= 2}
            for e in english:
                for s in stems:
                    yield e, s


#: Marks an index row that holds the initials of a several-word translation, not a stem.
_INITIALS = "#"


def _initials(translation: str) -> str:
    """The initials of a translation's words, hyphenated parts counted (военно-морской флот →
    vmf), folded and in Latin letters; "" for a one-word translation."""
    words = _WORD.findall(translation)
    return fold(to_latin("".join(w[0] for w in words)).text) if 2 <= len(words) <= 5 else ""


def _stamp(lang: str, directory: Path) -> str:
    files = [f for name in DICTIONARIES[lang] for f in _files(name, directory)]
    return "|".join(
        [_FORMAT, str(directory)]
        + [f"{p.name}:{p.stat().st_size}:{int(p.stat().st_mtime)}" for p in files if p.is_file()]
    )


def _index_path(lang: str) -> Path:
    from backcheck.paths import cache_path

    return cache_path().parent / f"glosses-{lang}.sqlite3"


_SCHEMA = ("CREATE TABLE built (stamp TEXT)", "CREATE TABLE glosses (en TEXT, stem TEXT)")


class Glosses:
    """English word → stems of its source-language translations, for one source language."""

    def __init__(self, lang: str, directory: Path | None = None) -> None:
        self.lang = lang
        self.directory = directory or dict_dir()
        self._conn = self._open()

    @property
    def available(self) -> bool:
        return self._conn is not None

    def _open(self) -> sqlite3.Connection | None:
        stamp = _stamp(self.lang, self.directory)
        if ".index:" not in stamp:
            return None  # no dictionary installed for this language
        path = _index_path(self.lang)
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            row = conn.execute("SELECT stamp FROM built").fetchone()
            if row and row[0] == stamp:
                return conn
            conn.close()
        except sqlite3.Error:
            pass
        return self._build(path, stamp)

    def _build(self, path: Path, stamp: str) -> sqlite3.Connection:
        """Write the index to a temporary file and move it into place: concurrent builders (batch
        workers) each produce a whole file, and readers never see half of one."""
        rows = set(_pairs(self.lang, self.directory))

        def fill(conn: sqlite3.Connection) -> None:
            for statement in _SCHEMA:
                conn.execute(statement)
            conn.executemany("INSERT INTO glosses VALUES (?, ?)", rows)
            conn.execute("CREATE INDEX glosses_en ON glosses (en)")
            conn.execute("CREATE INDEX glosses_stem ON glosses (stem)")
            conn.execute("INSERT INTO built VALUES (?)", (stamp,))
            conn.commit()

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
            os.close(fd)
            try:
                conn = sqlite3.connect(tmp)
                fill(conn)
                conn.close()
                os.replace(tmp, path)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
            return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        except (OSError, sqlite3.Error):
            # A read-only cache directory: keep the index in memory for this process.
            conn = sqlite3.connect(":memory:", check_same_thread=False)
            fill(conn)
            return conn

    @lru_cache(maxsize=65536)  # noqa: B019 (one instance per language, kept for the process)
    def stems(self, english: str) -> frozenset[str]:
        """Stems of the source translations of an English word (its plural and possessive
        forms read as the word)."""
        if self._conn is None:
            return frozenset()
        lower = english.lower()
        forms = {lower}
        if lower.endswith("ies"):
            forms.add(lower[:-3] + "y")
        if lower.endswith("es"):
            forms.add(lower[:-2])
        if lower.endswith("s"):
            forms.add(lower[:-1])
        else:
            forms.add(lower + "s")  # the dictionary gives the plural (Garde / guards)
        marks = ",".join("?" * len(forms))
        rows = self._conn.execute(f"SELECT stem FROM glosses WHERE en IN ({marks})", tuple(forms)).fetchall()
        return frozenset(r[0] for r in rows)

    @lru_cache(maxsize=65536)  # noqa: B019 (one instance per language, kept for the process)
    def knows(self, source: str) -> bool:
        """Is the source word (any case form) a word of the dictionary: a common word, not a name?"""
        if self._conn is None:
            return False
        fs = fold(source)
        prefixes = [fs[:n] for n in range(max(5, len(fs) - 3), len(fs) + 1)]
        if not prefixes:
            return False
        marks = ",".join("?" * len(prefixes))
        return (
            self._conn.execute(f"SELECT 1 FROM glosses WHERE stem IN ({marks}) LIMIT 1", prefixes).fetchone()
            is not None
        )

    @lru_cache(maxsize=65536)  # noqa: B019 (one instance per language, kept for the process)
    def english(self, source: str) -> frozenset[str]:
        """English translations of the source word: of its stem exactly, so that a case form
        finds its lemma (suda ← sud) but not every word that begins like it."""
        if self._conn is None:
            return frozenset()
        lower = source.lower()
        stems = {stem(source)} | {
            stem(source[: -len(e)]) for e in _ADJECTIVE_ENDINGS if lower.endswith(e) and len(source) - len(e) >= 3
        }
        marks = ",".join("?" * len(stems))
        rows = self._conn.execute(f"SELECT en FROM glosses WHERE stem IN ({marks})", tuple(stems)).fetchall()
        return frozenset(r[0] for r in rows)

    def abbreviates(self, english: str, acronym: str) -> bool:
        """Is the source acronym made of the initials of a translation of the English word
        (ВМФ: военно-морской флот, navy)?"""
        return _INITIALS + fold(acronym) in self.stems(english)

    def linked(self, english: str, source: str) -> bool:
        """Does the source word (any case form, Latin view) translate the English word?"""
        stems = self.stems(english)
        if not stems:
            return False
        forms = {fold(source)}
        # An adjective made from a noun in -ik palatalises it: zastupnički ← zastupnik.
        forms |= {f[:i] + "k" + f[i + 2 :] for f in list(forms) if (i := f.rfind("ck")) > 3}
        # A three-letter stem (sud, pad) takes a short ending only: Sudom, not Sudbury.
        return any(
            fs[:n] in stems
            for fs in forms
            for n in range(max(3, len(fs) - _MAX_ENDING), len(fs) + 1)
            if n > 3 or len(fs) <= 5
        )


@lru_cache(maxsize=32)
def glosses(lang: str) -> Glosses | None:
    """The dictionary index for a source language, or None when none is installed."""
    group = "hbs" if family(lang) == "sh" else lang  # FreeDict names Serbo-Croatian hbs
    if group not in DICTIONARIES:
        return None
    g = Glosses(group)
    return g if g.available else None


def known_word(source: str, lang: str) -> bool | None:
    """Is the source word in the dictionary (None when there is no dictionary to ask)?"""
    g = glosses(lang)
    return None if g is None else g.knows(source)


def translations(source: str, lang: str) -> frozenset[str]:
    """English words the dictionary gives for the source word (empty without a dictionary)."""
    g = glosses(lang)
    return frozenset() if g is None else g.english(source)


def abbreviates(english: str, acronym: str, lang: str) -> bool:
    """Is the source acronym (Latin view) the initials of a translation of the English word?"""
    g = glosses(lang)
    return g is not None and len(acronym) >= 2 and g.abbreviates(english, acronym)


_CONTENT_WORD = re.compile(r"[^\W\d_]{3,}")


def rendered_words(source: str, english: str, lang: str) -> tuple[int, int]:
    """(rendered, known): of the source sentence's content words that the dictionary translates
    (``known``), how many have a translation among the English sentence's words (a word, or one
    it begins within three letters: verdict, verdicts). Without a dictionary, (0, 0)."""
    from backcheck.lang import lexicon

    g = glosses(lang)
    if g is None:
        return 0, 0
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", english)}
    low = english.lower()

    def present(translation: str) -> bool:
        if " " in translation:
            return translation in low
        return translation in words or (
            len(translation) >= 4 and any(w.startswith(translation) and len(w) - len(translation) <= 3 for w in words)
        )

    family_code = "sh" if family(lang) == "sh" else lang
    known = rendered = 0
    for m in _CONTENT_WORD.finditer(to_latin(source).text if has_cyrillic(source) else source):
        word = m.group().lower()
        if lexicon.zipf(word, family_code) > lexicon.FUNCTION_ZIPF:  # a function word (je, da, u)
            continue
        found = g.english(word)
        if not found:
            continue
        known += 1
        rendered += any(present(t) for t in found)
    return rendered, known


def linked(english: str, source: str, lang: str) -> bool:
    """Do the English word and the source word translate each other? FreeDict's dictionary (False
    without it), and for a Serbo-Croatian source the one-word renderings of the terms of public
    and church life that ``sh_terms.toml`` lists (jeromonah: Hieromonk, igumanija: Abbess)."""
    g = glosses(lang)
    if g is not None and g.linked(english, source):
        return True
    if family(lang) != "sh":
        return False
    from backcheck.lang.terms import english_for

    rendering = english_for(source)
    word = english.lower().removesuffix("'s").removesuffix("’s")
    return rendering is not None and " " not in rendering and rendering in (word, word.removesuffix("s"))
