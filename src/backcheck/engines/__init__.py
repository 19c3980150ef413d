"""Back-translation engines behind one protocol (see :mod:`backcheck.engines.base`).

Engine modules import their heavy libraries (ctranslate2, sentencepiece) only when an engine is
created, so importing this package is cheap.
"""

from backcheck.engines.base import Engine, TokenScores, Translation
from backcheck.engines.resolve import ENGINES, resolve

__all__ = ["ENGINES", "Engine", "TokenScores", "Translation", "resolve"]
