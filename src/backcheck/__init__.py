"""backcheck: check machine-translated news before it is published.

The public API is :func:`check` (one article, optionally with its source) and the
:class:`~backcheck.model.report.Report` it returns. Heavy libraries are imported lazily, so importing
this package is cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from backcheck.version import __version__

if TYPE_CHECKING:  # pragma: no cover
    from backcheck.model.report import Report
    from backcheck.pipeline.check import check

__all__ = ["__version__", "check", "Report"]


def __getattr__(name: str) -> Any:
    if name == "check":
        from backcheck.pipeline.check import check

        return check
    if name == "Report":
        from backcheck.model.report import Report

        return Report
    raise AttributeError(name)
