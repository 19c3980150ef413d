"""Apertium engine: Debian's ``apertium`` with the ``apertium-hbs-eng`` language pair.

A rule-based fallback when no neural model is installed: lower quality, but available offline
from the distribution (``apt-get install apertium-hbs-eng``). Sentences go one per line (Apertium
keeps line breaks as format). ``-u`` (``-n`` to the generator) drops the ``*``/``#``/``@`` marks
Apertium puts on unknown words and failed transfers, which would otherwise be compared as text. It
has no probabilities, so ``score`` returns None and its signature says so.

Starting Apertium's pipeline (eight programs loading their transducers) costs about 0.3 s, far
more than translating a sentence, so an engine keeps one pipeline per mode running in null-flush
mode (``apertium-wblank-mode -z``: every program flushes at a NUL), as apertium-apy does, and
sends each batch as one NUL-terminated block in Apertium's stream format. Where that is not
available, or the pipeline fails, one ``apertium -u MODE`` process per batch does the same work.
"""

from __future__ import annotations

import os
import re
import selectors
import shutil
import signal
import subprocess
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
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


#: characters with a meaning in Apertium's stream format, escaped with a backslash in text
_SPECIAL = re.compile(r"([\\\[\]^$/@*<>{}#+|~])")


def _deformat(lines: Sequence[str]) -> str:
    """Plain lines in Apertium's stream format: specials escaped, each line end a superblank."""
    return "".join(_SPECIAL.sub(r"\\\1", line) + "[\n]" for line in lines)


def _reformat(stream: str) -> str:
    """Apertium's stream format back to text: superblanks opened, escapes dropped."""
    out: list[str] = []
    i, n = 0, len(stream)
    in_blank = False
    while i < n:
        ch = stream[i]
        if ch == "\\" and i + 1 < n:
            out.append(stream[i + 1])
            i += 2
            continue
        if ch == "[" and not in_blank:
            in_blank = True
        elif ch == "]" and in_blank:
            in_blank = False
        else:
            out.append(ch)
        i += 1
    return "".join(out)


class _Pipeline:
    """One running null-flush pipeline of a mode: a block in, a NUL-terminated block out."""

    def __init__(self, mode: str):
        modes = Path(os.environ.get("BACKCHECK_APERTIUM_MODES", "/usr/share/apertium/modes"))
        mode_file = modes / f"{mode}.mode"
        if shutil.which("apertium-wblank-mode") is None or not mode_file.is_file():
            raise OSError(f"no null-flush pipeline for {mode}")
        script = subprocess.run(
            ["apertium-wblank-mode", "-z", str(mode_file)], capture_output=True, text=True, timeout=30, check=True
        ).stdout.strip()
        if not script:
            raise OSError(f"apertium-wblank-mode gave no pipeline for {mode}")
        # "$1" in a mode file is the generator's option: -n drops the unknown-word marks (apertium -u)
        self.process = subprocess.Popen(
            ["bash", "-c", script, "bash", "-n"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # one process group: the pipeline's programs end together
        )

    def translate(self, lines: Sequence[str], timeout: float) -> list[str]:
        process = self.process
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(_deformat(lines).encode("utf-8") + b"\0")
        process.stdin.flush()
        received = bytearray()
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            while not received.endswith(b"\0"):
                if not selector.select(timeout):
                    raise OSError(f"no answer in {timeout:g} s")
                chunk = os.read(process.stdout.fileno(), 1 << 16)
                if not chunk:
                    raise OSError("the pipeline ended")
                received += chunk
        out = _reformat(received[:-1].decode("utf-8")).split("\n")
        if out and out[-1] == "":
            out.pop()
        return out

    def close(self) -> None:
        if self.process.poll() is None:
            if self.process.stdin is not None:
                self.process.stdin.close()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.kill()

    def kill(self) -> None:
        """End every program of the pipeline (a stuck or broken one)."""
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.process.wait()


class ApertiumEngine:
    """Rule-based translation through a running pipeline per mode (or a process per batch)."""

    name = "apertium"

    def __init__(self) -> None:
        self._pipelines: dict[str, _Pipeline | None] = {}  #: None: this mode runs a process per batch
        self._lock = threading.Lock()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # at interpreter exit: the pipeline ends on its closed input anyway
            pass

    def close(self) -> None:
        for pipeline in getattr(self, "_pipelines", {}).values():
            if pipeline is not None:
                pipeline.close()
        self._pipelines = {}

    def _through_pipeline(self, mode: str, lines: list[str]) -> list[str] | None:
        """The pipeline's translation of ``lines``, or None where there is no working pipeline
        (then the caller runs one process; a pipeline that failed once is not tried again)."""
        with self._lock:
            if mode not in self._pipelines:
                try:
                    self._pipelines[mode] = _Pipeline(mode)
                except (OSError, subprocess.SubprocessError):
                    self._pipelines[mode] = None
            pipeline = self._pipelines[mode]
            if pipeline is None:
                return None
            try:
                out = pipeline.translate(lines, TIMEOUT_S)
            except (OSError, ValueError, UnicodeDecodeError):
                out = None
            if out is None or len(out) != len(lines):
                pipeline.kill()
                self._pipelines[mode] = None
                return None
            return out

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
        # a line break inside a sentence would split it in two on the way back; a NUL ends a block
        lines = [" ".join(s.replace("\0", " ").split()) for s in sentences]
        piped = self._through_pipeline(mode, lines)
        if piped is not None:
            return [Translation(text.strip()) for text in piped]
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
