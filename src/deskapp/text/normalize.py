"""Unicode normalization at every boundary where text enters Deskapp.

Vietnamese arrives precomposed (NFC), decomposed ("Unicode tổ hợp", NFD) or
half-and-half. Deskapp stores and draws NFC only: reportlab does no shaping,
so a combining mark would be drawn over the previous glyph at the wrong height.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

# Characters that look like a space but are not one (NBSP and friends).
_SPACE_LIKE = "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000"
_SPACE_TABLE = str.maketrans({ch: " " for ch in _SPACE_LIKE} | {"\ufeff": None, "\u200b": None})
_RUNS_OF_SPACES = re.compile(r"[ \t]{2,}")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC (cheap when it already is)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def to_nfc_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Return a copy of ``fields`` with every string value in NFC."""
    return {k: nfc(v) if isinstance(v, str) else v for k, v in fields.items()}


def clean_spaces(line: str) -> str:
    """Turn space-like characters into spaces, collapse runs, strip the ends."""
    return _RUNS_OF_SPACES.sub(" ", line.translate(_SPACE_TABLE)).strip()
