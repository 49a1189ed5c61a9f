"""Plain-text editors that keep what enters them in NFC.

Typing, input-method commits and pastes are normalized as they arrive. A
paste that is too large is refused with a signal instead of freezing the
window. Backspace and the input method's preedit are never touched, so OS
input methods (Unikey, EVKey, fcitx) that rewrite a word by sending
Backspaces and new characters keep working.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from deskapp.errors import ImportRejected
from deskapp.exchange import check_paste
from deskapp.text import nfc


class NfcPlainTextEdit(QPlainTextEdit):
    """A QPlainTextEdit whose content is always NFC."""

    pasteRejected = Signal(object)  # the ImportRejected error

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if not source.hasText():
            return
        try:
            text = check_paste(source.text())
        except ImportRejected as error:
            self.pasteRejected.emit(error)
            return
        self.textCursor().insertText(text)  # one undo step
        self.ensureCursorVisible()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        typed = event.text()
        if typed and any(unicodedata.combining(ch) for ch in typed):
            self._compose_before_cursor()

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        commit = event.commitString()
        if commit and nfc(commit) != commit:
            fixed = QInputMethodEvent(event.preeditString(), event.attributes())
            fixed.setCommitString(nfc(commit), event.replacementStart(),
                                  event.replacementLength())
            event = fixed
        super().inputMethodEvent(event)
        if commit and any(unicodedata.combining(ch) for ch in commit):
            self._compose_before_cursor()

    def _compose_before_cursor(self) -> None:
        """Recompose a base letter and the combining marks just typed after it."""
        cursor = self.textCursor()
        block_text = cursor.block().text()
        end = cursor.positionInBlock()
        start = end
        while start > 0 and unicodedata.combining(block_text[start - 1]):
            start -= 1
        if start > 0:
            start -= 1  # the base letter
        cluster = block_text[start:end]
        composed = nfc(cluster)
        if composed == cluster:
            return
        block_start = cursor.block().position()
        cursor.joinPreviousEditBlock()
        # Absolute positions: moving "Left" would step over whole grapheme clusters.
        cursor.setPosition(block_start + start)
        cursor.setPosition(block_start + end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(composed)
        cursor.endEditBlock()
        self.setTextCursor(cursor)


class NfcLineEdit(QLineEdit):
    """A QLineEdit whose content is always NFC (typed, pasted or committed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.textEdited.connect(self._normalize)

    def _normalize(self, text: str) -> None:
        fixed = nfc(text)
        if fixed == text:
            return
        position = len(nfc(text[: self.cursorPosition()]))
        self.setText(fixed)
        self.setCursorPosition(position)
