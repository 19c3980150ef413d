"""One error hierarchy and the exit-code contract.

Library code raises these; only :mod:`backcheck.cli.app` turns them into a message on stderr and an
exit code. The exit codes are part of the public contract (CI pipelines branch on them).
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes, documented in the README and pinned by tests."""

    OK = 0  #: no flag at or above ``--fail-on``
    FLAGGED = 1  #: at least one flag at or above ``--fail-on``
    USAGE = 2  #: bad command line (Typer/Click's own code for usage errors)
    INPUT = 3  #: unreadable input or invalid configuration
    ENGINE = 4  #: translation engine or model problem
    INTERNAL = 70  #: a bug in backcheck (EX_SOFTWARE of sysexits.h): never 1, which means "flags found"
    INTERRUPTED = 130  #: stopped with Ctrl-C (128 + SIGINT)


class BackcheckError(Exception):
    """Base class of every error backcheck raises on purpose."""

    exit_code: ExitCode = ExitCode.INPUT


class InputError(BackcheckError):
    """An input file cannot be read as an article (missing, empty, binary, undecodable, too big)."""

    exit_code = ExitCode.INPUT


class OutputError(InputError):
    """A report cannot be written where ``--output`` says (a directory, read-only, an input file)."""


class ConfigError(BackcheckError):
    """Configuration (file, flag or environment) is invalid."""

    exit_code = ExitCode.INPUT


class EngineError(BackcheckError):
    """A translation engine cannot run: model missing or corrupt, binary absent, bad label."""

    exit_code = ExitCode.ENGINE


class ModelError(EngineError):
    """A model directory is missing, partial or corrupt, or cannot be installed."""
