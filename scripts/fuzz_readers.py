#!/usr/bin/env python3
"""Coverage-guided fuzzing of every reader: any input must give a result or a BackcheckError.

One target per reader (``--target``, or ``all``); any other exception is a crash. Crashes are
counted (deduplicated by exception type and the line that raised it), their inputs saved under
``--crashes`` (default ``/tmp/backcheck-fuzz``), and fuzzing continues. At the end a table gives
each target's executions, CPU and wall seconds and crashes.

atheris (libFuzzer for Python) guides the inputs by coverage when it is installed; it is not a
dependency of backcheck::

    .venv/bin/pip install atheris
    PYTHONPATH=src .venv/bin/python scripts/fuzz_readers.py --target all --seconds 60 --jobs 8
    PYTHONPATH=src .venv/bin/python scripts/fuzz_readers.py --target xliff --seconds 600

Without atheris (or with ``--engine python``) a plain mutational loop runs instead: seeds of each
format mutated by byte flips, deletions, duplications and insertions of the format's own tokens,
splices of two inputs; the inputs that end in a new outcome join the corpus. It finds less, but
runs anywhere.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# -- seeds and tokens of each format ------------------------------------------------------------

ARTICLE = (
    "Council approves budget\n\nThe council adopted the budget on Tuesday, Marko Vujović said.\n\n"
    "Bonus video:\n\nTranslated by machine translation (AI).\n"
)
HTML = (
    "<!doctype html><html><head><title>Budget</title></head><body><article><h1>Budget</h1>"
    "<p class=lead>The council adopted &amp; approved it.</p><figure><img src=x.jpg>"
    "<figcaption>Marko Vujović</figcaption></figure><p>Second &#x17E; paragraph<br>line.</p>"
    "<script>var x = '<p>';</script></article></body></html>"
)
MARKDOWN = "# Budget\n\n*The council* adopted the budget.\n\n> Quote.\n\n- item\n- [link](http://x)\n"
XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="v.txt" source-language="hr" target-language="en" datatype="plaintext"><body>
  <trans-unit id="t1"><source>Vlada je usvojila proračun.</source>
   <target>The government adopted the budget &amp; <g id="1">debt</g> <ph id="2">{b}</ph>.</target></trans-unit>
 </body></file></xliff>
"""
XLIFF2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="sr-Latn" trgLang="en">
 <file id="f1"><unit id="u1"><segment id="s1"><source>Premijer je otputovao.</source>
 <target>The prime minister left.</target></segment></unit></file></xliff>
"""
TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="sr" datatype="plaintext" segtype="sentence"/><body>
 <tu tuid="1"><tuv xml:lang="sr"><seg>Vlada je pala.</seg></tuv><tuv xml:lang="en"><seg>The government fell.</seg></tuv></tu>
</body></tmx>
"""
PO = 'msgid ""\nmsgstr ""\n"Language: sr\\n"\n\n#: a.c:1\nmsgid "Vlada je pala."\nmsgstr "The government \\"fell\\"."\n'
TSV = "Vlada je pala.\tThe government fell.\nSud je odbio žalbu.\tThe court rejected the appeal.\n"
JSONL = '{"id": "1", "source": "Vlada je pala.", "target": "The government fell."}\n'
CONFIG = (
    'source_lang = "sr"\nfail_on = "major"\nengine = "none"\nthreads = 2\nnever_flag = ["EU"]\n'
    '[glossary]\n"Kiev" = "Kyiv"\n[thresholds]\n[severities]\n"name.inflected" = "minor"\n'
)
BASELINE = '{"schema": "backcheck-baseline/1", "findings": [{"fingerprint": "abc", "check": "x"}]}'
REPORT = json.dumps(
    {
        "schema": "backcheck-report/2",
        "documents": [
            {"path": "a.txt", "flags": [{"fingerprint": "f1", "check": "x", "span": {"line": 1, "text": "t"}}]}
        ],
    }
)
REPORT_JSONL = '{"fingerprint": "f1", "check": "x", "span": {"line": 1}}\n{"fingerprint": "f2", "message": "m"}\n'
CSV = "translation,source,source_lang\na.txt,b.txt,sr\n"
MANIFEST_JSONL = '{"translation": "a.txt", "source": "b.txt", "source_lang": "hr"}\n'
MODEL = json.dumps(
    {
        "name": "m",
        "kind": "marian",
        "source_langs": ["en"],
        "target_langs": ["sr"],
        "labels": {"sr": ">>srp_Latn<<"},
        "files": {"model.bin": {"sha256": "0" * 64, "size": 3}},
    }
)

