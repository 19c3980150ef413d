"""How a benchmark starts this checkout's command line in a fresh interpreter.

The console script of a virtual environment (``.venv/bin/backcheck``) runs whichever checkout was
installed into it, and its entry point may name a module this checkout does not have; so the
benchmarks call the entry point that this checkout's ``pyproject.toml`` declares
(``backcheck = "module:function"``) with the running interpreter, and put this checkout's
``src`` first on ``PYTHONPATH``.
"""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cli_command() -> list[str]:
    """``[python, "-c", ...]`` that runs this checkout's ``backcheck`` command; arguments follow."""
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    module, function = scripts["backcheck"].split(":")
    return [sys.executable, "-c", f"import sys; from {module} import {function}; sys.exit({function}())"]


def use_this_checkout() -> None:
    """Put this checkout's ``src`` first on PYTHONPATH for the child processes."""
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))
