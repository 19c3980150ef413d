#!/usr/bin/env python3
"""Rendering cost per output format as the number of flags grows.

Builds a synthetic report (an article of N paragraphs with one flag on a word of each, plus
overlapping flags every tenth paragraph) and renders it in every format, printing CPU and wall
seconds. A renderer's cost should grow about linearly with the flags: doubling them should
roughly double the time.

    PYTHONPATH=src .venv/bin/python scripts/bench_render.py            # 250, 500, 1000, 2000 flags
    PYTHONPATH=src .venv/bin/python scripts/bench_render.py 2000 4000 --formats html json
"""

from __future__ import annotations

import argparse
import time

from backcheck.checks import all_checks
from backcheck.checks.base import Finding
from backcheck.config import Config
from backcheck.formats.article import from_text
from backcheck.model.report import DocumentReport, Report
from backcheck.pipeline.decide import decide
from backcheck.render import FORMATS, render

PARAGRAPH = (
    "Finance secretary Dragana Kovač told reporters on Tuesday that the plan raises spending on "
    "schools by 12% and that the money is already there, council president Marko Vujović said."
)


def synthetic(flags: int) -> Report:
    text = "Council approves budget\n\n" + "\n\n".join(f"{i}. {PARAGRAPH}" for i in range(flags)) + "\n"
    doc = from_text(text, path="bench.txt", lang="en")
    findings = []
    start = 0
    for i in range(flags):
        start = doc.text.index("Kovač", start + 1)
        end = start + len("Kovač") + (40 if i % 10 == 0 else 0)  # some flags overlap the next ones
        findings.append(Finding("name.inflected", start, end, f"flag {i}", "Kovač", evidence={"n": i}))
    config = Config()
    decided = decide(findings, all_checks(), doc, None, config)
    document_report = DocumentReport(
        path=doc.path,
        source_path=None,
        source_lang=None,
        target_lang="en",
        machine_translation_disclaimer=False,
        engine=None,
        scores={},
        flags=decided,
        notes=[],
        sentences=len(doc.sentences),
        sentence_scores=[{"index": s.index, "fidelity": 50 + s.index % 50} for s in doc.sentences],
        original_text=text,
        document=doc,
    )
    return Report([document_report], config, "bench")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("flags", nargs="*", type=int, default=[250, 500, 1000, 2000])
    parser.add_argument("--formats", nargs="*", default=list(FORMATS))
    args = parser.parse_args()
    print(f"{'flags':>6} {'format':<8} {'cpu s':>8} {'wall s':>8} {'bytes':>10}")
    for n in args.flags:
        report = synthetic(n)
        for fmt in args.formats:
            cpu, wall = time.process_time(), time.perf_counter()
            out = render(report, fmt)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            print(f"{n:>6} {fmt:<8} {cpu:>8.2f} {wall:>8.2f} {len(out):>10}", flush=True)


if __name__ == "__main__":
    main()
