"""The page grid: the rendered page under its blocks, edited by mouse and keyboard.

The canvas shows the page as printed (an image made off the UI thread by
the window) with the column grid and the blocks' outlines on top. A block
is selected by a click or Tab; dragged to move it, or by its lower right
corner to resize it, always snapped to the grid; arrows move the selected
block by a column or a line, Shift+arrows resize it, Delete removes it,
Enter (or a double click) opens its article. An article dropped from the
window's list becomes a block where it is dropped.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from deskapp.makeup.plan import Block, Page
from deskapp.makeup.presets import PagePreset

ARTICLE_MIME = "application/x-deskapp-article"
HANDLE_PX = 10
_KIND_COLOURS = {"headline": "#c0392b", "lead": "#d35400", "body": "#1f6fb2",
                 "photo": "#1e8449", "reserved": "#7f8c8d"}


class PageCanvas(QWidget):
    """Shows one page and its blocks; every edit is reported as the page's new blocks."""

    changed = Signal(object)  # the edited Page
    openArticle = Signal(str)
    dropped = Signal(str, int, int)  # article id, grid column, grid line

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.setMinimumSize(320, 420)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.page: Page | None = None
        self.preset: PagePreset | None = None
        self.image: QImage | None = None
        self.selected = -1
        self.over: set[str] = set()  # ids of over-set blocks, outlined in red
        self._drag: tuple[str, int, Block, int, int] | None = None  # mode, index, start, cell

    # ---- what it shows --------------------------------------------------------------
    def show_page(self, page: Page | None, preset: PagePreset | None) -> None:
        self.page, self.preset = page, preset
        if page is None or self.selected >= len(page.blocks):
            self.selected = -1
        self.update()

    def set_image(self, image: QImage | None) -> None:
        self.image = image
        self.update()

    def select(self, index: int) -> None:
        self.selected = index
        self.update()

    def selected_block(self) -> Block | None:
        if self.page is None or not 0 <= self.selected < len(self.page.blocks):
            return None
        return self.page.blocks[self.selected]

    # ---- geometry ---------------------------------------------------------------------
    def _frame(self) -> tuple[float, float, float]:
        """(left, top, scale) of the page in the widget."""
        assert self.preset is not None
        width, height = self.preset.page_size
        scale = min((self.width() - 8) / width, (self.height() - 8) / height)
        return (self.width() - width * scale) / 2, (self.height() - height * scale) / 2, scale

    def block_rect(self, block: Block) -> QRectF:
        assert self.preset is not None
        left, top, scale = self._frame()
        x, y, width, height = self.preset.rect(block)
        page_height = self.preset.page_size[1]
        return QRectF(left + x * scale, top + (page_height - y - height) * scale,
                      width * scale, height * scale)

    def cell_at(self, point: QPointF) -> tuple[int, int]:
        """The grid column and line under ``point``, kept inside the grid."""
        assert self.preset is not None
        preset = self.preset
        left, top, scale = self._frame()
        x = (point.x() - left) / scale - preset.margins.left
        y = (point.y() - top) / scale - preset.margins.top
        column = int(x // (preset.column_width + preset.gutter))
        line = int(y // preset.leading)
        return (max(0, min(preset.columns - 1, column)), max(0, min(preset.lines - 1, line)))

    def _fitted(self, block: Block) -> Block:
        """``block`` moved back inside the grid, at least one cell large."""
        assert self.preset is not None
        columns = max(1, min(self.preset.columns, block.columns))
        lines = max(1, min(self.preset.lines, block.lines))
        return replace(block, columns=columns, lines=lines,
                       column=max(0, min(self.preset.columns - columns, block.column)),
                       line=max(0, min(self.preset.lines - lines, block.line)))

    # ---- painting ---------------------------------------------------------------------
    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        if self.preset is None:
            painter.end()
            return
        left, top, scale = self._frame()
        width, height = self.preset.page_size
        page_rect = QRectF(left, top, width * scale, height * scale)
        painter.fillRect(page_rect, QColor("white"))
        if self.image is not None:
            painter.drawImage(page_rect, self.image)
        self._paint_grid(painter)
        for index, block in enumerate(self.page.blocks if self.page else ()):
            self._paint_block(painter, index, block)
        painter.end()

    def _paint_grid(self, painter: QPainter) -> None:
        assert self.preset is not None
        painter.setPen(QPen(QColor(0, 120, 215, 50), 1))
        for column in range(self.preset.columns):
            rect = self.block_rect(Block("reserved", column=column, columns=1, line=0,
                                         lines=self.preset.lines))
            painter.drawRect(rect)

    def _paint_block(self, painter: QPainter, index: int, block: Block) -> None:
        rect = self.block_rect(block)
        colour = QColor("#e00000") if block.id in self.over else \
            QColor(_KIND_COLOURS.get(block.kind, "#333333"))
        pen = QPen(colour, 3 if index == self.selected else 1.5)
        if block.id not in self.over and index != self.selected:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRect(rect)
        if index == self.selected:
            handle = QRectF(rect.right() - HANDLE_PX, rect.bottom() - HANDLE_PX,
                            HANDLE_PX, HANDLE_PX)
            painter.fillRect(handle, colour)

    # ---- mouse ------------------------------------------------------------------------
    def _block_at(self, point: QPointF) -> int:
        blocks = self.page.blocks if self.page else ()
        for index in range(len(blocks) - 1, -1, -1):
            if self.block_rect(blocks[index]).contains(point):
                return index
        return -1

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.preset is None or event.button() != Qt.MouseButton.LeftButton:
            return
        point = event.position()
        index = self._block_at(point)
        self.select(index)
        self.setFocus()
        if index < 0:
            return
        block = self.page.blocks[index]  # type: ignore[union-attr]
        rect = self.block_rect(block)
        near_corner = (rect.right() - point.x() <= HANDLE_PX
                       and rect.bottom() - point.y() <= HANDLE_PX)
        column, line = self.cell_at(point)
        self._drag = ("resize" if near_corner else "move", index, block, column, line)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None or self.page is None:
            return
        mode, index, start, column, line = self._drag
        now_column, now_line = self.cell_at(event.position())
        dc, dl = now_column - column, now_line - line
        if mode == "move":
            block = replace(start, column=start.column + dc, line=start.line + dl)
        else:
            block = replace(start, columns=start.columns + dc, lines=start.lines + dl)
        self._set_block(index, self._fitted(block), report=False)

    def mouseReleaseEvent(self, _event: QMouseEvent) -> None:
        if self._drag is None or self.page is None:
            return
        _mode, index, start, _column, _line = self._drag
        self._drag = None
        if self.page.blocks[index] != start:
            self.changed.emit(self.page)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self._block_at(event.position())
        if index >= 0:
            self.select(index)
            self._open_selected()

    # ---- keyboard ---------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        block = self.selected_block()
        key = event.key()
        if key == Qt.Key.Key_Tab and self.page and self.page.blocks:
            self.select((self.selected + 1) % len(self.page.blocks))
            return
        if block is None:
            super().keyPressEvent(event)
            return
        steps = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
                 Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key in steps:
            dc, dl = steps[key]
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                moved = replace(block, columns=block.columns + dc, lines=block.lines + dl)
            else:
                moved = replace(block, column=block.column + dc, line=block.line + dl)
            self._set_block(self.selected, self._fitted(moved), report=True)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            assert self.page is not None
            blocks = list(self.page.blocks)
            del blocks[self.selected]
            self.page = replace(self.page, blocks=tuple(blocks))
            self.selected = min(self.selected, len(blocks) - 1)
            self.update()
            self.changed.emit(self.page)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open_selected()
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, _next: bool) -> bool:
        return False  # Tab walks the blocks

    def _open_selected(self) -> None:
        block = self.selected_block()
        if block is not None and block.article_id:
            self.openArticle.emit(block.article_id)

    def _set_block(self, index: int, block: Block, *, report: bool) -> None:
        assert self.page is not None
        if block.box is not None or self.page.blocks[index] == block:
            return
        blocks = list(self.page.blocks)
        blocks[index] = block
        self.page = replace(self.page, blocks=tuple(blocks))
        self.update()
        if report:
            self.changed.emit(self.page)

    # ---- dropping articles -------------------------------------------------------------
    def dragEnterEvent(self, event: object) -> None:
        if event.mimeData().hasFormat(ARTICLE_MIME) and self.preset is not None:  # type: ignore[attr-defined]
            event.acceptProposedAction()  # type: ignore[attr-defined]

    def dragMoveEvent(self, event: object) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: object) -> None:
        data = event.mimeData()  # type: ignore[attr-defined]
        if not data.hasFormat(ARTICLE_MIME) or self.preset is None:
            return
        article_id = bytes(data.data(ARTICLE_MIME).data()).decode("utf-8")
        column, line = self.cell_at(event.position())  # type: ignore[attr-defined]
        event.acceptProposedAction()  # type: ignore[attr-defined]
        self.dropped.emit(article_id, column, line)
