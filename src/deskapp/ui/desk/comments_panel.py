"""The comments panel: notes anchored to text, re-found after edits, resolved or reopened.

Each comment keeps its quote and context (``deskapp.desk.comments``); when
the article is shown or edited the panel finds each range again, highlights
it in the lead and body, and lists comments whose text is gone as detached.
Finding the ranges costs with the text and the comments: it runs on a worker
after a pause in the typing, one pass at a time (``refreshed`` after each).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deskapp.desk.comments import (
    Anchor,
    Comment,
    add_comment,
    find_anchors,
    list_comments,
    reopen,
    resolution_of,
    resolve,
    store_anchors,
)
from deskapp.errors import DeskappError, LibraryError
from deskapp.model import Article
from deskapp.store import Library
from deskapp.ui.common.errors import error_words
from deskapp.ui.common.i18n import plural
from deskapp.ui.common.time_format import local_time
from deskapp.ui.common.workers import Coalesced
from deskapp.ui.editor.decorations import comment_format
from deskapp.ui.editor.editor import EditorPanel

COMMENT_ROLE = Qt.ItemDataRole.UserRole
REANCHOR_DELAY_MS = 600


class CommentsPanel(QWidget):
    """``failed(message)`` when the library refuses a change."""

    failed = Signal(str)
    refreshed = Signal()  # the list shows the comments as found in the text now

    def __init__(self, library: Library, editor: EditorPanel, author: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commentsPanel")
        self.library = library
        self.editor = editor
        self.author = author
        self.ask_body: Callable[[str], str | None] = self._ask_body
        self.entries: list[tuple[Comment, Anchor]] = []
        self.summary = QLabel(self)
        self.list = QListWidget(self)
        self.list.setObjectName("commentList")
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.show_resolved = QCheckBox(self.tr("Show resolved"), self)
        self.show_resolved.setChecked(True)
        self.add_button = QPushButton(self.tr("&Comment on selection…"), self)
        self.add_button.setToolTip(self.tr("Select text in the article first (Ctrl+Alt+M)"))
        self.resolve_button = QPushButton(self.tr("Resolve"), self)
        # The filter beside the count, the two buttons below: the panel fits the side
        # area's narrowest width (a quarter of a 1366-pixel window) in both languages.
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_resolved)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.resolve_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

        self.job = Coalesced(self, REANCHOR_DELAY_MS, self._find)
        editor.changed.connect(self.job.request)
        self.list.itemClicked.connect(self._select_anchor)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.add_button.clicked.connect(lambda: self.add_from_selection())
        self.resolve_button.clicked.connect(self._toggle_resolved)
        self.show_resolved.toggled.connect(lambda _on: self.refresh())
        self.refresh()

    def stop(self) -> None:
        self.job.stop()

    def wait(self) -> bool:
        return self.job.wait()

    # ---- listing -------------------------------------------------------------------
    def refresh(self) -> None:
        """Find every comment again in the text as it is in the editor now (on a worker)."""
        self._find()

    def _find(self) -> None:
        if not self.job.begin():
            return  # a pass is running: it runs once more when it ends
        snapshot = self.editor.snapshot()
        comments: list[Comment] = []
        if snapshot is not None:
            try:
                comments = list_comments(self.library, snapshot.id,
                                         include_resolved=self.show_resolved.isChecked())
            except DeskappError as error:
                self.failed.emit(error_words(error))
            except sqlite3.Error:  # the library was closed under the window
                comments = []
        if snapshot is None or not comments:
            self._show(snapshot, [])
            return
        self.job.start(lambda: find_anchors(comments, snapshot),
                       lambda found: self._found(snapshot, found),
                       lambda error: self.failed.emit(error_words(error)))

    def _found(self, snapshot: Article, found: list[tuple[Comment, Anchor]]) -> None:
        if snapshot.id != self.editor.article_id:
            return  # another article is open: its own pass follows
        try:  # moved ranges are stored, so the next search starts from them
            found = store_anchors(self.library, snapshot, found)
        except LibraryError:  # a full disk: shown where they are; the autosave says why
            pass
        except sqlite3.Error:
            return
        self._show(snapshot, found)

    def _show(self, snapshot: Article | None, found: list[tuple[Comment, Anchor]]) -> None:
        current = self._current_id()
        self.list.clear()
        self.entries = found if snapshot is not None else []
        for comment, anchor in self.entries:
            item = QListWidgetItem(self._entry_text(comment, anchor), self.list)
            item.setData(COMMENT_ROLE, comment.id)
            if anchor.status == "lost":
                item.setForeground(QColor("#a15c00"))
                item.setToolTip(self.tr("The commented text is gone: this comment is detached."))
            elif comment.resolved:
                item.setForeground(QColor("#777777"))
            if comment.id == current:
                self.list.setCurrentItem(item)
        open_count = sum(1 for c, _a in self.entries if not c.resolved)
        lost = sum(1 for _c, a in self.entries if a.status == "lost")
        text = plural(self.tr("%n open comment(s)", "", open_count), open_count)
        if lost:
            text += " · " + plural(self.tr("%n detached", "", lost), lost)
        self.summary.setText(text)
        self._highlight()
        self._update_buttons()
        self.refreshed.emit()

    def _entry_text(self, comment: Comment, anchor: Anchor) -> str:
        quote = " ".join(comment.quote.split())
        quote = quote if len(quote) <= 80 else quote[:79] + "…"
        state = self.tr("open")
        if comment.resolved:
            found = resolution_of(self.library, comment.id)
            state = (self.tr("resolved by %1").replace("%1", found[1]) if found and found[1]
                     else self.tr("resolved"))
        if anchor.status == "lost":
            state = self.tr("⚠ detached: the text is gone")
        return (f"“{quote}”\n{comment.body}\n"
                f"— {comment.author or '?'}, {local_time(comment.created_at)} · {state}")

    def _highlight(self) -> None:
        for name, decorations in self.editor.decorations.items():
            ranges = [(a.start, a.end) for c, a in self.entries
                      if c.field == name and a.status != "lost" and not c.resolved]
            decorations.set_ranges("comments", ranges, comment_format())

    # ---- adding, resolving -------------------------------------------------------------
    def add_from_selection(self, body: str | None = None) -> Comment | None:
        """Attach a note to the selected text (asks for the note unless given)."""
        selected = self.editor.selected_range()
        snapshot = self.editor.snapshot()
        if snapshot is None:
            return None
        if selected is None or selected[1] == selected[2]:
            self.failed.emit(self.tr("Select the words to comment on first."))
            return None
        field, start, end = selected
        if body is None:
            body = self.ask_body(getattr(snapshot, field)[start:end])
        if not body:
            return None
        try:
            comment = add_comment(self.library, snapshot, field, start, end, body, self.author())
        except DeskappError as error:
            self.failed.emit(error_words(error))
            return None
        self.refresh()
        return comment

    def _toggle_resolved(self) -> None:
        comment_id = self._current_id()
        entry = next((c for c, _a in self.entries if c.id == comment_id), None)
        if entry is None:
            return
        try:
            (reopen if entry.resolved else resolve)(self.library, entry.id)
        except DeskappError as error:
            self.failed.emit(error_words(error))
        self.refresh()

    def _select_anchor(self, item: QListWidgetItem) -> None:
        comment_id = item.data(COMMENT_ROLE)
        for comment, anchor in self.entries:
            if comment.id == comment_id and anchor.status != "lost":
                self.editor.select_range(comment.field, anchor.start, anchor.end)

    def _current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(COMMENT_ROLE) if item else None

    def _update_buttons(self) -> None:
        comment_id = self._current_id()
        entry = next((c for c, _a in self.entries if c.id == comment_id), None)
        self.resolve_button.setEnabled(entry is not None)
        self.resolve_button.setText(self.tr("Reopen") if entry is not None and entry.resolved
                                    else self.tr("Resolve"))

    def _ask_body(self, quote: str) -> str | None:
        short = quote if len(quote) <= 120 else quote[:119] + "…"
        from deskapp.ui.editor.text_dialog import TextDialog

        return TextDialog.ask(self, self.tr("Add a comment"),
                              self.tr("Comment on “%1”:").replace("%1", short),
                              self.editor.typing)
