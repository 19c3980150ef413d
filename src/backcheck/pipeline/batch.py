"""Batch checking: many articles, one engine, parallel model-free work, resumable.

Input is a directory (every article and bilingual file under it; ``name.sr.txt`` beside
``name.txt`` is taken as its source) or a manifest (CSV or JSONL with ``translation``, ``source``
and ``source_lang``). Without an engine, whole documents are checked in worker processes. With
one, workers only read and segment the files, and the sentences of a chunk of documents go to
the engine in one call (one model load, full batches). Each finished document is committed to
an SQLite journal keyed by path and content hash, so a rerun after an interruption skips it.

Where the documents are checked is the executor's business: :class:`LocalExecutor` (a process
pool on this machine, the default) or ``backcheck.pipeline.ray_executor.RayExecutor`` (a Ray
cluster). Both get the documents the journal does not hold and hand each finished one to
:meth:`Progress.finish`, in this process, which alone writes the journal and calls back.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Protocol

from backcheck import files
from backcheck.config import SOURCE_LANGS, Config
from backcheck.errors import BackcheckError, InputError
from backcheck.formats.encoding import DEFAULT_MAX_BYTES
from backcheck.lang.languages import BCMS
from backcheck.model.report import DocumentReport, Flag, Report
from backcheck.model.textmap import Span
from backcheck.version import __version__

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
#: ``name.<lang>.txt`` beside ``name.txt`` is its source
SOURCE_SUFFIXES = BCMS  #: article.sr.txt beside article.txt is its Serbian source
STATE_FILE = ".backcheck-batch.sqlite"
#: documents whose sentences go to the engine in one call
ENGINE_CHUNK = 64
#: file name extension of a per-document report in each format
_EXTENSIONS = {"text": "txt", "junit": "xml", "github": "txt", "gitlab": "json"}


@dataclass(frozen=True)
class BatchItem:
    translation: str
    source: str | None = None
    source_lang: str | None = None
    where: str = ""  #: where the item was listed ("manifest.csv:4"), for messages


@dataclass
class BatchResult:
    report: Report  #: every document, checked now or taken from the journal
    checked: int = 0
    skipped: int = 0  #: finished in an earlier run (same path and content)
    errors: list[tuple[str, str]] = field(default_factory=list)  #: (where, message)
    seconds: float = 0.0


# --- finding the documents ------------------------------------------------------------------------


def discover(targets: Sequence[str | os.PathLike[str]], exclude: Path | None = None) -> list[BatchItem]:
    """The items of directories, manifests and single files; manifest problems name the file
    and line. A ``.jsonl`` file is a manifest when its first record has a ``translation``
    field, and segment pairs otherwise."""
    from backcheck.formats.bilingual import is_bilingual

    items: list[BatchItem] = []
    for target in map(Path, targets):
        try:
            target.is_dir()
        except OSError as exc:  # a name too long for the file system, a loop of links
            raise InputError(f"{str(target)[:200]}: {exc.strerror}") from None
        if target.is_dir():
            items += _directory_items(target, exclude, is_bilingual)
        elif not target.exists():
            raise InputError(f"{target}: no such file or directory")
        elif target.suffix.lower() == ".csv":
            items += _manifest_items(target, _csv_rows(target))
        elif target.suffix.lower() == ".jsonl" and _is_manifest(target):
            items += _manifest_items(target, _jsonl_rows(target))
        elif target.suffix.lower() in ARTICLE_SUFFIXES or is_bilingual(target):
            items += _paired_items([target])
        else:
            raise InputError(f"{target}: not an article, a bilingual file, a directory or a manifest (.csv, .jsonl)")
    return items


def _is_manifest(path: Path) -> bool:
    for _, row in _jsonl_rows(path):
        return "translation" in row
    return False


def _directory_items(root: Path, exclude: Path | None, is_bilingual) -> list[BatchItem]:
    files = sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
        and (exclude is None or exclude.resolve() not in p.resolve().parents)
    )
    items = _paired_items([p for p in files if p.suffix.lower() in ARTICLE_SUFFIXES or is_bilingual(p)])
    if not items:
        raise InputError(
            f"{root}: no articles found (looked for {', '.join(sorted(ARTICLE_SUFFIXES))} and bilingual files)"
        )
    return items


def _paired_items(files: list[Path]) -> list[BatchItem]:
    """``name.sr.txt`` beside ``name.txt`` is the source of ``name.txt``, not a document of its own."""
    items = []
    for p in files:
        stem, _, lang = p.stem.rpartition(".")
        if stem and lang in SOURCE_SUFFIXES and p.with_name(stem + p.suffix).is_file():
            continue
        source, source_lang = next(
            (
                (p.with_name(f"{p.stem}.{lang}{p.suffix}"), lang)
                for lang in SOURCE_SUFFIXES
                if p.with_name(f"{p.stem}.{lang}{p.suffix}").is_file()
            ),
            (None, None),
        )
        items.append(BatchItem(str(p), str(source) if source else None, source_lang, str(p)))
    return items


def _csv_rows(path: Path) -> Iterator[tuple[int, dict]]:
    text = files.read_text(path, what="manifest")
    try:
        with io.StringIO(text, newline="") as fh:
            reader = csv.DictReader(fh)
            if reader.fieldnames is None or "translation" not in reader.fieldnames:
                raise InputError(
                    f"{path}:1: manifest header must name a 'translation' column "
                    "(and optionally 'source', 'source_lang')"
                )
            line = reader.line_num
            for row in reader:
                yield line + 1, row
                line = reader.line_num
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{path}: cannot read manifest ({exc})") from None


def _jsonl_rows(path: Path) -> Iterator[tuple[int, dict]]:
    lines = files.read_text(path, what="manifest").splitlines()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: invalid JSON ({exc.msg})") from None
        except RecursionError:  # a line nested thousands of levels deep is no manifest row
            raise InputError(f"{path}:{number}: JSON nested too deeply") from None
        if not isinstance(row, dict):
            raise InputError(f'{path}:{number}: expected an object with a "translation" field')
        yield number, row


def _text_field(row: dict, column: str, where: str) -> str:
    """A manifest field as stripped text ('' when absent); a number, list or object is refused."""
    value = row.get(column)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(f"{where}: {column!r} must be a string, got {type(value).__name__}")
    return value.strip()


def _manifest_items(manifest: Path, rows: Iterator[tuple[int, dict]]) -> list[BatchItem]:
    base = manifest.parent
    items = []
    for number, row in rows:
        where = f"{manifest}:{number}"
        translation = _text_field(row, "translation", where)
        if not translation:
            raise InputError(f"{where}: no 'translation' path")
        paths = {}
        for column in ("translation", "source"):
            value = _text_field(row, column, where)
            if not value:
                continue
            p = base / value
            try:
                found = p.is_file()
            except OSError as exc:  # a name too long for the file system, a loop of links
                raise InputError(f"{where}: {column} file {value[:80]!r}: {exc.strerror}") from None
            if not found:
                raise InputError(f"{where}: {column} file {value!r} not found (looked for {p})")
            paths[column] = str(p)
        lang = _text_field(row, "source_lang", where) or None
        if lang is not None and lang not in SOURCE_LANGS:
            raise InputError(f"{where}: source_lang {lang!r} is not one of {', '.join(SOURCE_LANGS)}")
        items.append(BatchItem(paths["translation"], paths.get("source"), lang, where))
    if not items:
        raise InputError(f"{manifest}: the manifest lists no documents")
    return items


# --- the journal ------------------------------------------------------------------------------------


def run_key(config: Config, engines: list[dict[str, Any] | None] | None = None) -> str:
    """What makes a stored result reusable: the version, every deciding setting, the content of
    the baseline (not its path: a baseline edited in place changes the results), the engines
    that actually run (``auto`` is whatever is installed; a reinstalled model has a new checksum)
    and the editors' decisions (a flag dismissed since drops out of the report)."""
    settings = {k: v for k, v in config.to_dict().items() if k != "origins"}
    baseline = files.digest(config.baseline, files.SMALL_FILE_BYTES) if config.baseline else None
    material = [__version__, settings, baseline, engines or [], _decisions_digest(config)]
    return hashlib.sha256(json.dumps(material, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _decisions_digest(config: Config) -> str | None:
    """The editors' decisions a run honours, as a digest (None without a store)."""
    from backcheck.pipeline.check import decisions_path
    from backcheck.pipeline.decisions import DecisionStore

    path = decisions_path(config)
    if path is None:
        return None
    with DecisionStore(path) as store:
        return store.digest()


def engine_identities(items: list[BatchItem], config: Config, models_dir: str | None) -> list[dict[str, Any] | None]:
    """The signature (name, model, checksum) of the engine each source language resolves to."""
    if config.engine == "none":
        return []
    from backcheck.engines import resolve
    from backcheck.pipeline.check import DEFAULT_BACK_LANG

    out: list[dict[str, Any] | None] = []
    for lang in sorted({item.source_lang or DEFAULT_BACK_LANG for item in items}):
        try:
            engine = resolve(
                config.engine,
                "en",
                lang,
                models_dir=models_dir,
                use_cache=False,
                device=config.device,
                threads=config.threads,
            )
        except BackcheckError as exc:  # reported when the documents run; the key only needs to differ
            out.append({"lang": lang, "error": str(exc)})
            continue
        out.append({"lang": lang, **engine.signature()} if engine is not None else None)
    return out


def worker_count(jobs: int, documents: int) -> int:
    """Processes to start: never more than the documents waiting or the CPUs there are."""
    return max(1, min(jobs, documents, os.cpu_count() or 1))


def _die_with_parent() -> None:
    """Worker initialiser: on Linux, the kernel kills the worker when the parent dies (kill -9)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # another platform: the pool's own shutdown still applies
        pass


def content_digest(item: BatchItem, key: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """What decides whether a journalled result is still valid: the run's key and the bytes of
    both files, read in blocks and never past the input limit (a 30 GB file is refused, not read)."""
    digest = hashlib.sha256(key.encode())
    for path in (item.translation, item.source):
        digest.update(b"\0")
        if path:
            digest.update(files.digest(path, max_bytes).encode())
    digest.update((item.source_lang or "").encode())
    return digest.hexdigest()


class Journal:
    """Finished documents, one committed row each, so a killed run loses at most the documents
    in flight. SQLite in WAL mode: a crash mid-write leaves the journal as it was."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.db = sqlite3.connect(path)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS done (path TEXT, digest TEXT, report TEXT, PRIMARY KEY (path, digest))"
            )
            self.db.commit()
        except sqlite3.DatabaseError as exc:
            raise InputError(f"{path}: cannot use as batch state ({exc}); delete it to start afresh") from None

    def get(self, path: str, digest: str) -> DocumentReport | None:
        row = self.db.execute("SELECT report FROM done WHERE path = ? AND digest = ?", (path, digest)).fetchone()
        return document_report_from_json(row[0]) if row else None

    def put(self, path: str, digest: str, doc: DocumentReport) -> None:
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO done VALUES (?, ?, ?)", (path, digest, document_report_to_json(doc))
            )

    def close(self) -> None:
        self.db.close()


