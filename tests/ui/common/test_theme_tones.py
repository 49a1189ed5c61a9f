"""Notices and status words stay readable in both themes, and follow a live switch.

A banner made for paper (light red, light yellow) under a dark palette's
light text was unreadable; every tone now has a dark twin, and a theme
switch repaints the widgets already shown. A theme chosen in Settings also
brings Qt's own dialogs on Linux, since the desktop's native ones wear the
desktop's colours, not the window's.
"""

from __future__ import annotations

import sys
from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel

from deskapp.ui.common.i18n import Translation
from deskapp.ui.common.theme import TONES, ThemeManager, set_tone


@pytest.fixture
def themes(qapp):
    manager = ThemeManager.for_app(qapp)
    yield manager
    manager.apply("light")


def _luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green())
            + 0.0722 * channel(colour.blue()))


def _contrast(label: QLabel) -> float:
    """The contrast between the label's background and its text's darkest/lightest ink."""
    image = label.grab().toImage()
    colours = Counter(image.pixel(x, y) for x in range(image.width())
                      for y in range(image.height()))
    background = QColor(colours.most_common(1)[0][0])
    ground = _luminance(background)
    ink = max((_luminance(QColor(pixel)) for pixel in colours),
              key=lambda value: abs(value - ground))
    light, dark = max(ground, ink), min(ground, ink)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("tone", [tone for tone in TONES if tone != "plain"])
def test_every_tone_is_readable_in_both_themes(qtbot, themes, mode, tone):
    themes.apply(mode)
    label = QLabel("Bài đã được trả về: ĐÃ DUYỆT")
    qtbot.addWidget(label)
    label.setFont(label.font())
    set_tone(label, tone, "padding: 6px;")
    label.resize(label.sizeHint())
    assert _contrast(label) >= 4.5, (tone, mode)


def test_a_live_switch_repaints_the_notices_already_shown(qtbot, themes):
    themes.apply("light")
    label = QLabel("Không tải được trang in")
    qtbot.addWidget(label)
    set_tone(label, "error", "padding: 4px;")
    assert TONES["error"][0] in label.styleSheet()
    themes.apply("dark")
    assert TONES["error"][1] in label.styleSheet()
    assert "padding: 4px;" in label.styleSheet()
    assert _contrast(label) >= 4.5
    themes.apply("light")
    assert TONES["error"][0] in label.styleSheet()


def test_the_legacy_paste_bar_is_readable_in_dark(qtbot, themes):
    from PySide6.QtWidgets import QPlainTextEdit

    from deskapp.ui.editor.legacy_paste import LegacyPasteBar

    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    bar = LegacyPasteBar(editor)
    qtbot.addWidget(bar)
    bar._build()
    themes.apply("dark")
    assert TONES["notice"][1] in bar.styleSheet()
    assert bar.styleSheet().startswith("#legacyPasteBar {")


def test_a_chosen_theme_brings_qt_s_own_dialogs_on_linux(themes):
    attribute = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
    Translation.for_app().install("en")
    themes.apply("system")
    assert not QApplication.testAttribute(attribute)
    themes.apply("dark")
    assert QApplication.testAttribute(attribute) == sys.platform.startswith("linux")
    themes.apply("system")
    assert not QApplication.testAttribute(attribute)


def _box_contrast(themes, mode, qtbot) -> float:
    from PySide6.QtWidgets import QMenu

    themes.apply(mode)
    menu = QMenu()
    qtbot.addWidget(menu)
    action = menu.addAction("Chế độ tập trung")
    action.setCheckable(True)
    menu.popup(QApplication.primaryScreen().geometry().center())
    qtbot.waitUntil(menu.isVisible)
    image = menu.grab().toImage()
    # The tick box sits at the item's left: its outline against the menu's ground.
    colours = Counter(image.pixel(x, y) for x in range(2, 26)
                      for y in range(2, image.height() - 2))
    ground = _luminance(QColor(colours.most_common(1)[0][0]))
    ink = max((_luminance(QColor(pixel)) for pixel in colours),
              key=lambda value: abs(value - ground))
    menu.hide()
    return (max(ground, ink) + 0.05) / (min(ground, ink) + 0.05)


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_an_unticked_menu_box_can_be_seen(qtbot, themes, mode):
    assert _box_contrast(themes, mode, qtbot) >= 1.4  # 1.05 before menus had their own base
