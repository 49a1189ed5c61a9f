"""Language, theme, scroll sync, and the window remembered between sessions."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from deskapp.render.html import article_html
from deskapp.ui.common.i18n import Translation, plural, resolve_language, system_language
from deskapp.ui.editor.scroll_sync import anchors, source_blocks
from deskapp.ui.shell.main_window import MainWindow


def test_vietnamese_menus_after_loading_the_translation(qtbot, library):
    translation = Translation()
    assert translation.install("vi")
    try:
        win = MainWindow(library, user="Tester", render_html=article_html)
        qtbot.addWidget(win)
        titles = [a.text() for a in win.menuBar().actions()]
        assert titles[:3] == ["&Tệp", "&Sửa", "&Xem"]
        assert win.printing.act_export.text() == "&Xuất PDF…"
        assert win.status_info.saved.text() == "Đã lưu"
        assert win.library_panel.model.headerData(0, Qt.Orientation.Horizontal) == "Tít"
        assert win.editor.title.placeholderText().startswith("Tít")
        win.close()
    finally:
        translation.install("en")
    win = MainWindow(library, user="Tester", render_html=article_html)
    qtbot.addWidget(win)
    assert win.menuBar().actions()[0].text() == "&File"
    win.close()


def test_language_choice(monkeypatch):
    monkeypatch.setenv("DESKAPP_LANG", "vi")
    assert system_language() == "vi"
    assert resolve_language("en") == "en"
    monkeypatch.delenv("DESKAPP_LANG")
    monkeypatch.setenv("LC_ALL", "vi_VN.UTF-8")
    assert resolve_language("system") == "vi"
    assert resolve_language(None) == "vi"
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert resolve_language(None) == "en"
    assert resolve_language("vi") == "vi"
    assert plural("%n word(s)".replace("%n", "1"), 1) == "1 word"
    assert plural("3 match(es)", 3) == "3 matches"


def test_theme_switch_changes_the_palette(qtbot, window):
    try:
        assert window.preferences.apply_theme("dark")
        assert not window.isWindowModified()  # recolouring is not an edit
        palette = QApplication.palette()
        assert palette.color(QPalette.ColorRole.Window).lightness() < 80
        assert palette.color(QPalette.ColorRole.Text).lightness() > 180
        qtbot.waitUntil(lambda: bool(window.preview.last_html), timeout=3000)
        assert window.preview.dark
        assert "#e4e4e4" in window.preview.browser.document().toHtml() or \
            window.preview.browser.palette().color(QPalette.ColorRole.Base).lightness() < 80
        assert not window.preferences.apply_theme("light")
        assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 180
        assert not window.preview.dark
    finally:
        window.preferences.apply_theme("system")


def test_settings_are_stored_and_restored_in_a_new_window(qtbot, library):
    first = MainWindow(library, user="Tester", render_html=article_html)
    qtbot.addWidget(first)
    first.show()
    try:
        first.preferences.apply_settings("vi", "dark")
        assert library.get_setting("ui_language") == "vi"
        assert library.get_setting("ui_theme") == "dark"
        first.session.new()
        opened = first.editor.article_id
        first.editor.body.zoom(3)
        first.resize(1000, 600)  # wide enough that no pane sits at its minimum width
        first.splitter.setSizes([200, 450, 330])
        sizes = first.splitter.sizes()
        first.close()

        second = MainWindow(library, user="Tester", render_html=article_html)
        qtbot.addWidget(second)
        second.show()
        assert second.preferences.themes.mode == "dark"
        assert second.editor.article_id == opened
        assert second.editor.body.zoom_steps == 3
        assert (second.width(), second.height()) == (1000, 600)
        assert second.splitter.sizes() == sizes
        dialog = second.preferences.show_settings()
        assert dialog.values() == ("vi", "dark")
        dialog.reject()
        second.close()
    finally:
        first.preferences.apply_theme("system")
        library.set_setting("ui_theme", "system")


def test_focus_mode_sizes_are_not_what_is_remembered(qtbot, library):
    win = MainWindow(library, user="Tester", render_html=article_html)
    qtbot.addWidget(win)
    win.show()
    before = win.splitter.sizes()
    win.view_actions.set_focus_mode(True)
    win.close()
    assert library.get_setting("splitter_sizes") == ",".join(map(str, before))


def test_source_blocks_and_anchors():
    markdown = ("# Tít phụ\n\nĐoạn một\nvẫn đoạn một\n\n- mục a\n- mục b\n\n"
                "```\ncode\n\nx\n```\n\nCuối")
    lines = [line for line, _sig in source_blocks(markdown)]
    assert lines == [0, 2, 5, 6, 8, 14]
    preview = ["TÍT BÀI", "Sapo", "Tít phụ", "Đoạn một vẫn đoạn một", "mục a", "mục b",
               "code", "", "x", "Cuối", "Bút danh"]
    assert anchors(markdown, preview) == [(0, 2), (2, 3), (5, 4), (6, 5), (14, 9)]


def _long_article(window):
    window.act_new.trigger()
    paragraphs = [f"## Phần {i}\n\nĐoạn {i}: " + "chữ nghĩa dài dòng " * 30
                  for i in range(80)]
    window.editor.body.setPlainText("\n\n".join(paragraphs))
    window.preview.show_article(window.editor.snapshot(), immediately=True)


def test_scroll_sync_both_ways(qtbot, window):
    _long_article(window)
    qtbot.waitUntil(lambda: "Phần 79" in window.preview.last_html and window.preview.is_idle(),
                    timeout=10000)
    edit_bar = window.editor.body.verticalScrollBar()
    preview_bar = window.preview.browser.verticalScrollBar()
    assert edit_bar.maximum() > 0 and preview_bar.maximum() > 0

    edit_bar.setValue(edit_bar.maximum())
    qtbot.waitUntil(lambda: preview_bar.value() >= preview_bar.maximum() * 0.95, timeout=2000)

    preview_bar.setValue(0)
    qtbot.waitUntil(lambda: edit_bar.value() == 0, timeout=2000)

    # Halfway through the preview: the editor shows the same section.
    preview_bar.setValue(preview_bar.maximum() // 2)
    qtbot.waitUntil(lambda: edit_bar.value() > 0, timeout=2000)
    qtbot.wait(50)
    top = window.editor.body.firstVisibleBlock().blockNumber()
    section = max(i for i in range(80) if f"## Phần {i}\n" in
                  window.editor.body.toPlainText()[: window.editor.body.document()
                                                   .findBlockByNumber(top + 1).position()])
    browser = window.preview.browser
    shown = browser.cursorForPosition(browser.viewport().rect().topLeft()).block().text()
    shown_section = int(shown.split()[1].rstrip(":")) if shown.split()[:1] in (
        ["Phần"], ["Đoạn"]) else section
    assert abs(section - shown_section) <= 1

    preview_bar.setValue(preview_bar.maximum())
    qtbot.waitUntil(lambda: edit_bar.value() >= edit_bar.maximum() - 1, timeout=2000)
    # No feedback loop: the values stay where they were put.
    qtbot.wait(100)
    assert preview_bar.value() == preview_bar.maximum()
