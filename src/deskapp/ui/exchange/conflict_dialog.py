"""Two versions of one article: the local one and the one a package brought.

Shows both side by side with the words that differ marked (compared on a
worker: ``compared`` once shown), and records the decision with
``resolve_conflict``: keep mine, take theirs, or merge by hand (the incoming
text in an editor, to combine with the local one).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from deskapp.desk.diff import DIFF_FIELDS, diff_words, side_by_side
from deskapp.errors import DeskappError
from deskapp.exchange.merge import open_conflict, resolve_conflict
from deskapp.model import Article
from deskapp.store import Library
from deskapp.ui.common.errors import error_words
from deskapp.ui.common.workers import Runner
from deskapp.ui.editor.markdown_edit import MarkdownEdit
from deskapp.ui.editor.preview_links import SafeBrowser
from deskapp.ui.editor.text_edit import VietnameseTyping


class ConflictDialog(QDialog):
    """``resolved(article)`` once a choice is stored; ``failed(message)`` if it is refused."""

    resolved = Signal(object)
    failed = Signal(str)
    compared = Signal()  # both sides are shown with their differences marked

    def __init__(self, library: Library, article_id: str, author: str,
                 parent: QWidget | None = None, typing: VietnameseTyping | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.article_id = article_id
        self.author = author
        self.result_article: Article | None = None
        local = library.get(article_id)
        conflict = open_conflict(library, article_id)
        self.incoming: dict[str, Any] = dict(conflict.content) if conflict else {}
        self.setWindowTitle(self.tr("Two versions of “%1”")
                            .replace("%1", local.title or self.tr("(no headline)")))
        self.mine = SafeBrowser(self)
        self.theirs = SafeBrowser(self)
        waiting = "<p style='color:#666666'>" + self.tr("Comparing…") + "</p>"
        self.mine.setHtml(waiting)
        self.theirs.setHtml(waiting)
        self.runner = Runner(self, threads=1)
        pairs = self._pairs(local)
        self.runner.start(lambda: [(name, *side_by_side(diff_words(old, new)))
                                   for name, old, new in pairs],
                          self._show_sides, lambda error: self.failed.emit(error_words(error)))
        compare = QSplitter(self)
        for title, view in ((self.tr("Mine (this computer)"), self.mine),
                            (self.tr("Theirs (the package)"), self.theirs)):
            box = QWidget(compare)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(QLabel(f"<b>{title}</b>", box))
            column.addWidget(view)
            compare.addWidget(box)
        self.merge_editor = MarkdownEdit(self, typing)
        self.merge_editor.setPlainText(str(self.incoming.get("body", local.body)))
        self.pages = QStackedWidget(self)
        self.pages.addWidget(compare)
        merge_page = QWidget(self)
        merge_layout = QVBoxLayout(merge_page)
        merge_layout.setContentsMargins(0, 0, 0, 0)
        merge_layout.addWidget(QLabel(self.tr("Their text, to combine with yours. Save it when "
                                              "the body reads as it should."), merge_page))
        merge_layout.addWidget(self.merge_editor)
        self.pages.addWidget(merge_page)

        self.keep_button = QPushButton(self.tr("&Keep mine"), self)
        self.take_button = QPushButton(self.tr("&Take theirs"), self)
        self.merge_button = QPushButton(self.tr("&Merge by hand"), self)
        self.save_merge_button = QPushButton(self.tr("&Save the merged text"), self)
        self.later_button = QPushButton(self.tr("Decide &later"), self)
        self.save_merge_button.hide()
        self.keep_button.clicked.connect(self.keep_mine)
        self.take_button.clicked.connect(self.take_theirs)
        self.merge_button.clicked.connect(self.merge_by_hand)
        self.save_merge_button.clicked.connect(self.save_merge)
        self.later_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.keep_button, self.take_button, self.merge_button,
                       self.save_merge_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("This article was changed here and by the sender since you last "
                              "exchanged it. Both versions are kept until you choose."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.resize(1000, 640)

    def _pairs(self, local: Article) -> list[tuple[str, str, str]]:
        """Each compared field: its name, my text, theirs (fields empty on both sides left out)."""
        pairs = []
        for field in DIFF_FIELDS:
            old = str(getattr(local, field, "") or "")
            new = str(self.incoming.get(field, old) or "")
            if old or new:
                pairs.append((field, old, new))
        return pairs

    def _show_sides(self, sides: list[tuple[str, str, str]]) -> None:
        names = {"title": self.tr("Headline"), "lead": self.tr("Lead"),
                 "body": self.tr("Body"), "byline": self.tr("Byline")}
        left, right = [], []
        for field, mine, theirs in sides:
            heading = f"<h4>{names.get(field, field)}</h4>"
            left.append(heading + f"<p>{mine}</p>")
            right.append(heading + f"<p>{theirs}</p>")
        self.mine.setHtml("".join(left))
        self.theirs.setHtml("".join(right))
        self.compared.emit()

    def keep_mine(self) -> Article | None:
        return self._resolve("local")

    def take_theirs(self) -> Article | None:
        return self._resolve("incoming")

    def merge_by_hand(self) -> None:
        self.pages.setCurrentIndex(1)
        for button in (self.keep_button, self.take_button, self.merge_button):
            button.hide()
        self.save_merge_button.show()
        self.merge_editor.setFocus()

    def save_merge(self) -> Article | None:
        merged = {key: value for key, value in self.incoming.items() if key != "status"}
        merged["body"] = self.merge_editor.toPlainText()
        return self._resolve(merged)

    def _resolve(self, take: str | dict[str, Any]) -> Article | None:
        try:
            article = resolve_conflict(self.library, self.article_id, take, author=self.author)
        except DeskappError as error:
            self.failed.emit(error_words(error))
            return None
        self.result_article = article
        self.resolved.emit(article)
        self.accept()
        return article
