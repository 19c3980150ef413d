"""What every command shares: the severity choice, the one error boundary, and where data goes.

Only the CLI prints and exits. Library errors (:class:`~backcheck.errors.BackcheckError`) become a
one-line message on stderr and their exit code; data goes to stdout.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import NoReturn, Optional

import typer

from backcheck.errors import BackcheckError
from backcheck.render.safe import safe


class Severity(str, Enum):
    minor = "minor"
    major = "major"
    critical = "critical"


def fail(exc: BackcheckError) -> NoReturn:
    typer.echo(f"backcheck: error: {safe(str(exc))}", err=True)
    raise typer.Exit(int(exc.exit_code))


def emit(data: str, output: Optional[Path]) -> None:
    if output is None:
        sys.stdout.write(data)
    else:
        from backcheck.formats.output import write_atomic

        write_atomic(output, data)
        typer.echo(f"backcheck: report written to {output}", err=True)


def check_format(value: str) -> str:
    from backcheck.render import FORMATS

    if value not in FORMATS:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(FORMATS)}")
    return value


def check_engine(value: Optional[str]) -> Optional[str]:
    """``--engine`` is one of the engines: anything else is a usage error (exit 2)."""
    from backcheck.engines import ENGINES

    if value is not None and value not in ENGINES:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(ENGINES)}")
    return value
