"""`backcheck score`: fidelity of a translation file against its source (files of lines, as
sacrebleu pairs them, or whole articles aligned sentence by sentence)."""

from __future__ import annotations

from typing import Any

from backcheck.errors import EngineError
from backcheck.scoring.fidelity import SOURCE, THRESHOLD_NAMES, Pair, metrics, score_with_source

SCORE_SCHEMA = "backcheck-score/1"


def _read_lines(path: str) -> list[str]:
    from backcheck.formats.encoding import read_text

    return read_text(path)[0].splitlines()


def score_files(
    source: str,
    translation: str,
    reference: str | None = None,
    *,
    engine: str = "auto",
    source_lang: str | None = None,
    documents: bool = False,
    thresholds: dict[str, float] | None = None,
    models_dir: str | None = None,
    use_cache: bool = True,
) -> dict[str, Any]:
    """Fidelity of a translation file against its source, as a ``backcheck-score/1`` dict.

    Files of lines (the default) pair line *n* of each file, as sacrebleu does; ``documents``
    reads both as articles and aligns their sentences. With ``reference``, the translation is also
    scored against it (chrF++, chrF, BLEU, TER), sacrebleu's own use.
    """
    from backcheck.errors import InputError
    from backcheck.version import __version__

    thresholds = thresholds or {}
    out: dict[str, Any] = {
        "schema": SCORE_SCHEMA,
        "unit": "documents" if documents else "lines",
        "source": str(source),
        "translation": str(translation),
    }
    score = _score_documents if documents else _score_lines
    lang, forward, result, hypothesis_lines = score(
        source, translation, engine, source_lang, thresholds, models_dir, use_cache
    )
    out["source_lang"] = lang
    out["engine"] = forward.signature() if forward is not None else None
    parts = [
        f"backcheck:{__version__}",
        f"unit:{out['unit']}",
        f"engine:{out['engine']['name'] if out['engine'] else 'none'}",
    ]
    parts += [f"{k}:{v}" for k, v in (out["engine"] or {}).items() if k != "name" and v is not None]
    if result is not None:
        parts.append(result.signature)
        out["fidelity"] = result.document
        out["segments"] = [s.to_dict() for s in result.sentences]
    if reference is not None:
        reference_lines = [_load_text(reference)] if documents else _read_lines(reference)
        if len(reference_lines) != len(hypothesis_lines):
            raise InputError(
                f"{reference} has {len(reference_lines)} lines but {translation} has {len(hypothesis_lines)}"
            )
        out["reference"] = metrics().corpus(hypothesis_lines, reference_lines)
        parts.append(f"reference:{metrics().signature()}")
    out["signature"] = "|".join(parts)
    return out


def _score_documents(
    source: str,
    translation: str,
    engine: str,
    source_lang: str | None,
    thresholds: dict[str, float],
    models_dir: str | None,
    use_cache: bool,
) -> tuple[str, Any, Any, list[str]]:
    """Both files as articles, sentences aligned: (language, forward engine, scores, hypothesis lines)."""
    from backcheck.config import Config
    from backcheck.lang.align import align
    from backcheck.pipeline.check import back_translate, load_job, score_fidelity

    job = load_job(str(translation), str(source), source_lang)
    assert job.source is not None  # a source path was given
    back = back_translate([job], engine, models_dir, use_cache)
    forward, backtranslations = back.engine, back.per_job[0]
    result = None
    if forward is not None:
        alignment = align(job.source, job.document, backtranslations)
        result, _ = score_fidelity(
            job, forward, backtranslations, alignment, Config(thresholds=thresholds), {}, models_dir, use_cache
        )
    return job.source.lang, forward, result, [job.document.text]


def _score_lines(
    source: str,
    translation: str,
    engine: str,
    source_lang: str | None,
    thresholds: dict[str, float],
    models_dir: str | None,
    use_cache: bool,
) -> tuple[str, Any, Any, list[str]]:
    """Files of lines, line *n* with line *n*: (language, forward engine, scores, hypothesis lines)."""
    from backcheck.engines import resolve
    from backcheck.errors import InputError
    from backcheck.lang.langid import resolve_source_lang

    source_lines, english = _read_lines(source), _read_lines(translation)
    if len(source_lines) != len(english):
        raise InputError(
            f"{source} has {len(source_lines)} lines but {translation} has {len(english)}; "
            "files of lines must pair line for line (or pass --documents)"
        )
    lang = resolve_source_lang(source_lang, "\n".join(source_lines))
    forward = resolve(engine, "en", lang, models_dir=models_dir, use_cache=use_cache)
    result = None
    if forward is not None:
        try:
            reverse = resolve(forward.name, lang, "en", models_dir=models_dir, use_cache=use_cache)
        except EngineError:
            reverse = None
        pairs = [
            Pair((i,), (i,), e, s) for i, (e, s) in enumerate(zip(english, source_lines)) if e.strip() and s.strip()
        ]
        bts = [t.text for t in forward.translate([p.english for p in pairs], "en", lang)]
        result = score_with_source(pairs, bts, forward, reverse, lang, thresholds.get(THRESHOLD_NAMES[SOURCE]))
    return lang, forward, result, english


def _load_text(path: str) -> str:
    from backcheck.formats.article import load

    return load(path, lang="en").text