XML_TOKENS = [
    "<source>", "</source>", "<target>", "</target>", "<seg>", "</seg>", "<tu>", "</tu>", '<tuv xml:lang="en">',
    '<g id="1">', "</g>", "<ph/>", "&amp;", "&#0;", "&#xD800;", "&bogus;", "<![CDATA[", "]]>", "<!--", "-->",
    '<?xml version="1.0" encoding="latin-1"?>', '<!DOCTYPE x [<!ENTITY e "eee">]>', "&e;", "\r\n",
]  # fmt: skip
TOKENS: dict[str, list[str]] = {
    "article": ["\n\n", "\r\n", "\u2028", "\u00ad", "\u200b", "\ufeff", "\u202e", "\u0301", "# ", "* ", "Bonus video:"],
    "html": ["<p>", "</p>", "<br>", "<h1>", "<script>", "</script>", "<!--", "-->", "&nbsp;", "&#1114112;", "<figcaption>"],
    "xml": XML_TOKENS,
    "po": ["msgid ", "msgstr ", "msgctxt ", "msgstr[0] ", '"', '\\"', "\\n", "\\x41", "\\", "#, fuzzy\n", "#~ "],
    "tsv": ["\t", "\n", '"', "\r\n", "\\t"],
    "json": ["{", "}", "[", "]", '"', ":", ",", "null", "1e999", "NaN", '"\\ud800"', '"\\u0000"', "[[[[[[[["],
    "toml": ["=", "[", "]", '"', "nan", "inf", "-1", "[thresholds]\n", "[glossary]\n", '"name.inflected"', "\n"],
    "csv": [",", '"', "\n", "\r\n", "\x00", "../", "/etc", "translation"],
}  # fmt: skip


# -- targets --------------------------------------------------------------------------------------


