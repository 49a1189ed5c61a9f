"""The icons of the toolbars' and menus' actions, set once the window is painted.

The toolbars show icons only; an action's words stay in its menu and its tooltip.
Icons come from the bundled SVG set (``common.icons``); they are set after the
first paint (``MainWindow.settled``) so that neither QIcon nor QtSvg is loaded
before it (docs/ARCHITECTURE.md, Start-up).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from deskapp.desk import Action

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from deskapp.ui.shell.main_window import MainWindow


def icon_names(w: MainWindow) -> list[tuple[QAction, str]]:
    """Each action that has an icon, with its file name in ``resources/icons/tabler``."""
    fmt, edit, desk = w.format_actions, w.edit_actions, w.desk.actions
    return [
        (w.act_new, "file-plus"), (w.files.act_import, "file-import"),
        (w.act_save, "device-floppy"), (w.printing.act_export, "file-type-pdf"),
        (w.printing.act_batch_export, "files"), (w.printing.act_print_preview, "printer"),
        (w.typing_controls.toggle, "keyboard"), (w.sync_panel.act_sync, "refresh"),
        (desk[Action.SUBMIT], "send"), (desk[Action.TAKE], "hand-grab"),
        (desk[Action.RETURN], "arrow-back"), (desk[Action.APPROVE], "circle-check"),
        (fmt.bold, "bold"), (fmt.italic, "italic"), (fmt.heading, "heading"),
        (fmt.bullets, "list"), (fmt.quote, "quote"), (fmt.link, "link"), (fmt.photo, "photo"),
        (edit.undo, "arrow-back-up"), (edit.redo, "arrow-forward-up"), (edit.cut, "cut"),
        (edit.copy, "copy"), (edit.paste, "clipboard"), (edit.select_all, "select-all"),
        (w.help.act_manual, "book"), (w.help.act_about, "info-circle"),
    ]


# The toolbars' icons: as tall as a line of the interface's text, so that the toolbars
# take no more height with icons than with words (the body keeps its lines at 1366×768).
TOOLBAR_ICON_PX = 18


def set_icons(w: MainWindow) -> None:
    from PySide6.QtCore import QSize

    from deskapp.ui.common.icons import icon

    for bar in (w.toolbar, w.format_toolbar):
        bar.setIconSize(QSize(TOOLBAR_ICON_PX, TOOLBAR_ICON_PX))
    for action, name in icon_names(w):
        action.setIcon(icon(name))
