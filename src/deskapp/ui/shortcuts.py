"""Keyboard shortcuts written in the code."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence


def keys(text: str) -> QKeySequence:
    """A shortcut written in Qt's portable form ("Ctrl+Shift+I"), read as such.

    ``QKeySequence(text)`` reads native text, which asks the translators for
    every modifier's name (six calls per shortcut, some 180 at each start) and
    would misread the English names under a translation of them.
    """
    return QKeySequence(text, QKeySequence.SequenceFormat.PortableText)
