"""Turn the bytes of a file, or a paste, into clean Unicode text.

Everything a reporter brings in passes through here first, so this is where
Deskapp refuses what it cannot honestly import: empty files, images and
programs, text in an encoding it cannot identify, and files or pastes too big
to edit comfortably. Each refusal is an :class:`~deskapp.errors.ImportRejected`
with a code and data; the words shown to a person live in
:mod:`deskapp.messages`.

Accepted text leaves in NFC with ``\\n`` newlines, the form the rest of the
core assumes.

Legacy Vietnamese encodings (TCVN3/ABC, VNI-Windows) are not UTF-8. Rather
than guess here, :func:`decode_text` and :func:`read_text_file` take an
optional ``legacy`` decoder: a function that receives the raw bytes and returns
the converted text, or ``None`` when it does not recognise them. Without one,
such a file is refused with ``file_not_utf8`` and the offset of the first byte
that is not UTF-8, which tells the person exactly what to fix.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable
from pathlib import Path

from deskapp.errors import ImportRejected
from deskapp.limits import MAX_READ_BYTES
from deskapp.text import nfc

# 20 MiB (deskapp.limits.MAX_READ_BYTES). A long Vietnamese article is
# 50-100 kB of UTF-8; a whole book is a few MB. Anything bigger is almost
# certainly not an article (a log, a dump, a misnamed archive), and reading it
# would freeze the editor.
MAX_IMPORT_BYTES = MAX_READ_BYTES

# 100,000 Vietnamese words (a short book) is about 600,000 characters: words
# average 4-5 letters plus a space. 2,000,000 characters leaves room for three
# times that, yet stops a runaway paste (a whole web page's source, a table of
# numbers) before it reaches the editor and the Markdown preview.
MAX_PASTE_CHARS = 2_000_000

_MIB = 1024 * 1024

LegacyDecoder = Callable[[bytes], str | None]
"""Converts bytes in a legacy Vietnamese encoding to text, or returns ``None``."""

# Signatures of formats people mistake for text: photos, PDFs, Word and
# OpenDocument files (ZIP or OLE2 containers), archives, executables,
# databases. Recognising them gives "this is not text" instead of a misleading
# "not UTF-8".
_MAGIC_NUMBERS: tuple[bytes, ...] = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"%PDF-",
    b"PK\x03\x04",  # ZIP, .docx, .odt, .epub
    b"PK\x05\x06",  # empty ZIP
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # OLE2: .doc, .xls
    b"\x7fELF",
    b"\x1f\x8b",  # gzip
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
    b"SQLite format 3\x00",
    b"RIFF",  # WAV, AVI, WebP
    b"II*\x00",  # TIFF, little-endian
    b"MM\x00*",  # TIFF, big-endian
    b"{\\rtf",  # RTF: text-like, but markup a reporter would not want to see
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that never occur in prose. Tab, newline, carriage
# return, form feed and vertical tab are layout, and DOS editors left a Ctrl-Z
# (0x1A) at the end of files, so those do not count against a file.
_LAYOUT_CONTROLS = frozenset("\t\n\r\f\v\x1a")
_STRAY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# The characters _is_control counts, as one class: counted in C, not per character.
_CONTROLS = re.compile(
    "[" + "".join(f"\\x{code:02x}" for code in (*range(32), 127)
                  if chr(code) not in _LAYOUT_CONTROLS) + "]"
)
_BINARY_SAMPLE = 64 * 1024
_BINARY_CONTROL_SHARE = 0.05

_NEWLINES = re.compile(r"\r\n?|\u2028|\x85|\f")
_NEWLINE_MARKS = ("\r", "\u2028", "\x85", "\f")


def decode_text(data: bytes, name: str, *, legacy: LegacyDecoder | None = None) -> str:
    """Decode ``data`` (the contents of the file called ``name``) to NFC text.

    Accepts UTF-8 with or without a byte order mark and UTF-16 with one.
    Raises :class:`ImportRejected` with ``file_empty``, ``file_binary`` or
    ``file_not_utf8``; ``legacy`` gets a chance at bytes that are not UTF-8
    before the last of these is raised, and at Unicode text (as UTF-8 bytes),
    which may be VIQR or a legacy file misread once: what it returns replaces
    the text, ``None`` keeps it.
    """
    if not data:
        raise ImportRejected("file_empty", name=name)
    if data.startswith(_MAGIC_NUMBERS):
        raise ImportRejected("file_binary", name=name)
    text = _decode_with_bom(data, name)
    converted = False
    if text is None:
        text, converted = _decode_without_bom(data, name, legacy)
    if _looks_binary(text):
        raise ImportRejected("file_binary", name=name)
    if legacy is not None and not converted:
        # Unicode text may still be written the old way: VIQR (Vie^.t Nam), or a
        # TCVN3/VNI file once opened as Latin-1 and saved again as UTF-8.
        text = legacy(text.encode("utf-8")) or text
    text = tidy_text(text)
    if not text.strip():
        raise ImportRejected("file_empty", name=name)
    return text


def tidy_text(text: str) -> str:
    """NFC, ``\\n`` newlines, and no invisible control characters.

    Stray control characters (a Ctrl-Z at the end of a DOS file, an escape
    code from a terminal) cannot be drawn and break the PDF writer's markup,
    so they are removed; a form feed or Unicode line separator becomes a
    newline. A paragraph separator (U+2029) becomes a blank line.
    """
    text = text.replace("\u2029", "\n\n")
    # Most files have none of these: four scans in C cost less than the
    # expression's alternatives tried at every position.
    if any(mark in text for mark in _NEWLINE_MARKS):
        text = _NEWLINES.sub("\n", text)
    text = _STRAY_CONTROLS.sub("", text)
    return nfc(text.lstrip("\ufeff"))


def read_text_file(
    path: str | os.PathLike[str],
    *,
    limit: int = MAX_IMPORT_BYTES,
    legacy: LegacyDecoder | None = None,
) -> str:
    """Read the text file at ``path``, refusing files over ``limit`` bytes.

    Raises :class:`ImportRejected` with ``file_too_large`` or
    ``file_unreadable`` here, and any code of :func:`decode_text`.
    """
    path = Path(path)
    return decode_text(read_bounded(path, limit), path.name or str(path), legacy=legacy)


def read_bounded(path: str | os.PathLike[str], limit: int = MAX_IMPORT_BYTES,
                 name: str | None = None) -> bytes:
    """The bytes of the file at ``path``, never more than ``limit`` read.

    Raises :class:`ImportRejected` with ``file_too_large`` or ``file_unreadable``.
    A device or a pipe (``/dev/zero``: size 0, endless) is read one byte past
    the limit and refused, like a file that grew since it was measured.
    """
    path = Path(path)
    name = name or path.name or str(path)
    try:
        size = path.stat().st_size
        _check_size(size, limit, name)
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except OSError as exc:
        raise ImportRejected("file_unreadable", name=name, reason=_reason(exc)) from exc
    _check_size(max(size, len(data)), limit, name)
    return data


def check_paste(text: str) -> str:
    """Return pasted ``text`` in NFC with ``\\n`` newlines, or refuse it as too long.

    The length is checked before any other work, so a huge paste is refused
    at once rather than after a slow normalisation.
    """
    if len(text) > MAX_PASTE_CHARS:
        raise ImportRejected("paste_too_large", chars=len(text), limit=MAX_PASTE_CHARS)
    return tidy_text(text)


def _decode_with_bom(data: bytes, name: str) -> str | None:
    """Decode data that starts with a byte order mark; ``None`` if there is none."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise ImportRejected(
                    "file_not_utf8", name=name, position=len(bom) + exc.start
                ) from exc
    return None


