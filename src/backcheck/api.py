"""The public Python API. The CLI is a thin layer over these functions.

Data flow (see ARCHITECTURE.md): load → segment → (align with source) → engine → checks → Report.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import __version__
from .checks import CheckContext, all_checks
from .config import Config
from .document import Document, load
from .report import DocumentReport, Report, decide

ENGINE_SKIPPED_NOTE = ("back-translation skipped (engine: none); install a model with "
                       "`backcheck models install opus-mt-en-sh` or `apt-get install apertium-hbs-eng` to enable it")


@dataclass
class Job:
    """One article to check, with its source when there is one."""

    document: Document
    source: Document | None = None


def load_job(path: str, source: str | None = None, source_lang: str | None = None,
             max_bytes: int | None = None) -> Job:
    doc = load(path, lang="en", max_bytes=max_bytes)
    src = load(source, lang=source_lang or "sr", max_bytes=max_bytes) if source else None
    return Job(doc, src)


def signature(config: Config, engine: dict | None) -> str:
    """One string that makes a report reproducible (sacrebleu style: key:value|key:value)."""
    checks = [c for c in all_checks() if config.is_enabled(c)]
    parts = [f"backcheck:{__version__}", f"checks:{len(checks)}", f"fail_on:{config.fail_on}",
             f"engine:{engine.get('name') if engine else 'none'}"]
    if engine:
        parts += [f"{k}:{v}" for k, v in engine.items() if k != "name" and v is not None]
    parts += [f"{k}:{v}" for k, v in sorted(config.thresholds.items())]
    parts += [f"sev.{k}:{v}" for k, v in sorted(config.severities.items())]
    return "|".join(parts)


def run_checks(job: Job, config: Config, backtranslations: dict[int, str] | None = None,
               alignment: list | None = None) -> list:
    """Run every enabled check on one job and decide severities."""
    checks = all_checks()
    ctx = CheckContext(document=job.document, config=config, source=job.source,
                       alignment=alignment, backtranslations=backtranslations)
    findings = []
    for check_id, cls in checks.items():
        if not config.is_enabled(check_id):
            continue
        if cls.requires_source and job.source is None:
            continue
        findings.extend(cls().run(ctx))
    return decide(findings, checks, job.document, job.source, config)


def check_jobs(jobs: list[Job], config: Config | None = None, engine: str = "none") -> Report:
    """Check several articles; engines batch their sentences across all of them."""
    config = config or Config()
    reports = []
    engine_info = None
    for job in jobs:
        doc, src = job.document, job.source
        flags = run_checks(job, config)
        notes = [ENGINE_SKIPPED_NOTE] if engine_info is None else []
        reports.append(DocumentReport(
            path=doc.path,
            source_path=src.path if src else None,
            source_lang=src.lang if src else None,
            target_lang=doc.lang,
            machine_translation_disclaimer=doc.disclaimer is not None,
            engine=engine_info,
            scores={},
            flags=flags,
            notes=notes,
            encoding=doc.encoding,
            sentences=len(doc.article_sentences),
            original_text=doc.textmap.original,
        ))
    return Report(reports, config, signature(config, engine_info))


def check(path: str, source: str | None = None, source_lang: str | None = None,
          config: Config | None = None, engine: str = "none", max_bytes: int | None = None) -> Report:
    """Check one translated article (and its source, when given)."""
    return check_jobs([load_job(path, source, source_lang, max_bytes)], config, engine)
