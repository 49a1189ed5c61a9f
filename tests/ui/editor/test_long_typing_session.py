"""A long typing session must not wear down the interpreter.

PySide6 6.12.0 under Python 3.11 dropped a reference to None on every
overridden void call, so the editor aborted the whole process after a few
thousand keystrokes; pyproject.toml keeps that release out. This test types
enough to notice the drain long before it could crash.
"""

import sys

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication


def test_none_keeps_its_references_while_typing(qtbot, window):
    window.act_new.trigger()
    body = window.editor.body
    before = sys.getrefcount(None)
    for _ in range(3000):
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(body, QKeyEvent(kind, Qt.Key.Key_A,
                                                   Qt.KeyboardModifier.NoModifier, "a"))
    assert len(body.toPlainText()) == 3000
    # A healthy binding leaves the count where it was (give or take a few caches);
    # the faulty one loses at least one reference per key.
    assert sys.getrefcount(None) - before > -1000
