#!/usr/bin/env python3
"""What each check is worth on the fresh articles of ``seeds/articles``: the annotated errors it
finds, those no other check finds (what switching it off would lose), and its false flags (meaning
flags on no annotated error), with the source and from the English alone; then the totals with
every check and with the checks of ``--off`` switched off together (errors found by two of them
are lost only together).

Decide on the TUNE split (an editor pays for a false flag as much as for a miss, so a check whose
false flags outnumber the errors only it finds costs more than it gives); report the test split
with the same command. Switching a check off must also be measured with ``scripts/evaluate.py``:
switched off together on the tune articles, ``name.unmatched``, ``addition`` and ``number.missing``
lost 10 errors and 42 of 96 false flags, but off they also cost DEMETR's replaced
names (90.4 -> 76.8%), the planted number families and the planted clause_added (20 -> 0%).

    PYTHONPATH=src .venv/bin/python scripts/check_precision.py --split tune --off name.unmatched,addition
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import evaluate_articles as ea
from backcheck.config import Config
from backcheck.formats.article import from_text
from backcheck.pipeline.check import Job, run_checks
from evalkit import MEANING, table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("tune", "test"), default="tune")
    parser.add_argument("--articles", type=Path, default=ROOT / "seeds" / "articles")
    parser.add_argument("--off", default="", help="comma-separated check ids to switch off together")
    args = parser.parse_args()
    off_checks = frozenset(c for c in args.off.split(",") if c)
    cpu, wall = time.process_time(), time.perf_counter()
    articles, _ = ea.load_articles(args.articles, args.split)
    config = Config(engine="none")  # every check; the switched-off ones are filtered below
    runs = []  # (mode, errors, flags)
    for article in articles:
        errors, _ = ea.locate(article)
        lang = ea.LANGS[article["lang"]]
        for mode, source in (("source", article["source"]), ("English only", None)):
            job = Job(from_text(article["english"], lang="en"), from_text(source, lang=lang) if source else None)
            runs.append((mode, errors, run_checks(job, config)))

    caught, unique, false = Counter(), Counter(), Counter()
    for mode, errors, flags in runs:
        for error in errors:
            if mode == "English only" and not error.visible:
                continue
            by = {f.check for f in flags if ea.matches(f, error, mode == "source")}
            for check in by:
                caught[mode, check] += 1
            if len(by) == 1:
                unique[mode, by.pop()] += 1
        for f in flags:
            if f.category in MEANING and not any(ea.matches(f, e, mode == "source", any_category=True) for e in errors):
                false[mode, f.check] += 1
    keys = sorted(set(caught) | set(false), key=lambda k: (k[0] != "source", -false[k], k[1]))
    table(
        f"Checks on the {args.split} articles ({len(articles)}): errors found, found by no other check, false flags",
        ["mode", "check", "errors found", "found by it alone", "false flags"],
        [[m, c, caught[m, c], unique[m, c], false[m, c]] for m, c in keys],
    )

    def totals(off: frozenset[str]) -> list:
        row = []
        for mode in ("source", "English only"):
            hits = n = ff = 0
            for m, errors, flags in runs:
                if m != mode:
                    continue
                kept = [f for f in flags if f.check not in off]
                for error in errors:
                    if mode == "English only" and not error.visible:
                        continue
                    n += 1
                    hits += any(ea.matches(f, error, mode == "source") for f in kept)
                ff += sum(
                    f.category in MEANING
                    and not any(ea.matches(f, e, mode == "source", any_category=True) for e in errors)
                    for f in kept
                )
            row += [f"{hits} / {n}", ff]
        return row

    table(
        f"Totals on the {args.split} articles, every check and with {', '.join(sorted(off_checks)) or 'none'} off",
        ["checks", "found, source", "false flags, source", "found, English only", "false flags, English only"],
        [
            ["every check", *totals(frozenset())],
            ["switched off: " + (", ".join(sorted(off_checks)) or "none"), *totals(off_checks)],
        ],
    )
    print(f"\nCPU {time.process_time() - cpu:.1f} s, wall {time.perf_counter() - wall:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