def _decode_without_bom(data: bytes, name: str,
                        legacy: LegacyDecoder | None) -> tuple[str, bool]:
    """Decode data with no byte order mark: UTF-8, else the legacy hook, else refuse.

    Also says whether the legacy hook made the text.
    """
    if b"\x00" in data:
        # NUL never occurs in UTF-8 text or in the legacy 8-bit encodings;
        # UTF-16 always carries a BOM when Windows writes it.
        raise ImportRejected("file_binary", name=name)
    try:
        return data.decode("utf-8"), False
    except UnicodeDecodeError as exc:
        if _looks_binary_bytes(data):
            raise ImportRejected("file_binary", name=name) from exc
        converted = legacy(data) if legacy is not None else None
        if converted is not None:
            return converted, True
        raise ImportRejected("file_not_utf8", name=name, position=exc.start) from exc


def _looks_binary(text: str) -> bool:
    """True when the start of ``text`` holds too many non-layout control characters."""
    sample = text[:_BINARY_SAMPLE]
    if "\x00" in sample:
        return True
    controls = len(_CONTROLS.findall(sample))
    return controls > _BINARY_CONTROL_SHARE * max(len(sample), 1)


def _looks_binary_bytes(data: bytes) -> bool:
    """Same test as :func:`_looks_binary`, on raw bytes that are not UTF-8."""
    sample = data[:_BINARY_SAMPLE]
    controls = sum(1 for byte in sample if _is_control(chr(byte)))
    return controls > _BINARY_CONTROL_SHARE * len(sample)


def _is_control(ch: str) -> bool:
    return (ch < " " or ch == "\x7f") and ch not in _LAYOUT_CONTROLS


def _check_size(size: int, limit: int, name: str) -> None:
    if size > limit:
        raise ImportRejected(
            "file_too_large", name=name, size_mb=size / _MIB, limit_mb=limit / _MIB
        )


def _reason(exc: OSError) -> str:
    """The operating system's own words for the failure (never empty)."""
    return exc.strerror or str(exc) or type(exc).__name__
