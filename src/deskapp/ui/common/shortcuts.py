"""Keyboard shortcuts and actions made in the code."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence


def keys(text: str) -> QKeySequence:
    """A shortcut written in Qt's portable form ("Ctrl+Shift+I"), read as such.

    ``QKeySequence(text)`` reads native text, which asks the translators for
    every modifier's name (six calls per shortcut, some 180 at each start) and
    would misread the English names under a translation of them.
    """
    return QKeySequence(text, QKeySequence.SequenceFormat.PortableText)


def make_action(text: str, parent: QObject) -> QAction:
    """``QAction(text, parent)``, without PySide trying the overload that takes an icon:
    that builds the QIcon class and its enums (some 3 ms) before any icon is shown."""
    action = QAction(parent)
    action.setText(text)
    return action


def command(text: str, parent: QObject, slot: Callable[[], object],
            shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None) -> QAction:
    """An action that calls ``slot`` (with no arguments) when triggered.

    A shortcut given as text is read in portable form (:func:`keys`).
    """
    action = make_action(text, parent)
    if shortcut is not None:
        action.setShortcut(keys(shortcut) if isinstance(shortcut, str) else shortcut)
    action.triggered.connect(lambda _checked=False: slot())
    return action
