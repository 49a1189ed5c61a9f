"""Room to write: at 1366×768 the text keeps 20 lines, whatever panel is open; focus mode."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QDockWidget, QToolBar

from deskapp.model import Article
from deskapp.render.html import article_html
from deskapp.ui.shell import window_state
from deskapp.ui.shell.main_window import MainWindow
from deskapp.ui.shell.profile import Profile, save_profile

LAPTOP = (1366, 768)
LINES = "\n".join(f"Dòng {n}: phóng viên viết bài ở Kon Tum." for n in range(200))


def full_lines(body) -> int:
    """The body's lines wholly on screen (one block a line: the lines are short)."""
    height = body.viewport().height()
    block, shown = body.document().begin(), 0
    while block.isValid():
        cursor = body.textCursor()
        cursor.setPosition(block.position())
        rect = body.cursorRect(cursor)
        if rect.top() >= 0 and rect.bottom() <= height:
            shown += 1
        block = block.next()
    return shown


def start(qtbot, library, role: str, size=LAPTOP) -> MainWindow:
    save_profile(library, Profile("Lan", role))
    article = library.create(Article(title="Ghi chép", body=LINES))
    library.set_setting("last_article", article.id)
    win = MainWindow(library, user="Lan", render_html=article_html)
    qtbot.addWidget(win)
    win.resize(*size)
    with qtbot.waitSignal(win.settled, timeout=5000):
        win.show()
    assert win.size().toTuple() == size
    assert win.editor.article_id == article.id
    return win


def window_docks(win: MainWindow) -> list[QDockWidget]:
    return [dock for dock in win.findChildren(QDockWidget) if dock.parent() is win]


def toolbars(win: MainWindow) -> list[QToolBar]:
    return [bar for bar in win.findChildren(QToolBar) if bar.parent() is win]


@pytest.mark.parametrize("role", ["reporter", "editor"])
def test_a_first_start_on_a_laptop_shows_twenty_lines(qtbot, library, role):
    win = start(qtbot, library, role)
    assert not any(dock.isVisible() for dock in window_docks(win))
    assert full_lines(win.editor.body) >= 20
    win.close()


@pytest.mark.parametrize("role", ["reporter", "editor"])
def test_panels_opened_on_demand_leave_twenty_lines(qtbot, library, role):
    win = start(qtbot, library, role)
    review, body = win.review, win.editor.body
    opened = [
        (lambda: win.desk_commands.act_proof.trigger(), review.proof_dock),
        (lambda: win.desk_commands.act_comment.trigger(), review.comments_dock),
        (lambda: win.desk_commands.show_review("submit"), review.history_dock),
        (lambda: win.printing.show_preflight([]), lambda: win.printing.preflight_dock),
        (lambda: win.printing.act_print_preview.trigger(), lambda: win.printing.print_preview_dock),
    ]
    for open_panel, dock in opened:
        open_panel()
        dock = dock() if callable(dock) else dock
        qtbot.waitUntil(lambda dock=dock: not dock.visibleRegion().isEmpty(), timeout=3000)
        assert win.dockWidgetArea(dock) == win.dockWidgetArea(review.proof_dock)
        assert full_lines(body) >= 20, dock.objectName()
    # Every panel is a tab of the one side area: the body keeps the window's height.
    shown = [d for d in window_docks(win) if d.isVisible()]
    assert len(shown) == 5
    assert all(win.tabifiedDockWidgets(d) for d in shown)
    assert body.viewport().height() > win.height() // 2
    win.close()


def test_each_role_keeps_its_own_side_panels(qtbot, library):
    win = start(qtbot, library, "reporter")
    review = win.review
    win.desk_commands.act_proof.trigger()
    assert review.proof_dock.isVisible()
    win.preferences.set_profile(Profile("Lan", "editor"))
    assert not review.proof_dock.isVisible()  # the editor's first arrangement: none open
    review.history_dock.toggleViewAction().trigger()
    assert review.history_dock.isVisible()
    win.preferences.set_profile(Profile("Lan", "reporter"))
    assert review.proof_dock.isVisible() and not review.history_dock.isVisible()
    win.preferences.set_profile(Profile("Lan", "editor"))
    win.close()

    again = MainWindow(library, user="Lan", render_html=article_html)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.settled, timeout=5000):
        again.show()
    assert again.review.history_dock.isVisible() and not again.review.proof_dock.isVisible()
    again.preferences.set_profile(Profile("Lan", "reporter"))
    assert again.review.proof_dock.isVisible() and not again.review.history_dock.isVisible()
    again.close()


