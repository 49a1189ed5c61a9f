"""The library list loads page by page, keeps its place and selection, selects several rows."""

from PySide6.QtCore import QItemSelectionModel, Qt

from deskapp.model import Article
from deskapp.store.library import PAGE_SIZE
from qt_helpers import type_text

MANY = 2 * PAGE_SIZE + 50


def _fill(library, count=MANY):
    with library.transaction():
        for n in range(count):
            library.create(Article(title=f"Bài số {n:04d}", body="Nội dung.",
                                   status="submitted" if n % 10 == 0 else "draft"))


def _scroll_to_the_end(qtbot, panel):
    bar = panel.tree.verticalScrollBar()
    for _ in range(50):
        before = panel.model.rowCount()
        bar.setValue(bar.maximum())
        qtbot.wait(10)
        if panel.model.rowCount() == before and not panel.model.canFetchMore():
            return


def test_the_list_loads_a_page_then_more_as_it_scrolls(qtbot, window, library):
    _fill(library)
    window.library_commands.refresh()
    panel = window.library_panel
    assert panel.model.rowCount() == PAGE_SIZE
    assert panel.model.canFetchMore()
    panel.tree.verticalScrollBar().setValue(panel.tree.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: panel.model.rowCount() > PAGE_SIZE, timeout=3000)
    _scroll_to_the_end(qtbot, panel)
    ids = panel.ids()
    assert len(ids) == MANY + 1 == len(set(ids))
    assert ids == [s.id for s in library.list()]
    assert panel.model.index(MANY, 0).data() == "Chào mừng đến với Deskapp"  # the oldest


def test_a_to_z_and_status_filter_page_too(qtbot, window, library):
    _fill(library)
    panel = window.library_panel
    panel.by_title.setChecked(True)
    assert panel.model.rowCount() == PAGE_SIZE
    assert panel.model.index(0, 0).data() == "Bài số 0000"
    _scroll_to_the_end(qtbot, panel)
    assert panel.ids() == [s.id for s in library.list(sort="title")]
    panel.show_status("submitted")
    assert panel.status_filter.currentText() == f"Submitted ({MANY // 10})"
    assert panel.model.rowCount() == MANY // 10
    assert {library.get(i).status for i in panel.ids()} == {"submitted"}


def test_saving_keeps_the_place_and_the_selection(qtbot, window, library):
    _fill(library)
    panel = window.library_panel
    panel.by_title.setChecked(True)
    _scroll_to_the_end(qtbot, panel)
    loaded = panel.model.rowCount()
    target = panel.model.index(MANY - 20, 0)
    panel.tree.setCurrentIndex(target)
    article_id = panel.model.id_at(target.row())
    assert window.editor.article_id == article_id
    panel.tree.scrollTo(target)
    scrolled = panel.tree.verticalScrollBar().value()
    assert scrolled > 0
    type_text(window.editor.body, " Thêm.")
    assert window.session.save()
    assert panel.model.rowCount() == loaded
    assert panel.current_id() == article_id
    assert panel.selected_ids() == [article_id]
    assert panel.tree.verticalScrollBar().value() == scrolled
    assert window.editor.article_id == article_id


def test_several_rows_can_be_selected(qtbot, window, library):
    _fill(library, 10)
    window.library_commands.refresh()
    panel = window.library_panel
    tree, model = panel.tree, panel.model
    tree.setFocus()
    tree.setCurrentIndex(model.index(1, 0))
    assert window.editor.article_id == model.id_at(1)
    for _ in range(3):
        qtbot.keyClick(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert panel.selected_ids() == [model.id_at(row) for row in (1, 2, 3, 4)]
    tree.selectionModel().select(model.index(7, 0), QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)
    assert panel.selected_ids() == [model.id_at(row) for row in (1, 2, 3, 4, 7)]
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # a plain key goes back to one row, and opens it
    assert panel.selected_ids() == [model.id_at(5)]
    assert window.editor.article_id == model.id_at(5)


def test_keyboard_walks_the_list_and_enter_opens(qtbot, window, library):
    _fill(library, 5)
    window.library_commands.refresh()
    panel = window.library_panel
    window.view_actions.focus_library()
    assert panel.tree.hasFocus() and panel.current_id() is not None
    qtbot.keyClick(panel.tree, Qt.Key.Key_End)
    assert window.editor.article_id == panel.model.id_at(panel.model.rowCount() - 1)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Home)
    assert window.editor.article_id == panel.model.id_at(0)
    window.library_panel.show_trash(True)
    assert panel.model.rowCount() == 0


