"""The page view, driven with real widgets: rendered off the UI thread, blocks moved and
resized by keyboard and mouse, articles dropped on the grid, an article opened from its
block, every change saved as the edition's history."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QEvent, QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "makeup"))
from sample_articles import BRIDGE, COFFEE
from sample_edition import PLAN, build_sample

from deskapp.makeup.store import edition_history, find_edition
from deskapp.ui.makeup.page_canvas import ARTICLE_MIME
from deskapp.ui.makeup.page_view import PageView


@pytest.fixture
def view(qtbot, library):
    edition = build_sample(library)
    page_view = PageView(library, edition, "Trần Bình")
    qtbot.addWidget(page_view)
    page_view.show()
    with qtbot.waitSignal(page_view.rendered, timeout=20000):
        pass
    yield page_view
    page_view.job.wait()


def _key(widget, key, modifiers=Qt.KeyboardModifier.NoModifier):
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))


def _select(view, block_id):
    index = next(i for i, b in enumerate(view.canvas.page.blocks) if b.id == block_id)
    view.canvas.select(index)
    return index


def _stored(library):
    return find_edition(library, PLAN["name"])


def test_the_page_is_rendered_with_no_block_over(view):
    assert view.canvas.image is not None and view.canvas.image.width() > 300
    assert view.fits.count() == 0
    assert view.status.text() == "Every block fits."
    assert view.articles.count() == 4  # the approved articles, ready to place


def test_arrows_move_and_shift_arrows_resize_a_block_and_each_change_is_saved(
        view, library, qtbot):
    index = _select(view, "p1-ad")
    _key(view.canvas, Qt.Key.Key_Up)
    moved = _stored(library).page(1).blocks[index]
    assert (moved.column, moved.line) == (0, 75)
    _key(view.canvas, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    resized = _stored(library).page(1).blocks[index]
    assert (resized.columns, resized.lines) == (4, 10)
    # kept inside the grid: the ad cannot leave the page's foot
    for _ in range(30):
        _key(view.canvas, Qt.Key.Key_Down)
    assert _stored(library).page(1).blocks[index].line == 86 - 10
    history = edition_history(library, _stored(library).id)
    assert history[0].kind == "autosave" and history[-1].kind == "save"
    with qtbot.waitSignal(view.rendered, timeout=20000):
        pass


def test_shrinking_a_body_block_lists_it_as_over_set(view, library, qtbot):
    _select(view, "p1-coffee-body")
    with qtbot.waitSignal(view.rendered, timeout=20000):
        for _ in range(10):
            _key(view.canvas, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: view.fits.count() == 1, timeout=20000)
    assert COFFEE.title in view.fits.item(0).text() and "over" in view.fits.item(0).text()
    assert "p1-coffee-body" in view.canvas.over
    assert "over-set" in view.status.text()


def test_a_block_is_dragged_by_the_mouse_on_the_grid(view, library):
    canvas = view.canvas
    index = _select(view, "p1-school-body")
    rect = canvas.block_rect(canvas.page.blocks[index])
    start = QPointF(rect.center())
    step = rect.height() / 56  # the block is 56 lines tall
    end = QPointF(start.x(), start.y() - 5 * step)
    left = Qt.MouseButton.LeftButton
    for kind, point, buttons in ((QEvent.Type.MouseButtonPress, start, left),
                                 (QEvent.Type.MouseMove, end, left),
                                 (QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)):
        QApplication.sendEvent(canvas, QMouseEvent(kind, point, canvas.mapToGlobal(point),
                                                   left, buttons,
                                                   Qt.KeyboardModifier.NoModifier))
    block = _stored(library).page(1).blocks[index]
    assert block.line in (14, 15, 16) and block.column == 4


def test_an_article_dropped_on_the_grid_becomes_a_block(view, library):
    view.kind.setCurrentIndex(view.kind.findData("headline"))
    data = QMimeData()
    data.setData(ARTICLE_MIME, QByteArray(COFFEE.id.encode()))
    canvas = view.canvas
    target = canvas.block_rect(canvas.page.blocks[0]).center()  # over the lead headline
    enter = QDragEnterEvent(target.toPoint(), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    assert QApplication.sendEvent(canvas, enter) and enter.isAccepted()
    drop = QDropEvent(QPointF(target), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(canvas, drop)
    blocks = _stored(library).page(1).blocks
    assert len(blocks) == 12
    assert blocks[-1].kind == "headline" and blocks[-1].article_id == COFFEE.id
    assert blocks[-1].column in (1, 2)


def test_enter_in_the_list_places_the_article_and_delete_removes_it(view, library):
    view.kind.setCurrentIndex(view.kind.findData("body"))
    row = next(i for i in range(view.articles.count())
               if view.articles.item(i).data(Qt.ItemDataRole.UserRole) == BRIDGE.id)
    view.articles.setCurrentRow(row)
    _key(view.articles, Qt.Key.Key_Return)
    stored = _stored(library)
    assert [b.order for _p, b in stored.chain(BRIDGE.id)] == [0, 2, 1]  # after page 2's
    assert view.canvas.hasFocus() or view.canvas.selected == len(stored.page(1).blocks) - 1
    _key(view.canvas, Qt.Key.Key_Delete)
    assert len(_stored(library).page(1).blocks) == 11


def test_enter_on_a_block_opens_its_article(view, qtbot):
    _select(view, "p1-coffee-body")
    with qtbot.waitSignal(view.openArticle, timeout=2000) as opened:
        _key(view.canvas, Qt.Key.Key_Return)
    assert opened.args == [COFFEE.id]


def test_the_window_menu_opens_the_page_view_and_a_block_opens_in_the_editor(window, qtbot):
    build_sample(window.session.library)
    view = window.makeup.open_page_view()
    qtbot.addWidget(view)
    assert view.edition.name == PLAN["name"]
    with qtbot.waitSignal(view.rendered, timeout=20000):
        pass
    _select(view, "p1-body")
    _key(view.canvas, Qt.Key.Key_Return)
    assert window.session.article_id == BRIDGE.id
    view.job.wait()


def test_the_edition_is_exported_from_the_window(view, qtbot, monkeypatch, tmp_path):
    from deskapp.ui.common import file_dialogs

    target = tmp_path / "so245.pdf"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *args, **kwargs: target)
    with qtbot.waitSignal(view.exportFinished, timeout=30000) as done:
        qtbot.mouseClick(view.export, Qt.MouseButton.LeftButton)
    assert done.args == [str(target)]
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(target)
    assert len(document) == 2
    assert "Tiếp theo trang 1" in document[1].get_textpage().get_text_range()
    document.close()
    assert str(target) in view.status.text()


def test_an_unapproved_article_is_named_and_nothing_is_written(qtbot, library, monkeypatch,
                                                              tmp_path):
    from deskapp.ui.common import file_dialogs

    edition = build_sample(library, approve=False)
    page_view = PageView(library, edition, "Trần Bình")
    qtbot.addWidget(page_view)
    with qtbot.waitSignal(page_view.rendered, timeout=20000):
        pass
    assert page_view.articles.count() == 0  # nothing approved to place
    target = tmp_path / "so245.pdf"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *args, **kwargs: target)
    with qtbot.waitSignal(page_view.exportFinished, timeout=30000) as done:
        qtbot.mouseClick(page_view.export, Qt.MouseButton.LeftButton)
    assert done.args == [""]
    assert not target.exists()
    assert BRIDGE.title in page_view.status.text()
    assert "not approved" in page_view.status.text()
    page_view.job.wait()


def test_another_edition_is_chosen_from_the_list(view, library, qtbot):
    from deskapp.makeup.plan import Edition, Page
    from deskapp.makeup.store import save_edition

    other = save_edition(library, Edition("Số 246", "2026-12-06", (Page(1, "broadsheet"),)))
    view._list_editions()
    with qtbot.waitSignal(view.rendered, timeout=20000):
        view.editions.setCurrentIndex(view.editions.findData(other.id))
    assert view.edition.id == other.id
    assert view.canvas.preset.name == "broadsheet" and view.canvas.page.blocks == ()
    assert "Số 246" in view.windowTitle()


def test_space_for_an_advertisement_is_kept_without_an_article(view, library):
    view.kind.setCurrentIndex(view.kind.findData("reserved"))
    view.page_number.setValue(3)  # past the last page: a new page
    assert view.canvas.page.blocks == ()
    view.place.click()
    stored = _stored(library)
    (block,) = stored.page(3).blocks
    assert block.kind == "reserved" and block.article_id == ""
    assert stored.page(3).preset == "tabloid-a3"


def test_a_page_whose_preset_is_gone_gets_a_sentence(qtbot, library):
    from dataclasses import replace as changed

    from deskapp.makeup.store import save_edition

    edition = build_sample(library)
    page = edition.page(2)
    edition = save_edition(library, edition.with_page(changed(page, preset="gone-preset")))
    page_view = PageView(library, edition, "Trần Bình")
    qtbot.addWidget(page_view)
    page_view.page_number.setValue(2)
    assert "gone-preset" in page_view.status.text()
    assert page_view.canvas.page is None
    page_view.page_number.setValue(1)
    assert page_view.canvas.page is not None
    with qtbot.waitSignal(page_view.rendered, timeout=20000):
        pass
    page_view.job.wait()


def test_a_new_edition_is_made_from_the_window(view, library, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from deskapp.makeup.store import list_editions

    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *args, **kwargs: ("Số 247", True)))
    with qtbot.waitSignal(view.rendered, timeout=20000):
        qtbot.mouseClick(view.new_edition, Qt.MouseButton.LeftButton)
    assert view.edition.name == "Số 247"
    assert [page.preset for page in view.edition.pages] == ["tabloid-a3"]
    assert {item.name for item in list_editions(library)} == {"Số 247", PLAN["name"]}
    assert view.editions.currentData() == view.edition.id
    assert view.canvas.page.blocks == ()


def test_the_page_view_fits_a_laptop_screen(qtbot, monkeypatch):
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QWidget

    from deskapp.ui.makeup.page_view import fitted_size

    widget = QWidget()
    qtbot.addWidget(widget)
    screen = widget.screen()
    monkeypatch.setattr(type(screen), "availableGeometry", lambda _self: QRect(0, 0, 1366, 728))
    assert fitted_size(widget, 1100, 900) == (1100, 668)
    monkeypatch.setattr(type(screen), "availableGeometry", lambda _self: QRect(0, 0, 1920, 1040))
    assert fitted_size(widget, 1100, 900) == (1100, 900)
