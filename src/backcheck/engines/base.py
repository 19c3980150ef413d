"""The Engine protocol every back-translation engine implements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable


@dataclass(frozen=True)
class Translation:
    """One translated sentence. ``tokens`` and ``score`` are empty/None for engines without them."""

    text: str
    tokens: tuple[str, ...] = ()
    score: float | None = None  #: mean log-probability per token, when the engine has one


@dataclass(frozen=True)
class TokenScores:
    """Forced-decoding result for one pair: the target tokens and their log-probabilities."""

    tokens: tuple[str, ...]
    log_probs: tuple[float, ...] = field(default=())

    @property
    def mean(self) -> float:
        return sum(self.log_probs) / len(self.log_probs) if self.log_probs else float("nan")


@runtime_checkable
class Engine(Protocol):
    name: str

    def translate(self, sentences: Sequence[str], src: str, tgt: str) -> list[Translation]:
        """Translate sentences from ``src`` to ``tgt`` (ISO 639 codes, e.g. "en", "sr", "hr")."""

    def score(self, sources: Sequence[str], targets: Sequence[str], src: str, tgt: str) -> list[TokenScores] | None:
        """Forced decoding: log-probability of each target token given its source; None if unsupported."""

    def signature(self) -> dict[str, Any]:
        """Engine, model id, model checksum, compute type, beam size, versions."""
