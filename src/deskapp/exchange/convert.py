"""Turn a file in any Vietnamese encoding into UTF-8 NFC, saying what was done.

Used by ``deskapp convert`` and by imports. ``auto`` converts only when the
detector is confident (every byte maps and the words read as Vietnamese);
otherwise it refuses and names its best guess, so nothing is garbled
silently.
"""

from __future__ import annotations

from dataclasses import dataclass

from deskapp.errors import ImportRejected
from deskapp.text.legacy import (
    decode_legacy,
    decode_viqr,
    detect,
    fix_mojibake,
    recompose,
)
from deskapp.text.normalize import nfc
from deskapp.text.syllable import is_vietnamese_syllable
from deskapp.text.tone import convert_tone_style

# An explicit --from that yields fewer valid syllables than this is a wrong guess.
MIN_VIETNAMESE_SHARE = 0.6
_PUNCTUATION = ".,;:!?\"'()[]{}«»“”‘’…–—-"
SOURCES = ("auto", "utf8", "tcvn3", "vni", "viqr", "cp1258", "nfd")


@dataclass(frozen=True)
class Conversion:
    text: str
    encoding: str  # what the input was read as
    confidence: float
    changed_words: int


def convert_bytes(data: bytes, name: str, source: str = "auto",
                  tone_style: str | None = None) -> Conversion:
    """Read ``data`` (file ``name``) as ``source`` and return NFC text, tone style applied."""
    result = _read(data, name, source)
    if tone_style:
        result = Conversion(convert_tone_style(result.text, tone_style), result.encoding,
                            result.confidence, result.changed_words)
    return result


def _read(data: bytes, name: str, source: str) -> Conversion:
    if source not in SOURCES:
        raise ImportRejected("convert_unknown_source", name=name, source=source,
                             choices=", ".join(SOURCES))
    utf8 = _utf8(data)
    if source == "auto":
        found = detect(utf8 if utf8 is not None else data)
        if found.encoding == "utf8" and utf8 is not None:
            return Conversion(nfc(utf8), "utf8", found.confidence, 0)
        if found.confident and found.text is not None:
            return Conversion(nfc(found.text), found.encoding, found.confidence,
                              found.change_count)
        raise ImportRejected("convert_unsure", name=name, guess=found.guess or "?",
                             confidence=round(found.confidence * 100))
    try:
        text = _read_as(data, utf8, source)
    except UnicodeError as error:
        raise ImportRejected("convert_failed", name=name, source=source,
                             reason=str(error)) from error
    share = vietnamese_share(text)
    if share < MIN_VIETNAMESE_SHARE:
        raise ImportRejected("convert_failed", name=name, source=source,
                             reason=f"only {share:.0%} of the words read as Vietnamese")
    original = utf8 if utf8 is not None else data.decode("latin-1")
    changed = sum(a != b for a, b in zip(original.split(), text.split(), strict=False))
    return Conversion(text, source, share, changed)


def vietnamese_share(text: str) -> float:
    """The share of the words with Vietnamese letters that are valid Vietnamese syllables."""
    words = [w.strip(_PUNCTUATION) for w in text.split()]
    words = [w for w in words if w and not w.isascii() and w.isalpha()]
    if not words:
        return 1.0  # nothing Vietnamese to judge: plain ASCII stays as it is
    return sum(is_vietnamese_syllable(w) for w in words) / len(words)


def _read_as(data: bytes, utf8: str | None, source: str) -> str:
    if source == "utf8":
        if utf8 is None:
            raise UnicodeError("the file is not UTF-8")
        return nfc(utf8)
    if source in ("tcvn3", "vni") and utf8 is not None and not utf8.isascii():
        return nfc(fix_mojibake(utf8, source))  # a legacy file once opened as Latin-1
    if source == "viqr":
        return nfc(decode_viqr(utf8 if utf8 is not None else data.decode("latin-1")))
    if source == "nfd":
        if utf8 is None:
            raise UnicodeError("the file is not UTF-8")
        return recompose(utf8)
    return nfc(decode_legacy(data, source))


def _utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