def test_a_save_moves_one_row_without_reading_the_list_again(qtbot, window, library):
    _fill(library)
    window.library_commands.refresh()
    panel = window.library_panel
    _scroll_to_the_end(qtbot, panel)
    loaded = panel.model.rowCount()
    assert loaded == MANY + 1
    oldest_draft = next(i for i in reversed(panel.ids()) if library.get(i).status == "draft")
    window.session.open(oldest_draft)
    resets, pages = [], []
    panel.model.modelReset.connect(lambda: resets.append(1))
    real_page = library.page
    library.page = lambda **kw: pages.append(kw) or real_page(**kw)
    try:
        type_text(window.editor.body, " Mới sửa.")
        assert window.session.save()
    finally:
        library.page = real_page
    assert resets == [] and pages == []
    assert panel.ids()[0] == oldest_draft == panel.current_id()
    assert panel.model.rowCount() == loaded
    assert panel.ids() == [s.id for s in library.list()]


def test_a_renamed_headline_moves_to_its_place_in_a_to_z(qtbot, window, library):
    _fill(library, 30)
    panel = window.library_panel
    panel.by_title.setChecked(True)
    assert panel.model.rowCount() == 31
    window.session.open(panel.ids()[3])
    window.editor.title.setText("Ấp Bắc")  # between "An…" and "Bài…"
    assert window.session.save()
    assert panel.ids() == [s.id for s in library.list(sort="title")]
    assert panel.current_id() == window.editor.article_id
    assert panel.model.index(panel.model.row_of(window.editor.article_id), 0).data() == "Ấp Bắc"


def test_search_hits_come_a_page_at_a_time(qtbot, window, library):
    from deskapp.store.library import SEARCH_PAGE_SIZE

    _fill(library, SEARCH_PAGE_SIZE + 30)
    panel = window.library_panel
    panel.filter.setText("bai so 00")
    window.library_commands.refresh()
    assert panel.model.rowCount() == SEARCH_PAGE_SIZE
    assert panel.model.has_html()
    _scroll_to_the_end(qtbot, panel)
    assert panel.model.rowCount() == SEARCH_PAGE_SIZE + 30
    assert len(set(panel.ids())) == SEARCH_PAGE_SIZE + 30
    panel.show_status("submitted")
    assert 0 < panel.model.rowCount() == (SEARCH_PAGE_SIZE + 30 + 9) // 10
    assert {library.get(i).status for i in panel.ids()} == {"submitted"}


def test_the_window_saves_first_and_indexes_in_a_pause(qtbot, window, library):
    window.act_new.trigger()
    type_text(window.editor.body, "Lũ quét ở Kon Plông.")
    assert window.session.save()
    pending = library.db.execute("SELECT article_id FROM fts_pending").fetchall()
    assert pending == [(window.editor.article_id,)]
    qtbot.waitUntil(lambda: library.db.execute(
        "SELECT COUNT(*) FROM fts_pending").fetchone()[0] == 0, timeout=5000)
    panel = window.library_panel
    panel.filter.setText("lu quet")
    window.library_commands.refresh()
    assert panel.ids() == [window.editor.article_id]


def test_opening_an_article_only_moves_the_selection(qtbot, window, library):
    _fill(library, 20)
    window.library_commands.refresh()
    panel = window.library_panel
    pages = []
    real_page = library.page
    library.page = lambda **kw: pages.append(kw) or real_page(**kw)
    try:
        panel.tree.setCurrentIndex(panel.model.index(5, 0))
        assert window.editor.article_id == panel.model.id_at(5)
        window.session.open(panel.model.id_at(9))
    finally:
        library.page = real_page
    assert pages == []
    assert panel.current_id() == panel.model.id_at(9) == window.editor.article_id
    assert panel.selected_ids() == [panel.model.id_at(9)]
