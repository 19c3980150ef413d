"""`backcheck fix`: apply the chosen suggestions and write the corrected article (or a diff)."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from backcheck.cli.check import DECISIONS_OPTION, NO_DECISIONS_OPTION, decisions_value
from backcheck.cli.common import Severity, check_engine, fail
from backcheck.errors import BackcheckError, ExitCode

_FINGERPRINT = re.compile(r"[0-9a-f]{4,32}(:\d+)?")


def _check_only(values: Optional[list[str]]) -> list[str]:
    """Each ``--only`` is a check id or a fingerprint prefix (at least 4 hex digits)."""
    if not values:
        return []
    from backcheck.checks import all_checks

    checks = all_checks()
    for value in values:
        if value not in checks and not _FINGERPRINT.fullmatch(value.lower()):
            raise typer.BadParameter(
                f"{value!r} is neither a check id (`backcheck checks`) nor a flag's fingerprint "
                "(4 or more hex digits, from `backcheck check --format json`)"
            )
    return values


def fix(
    file: Annotated[Path, typer.Argument(help="The translated (English) article: .txt, .md, .html or XLIFF/PO/...")],
    source: Annotated[Optional[Path], typer.Option("--source", "-s", help="The original article.")] = None,
    source_lang: Annotated[
        Optional[str],
        typer.Option("--source-lang", help="Language of the source: sr, hr, bs, cnr, or auto [default: auto]."),
    ] = None,
    only: Annotated[
        Optional[list[str]],
        typer.Option(
            "--only",
            callback=_check_only,
            help="Fix only these flags: a check id (name.inflected) or a fingerprint prefix; repeatable "
            "[default: every flag at or above --min-severity whose suggestion is a text].",
        ),
    ] = None,
    min_severity: Annotated[
        Optional[Severity],
        typer.Option(
            "--min-severity",
            help="Without --only: fix flags at or above this severity [default: the configured fail_on, major].",
        ),
    ] = None,
    diff: Annotated[
        bool, typer.Option("--diff", help="Write a unified diff instead of the corrected article.")
    ] = False,
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output", "-o", help="Write here (atomically; the article itself is allowed) [default: stdout]."
        ),
    ] = None,
    engine: Annotated[
        Optional[str],
        typer.Option(
            "--engine",
            callback=check_engine,
            help="Back-translation engine for the check: none, auto, ct2 or apertium [default: none].",
        ),
    ] = None,
    max_bytes: Annotated[
        Optional[int],
        typer.Option("--max-bytes", min=1, help="Refuse input files larger than this many bytes [default: 10 MB]."),
    ] = None,
    config_file: Annotated[
        Optional[Path], typer.Option("--config", help="Configuration file (as for `backcheck check`).")
    ] = None,
    decisions: Annotated[Optional[Path], DECISIONS_OPTION] = None,
    no_decisions: Annotated[bool, NO_DECISIONS_OPTION] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the translation cache.")] = False,
    models_dir: Annotated[
        Optional[Path], typer.Option("--models-dir", help="Where models are installed (as for `backcheck check`).")
    ] = None,
) -> None:
    """Apply the suggestions of the chosen flags and write the corrected article in its own format
    (text, Markdown, HTML, the targets of XLIFF/TMX/PO/TSV/JSONL), or a unified diff.

    A span without a suggestion is never touched; flags an editor dismissed (the decisions store)
    are left alone and accepted edits applied. What changed goes to stderr, one line each.

    Exit codes: 0 written (also when nothing needed fixing); 2 usage error (an --only that is
    neither a check id nor a fingerprint); 3 input, output or configuration error (an unreadable
    article, an --only fingerprint no flag of this article has, a damaged decisions store);
    4 engine error; 70 a bug; 130 interrupted.
    """
    cli_values = {
        "source_lang": source_lang,
        "decisions": decisions_value(decisions, no_decisions),
    }
    try:
        _run_fix(
            file,
            source,
            cli_values,
            only=only or [],
            min_severity=min_severity.value if min_severity else None,
            diff=diff,
            output=output,
            engine=engine or "none",
            max_bytes=max_bytes,
            config_file=config_file,
            use_cache=not no_cache,
            models_dir=models_dir,
        )
    except BackcheckError as exc:
        fail(exc)
    raise typer.Exit(int(ExitCode.OK))


def _run_fix(
    file: Path,
    source: Path | None,
    cli_values: dict,
    *,
    only: list[str],
    min_severity: str | None,
    diff: bool,
    output: Path | None,
    engine: str,
    max_bytes: int | None,
    config_file: Path | None,
    use_cache: bool,
    models_dir: Path | None,
) -> None:
    from backcheck.formats.output import refuse_overwriting_inputs, write_atomic
    from backcheck.formats.writeback import for_encoding
    from backcheck.pipeline.configure import resolve
    from backcheck.pipeline.fix import fix as run_fix
    from backcheck.render.safe import safe

    config = resolve(cli_values, Path.cwd(), config_file)
    # the article itself may be replaced (fixing in place); its source or the store may not
    refuse_overwriting_inputs(output, source, Path(config.decisions) if config.decisions else None)
    if diff:
        refuse_overwriting_inputs(output, file)
    run = run_fix(
        str(file),
        str(source) if source else None,
        config.source_lang,
        config,
        only,
        min_severity,
        engine,
        max_bytes,
        str(models_dir) if models_dir else None,
        use_cache,
    )
    original = run.document.original_text or ""
    for change in run.result.applied:
        line = original.count("\n", 0, change.start) + 1
        what = (
            f"«{safe(change.before)}» → «{safe(change.after)}»"
            if change.after
            else f"removed «{safe(change.before.strip())}»"
        )
        line += change.before[: len(change.before) - len(change.before.lstrip())].count("\n")
        typer.echo(f"backcheck: fixed {file}:{line}: {what} ({change.check} {change.fingerprint[:8]})", err=True)
    for skip in run.result.skipped:
        typer.echo(
            f"backcheck: skipped «{safe(skip.text)}» ({skip.check} {skip.fingerprint[:8]}): {skip.reason}", err=True
        )
    for note in run.notes:
        typer.echo(f"backcheck: {safe(note)}", err=True)
    if not run.result.changed:
        typer.echo(f"backcheck: nothing to fix in {file}", err=True)
    if diff:
        data = unified_diff(original, run.result.text, str(file))
        encoding_note = None
    elif output is not None:
        data, encoding_note = for_encoding(run.result.text, run.document.encoding)
    else:
        data, encoding_note = run.result.text, None
    if output is None:
        sys.stdout.write(data)
        return
    write_atomic(output, data)
    typer.echo(f"backcheck: {'diff' if diff else 'corrected article'} written to {output}", err=True)
    if encoding_note:
        typer.echo(f"backcheck: {encoding_note}", err=True)


def unified_diff(before: str, after: str, name: str) -> str:
    """A unified diff (``a/NAME`` → ``b/NAME``, 3 lines of context); a last line without a line
    end is marked as diff(1) and git mark it."""
    import difflib

    def lines(text: str) -> list[str]:  # on \n only: str.splitlines also splits at \u2028, \x0c...
        return re.findall(r"[^\n]*\n|[^\n]+", text)

    out = []
    for line in difflib.unified_diff(lines(before), lines(after), f"a/{name}", f"b/{name}"):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
