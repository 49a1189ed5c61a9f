"""The body editor: NFC text and built-in typing, plus Markdown colouring, smart
punctuation and zoom."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QWidget

from deskapp.ui.editor.highlighter import MarkdownHighlighter
from deskapp.ui.editor.smart_punctuation import TRIGGERS, smart_replacement
from deskapp.ui.editor.text_edit import NfcPlainTextEdit, VietnameseTyping

_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
MIN_ZOOM, MAX_ZOOM = -6, 14
# Converting HTML costs far more than the text it holds: beyond this, paste the plain text.
MAX_RICH_PASTE = 5_000_000


class MarkdownEdit(NfcPlainTextEdit):
    """A Markdown body field. ``zoomChanged(steps)`` after a zoom in, out or reset."""

    zoomChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None,
                 typing: VietnameseTyping | None = None) -> None:
        super().__init__(parent, typing)
        self.smart_punctuation = True
        self.highlighter = MarkdownHighlighter(self.document())
        self.zoom_steps = 0
        self._base_size = 0.0
        self.rich_paste = True
        self._plain_once = False

    def colour_later(self) -> None:
        """Take the next text in without colouring it (see :meth:`colour_now`)."""
        self.highlighter.setDocument(None)

    def colour_now(self) -> None:
        """Colour the whole text again (on the next turn of the event loop), if it waits."""
        if self.highlighter.document() is None:
            self.highlighter.setDocument(self.document())

    def setFont(self, font: QFont) -> None:
        super().setFont(font)
        self._base_size = font.pointSizeF()
        self.zoom_steps = 0

    def set_dark(self, dark: bool) -> None:
        """Recolour the Markdown; re-colouring is not an edit, so no ``textChanged``."""
        self.blockSignals(True)
        try:
            self.highlighter.set_dark(dark)
        finally:
            self.blockSignals(False)

    # ---- pasting ------------------------------------------------------------
    def text_from_mime(self, source: QMimeData) -> str | None:
        """Rich text (a web page, a Word document) arrives as clean Markdown.

        Text copied from Deskapp's own fields (Qt marks its HTML as ``qrichtext``)
        and "Paste as plain text" keep the plain text.
        """
        plain_only, self._plain_once = self._plain_once, False
        if self.rich_paste and not plain_only and source.hasHtml():
            html = source.html()
            if html.strip() and 'name="qrichtext"' not in html:
                if len(html) > MAX_RICH_PASTE:
                    return super().text_from_mime(source)
                from deskapp.exchange.html_import import html_to_markdown

                markdown = html_to_markdown(html).strip("\n")
                if markdown.strip():
                    return markdown
        return super().text_from_mime(source)

    def paste_plain(self) -> None:
        """Paste the clipboard's plain text, ignoring any formatting it carries."""
        self._plain_once = True
        try:
            self.paste()
        finally:
            self._plain_once = False

    # ---- smart punctuation -------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        typed = event.text()
        if (self.smart_punctuation and typed in TRIGGERS and not self.composing
                and event.modifiers() in _PLAIN):
            self._smarten(typed)

    def _smarten(self, typed: str) -> None:
        cursor = self.textCursor()
        if cursor.hasSelection():
            return
        before = cursor.block().text()[: cursor.positionInBlock()]
        change = smart_replacement(before, typed)
        if change is None:
            return
        replace, text = change
        # A separate edit: one undo gives the straight character back.
        cursor.beginEditBlock()
        cursor.setPosition(cursor.position() - replace, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    # ---- zoom --------------------------------------------------------------
    def zoom(self, steps: int) -> None:
        """Zoom in (positive) or out (negative) by ``steps`` points."""
        self.set_zoom(self.zoom_steps + steps)

    def set_zoom(self, steps: int) -> None:
        steps = max(MIN_ZOOM, min(MAX_ZOOM, steps))
        if not self._base_size:
            self._base_size = self.font().pointSizeF()
        font = QFont(self.font())
        font.setPointSizeF(self._base_size + steps)
        super().setFont(font)
        self.zoom_steps = steps
        self.zoomChanged.emit(steps)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)
