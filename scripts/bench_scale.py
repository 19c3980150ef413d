#!/usr/bin/env python3
"""Batch throughput of the local executor and of the Ray executor, with and without an engine.

Generates N short news articles (scripts/bench_batch.py's templates, default 200) and checks them
with ``backcheck.pipeline.batch.run`` as ``backcheck batch`` does: a journal, and one JSON report
per document rendered and written atomically by the driver. For each engine (``none``:
model-free; ``apertium``; ``ct2`` on the tiny committed model, tests/fixtures/tiny_model) it runs

* the local executor with 1 and 2 worker processes;
* the Ray executor on a local Ray runtime of 1 and 2 CPUs, with as many engine actors;

each twice, and prints the second (steady: worker processes started, language data loaded; the
translation cache is off so the engine translates every sentence) and the first run's wall
time. Beside the wall time: the CPU seconds of every process of the run (this driver, its pool
workers or the Ray runtime it started, and the children they reaped, from /proc) and of the
driver alone. Then Ray's per-document overhead (a no-op task per document, and the wall per
document against the local executor) and a projection for N nodes: N x workers x the measured
per-worker rate, until the driver's own CPU per document (journal, report writing, Ray's
bookkeeping) caps it.

Usage: .venv/bin/python scripts/bench_scale.py [--docs 200] [--engines none,apertium,ct2] [--workers 1,2]
                                             [--models-dir DIR]
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from backcheck.config import Config
from backcheck.formats.output import write_atomic
from backcheck.model.report import Report
from backcheck.pipeline import batch
from backcheck.pipeline.check import signature
from backcheck.render import render
from bench_batch import generate

TINY = ROOT / "tests" / "fixtures" / "tiny_model"
TICK = os.sysconf("SC_CLK_TCK")


def _tree() -> dict[int, float]:
    """CPU seconds (user + system, with reaped children) of this process and each descendant."""
    stats: dict[int, tuple[int, float]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            text = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2 :].split()
        # fields[1] is the parent; utime, stime, cutime, cstime are fields 11..14 after the name
        stats[int(entry)] = (int(fields[1]), sum(int(x) for x in fields[11:15]) / TICK)
    mine = {os.getpid()}
    changed = True
    while changed:
        changed = False
        for pid, (parent, _) in stats.items():
            if parent in mine and pid not in mine:
                mine.add(pid)
                changed = True
    return {pid: stats[pid][1] for pid in mine if pid in stats}


class TreeCPU:
    """CPU seconds of the process tree over a run. The tree is sampled every 50 ms, so a process
    that ends before the run does (a pool worker, a Ray worker or actor killed at the end, the
    Apertium pipelines of an actor) counts up to its last sample."""

    def __init__(self) -> None:
        self.start = _tree()
        self.last = dict(self.start)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        while not self.stop.wait(0.05):
            self.last.update(_tree())

    def seconds(self) -> float:
        self.stop.set()
        self.thread.join()
        self.last.update(_tree())
        return sum(cpu - self.start.get(pid, 0.0) for pid, cpu in self.last.items())


def measure(items, config, out: Path, models_dir: str, executor=None, jobs: int = 1) -> dict:
    """One batch run as the CLI makes it (journal, a JSON report per document)."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)

    reporting = [0.0]

    def on_document(item, doc, error):
        if doc is not None:
            started = time.process_time()
            path = out / (Path(item.translation).name + ".json")
            write_atomic(path, render(Report([doc], config, signature(config, doc.engine)), "json"))
            reporting[0] += time.process_time() - started

    cpu, driver = TreeCPU(), time.process_time()
    result = batch.run(
        items,
        config,
        jobs=jobs,
        executor=executor,
        state=out / batch.STATE_FILE,
        use_cache=False,
        models_dir=models_dir,
        on_document=on_document,
    )
    cpu, driver = cpu.seconds(), time.process_time() - driver
    if result.errors or result.checked != len(items):
        raise SystemExit(f"errors: {result.errors[:3]}")
    journal = batch.Journal(out / "journal-timing.sqlite")  # the driver's journal writes, timed apart
    started = time.process_time()
    for i, doc in enumerate(result.report.documents):
        journal.put(str(i), "digest", doc)
    journalling = time.process_time() - started
    journal.close()
    return {
        "wall": result.seconds,
        "cpu": cpu,
        "driver": driver,
        "reports": reporting[0],
        "journal": journalling,
        "docs": result.checked,
    }


