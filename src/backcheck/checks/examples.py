"""Examples that run: what each check flags, and a near-miss it leaves alone.

The examples are data (``examples.toml`` beside this module, one ``[["check.id"]]`` entry per
example), printed by ``backcheck explain ID`` and run through the pipeline by
``tests/test_check_examples.py``, so an example cannot drift from what the check does.
The file is read on first use, never at import.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

EXAMPLES_FILE = "examples.toml"
SOURCE_LANGS = ("sr", "hr", "bs", "cnr")
#: What an example may need besides the text: "engine" marks a check that reads back-translation
#: scores; the example then carries the engine's output (``backtranslation``, ``round_trip``).
NEEDS = ("engine",)

_KEYS = {
    "english",
    "source",
    "source_lang",
    "flags",
    "suggestion",
    "note",
    "config",
    "needs",
    "backtranslation",
    "round_trip",
}


@dataclass(frozen=True)
class Example:
    """One example of a check. ``flags`` is the exact English text the check must flag (with
    ``suggestion``, exactly, or None when the check suggests nothing); ``flags`` None makes it a
    near-miss, a text the check must not flag."""

    english: str
    source: str | None = None
    source_lang: str = "sr"
    flags: str | None = None
    suggestion: str | None = None
    note: str = ""
    #: keyword arguments of :class:`backcheck.config.Config` the example runs under (e.g. a glossary)
    config: dict[str, Any] = field(default_factory=dict)
    needs: str | None = None
    #: (needs = "engine") the engine's back-translation of each English sentence, in order
    backtranslation: tuple[str, ...] = ()
    #: (needs = "engine", no source) each back-translation translated into English again
    round_trip: tuple[str, ...] = ()

    @property
    def positive(self) -> bool:
        return self.flags is not None

    def summary(self) -> str:
        """One line: what is flagged in which English, and the suggestion."""
        if self.flags is None:
            return f'not flagged: "{self.english}"'
        suggestion = f" → {self.suggestion}" if self.suggestion else ""
        return f'«{self.flags}» in "{self.english}"{suggestion}'


def _example(check_id: str, n: int, entry: dict[str, Any]) -> Example:
    where = f"{EXAMPLES_FILE}: {check_id} example {n}"
    unknown = set(entry) - _KEYS
    if unknown:
        raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    if not isinstance(entry.get("english"), str) or not entry["english"].strip():
        raise ValueError(f"{where}: no english text")
    if not isinstance(entry.get("note"), str) or not entry["note"].strip() or "\n" in entry["note"]:
        raise ValueError(f"{where}: the note must be one line")
    example = Example(
        english=entry["english"],
        source=entry.get("source"),
        source_lang=entry.get("source_lang", "sr"),
        flags=entry.get("flags"),
        suggestion=entry.get("suggestion"),
        note=entry["note"],
        config=dict(entry.get("config", {})),
        needs=entry.get("needs"),
        backtranslation=tuple(entry.get("backtranslation", ())),
        round_trip=tuple(entry.get("round_trip", ())),
    )
    if example.source_lang not in SOURCE_LANGS:
        raise ValueError(f"{where}: source_lang {example.source_lang!r} is not one of {', '.join(SOURCE_LANGS)}")
    if example.flags is not None and example.flags not in example.english:
        raise ValueError(f"{where}: flags {example.flags!r} is not in the english text")
    if example.suggestion is not None and example.flags is None:
        raise ValueError(f"{where}: a suggestion without flags")
    if example.needs is not None and example.needs not in NEEDS:
        raise ValueError(f"{where}: needs {example.needs!r} is not one of {', '.join(NEEDS)}")
    if example.needs == "engine":
        if not example.backtranslation:
            raise ValueError(f'{where}: needs = "engine" without a backtranslation')
        if example.source is None and len(example.round_trip) != len(example.backtranslation):
            raise ValueError(f"{where}: a round trip (no source) needs one round_trip per backtranslation")
    elif example.backtranslation or example.round_trip:
        raise ValueError(f'{where}: backtranslation or round_trip without needs = "engine"')
    return example


@lru_cache(maxsize=1)
def all_examples() -> dict[str, tuple[Example, ...]]:
    """Every example, by check id, in the order of the file."""
    text = resources.files("backcheck.checks").joinpath(EXAMPLES_FILE).read_text("utf-8")
    data = tomllib.loads(text)
    out = {}
    for check_id, entries in data.items():
        if not isinstance(entries, list):
            raise ValueError(f'{EXAMPLES_FILE}: {check_id} must be an array of tables ([["{check_id}"]])')
        out[check_id] = tuple(_example(check_id, n, entry) for n, entry in enumerate(entries, 1))
    return out


def examples(check_id: str) -> tuple[Example, ...]:
    """The examples of one check (empty when it has none)."""
    return all_examples().get(check_id, ())
