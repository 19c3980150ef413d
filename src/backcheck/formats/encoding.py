"""Read a file's bytes and decode them, refusing what is not text.

Balkan news sites still serve windows-1250 and ISO-8859-2 (and windows-1251 for Cyrillic), which
a UTF-8 reader turns into mojibake. Byte-order marks decide first; then strict UTF-8; then
UTF-16 without a BOM (every other byte NUL); then the legacy code pages, scored by how many
letters of the South Slavic alphabets and how few control or stray symbols the decoding yields.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass

from backcheck.errors import InputError
from backcheck.files import read_bytes

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
    bad = sum((0x80 <= ord(ch) <= 0x9F) or (ch in "¤¦§¨©«¬®°±´µ¶·¸»¼½¾¿×÷ˇ˘˙˝˛Ź") for ch in text)
    return good - 3 * bad


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    notes: tuple[str, ...] = ()  #: what the reader had to repair, for the report


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise :class:`InputError`."""
    result = decode_bytes(data, name)
    return result.text, result.encoding


def _utf8_repairs(data: bytes) -> tuple[int, int]:
    """``(invalid bytes, valid multi-byte sequences)`` of ``data`` read as UTF-8."""
    invalid = valid = 0
    pos = 0
    while pos < len(data):
        try:
            chunk = data[pos:].decode("utf-8")
            valid += sum(1 for ch in chunk if ord(ch) > 0x7F)
            break
        except UnicodeDecodeError as exc:
            valid += sum(1 for ch in data[pos : pos + exc.start].decode("utf-8") if ord(ch) > 0x7F)
            invalid += exc.end - exc.start
            pos += exc.end
    return invalid, valid


#: A file whose non-ASCII characters are at least this share valid UTF-8 sequences is UTF-8 with a
#: few damaged bytes (a copy-paste, a truncated download), not a legacy code page: a windows-1250
#: text read as UTF-8 has almost no valid multi-byte sequence.
UTF8_VALID_SHARE = 0.8


def decode_bytes(data: bytes, name: str = "<bytes>") -> Decoded:
    """The text of ``data`` and the encoding it was read with, or :class:`InputError`.

    A UTF-8 file with a few invalid bytes stays UTF-8: the bad bytes become U+FFFD and a note
    says how many (switching silently to a legacy code page would garble every letter)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(enc), enc)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name}: starts with a {enc} byte-order mark but is not valid {enc} ({exc.reason} at byte {exc.start})"
                ) from None
    if len(data) >= 4:
        even_nuls = data[0::2].count(0) / max(1, len(data[0::2]))
        odd_nuls = data[1::2].count(0) / max(1, len(data[1::2]))
        if odd_nuls > 0.3 and even_nuls < 0.05 or even_nuls > 0.3 and odd_nuls < 0.05:
            enc = "utf-16-le" if odd_nuls > even_nuls else "utf-16-be"
            try:
                return Decoded(data.decode(enc), enc)
            except UnicodeDecodeError:
                pass
    if b"\x00" in data:
        raise InputError(f"{name}: binary file (contains NUL bytes), not a text article")
    notes: tuple[str, ...] = ()
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as first:
        invalid, valid = _utf8_repairs(data)
        if valid and valid / (valid + invalid) >= UTF8_VALID_SHARE:
            text, encoding = data.decode("utf-8", errors="replace"), "utf-8"
            notes = (
                f"{name}: {invalid} byte(s) are not valid UTF-8 (first at byte {first.start}); "
                f"they were read as U+FFFD (\ufffd): check the file's encoding",
            )
        else:
            text, encoding = _legacy(data, name)
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(2, len(text) // 100):
        raise InputError(f"{name}: binary file ({controls} control characters), not a text article")
    return Decoded(text, encoding, notes)


def _legacy(data: bytes, name: str) -> tuple[str, str]:
    candidates = []
    for enc in _LEGACY:
        try:
            candidates.append((_legacy_score(data.decode(enc)), enc))
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise InputError(f"{name}: cannot decode as UTF-8, UTF-16, windows-1250, ISO-8859-2 or windows-1251") from None
    _, encoding = max(candidates, key=lambda c: c[0])  # max keeps the first of equal scores
    return data.decode(encoding), encoding


def read_text(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    """Read and decode a file; every failure is an :class:`InputError` naming the file."""
    result = read_decoded(path, max_bytes)
    return result.text, result.encoding


def read_decoded(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """Read a regular file of at most ``max_bytes`` and decode it (with the reader's notes)."""
    if max_bytes < 1:
        raise InputError(f"--max-bytes must be a positive number of bytes, not {max_bytes}")
    data = read_bytes(path, max_bytes)
    result = decode_bytes(data, str(path))
    if not result.text.strip():
        raise InputError(f"{path}: file is empty")
    return result
