"""File → Page makeup…: the page view of the newest edition (a first one is made if none).

The page view is a window of its own; opening an article from one of its
blocks shows the article in the main window.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from deskapp.ui.common.errors import error_words
from deskapp.ui.common.shortcuts import command

if TYPE_CHECKING:
    from deskapp.ui.editor.session import ArticleSession
    from deskapp.ui.makeup.page_view import PageView

FIRST_PRESET = "tabloid-a3"


class MakeupCommands(QObject):
    def __init__(self, host: QWidget, session: ArticleSession) -> None:
        super().__init__(host)
        self.host = host
        self.session = session
        self.view: PageView | None = None
        self.act_page_view = command(self.tr("Page &makeup…"), host, self.open_page_view)

    def open_page_view(self) -> PageView | None:
        from deskapp.makeup.plan import Edition, Page
        from deskapp.makeup.store import find_edition, list_editions, save_edition
        from deskapp.ui.makeup.page_view import PageView

        library = self.session.library
        try:
            editions = list_editions(library)
            if editions:
                edition = find_edition(library, editions[0].id)
            else:
                today = date.today()
                edition = save_edition(library, Edition(
                    self.tr("Edition of %1").replace("%1", today.strftime("%d/%m/%Y")),
                    today.isoformat(), (Page(1, FIRST_PRESET),)), author=self.session.user)
        except Exception as error:
            self.host.statusBar().showMessage(error_words(error))  # type: ignore[attr-defined]
            return None
        if self.view is not None:
            self.view.close()
        self.view = PageView(library, edition, self.session.user, self.host)
        self.view.openArticle.connect(self._open_article)
        self.view.show()
        return self.view

    def _open_article(self, article_id: str) -> None:
        self.session.open(article_id)
        self.host.raise_()
        self.host.activateWindow()
