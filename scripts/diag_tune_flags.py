"""Tune split only: the clean NTREX pairs a given check flags, with the source line and the
English line around each flag, for reading false flags while writing rules (issue 15).

    PYTHONPATH=src .venv/bin/python scripts/diag_tune_flags.py --checks mistranslation.negation
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evalkit import EVAL, MEANING, Meter  # noqa: E402
from evaluate import NTREX_LANGS, ntrex_lines  # noqa: E402


def _line_at(text: str, offset: int | None) -> str:
    if offset is None:
        return ""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : end if end >= 0 else len(text)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--checks", default="", help="comma-separated check ids (default: every meaning flag)")
    parser.add_argument("--langs", default=",".join(NTREX_LANGS), help="NTREX codes")
    parser.add_argument("--english-only", action="store_true")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    wanted = set(filter(None, args.checks.split(",")))
    english, sides, docs = ntrex_lines(EVAL, "tune")  # tune only, by construction
    chosen = list(docs.values())[: args.limit]
    counts: Counter = Counter()
    wall, cpu = time.perf_counter(), time.process_time()
    sentences = 0
    for code in args.langs.split(","):
        lang = NTREX_LANGS[code]
        meter = Meter()
        for lines in chosen:
            src = None if args.english_only else "\n".join(sides[code][i] for i in lines)
            en = "\n".join(english[i] for i in lines)
            for f in meter.run(src, en, lang):
                if (wanted and f.check not in wanted) or (not wanted and f.category not in MEANING):
                    continue
                counts[f.check] += 1
                print(f"== {code} {f.check} {f.span.text[:80]!r} -> {f.suggestion!r}")
                print(f"   EN: {_line_at(en, f.span.start)}")
                if src is not None and f.source_span is not None:
                    print(f"   SRC: {_line_at(src, f.source_span.start)}")
                print(f"   MSG: {f.message}")
        sentences += meter.sentences
        if args.english_only:
            break
    print(f"\n{sum(counts.values())} flags in {sentences} sentences: {dict(counts.most_common())}")
    print(f"wall {time.perf_counter() - wall:.1f} s, CPU {time.process_time() - cpu:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
