"""Installing a catalogued model: download (bounded, with a deadline), verify, unpack safely,
convert.

``backcheck models install NAME`` streams the model's release archive into a temporary folder
under the models directory, refuses it when it grows past its limit (twice the catalogue's
``size_mb``, else :data:`DEFAULT_MAX_DOWNLOAD_MB`), checks it against the catalogue's ``sha256``
when one is recorded, unpacks it refusing every entry that could write outside the folder (an
absolute name, ``..``, a symbolic link) or that would unpack to more than
:data:`MAX_UNPACKED_BYTES` (a zip bomb), and converts it with :func:`catalog.convert`.
"""

from __future__ import annotations

import hashlib
import os
import socket
import stat
import tempfile
import threading
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from backcheck.engines.catalog import CatalogEntry, InstalledModel, check_name, convert, load_catalog
from backcheck.errors import ModelError

DOWNLOAD_TIMEOUT_S = 10.0
#: the download limit of a catalogue entry without ``size_mb``
DEFAULT_MAX_DOWNLOAD_MB = 2048
#: what an archive may unpack to, in all (the largest catalogued model is well under 2 GB)
MAX_UNPACKED_BYTES = 8 << 30

Progress = Callable[[int, int | None], None]  #: (bytes so far, total or None)


def download_limit(entry: CatalogEntry) -> int:
    """Bytes a download of ``entry`` may have: twice its catalogued size, else the default ceiling."""
    return (entry.size_mb * 2 if entry.size_mb else DEFAULT_MAX_DOWNLOAD_MB) << 20


