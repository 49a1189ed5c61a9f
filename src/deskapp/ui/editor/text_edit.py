"""Plain-text editors that keep what enters them in NFC, with built-in Vietnamese typing.

Typing, input-method commits and pastes are normalized as they arrive. A
paste that is too large is refused with a signal instead of freezing the
window. Backspace and the input method's preedit are never touched, so OS
input methods (Unikey, EVKey, fcitx) that rewrite a word by sending
Backspaces and new characters keep working.

The built-in Telex/VNI mode (for machines whose OS input method does not
reach Qt) only looks at printable ASCII keys typed without Ctrl/Alt, and
stands aside while an OS input method is composing.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QTextCursor,
)
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from deskapp.errors import ImportRejected
from deskapp.exchange.decode import check_paste
from deskapp.text import nfc

if TYPE_CHECKING:
    from deskapp.text.typing_engine import Composer
    from deskapp.text.typing_restore import WordKeys

_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier,
          Qt.KeyboardModifier.KeypadModifier)
_WORD_ENDS = frozenset(" \t\r\n\u2029")


class VietnameseTyping:
    """The built-in input method shared by every field: off, "telex", "telex-classic" or "vni".

    With :attr:`restore` (on by default, as in Unikey), a word that is not
    Vietnamese when it ends goes back to the keys typed (Samsung, not Sámung);
    the keys of the word being typed are remembered per field until it ends.
    """

    def __init__(self, method: str | None = None, style: str = "old",
                 restore: bool = True) -> None:
        self.method = method
        self.style = style
        self.restore = restore
        self._engine: Composer | None = None
        self._keys: WordKeys | None = None

    @property
    def _composer(self) -> Composer:
        """The Telex/VNI engine, loaded the first time a key is composed."""
        if self._engine is None:
            from deskapp.text.typing_engine import Composer
            from deskapp.text.typing_restore import WordKeys

            self._engine = Composer()
            self._keys = WordKeys()
        return self._engine

    def compose(self, before_cursor: str, event: QKeyEvent,
                owner: object = None) -> tuple[int, str] | None:
        """(characters to replace before the cursor, new word), or None to type the key."""
        if self.method is None or event.modifiers() not in _PLAIN:
            return None
        key = event.text()
        if len(key) != 1 or not key.isascii() or not key.isprintable() or key.isspace():
            return None
        composer = self._composer
        _before, word = composer.split(before_cursor, self.method)
        # The word may be empty: in Telex a lone w at the start of a word is ư.
        new = composer.feed(word, key, self.method, self.style)
        if new is not None or composer.is_word_char(key, self.method):
            assert self._keys is not None
            self._keys.typed(word, key, word + key if new is None else new, owner)
        return None if new is None else (len(word), new)

    def word_end(self, before_cursor: str, event: QKeyEvent,
                 owner: object = None) -> tuple[int, str] | None:
        """When ``event`` ends the word before the cursor: (its length, the keys to restore).

        None when the key does not end a word, or the word stays (it is
        Vietnamese, nothing changed it, its keys are not known, restore is off).
        """
        if self.method is None or self._keys is None:
            return None
        key = event.text()
        if not key or event.modifiers() not in _PLAIN:
            return None
        ends = key in _WORD_ENDS or (key.isprintable() and not self._composer.is_word_char(
            key, self.method))
        if len(key) != 1 or not ends:
            return None  # a letter, or Backspace, Delete, Escape
        _before, word = self._composer.split(before_cursor, self.method)
        keys = self._keys.restored(word, owner)
        if keys is None or not self.restore:
            return None
        return len(word), keys


class NfcPlainTextEdit(QPlainTextEdit):
    """A QPlainTextEdit whose content is always NFC."""

    pasteRejected = Signal(object)  # the ImportRejected error
    pasted = Signal(int, int)  # start and end positions of the text just pasted

    def __init__(self, parent: QWidget | None = None,
                 typing: VietnameseTyping | None = None) -> None:
        super().__init__(parent)
        self.typing = typing or VietnameseTyping()
        self.composing = False  # an OS input method has a preedit in progress

    def insertFromMimeData(self, source: QMimeData) -> None:
        raw = self.text_from_mime(source)
        if raw is None:
            return
        try:
            text = check_paste(raw)
        except ImportRejected as error:
            self.pasteRejected.emit(error)
            return
        cursor = self.textCursor()
        start = cursor.selectionStart()
        cursor.insertText(text)  # one undo step
        self.ensureCursorVisible()
        self.pasted.emit(start, cursor.position())

    def text_from_mime(self, source: QMimeData) -> str | None:
        """The text a paste or drop brings (plain text here), or None for nothing."""
        return source.text() if source.hasText() else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.composing and self._typed_vietnamese(event):
            return
        if not self.composing:
            self._restore_keys(event)
        super().keyPressEvent(event)
        typed = event.text()
        if typed and any(unicodedata.combining(ch) for ch in typed):
            self._compose_before_cursor()

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        commit = event.commitString()
        self.composing = bool(event.preeditString())
        if commit and nfc(commit) != commit:
            fixed = QInputMethodEvent(event.preeditString(), event.attributes())
            fixed.setCommitString(nfc(commit), event.replacementStart(),
                                  event.replacementLength())
            event = fixed
        super().inputMethodEvent(event)
        if commit and any(unicodedata.combining(ch) for ch in commit):
            self._compose_before_cursor()

    def _typed_vietnamese(self, event: QKeyEvent) -> bool:
        cursor = self.textCursor()
        if cursor.hasSelection():
            return False
        before = cursor.block().text()[: cursor.positionInBlock()]
        change = self.typing.compose(before, event, self)
        if change is None:
            return False
        self._replace_word(cursor, *change)
        return True

    def _restore_keys(self, event: QKeyEvent) -> None:
        """A word that ends not Vietnamese goes back to its keys, as one undo step."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            return
        before = cursor.block().text()[: cursor.positionInBlock()]
        change = self.typing.word_end(before, event, self)
        if change is not None:
            self._replace_word(cursor, *change)

    def _replace_word(self, cursor: QTextCursor, replace: int, word: str) -> None:
        cursor.beginEditBlock()
        cursor.setPosition(cursor.position() - replace, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(word)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

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
    """A QLineEdit whose content is always NFC (typed, pasted or committed).

    A paste (keyboard or context menu) is reported with :attr:`pasted`, as
    the plain-text editors do, so a legacy-encoded headline can be offered
    for conversion.
    """

    pasted = Signal(int, int)  # start and end positions of the text just pasted

    def __init__(self, parent: QWidget | None = None,
                 typing: VietnameseTyping | None = None) -> None:
        super().__init__(parent)
        self.typing = typing or VietnameseTyping()
        self.composing = False
        self.textEdited.connect(self._normalize)

    def paste_text(self, text: str) -> None:
        """Insert ``text`` as a paste: one line, NFC, one undo step, then :attr:`pasted`."""
        if self.isReadOnly():
            return
        line = nfc(" ".join(text.split()))
        if not line:
            return
        self.insert(line)
        end = self.cursorPosition()
        self.pasted.emit(end - len(line), end)

    def _paste_clipboard(self) -> None:
        from PySide6.QtGui import QGuiApplication

        self.paste_text(QGuiApplication.clipboard().text())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu()
        for action in menu.actions():
            if action.objectName() == "edit-paste":
                action.triggered.disconnect()
                action.triggered.connect(self._paste_clipboard)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self._paste_clipboard()
            return
        if not self.composing and not self.hasSelectedText():
            before = self.text()[: self.cursorPosition()]
            change = self.typing.compose(before, event, self)
            if change is not None:
                self._replace_word(*change)
                return
            restore = self.typing.word_end(before, event, self)
            if restore is not None:
                self._replace_word(*restore)
        super().keyPressEvent(event)

    def _replace_word(self, replace: int, word: str) -> None:
        end = self.cursorPosition()
        self.setSelection(end - replace, replace)
        self.insert(word)  # undoable, emits textEdited like typing does

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        self.composing = bool(event.preeditString())
        super().inputMethodEvent(event)

    def _normalize(self, text: str) -> None:
        fixed = nfc(text)
        if fixed == text:
            return
        position = len(nfc(text[: self.cursorPosition()]))
        self.setText(fixed)
        self.setCursorPosition(position)
