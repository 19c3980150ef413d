"""`backcheck check`, `backcheck checks` and `backcheck explain`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from backcheck.cli.common import Severity, check_engine, check_format, emit, fail
from backcheck.errors import BackcheckError, ExitCode

DECISIONS_OPTION = typer.Option(
    "--decisions",
    help="The editors' decisions store: flags dismissed there for this article are left out "
    "[default: decisions.sqlite beside the cache, when it exists].",
)
NO_DECISIONS_OPTION = typer.Option("--no-decisions", help="Report every flag, even those an editor dismissed.")


def decisions_value(path: Optional[Path], off: bool) -> str | bool | None:
    """The configuration value of ``--decisions``/``--no-decisions`` (None: not given)."""
    if off:
        return False
    return str(path) if path is not None else None


def check(
    file: Annotated[Path, typer.Argument(help="The translated (English) article: .txt, .md or .html.")],
    source: Annotated[Optional[Path], typer.Option("--source", "-s", help="The original article.")] = None,
    source_lang: Annotated[
        Optional[str],
        typer.Option(
            "--source-lang", help="Language of the source: sr, hr, bs, cnr, or auto (detect) [default: auto]."
        ),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", callback=check_format, help="Report format: text, json, ... (see the README)."),
    ] = "text",
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write the report to this file (atomically).")
    ] = None,
    fail_on: Annotated[
        Optional[Severity],
        typer.Option("--fail-on", help="Exit 1 when a flag is at or above this severity [default: major]."),
    ] = None,
    engine: Annotated[
        Optional[str],
        typer.Option(
            "--engine",
            callback=check_engine,
            help="Back-translation engine: auto (an installed neural model, else Apertium, else none), ct2, apertium or none [default: auto].",
        ),
    ] = None,
    max_bytes: Annotated[
        Optional[int],
        typer.Option("--max-bytes", min=1, help="Refuse input files larger than this many bytes [default: 10 MB]."),
    ] = None,
    config_file: Annotated[
        Optional[Path],
        typer.Option(
            "--config",
            help="Configuration file (default: backcheck.toml, or [tool.backcheck] in pyproject.toml, in the working directory).",
        ),
    ] = None,
    baseline: Annotated[
        Optional[Path],
        typer.Option("--baseline", help="Drop findings accepted in this baseline (`backcheck baseline create`)."),
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the translation cache.")] = False,
    models_dir: Annotated[
        Optional[Path],
        typer.Option(
            "--models-dir", help="Where models are installed (default: $BACKCHECK_MODELS, else models/ in a checkout)."
        ),
    ] = None,
    decisions: Annotated[Optional[Path], DECISIONS_OPTION] = None,
    no_decisions: Annotated[bool, NO_DECISIONS_OPTION] = False,
) -> None:
    """Check one translated article (or a bilingual XLIFF/TMX/PO/TSV/JSONL file) and report suspect spans."""
    cli_values = {
        "fail_on": fail_on.value if fail_on else None,
        "engine": engine,
        "source_lang": source_lang,
        "baseline": str(baseline) if baseline else None,
        "decisions": decisions_value(decisions, no_decisions),
    }
    try:
        report = _run_check(
            file,
            source,
            cli_values,
            fmt=fmt,
            output=output,
            max_bytes=max_bytes,
            config_file=config_file,
            use_cache=not no_cache,
            models_dir=models_dir,
        )
    except BackcheckError as exc:
        fail(exc)
    raise typer.Exit(int(report.exit_code()))


def _run_check(
    file: Path,
    source: Path | None,
    cli_values: dict,
    *,
    fmt: str,
    output: Path | None,
    max_bytes: int | None,
    config_file: Path | None,
    use_cache: bool,
    models_dir: Path | None,
):
    """Resolve the configuration, check the article, write the report; returns the report."""
    from backcheck.formats.output import refuse_overwriting_inputs
    from backcheck.pipeline.check import check as run_check
    from backcheck.pipeline.configure import resolve
    from backcheck.render import render

    refuse_overwriting_inputs(
        output,
        file,
        source,
        Path(cli_values["baseline"]) if cli_values["baseline"] else None,
        Path(cli_values["decisions"]) if cli_values.get("decisions") else None,
    )
    config = resolve(cli_values, Path.cwd(), config_file)
    report = run_check(
        str(file),
        str(source) if source else None,
        config.source_lang,
        config=config,
        engine=config.engine,
        max_bytes=max_bytes,
        models_dir=str(models_dir) if models_dir else None,
        use_cache=use_cache,
    )
    colour = fmt == "text" and output is None and sys.stdout.isatty()
    emit(render(report, fmt, colour=colour), output)
    return report


def list_checks() -> None:
    """List the checks with their id, category and default severity."""
    from backcheck.checks import all_checks

    for check_id, cls in all_checks().items():
        summary = cls.doc().split(". ")[0].replace("\n", " ")
        typer.echo(f"{check_id:24} {cls.category:15} {cls.severity:9} {summary}.")


def explain(check_id: Annotated[str, typer.Argument(help="A check id, e.g. name.inflected.")]) -> None:
    """Explain a check: the linguistic reason behind it, with examples of what it flags and what it does not."""
    from backcheck.checks import all_checks
    from backcheck.checks.examples import examples

    checks = all_checks()
    if check_id not in checks:
        typer.echo(f"backcheck: error: unknown check {check_id!r}; `backcheck checks` lists them", err=True)
        raise typer.Exit(int(ExitCode.USAGE))
    cls = checks[check_id]
    typer.echo(
        f"{check_id}  (category {cls.category}, default severity {cls.severity}"
        + (", needs --source" if cls.requires_source else "")
        + ")\n"
    )
    typer.echo(cls.doc())
    structured = examples(check_id)
    import json

    from backcheck.lang.languages import LANGUAGES

    typer.echo("\nExamples (each one is run by the test suite):")
    for n, ex in enumerate(structured, 1):
        lines = []
        if ex.config:
            lines.append(
                "config: " + ", ".join(f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in ex.config.items())
            )
        if ex.source is not None:
            lang = LANGUAGES[ex.source_lang].name if ex.source_lang in LANGUAGES else ex.source_lang
            lines.append(f"source ({lang}): {ex.source}")
        lines.append(f"English: {ex.english}")
        if ex.needs == "engine":
            lines += [f"back-translation: {bt}" for bt in ex.backtranslation]
            lines += [f"round trip: {rt}" for rt in ex.round_trip]
        if ex.positive:
            suggestion = ex.suggestion if ex.suggestion is not None else "(no suggestion)"
            lines.append(f"flags: «{ex.flags}» → {suggestion}")
        else:
            lines.append("does not flag (near-miss)")
        lines.append(f"note: {ex.note}")
        text = f"{n}. " + "\n   ".join("\n   ".join(line.splitlines()) for line in lines)
        typer.echo("\n" + "\n".join(line.rstrip() for line in text.splitlines()))
