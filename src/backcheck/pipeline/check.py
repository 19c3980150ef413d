"""The public Python API. The CLI is a thin layer over these functions.

Data flow (see ARCHITECTURE.md): load → segment → (align with source) → engine → checks → Report.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from backcheck.checks import CheckContext, all_checks
from backcheck.checks.source import SourceMismatch
from backcheck.config import Config
from backcheck.formats.article import load
from backcheck.model.document import Document
from backcheck.model.report import DocumentReport, Report
from backcheck.pipeline.decide import decide
from backcheck.version import __version__

if TYPE_CHECKING:  # pragma: no cover
    from backcheck.engines.base import Engine
    from backcheck.model.findings import Finding

ENGINE_SKIPPED_NOTE = (
    "back-translation skipped (engine: none); install a model with "
    "`backcheck models install opus-mt-tc-base-en-sh` or `apt-get install apertium-hbs-eng` to enable it"
)


@dataclass
class Job:
    """One article to check, with its source when there is one."""

    document: Document
    source: Document | None = None


def load_job(path: str, source: str | None = None, source_lang: str | None = None, max_bytes: int | None = None) -> Job:
    """A Job for an article (and its source), or for a bilingual file (XLIFF, TMX, PO, TSV,
    JSONL segment pairs), which holds both sides itself."""
    from backcheck.formats.bilingual import is_bilingual

    if source is None and is_bilingual(path):
        from backcheck.formats.bilingual import load_pair

        return Job(*load_pair(path, source_lang, max_bytes))
    doc = load(path, lang="en", max_bytes=max_bytes)
    src = load_source(source, source_lang, max_bytes) if source else None
    return Job(doc, src)


def load_source(path: str, source_lang: str | None = None, max_bytes: int | None = None) -> Document:
    """Load a source article in ``source_lang`` (sr, hr, bs, cnr, ...; ``auto`` or None detects it)."""
    from backcheck.lang.langid import resolve_source_lang

    if source_lang not in (None, "auto"):
        return load(path, lang=resolve_source_lang(source_lang, ""), max_bytes=max_bytes)
    doc = load(path, lang="sr", max_bytes=max_bytes)  # segmented as Serbo-Croatian until known
    lang = resolve_source_lang("auto", doc.text)
    return doc if lang == "sr" else load(path, lang=lang, max_bytes=max_bytes)


def signature(config: Config, engine: dict | None, scores: list[str] | tuple[str, ...] = ()) -> str:
    """One string that makes a report reproducible (sacrebleu style: key:value|key:value);
    ``scores`` are the fidelity signatures (sacrebleu's own, calibration, thresholds)."""
    checks = [c for c in all_checks() if config.is_enabled(c)]
    parts = [
        f"backcheck:{__version__}",
        f"checks:{len(checks)}",
        f"fail_on:{config.fail_on}",
        f"engine:{engine.get('name') if engine else 'none'}",
    ]
    if engine:
        parts += [f"{k}:{v}" for k, v in engine.items() if k != "name" and v is not None]
    parts += [f"{k}:{v}" for k, v in sorted(config.thresholds.items())]
    parts += [f"sev.{k}:{v}" for k, v in sorted(config.severities.items())]
    parts += list(dict.fromkeys(scores))
    return "|".join(parts)


def run_checks(
    job: Job, config: Config, backtranslations: dict[int, str] | None = None, alignment: list | None = None, scores=None
) -> list:
    """Run every enabled check on one job and decide severities."""
    checks = all_checks()
    if job.source is not None and alignment is None:
        from backcheck.lang.align import align

        alignment = align(job.source, job.document, backtranslations)
    ctx = CheckContext(
        document=job.document,
        config=config,
        source=job.source,
        alignment=alignment,
        backtranslations=backtranslations,
        scores=scores,
    )
    # A source that is not this translation's (another article, another language) gets one
    # document-level flag (source.mismatch) instead of a flood of sentence flags.
    mismatched = job.source is not None and not ctx.agreement.matches
    findings: list[Finding] = []
    for check_id, cls in checks.items():
        if not config.is_enabled(check_id):
            continue
        if cls.requires_source and job.source is None:
            continue
        if mismatched and cls.requires_source and check_id != SourceMismatch.id:
            continue
        findings.extend(cls().run(ctx))
    return _accepted_removed(decide(findings, checks, job.document, job.source, config), job, config)


def _accepted_removed(flags: list, job: Job, config: Config) -> list:
    """Drop flags on terms the newsroom accepts (``never_flag``); flags of a bilingual file also
    name the segment they are in, so a pipeline can find it by id."""
    flags = [f for f in flags if not config.never_flagged(f.span.text)]
    segment_of = getattr(job.document, "segment_of", None)
    if segment_of is None:
        return flags
    return [replace(f, evidence={**f.evidence, "segment": segment_of(f.sentence)}) for f in flags]


DEFAULT_BACK_LANG = "sr"  #: back-translation target when no source says otherwise (Serbian, Latin script)


@dataclass
class BackTranslations:
    """What the engine produced for a batch of jobs."""

    engine: Engine | None  #: the Engine that ran (None: back-translation skipped)
    per_job: list[dict[int, str] | None]  #: per job, article sentence index -> back-translation
    warnings: list[str]  #: one-line notes for the report (e.g. a rebuilt cache)

    @property
    def signature(self) -> dict | None:
        return self.engine.signature() if self.engine is not None else None


def resolve_engine(held: dict | None, *args: Any, **kwargs: Any) -> Any:
    """:func:`backcheck.engines.resolve`, or, with ``held`` (a long-lived process's dictionary,
    e.g. ``backcheck serve``), the engine resolved before for the same arguments: a model, the
    Apertium pipelines and the cache's connection are opened once, not once per check."""
    from backcheck.engines import resolve

    if held is None:
        return resolve(*args, **kwargs)
    key = (args, tuple(sorted((k, repr(v)) for k, v in kwargs.items())), os.environ.get("BACKCHECK_CACHE"))
    if key not in held:
        held[key] = resolve(*args, **kwargs)
    return held[key]


def back_translate(
    jobs: list[Job],
    engine: str,
    models_dir: str | None = None,
    use_cache: bool = True,
    device: str = "auto",
    threads: int | None = None,
    held: dict | None = None,
) -> BackTranslations:
    """Back-translate the article sentences of every job: one engine, one batched call per
    source language (the English goes back into the language of the source, Serbian by default)."""
    langs = [job.source.lang if job.source else DEFAULT_BACK_LANG for job in jobs]
    resolved = resolve_engine(
        held,
        engine,
        "en",
        langs[0] if langs else DEFAULT_BACK_LANG,
        models_dir=models_dir,
        use_cache=use_cache,
        device=device,
        threads=threads,
    )
    if resolved is None:
        return BackTranslations(None, [None] * len(jobs), [])
    results: list[dict[int, str] | None] = [{} for _ in jobs]
    for lang in dict.fromkeys(langs):
        members = [i for i, job_lang in enumerate(langs) if job_lang == lang]
        sentences = [(i, s) for i in members for s in jobs[i].document.article_sentences]
        unique = list(dict.fromkeys(s.text for _, s in sentences))  # agency copy repeats across articles
        translated = dict(zip(unique, resolved.translate(unique, "en", lang)))
        for i, sentence in sentences:
            results[i][sentence.index] = translated[sentence.text].text  # type: ignore[index]  # set above
    warnings = list(getattr(getattr(resolved, "cache", None), "warnings", []))
    return BackTranslations(resolved, results, warnings)


def score_fidelity(
    job: Job,
    forward,
    backtranslations: dict[int, str] | None,
    alignment: list | None,
    config: Config,
    reverse: dict[str, object],
    models_dir: str | None = None,
    use_cache: bool = True,
    held: dict | None = None,
):
    """Fidelity scores of one job (see :mod:`backcheck.scoring.fidelity`) and notes for the report; None
    when no engine ran. ``reverse`` holds the source → English engines resolved so far, by language:
    the same kind as ``forward``, or None where none is installed (forced decoding of the English
    and round trips are then skipped)."""
    from backcheck.errors import EngineError
    from backcheck.scoring import fidelity

    if forward is None or backtranslations is None:
        return None, []
    lang = job.source.lang if job.source is not None else DEFAULT_BACK_LANG
    if lang not in reverse:
        try:
            reverse[lang] = resolve_engine(
                held,
                forward.name,
                lang,
                "en",
                models_dir=models_dir,
                use_cache=use_cache,
                device=config.device,
                threads=config.threads,
            )
        except EngineError:
            reverse[lang] = None
    if job.source is None and reverse[lang] is None:
        return None, [f"round-trip fidelity skipped: engine {forward.name} has no {lang} → en model"]
    result = fidelity.score_document(
        job.document, backtranslations, forward, reverse[lang], job.source, alignment, lang, config.thresholds
    )
    notes = (
        ["fidelity by round trip (no source given): weaker evidence than a source comparison"]
        if result.mode == fidelity.ROUND_TRIP and "fidelity" in result.document  # else the report says why none
        else []
    )
    return result, notes


@dataclass
class EngineResults:
    """What an engine made of the jobs when it ran elsewhere (an engine actor of
    :mod:`backcheck.pipeline.ray_executor`): ``check_jobs`` takes it instead of running one."""

    signature: dict | None  #: the engine's signature (None: back-translation skipped)
    per_job: list[dict[int, str] | None]  #: as BackTranslations.per_job
    warnings: list[str]  #: as BackTranslations.warnings
    fidelity: list[tuple[Any, list[str]]]  #: per job, what score_fidelity returned


def check_jobs(
    jobs: list[Job],
    config: Config | None = None,
    engine: str = "none",
    models_dir: str | None = None,
    use_cache: bool = True,
    computed: EngineResults | None = None,
    engines: dict | None = None,
) -> Report:
    """Check several articles; engines batch their sentences across all of them (or ``computed``
    holds what an engine elsewhere made of them). ``engines``: a dictionary a long-lived caller
    keeps, so that engines resolve once for all its checks (:func:`resolve_engine`)."""
    config = config or Config()
    config.validate(all_checks())  # check ids are known only here, above the checks
    reports = []
    if computed is None:
        back = back_translate(jobs, engine, models_dir, use_cache, config.device, config.threads, engines)
        engine_info = back.signature
    else:
        back = BackTranslations(None, computed.per_job, computed.warnings)
        engine_info = computed.signature
    reverse: dict[str, object] = {}
    score_signatures = []
    for i, (job, backtranslations) in enumerate(zip(jobs, back.per_job)):
        doc, src = job.document, job.source
        alignment = None
        if src is not None:
            from backcheck.lang.align import align

            alignment = align(src, doc, backtranslations)
        if computed is None:
            scores, fidelity_notes = score_fidelity(
                job, back.engine, backtranslations, alignment, config, reverse, models_dir, use_cache, engines
            )
        else:
            scores, fidelity_notes = computed.fidelity[i]
        if scores is not None:
            score_signatures.append(scores.signature)
        flags = run_checks(job, config, backtranslations=backtranslations, alignment=alignment, scores=scores)
        notes = doc.notes + (src.notes if src else []) + ([ENGINE_SKIPPED_NOTE] if engine_info is None else [])
        notes += back.warnings + fidelity_notes
        notes += [f.message for f in flags if f.check == SourceMismatch.id]
        reports.append(
            DocumentReport(
                path=doc.path,
                source_path=src.path if src else None,
                source_lang=src.lang if src else None,
                target_lang=doc.lang,
                machine_translation_disclaimer=doc.disclaimer is not None,
                engine=engine_info,
                scores=scores.document if scores is not None else {},
                sentence_scores=[s.to_dict() for s in scores.sentences] if scores is not None else [],
                flags=flags,
                notes=notes,
                encoding=doc.encoding,
                sentences=len(doc.article_sentences),
                original_text=doc.textmap.original,
                document=doc,
                source_document=src,
                alignment=alignment,
            )
        )
    reports = editors_decisions(reports, config)
    from backcheck.pipeline import ledger

    for doc_report in reports:
        doc_report.facts = ledger.build(
            doc_report.document,
            doc_report.source_document,
            doc_report.alignment,
            doc_report.flags,
            doc_report.fingerprints(),
        )
    report = Report(reports, config, signature(config, engine_info, score_signatures))
    if config.baseline:
        from backcheck.pipeline import baseline

        baseline.apply(report, baseline.load(config.baseline))
    return report


def decisions_path(config: Config) -> Path | None:
    """The decisions store a run honours: the configured one (which must exist), else the default
    store when there is one; None with ``decisions = ""`` (``--no-decisions``) or no store."""
    from backcheck.errors import InputError
    from backcheck.pipeline.decisions import default_store_path

    if config.decisions == "":
        return None
    if config.decisions is not None:
        path = Path(config.decisions)
        if not path.exists():
            raise InputError(
                f"{path}: decisions store not found (`backcheck serve` creates one; --no-decisions ignores decisions)"
            )
        return path
    default = default_store_path()
    return default if default.exists() else None


def editors_decisions(reports: list[DocumentReport], config: Config) -> list[DocumentReport]:
    """Each report without the flags an editor dismissed for that article (see
    :mod:`backcheck.pipeline.decisions`); the store is only opened when there is one."""
    path = decisions_path(config)
    if path is None or not reports:
        return reports
    from backcheck.pipeline.decisions import DecisionStore, apply_decisions, article_fingerprint

    with DecisionStore(path) as store:
        return [apply_decisions(doc, store.decisions(article_fingerprint(doc.original_text or ""))) for doc in reports]


def check(
    path: str,
    source: str | None = None,
    source_lang: str | None = None,
    config: Config | None = None,
    engine: str = "none",
    max_bytes: int | None = None,
    models_dir: str | None = None,
    use_cache: bool = True,
) -> Report:
    """Check one translated article (and its source, when given)."""
    return check_jobs([load_job(path, source, source_lang, max_bytes)], config, engine, models_dir, use_cache)
