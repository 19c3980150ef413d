"""Reading input files within their limits: only regular files, never more than the limit.

A size check on ``stat()`` alone is not enough: ``/dev/zero`` reports size 0 and never ends, a
FIFO blocks the reader until a writer comes, and a file may grow after it was measured. Every
file backcheck reads (an article, a source, a baseline, a configuration, a manifest, a model's
manifest) goes through :func:`read_bytes`, which refuses what is not a regular file and reads at
most one byte past the limit.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from backcheck.errors import InputError

#: The limit for small structured files (configuration, baselines, manifests, model manifests).
SMALL_FILE_BYTES = 64 * 1024 * 1024


def regular_file(path: str | os.PathLike[str], what: str = "file") -> Path:
    """``path`` when it is a regular file (links followed); else an InputError saying what it is."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(f"{p}: no such {what}") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{p}: is a directory, not a {what}")
    if not stat.S_ISREG(st.st_mode):
        kind = (
            "a FIFO"
            if stat.S_ISFIFO(st.st_mode)
            else "a device"
            if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
            else "a socket"
            if stat.S_ISSOCK(st.st_mode)
            else "not a regular file"
        )
        raise InputError(f"{p}: is {kind}, not a regular {what}")
    return p


def read_bytes(path: str | os.PathLike[str], max_bytes: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; InputError otherwise."""
    p = regular_file(path, what)
    try:
        if p.stat().st_size > max_bytes:
            raise InputError(_too_big(p, p.stat().st_size, max_bytes))
        with open(p, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a directory, not a {what}") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from None
    if len(data) > max_bytes:  # it grew after stat()
        raise InputError(_too_big(p, len(data), max_bytes))
    return data


def read_text(path: str | os.PathLike[str], max_bytes: int = SMALL_FILE_BYTES, what: str = "file") -> str:
    """A small UTF-8 file (configuration, baseline, manifest) within its limit."""
    data = read_bytes(path, max_bytes, what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None


def digest(path: str | os.PathLike[str], max_bytes: int) -> str:
    """SHA-256 of a regular file read in blocks, refusing one over ``max_bytes``."""
    p = regular_file(path)
    sha = hashlib.sha256()
    seen = 0
    try:
        with open(p, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                seen += len(block)
                if seen > max_bytes:
                    raise InputError(_too_big(p, seen, max_bytes))
                sha.update(block)
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from None
    return sha.hexdigest()


def _too_big(path: Path, size: int, limit: int) -> str:
    return (
        f"{path}: file is {size / 1e6:.1f} MB or more, over the {limit / 1e6:.0f} MB limit "
        f"(set --max-bytes to raise it)"
    )
