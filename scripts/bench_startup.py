#!/usr/bin/env python3
"""Wall time of `backcheck --help` and of checking the sample article without a model.

Runs each command several times in fresh interpreters (interpreter start included; this
checkout's entry point, see cli_entry.py) and prints the median, min and max wall seconds and
the median CPU seconds in a table. Usage: python scripts/bench_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from cli_entry import cli_command, use_this_checkout

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_349c8de6d9ab456e.txt"


def children_cpu() -> float:
    """User + system CPU seconds of the finished child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_command(cmd: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of each run (CPU: the command's process and its children)."""
    subprocess.run(cmd, check=False, capture_output=True)  # warm the OS file cache once
    times, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), children_cpu()
        proc = subprocess.run(cmd, check=False, capture_output=True)
        times.append(time.perf_counter() - start)
        cpus.append(children_cpu() - cpu)
        if proc.returncode not in (0, 1) or b"Traceback (most recent call last)" in proc.stderr:
            sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
    return times, cpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    use_this_checkout()
    exe = cli_command()
    rows = [
        ("backcheck --help", [*exe, "--help"], 0.5),
        ("backcheck check SAMPLE --engine none", [*exe, "check", str(SAMPLE), "--engine", "none"], 2.0),
        (
            "backcheck check SAMPLE --engine none --format json",
            [*exe, "check", str(SAMPLE), "--engine", "none", "--format", "json"],
            2.0,
        ),
    ]
    print(f"{'command':<52} {'median s':>9} {'min s':>7} {'max s':>7} {'CPU s':>7} {'target s':>9}  ok")
    for label, cmd, target in rows:
        t, cpu = time_command(cmd, args.runs)
        med = statistics.median(t)
        print(
            f"{label:<52} {med:>9.3f} {min(t):>7.3f} {max(t):>7.3f} {statistics.median(cpu):>7.3f} "
            f"{target:>9.1f}  {'yes' if med < target else 'NO'}"
        )
    print(
        f"\n{args.runs} runs each, fresh interpreter per run, python {sys.version.split()[0]}; median, min, max: "
        "wall seconds; CPU s: median CPU seconds of the command (user + system)"
    )


if __name__ == "__main__":
    main()
