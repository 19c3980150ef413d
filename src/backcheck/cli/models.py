"""`backcheck models ...` and `backcheck cache ...` commands (engines issue)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from backcheck.cli.common import fail
from backcheck.errors import BackcheckError, ExitCode

models_app = typer.Typer(
    help="List, install, convert, verify and remove translation models.", no_args_is_help=True, rich_markup_mode=None
)
cache_app = typer.Typer(
    help="The translation cache ($BACKCHECK_CACHE, else ~/.cache/backcheck/cache.sqlite3).",
    no_args_is_help=True,
    rich_markup_mode=None,
)

ModelsDir = Annotated[
    Optional[Path],
    typer.Option("--models-dir", help="Models directory (default: $BACKCHECK_MODELS, else models/ in a checkout)."),
]


@models_app.command("list")
def list_models(models_dir: ModelsDir = None) -> None:
    """The catalogue, with what is installed."""
    from backcheck.engines import catalog as models

    try:
        directory = models.models_dir(models_dir)
        catalog = models.load_catalog()
    except BackcheckError as exc:
        fail(exc)
    installed = {p.name for p in models.installed(directory)}
    typer.echo(f"models directory: {directory}")
    for name, entry in catalog.items():
        state = "installed" if name in installed else "-"
        star = "*" if entry.recommended else " "
        typer.echo(
            f"{star} {name:28} {state:9} {'/'.join(entry.source_langs)} → {'/'.join(entry.target_langs)}  "
            f"[{entry.kind}, {entry.licence}]"
        )
        typer.echo(f"    {entry.description}")
    for name in sorted(installed - set(catalog)):
        typer.echo(f"  {name:28} installed (not in the catalogue)")


@models_app.command("install")
def install(
    name: Annotated[str, typer.Argument(help="A catalogue name (`backcheck models list`).")],
    models_dir: ModelsDir = None,
    force: Annotated[bool, typer.Option("--force", help="Reinstall over an existing copy.")] = False,
) -> None:
    """Download a model, convert it to CTranslate2 (int8) and record its checksums."""
    from backcheck.engines import catalog as models
    from backcheck.engines.install import install as install_model

    progress = _Progress(name)
    try:
        model = install_model(name, models.models_dir(models_dir), progress=progress, force=force)
    except BackcheckError as exc:
        progress.close()
        fail(exc)
    progress.close()
    typer.echo(f"installed {model.name} in {model.path}")


class _Progress:
    """A download progress bar on stderr (shown only once bytes arrive)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: Any = None  # typer's progress bar, created when the size is known
        self.done = 0

    def __call__(self, done: int, total: int | None) -> None:
        import sys

        if total is None:  # no Content-Length: a byte counter instead of a bar
            sys.stderr.write(f"\rdownloading {self.label}: {done / 1e6:.1f} MB")
            self.done = done
            return
        if self.bar is None:
            self.bar = typer.progressbar(length=total, label=f"downloading {self.label}", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
        elif self.done:
            typer.echo("", err=True)


@models_app.command("convert")
def convert(
    path: Annotated[
        Path, typer.Argument(help="A Marian/OPUS-MT directory (decoder.yml) or a Hugging Face checkpoint.")
    ],
    name: Annotated[
        Optional[str], typer.Option("--name", help="Install under this name (a catalogue name takes its languages).")
    ] = None,
    src: Annotated[Optional[str], typer.Option("--src", help="Source languages, comma-separated (e.g. en).")] = None,
    tgt: Annotated[
        Optional[str], typer.Option("--tgt", help="Target languages, comma-separated (e.g. sr,hr,bs).")
    ] = None,
    quantization: Annotated[
        str, typer.Option("--quantization", help="int8, int8_float16, float16 or float32.")
    ] = "int8",
    models_dir: ModelsDir = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing model of that name.")] = False,
) -> None:
    """Convert a downloaded model into the models directory."""
    from backcheck.engines import catalog as models

    try:
        catalog = models.load_catalog()
        target_name = models.check_name(name if name is not None else (path.name or path.resolve().name))
        model = models.convert(
            path,
            models.models_dir(models_dir) / target_name,
            quantization=quantization,
            name=target_name,
            entry=catalog.get(target_name),
            source_langs=src.split(",") if src else None,
            target_langs=tgt.split(",") if tgt else None,
            force=force,
        )
    except BackcheckError as exc:
        fail(exc)
    typer.echo(
        f"converted {path} to {model.path} ({model.manifest.kind}, "
        f"{'/'.join(model.manifest.source_langs)} → {'/'.join(model.manifest.target_langs)})"
    )


@models_app.command("verify")
def verify(
    names: Annotated[
        Optional[list[str]], typer.Argument(help="Model names or directories (default: all installed).")
    ] = None,
    models_dir: ModelsDir = None,
) -> None:
    """Check installed models: files present, sizes and SHA-256 as recorded. Exit 4 on a problem."""
    from backcheck.engines import catalog as models

    directory = models.models_dir(models_dir)
    paths = [Path(n) if Path(n).is_dir() else directory / n for n in names] if names else models.installed(directory)
    if not paths:
        typer.echo(f"no models installed in {directory}", err=True)
        return
    failed = False
    for path in paths:
        problems = models.verify(path)
        failed |= bool(problems)
        typer.echo(f"{'ok' if not problems else 'BAD':4} {path}")
        for problem in problems:
            typer.echo(f"backcheck: error: {problem}", err=True)
    if failed:
        raise typer.Exit(int(ExitCode.ENGINE))


@models_app.command("remove")
def remove(name: Annotated[str, typer.Argument(help="An installed model.")], models_dir: ModelsDir = None) -> None:
    """Delete an installed model."""
    from backcheck.engines import catalog as models

    try:
        path = models.remove(name, models.models_dir(models_dir))
    except BackcheckError as exc:
        fail(exc)
    typer.echo(f"removed {path}")


CachePath = Annotated[
    Optional[Path],
    typer.Option("--cache", help="Cache file (default: $BACKCHECK_CACHE, else ~/.cache/backcheck/cache.sqlite3)."),
]


@cache_app.command("stats")
def cache_stats(cache: CachePath = None) -> None:
    """Entries and size of the translation cache, per engine signature."""
    from backcheck.engines.cache import TranslationCache

    try:
        with TranslationCache(cache) as store:
            stats = store.stats()
    except BackcheckError as exc:
        fail(exc)
    typer.echo(f"cache: {stats.path}\nentries: {stats.entries}\nsize: {stats.size_bytes} bytes")
    for signature, count in stats.by_signature.items():
        typer.echo(f"  {count:8}  {signature}")


@cache_app.command("clear")
def cache_clear(cache: CachePath = None) -> None:
    """Delete every cached translation."""
    from backcheck.engines.cache import TranslationCache

    try:
        with TranslationCache(cache) as store:
            removed = store.clear()
    except BackcheckError as exc:
        fail(exc)
    typer.echo(f"removed {removed} cached translations from {store.path}")
