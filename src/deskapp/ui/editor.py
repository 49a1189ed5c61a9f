"""The article editor: headline, lead, credits and the Markdown body."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from deskapp.model import Article
from deskapp.ui.find_replace import FindReplaceBar
from deskapp.ui.legacy_paste import LegacyPasteBar
from deskapp.ui.markdown_edit import MarkdownEdit
from deskapp.ui.text_edit import NfcLineEdit, NfcPlainTextEdit, VietnameseTyping


class EditorPanel(QWidget):
    """Edits one article. ``changed`` fires on every edit; ``snapshot()`` reads it back."""

    changed = Signal()
    pasteRejected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._article: Article | None = None
        self._loading = False
        self.typing = VietnameseTyping()

        self.title = NfcLineEdit(self, self.typing)
        self.title.setObjectName("title")
        self.title.setPlaceholderText(self.tr("Headline (tít) — required before export"))
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.headline_hint = QLabel(
            self.tr("This article has no headline yet: type one above."), self
        )
        self.headline_hint.setObjectName("headlineHint")
        self.headline_hint.setStyleSheet("color: #a15c00;")
        self.lead = NfcPlainTextEdit(self, self.typing)
        self.lead.setObjectName("lead")
        self.lead.setPlaceholderText(self.tr("Lead (sapo)"))
        self.lead.setTabChangesFocus(True)
        self.lead.setFixedHeight(self.lead.fontMetrics().lineSpacing() * 4 + 12)
        self.byline = NfcLineEdit(self, self.typing)
        self.byline.setObjectName("byline")
        self.source = NfcLineEdit(self, self.typing)
        self.source.setObjectName("source")
        self.section = NfcLineEdit(self, self.typing)
        self.section.setObjectName("section")
        self.body = MarkdownEdit(self, self.typing)
        self.body.setObjectName("body")
        self.body.setPlaceholderText(self.tr("Body (thân bài), in Markdown"))
        self.body.setTabChangesFocus(False)
        body_font = QFont("Noto Sans")
        body_font.setPointSizeF(11)
        self.body.setFont(body_font)
        self.lead.setFont(body_font)

        self.legacy_bar = LegacyPasteBar(self.body, self)
        self.body.pasted.connect(self.legacy_bar.check)
        self.lead_legacy_bar = LegacyPasteBar(self.lead, self)
        self.lead.pasted.connect(self.lead_legacy_bar.check)

        form = QFormLayout()
        form.addRow(self.tr("Byline"), self.byline)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Section"), self.section)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.headline_hint)
        layout.addWidget(self.lead_legacy_bar)
        layout.addWidget(self.lead)
        layout.addLayout(form)
        layout.addWidget(self.legacy_bar)
        layout.addWidget(self.body, 1)
        self.find_bar = FindReplaceBar(self.body, self.typing, self)
        layout.addWidget(self.find_bar)

        for line in (self.title, self.byline, self.source, self.section):
            line.textChanged.connect(self._edited)
        for edit in (self.lead, self.body):
            edit.textChanged.connect(self._edited)
            edit.pasteRejected.connect(self.pasteRejected)
        self.title.textChanged.connect(self._update_hint)
        self.setEnabled(False)

    @property
    def article_id(self) -> str | None:
        return self._article.id if self._article else None

    def load(self, article: Article | None) -> None:
        """Show ``article`` (or nothing); does not emit ``changed``."""
        self._loading = True
        try:
            self._article = article
            self.setEnabled(article is not None)
            a = article or Article()
            self.title.setText(a.title)
            self.lead.setPlainText(a.lead)
            self.byline.setText(a.byline)
            self.source.setText(a.source)
            self.section.setText(a.section)
            self.body.setPlainText(a.body)
            self.legacy_bar.hide()
            self.lead_legacy_bar.hide()
        finally:
            self._loading = False
        self._update_hint()

    def snapshot(self) -> Article | None:
        """The article as currently edited (NFC), or None when nothing is open."""
        if self._article is None:
            return None
        return self._article.with_content(
            title=self.title.text().strip(),
            lead=self.lead.toPlainText(),
            byline=self.byline.text().strip(),
            source=self.source.text().strip(),
            section=self.section.text().strip(),
            body=self.body.toPlainText(),
        )

    def accept_saved(self, article: Article) -> None:
        """Remember what was stored (revision, times) without touching the text."""
        if self._article is not None and self._article.id == article.id:
            self._article = article

    def convert_text(self, convert: Callable[[str], str]) -> int:
        """Rewrite every field through ``convert`` as an edit (undoable); returns fields changed."""
        changed = 0
        for line in (self.title, self.byline, self.source, self.section):
            new = convert(line.text())
            if new != line.text():
                line.selectAll()
                line.insert(new)
                changed += 1
        for edit in (self.lead, self.body):
            old = edit.toPlainText()
            new = convert(old)
            if new != old:
                cursor = edit.textCursor()
                cursor.select(QTextCursor.SelectionType.Document)
                cursor.insertText(new)
                changed += 1
        return changed

    def set_typing(self, method: str | None, style: str) -> None:
        """Turn the built-in Vietnamese typing on ("telex", "vni") or off (None)."""
        self.typing.method = method
        self.typing.style = style

    def ask_for_headline(self) -> None:
        self.headline_hint.setVisible(True)
        self.title.setFocus()

    def _edited(self) -> None:
        if not self._loading:
            self.changed.emit()

    def _update_hint(self) -> None:
        self.headline_hint.setVisible(self._article is not None and not self.title.text().strip())

