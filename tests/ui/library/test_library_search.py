from deskapp.model import Article
from deskapp.ui.library.library_rows import HTML_ROLE


def add(library, title, body="Nội dung."):
    return library.create(Article(title=title, body=body))


def test_search_box_finds_without_accents_and_highlights(qtbot, window, library):
    add(library, "Đường về Kon Tum", "Con đường mới mở qua xã.")
    add(library, "Bầu cử ở Đắk Tô", "Cử tri đi bầu.")
    window.library_commands.refresh()
    panel = window.library_panel
    qtbot.keyClicks(panel.filter, "duong")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=3000)
    item = panel.model.index(0, 0)
    assert item.data() == "Đường về Kon Tum"
    html = item.data(HTML_ROLE)
    assert "background:#fff0a8'>đường</b>" in html

    panel.filter.clear()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=3000)


def test_enter_opens_the_first_hit(qtbot, window, library):
    target = add(library, "Quy chế dân chủ ở cơ sở")
    add(library, "Thời tiết")
    window.library_commands.refresh()
    panel = window.library_panel
    qtbot.keyClicks(panel.filter, "quy che dan")
    qtbot.keyClick(panel.filter, "\r")
    assert window.editor.article_id == target.id


def test_sort_by_headline_in_vietnamese_order(qtbot, window, library):
    for title in ("Đà Lạt", "Dung Quất", "Ăn Tết", "An Giang"):
        add(library, title)
    window.library_panel.by_title.setChecked(True)
    model = window.library_panel.model
    titles = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert titles == ["An Giang", "Ăn Tết", "Chào mừng đến với Deskapp", "Dung Quất", "Đà Lạt"]


def test_a_new_article_during_a_search_shows_in_the_list(qtbot, window, library):
    from deskapp.model import Article

    library.create(Article(title="Quy chế dân chủ", body="Hội nghị."), author="PV")
    window.library_commands.refresh()
    window.library_panel.filter.setText("quy che")
    qtbot.waitUntil(lambda: len(window.library_panel.ids()) == 1, timeout=3000)
    window.act_new.trigger()
    new_id = window.session.article_id
    assert window.library_panel.query() == ""
    assert new_id in window.library_panel.ids()
    assert window.library_panel.current_id() == new_id
