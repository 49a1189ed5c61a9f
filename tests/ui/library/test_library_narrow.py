"""The library list stays readable when narrow: two elided lines a hit, heights that follow."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QStyleOptionViewItem

from deskapp.model import Article
from deskapp.ui.library.library_panel import HEADLINE_CHARS
from deskapp.ui.library.library_rows import ELLIPSIS, elide_runs

HEADLINE = "Kon Tum tổng kết năm năm thực hiện quy chế dân chủ ở cơ sở và phong trào thi đua"
BODY = ("Hội nghị dân vận ở Kon Tum bàn về quy chế dân chủ ở cơ sở, về việc lấy ý kiến "
        "nhân dân trước khi làm đường, và về những xã đã làm tốt việc công khai ngân sách.")


def _search(qtbot, window, library, count=6):
    for n in range(count):
        library.create(Article(title=f"{HEADLINE} ({n})", body=BODY))
    panel = window.library_panel
    panel.filter.setText("quy che dan chu")
    window.library_commands.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() == count, timeout=3000)
    assert panel.model.has_html()
    return panel


def _shown(panel, row):
    tree = panel.tree
    index = panel.model.index(row, 0)
    option = QStyleOptionViewItem()
    option.rect = tree.visualRect(index)
    option.font = tree.font()
    option.fontMetrics = tree.fontMetrics()
    title, excerpt = tree.itemDelegateForColumn(0).shown(option, index)
    return "".join(t for t, _m in title), "".join(t for t, _m in excerpt), QRect(option.rect)


def _heights(panel):
    return {panel.tree.visualRect(panel.model.index(row, 0)).height()
            for row in range(panel.model.rowCount())}


def test_hits_are_two_elided_lines_at_a_narrow_width_and_follow_the_width(qtbot, window,
                                                                          library):
    window.resize(1366, 768)
    panel = _search(qtbot, window, library)
    tree = panel.tree
    line = tree.fontMetrics().lineSpacing()
    wide_title, wide_excerpt, _rect = _shown(panel, 0)

    window.printing.act_print_preview.trigger()  # the side area takes a third of the window
    qtbot.waitUntil(lambda: panel.width() < 300, timeout=5000)
    qtbot.waitUntil(lambda: tree.columnWidth(0) >= tree.fontMetrics().averageCharWidth()
                    * HEADLINE_CHARS, timeout=3000)  # the Changed column gave way
    assert tree.header().isSectionHidden(2)
    heights = _heights(panel)
    assert len(heights) == 1 and heights.pop() < 3 * line  # two lines, never wrapped words
    title, excerpt, rect = _shown(panel, 0)
    assert title.endswith(ELLIPSIS) and excerpt.endswith(ELLIPSIS)
    assert title[:-1] and HEADLINE.startswith(title[:-1].rstrip())
    bold = tree.font()
    bold.setBold(True)
    from PySide6.QtGui import QFontMetrics

    assert QFontMetrics(bold).horizontalAdvance(title) <= rect.width()

    window.printing.act_print_preview.trigger()  # closed: the list is wide again at once
    qtbot.waitUntil(lambda: panel.width() > 300, timeout=5000)
    assert not tree.header().isSectionHidden(2)
    heights = _heights(panel)
    assert len(heights) == 1 and heights.pop() < 3 * line
    assert _shown(panel, 0)[:2] == (wide_title, wide_excerpt)  # as before, at once


def test_plain_rows_and_hits_have_one_height_each(qtbot, window, library):
    panel = _search(qtbot, window, library, count=3)
    hit_height = _heights(panel)
    panel.filter.clear()
    window.library_commands.refresh()
    qtbot.waitUntil(lambda: not panel.model.has_html(), timeout=3000)
    plain = _heights(panel)
    assert len(hit_height) == 1 and len(plain) == 1
    assert plain.pop() < hit_height.pop()


def test_elide_runs_keeps_the_matches_and_ends_with_an_ellipsis(qtbot, window):
    metrics = window.library_panel.tree.fontMetrics()
    runs = [("Hội nghị bàn về ", False), ("quy chế", True), (" dân chủ ở cơ sở", False)]
    whole = sum(metrics.horizontalAdvance(text) for text, _m in runs)
    assert elide_runs(runs, lambda _m: metrics, whole) == runs
    cut = elide_runs(runs, lambda _m: metrics, metrics.horizontalAdvance("Hội nghị bàn về quy"))
    assert cut[-1] == (ELLIPSIS, False)
    shown = "".join(text for text, _m in cut[:-1])
    assert shown and "Hội nghị bàn về quy chế".startswith(shown) and shown == shown.rstrip()
    assert sum(metrics.horizontalAdvance(t) for t, _m in cut) <= metrics.horizontalAdvance(
        "Hội nghị bàn về quy")
    assert elide_runs(runs, lambda _m: metrics, 1) == [(ELLIPSIS, False)]
