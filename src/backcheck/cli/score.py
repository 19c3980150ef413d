"""`backcheck score`: fidelity of a translation against its source, for pipelines (sacrebleu-like)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from backcheck.cli.common import check_engine, emit, fail
from backcheck.errors import BackcheckError, ExitCode


def score(
    source: Annotated[
        Path, typer.Option("--source", "-s", help="The source: one segment per line, or an article with --documents.")
    ],
    translation: Annotated[
        Path, typer.Option("--translation", "-t", help="The English translation, paired with the source.")
    ],
    reference: Annotated[
        Optional[Path],
        typer.Option(
            "--reference", "-r", help="A reference translation: also report chrF++, chrF, BLEU and TER against it."
        ),
    ] = None,
    source_lang: Annotated[
        Optional[str],
        typer.Option("--source-lang", help="Language of the source: sr, hr, bs, cnr (default: detected)."),
    ] = None,
    engine: Annotated[
        str,
        typer.Option("--engine", callback=check_engine, help="Back-translation engine: auto, ct2, apertium or none."),
    ] = "auto",
    documents: Annotated[
        bool,
        typer.Option(
            "--documents",
            help="Read the files as articles and align their sentences (default: line n pairs with line n).",
        ),
    ] = False,
    min_fidelity: Annotated[
        Optional[float], typer.Option("--min-fidelity", help="Exit 1 when the mean fidelity (0-100) is below this.")
    ] = None,
    segments: Annotated[
        bool, typer.Option("--segments/--no-segments", help="Include per-segment scores in the JSON.")
    ] = True,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write the JSON to this file (atomically).")
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the translation cache.")] = False,
    models_dir: Annotated[Optional[Path], typer.Option("--models-dir", help="Where models are installed.")] = None,
) -> None:
    """Score how faithfully a translation renders its source (JSON on stdout, with signatures).

    Exit codes: 0 scored (and at or above --min-fidelity); 1 mean fidelity below --min-fidelity;
    3 unreadable input or files that do not pair; 4 no engine, or an engine or model error.
    """
    from backcheck.errors import EngineError
    from backcheck.pipeline.score import score_files

    try:
        result = score_files(
            str(source),
            str(translation),
            str(reference) if reference else None,
            engine=engine,
            source_lang=source_lang,
            documents=documents,
            models_dir=str(models_dir) if models_dir else None,
            use_cache=not no_cache,
        )
        if "fidelity" not in result and (min_fidelity is not None or reference is None):
            raise EngineError(
                "fidelity needs a back-translation engine (--engine apertium or ct2); install one "
                "with `apt-get install apertium-hbs-eng` or `backcheck models install`"
            )
    except BackcheckError as exc:
        fail(exc)
    if not segments:
        result.pop("segments", None)
    passed = min_fidelity is None or result["fidelity"].get("fidelity", 0.0) >= min_fidelity
    if min_fidelity is not None:
        result["gate"] = {"min_fidelity": min_fidelity, "passed": passed}
    emit(json.dumps(result, ensure_ascii=False, indent=2) + "\n", output)
    raise typer.Exit(int(ExitCode.OK if passed else ExitCode.FLAGGED))
