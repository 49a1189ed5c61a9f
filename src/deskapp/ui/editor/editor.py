"""The article editor: headline, lead, credits and the Markdown body."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from deskapp.model import Article
from deskapp.ui.common.i18n import OwnContextTr
from deskapp.ui.common.theme import set_tone
from deskapp.ui.editor.decorations import Decorations, to_qt, utf16_offsets
from deskapp.ui.editor.legacy_paste import LegacyPasteBar
from deskapp.ui.editor.markdown_edit import MarkdownEdit
from deskapp.ui.editor.text_edit import NfcLineEdit, NfcPlainTextEdit, VietnameseTyping

if TYPE_CHECKING:
    from deskapp.ui.editor.find_replace import FindReplaceBar


class EditorPanel(OwnContextTr, QWidget):
    """Edits one article. ``changed`` fires on every edit; ``snapshot()`` reads it back."""

    changed = Signal()
    pasteRejected = Signal(object)
    targetChanged = Signal(object)
    presetChanged = Signal(str)

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
        set_tone(self.headline_hint, "warning-text")
        self.lead = NfcPlainTextEdit(self, self.typing)
        self.lead.setObjectName("lead")
        self.lead.setPlaceholderText(self.tr("Lead (sapo)"))
        self.lead.setTabChangesFocus(True)
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
        # Three lines of lead in view (a longer lead scrolls): the body keeps the room.
        self.lead.setFixedHeight(round(self.lead.fontMetrics().lineSpacing() * 3
                                       + 2 * self.lead.document().documentMargin()
                                       + 2 * self.lead.frameWidth()) + 2)

        self.legacy_bar = LegacyPasteBar(self.body, self)
        self.body.pasted.connect(self.legacy_bar.check)
        self.lead_legacy_bar = LegacyPasteBar(self.lead, self)
        self.lead.pasted.connect(self.lead_legacy_bar.check)
        self.title_legacy_bar = LegacyPasteBar(self.title, self)
        self.title.pasted.connect(self.title_legacy_bar.check)

        self.target = QSpinBox(self)
        self.target.setObjectName("targetWords")
        self.target.setRange(0, 20000)
        self.target.setSingleStep(50)
        self.target.setSpecialValueText(self.tr("none"))
        self.target.setToolTip(self.tr("The length the desk gave this article"))
        self.target_unit = QComboBox(self)
        self.target_unit.setObjectName("targetUnit")
        self.target_unit.addItem(self.tr("words"), "words")
        self.target_unit.addItem(self.tr("lines"), "lines")
        # Wide enough for the words of the language shown now, also after a switch.
        self.target_unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.target_unit.setToolTip(self.tr("Count the target in words, or in printed lines "
                                            "at the column width of the print preset"))
        self.preset = QComboBox(self)
        self.preset.setObjectName("printPreset")
        self.preset.setToolTip(self.tr("This article's print preset: its column width sets "
                                       "the line count, and File → Export PDF uses it. "
                                       "Other articles keep their own."))
        self.desk_banner = QLabel(self)
        self.desk_banner.setObjectName("deskBanner")
        self.desk_banner.setWordWrap(True)
        set_tone(self.desk_banner, "error", "padding: 6px; border-radius: 4px;")
        self.desk_banner.hide()

        # Three rows of credits, so the body keeps its lines on a laptop screen: byline and
        # source side by side, section and length, then the print preset the whole width
        # (its names are long: "A4 – bài viết (mặc định)").
        form = QFormLayout()
        for line, least in ((self.byline, 120), (self.source, 90), (self.section, 110)):
            line.setMinimumWidth(least)  # a narrow column squeezes the body, not the credits
        credits = QHBoxLayout()
        credits.addWidget(self.byline, 3)
        credits.addSpacing(8)  # a label belongs to the field after it, not the one before
        self.source_label = QLabel(self.tr("Source"), self)
        credits.addWidget(self.source_label)
        credits.addWidget(self.source, 2)
        form.addRow(self.tr("Byline"), credits)
        length = QHBoxLayout()
        length.addWidget(self.section, 1)
        length.addSpacing(8)
        self.length_label = QLabel(self.tr("Length"), self)
        length.addWidget(self.length_label)
        length.addWidget(self.target)
        length.addWidget(self.target_unit)
        form.addRow(self.tr("Section"), length)
        self.preset_label = QLabel(self.tr("Print preset"), self)
        form.addRow(self.preset_label, self.preset)
        form.setVerticalSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)  # every pixel of height goes to the body
        layout.setSpacing(3)
        layout.addWidget(self.desk_banner)
        layout.addWidget(self.title)
        layout.addWidget(self.title_legacy_bar)
        layout.addWidget(self.headline_hint)
        layout.addWidget(self.lead_legacy_bar)
        layout.addWidget(self.lead)
        layout.addLayout(form)
        layout.addWidget(self.legacy_bar)
        layout.addWidget(self.body, 1)
        self.decorations = {"lead": Decorations(self.lead), "body": Decorations(self.body)}
        self._find_bar: FindReplaceBar | None = None
        self._layout = layout  # the find bar goes last, when it is first opened
        self._form = form

        for line in (self.title, self.byline, self.source, self.section):
            line.textChanged.connect(self._edited)
        for edit in (self.lead, self.body):
            edit.textChanged.connect(self._edited)
            edit.pasteRejected.connect(self.pasteRejected)
        # The hint hides when the headline is left, not at its first letter: hiding it
        # mid-word would pull the whole form up a line under the reporter's eyes.
        self.title.editingFinished.connect(self._update_hint)
        self.target.valueChanged.connect(lambda _v: self._target_edited())
        self.target_unit.currentIndexChanged.connect(lambda _i: self._unit_changed())
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.setEnabled(False)

    @property
    def find_bar(self) -> FindReplaceBar:
        """Find and replace under the body, built the first time it is opened."""
        if self._find_bar is None:
            from deskapp.ui.editor.find_replace import FindReplaceBar

            self._find_bar = FindReplaceBar(self.body, self.typing, self, self.decorations["body"])
            self._layout.addWidget(self._find_bar)
        return self._find_bar

    @property
    def article(self) -> Article | None:
        """The article as last loaded or saved (its status, revision, target)."""
        return self._article

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
            for line in (self.title, self.byline, self.source, self.section):
                line.setCursorPosition(0)  # a long headline shows its start, not its end
            self.body.setPlainText(a.body)
            self.target_unit.setCurrentIndex(1 if a.target_lines else 0)
            self._unit_changed()
            self.target.setValue(a.target_lines or a.target_words or 0)
            self.legacy_bar.hide()
            self.lead_legacy_bar.hide()
            self.title_legacy_bar.hide()
        finally:
            self._loading = False
        # An article that arrived with text but no headline (an import, a paste) asks for
        # one; a new empty article has the field's own placeholder and needs no more.
        self.headline_hint.setVisible(bool(a.body.strip() or a.lead.strip())
                                      and not a.title.strip())

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
            target_words=self.target.value() or None if not self._in_lines() else None,
            target_lines=self.target.value() or None if self._in_lines() else None,
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

    # ---- ranges of text, in Python indexes of each field's text ---------------
    def field_widget(self, name: str) -> QLineEdit | NfcPlainTextEdit | None:
        return {"title": self.title, "lead": self.lead, "body": self.body,
                "byline": self.byline, "source": self.source,
                "section": self.section}.get(name)

    def field_text(self, name: str) -> str:
        widget = self.field_widget(name)
        if isinstance(widget, QLineEdit):
            return widget.text()
        return widget.toPlainText() if widget is not None else ""

    def select_range(self, name: str, start: int, end: int) -> bool:
        """Select ``field[start:end]`` and show it; False if the range is not there."""
        widget = self.field_widget(name)
        text = self.field_text(name)
        if widget is None or not 0 <= start <= end <= len(text):
            return False
        offsets = utf16_offsets(text)
        qt_start, qt_end = to_qt(offsets, start), to_qt(offsets, end)
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.setSelection(qt_start, qt_end - qt_start)
            return True
        cursor = widget.textCursor()
        cursor.setPosition(qt_start)
        cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
        widget.ensureCursorVisible()
        return True

    def selected_range(self) -> tuple[str, int, int] | None:
        """(field, start, end) of the selection in the headline, lead, body or byline."""
        for name in ("body", "lead", "title", "byline"):
            widget = self.field_widget(name)
            if isinstance(widget, QLineEdit):
                if not widget.hasSelectedText() or not widget.hasFocus():
                    continue
                qt_start = widget.selectionStart()
                qt_end = qt_start + len(widget.selectedText().encode("utf-16-le")) // 2
            elif widget is not None:
                cursor = widget.textCursor()
                if not cursor.hasSelection():
                    continue
                qt_start, qt_end = cursor.selectionStart(), cursor.selectionEnd()
            else:
                continue
            return name, *_python_range(self.field_text(name), qt_start, qt_end)
        return None

    def replace_text(self, name: str, new: str) -> bool:
        """Change a field to ``new`` by replacing only what differs, as one undoable edit."""
        widget = self.field_widget(name)
        old = self.field_text(name)
        if widget is None or new == old:
            return False
        start = 0
        while start < min(len(old), len(new)) and old[start] == new[start]:
            start += 1
        end_old, end_new = len(old), len(new)
        while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
            end_old -= 1
            end_new -= 1
        offsets = utf16_offsets(old)
        qt_start, qt_end = to_qt(offsets, start), to_qt(offsets, end_old)
        if isinstance(widget, QLineEdit):
            widget.setSelection(qt_start, qt_end - qt_start)
            widget.insert(new[start:end_new])
            return True
        cursor = QTextCursor(widget.document())
        cursor.setPosition(qt_start)
        cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(new[start:end_new])
        return True

    def set_typing(self, method: str | None, style: str) -> None:
        """Turn the built-in Vietnamese typing on ("telex", "vni") or off (None)."""
        self.typing.method = method
        self.typing.style = style

    def show_credits(self, on: bool) -> None:
        """Show or hide the credits and length rows (focus mode keeps the text alone)."""
        for row in range(self._form.rowCount()):
            self._form.setRowVisible(row, on)

    def ask_for_headline(self) -> None:
        self.headline_hint.setVisible(True)
        self.title.setFocus()

    def _edited(self) -> None:
        if not self._loading:
            self.changed.emit()

    def set_presets(self, presets: list[tuple[str, str]], current: str) -> None:
        """Offer these (name, title) print presets, ``current`` chosen; no signal."""
        self.preset.blockSignals(True)
        try:
            self.preset.clear()
            for name, title in presets:
                self.preset.addItem(title or name, name)
            index = self.preset.findData(current)
            if index < 0:
                self.preset.addItem(current, current)
                index = self.preset.count() - 1
            self.preset.setCurrentIndex(index)
        finally:
            self.preset.blockSignals(False)

    def preset_name(self) -> str:
        return str(self.preset.currentData() or "a4-article")

    def _preset_chosen(self, _index: int) -> None:
        self.presetChanged.emit(self.preset_name())

    def _in_lines(self) -> bool:
        return self.target_unit.currentData() == "lines"

    def _unit_changed(self) -> None:
        self.target.setSingleStep(5 if self._in_lines() else 50)
        self._target_edited()

    def _target_edited(self) -> None:
        if not self._loading and self._article is not None:
            value = self.target.value() or None
            lines = self._in_lines()
            self._article.target_words = None if lines else value
            self._article.target_lines = value if lines else None
            self.targetChanged.emit(value)

    def _update_hint(self) -> None:
        """Hide the hint once a headline has been typed and left (it never appears here)."""
        if self.title.text().strip():
            self.headline_hint.hide()



def _python_range(text: str, qt_start: int, qt_end: int) -> tuple[int, int]:
    """Qt's UTF-16 positions back to indexes of ``text``."""
    offsets = utf16_offsets(text)
    if offsets is None:
        return qt_start, qt_end
    return offsets.index(qt_start), offsets.index(qt_end)
