#!/usr/bin/env python3
"""Dump every finding of the model-free checks on a fixed slice of the evaluation data.

An acceptance test for performance work: run it before and after a change and compare the
files byte for byte (``cmp``). Covers the first 60 NTREX-128 documents in each BCMS side
(source given) and 300 DEMETR items (30 per perturbation, alphabetic sources; each run with its
perturbed, MT and reference translation).

    PYTHONPATH=src .venv/bin/python scripts/dump_findings.py /tmp/findings.txt
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evalkit import EVAL, Meter
from evaluate import (
    DEMETR_EXPECTED,
    DEMETR_LANGS,
    NON_ALPHABETIC,
    NTREX_LANGS,
    ntrex_lines,
)


def _line(flag) -> str:
    src = flag.source_span
    return json.dumps(
        [
            flag.check,
            flag.category,
            flag.severity,
            flag.span.start,
            flag.span.end,
            flag.span.text,
            flag.message,
            flag.suggestion,
            src and (src.start, src.end, src.text),
            flag.sentence,
            flag.evidence,
        ],
        ensure_ascii=False,
        sort_keys=True,
        default=repr,
    )


def dump(out) -> None:
    meter = Meter()
    english, sides, by_id = ntrex_lines(EVAL, "all")  # a fixed slice of both splits: not an evaluation
    docs = list(by_id.values())[:60]
    for code, lang in NTREX_LANGS.items():
        for d, lines in enumerate(docs):
            flags = meter.run("\n".join(sides[code][i] for i in lines), "\n".join(english[i] for i in lines), lang)
            out.write(f"# ntrex {code} {d}: {len(flags)}\n")
            out.writelines(_line(f) + "\n" for f in flags)
    for name in DEMETR_EXPECTED:
        items = [x for x in json.loads((EVAL / "demetr" / f"{name}.json").read_text()) if x["pert_check"]]
        by_lang: dict[str, list] = defaultdict(list)
        for x in items:
            if DEMETR_LANGS[x["lang_tag"]] not in NON_ALPHABETIC:
                by_lang[x["lang_tag"]].append(x)
        # round robin over the languages: the first item of each, then the second, ...
        items = [x for rank in zip(*by_lang.values()) for x in rank][:30]
        for x in items:
            lang = DEMETR_LANGS[x["lang_tag"]]
            for which in ("pert_sent", "mt_sent", "eng_sent"):
                flags = meter.run(x["src_sent"], x[which], lang)
                out.write(f"# demetr {name} {x['id']} {which}: {len(flags)}\n")
                out.writelines(_line(f) + "\n" for f in flags)
    print(meter.timing())


def main() -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("output", type=Path, help="file to write the findings to (outside the repository)")
    args = ap.parse_args()
    with open(args.output, "w", encoding="utf-8") as out:
        dump(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