def test_focus_mode_leaves_the_text_and_the_status_line_and_restores_all(qtbot, library):
    win = start(qtbot, library, "reporter")
    view, review = win.view_actions, win.review
    win.desk_commands.act_proof.trigger()
    review.history_dock.toggleViewAction().trigger()  # History in front, Proofing behind
    win.printing.act_print_preview.trigger()
    review.history_dock.raise_()
    docks_before = {d.objectName(): d.isVisible() for d in window_docks(win)}
    front_before = {d.objectName() for d in window_docks(win) if not d.visibleRegion().isEmpty()}
    assert front_before == {"historyDock"}
    lines_before = full_lines(win.editor.body)
    assert all(bar.isVisible() for bar in toolbars(win)) and toolbars(win)

    win.editor.body.setFocus()
    view.focus_mode.trigger()  # F11
    assert view.in_focus_mode() and view.focus_mode.isChecked()
    assert win.library_panel.isHidden() and win.preview.isHidden()
    assert not any(dock.isVisible() for dock in window_docks(win))
    assert not any(bar.isVisible() for bar in toolbars(win))
    assert win.statusBar().isVisible() and win.editor.body.isVisible()
    assert win.editor.title.isVisible() and not win.editor.byline.isVisible()
    qtbot.waitUntil(lambda: full_lines(win.editor.body) > lines_before, timeout=3000)  # bars'

    view.focus_mode.trigger()
    assert not view.in_focus_mode()
    assert win.library_panel.isVisible() and win.preview.isVisible()
    assert {d.objectName(): d.isVisible() for d in window_docks(win)} == docks_before
    qtbot.waitUntil(lambda: {d.objectName() for d in window_docks(win)
                             if not d.visibleRegion().isEmpty()} == front_before, timeout=3000)
    assert all(bar.isVisible() for bar in toolbars(win))
    assert win.editor.byline.isVisible() and win.editor.preset.isVisible()
    win.close()


def test_closing_in_focus_mode_remembers_the_panels_as_they_were(qtbot, library):
    win = start(qtbot, library, "reporter")
    win.desk_commands.act_proof.trigger()
    win.view_actions.set_focus_mode(True)
    win.close()
    again = MainWindow(library, user="Lan", render_html=article_html)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.settled, timeout=5000):
        again.show()
    assert again.review.proof_dock.isVisible()
    assert all(bar.isVisible() for bar in toolbars(again))
    assert not again.view_actions.in_focus_mode()
    again.close()


def test_a_first_start_fits_the_screen(qtbot, library, monkeypatch):
    win = MainWindow(library, user="Lan", render_html=article_html)
    qtbot.addWidget(win)
    area = win.screen().availableGeometry()
    assert win.width() <= area.width() and win.height() <= area.height()
    assert win.size().toTuple() == window_state.DEFAULT_SIZE  # the test screen is 1920×1080

    laptop = QRect(0, 0, 1366, 768 - 32)  # a laptop less its panel
    monkeypatch.setattr(type(win.screen()), "availableGeometry", lambda _screen: laptop)
    window_state.fit_screen(win)
    assert win.width() == 1366
    assert win.height() <= laptop.height() - window_state.FRAME_ALLOWANCE


@pytest.mark.parametrize("size", [LAPTOP, (1920, 1080)])
def test_a_panel_takes_its_room_from_the_preview_and_library_not_the_text(qtbot, library,
                                                                          size):
    win = start(qtbot, library, "editor", size)
    editor_before = win.editor.width()
    library_before, _, preview_before = win.splitter.sizes()
    win.desk_commands.act_proof.trigger()  # through the menu's action, as a person does
    dock = win.review.proof_dock
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty(), timeout=3000)
    qtbot.waitUntil(lambda: win.splitter.sizes()[2] < preview_before, timeout=3000)
    qtbot.wait(50)
    assert win.editor.width() >= editor_before - 4
    library_after, _, preview_after = win.splitter.sizes()
    assert preview_after < preview_before and library_after <= library_before
    # A second panel joins the first as a tab: nothing moves again.
    sizes = win.splitter.sizes()
    win.desk_commands.act_comment.trigger()
    qtbot.wait(100)
    assert win.splitter.sizes() == sizes
    # Closed, the text and its neighbours share the width as before; open again, the same.
    win.side.hide_all()
    qtbot.wait(100)
    win.desk_commands.act_proof.trigger()
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty(), timeout=3000)
    qtbot.wait(100)
    assert win.editor.width() >= editor_before - 4
    win.close()


def test_the_print_preview_shows_its_preset_whole_at_a_quarter_of_a_laptop(qtbot, library):
    win = start(qtbot, library, "editor")
    win.printing.act_print_preview.trigger()
    preview = win.printing.print_preview
    dock = win.printing.print_preview_dock
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty(), timeout=3000)
    qtbot.wait(100)
    box = preview.preset_box
    room = box.width() - box.style().pixelMetric(box.style().PixelMetric.PM_ScrollBarExtent) - 12
    assert box.fontMetrics().horizontalAdvance(box.currentText()) <= room, box.currentText()
    for check in (preview.for_print, preview.pdfx_box):
        assert check.width() >= check.sizeHint().width(), check.text()
    win.close()
