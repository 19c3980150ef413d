"""What the evaluation scripts share: the one block of ``backcheck`` imports, the split and
data-folder options, a meter that times the library in CPU and wall seconds, span matching and
markdown tables.

The protocol (docs/evaluation.md): rules may be written and thresholds fitted on the ``tune``
split only; the ``test`` split measures. Scripts default to ``--split test`` and print figures
only; printing test items one by one needs ``--show-test-items``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from backcheck.config import Config
from backcheck.formats.article import from_text

# The only backcheck imports of the evaluation scripts (module renames change this block only).
from backcheck.pipeline.check import Job, run_checks

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
#: Model-free: every registered check, no back-translation engine.
CONFIG = Config(engine="none")
#: Categories about meaning: the headline false-flag figure counts every one of them.
MEANING = ("name", "number", "untranslated", "omission", "addition", "mistranslation")
SHOW_TEST_HELP = (
    "print items of the TEST split one by one (misses, false flags); for reading a "
    "result only: NEVER use it to write or tune rules; rules come from --split tune"
)


def add_protocol_args(parser: argparse.ArgumentParser) -> None:
    """--split, --eval-dir and --show-test-items, the same in every evaluation script."""
    parser.add_argument(
        "--split",
        choices=("tune", "test"),
        default="test",
        help="which documents to measure (default: test; write rules on tune only)",
    )
    parser.add_argument("--eval-dir", type=Path, default=EVAL, help=f"the evaluation data folder (default: {EVAL})")
    parser.add_argument(
        "--show-items", action="store_true", help="print items one by one (allowed on --split tune only)"
    )
    parser.add_argument("--show-test-items", action="store_true", help=SHOW_TEST_HELP)


def may_show(args: argparse.Namespace) -> bool:
    """Whether items may be printed one by one: on tune with --show-items, on test only with
    the explicit --show-test-items."""
    if args.split == "test":
        return bool(args.show_test_items)
    return bool(args.show_items or args.show_test_items)


class Meter:
    """Runs the library on a pair and counts article sentences, CPU and wall seconds."""

    def __init__(self) -> None:
        self.sentences = 0
        self.wall = 0.0
        self.cpu = 0.0
        self.runs = 0

    def run(self, source: str | None, english: str, lang: str) -> list:
        """Flags for ``english`` checked against ``source`` (None: the English alone)."""
        wall, cpu = time.perf_counter(), time.process_time()
        job = Job(from_text(english, lang="en"), from_text(source, lang=lang) if source is not None else None)
        flags = run_checks(job, CONFIG)
        self.wall += time.perf_counter() - wall
        self.cpu += time.process_time() - cpu
        self.sentences += len(job.document.article_sentences)
        self.runs += 1
        return flags

    def warm(self, lang: str) -> None:
        """Load a language's resources before the clock runs, on a pair of the script's own (not
        from any data set): the rates are the steady state (start-up: scripts/bench_startup.py)."""
        run_checks(Job(from_text(_WARM_UP[1], lang="en"), from_text(_WARM_UP[0], lang=lang)), CONFIG)
        run_checks(Job(from_text(_WARM_UP[1], lang="en")), CONFIG)

    def timing(self) -> str:
        """ "N sentences, X/s wall, Y/s CPU" for a table title."""
        if not self.wall:
            return "nothing timed"
        return (
            f"{self.sentences} sentences in {self.runs} runs; {self.wall:.1f} s wall, {self.cpu:.1f} s CPU; "
            f"{self.sentences / self.wall:.0f} sentences/s wall, {self.sentences / max(self.cpu, 1e-9):.0f}/s CPU"
        )


_WARM_UP = (
    "Vlada je u ponedjeljak objavila da će Marko Horvat voditi pregovore u Bruxellesu 3. svibnja.",
    "The government announced on Monday that Marko Horvat will lead the talks in Brussels on May 3.",
)


def overlaps(flag, start: int, end: int) -> bool:
    """Does the flag's English span overlap [start, end)? An empty planted span (a point)
    counts as overlapped by a span that contains it."""
    a, b = flag.span.start, flag.span.end
    if start == end:
        return a <= start <= b
    return a < end and start < b


def pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def ratio(hits: int, n: int) -> float | None:
    return hits / n if n else None


def table(title: str, header: list[str], rows: list[list], command: str | None = None) -> None:
    """A markdown table with its title (and the command that printed it)."""
    print(f"\n## {title}\n")
    if command:
        print(f"    {command}\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(str(c) for c in row) + " |")
