"""A question answered in words (a comment, a reason, a note), typed like the article.

Qt's ``QInputDialog`` builds its own plain fields, which know neither the
built-in Telex/VNI typing nor NFC. :class:`TextDialog` asks with the
project's fields, given the window's one :class:`VietnameseTyping`, so a
note is typed exactly as the headline is, and an OS input method is left
alone the same way.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from deskapp.ui.common.i18n import OwnContextTr
from deskapp.ui.editor.text_edit import NfcLineEdit, NfcPlainTextEdit, VietnameseTyping


class TextDialog(OwnContextTr, QDialog):
    """A prompt, one field (a line, or a few lines) and OK / Cancel."""

    def __init__(self, title: str, prompt: str, typing: VietnameseTyping,
                 parent: QWidget | None = None, *, multiline: bool = True,
                 text: str = "") -> None:
        from PySide6.QtWidgets import QDialogButtonBox

        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("textDialog")
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        self.field: NfcLineEdit | NfcPlainTextEdit
        if multiline:
            self.field = NfcPlainTextEdit(self, typing)
            self.field.setTabChangesFocus(True)
            self.field.setPlainText(text)
            self.field.setMinimumHeight(self.field.fontMetrics().lineSpacing() * 5 + 12)
        else:
            self.field = NfcLineEdit(self, typing)
            self.field.setText(text)
        self.field.setObjectName("textAnswer")
        label.setBuddy(self.field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.field, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.field.setFocus()

    def text(self) -> str:
        field = self.field
        return field.toPlainText() if isinstance(field, NfcPlainTextEdit) else field.text()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, prompt: str, typing: VietnameseTyping,
            *, multiline: bool = True) -> str | None:
        """The text typed (stripped), or None when cancelled or left empty."""
        dialog = cls(title, prompt, typing, parent, multiline=multiline)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.text().strip() or None
        finally:
            dialog.deleteLater()
