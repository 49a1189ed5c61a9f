"""Edit → Undo, Redo, Cut, Copy, Paste, Select all, on the field that has the focus."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from qt_helpers import type_text


def focus(qtbot, window, widget) -> None:
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=3000)


def enabled(edit) -> dict[str, bool]:
    names = ("undo", "redo", "cut", "copy", "paste", "select_all")
    return {name: getattr(edit, name).isEnabled() for name in names}


def test_the_edit_menu_holds_the_six_commands_with_the_standard_keys(window):
    edit = window.edit_actions
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    listed = [a for a in menu.actions() if not a.isSeparator()]
    assert listed[:5] == [edit.undo, edit.redo, edit.cut, edit.copy, edit.paste]
    assert edit.select_all in listed
    keys = QKeySequence.StandardKey
    for act, key in ((edit.undo, keys.Undo), (edit.redo, keys.Redo), (edit.cut, keys.Cut),
                     (edit.copy, keys.Copy), (edit.paste, keys.Paste),
                     (edit.select_all, keys.SelectAll)):
        assert act.shortcuts() == QKeySequence.keyBindings(key)


def test_headline_undo_redo_cut_copy_paste_select_all(qtbot, window):
    edit, title = window.edit_actions, window.editor.title
    QApplication.clipboard().clear()
    window.act_new.trigger()
    focus(qtbot, window, title)
    assert edit.field is title
    assert enabled(edit) == dict(undo=False, redo=False, cut=False, copy=False, paste=False,
                                 select_all=False)

    type_text(title, "Tin nhanh")
    assert edit.undo.isEnabled() and not edit.redo.isEnabled()
    assert not edit.copy.isEnabled()  # nothing selected
    edit.undo.trigger()
    assert title.text() == ""
    assert edit.redo.isEnabled() and not edit.undo.isEnabled()
    edit.redo.trigger()
    assert title.text() == "Tin nhanh"

    edit.select_all.trigger()
    assert title.selectedText() == "Tin nhanh"
    assert edit.copy.isEnabled() and edit.cut.isEnabled()
    edit.copy.trigger()
    assert QApplication.clipboard().text() == "Tin nhanh"
    assert edit.paste.isEnabled()
    title.setCursorPosition(len(title.text()))
    assert not edit.copy.isEnabled()  # the selection is gone
    edit.paste.trigger()
    assert title.text() == "Tin nhanhTin nhanh"
    title.setSelection(0, 4)
    edit.cut.trigger()
    assert title.text() == "nhanhTin nhanh"
    assert QApplication.clipboard().text() == "Tin "

    title.setReadOnly(True)  # a field that cannot change: only copy and select all act
    title.setSelection(0, 2)
    assert enabled(edit) == dict(undo=False, redo=False, cut=False, copy=True, paste=False,
                                 select_all=True)
    title.setReadOnly(False)


def test_body_undo_redo_cut_copy_paste_select_all(qtbot, window):
    edit, body = window.edit_actions, window.editor.body
    QApplication.clipboard().clear()
    window.act_new.trigger()
    focus(qtbot, window, body)
    assert edit.field is body
    assert not edit.undo.isEnabled() and not edit.select_all.isEnabled()

    type_text(body, "Mot doan tin.")
    assert edit.undo.isEnabled() and edit.select_all.isEnabled()
    edit.undo.trigger()
    assert body.toPlainText() == ""
    assert edit.redo.isEnabled()
    edit.redo.trigger()
    assert body.toPlainText() == "Mot doan tin."

    assert not edit.cut.isEnabled() and not edit.paste.isEnabled()
    edit.select_all.trigger()
    assert body.textCursor().selectedText() == "Mot doan tin."
    assert edit.cut.isEnabled() and edit.copy.isEnabled()
    edit.cut.trigger()
    assert body.toPlainText() == ""
    assert QApplication.clipboard().text() == "Mot doan tin."
    assert edit.paste.isEnabled() and not edit.copy.isEnabled()
    edit.paste.trigger()
    edit.paste.trigger()
    assert body.toPlainText() == "Mot doan tin.Mot doan tin."
    edit.select_all.trigger()
    edit.copy.trigger()
    assert QApplication.clipboard().text() == "Mot doan tin.Mot doan tin."


def test_the_commands_follow_the_focus_and_rest_where_nothing_can_be_edited(qtbot, window):
    edit, title, body = window.edit_actions, window.editor.title, window.editor.body
    window.act_new.trigger()
    focus(qtbot, window, body)
    type_text(body, "Than bai")
    focus(qtbot, window, title)
    assert edit.field is title
    assert not edit.undo.isEnabled()  # the headline has no history of its own yet
    edit.undo.trigger()
    assert body.toPlainText() == "Than bai"  # the body was not touched

    focus(qtbot, window, window.library_panel.tree)
    assert edit.field is None
    assert not any(enabled(edit).values())

    focus(qtbot, window, window.preview.browser)  # read-only: copy and select all only
    edit.select_all.trigger()
    assert window.preview.browser.textCursor().hasSelection() or \
        window.preview.browser.document().isEmpty()
    assert not edit.paste.isEnabled() and not edit.cut.isEnabled() \
        and not edit.undo.isEnabled()


def _menu_texts(menu, found):
    for action in menu.actions():
        if action.isSeparator():
            continue
        found.append(action.text().replace("&", ""))
        if action.menu() is not None:
            _menu_texts(action.menu(), found)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_menu_item_says_what_it_does_in_words(qtbot, library, language):
    """A menu item is a word or more, never a toolbar glyph such as "B" or "Đ"."""
    from deskapp.render.html import article_html
    from deskapp.ui.common.i18n import Translation
    from deskapp.ui.shell.main_window import MainWindow

    translation = Translation.for_app()
    translation.install(language)
    try:
        win = MainWindow(library, user="Lan", render_html=article_html)
        qtbot.addWidget(win)
        found: list[str] = []
        for action in win.menuBar().actions():
            _menu_texts(action.menu(), found)
        short = [text for text in found if len(text.strip()) < 3]
        assert found and short == []
        win.close()
    finally:
        translation.install("en")