def noop_round_trip(ray, count: int, in_flight: int) -> float:
    """Seconds per document of Ray's own machinery: a no-op task per document, the same bounded
    submit-and-wait loop as the executor."""

    @ray.remote
    def noop(x):
        return x

    ray.get([noop.remote(i) for i in range(8)])  # workers started
    started, submitted, pending = time.perf_counter(), 0, []
    while submitted < count or pending:
        while submitted < count and len(pending) < in_flight:
            pending.append(noop.remote(submitted))
            submitted += 1
        ready, pending = ray.wait(pending, num_returns=1)
        ray.get(ready)
    return (time.perf_counter() - started) / count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--engines", default="none,apertium,ct2")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--models-dir", type=Path, help="installed models for ct2 (default: the tiny test model)")
    args = parser.parse_args()
    engines = args.engines.split(",")
    workers = [int(w) for w in args.workers.split(",")]

    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    os.environ["BACKCHECK_CACHE"] = str(work / "cache" / "cache.sqlite3")  # before Ray starts: workers inherit it
    corpus = work / "corpus"
    generate(corpus, args.docs)
    models = args.models_dir or work / "models"
    if args.models_dir is None:
        shutil.copytree(TINY, models / "tiny-copy-en-sh")
    items = batch.discover([corpus])
    configs = {name: Config(engine=name) for name in engines}
    rows: list[tuple[str, int, str, dict, float]] = []

    def run_twice(label: str, count: int, engine: str, **kwargs) -> None:
        first = measure(items, configs[engine], work / "out", str(models), **kwargs)
        steady = measure(items, configs[engine], work / "out", str(models), **kwargs)
        rows.append((label, count, engine, steady, first["wall"]))
        print(f"  {label} {count} {engine}: {steady['docs'] / steady['wall']:.1f} documents/s", file=sys.stderr)

    for engine in engines:
        for count in workers:
            run_twice("local", count, engine, jobs=count)

    import ray

    from backcheck.pipeline.ray_executor import RayExecutor

    ray_start: dict[int, float] = {}
    noop: dict[int, float] = {}
    for count in workers:
        started = time.perf_counter()
        ray.init(num_cpus=count, include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR)
        ray_start[count] = time.perf_counter() - started
        for engine in engines:
            run_twice("ray", count, engine, executor=RayExecutor(actors=count))
        noop[count] = noop_round_trip(ray, args.docs * 4, 4 * count)
        ray.shutdown()
    shutil.rmtree(work, ignore_errors=True)

    print(
        f"\n{args.docs} generated articles, {os.cpu_count()} CPUs; steady run (second of two), translation cache off\n"
    )
    print(
        "| executor | workers | engine | documents/s | wall s | CPU s (all processes) | driver CPU s | "
        "driver CPU ms/doc (reports + journal) | first run wall s |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for label, count, engine, m, first in rows:
        per_doc = [1000 * m[k] / m["docs"] for k in ("driver", "reports", "journal")]
        print(
            f"| {label} | {count} | {engine} | {m['docs'] / m['wall']:.1f} | {m['wall']:.2f} | {m['cpu']:.2f} | "
            f"{m['driver']:.2f} | {per_doc[0]:.1f} ({per_doc[1]:.1f} + {per_doc[2]:.1f}) | {first:.2f} |"
        )
    print()
    by = {(label, count, engine): m for label, count, engine, m, _ in rows}
    for count in workers:
        print(
            f"Ray runtime start ({count} CPU): {ray_start[count]:.1f} s; no-op task per document: "
            f"{1000 * noop[count]:.2f} ms wall"
        )
    for engine in engines:
        local, on_ray = by.get(("local", 1, engine)), by.get(("ray", 1, engine))
        if local and on_ray:
            extra = (on_ray["wall"] - local["wall"]) / on_ray["docs"]
            print(f"Ray's wall overhead per document, 1 worker, engine {engine}: {1000 * extra:+.1f} ms")

    print("\nProjection: N nodes x k workers x the per-worker rate, capped by the driver (1 / driver CPU per document)")
    print(
        "| engine | per-worker documents/s | driver cap documents/s | workers at the cap | "
        + " | ".join(f"N={n}, k=8" for n in (1, 4, 16, 64))
        + " |"
    )
    print("|---|---|---|---|" + "---|" * 4)
    for engine in engines:
        m = by.get(("ray", 1, engine))
        if not m:
            continue
        rate = m["docs"] / m["wall"]
        cap = m["docs"] / m["driver"] if m["driver"] else float("inf")
        cells = [f"{min(n * 8 * rate, cap):.0f}" for n in (1, 4, 16, 64)]
        print(f"| {engine} | {rate:.1f} | {cap:.0f} | {cap / rate:.1f} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
