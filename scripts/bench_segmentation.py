#!/usr/bin/env python3
"""Time grows linearly with a paragraph's length: segmentation and the model-free checks on one
long paragraph, 10 KB to 1 MB (hardening issue: a 50 KB paragraph took 19 s, 200 KB 301 s).

Prints a table with CPU time beside wall time (machines are shared) and the time per KB, which
stays flat when growth is linear.

    .venv/bin/python scripts/bench_segmentation.py [--sizes 10,100,1000] [--lang en]
"""

from __future__ import annotations

import argparse
import time

from backcheck.config import Config
from backcheck.formats.article import from_text
from backcheck.lang.segment import split_sentences
from backcheck.pipeline.check import Job, run_checks

#: Sentences of our own, repeated into one paragraph (no line break anywhere).
UNITS = {
    "en": "The minister said on Tuesday that talks in Geneva would resume on March 3. Dr. Marko Ilić, "
    "an adviser, disagreed and noted that 1.5 million people had signed the petition! ",
    "sr": "Ministar je u utorak rekao da će se pregovori u Ženevi nastaviti 3. marta. Dr Marko Ilić, "
    "savjetnik, nije se složio i naveo da je peticiju potpisalo 1,5 miliona ljudi! ",
}


def paragraph(lang: str, kb: int) -> str:
    unit = UNITS[lang]
    return (unit * (kb * 1024 // len(unit) + 1))[: kb * 1024]


def timed(fn) -> tuple[object, float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    result = fn()
    return result, time.process_time() - cpu, time.perf_counter() - wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,100,1000", help="paragraph sizes in KB")
    parser.add_argument("--lang", default="en", choices=sorted(UNITS))
    parser.add_argument("--checks", action="store_true", help="also run every model-free check (English only)")
    args = parser.parse_args()
    split_sentences(UNITS[args.lang], args.lang)  # load the segmenter untimed
    print(
        f"| {'KB':>5} | {'sentences':>9} | {'segment CPU s':>13} | {'wall s':>7} | {'CPU ms/KB':>9} |"
        + (f" {'check CPU s':>11} | {'wall s':>7} | {'CPU ms/KB':>9} |" if args.checks else "")
    )
    print(
        "|------:|----------:|--------------:|--------:|----------:|"
        + ("------------:|--------:|----------:|" if args.checks else "")
    )
    for kb in (int(x) for x in args.sizes.split(",")):
        text = paragraph(args.lang, kb)
        spans, cpu, wall = timed(lambda: split_sentences(text, args.lang))
        row = f"| {kb:>5} | {len(spans):>9} | {cpu:>13.2f} | {wall:>7.2f} | {1000 * cpu / kb:>9.1f} |"
        if args.checks:
            _, ccpu, cwall = timed(lambda: run_checks(Job(from_text(text, lang="en")), Config()))
            row += f" {ccpu:>11.2f} | {cwall:>7.2f} | {1000 * ccpu / kb:>9.1f} |"
        print(row, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
