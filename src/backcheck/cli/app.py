"""Command-line interface: thin Typer commands over the library (:mod:`backcheck.pipeline`).

This module builds the app from the command modules; each keeps its heavy imports inside its
commands, so ``backcheck --help`` stays fast. An exception that is not a
:class:`~backcheck.errors.BackcheckError` is a bug: :func:`main` reports it in one line and exits
with :data:`~backcheck.errors.ExitCode.INTERNAL`, never with 1, which means "flags found".
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from backcheck.cli import batch, check, fix, models, score, serve
from backcheck.version import __version__

app = typer.Typer(
    name="backcheck",
    help="Check machine-translated news (Serbian, Croatian, Bosnian, Montenegrin → English) before it is published.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,  # locals may hold unpublished article text
    add_completion=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"backcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Exit codes: 0 no flag at or above --fail-on; 1 flags at or above it; 2 usage error;
    3 input or configuration error; 4 engine or model error."""


app.command()(check.check)
app.command("checks")(check.list_checks)
app.command()(check.explain)
app.command()(fix.fix)
app.command()(batch.batch)
app.add_typer(batch.baseline_app, name="baseline")
app.command()(score.score)
app.add_typer(models.models_app, name="models")
app.add_typer(models.cache_app, name="cache")
app.command()(serve.serve)


def main() -> None:
    from backcheck.errors import ExitCode

    try:
        app()
    except KeyboardInterrupt:
        typer.echo("backcheck: interrupted", err=True)
        sys.exit(int(ExitCode.INTERRUPTED))
    except Exception as exc:  # the one boundary for bugs: one line, no traceback, no article text
        typer.echo(
            f"backcheck: internal error: {type(exc).__name__}: {exc} "
            f"(a bug in backcheck {__version__}; please report it)",
            err=True,
        )
        sys.exit(int(ExitCode.INTERNAL))


if __name__ == "__main__":  # pragma: no cover
    main()
