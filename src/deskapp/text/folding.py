"""Diacritic-insensitive matching: "quy che dan chu" finds "quy chế dân chủ"."""

from __future__ import annotations

import unicodedata

_D = str.maketrans({"đ": "d", "Đ": "D"})


def fold(text: str) -> str:
    """Lower-case ``text`` without tones or marks, with đ → d."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()
