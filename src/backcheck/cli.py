"""Command-line interface: thin Typer commands over the library (:mod:`backcheck.api`).

Only this module prints and exits. Library errors (:class:`~backcheck.errors.BackcheckError`)
become a one-line message on stderr and their exit code; data goes to stdout.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from backcheck import __version__
from backcheck.errors import BackcheckError, ExitCode

app = typer.Typer(
    name="backcheck",
    help="Check machine-translated news (Serbian, Croatian, Bosnian, Montenegrin → English) before it is published.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,  # locals may hold unpublished article text
    add_completion=False,
    rich_markup_mode=None,
)


class Severity(str, Enum):
    minor = "minor"
    major = "major"
    critical = "critical"


def _fail(exc: BackcheckError) -> None:
    typer.echo(f"backcheck: error: {exc}", err=True)
    raise typer.Exit(int(exc.exit_code))


def _emit(data: str, output: Optional[Path]) -> None:
    if output is None:
        sys.stdout.write(data)
    else:
        from backcheck.output import write_atomic

        write_atomic(output, data)
        typer.echo(f"backcheck: report written to {output}", err=True)


def _check_format(value: str) -> str:
    from backcheck.render import FORMATS

    if value not in FORMATS:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(FORMATS)}")
    return value


def _version(value: bool) -> None:
    if value:
        typer.echo(f"backcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Exit codes: 0 no flag at or above --fail-on; 1 flags at or above it; 2 usage error;
    3 input or configuration error; 4 engine or model error."""


@app.command()
def check(
    file: Annotated[Path, typer.Argument(help="The translated (English) article: .txt, .md or .html.")],
    source: Annotated[Optional[Path], typer.Option("--source", "-s", help="The original article.")] = None,
    source_lang: Annotated[Optional[str], typer.Option("--source-lang", help="Language of the source: sr, hr, bs, cnr, or auto (detect) [default: auto].")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", callback=_check_format,
                                     help="Report format: text, json, ... (see the README).")] = "text",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file (atomically).")] = None,
    fail_on: Annotated[Optional[Severity], typer.Option("--fail-on", help="Exit 1 when a flag is at or above this severity [default: major].")] = None,
    engine: Annotated[Optional[str], typer.Option("--engine", help="Back-translation engine: auto (an installed neural model, else Apertium, else none), ct2, apertium or none [default: auto].")] = None,
    max_bytes: Annotated[Optional[int], typer.Option("--max-bytes", help="Refuse input files larger than this.")] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Configuration file (default: backcheck.toml, or [tool.backcheck] in pyproject.toml, in the working directory).")] = None,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", help="Drop findings accepted in this baseline (`backcheck baseline create`).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the translation cache.")] = False,
    models_dir: Annotated[Optional[Path], typer.Option("--models-dir", help="Where models are installed (default: $BACKCHECK_MODELS, else models/ in a checkout).")] = None,
) -> None:
    """Check one translated article (or a bilingual XLIFF/TMX/PO/TSV/JSONL file) and report suspect spans."""
    from backcheck.api import check as run_check
    from backcheck.config import resolve
    from backcheck.render import render

    try:
        from backcheck.output import refuse_overwriting_inputs

        refuse_overwriting_inputs(output, file, source, baseline)
        config = resolve({"fail_on": fail_on.value if fail_on else None, "engine": engine, "source_lang": source_lang,
                          "baseline": str(baseline) if baseline else None}, Path.cwd(), config_file)
        report = run_check(str(file), str(source) if source else None, config.source_lang, config=config,
                           engine=config.engine, max_bytes=max_bytes,
                           models_dir=str(models_dir) if models_dir else None, use_cache=not no_cache)
        colour = fmt == "text" and output is None and sys.stdout.isatty()
        _emit(render(report, fmt, colour=colour), output)
    except BackcheckError as exc:
        _fail(exc)
    raise typer.Exit(int(report.exit_code()))


@app.command("checks")
def list_checks() -> None:
    """List the checks with their id, category and default severity."""
    from backcheck.checks import all_checks

    for check_id, cls in all_checks().items():
        summary = cls.doc().split(". ")[0].replace("\n", " ")
        typer.echo(f"{check_id:24} {cls.category:15} {cls.severity:9} {summary}.")


@app.command()
def explain(check_id: Annotated[str, typer.Argument(help="A check id, e.g. name.inflected.")]) -> None:
    """Explain a check: the linguistic reason behind it, with an example."""
    from backcheck.checks import all_checks

    checks = all_checks()
    if check_id not in checks:
        typer.echo(f"backcheck: error: unknown check {check_id!r}; `backcheck checks` lists them", err=True)
        raise typer.Exit(int(ExitCode.USAGE))
    cls = checks[check_id]
    typer.echo(f"{check_id}  (category {cls.category}, default severity {cls.severity}"
               + (", needs --source" if cls.requires_source else "") + ")\n")
    typer.echo(cls.doc())
    if cls.example:
        typer.echo(f"\nExample: {cls.example}")


# Command groups that live in their own modules register themselves on `app` when imported.
# They keep their heavy imports inside the commands, so this stays cheap.
from backcheck import cli_models, cli_score, cli_batch  # noqa: E402,F401


def main() -> None:
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
