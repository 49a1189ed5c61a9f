"""Status bar facts about the open article: its length and whether it is saved."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from deskapp.ui.common.i18n import OwnContextTr, plural
from deskapp.ui.common.theme import set_tone

# Counting a book-length body takes a few milliseconds: wait for a pause in the typing.
COUNT_DELAY_MS = 250


def count_words(*texts: str) -> int:
    return sum(len(text.split()) for text in texts)


class ArticleStatus(OwnContextTr, QObject):
    """Two labels for the status bar: "N words" (lead and body) and "Saved" / "Not saved"."""

    def __init__(self, lead: QPlainTextEdit, body: QPlainTextEdit,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lead = lead
        self.body = body
        self.words = QLabel(parent)
        self.words.setObjectName("wordCount")
        self.words.setToolTip(self.tr("Words in the lead and the body"))
        self.saved = QLabel(parent)
        self.saved.setObjectName("saveState")
        self.word_count = 0
        self.is_saved = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COUNT_DELAY_MS)
        self._timer.timeout.connect(self.count_now)
        for edit in (lead, body):
            edit.document().contentsChanged.connect(self._timer.start)

    def count_now(self) -> int:
        self._timer.stop()
        self.word_count = count_words(self.lead.toPlainText(), self.body.toPlainText())
        self.words.setText(plural(self.tr("%n word(s)", "", self.word_count), self.word_count))
        return self.word_count

    def set_saved(self, saved: bool, visible: bool = True) -> None:
        self.is_saved = saved
        self.saved.setVisible(visible)
        self.saved.setText(self.tr("Saved") if saved else self.tr("Not saved"))
        if saved:
            set_tone(self.saved, "plain")
        else:
            set_tone(self.saved, "warning-text", "font-weight: bold;")