class Workspace:
    """A private folder the file-based targets write their input into."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="backcheck-fuzz-"))
        (self.dir / "a.txt").write_text("An article.\n")
        (self.dir / "b.txt").write_text("Članak.\n")
        self.model = self.dir / "model"
        self.model.mkdir()
        for name in ("model.bin", "config.json", "source.spm", "target.spm"):
            (self.model / name).write_bytes(b"xyz")

    def file(self, name: str, data: bytes) -> Path:
        path = self.dir / name
        path.write_bytes(data)
        return path


def _text(data: bytes) -> str:
    return data.decode("utf-8", "surrogatepass") if _decodes(data) else data.decode("latin-1")


def _decodes(data: bytes) -> bool:
    try:
        data.decode("utf-8", "surrogatepass")
        return True
    except UnicodeDecodeError:
        return False


def _spans_inside(doc) -> None:
    original = doc.textmap.original
    for piece in [*doc.sentences, *doc.blocks]:
        span = doc.span(piece.start, piece.end)
        if not (0 <= span.start <= span.end <= len(original)) or span.text != original[span.start : span.end]:
            raise AssertionError(f"span {span.start}..{span.end} outside the file of {len(original)} characters")


def _article(fmt: str | None) -> Callable[[Workspace, bytes], None]:
    def run(ws: Workspace, data: bytes) -> None:
        from backcheck.formats.article import from_text

        _spans_inside(from_text(_text(data), fmt=fmt))

    return run


def _article_file(ws: Workspace, data: bytes) -> None:
    from backcheck.formats.article import load

    _spans_inside(load(str(ws.file("article.html" if data[:1] == b"<" else "article.txt", data))))


def _pair(suffix: str) -> Callable[[Workspace, bytes], None]:
    def run(ws: Workspace, data: bytes) -> None:
        from backcheck.formats.bilingual import load_pair

        target, source = load_pair(ws.file("pair" + suffix, data))
        _spans_inside(target)
        if source is not None:
            _spans_inside(source)

    return run


def _config(ws: Workspace, data: bytes) -> None:
    from backcheck.pipeline.configure import resolve

    ws.file("backcheck.toml", data)
    resolve({}, cwd=ws.dir, environ={})


def _baseline(ws: Workspace, data: bytes) -> None:
    from backcheck.pipeline import baseline

    baseline.load(ws.file("baseline.json", data))


def _report(ws: Workspace, data: bytes) -> None:
    """``baseline create REPORT``: the entries of a saved report, and a baseline that can be written."""
    from backcheck.pipeline import baseline

    baseline.dumps(baseline.entries_from_report_file(ws.file("report.json", data))).encode("utf-8")


def _manifest(suffix: str) -> Callable[[Workspace, bytes], None]:
    def run(ws: Workspace, data: bytes) -> None:
        from backcheck.pipeline.batch import discover

        discover([ws.file("manifest" + suffix, data)])

    return run


def _model(ws: Workspace, data: bytes) -> None:
    from backcheck.engines.catalog import MANIFEST, open_model

    (ws.model / MANIFEST).write_bytes(data)
    open_model(ws.model)


#: name -> (function, seeds, tokens)
TARGETS: dict[str, tuple[Callable[[Workspace, bytes], None], list[str], str]] = {
    "text": (_article("text"), [ARTICLE], "article"),
    "markdown": (_article("markdown"), [MARKDOWN, ARTICLE], "article"),
    "html": (_article("html"), [HTML], "html"),
    "article-file": (_article_file, [ARTICLE, HTML], "html"),
    "xliff": (_pair(".xlf"), [XLIFF, XLIFF2], "xml"),
    "tmx": (_pair(".tmx"), [TMX], "xml"),
    "po": (_pair(".po"), [PO], "po"),
    "tsv": (_pair(".tsv"), [TSV], "tsv"),
    "jsonl": (_pair(".jsonl"), [JSONL], "json"),
    "config": (_config, [CONFIG], "toml"),
    "baseline": (_baseline, [BASELINE], "json"),
    "report": (_report, [REPORT, REPORT_JSONL], "json"),
    "manifest-csv": (_manifest(".csv"), [CSV], "csv"),
    "manifest-jsonl": (_manifest(".jsonl"), [MANIFEST_JSONL], "json"),
    "model-manifest": (_model, [MODEL], "json"),
}


# -- one target in this process ---------------------------------------------------------------------


class Runner:
    """Runs inputs through one target, counting executions and distinct crashes."""

    def __init__(self, target: str, stats: Path, crashes: Path, engine: str) -> None:
        self.fn = TARGETS[target][0]
        self.target, self.stats, self.crash_dir, self.engine = target, stats, crashes, engine
        self.ws = Workspace()
        self.executions = 0
        self.crashes: dict[str, dict] = {}
        self.started = time.monotonic()
        self.written = 0.0

    def __call__(self, data: bytes) -> str:
        from backcheck.errors import BackcheckError

        self.executions += 1
        outcome = "ok"
        try:
            self.fn(self.ws, data)
        except BackcheckError as exc:
            outcome = f"error:{type(exc).__name__}:{str(exc)[:40]}"
        except Exception as exc:  # noqa: BLE001 (the point: anything else is a crash)
            outcome = self.crash(exc, data)
        if time.monotonic() - self.written > 0.5:
            self.save()
        return outcome

    def crash(self, exc: Exception, data: bytes) -> str:
        frames = traceback.extract_tb(exc.__traceback__)
        own = [f for f in frames if "/backcheck/" in f.filename] or frames
        where = f"{Path(own[-1].filename).name}:{own[-1].lineno}" if own else "?"
        key = f"{type(exc).__name__} at {where}"
        if key not in self.crashes:
            self.crash_dir.mkdir(parents=True, exist_ok=True)
            path = self.crash_dir / f"{self.target}-{len(self.crashes)}.bin"
            path.write_bytes(data)
            self.crashes[key] = {"crash": key, "message": str(exc)[:200], "input": str(path), "count": 0}
            self.save()
        self.crashes[key]["count"] += 1
        return "crash:" + key

    def save(self) -> None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        record = {
            "target": self.target,
            "engine": self.engine,
            "executions": self.executions,
            "cpu": usage.ru_utime + usage.ru_stime,
            "wall": time.monotonic() - self.started,
            "crashes": list(self.crashes.values()),
        }
        tmp = self.stats.with_suffix(".tmp")
        tmp.write_text(json.dumps(record))
        os.replace(tmp, self.stats)
        self.written = time.monotonic()


def mutate(rng: random.Random, data: bytes, corpus: list[bytes], tokens: list[bytes]) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(7)
        pos = rng.randint(0, len(buf))
        if op == 0 and buf:
            buf[min(pos, len(buf) - 1)] ^= 1 << rng.randrange(8)
        elif op == 1 and buf:
            del buf[pos : pos + rng.randint(1, 16)]
        elif op == 2:
            buf[pos:pos] = rng.choice(tokens)
        elif op == 3 and buf:
            a = rng.randrange(len(buf))
            buf[pos:pos] = buf[a : a + rng.randint(1, 32)]
        elif op == 4:
            other = rng.choice(corpus)
            cut = rng.randint(0, len(other))
            buf = buf[:pos] + bytearray(other[cut:])
        elif op == 5:
            buf[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4)))
        elif op == 6:
            buf[pos:pos] = rng.choice(["\u0301", "\ud800", "\u202e", "\x00", "š", "Ђ"]).encode("utf-8", "surrogatepass")
    return bytes(buf[:8192])


def python_loop(runner: Runner, seconds: float, seed: int) -> None:
    """Mutational fuzzing without coverage: the inputs reaching a new outcome join the corpus."""
    _, seeds, kind = TARGETS[runner.target]
    tokens = [t.encode("utf-8", "surrogatepass") for t in TOKENS[kind]]
    corpus = [s.encode("utf-8") for s in seeds] + [b""]
    seen: set[str] = set()
    rng = random.Random(seed)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        data = mutate(rng, rng.choice(corpus), corpus, tokens)
        outcome = runner(data)
        if outcome not in seen:
            seen.add(outcome)
            corpus.append(data)
    runner.save()


def _dict_escape(token: str) -> str:
    """A libFuzzer dictionary entry: printable ASCII as is, every other byte as \\xNN."""
    return "".join(
        chr(b) if 32 <= b < 127 and chr(b) not in '"\\' else f"\\x{b:02x}"
        for b in token.encode("utf-8", "surrogatepass")
    )


def atheris_loop(runner: Runner, seconds: float, seed: int) -> None:
    import atheris

    corpus = Path(tempfile.mkdtemp(prefix=f"backcheck-corpus-{runner.target}-"))
    _, seeds, kind = TARGETS[runner.target]
    for i, text in enumerate(seeds):
        (corpus / f"seed{i}").write_bytes(text.encode("utf-8"))
    dictionary = corpus.parent / f"{corpus.name}.dict"
    dictionary.write_text("".join(f'"{_dict_escape(t)}"\n' for t in TOKENS[kind]))

    def one(data: bytes) -> None:
        runner(data)

    argv = [
        sys.argv[0],
        str(corpus),
        f"-max_total_time={int(seconds)}",
        f"-seed={seed}",
        "-timeout=20",
        "-rss_limit_mb=4096",
        "-max_len=8192",
        f"-dict={dictionary}",
        "-print_final_stats=1",
    ]
    atheris.Setup(argv, one)
    atheris.Fuzz()  # exits the process when the time is up


def worker(args: argparse.Namespace) -> None:
    engine = args.engine
    if engine == "atheris":
        import atheris

        with atheris.instrument_imports(include=["backcheck"]):
            _import_readers()
    else:
        _import_readers()
    runner = Runner(args.target, Path(args.stats), Path(args.crashes), engine)
    runner.save()
    (atheris_loop if engine == "atheris" else python_loop)(runner, args.seconds, args.seed)


def _import_readers() -> None:
    import backcheck.engines.catalog  # noqa: F401
    import backcheck.formats.article  # noqa: F401
    import backcheck.formats.bilingual  # noqa: F401
    import backcheck.formats.encoding  # noqa: F401
    import backcheck.formats.html  # noqa: F401
    import backcheck.lang.segment  # noqa: F401
    import backcheck.model.textmap  # noqa: F401
    import backcheck.pipeline.baseline  # noqa: F401
    import backcheck.pipeline.batch  # noqa: F401
    import backcheck.pipeline.configure  # noqa: F401


# -- the table -------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--target", default="all", choices=["all", *TARGETS])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--engine", choices=["auto", "atheris", "python"], default="auto")
    parser.add_argument("--jobs", type=int, default=1, help="targets fuzzed at once")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--crashes", default="/tmp/backcheck-fuzz")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--stats", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine == "auto":
        try:
            import atheris  # noqa: F401

            args.engine = "atheris"
        except ImportError:
            args.engine = "python"
    if args.worker:
        worker(args)
        return
    targets = list(TARGETS) if args.target == "all" else [args.target]
    results = run_targets(targets, args)
    print(f"{'target':<16} {'engine':<8} {'executions':>11} {'cpu s':>8} {'wall s':>8} {'crashes':>8}")
    for r in results:
        print(
            f"{r['target']:<16} {r['engine']:<8} {r['executions']:>11} {r['cpu']:>8.1f} {r['wall']:>8.1f} "
            f"{len(r['crashes']):>8}"
        )
    for r in results:
        for c in r["crashes"]:
            print(f"  {r['target']}: {c['crash']} ({c['count']}x): {c['message']!r} -> {c['input']}")
    sys.exit(1 if any(r["crashes"] for r in results) else 0)


def run_targets(targets: list[str], args: argparse.Namespace) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    stats_dir = Path(tempfile.mkdtemp(prefix="backcheck-fuzz-stats-"))
    pending, running, results = list(targets), {}, {}
    while pending or running:
        while pending and len(running) < max(1, args.jobs):
            target = pending.pop(0)
            stats = stats_dir / f"{target}.json"
            cmd = [sys.executable, __file__, "--worker", "--target", target, "--seconds", str(args.seconds)]
            cmd += ["--engine", args.engine, "--seed", str(args.seed), "--crashes", args.crashes, "--stats", str(stats)]
            log = open(stats_dir / f"{target}.log", "wb")  # noqa: SIM115 (closed when the worker ends)
            proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
            running[target] = (proc, stats, time.monotonic(), log)
        for target, (proc, stats, started, log) in list(running.items()):
            if proc.poll() is None and time.monotonic() - started > args.seconds + 60:
                proc.kill()  # a hung input: what it counted so far is kept
            if proc.poll() is not None:
                log.close()
                record = json.loads(stats.read_text()) if stats.exists() else None
                if record is not None:  # libFuzzer's own count is exact; the stats file may lag
                    found = re.search(rb"stat::number_of_executed_units:\s*(\d+)", Path(log.name).read_bytes())
                    record["executions"] = int(found.group(1)) if found else record["executions"]
                results[target] = record or {
                    "target": target, "engine": args.engine, "executions": 0, "cpu": 0.0, "wall": 0.0,
                    "crashes": [{"crash": f"worker exited {proc.returncode}", "message": "", "input": str(log.name), "count": 1}],
                }  # fmt: skip
                del running[target]
        time.sleep(0.2)
    return [results[t] for t in targets]


if __name__ == "__main__":
    main()