def download(
    url: str,
    dest: Path,
    progress: Progress | None = None,
    timeout: float = DOWNLOAD_TIMEOUT_S,
    max_bytes: int = DEFAULT_MAX_DOWNLOAD_MB << 20,
) -> Path:
    """Stream ``url`` to ``dest`` (via a ``.part`` file, so an interrupted download never looks
    complete), stopping with ModelError as soon as more than ``max_bytes`` arrive."""
    _resolve_host(url, timeout)
    part = dest.with_name(dest.name + ".part")
    request = urllib.request.Request(url, headers={"User-Agent": "backcheck"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response, open(part, "wb") as f:
            total = int(response.headers.get("Content-Length") or 0) or None
            if total is not None and total > max_bytes:
                raise ModelError(f"{url} is {total >> 20} MB, over the {max_bytes >> 20} MB limit for this model")
            done = 0
            for chunk in iter(lambda: response.read(1 << 20), b""):
                done += len(chunk)
                if done > max_bytes:
                    raise ModelError(f"{url} sent more than {max_bytes >> 20} MB, the limit for this model; stopped")
                f.write(chunk)
                if progress:
                    progress(done, total)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    os.replace(part, dest)
    return dest


def _resolve_host(url: str, timeout: float) -> None:
    """Name resolution with a deadline: urllib's timeout covers the socket, not DNS, and on an
    offline machine a resolver can hang for minutes before it fails."""
    host = urllib.parse.urlsplit(url).hostname or ""
    outcome: list[BaseException | None] = []

    def lookup() -> None:
        try:
            socket.getaddrinfo(host, 443)
            outcome.append(None)
        except OSError as exc:
            outcome.append(exc)

    worker = threading.Thread(target=lookup, daemon=True)
    worker.start()
    worker.join(timeout)
    if not outcome:
        raise urllib.error.URLError(f"no answer resolving {host} within {timeout:.0f} s")
    if outcome[0] is not None:
        raise urllib.error.URLError(outcome[0])


def check_sha256(archive: Path, expected: str | None, url: str) -> None:
    """Compare the archive with the catalogue's SHA-256 (when it records one) before unpacking."""
    if not expected:
        return
    digest = hashlib.sha256()
    with open(archive, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    if digest.hexdigest() != expected.lower():
        raise ModelError(
            f"{url}: the download does not match the SHA-256 in the catalogue "
            f"(got {digest.hexdigest()}, expected {expected.lower()}); not unpacking it"
        )


def unpack(archive: Path, target: Path, max_bytes: int = MAX_UNPACKED_BYTES) -> Path:
    """Extract a zip archive into ``target``, refusing (ModelError, before writing anything) an
    entry with an absolute name or one that escapes ``target``, a symbolic link, and archives
    whose entries add up to more than ``max_bytes`` uncompressed. Sizes are enforced while
    writing too: an entry's recorded size can lie."""
    try:
        with zipfile.ZipFile(archive) as z:
            infos = z.infolist()
            _check_entries(infos, archive, max_bytes)
            root = target.resolve()
            written = 0
            for info in infos:
                out = root / info.filename
                if info.is_dir():
                    out.mkdir(parents=True, exist_ok=True)
                    continue
                out.parent.mkdir(parents=True, exist_ok=True)
                with z.open(info) as src, open(out, "wb") as dst:
                    for chunk in iter(lambda: src.read(1 << 20), b""):
                        written += len(chunk)
                        if written > max_bytes:
                            raise ModelError(f"{archive.name} unpacks to more than {max_bytes >> 20} MB; refused")
                        dst.write(chunk)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, RuntimeError) as exc:
        raise ModelError(f"{archive.name} is not a readable zip archive ({exc}); download damaged?") from None
    except OSError as exc:
        raise ModelError(f"cannot unpack {archive.name} into {target}: {exc}") from None
    return target


def _check_entries(infos: list[zipfile.ZipInfo], archive: Path, max_bytes: int) -> None:
    total = 0
    for info in infos:
        name = info.filename
        posix = PurePosixPath(name.replace("\\", "/"))
        if posix.is_absolute() or name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
            raise ModelError(f"{archive.name}: entry {name!r} has an absolute name; refused")
        if ".." in posix.parts or "\0" in name:
            raise ModelError(f"{archive.name}: entry {name!r} points outside the folder it unpacks to; refused")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise ModelError(f"{archive.name}: entry {name!r} is a symbolic link; refused")
        total += info.file_size
        if total > max_bytes:
            raise ModelError(f"{archive.name} would unpack to more than {max_bytes >> 20} MB (a zip bomb?); refused")


def offline_instructions(entry: CatalogEntry, directory: Path) -> str:
    target = directory / entry.name
    if entry.marian_url:
        archive = entry.marian_url.rsplit("/", 1)[-1]
        return (
            "On a machine with internet access run:\n"
            f"    curl -L -o {entry.name}.zip '{entry.marian_url}'\n"
            f"then copy {entry.name}.zip here and run:\n"
            f"    unzip {entry.name}.zip -d {entry.name}-marian\n"
            f"    backcheck models convert {entry.name}-marian --name {entry.name} --models-dir {directory}\n"
            f"(or, connected: `backcheck models install {entry.name} --models-dir DIR` and copy DIR/{entry.name} "
            f"to {target}). The archive is {archive}."
        )
    return (
        "On a machine with internet access run:\n"
        "    pip install ctranslate2 transformers torch sentencepiece\n"
        f"    ct2-transformers-converter --model {entry.hf_repo} --output_dir {entry.name}-ct2 --quantization int8 "
        "--copy_files sentencepiece.bpe.model\n"
        f"then copy {entry.name}-ct2 here and run:\n"
        f"    backcheck models convert {entry.name}-ct2 --name {entry.name} --models-dir {directory}"
    )


def install(
    name: str,
    directory: Path,
    progress: Progress | None = None,
    force: bool = False,
    timeout: float = DOWNLOAD_TIMEOUT_S,
) -> InstalledModel:
    """Download a catalogued model, convert it to CTranslate2 (int8) and record its checksums."""
    catalog = load_catalog()
    if name not in catalog:
        raise ModelError(f"unknown model {name!r}; known: {', '.join(catalog)} (`backcheck models list`)")
    entry = catalog[name]
    target = directory / check_name(name)
    if target.exists() and not force:
        raise ModelError(f"{name} is already installed in {target} (use --force to reinstall)")
    if not entry.marian_url:
        # Hugging Face checkpoints of these models convert only with torch + transformers.
        try:
            import torch  # noqa: F401
            import transformers  # noqa: F401
        except ImportError:
            raise ModelError(
                f"{name} comes as a Hugging Face checkpoint ({entry.hf_repo}); converting it needs "
                f"transformers and torch, which are not installed.\n" + offline_instructions(entry, directory)
            ) from None
        return _install_transformers(entry, target, force)
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=directory, prefix=f".{name}.") as tmp:
        archive = Path(tmp) / "model.zip"
        try:
            download(entry.marian_url, archive, progress, timeout, max_bytes=download_limit(entry))
        except (urllib.error.URLError, OSError, TimeoutError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ModelError(
                f"could not download {name}: tried {entry.marian_url} ({reason}).\n"
                + offline_instructions(entry, directory)
            ) from None
        check_sha256(archive, entry.sha256, entry.marian_url)
        unpacked = unpack(archive, Path(tmp) / "marian")
        return convert(_marian_root(unpacked), target, entry=entry, origin=entry.marian_url, force=force)


def _marian_root(unpacked: Path) -> Path:
    found = sorted(unpacked.rglob("decoder.yml"))
    if not found:
        raise ModelError("the downloaded archive holds no decoder.yml: not a Marian model")
    return found[0].parent


def _install_transformers(entry: CatalogEntry, target: Path, force: bool) -> InstalledModel:
    try:
        from huggingface_hub import snapshot_download
    except ImportError:
        raise ModelError(f"installing {entry.name} needs `pip install huggingface_hub`") from None
    with tempfile.TemporaryDirectory() as tmp:
        try:
            path = snapshot_download(
                entry.hf_repo, local_dir=tmp, allow_patterns=["*.json", "*.model", "*.bin", "*.safetensors", "*.spm"]
            )
        except Exception as exc:  # the hub client raises many types; all mean "not downloaded"
            raise ModelError(
                f"could not download {entry.hf_repo} from the Hugging Face hub ({exc}).\n"
                + offline_instructions(entry, target.parent)
            ) from None
        return convert(path, target, entry=entry, origin=f"hf://{entry.hf_repo}", force=force)
