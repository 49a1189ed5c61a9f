"""The history panel: revisions of the open article, word-level diffs, restore.

Choose one revision to see what it changed from the one before, or two to
compare them; the difference is shown inline or side by side. The review
views ("what changed since submission", "what the editor changed") use the
same display and never touch the editor's text.

The list is read without the revisions' text (:meth:`Library.revision_infos`);
only the two revisions compared are loaded, and their word diff runs on a
worker, one at a time, the newest request winning (``diffShown`` when shown).
"""

from __future__ import annotations

import html
import sqlite3
from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deskapp.desk.diff import Op, diff_fields, review_base, review_pair
from deskapp.desk.diff import inline_html as ops_inline
from deskapp.desk.diff import side_by_side as ops_side_by_side
from deskapp.desk.workflow import StatusEvent, status_events
from deskapp.errors import DeskappError
from deskapp.model import Revision, RevisionInfo
from deskapp.store import Library
from deskapp.ui.common.errors import error_words
from deskapp.ui.common.time_format import local_time
from deskapp.ui.common.workers import Coalesced
from deskapp.ui.desk.desk_labels import action_text, kind_text

REVISION_ROLE = Qt.ItemDataRole.UserRole


class HistoryPanel(QWidget):
    """``restoreRequested(revision_id)`` when the user asks to go back to a revision."""

    restoreRequested = Signal(str)
    diffShown = Signal()  # a difference (or "nothing to compare") is on screen

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.library = library
        self.article_id: str | None = None
        self.revisions: list[RevisionInfo] = []
        self.damaged: set[str] = set()  # revisions found damaged when they were loaded
        # The diff to make next: the two versions' content and the caption to show with it.
        self._wanted: tuple[Mapping[str, object], Mapping[str, object], str] | None = None
        self.diff_job = Coalesced(self, 0, self._start_diff)
        self.list = QTreeWidget(self)
        self.list.setObjectName("revisionList")
        self.list.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setToolTip(self.tr("Choose one revision to see what it changed, "
                                     "or two (Ctrl+click) to compare them"))
        header = self.list.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.mode = QComboBox(self)
        self.mode.setObjectName("diffMode")
        self.mode.addItem(self.tr("Inline"), "inline")
        self.mode.addItem(self.tr("Side by side"), "side")
        # As wide as its longest word in the language shown, also after a live switch.
        self.mode.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.restore_button = QPushButton(self.tr("&Restore this revision"), self)
        self.restore_button.setObjectName("restoreRevision")
        self.caption = QLabel(self)
        self.caption.setObjectName("diffCaption")
        self.caption.setWordWrap(True)
        self.inline = QTextBrowser(self)
        self.inline.setObjectName("diffInline")
        self.left = QTextBrowser(self)
        self.left.setObjectName("diffLeft")
        self.right = QTextBrowser(self)
        self.right.setObjectName("diffRight")
        pair = QSplitter(Qt.Orientation.Horizontal, self)
        pair.addWidget(self.left)
        pair.addWidget(self.right)
        self.views = QStackedWidget(self)
        self.views.addWidget(self.inline)
        self.views.addWidget(pair)

        controls = QHBoxLayout()
        controls.addWidget(self.mode)
        controls.addStretch(1)
        controls.addWidget(self.restore_button)
        right_side = QWidget(self)
        right_layout = QVBoxLayout(right_side)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(controls)
        right_layout.addWidget(self.caption)
        right_layout.addWidget(self.views, 1)
        # The panel lives in the window's side area, taller than wide: the list above,
        # the difference below it at the panel's whole width.
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.list)
        split.addWidget(right_side)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setSizes([200, 500])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

        self._diff: dict[str, list[Op]] = {}
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.mode.currentIndexChanged.connect(lambda _i: self._render())
        self.restore_button.clicked.connect(self._restore_clicked)
        self._show_diff({}, "")

    # ---- the list ----------------------------------------------------------------
    def show_article(self, article_id: str | None, *, appended: bool = False) -> None:
        """List the revisions of ``article_id``, newest first (keeps the choice if it can).

        ``appended``: the open article was just saved here, so only its newest
        revisions are read and put on top (a save costs the same however long
        the history); anything else reads the list again.
        """
        if appended and article_id == self.article_id and self._take_new():
            return
        chosen = {r.id for r in self.selected()}
        if article_id != self.article_id:
            self.damaged = set()
        self.article_id = article_id
        events: dict[str, StatusEvent] = {}
        try:
            self.revisions = self.library.revision_infos(article_id) if article_id else []
            if article_id:
                events = {e.revision_id: e for e in status_events(self.library, article_id)}
        except (DeskappError, ValueError, KeyError, sqlite3.Error) as error:
            self.revisions = []
            self.caption.setText(self.tr("The history cannot be read: %1")
                                 .replace("%1", error_words(error)))
        self._events = events
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for revision in reversed(self.revisions):
                item = QTreeWidgetItem()
                self._fill(item, revision)
                self.list.addTopLevelItem(item)
                item.setSelected(revision.id in chosen)
        finally:
            self.list.blockSignals(False)
        self._selection_changed()

    def _take_new(self) -> bool:
        """Put the revisions saved since the list was read on top; False if it cannot."""
        if not self.revisions or self.article_id is None:
            return False
        last = self.revisions[-1]
        try:
            tail = self.library.revision_infos(self.article_id, since=last.id)
            if any(info.kind == "status" for info in tail):
                self._events = {e.revision_id: e
                                for e in status_events(self.library, self.article_id)}
        except (DeskappError, ValueError, KeyError, sqlite3.Error):
            return False
        if not tail or tail[0].id != last.id or self.list.topLevelItemCount() != len(
                self.revisions):
            return False
        self.revisions[-1] = tail[0]  # an autosave may have been written again in place
        self.list.blockSignals(True)  # the choice stays as it is
        try:
            self._fill(self.list.topLevelItem(0), tail[0])
            for info in tail[1:]:
                self.revisions.append(info)
                item = QTreeWidgetItem()
                self._fill(item, info)
                self.list.insertTopLevelItem(0, item)
        finally:
            self.list.blockSignals(False)
        if any(r.id == last.id for r in self.selected()):
            self._selection_changed()  # the revision compared changed
        return True

    def _fill(self, item: QTreeWidgetItem, revision: RevisionInfo) -> None:
        """One row of the list: when, who, what (the full list and a save's rows alike)."""
        item.setText(0, local_time(revision.created_at))
        item.setText(1, revision.author or "—")
        item.setData(0, REVISION_ROLE, revision.id)
        self._mark(item, revision)

    def _mark(self, item: QTreeWidgetItem, revision: RevisionInfo) -> None:
        """"Saved", "Returned: reason", "⚠ damaged"… in the list's last column."""
        what = kind_text(revision.kind)
        event = self._events.get(revision.id)
        if revision.kind == "status" and event is not None:
            what = action_text(event.action)
            if event.reason:
                what += ": " + event.reason
        item.setToolTip(2, what)
        if revision.id in self.damaged:
            what = "⚠ " + self.tr("damaged") + " · " + what
            item.setForeground(2, QColor("#b3261e"))
            item.setToolTip(2, self.tr("Damaged: the stored text does not match its "
                                       "checksum; it cannot be restored"))
        item.setText(2, what)

    def _load(self, info: RevisionInfo | None) -> Revision | None:
        """One revision's text (the list has none); a damaged one is marked in the list."""
        if info is None:
            return None
        revision = self.library.revision(info.id)
        if revision.damaged and info.id not in self.damaged:
            self.damaged.add(info.id)
            for i in range(self.list.topLevelItemCount()):
                item = self.list.topLevelItem(i)
                if item.data(0, REVISION_ROLE) == info.id:
                    self._mark(item, info)
        return revision

    def selected(self) -> list[RevisionInfo]:
        """The chosen revisions, oldest first."""
        ids = {item.data(0, REVISION_ROLE) for item in self.list.selectedItems()}
        return [r for r in self.revisions if r.id in ids]

    def choose(self, *revision_ids: str) -> None:
        """Select these revisions (one or two) and show their difference."""
        self.list.blockSignals(True)
        try:
            for i in range(self.list.topLevelItemCount()):
                item = self.list.topLevelItem(i)
                item.setSelected(item.data(0, REVISION_ROLE) in revision_ids)
        finally:
            self.list.blockSignals(False)
        self._selection_changed()

    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.restore_button.setEnabled(len(chosen) == 1 and chosen[0].id not in self.damaged)
        if not chosen:
            self._show_diff({}, self.tr("Choose a revision to see what it changed."))
            return
        if len(chosen) == 1:
            newer = chosen[0]
            index = self.revisions.index(newer)
            older = self.revisions[index - 1] if index else None
        else:
            older, newer = chosen[0], chosen[-1]
        self._compare(older, newer)

    def _compare(self, older_info: RevisionInfo | None, newer_info: RevisionInfo) -> None:
        try:
            older, newer = self._load(older_info), self._load(newer_info)
        except (DeskappError, ValueError, KeyError, sqlite3.Error) as error:
            self._show_diff({}, self.tr("The history cannot be read: %1")
                            .replace("%1", error_words(error)))
            return
        assert newer is not None
        self.restore_button.setEnabled(len(self.selected()) == 1
                                       and newer.id not in self.damaged)
        since = (self.tr("from %1 (%2)").replace("%1", local_time(older.created_at))
                 .replace("%2", kind_text(older.kind)) if older else self.tr("from nothing"))
        caption = (self.tr("Changes %1 to %2 (%3, %4)").replace("%1", since)
                   .replace("%2", local_time(newer.created_at))
                   .replace("%3", kind_text(newer.kind)).replace("%4", newer.author or "—"))
        if any(r is not None and r.damaged for r in (older, newer)):
            caption = self.tr("⚠ A revision compared here is damaged (its stored text does "
                              "not match its checksum) and cannot be restored.") + "\n" + caption
        self._diff_later(older.content if older else {}, newer.content, caption)

    # ---- review views --------------------------------------------------------------
    def show_review(self, kind: str) -> bool:
        """"submit": what changed since submission; "editor": what the editor changed."""
        if self.article_id is None:
            return False
        try:
            old, new = review_pair(self.library, self.article_id, kind)  # type: ignore[arg-type]
        except DeskappError as error:
            self._show_diff({}, error_words(error))
            return False
        self.list.clearSelection()
        base = review_base(status_events(self.library, self.article_id))
        if kind == "submit" and base is not None and base.action == "return":
            caption = (self.tr("What changed since the article was returned to the reporter "
                               "(%1): the reporter's answer and any edits since")
                       .replace("%1", local_time(base.at)))
        elif kind == "submit":
            caption = self.tr("What changed since the reporter submitted")
        else:
            caption = self.tr("What the editor changed")
        self._diff_later(old, new, caption)
        return True

    # ---- the diff, on a worker -----------------------------------------------------
    def _diff_later(self, old: Mapping[str, object], new: Mapping[str, object],
                    caption: str) -> None:
        """Compare in the background; only the newest comparison asked for is shown."""
        self._wanted = (old, new, caption)
        self.caption.setText(self.tr("Comparing…"))
        self.diff_job.request()

    def _start_diff(self) -> None:
        if self._wanted is None or not self.diff_job.begin():
            return
        old, new, caption = self._wanted
        self._wanted = None

        def shown(diff: object) -> None:
            if self._wanted is None:  # nothing newer was asked for meanwhile
                self._show_diff(diff, caption)  # type: ignore[arg-type]

        self.diff_job.start(lambda: diff_fields(old, new), shown,
                            lambda error: self._show_diff({}, error_words(error)))

    def wait(self) -> bool:
        return self.diff_job.wait()

    # ---- showing -------------------------------------------------------------------
    def _show_diff(self, diff: Mapping[str, list[Op]], caption: str) -> None:
        self._diff = dict(diff)
        self.caption.setText(caption)
        self._render()
        self.diffShown.emit()

    def _render(self) -> None:
        names = {"title": self.tr("Headline"), "lead": self.tr("Lead"),
                 "body": self.tr("Body"), "byline": self.tr("Byline")}
        side = self.mode.currentData() == "side"
        self.views.setCurrentIndex(1 if side else 0)
        if not self._diff:
            nothing = self.tr("No differences.")
            empty = f"<p style='color:#666666'>{html.escape(nothing)}</p>"
            for view in (self.inline, self.left, self.right):
                view.setHtml(empty if self.caption.text() else "")
            return
        inline, left, right = [], [], []
        for name, ops in self._diff.items():
            heading = f"<h4 style='margin:6px 0 2px 0'>{html.escape(names.get(name, name))}</h4>"
            inline.append(heading + f"<p>{ops_inline(ops)}</p>")
            old, new = ops_side_by_side(ops)
            left.append(heading + f"<p>{old}</p>")
            right.append(heading + f"<p>{new}</p>")
        self.inline.setHtml("".join(inline))
        self.left.setHtml("".join(left))
        self.right.setHtml("".join(right))

    def diff_text(self) -> str:
        """The difference as plain text (what the inline view shows)."""
        return self.inline.toPlainText()

    def _restore_clicked(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            self.restoreRequested.emit(chosen[0].id)
