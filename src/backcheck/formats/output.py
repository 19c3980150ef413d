"""Writing reports atomically: a reader never sees half a report, a crash never truncates one.

``-o PATH`` behaves the way a careful shell redirection does, with atomicity on top:

* a regular file (or a new path) is replaced atomically: the report is written to a temporary
  file in the same directory and renamed over it, keeping the old file's mode (a new file gets
  the mode the umask allows, as ``open()`` would give it);
* a symbolic link is followed: the file it points to is replaced, the link stays;
* a character device or a FIFO (``/dev/null``, ``/dev/stdout``, a pipe) is written straight
  into: renaming a file over ``/dev/null`` as root would replace the device with a file;
* a directory, a block device or a socket is refused with :class:`~backcheck.errors.OutputError`.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from backcheck.errors import OutputError


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike[str], data: str) -> None:
    if not str(path):
        raise OutputError("the output path is empty")
    target = Path(os.path.realpath(path))  # follow symlinks: the link stays, its target is replaced
    try:
        st: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
            _write_through(path, data)
            return
        kind = "a directory" if stat.S_ISDIR(st.st_mode) else "not a regular file"
        raise OutputError(f"cannot write the report to {path}: it is {kind}")
    directory = target.parent
    if not directory.is_dir():
        raise OutputError(f"cannot write {path}: directory {directory} does not exist")
    mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if st is not None and hasattr(os, "chown"):
            try:  # root replacing someone's report keeps its owner
                os.chown(tmp, st.st_uid, st.st_gid)
            except PermissionError:
                pass
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_through(path: str | os.PathLike[str], data: str) -> None:
    try:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(data)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str] | None) -> bool:
    """True when ``a`` and ``b`` name one existing file (through links, relative paths)."""
    if b is None:
        return False
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def refuse_overwriting_inputs(output: str | os.PathLike[str] | None, *inputs: str | os.PathLike[str] | None) -> None:
    """``-o`` naming one of the inputs would replace the article with its own report."""
    if output is None:
        return
    for given in inputs:
        if given is not None and same_file(output, given):
            raise OutputError(f"--output {output} is an input file; the report would replace it")
