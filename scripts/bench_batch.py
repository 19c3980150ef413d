#!/usr/bin/env python3
"""Batch throughput and resumption, measured on generated articles.

Generates N short news articles (default 500) from templates in this file, with names, places
and numbers varied and some typical machine-translation faults mixed in (a surname left in a
Slavic case form, a non-preferred spelling), then prints a table:

* documents/s without an engine (model-free checks, ``engine="none"``: no back-translation), with
  1 worker and with --jobs workers;
* documents/s with a back-translation engine, cold (empty translation cache) and warm (the
  same sentences again, so every translation comes from the cache), when an engine is
  installed (``--engine auto`` picks CTranslate2 or Apertium; skipped and said so otherwise);
* beside each rate, the wall seconds and the CPU seconds of the run (this process and its
  worker processes, from ``resource.getrusage``): on a shared machine the CPU time is the
  figure that does not depend on what else runs;
* the resume test: ``backcheck batch`` killed (SIGKILL) part-way, rerun, and how many
  documents the rerun skipped as already done.

Usage: .venv/bin/python scripts/bench_batch.py [--docs 500] [--jobs 2] [--engine auto]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from backcheck.config import Config
from backcheck.engines import resolve
from backcheck.errors import BackcheckError

# The only backcheck imports of this script.
from backcheck.pipeline import batch
from cli_entry import cli_command, use_this_checkout

FIRST = [
    "Ana",
    "Marko",
    "Jelena",
    "Nikola",
    "Ivana",
    "Dragan",
    "Milica",
    "Stefan",
    "Vesna",
    "Goran",
    "Tamara",
    "Zoran",
    "Lejla",
    "Emir",
    "Mirela",
    "Dario",
]
LAST = [
    "Kovač",
    "Petrović",
    "Jurić",
    "Babić",
    "Marić",
    "Hadžić",
    "Novak",
    "Vuković",
    "Knežević",
    "Lukić",
    "Popović",
    "Tomić",
    "Begić",
    "Radić",
]
PLACES = ["Podgorica", "Zagreb", "Sarajevo", "Belgrade", "Split", "Novi Sad", "Mostar", "Nikšić", "Tuzla", "Osijek"]
TOPICS = ["budget", "highway", "hospital", "railway", "water supply", "school reform", "port", "airport"]
TEMPLATES = [
    (
        "{Topic} plan approved in {place}\n\n"
        "The city council of {place} on {day} approved a {topic} plan worth {amount} million euros. "
        "Mayor {first} {last} said work would begin in {month}.\n\n"
        '"This is the largest investment in the last {years} years," {last}{case} told reporters. '
        "Opposition councillor {first2} {last2} voted against the plan.\n"
    ),
    (
        "Minister {first} {last} visits {place}\n\n"
        "Minister {first} {last} met local officials in {place} on {day} to discuss the {topic}. "
        "About {people} people attended the meeting, according to the organisers.\n\n"
        "The minister later travelled to Kiev for talks with {first2} {last2}.\n"
    ),
    (
        "Protest over {topic} in {place}\n\n"
        "Around {people} citizens gathered in {place} on {day} to protest against the {topic} project. "
        "They were addressed by activist {first} {last}, who said the costs had risen to {amount} million euros.\n\n"
        "Police said the gathering was peaceful. {first2} {last2}{case} said talks would continue in {month}.\n"
    ),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["March", "April", "May", "June", "September", "October"]
# Slavic case endings a machine translation sometimes leaves on a surname (genitive, instrumental).
CASES = ["", "", "", "a", "om", "ova", "em"]


def generate(directory: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    for i in range(count):
        template = TEMPLATES[i % len(TEMPLATES)]
        values = {
            "first": rng.choice(FIRST),
            "last": rng.choice(LAST),
            "first2": rng.choice(FIRST),
            "last2": rng.choice(LAST),
            "place": rng.choice(PLACES),
            "topic": rng.choice(TOPICS),
            "day": rng.choice(DAYS),
            "month": rng.choice(MONTHS),
            "amount": f"{rng.randint(2, 400)}.{rng.randint(1, 9)}",
            "years": rng.randint(5, 40),
            "people": rng.randint(3, 90) * 100,
            "case": rng.choice(CASES),
        }
        values["Topic"] = values["topic"].capitalize()
        sub = directory / f"desk{i % 10}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"article{i:04d}.txt").write_text(template.format(**values), encoding="utf-8")


def cpu_seconds() -> float:
    """User + system CPU seconds of this process and of its finished worker processes."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed_run(items, config, jobs: int) -> tuple[float, float, float, int]:
    """(documents/s by the wall clock, wall seconds, CPU seconds, flags) of one batch run."""
    cpu = cpu_seconds()
    result = batch.run(items, config, jobs=jobs)  # its worker pool is shut down (and reaped) on return
    cpu = cpu_seconds() - cpu
    if result.errors:
        raise SystemExit(f"errors: {result.errors[:3]}")
    return result.checked / result.seconds, result.seconds, cpu, len(result.report.flags)


