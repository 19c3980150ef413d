"""Apertium engine: Debian's ``apertium`` with the ``apertium-hbs-eng`` language pair.

A rule-based fallback when no neural model is installed: lower quality, but available offline
from the distribution (``apt-get install apertium-hbs-eng``). All sentences go through one process
call, one sentence per line (Apertium keeps line breaks as format). ``-u`` drops the ``*``/``#``/``@``
marks Apertium puts on unknown words and failed transfers, which would otherwise be compared as
text. It has no probabilities, so ``score`` returns None and its signature says so.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from backcheck.engines.base import TokenScores, Translation
from backcheck.engines.catalog import canonical_lang
from backcheck.errors import EngineError
from backcheck.lang.languages import LANGUAGES

PACKAGE = "apertium-hbs-eng"
#: (source, target) -> mode, from the languages table (Montenegrin goes through the Serbian mode).
MODES = {
    pair: mode
    for lang in LANGUAGES.values()
    if lang.apertium and lang.source
    for pair, mode in (
        ((("en", lang.code)), f"eng-{lang.apertium}"),
        ((lang.code, "en"), f"{lang.apertium.split('_')[0]}-eng"),
    )
}
TIMEOUT_S = 600


@lru_cache(maxsize=1)
def installed_modes() -> frozenset[str]:
    """Modes the local Apertium knows (empty when Apertium is not installed)."""
    if shutil.which("apertium") is None:
        return frozenset()
    try:
        listing = subprocess.run(["apertium", "-l"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.strip() for line in listing.splitlines() if line.strip())


@lru_cache(maxsize=1)
def _package_version() -> str:
    if shutil.which("dpkg-query") is None:
        return "unknown"
    try:
        done = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", PACKAGE], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return done.stdout.strip() or "unknown"


def available(src: str = "en", tgt: str = "sr") -> bool:
    return MODES.get((canonical_lang(src), canonical_lang(tgt))) in installed_modes()


class ApertiumEngine:
    """Rule-based translation through one ``apertium`` process per batch."""

    name = "apertium"

    def mode(self, src: str, tgt: str) -> str:
        pair = (canonical_lang(src), canonical_lang(tgt))
        mode = MODES.get(pair)
        if mode is None:
            raise EngineError(
                f"Apertium ({PACKAGE}) does not translate {pair[0]} → {pair[1]}; "
                f"it knows {', '.join(sorted({f'{s}→{t}' for s, t in MODES}))}"
            )
        if mode not in installed_modes():
            raise EngineError(f"Apertium mode {mode} is not installed: `apt-get install {PACKAGE}`")
        return mode

    def translate(self, sentences: Sequence[str], src: str, tgt: str) -> list[Translation]:
        if not sentences:
            return []
        mode = self.mode(src, tgt)
        # a line break inside a sentence would split it in two on the way back
        lines = [" ".join(s.split()) for s in sentences]
        try:
            done = subprocess.run(
                ["apertium", "-u", mode],
                input="\n".join(lines) + "\n",
                capture_output=True,
                text=True,
                timeout=TIMEOUT_S,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise EngineError(f"apertium {mode} failed to run: {exc}") from None
        if done.returncode != 0:
            raise EngineError(f"apertium {mode} exited with {done.returncode}: {done.stderr.strip()[:300]}")
        out = done.stdout.split("\n")
        if out and out[-1] == "":
            out.pop()
        if len(out) != len(lines):
            raise EngineError(f"apertium {mode} returned {len(out)} lines for {len(lines)} sentences")
        return [Translation(text.strip()) for text in out]

    def score(self, sources: Sequence[str], targets: Sequence[str], src: str, tgt: str) -> list[TokenScores] | None:
        return None  # rule-based: no probabilities to force-decode

    def signature(self) -> dict[str, Any]:
        return {"name": self.name, "pair": f"{PACKAGE} {_package_version()}", "scores": "none"}
