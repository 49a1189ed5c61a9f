"""A live language or theme switch leaves nothing behind: no string, colour or cut label.

The window is switched vi → en → vi and light → dark → light while it is
open; then every text a user can read (labels, buttons, combo items, menu
actions, tooltips, dock titles, column headers, placeholders) is compared
with a window freshly started in the same language and theme, each combo
box is checked to show its whole current text, and the preview's
background is checked to follow the theme.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QTextEdit,
    QWidget,
)

from deskapp.model import Article
from deskapp.render.html import article_html
from deskapp.ui.common.i18n import Translation
from deskapp.ui.shell.main_window import MainWindow

Text = tuple[str, str, str]  # where (the widget's class and name), what, the text


@pytest.fixture
def translation():
    translation = Translation.for_app()
    yield translation
    translation.install("en")
    from deskapp.ui.common.theme import ThemeManager

    ThemeManager.for_app(QApplication.instance()).apply("light")


def _actions(menu: QMenu, found: list[Text]) -> None:
    for action in menu.actions():
        found.append(("menu", "action", action.text()))
        found.append(("menu", "tip", action.toolTip()))
        if action.menu() is not None:
            _actions(action.menu(), found)


def _where(widget: QObject) -> str:
    return f"{type(widget).__name__}#{widget.objectName()}"


def shown_texts(window: MainWindow) -> Counter[Text]:
    """Every text the window shows or offers, with where it is."""
    found: list[Text] = []
    for action in window.menuBar().actions():
        found.append(("menubar", "title", action.text()))
        if action.menu() is not None:
            _actions(action.menu(), found)
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or isinstance(widget, QMenu):
            continue
        where = _where(widget)
        found.append((where, "tip", widget.toolTip()))
        if isinstance(widget, QDockWidget):
            found.append((where, "title", widget.windowTitle()))
        if isinstance(widget, QLabel):
            found.append((where, "text", widget.text()))
        elif isinstance(widget, QAbstractButton):
            found.append((where, "text", widget.text()))
        elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            found.append((where, "placeholder", widget.placeholderText()))
        elif isinstance(widget, QComboBox):
            found += [(where, "item", widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QGroupBox):
            found.append((where, "title", widget.title()))
        elif isinstance(widget, QTabBar):
            found += [(where, "tab", widget.tabText(i)) for i in range(widget.count())]
        if (isinstance(widget, QHeaderView) and widget.model() is not None
                and widget.orientation() == Qt.Orientation.Horizontal):
            model = widget.model()
            found += [(_where(widget.parent()), "header",
                       str(model.headerData(c, Qt.Orientation.Horizontal)))
                      for c in range(widget.count()) if not widget.isSectionHidden(c)]
    for action in window.findChildren(QAction):
        found.append(("action", "tip", action.toolTip()))
    return Counter(text for text in found if text[2])


def cut_combos(window: MainWindow) -> list[tuple[str, str]]:
    """Visible combo boxes whose current text is wider than the room they give it."""
    cut = []
    for combo in window.findChildren(QComboBox):
        if not combo.isVisibleTo(window) or combo.isEditable():
            continue
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        room = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, combo)
        if combo.fontMetrics().horizontalAdvance(combo.currentText()) > room.width():
            cut.append((_where(combo), combo.currentText()))
    return cut


def preview_background(window: MainWindow) -> QColor:
    """The colour of the preview's page, read from what it paints."""
    image = window.preview.browser.viewport().grab().toImage()
    return image.pixelColor(image.width() - 3, image.height() - 3)


def _open_window(qtbot, library, article_id: str) -> MainWindow:
    window = MainWindow(library, user="Tester", render_html=article_html)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitSignal(window.settled, timeout=10000):
        window.show()
    with qtbot.waitSignal(window.preview.rendered, timeout=10000):
        window.session.open(article_id)
    for dock in window.review.docks():  # every desk panel on screen, History's combo too
        dock.show()
    qtbot.waitUntil(lambda: window.review.history.list.topLevelItemCount() > 0, timeout=5000)
    qtbot.waitUntil(lambda: window.copyfit.fit is not None, timeout=10000)
    # the print presets are listed on a worker after the first paint
    qtbot.waitUntil(lambda: window.editor.preset.count() > 1, timeout=10000)
    window.review.wait()
    qtbot.wait(50)
    return window


def _close(window: MainWindow) -> None:
    window.runner.wait()
    window.preview._runner.wait()
    window.review.wait()
    window.close()


@pytest.fixture
def article_id(library) -> str:
    article = library.create(Article(title="Hòa bình", lead="Sapo ngắn.",
                                     body="Đoạn một của bài.\n\nĐoạn hai."))
    article.title = "Hòa bình cho xứ Quảng"
    library.save(article)  # two revisions: the history has something to compare
    return article.id


def _fresh(qtbot, library, article_id: str, language: str, theme: str) -> tuple:
    """What a window started in ``language`` and ``theme`` shows."""
    library.set_setting("ui_language", language)
    library.set_setting("ui_theme", theme)
    Translation.for_app().install(language)
    window = _open_window(qtbot, library, article_id)
    texts, cut, background = shown_texts(window), cut_combos(window), preview_background(window)
    _close(window)
    return texts, cut, background


def _difference(live: Counter[Text], fresh: Counter[Text]) -> dict[str, list[Text]]:
    return {"left over": sorted((live - fresh).elements()),
            "missing": sorted((fresh - live).elements())}


def test_a_live_language_switch_leaves_no_text_behind(qtbot, library, article_id, translation):
    fresh_vi, fresh_vi_cut, _ = _fresh(qtbot, library, article_id, "vi", "light")
    fresh_en, fresh_en_cut, _ = _fresh(qtbot, library, article_id, "en", "light")
    assert fresh_vi_cut == [] and fresh_en_cut == []
    assert ("menubar", "title", "&Tệp") in fresh_vi
    assert fresh_vi != fresh_en

    library.set_setting("ui_language", "en")
    translation.install("en")
    window = _open_window(qtbot, library, article_id)  # started in English: sizes fit it
    for language, fresh in (("vi", fresh_vi), ("en", fresh_en), ("vi", fresh_vi)):
        window.preferences.apply_settings(language, "light")
        window.review.wait()
        qtbot.wait(50)  # layouts run from the event loop
        assert _difference(shown_texts(window), fresh) == {"left over": [], "missing": []}
        assert cut_combos(window) == []
    _close(window)


def test_a_live_theme_switch_recolours_the_preview(qtbot, library, article_id, translation):
    *_, light = _fresh(qtbot, library, article_id, "vi", "light")
    *_, dark = _fresh(qtbot, library, article_id, "vi", "dark")
    assert light.lightness() > 200 and dark.lightness() < 80

    window = _open_window(qtbot, library, article_id)  # started dark
    fresh_dark = shown_texts(window)
    for theme, colour in (("light", light), ("dark", dark), ("light", light)):
        window.preferences.apply_settings("vi", theme)
        qtbot.wait(50)
        assert preview_background(window).name() == colour.name(), theme
        assert cut_combos(window) == []
    assert _difference(shown_texts(window), fresh_dark) == {"left over": [], "missing": []}
    _close(window)