def document_report_to_json(doc: DocumentReport) -> str:
    """Every data field (those with ``repr=False`` hold live objects and are left out)."""
    data = {f.name: getattr(doc, f.name) for f in fields(DocumentReport) if f.repr and f.name != "flags"}
    data["flags"] = [asdict(flag) for flag in doc.flags]
    return json.dumps(data, ensure_ascii=False)


def document_report_from_json(text: str) -> DocumentReport:
    data = json.loads(text)
    flags = [
        Flag(
            **{
                **f,
                "span": Span(**f["span"]),
                "source_span": Span(**f["source_span"]) if f.get("source_span") else None,
            }
        )
        for f in data.pop("flags")
    ]
    return DocumentReport(**data, flags=flags)


# --- running --------------------------------------------------------------------------------------


def check_model_free(item: BatchItem, config: Config) -> tuple[DocumentReport | None, str | None]:
    """Worker: check one document completely (no engine)."""
    from backcheck.pipeline.check import check_jobs, load_job

    try:
        job = load_job(item.translation, item.source, item.source_lang or config.source_lang)
        return check_jobs([job], config, engine="none").documents[0], None
    except BackcheckError as exc:
        return None, str(exc)


def load_item(item: BatchItem, config: Config):
    """Worker: read and segment one document for the engine."""
    from backcheck.pipeline.check import load_job

    try:
        return load_job(item.translation, item.source, item.source_lang or config.source_lang), None
    except BackcheckError as exc:
        return None, str(exc)


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


