"""Re-check latency of `backcheck serve` after an edit, and the server's memory.

Starts the real server (a subprocess, ``backcheck serve --port 0``) once per engine, opens a
20-sentence article with its source (three of our fresh Serbian articles, seeds/articles, tune
split, joined and cut to 20 English sentences), then accepts one flag with a different edit each
time (each edit is a new text: the server applies it and re-checks the whole article, the engine
translating only the changed sentence) and undoes it. Wall time is the editor's wait: the POST
of the decision and the GET of the new page. CPU time is the server process's and its engine subprocesses'
(user + system, from /proc). RSS is the server's resident memory after the run and its peak.

    .venv/bin/python scripts/bench_serve.py [--engines none apertium] [--edits 10]

Needs the serve and dev extras (httpx) and Linux (/proc).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

ARTICLES = ["a02", "a06", "b07"]  # Serbian (Latin), tune split
SENTENCES = 20
PREFIXES = ["", "Ms. ", "Mrs. ", "Dr. ", "Prof. ", "Mr. ", "Judge ", "Minister ", "Director ", "Officer "]


def article() -> tuple[str, str]:
    """English and source of a 20-sentence article, joined paragraph by paragraph."""
    from backcheck.formats.article import from_text

    english: list[str] = []
    source: list[str] = []
    for name in ARTICLES:
        data = json.loads((ROOT / "seeds" / "articles" / f"{name}.json").read_text("utf-8"))
        en = [p for p in data["english"].split("\n\n") if p.strip()]
        sr = [p for p in data["source"].split("\n\n") if p.strip()]
        for i, paragraph in enumerate(en):
            if english and len(from_text("\n\n".join([*english, paragraph])).article_sentences) > SENTENCES:
                return "\n\n".join(english) + "\n", "\n\n".join(source) + "\n"
            english.append(paragraph)
            if i < len(sr):
                source.append(sr[i])
    return "\n\n".join(english) + "\n", "\n\n".join(source) + "\n"


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    # utime, stime, and those of the children it waited for (the apertium processes)
    return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def memory_mb(pid: int) -> tuple[float, float]:
    status = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return int(status["VmRSS"].split()[0]) / 1024, int(status["VmHWM"].split()[0]) / 1024


def run(engine: str, edits: int, english: str, source: str, workdir: Path) -> dict:
    import httpx

    # a fresh translation cache: every edit is a sentence the engine has never translated
    env = {
        **os.environ,
        "BACKCHECK_SERVE_TOKEN": "",
        "BACKCHECK_CACHE": str(workdir / f"cache-{engine}" / "cache.sqlite"),
    }
    started = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from backcheck.cli.app import main; main()",
            "serve",
            "--port",
            "0",
            "--engine",
            engine,
            "--decisions",
            str(workdir / f"decisions-{engine}.sqlite"),
        ],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=workdir,
    )
    try:
        url = None
        assert proc.stderr is not None
        for line in proc.stderr:
            found = re.search(r"open (http://\S+/)", line)
            if found:
                url = found.group(1)
                break
        if url is None:
            raise SystemExit(f"the server did not start ({engine})")
        startup = time.perf_counter() - started
        startup_cpu = cpu_seconds(proc.pid)
        client = httpx.Client(base_url=url.rstrip("/"), timeout=600, follow_redirects=True)
        home = client.get("/")
        csrf = re.search(r'name="csrf-token" content="([0-9a-f]+)"', home.text).group(1)
        t0, c0 = time.perf_counter(), cpu_seconds(proc.pid)
        opened = client.post("/check", data={"csrf": csrf, "english": english, "source": source, "source_lang": "sr"})
        opened.raise_for_status()
        open_wall, open_cpu = time.perf_counter() - t0, cpu_seconds(proc.pid) - c0
        location = str(opened.url.path)
        report = client.get(f"{location}/report.json").json()["documents"][0]
        flag = next(f for f in report["flags"] if f["suggestion"] and f["check"].startswith("name."))
        walls, cpus = [], []
        for i in range(edits):
            edit = PREFIXES[i % len(PREFIXES)] + flag["suggestion"] + ("" if i < len(PREFIXES) else f" {i}")
            t0, c0 = time.perf_counter(), cpu_seconds(proc.pid)
            done = client.post(
                f"{location}/decide",
                data={"csrf": csrf, "flag": flag["fingerprint"], "action": "accept", "replacement": edit, "i": "0"},
            )
            walls.append(time.perf_counter() - t0)
            cpus.append(cpu_seconds(proc.pid) - c0)
            assert done.status_code == 200 and edit in client.get(f"{location}/export.txt").text, done.text[:300]
            client.post(f"{location}/forget", data={"csrf": csrf, "flag": flag["fingerprint"]}).raise_for_status()
        rss, peak = memory_mb(proc.pid)
        return {
            "engine": engine,
            "startup": (startup, startup_cpu),
            "open": (open_wall, open_cpu),
            "walls": walls,
            "cpus": cpus,
            "rss": rss,
            "peak": peak,
            "flag": f"{flag['check']} {flag['span']['text']!r}",
        }
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engines", nargs="+", default=["none", "apertium"])
    parser.add_argument("--edits", type=int, default=10)
    args = parser.parse_args()
    english, source = article()
    from backcheck.formats.article import from_text

    count = len(from_text(english).article_sentences)
    print(f"article: {count} English sentences with their Serbian source ({', '.join(ARTICLES)}); {args.edits} edits")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for engine in args.engines:
            rows.append(run(engine, args.edits, english, source, Path(tmp)))
    print()
    print(
        "| engine | start (wall / CPU) | open article (wall / CPU) | re-check after an edit: median wall | max wall | median CPU | RSS after | peak RSS |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['engine']} | {r['startup'][0]:.2f} s / {r['startup'][1]:.2f} s | {r['open'][0] * 1000:.0f} ms / {r['open'][1] * 1000:.0f} ms "
            f"| {statistics.median(r['walls']) * 1000:.0f} ms | {max(r['walls']) * 1000:.0f} ms "
            f"| {statistics.median(r['cpus']) * 1000:.0f} ms | {r['rss']:.0f} MB | {r['peak']:.0f} MB |"
        )
    print()
    print("edited flag: " + "; ".join(f"{r['engine']}: {r['flag']}" for r in rows))
    print(
        "wall: POST of the accept (the server applies it and re-checks) until its new page is read; CPU: the server's"
    )
    print("(and its apertium processes'); a fresh translation cache, so each edit's sentence is translated anew")


if __name__ == "__main__":
    main()
