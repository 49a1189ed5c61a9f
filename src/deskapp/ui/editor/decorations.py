"""Extra selections on a text field, merged from several sources in one place.

Find matches, comment ranges and proofing findings each keep their own
layer; whenever one changes, the layers are combined (comments under
findings under find matches) and given to the widget at once, so no source
wipes out another's marks.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

LAYER_ORDER = ("comments", "proof", "find")
MAX_MARKS = 2000


def utf16_offsets(text: str) -> list[int] | None:
    """Qt counts positions in UTF-16 units: a map from Python indexes when they differ."""
    if not text or max(text) <= "\uffff":
        return None
    offsets, unit = [], 0
    for ch in text:
        offsets.append(unit)
        unit += 2 if ord(ch) > 0xFFFF else 1
    offsets.append(unit)
    return offsets


def to_qt(offsets: list[int] | None, index: int) -> int:
    if offsets is None:
        return index
    return offsets[max(0, min(index, len(offsets) - 1))]


def comment_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(255, 236, 140, 150))
    return fmt


def finding_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(QColor("#d01c1c"))
    return fmt


class Decorations(QObject):
    """The extra selections of one :class:`QPlainTextEdit`, by layer."""

    def __init__(self, edit: QPlainTextEdit) -> None:
        super().__init__(edit)
        self.edit = edit
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}

    def set_layer(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        self._layers[name] = selections
        merged: list[QTextEdit.ExtraSelection] = []
        for layer in LAYER_ORDER:
            merged.extend(self._layers.get(layer, []))
        self.edit.setExtraSelections(merged)

    def set_ranges(self, name: str, ranges: list[tuple[int, int]], fmt: QTextCharFormat) -> None:
        """Mark Python-index ``ranges`` of the field's text with ``fmt``."""
        text = self.edit.toPlainText()
        offsets = utf16_offsets(text)
        selections = []
        for start, end in ranges[:MAX_MARKS]:
            if end <= start or end > len(text):  # found in an older text: wait for the next
                continue
            selections.append(self.selection(to_qt(offsets, start), to_qt(offsets, end), fmt))
        self.set_layer(name, selections)

    def layer(self, name: str) -> list[QTextEdit.ExtraSelection]:
        return list(self._layers.get(name, []))

    def selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.edit.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor  # type: ignore[attr-defined]
        selection.format = fmt  # type: ignore[attr-defined]
        return selection
