"""Back-translation engines behind one protocol (see :mod:`backcheck.engines.base`).

Engine modules import their heavy libraries (ctranslate2, sentencepiece) only when an engine is
created, so importing this package is cheap.
"""

from .base import Engine, TokenScores, Translation
from .resolve import ENGINES, resolve

__all__ = ["ENGINES", "Engine", "TokenScores", "Translation", "resolve"]