#: a document still to check: its index among the items, the item, its journal digest
Pending = tuple[int, BatchItem, str]


class Executor(Protocol):
    """Checks the pending documents and hands each to ``progress.finish`` as it is done."""

    name: str

    def check(
        self, pending: list[Pending], config: Config, progress: Progress, *, models_dir: str | None, use_cache: bool
    ) -> None: ...


class LocalExecutor:
    """A process pool on this machine: model-free documents each in a worker; with an engine,
    chunks of documents read in workers and back-translated together here (one engine)."""

    name = "local"

    def __init__(self, jobs: int = 1) -> None:
        self.jobs = jobs

    def check(
        self, pending: list[Pending], config: Config, progress: Progress, *, models_dir: str | None, use_cache: bool
    ) -> None:
        from concurrent.futures import ProcessPoolExecutor

        jobs = worker_count(self.jobs, len(pending))
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_die_with_parent) if jobs > 1 else None

        def mapper(fn, xs):
            """Results in order; a worker takes several documents at a time to keep IPC cheap."""
            if pool is None:
                return map(fn, xs, [config] * len(xs))
            return pool.map(fn, xs, [config] * len(xs), chunksize=max(1, min(32, len(xs) // (jobs * 8))))

        try:
            _check_pending(pending, config, mapper, progress, models_dir, use_cache)
        finally:
            if pool:
                pool.shutdown(cancel_futures=True)


def run(
    items: list[BatchItem],
    config: Config,
    *,
    jobs: int = 1,
    executor: Executor | None = None,
    state: Path | None = None,
    use_cache: bool = True,
    models_dir: str | None = None,
    on_document: Callable[[BatchItem, DocumentReport | None, str | None], None] | None = None,
) -> BatchResult:
    """Check every item with ``executor`` (default: a local pool of ``jobs`` processes);
    ``on_document`` is called as each finishes (for a progress bar and for writing per-document
    reports). Documents in ``state`` from an earlier run are not rechecked."""
    from backcheck.pipeline.check import signature

    started = time.perf_counter()
    if config.baseline:  # a bad baseline is one error for the run, not one per document
        from backcheck.pipeline.baseline import load

        load(config.baseline)
    progress = Progress(
        Journal(state) if state else None, BatchResult(report=Report([], config, signature(config, None))), on_document
    )
    executor = executor or LocalExecutor(jobs)
    try:
        key = run_key(config, engine_identities(items, config, models_dir))
        pending = progress.restore(items, key)
        if pending:
            executor.check(pending, config, progress, models_dir=models_dir, use_cache=use_cache)
    finally:
        if progress.journal:
            progress.journal.close()
    result = progress.result
    result.report.documents = [progress.docs[i] for i in sorted(progress.docs)]
    result.seconds = time.perf_counter() - started
    return result


class Progress:
    """What a batch run has so far: the reports by item index, the journal, the callback."""

    def __init__(self, journal: Journal | None, result: BatchResult, on_document) -> None:
        self.journal, self.result, self.on_document = journal, result, on_document
        self.docs: dict[int, DocumentReport] = {}

    def restore(self, items: list[BatchItem], key: str) -> list[Pending]:
        """Take the documents the journal holds for ``key``; return the others (index, item, digest)."""
        pending: list[Pending] = []
        for index, item in enumerate(items):
            digest = content_digest(item, key)
            stored = self.journal.get(str(Path(item.translation).resolve()), digest) if self.journal else None
            if stored is not None:
                self.docs[index] = stored
                self.result.skipped += 1
                if self.on_document:
                    self.on_document(item, stored, None)
            else:
                pending.append((index, item, digest))
        return pending

    def finish(self, index: int, item: BatchItem, digest: str, doc: DocumentReport | None, error: str | None) -> None:
        if doc is not None:
            self.docs[index] = doc
            self.result.checked += 1
            if self.journal:
                self.journal.put(str(Path(item.translation).resolve()), digest, doc)
        else:
            self.result.errors.append((item.where, error or "failed"))
        if self.on_document:
            self.on_document(item, doc, error)


def _check_pending(
    pending: list[Pending],
    config: Config,
    mapper,
    progress: Progress,
    models_dir: str | None,
    use_cache: bool,
) -> None:
    """Model-free documents each in a worker; with an engine, chunks loaded in workers and
    back-translated together here (one engine, batched across documents)."""
    from backcheck.pipeline.check import check_jobs

    if config.engine == "none":
        batch_items = [item for _, item, _ in pending]
        for (index, item, digest), (doc, error) in zip(pending, mapper(check_model_free, batch_items)):
            progress.finish(index, item, digest, doc, error)
        return
    for chunk in _chunks(pending, ENGINE_CHUNK):
        loaded = list(mapper(load_item, [item for _, item, _ in chunk]))
        ready = [(entry, job) for entry, (job, _) in zip(chunk, loaded) if job is not None]
        for (index, item, digest), (job, error) in zip(chunk, loaded):
            if job is None:
                progress.finish(index, item, digest, None, error)
        if not ready:
            continue
        report = check_jobs(
            [job for _, job in ready], config, config.engine, models_dir=models_dir, use_cache=use_cache
        )
        progress.result.report.signature = report.signature
        for ((index, item, digest), _), doc in zip(ready, report.documents):
            progress.finish(index, item, digest, doc, None)


def default_state(output_dir: Path | None, output: Path | None) -> Path | None:
    """Where the journal lives: beside the reports, so a rerun with the same outputs resumes."""
    if output_dir is not None:
        return output_dir / STATE_FILE
    if output is not None:
        return output.parent / f".{output.name}.batch.sqlite"
    return None


def report_name(item: BatchItem, root: Path, fmt: str) -> Path:
    """Per-document report path, mirroring the input tree: ``news/a.txt`` -> ``news/a.txt.json``."""
    path = Path(item.translation).resolve()
    try:
        relative = path.relative_to(root.resolve())
    except ValueError:
        relative = Path(path.name)
    return relative.with_name(f"{relative.name}.{_EXTENSIONS.get(fmt, fmt)}")


def summary_table(result: BatchResult, fail_on: str, limit: int = 20) -> str:
    """The end-of-run table: the documents that fail (worst first) and the totals."""
    from backcheck.model.findings import SEVERITIES, SEVERITY_WEIGHT
    from backcheck.pipeline.baseline import suppressed

    threshold = SEVERITIES.index(fail_on)
    failing = [d for d in result.report.documents if any(SEVERITIES.index(f.severity) >= threshold for f in d.flags)]
    failing.sort(key=lambda d: -sum(SEVERITY_WEIGHT[f.severity] for f in d.flags))
    width = max([len("document")] + [len(d.path) for d in failing[:limit]] + [len(w) for w, _ in result.errors[:limit]])
    lines = [f"{'document':<{width}}  {'critical':>8}  {'major':>5}  {'minor':>5}  status"]
    for d in failing[:limit]:
        c = d.counts()
        lines.append(f"{d.path:<{width}}  {c['critical']:>8}  {c['major']:>5}  {c['minor']:>5}  fail")
    if len(failing) > limit:
        lines.append(f"... and {len(failing) - limit} more failing documents")
    for where, message in result.errors[:limit]:
        lines.append(f"{where:<{width}}  {'-':>8}  {'-':>5}  {'-':>5}  error: {message}")
    if len(result.errors) > limit:
        lines.append(f"... and {len(result.errors) - limit} more errors")
    totals = {sev: sum(d.counts()[sev] for d in result.report.documents) for sev in SEVERITIES}
    done = len(result.report.documents)
    rate = result.checked / result.seconds if result.seconds else 0.0
    lines.append("")
    lines.append(
        f"documents: {done} ({result.checked} checked, {result.skipped} already done), "
        f"{len(failing)} failing at {fail_on}, {len(result.errors)} errors"
    )
    lines.append(
        f"flags: {totals['critical']} critical, {totals['major']} major, {totals['minor']} minor; "
        f"{sum(suppressed(d) for d in result.report.documents)} suppressed by the baseline"
    )
    lines.append(f"time: {result.seconds:.1f} s ({rate:.1f} documents/s)")
    return "\n".join(lines) + "\n"
