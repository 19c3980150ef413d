"""`backcheck batch` and `backcheck baseline ...` commands (editors-and-CI issue)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from backcheck.cli.common import Severity, check_engine, check_format, emit, fail
from backcheck.errors import BackcheckError, ExitCode

baseline_app = typer.Typer(
    help="Accepted findings, so CI fails only on new ones.", no_args_is_help=True, rich_markup_mode=None
)

ConfigFile = Annotated[
    Optional[Path],
    typer.Option(
        "--config", help="Configuration file (default: backcheck.toml, or [tool.backcheck] in pyproject.toml, here)."
    ),
]
SourceLang = Annotated[Optional[str], typer.Option("--source-lang", help="Language of the sources: sr, hr, bs, cnr.")]
Engine = Annotated[
    Optional[str],
    typer.Option(
        "--engine", callback=check_engine, help="Back-translation engine: auto, ct2, apertium or none [default: none]."
    ),
]


def check_executor(value: str) -> str:
    """``--executor``: local or ray; ray must be installed (usage error, exit 2, with the install
    command). Ray is imported here only when it is asked for, so ``--help`` stays instant."""
    if value not in ("local", "ray"):
        raise typer.BadParameter(f"{value!r} is not one of local, ray")
    if value == "ray":
        try:
            import ray  # noqa: F401
        except ImportError:
            from backcheck.pipeline.ray_executor import INSTALL

            raise typer.BadParameter(f"Ray is not installed; install it with: {INSTALL}") from None
    return value


def batch(
    targets: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH...",
            help="Directories of articles, manifests (.csv or .jsonl with "
            "columns translation, source, source_lang) or single files.",
        ),
    ],
    output_dir: Annotated[
        Optional[Path],
        typer.Option("--output-dir", "-d", help="Write one report per document here (and the resume journal)."),
    ] = None,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write one combined report to this file.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", callback=check_format, help="Report format.")] = "json",
    jobs: Annotated[
        Optional[int],
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Worker processes for the model-free work (local), or engine actors (ray: default one per "
            "GPU, else one per four CPUs) [default: 1].",
        ),
    ] = None,
    executor: Annotated[
        str,
        typer.Option(
            "--executor",
            callback=check_executor,
            help="Where the documents are checked: local (a process pool here) or ray (a Ray cluster; "
            "pip install 'backcheck[ray]').",
        ),
    ] = "local",
    address: Annotated[
        Optional[str],
        typer.Option(
            "--address",
            help="Ray cluster to join (host:port or ray://host:port; default $RAY_ADDRESS, "
            "else a Ray runtime started for this run). Only with --executor ray.",
        ),
    ] = None,
    fail_on: Annotated[
        Optional[Severity],
        typer.Option("--fail-on", help="Exit 1 when a flag is at or above this severity [default: major]."),
    ] = None,
    engine: Engine = None,
    source_lang: SourceLang = None,
    config_file: ConfigFile = None,
    baseline: Annotated[
        Optional[Path], typer.Option("--baseline", help="Drop findings accepted in this baseline.")
    ] = None,
    state: Annotated[
        Optional[Path], typer.Option("--state", help="Resume journal (default: in --output-dir, or beside --output).")
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the translation cache.")] = False,
    models_dir: Annotated[Optional[Path], typer.Option("--models-dir", help="Where models are installed.")] = None,
) -> None:
    """Check many articles: parallel workers, one engine for all, a summary, resumable after a kill."""
    from backcheck.pipeline import batch as batchlib
    from backcheck.pipeline.configure import resolve

    try:
        cli_values = {
            "fail_on": fail_on.value if fail_on else None,
            "engine": engine,
            "source_lang": source_lang,
            "baseline": str(baseline) if baseline else None,
        }
        config = resolve(cli_values, Path.cwd(), config_file)
        result = _run_batch(
            targets,
            config,
            output_dir=output_dir,
            output=output,
            fmt=fmt,
            jobs=jobs,
            executor=_executor(executor, address, jobs),
            state=state,
            use_cache=not no_cache,
            models_dir=models_dir,
        )
    except BackcheckError as exc:
        fail(exc)
    typer.echo(batchlib.summary_table(result, config.fail_on), err=True)
    if result.errors:
        raise typer.Exit(int(ExitCode.INPUT))
    raise typer.Exit(int(result.report.exit_code()))


def _executor(name: str, address: str | None, jobs: int | None):
    """The executor object, or None for the local default; --address belongs to ray alone."""
    if name == "ray":
        from backcheck.pipeline.ray_executor import RayExecutor

        return RayExecutor(address, actors=jobs)
    if address is not None:
        raise typer.BadParameter("--address needs --executor ray", param_hint="--address")
    return None


def _run_batch(
    targets: list[Path],
    config,
    *,
    output_dir: Path | None,
    output: Path | None,
    fmt: str,
    jobs: int | None,
    executor,
    state: Path | None,
    use_cache: bool,
    models_dir: Path | None,
):
    """Discover the documents, check them (a progress bar on a terminal), write the reports."""
    from contextlib import nullcontext

    from backcheck.formats.output import write_atomic
    from backcheck.model.report import Report
    from backcheck.pipeline import batch as batchlib
    from backcheck.pipeline.check import signature
    from backcheck.render import render

    items = batchlib.discover(targets, exclude=output_dir)
    if output_dir is not None:
        output_dir.mkdir(parents=True, exist_ok=True)
    root = targets[0] if len(targets) == 1 and targets[0].is_dir() else Path.cwd()
    # a bar only for a person watching: a CI log or a pipe gets the summary alone
    bar = (
        typer.progressbar(length=len(items), label="checking", file=sys.stderr)
        if sys.stderr.isatty()
        else nullcontext()
    )

    def on_document(item, doc, error):
        if output_dir is not None and doc is not None:
            path = output_dir / batchlib.report_name(item, root, fmt)
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, render(Report([doc], config, signature(config, doc.engine)), fmt))
        if progress is not None:
            progress.update(1)

    with bar as progress:
        result = batchlib.run(
            items,
            config,
            jobs=jobs or 1,
            executor=executor,
            state=state or batchlib.default_state(output_dir, output),
            use_cache=use_cache,
            models_dir=str(models_dir) if models_dir else None,
            on_document=on_document,
        )
    if output is not None or output_dir is None:
        emit(render(result.report, fmt), output)
    return result


@baseline_app.command("create")
def baseline_create(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            help="A saved report (--format jsonl, or json with fingerprints), "
            "or the article / bilingual files to check now."
        ),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="The baseline file to write.")] = Path(
        "backcheck-baseline.json"
    ),
    source_lang: SourceLang = None,
    config_file: ConfigFile = None,
    engine: Engine = None,
) -> None:
    """Accept the current findings: later runs with --baseline report only new ones."""
    from backcheck.formats.output import write_atomic
    from backcheck.pipeline import baseline as baselib
    from backcheck.pipeline.check import check_jobs, load_job
    from backcheck.pipeline.configure import resolve

    try:
        if len(inputs) == 1 and inputs[0].suffix.lower() in (".json", ".jsonl") and _is_report(inputs[0]):
            entries = baselib.entries_from_report_file(inputs[0])
        else:
            # the baseline records what is flagged now, so any baseline in the configuration is not applied
            config = resolve({"engine": engine, "source_lang": source_lang}, Path.cwd(), config_file)
            config.baseline = None
            jobs = [load_job(str(p), source_lang=config.source_lang) for p in inputs]
            entries = baselib.entries_from_report(check_jobs(jobs, config, config.engine))
        write_atomic(output, baselib.dumps(entries))
    except BackcheckError as exc:
        fail(exc)
    typer.echo(f"backcheck: baseline of {len(entries)} finding(s) written to {output}", err=True)


def _is_report(path: Path) -> bool:
    """A saved report starts with a JSON object holding flags (``fingerprint``) or the envelope."""
    try:
        with path.open(encoding="utf-8") as fh:
            head = fh.read(4096)
    except (OSError, UnicodeDecodeError):
        return False
    if not head.strip():
        return True  # a report of a clean run: an empty baseline
    return head.lstrip().startswith("{") and ('"fingerprint"' in head or '"backcheck-report/' in head)
