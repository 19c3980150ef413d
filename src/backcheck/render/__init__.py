"""Renderers: one per output format, each ``render(report) -> str``. They compute nothing."""

from __future__ import annotations

from importlib import import_module

#: format name -> module under backcheck.render
FORMATS = {
    "text": "text",
    "json": "json_",
    "jsonl": "jsonl",
    "html": "html",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "gitlab": "gitlab",
}


def render(report, fmt: str, **options) -> str:
    return import_module(f"{__name__}.{FORMATS[fmt]}").render(report, **options)
