"""Pick the engine for ``--engine auto|ct2|apertium|none``.

``auto`` prefers an installed neural model for the pair (CTranslate2), then Apertium when the
Debian pair is installed, then none: model-free checks still run and the report says so.
"""

from __future__ import annotations

import os
from pathlib import Path

from backcheck.engines.base import Engine
from backcheck.engines.catalog import find_model
from backcheck.engines.catalog import models_dir as default_models_dir
from backcheck.errors import ConfigError, EngineError

ENGINES = ("auto", "ct2", "apertium", "none")


def resolve(
    name: str,
    src: str = "en",
    tgt: str = "sr",
    *,
    models_dir: str | os.PathLike | None = None,
    use_cache: bool = True,
    cache_path: str | os.PathLike | None = None,
    device: str = "auto",
    threads: int | None = None,
    **ct2_options,
) -> Engine | None:
    """The engine called ``name`` for ``src`` → ``tgt``, wrapped in the translation cache unless
    ``use_cache`` is false; None for ``none`` (or ``auto`` with nothing installed). ``device`` and
    ``threads`` come from the configuration (``Config.device``, ``Config.threads``)."""
    if name not in ENGINES:
        raise ConfigError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")
    if threads:
        ct2_options = {"intra_threads": threads, **ct2_options}
    engine = _pick(name, src, tgt, Path(default_models_dir(models_dir)), {"device": device, **ct2_options})
    if engine is None or not use_cache:
        return engine
    from backcheck.engines.cache import CachedEngine, TranslationCache

    return CachedEngine(engine, TranslationCache(cache_path))


def _pick(name: str, src: str, tgt: str, directory: Path, ct2_options: dict) -> Engine | None:
    if name == "none":
        return None
    if name in ("auto", "ct2"):
        model = find_model(directory, src, tgt)
        if model is not None:
            from backcheck.engines.ct2 import CT2Engine

            return CT2Engine(model, **ct2_options)
        if name == "ct2":
            raise EngineError(
                f"no CTranslate2 model for {src} → {tgt} in {directory}; install one with "
                "`backcheck models install opus-mt-tc-base-en-sh` (see `backcheck models list`)"
            )
    from backcheck.engines import apertium

    if name == "apertium" or apertium.available(src, tgt):
        engine = apertium.ApertiumEngine()
        engine.mode(src, tgt)  # fail now, with the apt-get hint, rather than mid-run
        return engine
    return None
