"""Switching the window's language in Settings takes effect at once, both ways."""

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QSpinBox

from deskapp.ui.common.i18n import Translation
from deskapp.ui.shell.main_window import MainWindow
from qt_helpers import type_text


@pytest.fixture
def english():
    translation = Translation.for_app()
    translation.install("en")
    yield translation
    translation.install("en")


def _choose_language(qtbot, window: MainWindow, code: str) -> None:
    """Open Edit → Settings, pick the language, press OK, as a user does."""
    dialog = window.preferences.show_settings()
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    combo = dialog.language
    combo.setCurrentIndex(combo.findData(code))
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)


def _menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def _shows_whole(spin: QSpinBox) -> bool:
    """The spin box's text fits in its edit field (a too narrow box scrolls it off at the left)."""
    edit = spin.findChild(QLineEdit)
    room = edit.contentsRect().width() - 4  # QLineEdit's own side margins
    return edit.fontMetrics().horizontalAdvance(edit.text()) <= room


def _list_headers(window: MainWindow) -> list[str]:
    """The library list's column headers as its header view shows them."""
    tree = window.library_panel.tree
    header, model = tree.header(), tree.model()
    assert not header.isHidden()
    return [model.headerData(header.logicalIndex(visual), Qt.Orientation.Horizontal)
            for visual in range(header.count())]


def test_switching_language_in_settings_retranslates_the_open_window(qtbot, library, english):
    window = MainWindow(library, user="Tester", render_html=lambda a, **_k: "")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.settled, timeout=5000):
        window.show()
    window.session.new()
    type_text(window.editor.body, "Chưa lưu")  # unsaved typing stays where it is
    article_id = window.editor.article_id
    assert _menu_titles(window)[:3] == ["&File", "&Edit", "&View"]
    assert _list_headers(window) == ["Headline", "Status", "Changed"]

    _choose_language(qtbot, window, "vi")
    assert library.get_setting("ui_language") == "vi"
    assert _menu_titles(window)[:3] == ["&Tệp", "&Sửa", "&Xem"]
    assert _list_headers(window) == ["Tít", "Trạng thái", "Sửa lúc"]
    assert window.printing.act_export.text() == "&Xuất PDF…"
    assert window.desk_commands.act_proof.text() == "&Soát bài ngay"
    assert window.editor.title.placeholderText().startswith("Tít")
    assert window.review.proof_dock.windowTitle() == "Soát bài"
    assert window.review.proof.recheck_button.text() == "Soát lại"  # the docks' panels
    assert window.status_info.saved.text() == "Chưa lưu"
    assert QLocale().language() == QLocale.Language.Vietnamese  # dates and numbers too
    assert window.editor.article_id == article_id
    assert window.editor.body.toPlainText() == "Chưa lưu"
    assert window.isWindowModified()

    _choose_language(qtbot, window, "en")
    assert _menu_titles(window)[:3] == ["&File", "&Edit", "&View"]
    assert _list_headers(window) == ["Headline", "Status", "Changed"]
    assert window.printing.act_export.text() == "&Export PDF…"
    assert window.editor.title.placeholderText().startswith("Headline")
    assert window.review.proof_dock.windowTitle() == "Proofing"
    assert window.review.proof.recheck_button.text() == "Check again"
    assert window.status_info.saved.text() == "Not saved"
    assert QLocale().language() != QLocale.Language.Vietnamese
    assert window.editor.body.toPlainText() == "Chưa lưu"
    window.close()


def test_counts_follow_the_language(qtbot, library, english):
    from deskapp.model import Article

    article = library.create(Article(title="Dài", body=" ".join(["chữ"] * 1234)))
    window = MainWindow(library, user="Tester", render_html=lambda a, **_k: "")
    qtbot.addWidget(window)
    window.show()
    window.session.open(article.id)
    assert window.status_info.words.text() == "1234 words"
    window.preferences.set_language("vi")
    assert window.status_info.words.text() == "1.234 chữ"  # Vietnamese groups with a dot
    window.preferences.set_language("en")
    assert window.status_info.words.text() == "1234 words"
    window.close()


def test_the_length_target_shows_its_whole_text_after_a_switch(qtbot, library, english):
    window = MainWindow(library, user="Tester", render_html=lambda a, **_k: "")
    qtbot.addWidget(window)
    window.resize(1440, 880)
    with qtbot.waitSignal(window.settled, timeout=5000):
        window.show()
    window.session.new()
    target, unit = window.editor.target, window.editor.target_unit
    assert target.text() == "none"
    window.preferences.set_language("vi")
    qtbot.wait(50)  # the layout runs from the event loop
    assert target.text() == "không đặt"
    assert _shows_whole(target)
    assert target.width() >= target.sizeHint().width()
    window.preferences.set_language("en")
    qtbot.wait(50)
    assert target.text() == "none" and _shows_whole(target)
    unit.setCurrentIndex(1)
    assert unit.currentText() == "lines"
    assert unit.width() >= unit.sizeHint().width()  # "lines" is longer than "dòng"
    window.close()
