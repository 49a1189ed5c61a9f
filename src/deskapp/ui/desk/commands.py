"""The Article menu's review commands: comments, what changed, proofing, restoring a revision.

:class:`DeskCommands` works through the session (the open article and its
library) and the review docks; the status actions themselves are
:class:`~deskapp.ui.desk.desk_actions.DeskActions`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from deskapp.desk import save_edit
from deskapp.errors import DeskappError
from deskapp.model import RevisionKind
from deskapp.ui.common.i18n import OwnContextTr
from deskapp.ui.common.shortcuts import command

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget, QStatusBar

    from deskapp.ui.desk.review_docks import ReviewDocks
    from deskapp.ui.editor.session import ArticleSession


class DeskCommands(OwnContextTr, QObject):
    """Add comment, What changed, Check now, the Name register, the House style, Restore."""

    def __init__(self, session: ArticleSession, review: ReviewDocks, status_bar: QStatusBar,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.review = review
        self._status = status_bar
        self.act_comment = command(self.tr("Add &comment on selection…"), self,
                                   self.add_comment, "Ctrl+Alt+M")
        self.act_changes_since = command(self.tr("What changed since &submission"), self,
                                         lambda: self.show_review("submit"))
        self.act_editor_changes = command(self.tr("What the &editor changed"), self,
                                          lambda: self.show_review("editor"))
        self.act_proof = command(self.tr("&Check the article now"), self,
                                 lambda: self._show_dock(review.proof_dock,
                                                         lambda: review.proof.run()),
                                 "F7")
        self.act_names = command(self.tr("Name &register…"), self, self.open_names)
        self.act_house_style = command(self.tr("&House style…"), self, self.open_house_style)
        self.names_dialog: QWidget | None = None
        self.house_style_dialog: QWidget | None = None
        session.editor.targetChanged.connect(lambda _t: self.store_target())

    def actions(self) -> tuple:
        return (self.act_comment, self.act_changes_since, self.act_editor_changes,
                self.act_proof, self.act_names, self.act_house_style)

    def open_names(self) -> None:
        """The newsroom's name register; a change there checks the open article again."""
        from deskapp.ui.desk.name_register import NameRegisterDialog

        parent = self.parent()
        dialog = NameRegisterDialog(self.session, parent if isinstance(parent, QWidget) else None)
        dialog.changed.connect(self.review.recheck_proofing)
        self.names_dialog = dialog
        dialog.open()

    def open_house_style(self) -> None:
        """The newsroom's proofing choices; a change there checks the open article again."""
        from deskapp.ui.desk.house_style import HouseStyleDialog

        parent = self.parent()
        dialog = HouseStyleDialog(self.session, parent if isinstance(parent, QWidget) else None)
        dialog.changed.connect(self.review.recheck_proofing)
        self.house_style_dialog = dialog
        dialog.open()

    def _show_dock(self, dock: QDockWidget, then: Callable[[], object]) -> None:
        self.review.open(dock)
        then()

    def show_comments(self) -> None:
        """Open the Comments panel on the open article's comments."""
        self._show_dock(self.review.comments_dock, self.review.comments.refresh)

    def add_comment(self) -> None:
        self._show_dock(self.review.comments_dock, self.review.comments.add_from_selection)

    def show_review(self, kind: str) -> bool:
        """Show "what changed since submission" or "what the editor changed"."""
        if not self.session.flush():
            return False
        self.review.open(self.review.history_dock)
        return self.review.history.show_review(kind)

    def restore_revision(self, revision_id: str) -> bool:
        """Make an old revision the current text again (as a new "restore" revision)."""
        session = self.session
        article = session.editor.article
        if article is None or not session.flush():
            return False
        library = session.library
        try:
            revision = library.revision(revision_id)
            if revision.damaged:
                raise RevisionDamaged(revision)
            content = {k: v for k, v in revision.content.items() if k != "status"}
            restored = library.get(article.id).with_content(**content)
            saved = save_edit(library, restored, kind=RevisionKind.RESTORE,
                              user=session.user, role=session.role)
        except RevisionDamaged:
            session.errors.show(self.tr(
                "This revision is damaged: its stored text no longer matches its checksum, "
                "so it cannot be restored. Nothing was changed; the other revisions are "
                "intact."))
            return False
        except (DeskappError, TypeError, ValueError) as error:
            session.errors.show(self.tr("This revision cannot be restored: %1")
                                .replace("%1", session.errors.words(error)))
            return False
        session.show(saved)
        self._status.showMessage(self.tr("Revision restored"), 4000)
        return True

    def store_target(self) -> None:
        """Keep the length target with the article (it is not part of a revision)."""
        session = self.session
        if session.editor.article is None or not session.flush():
            return
        article = session.editor.article  # as saved just now, with the new target
        if article is not None and article.revision_id:
            session.errors.guard(lambda: session.library.set_head(article,
                                                                  article.revision_id or ""))


class RevisionDamaged(Exception):
    """A revision whose stored content does not match its checksum."""
