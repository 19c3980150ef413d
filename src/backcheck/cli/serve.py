"""`backcheck serve`: the editor's local web page (see :mod:`backcheck.serve`)."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated, Optional

import typer

from backcheck.cli.common import check_engine, fail
from backcheck.errors import BackcheckError, ExitCode

INSTALL_HINT = "pip install 'backcheck[serve]'  (in a checkout: .venv/bin/pip install -e '.[serve]')"


def is_loopback(host: str) -> bool:
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _usage(message: str) -> None:
    typer.echo(f"backcheck: error: {message}", err=True)
    raise typer.Exit(int(ExitCode.USAGE))


def serve(
    host: Annotated[
        str,
        typer.Option("--host", help="Address to listen on; anything but 127.0.0.1/localhost needs --token."),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on (0: any free port).")] = 8765,
    folder: Annotated[
        Optional[Path], typer.Option("--folder", help="A folder of articles the page can open by name.")
    ] = None,
    token: Annotated[
        Optional[str],
        typer.Option(
            "--token",
            envvar="BACKCHECK_SERVE_TOKEN",
            help="A secret every request must carry (required with another --host).",
        ),
    ] = None,
    engine: Annotated[
        Optional[str],
        typer.Option(
            "--engine",
            callback=check_engine,
            help="Back-translation engine: auto, ct2, apertium or none [default: auto].",
        ),
    ] = None,
    decisions: Annotated[
        Optional[Path],
        typer.Option(
            "--decisions", help="The decisions store (default: decisions.sqlite beside the translation cache)."
        ),
    ] = None,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1, help="Largest upload or pasted article, in bytes.")
    ] = 2_000_000,
    config_file: Annotated[
        Optional[Path], typer.Option("--config", help="Configuration file (as for `backcheck check`).")
    ] = None,
    models_dir: Annotated[Optional[Path], typer.Option("--models-dir", help="Where models are installed.")] = None,
) -> None:
    """Serve the editor's page on this machine: paste or open an article, go through its flags, accept or dismiss them, export the corrected text."""
    local = is_loopback(host)
    if not local and not token:
        _usage(f"--host {host} serves beyond this machine: give --token SECRET too (every request must carry it)")
    if token is not None and len(token) < 16:
        _usage(
            "--token must be at least 16 characters (for example: python3 -c 'import secrets; print(secrets.token_urlsafe())')"
        )
    if folder is not None and not folder.is_dir():
        _usage(f"--folder {folder}: not a folder")
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        _usage(f"`backcheck serve` needs the serve extra: {INSTALL_HINT}")
    try:
        _serve(host, port, local, folder, token, engine, decisions, max_bytes, config_file, models_dir)
    except BackcheckError as exc:
        fail(exc)


def _serve(
    host: str,
    port: int,
    local: bool,
    folder: Path | None,
    token: str | None,
    engine: str | None,
    decisions: Path | None,
    max_bytes: int,
    config_file: Path | None,
    models_dir: Path | None,
) -> None:
    import socket

    import uvicorn

    from backcheck.errors import InputError
    from backcheck.pipeline.configure import resolve
    from backcheck.pipeline.decisions import DecisionStore
    from backcheck.serve.app import Settings, create_app
    from backcheck.serve.desk import Desk

    config = resolve({"engine": engine}, Path.cwd(), config_file)
    configured: str | None = getattr(config, "decisions", None)  # "" or None: the default store
    store_path = decisions or (Path(configured) if configured else None)
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
        sock.listen(128)  # connections wait in the backlog until uvicorn serves them
    except OSError as exc:
        sock.close()
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    desk = Desk(
        config,
        engine=config.engine,
        store=DecisionStore(store_path),
        folder=folder,
        models_dir=str(models_dir) if models_dir else None,
        max_bytes=max_bytes,
    )
    try:
        typer.echo("backcheck serve: loading word lists, dictionaries and the engine…", err=True)
        desk.submit(desk.warm_up).result()
        bound = sock.getsockname()[1]
        shown = f"[{host.strip('[]')}]" if family == socket.AF_INET6 else host
        url = f"http://{shown}:{bound}/" + (f"?token={token}" if token else "")
        typer.echo(f"backcheck serve: open {url}  (Ctrl-C to stop)", err=True)
        app = create_app(desk, Settings(local=local, token=token, max_bytes=max_bytes))
        server = uvicorn.Server(
            uvicorn.Config(app, log_level="warning", server_header=False, access_log=False, lifespan="off")
        )
        server.run(sockets=[sock])
    finally:
        sock.close()
        desk.close()
