"""Offer to convert a paste that is legacy Vietnamese (TCVN3, VNI, VIQR mojibake).

The paste goes in as it was; a bar above the editor shows what would change.
Converting replaces exactly the pasted range in one edit, so a single undo
brings the original back; ignoring it changes nothing. The body and the lead
(plain-text editors) and the headline (a line edit) each have a bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from deskapp.ui.common.theme import set_tone

if TYPE_CHECKING:
    from deskapp.text.legacy import Detection

MAX_CHECKED = 200_000
NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI-Windows", "viqr": "VIQR", "cp1258": "Windows-1258"}


class LegacyPasteBar(QFrame):
    """Appears after a legacy paste into ``editor``; converts on request."""

    converted = Signal(str)  # the encoding

    def __init__(self, editor: QPlainTextEdit | QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setObjectName("legacyPasteBar")
        self._range: tuple[int, int] | None = None
        self._pasted = ""
        self._found: Detection | None = None
        self._built = False
        self.hide()

    def _build(self) -> None:
        """The message and buttons, made with the first offer (they cost the start ~4 ms)."""
        if self._built:
            return
        self._built = True
        set_tone(self, "notice", selector="#legacyPasteBar")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.convert_button = QPushButton(self.tr("Convert"), self)
        self.keep_button = QPushButton(self.tr("Keep as pasted"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.convert_button)
        layout.addWidget(self.keep_button)
        self.convert_button.clicked.connect(self.convert)
        self.keep_button.clicked.connect(self.hide)

    def check(self, start: int, end: int) -> bool:
        """Look at the text just pasted between ``start`` and ``end``; offer if legacy."""
        pasted = self._text(start, end)
        # The detector reads about 2 MB/s: past this size it would hold up the window.
        from deskapp.text.legacy import detect  # its tables load on the first paste

        found = detect(pasted) if pasted.strip() and len(pasted) <= MAX_CHECKED else None
        if (found is None or not found.confident or found.text is None
                or found.encoding not in NAMES or found.text == pasted):
            self.hide()
            return False
        self._range, self._pasted, self._found = (start, end), pasted, found
        self._build()
        sample = "; ".join(f"{before} → {after}" for before, after in found.changes[:4])
        self.message.setText(
            self.tr("The pasted text looks like %1. Convert it to Unicode? For example: %2")
            .replace("%1", NAMES[found.encoding]).replace("%2", sample)
        )
        self.show()
        return True

    def convert(self) -> None:
        if self._range is None or self._found is None or self._found.text is None:
            return
        start, end = self._range
        if self._text(start, end) != self._pasted:  # edited since: do not guess
            self.hide()
            return
        if isinstance(self.editor, QLineEdit):
            self.editor.setSelection(start, end - start)
            self.editor.insert(self._found.text)  # one undo step, emits textEdited
        else:
            cursor = self.editor.textCursor()
            cursor.beginEditBlock()
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(self._found.text)
            cursor.endEditBlock()
            self.editor.setTextCursor(cursor)
        self.hide()
        self.converted.emit(self._found.encoding)

    def _text(self, start: int, end: int) -> str:
        if isinstance(self.editor, QLineEdit):
            return self.editor.text()[start:end]
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText().replace("\u2029", "\n")
