"""How a row of the library list reads: its roles, a search hit's lines, their drawing.

A search hit is drawn as two elided lines (the headline, then the excerpt with
its matches marked) by :class:`HitDelegate`; its whole text, as rich text, is
the row's tooltip.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtWidgets import (
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from deskapp.store import ArticleSummary

if TYPE_CHECKING:
    from PySide6.QtGui import QFont, QFontMetrics, QPainter

    from deskapp.store.search import SearchHit

ID_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1  # a search hit in full, as rich text (its tooltip)
LINES_ROLE = Qt.ItemDataRole.UserRole + 2  # a search hit's two lines, as runs to draw
ELLIPSIS = "…"
MATCH_BACKGROUND = "#fff0a8"

Row: TypeAlias = "ArticleSummary | SearchHit"


def is_hit(row: Row) -> bool:
    """A search hit (the rows are either the library's summaries or hits)."""
    return not isinstance(row, ArticleSummary)



def row_html(title: str, row: Row) -> str:
    """Headline, and for a search hit the whole excerpt with its matches in bold."""
    import html

    text = f"<b>{html.escape(title)}</b>" if is_hit(row) else html.escape(title)
    if is_hit(row) and row.snippet:
        marked = html.escape(row.marked("\x01", "\x02"))
        marked = marked.replace("\x01", f"<b style='background:{MATCH_BACKGROUND}'>")
        text += "<br>" + marked.replace("\x02", "</b>")
    return text


Run: TypeAlias = tuple[str, bool]  # a piece of a line, and whether it is a match


def hit_lines(title: str, row: Row) -> tuple[str, list[Run]]:
    """A search hit's headline and its excerpt as runs (matches marked)."""
    import re

    runs: list[Run] = []
    last = 0
    for start, end in row.highlights:
        runs += [(row.snippet[last:start], False), (row.snippet[start:end], True)]
        last = end
    runs.append((row.snippet[last:], False))
    return title, [(re.sub(r"\s+", " ", text), match) for text, match in runs if text]


def elide_runs(runs: list[Run], metrics: Callable[[bool], QFontMetrics],
               width: int) -> list[Run]:
    """``runs`` cut to fit ``width`` pixels, closed by "…" when something was cut.

    ``metrics(match)`` measures a run (matches are drawn bold).
    """
    if sum(metrics(match).horizontalAdvance(text) for text, match in runs) <= width:
        return runs
    room = width - metrics(False).horizontalAdvance(ELLIPSIS)
    shown: list[Run] = []
    for text, match in runs:
        advance = metrics(match).horizontalAdvance
        wide = advance(text)
        if wide <= room:
            shown.append((text, match))
            room -= wide
            continue
        low, high = 0, len(text)  # the longest prefix that fits
        while low < high:
            middle = (low + high + 1) // 2
            if advance(text[:middle]) <= room:
                low = middle
            else:
                high = middle - 1
        shown.append((text[:low], match))
        break
    while shown and not shown[-1][0].rstrip():  # no space before the "…"
        shown.pop()
    if shown:
        shown[-1] = (shown[-1][0].rstrip(), shown[-1][1])
    return [*shown, (ELLIPSIS, False)]


class HitDelegate(QStyledItemDelegate):
    """Draws a search hit as two elided lines: the headline in bold, the excerpt below.

    Matches in the excerpt are bold on a light yellow. Both lines end in "…"
    where the column is too narrow, never wrap, and the row's height does not
    depend on the column's width, so every row keeps the same height whatever
    the window's arrangement. Other rows take the stock path: one line, elided.
    """

    PAD = 2

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        if index.data(LINES_ROLE) is None:
            super().paint(painter, option, index)
            return
        # Loaded with the first search hit drawn: a plain list never needs them.
        from PySide6.QtGui import QColor, QPalette
        from PySide6.QtWidgets import QStyle

        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""
        style = options.widget.style() if options.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter,
                              options.widget)
        selected = bool(options.state & QStyle.StateFlag.State_Selected)
        palette = options.palette
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected
                                    else QPalette.ColorRole.Text)
        excerpt_colour = text_colour if selected else palette.color(
            QPalette.ColorRole.PlaceholderText)
        fonts = self._fonts(options)
        line = self._line_height(options)
        rect = options.rect.adjusted(self.PAD + 2, self.PAD, -self.PAD, -self.PAD)
        title, excerpt = self.shown(options, index)
        painter.save()
        painter.setClipRect(options.rect)
        for number, (runs, colour) in enumerate(((title, text_colour),
                                                 (excerpt, excerpt_colour))):
            top = rect.top() + number * line
            x = rect.left()
            for text, match in runs:
                bold = match or number == 0
                painter.setFont(fonts[bold])
                metrics = painter.fontMetrics()
                width = metrics.horizontalAdvance(text)
                baseline = top + line - metrics.descent() - 1
                if match and number == 1:
                    painter.fillRect(x, top + 1, width, line - 1, QColor(MATCH_BACKGROUND))
                    painter.setPen(QColor("#000000"))
                else:
                    painter.setPen(colour)
                painter.drawText(x, baseline, text)
                x += width
        painter.restore()

    def shown(self, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> tuple[list[Run], list[Run]]:
        """The two lines as drawn in ``option.rect``: headline runs and excerpt runs."""
        title, excerpt = index.data(LINES_ROLE)
        fonts = self._fonts(option)
        width = option.rect.width() - 2 * self.PAD - 2
        from PySide6.QtGui import QFontMetrics

        bold, plain = QFontMetrics(fonts[True]), QFontMetrics(fonts[False])
        return (elide_runs([(title, True)], lambda _m: bold, width),
                elide_runs(excerpt, lambda match: bold if match else plain, width))

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        if index.data(LINES_ROLE) is None:
            # Room above the line for capitals with two marks (Ấ, Ắ, Ể): the
            # font's ascent alone clips them in a tight row.
            return QSize(hint.width(), hint.height() + option.fontMetrics.height() // 2)
        return QSize(hint.width(), 2 * self._line_height(option) + 2 * self.PAD)

    @staticmethod
    def _line_height(option: QStyleOptionViewItem) -> int:
        """A line with room for capitals with two marks above the ascent."""
        metrics = option.fontMetrics
        return metrics.height() + metrics.height() // 4

    @staticmethod
    def _fonts(option: QStyleOptionViewItem) -> dict[bool, QFont]:
        from PySide6.QtGui import QFont

        bold = QFont(option.font)
        bold.setBold(True)
        return {False: QFont(option.font), True: bold}
