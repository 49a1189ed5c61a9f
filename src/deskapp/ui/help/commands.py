"""Help → User manual (F1) and About Deskapp; each window is built when first asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from deskapp.ui.common.i18n import OwnContextTr
from deskapp.ui.common.shortcuts import command

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from deskapp.ui.help.about import AboutDialog
    from deskapp.ui.help.manual import ManualWindow


class HelpCommands(OwnContextTr, QObject):
    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.host = host
        self.manual: ManualWindow | None = None
        self.about: AboutDialog | None = None
        self.act_manual = command(self.tr("User &manual"), host, self.show_manual,
                                  QKeySequence.StandardKey.HelpContents)
        self.act_about = command(self.tr("&About Deskapp"), host, self.show_about)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)

    def show_manual(self) -> ManualWindow:
        from deskapp.ui.help.manual import ManualWindow

        if self.manual is None:
            self.manual = ManualWindow(self.host)
        self.manual.load()  # in the language the window speaks now
        self.manual.show()
        self.manual.raise_()
        self.manual.activateWindow()
        return self.manual

    def show_about(self) -> AboutDialog:
        from deskapp.ui.help.about import AboutDialog

        if self.about is None:
            self.about = AboutDialog(self.host)
        self.about.show()
        self.about.raise_()
        return self.about
