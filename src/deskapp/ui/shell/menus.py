"""The window's menus and toolbars, laid out from the actions each command family owns.

Their words are the main window's (translation context ``MainWindow``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from deskapp.ui.common.shortcuts import command

if TYPE_CHECKING:
    from deskapp.ui.shell.main_window import MainWindow


def _add(menu: QMenu | QToolBar, items: Iterable[QAction | None]) -> None:
    for item in items:
        if item is None:
            menu.addSeparator()
        else:
            menu.addAction(item)


def build_menus(w: MainWindow) -> None:
    """File, Edit, View, Format, Typing, Article, Newsroom and Help; the two toolbars."""
    bar = w.menuBar()
    translate = QCoreApplication.translate
    w.act_new = command(translate("MainWindow", "&New article"), w, w.library_commands.new_article,
                        QKeySequence.StandardKey.New)
    w.act_save = command(translate("MainWindow", "&Save"), w, w.session.save,
                         QKeySequence.StandardKey.Save)
    w.act_quit = command(translate("MainWindow", "&Quit"), w, w.close,
                         QKeySequence.StandardKey.Quit)
    w.act_settings = command(translate("MainWindow", "Se&ttings…"), w,
                             w.preferences.show_settings, "Ctrl+,")
    w.act_settings.setMenuRole(QAction.MenuRole.PreferencesRole)
    lib, files, hand, prints, text = (w.library_commands, w.files, w.hand_off, w.printing,
                                      w.text_commands)

    file_menu = bar.addMenu(translate("MainWindow", "&File"))
    _add(file_menu, (w.act_new, lib.act_open, files.act_import, w.act_save, None,
                     hand.act_open_package, hand.act_send, hand.act_conflict, None,
                     prints.act_export, prints.act_batch_export, w.makeup.act_page_view,
                     prints.act_preflight,
                     files.act_export_word, files.act_export_markdown, None))
    w.backups.fill_menu(file_menu)
    _add(file_menu, (None, w.act_quit))

    edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
    edit = w.edit_actions
    _add(edit_menu, (edit.undo, edit.redo, None, edit.cut, edit.copy, edit.paste,
                     text.act_paste_plain, None, edit.select_all, None, lib.act_trash,
                     lib.act_restore, None, text.act_tone_style, None))
    view_menu = bar.addMenu(translate("MainWindow", "&View"))
    _add(view_menu, (lib.act_show_trash, None))
    w.view_actions.fill_menus(edit_menu, view_menu)
    _add(view_menu, (None, prints.act_print_preview))
    _add(edit_menu, (None, w.act_settings))

    format_menu = bar.addMenu(translate("MainWindow", "F&ormat"))
    _add(format_menu, w.format_actions.all)
    w.typing_controls.fill_menu(bar.addMenu(translate("MainWindow", "&Typing")))

    toolbar = w.addToolBar(translate("MainWindow", "Main"))
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    _add(toolbar, (w.act_new, files.act_import, w.act_save, prints.act_export, None,
                   w.typing_controls.toggle))
    w.toolbar = toolbar
    w.format_toolbar = w.format_actions.toolbar(w)
    w.addToolBar(w.format_toolbar)
    w.format_toolbar.setMovable(False)

    article_menu = bar.addMenu(translate("MainWindow", "&Article"))
    w.desk.fill_menu(article_menu)
    _add(article_menu, (None, *w.desk_commands.actions(), None))
    _add(article_menu, (dock.toggleViewAction() for dock in w.review.docks()))
    toolbar.addSeparator()
    w.desk.fill_toolbar(toolbar)

    bar.addMenu(w.sync_panel.menu)
    toolbar.addAction(w.sync_panel.act_sync)
    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    _add(help_menu, (w.help.act_manual, None, text.act_diagnostics, None, w.help.act_about))
