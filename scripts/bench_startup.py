#!/usr/bin/env python3
"""Wall time of `backcheck --help` and of checking the sample article without a model.

Runs each command several times in fresh interpreters (interpreter start included) and prints
the median, min and max in a table. Usage: python scripts/bench_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_349c8de6d9ab456e.txt"


def time_command(cmd: list[str], runs: int) -> list[float]:
    subprocess.run(cmd, capture_output=True)  # warm the OS file cache once
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True)
        times.append(time.perf_counter() - start)
        if proc.returncode not in (0, 1):
            sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    exe = shutil.which("backcheck", path=str(Path(sys.executable).parent)) or "backcheck"
    rows = [
        ("backcheck --help", [exe, "--help"], 0.5),
        ("backcheck check SAMPLE --engine none", [exe, "check", str(SAMPLE), "--engine", "none"], 2.0),
        (
            "backcheck check SAMPLE --engine none --format json",
            [exe, "check", str(SAMPLE), "--engine", "none", "--format", "json"],
            2.0,
        ),
    ]
    print(f"{'command':<52} {'median s':>9} {'min s':>7} {'max s':>7} {'target s':>9}  ok")
    for label, cmd, target in rows:
        t = time_command(cmd, args.runs)
        med = statistics.median(t)
        print(
            f"{label:<52} {med:>9.3f} {min(t):>7.3f} {max(t):>7.3f} {target:>9.1f}  {'yes' if med < target else 'NO'}"
        )
    print(f"\n{args.runs} runs each, fresh interpreter per run, python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
