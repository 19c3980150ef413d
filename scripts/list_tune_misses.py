#!/usr/bin/env python3
"""List, for the TUNE articles of ``seeds/articles``, every annotated error no flag finds (MISS)
and every meaning flag on no annotated error (FF), with the source and from the English alone:
the per-error view behind the counts of docs/evaluation.md. Tune split only (rules are written
from it); the test split is measured with ``scripts/evaluate_articles.py``.

    PYTHONPATH=src .venv/bin/python scripts/list_tune_misses.py ['v*'] > tune.txt
    grep -c ^MISS tune.txt; grep -c ^FF tune.txt
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import evaluate_articles as ea
from evalkit import MEANING, Meter


def main() -> int:
    pattern = sys.argv[1] if len(sys.argv) > 1 else "*"
    meter = Meter()
    for path in sorted((ROOT / "seeds" / "articles").glob(pattern + ".json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        if article.get("split") != "tune":
            continue
        errors, _ = ea.locate(article)
        lang = ea.LANGS[article["lang"]]
        for mode, source in (("src", article["source"]), ("en", None)):
            flags = meter.run(source, article["english"], lang)
            for k, error in enumerate(errors):
                if (mode == "src" or error.visible) and not any(ea.matches(f, error, mode == "src") for f in flags):
                    raw = article["errors"][k]
                    print(f"MISS {article['id']} {mode} {error.kind} {raw.get('english')!r} src={raw.get('source')!r}")
            for f in flags:
                if f.category in MEANING and not any(
                    ea.matches(f, e, mode == "src", any_category=True) for e in errors
                ):
                    print(f"FF {article['id']} {mode} {f.check} {f.span.text!r} -> {f.suggestion!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