def engine_available(name: str) -> str | None:
    try:
        engine = resolve(name, "en", "sr", use_cache=False)
    except BackcheckError:
        return None
    return engine.signature().get("name") if engine is not None else None


def resume_test(corpus: Path, work: Path, jobs: int) -> tuple[int, int, int, int]:
    """Kill a CLI batch run once part of the documents are journalled; rerun; count skipped."""
    out = work / "resume-out"
    state = out / ".backcheck-batch.sqlite"
    cmd = [*cli_command(), "batch", str(corpus), "--output-dir", str(out), "--jobs", str(jobs), "--engine", "none"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    done_at_kill = 0
    while proc.poll() is None:
        time.sleep(0.2)
        if state.exists():
            try:
                with sqlite3.connect(state) as db:
                    done_at_kill = db.execute("SELECT count(*) FROM done").fetchone()[0]
            except sqlite3.Error:
                continue
            if done_at_kill >= 100:
                os.killpg(proc.pid, signal.SIGKILL)  # the whole session: the CLI and its workers
                proc.wait()
                break
    with sqlite3.connect(state) as db:
        journalled = db.execute("SELECT count(*) FROM done").fetchone()[0]
    rerun = subprocess.run(cmd, check=False, capture_output=True, text=True)
    m = re.search(r"\((\d+) checked, (\d+) already done\)", rerun.stderr)
    if not m:
        raise SystemExit(f"rerun gave no summary:\n{rerun.stderr}")
    return done_at_kill, journalled, int(m.group(2)), int(m.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--engine", default="auto")
    args = parser.parse_args()

    use_this_checkout()
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        work = Path(tmp)
        corpus = work / "news"
        generate(corpus, args.docs)
        items = batch.discover([corpus])
        glossary = {"Kiev": "Kyiv"}
        rows = []
        for jobs in sorted({1, args.jobs}):
            rate, wall, cpu, flags = timed_run(items, Config(glossary=glossary, engine="none"), jobs)
            rows.append((f"model-free, {jobs} worker(s)", "none", f"{rate:.1f}", f"{wall:.1f}", f"{cpu:.1f}", flags))
        engine = engine_available(args.engine)
        if engine:
            os.environ["BACKCHECK_CACHE"] = str(work / "cache.sqlite3")
            for label in ("cold cache", "warm cache"):
                rate, wall, cpu, flags = timed_run(items, Config(glossary=glossary, engine=args.engine), args.jobs)
                rows.append((f"engine {engine}, {label}", engine, f"{rate:.1f}", f"{wall:.1f}", f"{cpu:.1f}", flags))
        print(f"backcheck batch on {len(items)} generated articles ({os.cpu_count()} CPUs)\n")
        print(f"| {'run':34} | {'engine':8} | {'documents/s':>11} | {'wall s':>7} | {'CPU s':>7} | {'flags':>6} |")
        print(f"|{'-' * 36}|{'-' * 10}|{'-' * 13}|{'-' * 9}|{'-' * 9}|{'-' * 8}|")
        for row in rows:
            print(f"| {row[0]:34} | {row[1]:8} | {row[2]:>11} | {row[3]:>7} | {row[4]:>7} | {row[5]:>6} |")
        print("\n(documents/s by the wall clock; CPU s: this process and its worker processes)")
        if not engine:
            print(
                f"\n(no engine available for --engine {args.engine}: model-free runs only; install "
                "apertium-hbs-eng or a model to measure engine throughput with a cold and a warm cache)"
            )
        killed_at, journalled, skipped, checked = resume_test(corpus, work, args.jobs)
        print(
            f"\nresume: killed with {killed_at} documents journalled ({journalled} after the kill); "
            f"the rerun skipped {skipped} and checked {checked} (total {skipped + checked}/{len(items)})"
        )


if __name__ == "__main__":
    main()
