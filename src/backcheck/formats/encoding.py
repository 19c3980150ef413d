"""Read a file's bytes and decode them, refusing what is not text.

Balkan news sites still serve windows-1250 and ISO-8859-2 (and windows-1251 for Cyrillic), which
a UTF-8 reader turns into mojibake. Byte-order marks decide first; then strict UTF-8; then
UTF-16 without a BOM (every other byte NUL); then the legacy code pages, scored by how many
letters of the South Slavic alphabets and how few control or stray symbols the decoding yields.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from backcheck.errors import InputError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # a news article is a few KB; 10 MB is a generous ceiling

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_LEGACY = ["cp1250", "iso8859_2", "cp1251", "cp1252"]
_BCMS_LETTERS = set("čćžšđČĆŽŠĐ") | {chr(c) for c in range(0x0400, 0x0460)}


def _legacy_score(text: str) -> float:
    good = sum(ch in _BCMS_LETTERS for ch in text)
    bad = sum(
        (0x80 <= ord(ch) <= 0x9F) or (ch in "¤¦§¨©«¬®°±´µ¶·¸»¼½¾¿×÷ˇ˘˙˝˛Ź") for ch in text
    )
    return good - 3 * bad


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise :class:`InputError`."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: starts with a {enc} byte-order mark but is not valid {enc} ({exc.reason} at byte {exc.start})") from None
    if len(data) >= 4:
        even_nuls = data[0::2].count(0) / max(1, len(data[0::2]))
        odd_nuls = data[1::2].count(0) / max(1, len(data[1::2]))
        if odd_nuls > 0.3 and even_nuls < 0.05 or even_nuls > 0.3 and odd_nuls < 0.05:
            enc = "utf-16-le" if odd_nuls > even_nuls else "utf-16-be"
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                pass
    if b"\x00" in data:
        raise InputError(f"{name}: binary file (contains NUL bytes), not a text article")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        candidates = []
        for enc in _LEGACY:
            try:
                candidates.append((_legacy_score(data.decode(enc)), enc))
            except UnicodeDecodeError:
                continue
        if not candidates:
            raise InputError(f"{name}: cannot decode as UTF-8, UTF-16, windows-1250, ISO-8859-2 or windows-1251") from None
        _, encoding = max(candidates, key=lambda c: c[0])  # max keeps the first of equal scores
        text = data.decode(encoding)
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(2, len(text) // 100):
        raise InputError(f"{name}: binary file ({controls} control characters), not a text article")
    return text, encoding


def read_text(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    """Read and decode a file; every failure is an :class:`InputError` naming the file."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a file")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(f"{p}: file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit (set --max-bytes to raise it)")
        data = p.read_bytes()
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from None
    text, encoding = decode(data, str(p))
    if not text.strip():
        raise InputError(f"{p}: file is empty")
    return text, encoding
