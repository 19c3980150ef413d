#!/usr/bin/env python3
"""What each check is worth on the fresh articles of ``seeds/articles``: the annotated errors it
finds, those no other check finds (what switching it off would lose), and its false flags (meaning
flags on no annotated error), with the source and from the English alone; then the same totals
with the opt-in checks of ``backcheck.config.OPT_IN_CHECKS`` off (the default) and on.

The default set is decided on the TUNE split (a check whose false flags outnumber the errors only
it finds is opt-in: an editor pays for a false flag as much as for a miss); the test split is
reported with the same command.

    PYTHONPATH=src .venv/bin/python scripts/check_precision.py --split tune
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
from backcheck.config import OPT_IN_CHECKS, Config
from backcheck.formats.article import from_text
from backcheck.pipeline.check import Job, run_checks
from evalkit import MEANING, table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("tune", "test"), default="tune")
    parser.add_argument("--articles", type=Path, default=ROOT / "seeds" / "articles")
    args = parser.parse_args()
    cpu, wall = time.process_time(), time.perf_counter()
    articles, _ = ea.load_articles(args.articles, args.split)
    config = Config(engine="none", opt_in=set(OPT_IN_CHECKS))  # every check, filtered below
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
        ["mode", "check", "opt-in", "errors found", "found by it alone", "false flags"],
        [[m, c, "yes" if c in OPT_IN_CHECKS else "", caught[m, c], unique[m, c], false[m, c]] for m, c in keys],
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
        f"Totals on the {args.split} articles, opt-in checks off (the default) and on",
        ["opt-in checks", "found, source", "false flags, source", "found, English only", "false flags, English only"],
        [["off (default)", *totals(OPT_IN_CHECKS)], ["on", *totals(frozenset())]],
    )
    print(f"\nCPU {time.process_time() - cpu:.1f} s, wall {time.perf_counter() - wall:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
