"""Find and replace in the body, optionally ignoring diacritics ("quy che" finds "quy chế").

Folding maps each character on its own (``fold`` of an NFC letter is one
letter, đ → d included), so positions in the folded text map straight back to
the original; a character that folds to several (ß → ss) is mapped through a
table of origins instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QToolButton,
    QWidget,
)

from deskapp.text import fold
from deskapp.ui.common.i18n import plural
from deskapp.ui.common.shortcuts import keys
from deskapp.ui.editor.decorations import Decorations, to_qt, utf16_offsets
from deskapp.ui.editor.text_edit import NfcLineEdit, VietnameseTyping

_FOLDED: dict[str, str] = {}


def _fold_char(ch: str) -> str:
    folded = _FOLDED.get(ch)
    if folded is None:
        folded = _FOLDED[ch] = fold(ch)
    return folded


def _keyed(text: str, ignore_diacritics: bool, match_case: bool) -> tuple[str, list[int] | None]:
    """The text as compared, and the original index of each of its characters (None when
    the two line up one to one)."""
    if ignore_diacritics:
        pieces = [_fold_char(ch) for ch in text]
    elif match_case:
        return text, None
    else:
        pieces = [ch.casefold() for ch in text]
    keyed = "".join(pieces)
    if len(keyed) == len(text):
        return keyed, None
    origin = [i for i, piece in enumerate(pieces) for _ in piece]
    return keyed, origin


def find_spans(text: str, needle: str, *, ignore_diacritics: bool = False,
               match_case: bool = False) -> list[tuple[int, int]]:
    """(start, end) of every match of ``needle`` in ``text``, as indexes into ``text``."""
    if not needle:
        return []
    haystack, origin = _keyed(text, ignore_diacritics, match_case)
    key, _ = _keyed(needle, ignore_diacritics, match_case)
    if not key:
        return []
    spans = []
    start = haystack.find(key)
    while start >= 0:
        end = start + len(key)
        if origin is None:
            spans.append((start, end))
        else:
            spans.append((origin[start], origin[end - 1] + 1))
        start = haystack.find(key, end)
    return spans


class FindReplaceBar(QWidget):
    """A bar under the body: find (Ctrl+F), replace (Ctrl+H), Escape closes it."""

    matchesChanged = Signal(int)

    def __init__(self, edit: QPlainTextEdit, typing: VietnameseTyping,
                 parent: QWidget | None = None, decorations: Decorations | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findReplaceBar")
        self.edit = edit
        self.decorations = decorations or Decorations(edit)
        self.spans: list[tuple[int, int]] = []
        self.current = -1
        self._stale = True
        self._offsets: list[int] | None = None
        self.find_field = NfcLineEdit(self, typing)
        self.find_field.setObjectName("findField")
        self.find_field.setPlaceholderText(self.tr("Find"))
        self.find_field.setClearButtonEnabled(True)
        self.replace_field = NfcLineEdit(self, typing)
        self.replace_field.setObjectName("replaceField")
        self.replace_field.setPlaceholderText(self.tr("Replace with"))
        self.ignore_diacritics = QCheckBox(self.tr("Ignore diacritics"), self)
        self.ignore_diacritics.setToolTip(self.tr("“quy che” also finds “quy chế”, "
                                                  "“dong” finds “đồng”"))
        self.ignore_diacritics.setChecked(True)
        self.match_case = QCheckBox(self.tr("Match case"), self)
        self.count_label = QLabel(self)
        self.previous_button = QPushButton(self.tr("Previous"), self)
        self.next_button = QPushButton(self.tr("Next"), self)
        self.replace_button = QPushButton(self.tr("Replace"), self)
        self.replace_all_button = QPushButton(self.tr("Replace all"), self)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self.close_button.setAutoRaise(True)

        grid = QGridLayout(self)
        grid.setContentsMargins(4, 2, 4, 2)
        grid.addWidget(self.find_field, 0, 0)
        grid.addWidget(self.previous_button, 0, 1)
        grid.addWidget(self.next_button, 0, 2)
        grid.addWidget(self.count_label, 0, 3)
        grid.addWidget(self.close_button, 0, 4)
        grid.addWidget(self.replace_field, 1, 0)
        grid.addWidget(self.replace_button, 1, 1)
        grid.addWidget(self.replace_all_button, 1, 2)
        grid.addWidget(self.ignore_diacritics, 2, 0)
        grid.addWidget(self.match_case, 2, 1, 1, 2)
        grid.setColumnStretch(0, 1)
        self._replace_widgets = (self.replace_field, self.replace_button,
                                 self.replace_all_button)

        self.find_field.textChanged.connect(lambda _t: self._search(keep_position=True))
        self.find_field.returnPressed.connect(self.find_next)
        self.replace_field.returnPressed.connect(self.replace_current)
        self.ignore_diacritics.toggled.connect(lambda _on: self._search(keep_position=True))
        self.match_case.toggled.connect(lambda _on: self._search(keep_position=True))
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button.clicked.connect(self.close_bar)
        self.edit.document().contentsChanged.connect(self._document_changed)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_bar)
        previous = QShortcut(keys("Shift+Return"), self.find_field)
        previous.setContext(Qt.ShortcutContext.WidgetShortcut)
        previous.activated.connect(self.find_previous)
        self.hide()

    # ---- opening and closing ------------------------------------------------
    def open_find(self, replace: bool = False) -> None:
        for widget in self._replace_widgets:
            widget.setVisible(replace)
        self.show()
        selected = self.edit.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_field.setText(selected)
        field = self.replace_field if replace and self.find_field.text() else self.find_field
        field.setFocus()
        field.selectAll()
        self._search(keep_position=True)

    def close_bar(self) -> None:
        self.hide()
        self.decorations.set_layer("find", [])
        self.edit.setFocus()

    # ---- searching ----------------------------------------------------------
    def find_next(self) -> bool:
        return self._step(1)

    def find_previous(self) -> bool:
        return self._step(-1)

    def replace_current(self) -> bool:
        """Replace the selected match and move to the next one."""
        self._refresh()
        cursor = self.edit.textCursor()
        span = self._qt_span(self.current) if 0 <= self.current < len(self.spans) else None
        if span is None or (cursor.selectionStart(), cursor.selectionEnd()) != span:
            return self.find_next()
        cursor.insertText(self.replace_field.text())
        self.edit.setTextCursor(cursor)
        self._search(keep_position=True)
        return self.find_next()

    def replace_all(self) -> int:
        """Replace every match in one edit (one undo); returns how many."""
        self._refresh()
        if not self.spans:
            return 0
        cursor = QTextCursor(self.edit.document())
        cursor.beginEditBlock()
        for index in reversed(range(len(self.spans))):
            start, end = self._qt_span(index)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(self.replace_field.text())
        cursor.endEditBlock()
        count = len(self.spans)
        self._search(keep_position=False)
        self.count_label.setText(self.tr("%n replaced", "", count))
        return count

    def _step(self, direction: int) -> bool:
        self._refresh()
        if not self.spans:
            return False
        cursor = self.edit.textCursor()
        position = cursor.selectionEnd() if direction > 0 else cursor.selectionStart()
        starts = [self._qt_span(i) for i in range(len(self.spans))]
        if direction > 0:
            index = next((i for i, (s, _e) in enumerate(starts) if s >= position), 0)
        else:
            index = next((i for i in reversed(range(len(starts))) if starts[i][1] <= position),
                         len(starts) - 1)
        self._select(index)
        return True

    def _select(self, index: int) -> None:
        self.current = index
        start, end = self._qt_span(index)
        cursor = self.edit.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.edit.setTextCursor(cursor)
        self.edit.ensureCursorVisible()
        self._show_count()

    def _search(self, keep_position: bool) -> None:
        text = self.edit.toPlainText()
        self.spans = find_spans(text, self.find_field.text(),
                                ignore_diacritics=self.ignore_diacritics.isChecked(),
                                match_case=self.match_case.isChecked())
        self._offsets = utf16_offsets(text)
        self._stale = False
        self.current = -1
        if keep_position and self.spans:
            anchor = self.edit.textCursor().selectionStart()
            self.current = next((i for i in range(len(self.spans))
                                 if self._qt_span(i)[0] >= anchor), 0)
        self._highlight()
        self._show_count()
        self.matchesChanged.emit(len(self.spans))

    def _refresh(self) -> None:
        if self._stale:
            self._search(keep_position=True)

    def _qt_span(self, index: int) -> tuple[int, int]:
        start, end = self.spans[index]
        return to_qt(self._offsets, start), to_qt(self._offsets, end)

    def _highlight(self) -> None:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(255, 214, 0, 110))
        selections = []
        for index in range(min(len(self.spans), 2000)):
            start, end = self._qt_span(index)
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.edit.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor  # type: ignore[attr-defined]
            selection.format = fmt  # type: ignore[attr-defined]
            selections.append(selection)
        self.decorations.set_layer("find", selections)

    def _show_count(self) -> None:
        if not self.find_field.text():
            self.count_label.setText("")
        elif not self.spans:
            self.count_label.setText(self.tr("No match"))
        elif self.current >= 0:
            self.count_label.setText(self.tr("%1 of %2").replace("%1", str(self.current + 1))
                                     .replace("%2", str(len(self.spans))))
        else:
            self.count_label.setText(plural(self.tr("%n match(es)", "", len(self.spans)),
                                           len(self.spans)))

    def _document_changed(self) -> None:
        if not self.isVisible():
            self._stale = True
            return
        self._stale = True
        if self.spans:
            self.decorations.set_layer("find", [])
