"""Help → the manual (offline, in the interface's language) and About; toolbar icons."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import QSize, QUrl
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QToolButton

import deskapp
from deskapp.ui.common.i18n import Translation
from deskapp.ui.help.manual import manual_path

SECTIONS = {
    "en": ["Writing an article", "Typing Vietnamese: Telex and VNI", "Importing articles",
           "Proofing", "The desk: submit, review, return, approve", "Printing and exporting",
           "Packages: handing over without a network", "The newsroom server (sync)",
           "Backups and safety"],
    "vi": ["Viết bài", "Gõ tiếng Việt: Telex và VNI", "Nhập bài", "Soát bài",
           "Bàn biên tập: nộp, nhận, trả, duyệt", "In và xuất bài",
           "Gói bài: chuyển bài không cần mạng", "Máy chủ tòa soạn (đồng bộ)",
           "Sao lưu và an toàn"],
}


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("the manual reached for the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_manual_opens_offline_in_the_interface_language(qtbot, window, no_network,
                                                            language):
    Translation.for_app().install(language)
    help_menu = window.menuBar().actions()[-1].menu()
    assert window.help.act_manual in help_menu.actions()
    window.help.act_manual.trigger()
    manual = window.help.manual
    assert manual is not None and manual.isVisible()
    shown = manual.browser.toPlainText()
    for heading in SECTIONS[language]:
        assert heading in shown
    other = SECTIONS["vi" if language == "en" else "en"]
    assert not any(heading in shown for heading in other[1:])
    assert manual.windowTitle() == ("Hướng dẫn sử dụng Deskapp" if language == "vi"
                                    else "Deskapp user manual")

    # The contents at the top link to the sections, inside the manual.
    scroll = manual.browser.verticalScrollBar()
    manual.resize(700, 400)
    qtbot.waitUntil(lambda: scroll.maximum() > 0, timeout=3000)
    anchor = "backups-and-safety" if language == "en" else "sao-luu-va-an-toan"
    html = manual.browser.toHtml()
    assert f'href="#{anchor}"' in html
    manual.browser.anchorClicked.emit(QUrl(f"#{anchor}"))
    assert scroll.value() > scroll.maximum() // 2
    manual.browser.anchorClicked.emit(QUrl("https://example.com/#top"))  # not followed
    manual.close()


def test_the_manual_follows_a_language_switch(qtbot, window):
    window.help.show_manual()
    english = window.help.manual.browser.toPlainText()
    Translation.for_app().install("vi")
    qtbot.waitUntil(lambda: "Viết bài" in window.help.manual.browser.toPlainText(),
                    timeout=3000)
    assert window.help.manual.browser.toPlainText() != english


def test_both_manuals_cover_the_same_sections():
    def headings(language: str) -> list[str]:
        text = manual_path(language).read_text(encoding="utf-8")
        return [line for line in text.splitlines() if line.startswith("#")]

    assert len(headings("en")) == len(headings("vi")) >= 10


def test_about_names_the_version_and_the_licences(window):
    window.help.act_about.trigger()
    about = window.help.about
    assert about is not None and about.isVisible()
    text = about.heading.text() + about.browser.toPlainText()
    assert f"Deskapp {deskapp.__version__}" in text
    for name in ("SIL Open Font License 1.1", "Bitstream Vera", "Tabler Icons", "MIT License",
                 "PySide6", "GNU LGPL v3", "ReportLab", "BSD License", "sqlite-utils",
                 "Apache License 2.0", "Python-Markdown", "python-docx", "psycopg"):
        assert name in text, name
    assert "Copyright (c) 2003 by Bitstream" in text  # the licence texts themselves
    assert "PREAMBLE" in text
    about.close()


def test_toolbar_buttons_show_icons_with_their_words_in_tooltips(qtbot, window):
    assert not any(not a.icon().isNull() for a in window.toolbar.actions())  # not yet
    qtbot.waitUntil(window.is_settled, timeout=5000)
    checked = 0
    for bar in (window.toolbar, window.format_toolbar):
        for action in bar.actions():
            if action.isSeparator():
                continue
            button = bar.widgetForAction(action)
            assert isinstance(button, QToolButton)
            assert not action.icon().isNull(), action.text()
            assert button.toolButtonStyle() == bar.toolButtonStyle()
            assert bar.toolButtonStyle().name == "ToolButtonIconOnly"
            assert action.toolTip().strip(), action.text()
            checked += 1
    assert checked >= 12
    # Actions without a tooltip of their own show their words.
    assert window.act_save.toolTip().replace("&", "") == window.act_save.text().replace("&", "")


def test_icons_are_drawn_sharp_at_any_pixel_density_in_the_palette_colour(qtbot, window):
    qtbot.waitUntil(window.is_settled, timeout=5000)
    icon = window.act_save.icon()
    for scale in (1.0, 2.0):
        pixmap = icon.pixmap(QSize(24, 24), scale)
        assert pixmap.size() == QSize(round(24 * scale), round(24 * scale))
        assert pixmap.devicePixelRatio() == scale
        image = pixmap.toImage()
        drawn = [image.pixelColor(x, y) for x in range(image.width())
                 for y in range(image.height()) if image.pixelColor(x, y).alpha() > 200]
        assert len(drawn) > 20 * scale * scale
    text_colour = window.palette().buttonText().color()
    assert any(c.rgb() == text_colour.rgb() for c in drawn)
    dimmed = icon.pixmap(QSize(24, 24), QIcon.Mode.Disabled).toImage()
    dimmed_colours = {dimmed.pixelColor(x, y).rgb() for x in range(24) for y in range(24)
                      if dimmed.pixelColor(x, y).alpha() > 200}
    assert text_colour.rgb() not in dimmed_colours
