"""The versioned JSON envelope (``backcheck-report/2``)."""

from __future__ import annotations

import json


def render(report, **_options) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
