"""The main window's desk commands: the Article menu, review views, restore, length target.

A mixin of the main window, like :mod:`deskapp.ui.exchange.import_export`: it uses the
window's library, editor, desk actions and review docks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDockWidget, QToolBar

from deskapp.desk import save_edit
from deskapp.errors import DeskappError
from deskapp.messages import describe
from deskapp.model import Article, RevisionKind
from deskapp.ui.shell.shortcuts import keys, make_action

if TYPE_CHECKING:
    from deskapp.ui.shell.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class DeskWindow(_Base):
    """Article menu and history commands for :class:`MainWindow`."""

    def _build_article_menu(self, toolbar: QToolBar) -> None:
        menu = self.menuBar().addMenu(self.tr("&Article"))
        self.desk.fill_menu(menu)
        menu.addSeparator()
        self.act_comment = make_action(self.tr("Add &comment on selection…"), self)
        self.act_comment.setShortcut(keys("Ctrl+Alt+M"))
        self.act_comment.triggered.connect(lambda: self._add_comment())
        self.act_changes_since = make_action(self.tr("What changed since &submission"), self)
        self.act_changes_since.triggered.connect(lambda: self.show_review("submit"))
        self.act_editor_changes = make_action(self.tr("What the &editor changed"), self)
        self.act_editor_changes.triggered.connect(lambda: self.show_review("editor"))
        self.act_proof = make_action(self.tr("&Check the article now"), self)
        self.act_proof.setShortcut(keys("F7"))
        self.act_proof.triggered.connect(lambda: self._show_dock(self.review.proof_dock,
                                                                 self.review.proof.run))
        for act in (self.act_comment, self.act_changes_since, self.act_editor_changes,
                    self.act_proof):
            menu.addAction(act)
        menu.addSeparator()
        for dock in self.review.docks():
            menu.addAction(dock.toggleViewAction())
        toolbar.addSeparator()
        self.desk.fill_toolbar(toolbar)

    def _show_dock(self, dock: QDockWidget, then: Callable[[], object]) -> None:
        dock.show()
        dock.raise_()
        then()

    def _add_comment(self) -> None:
        self._show_dock(self.review.comments_dock, self.review.comments.add_from_selection)

    def show_review(self, kind: str) -> bool:
        """Show "what changed since submission" or "what the editor changed"."""
        if not self.flush():
            return False
        self.review.history_dock.show()
        self.review.history_dock.raise_()
        return self.review.history.show_review(kind)

    def reload_current(self) -> None:
        """Show the open article as the library has it now (after another window changed it)."""
        article_id = self.editor.article_id
        if article_id is not None and self.flush():
            article = self._guard(lambda: self.library.get(article_id))
            if isinstance(article, Article):
                self._show(article)

    def _status_after_save(self, shown: str, saved: Article) -> None:
        """Say so when saving moved the article (an approved text edited goes back to review)."""
        if str(saved.status) == str(shown):
            return
        self.desk.update()  # the banner says why (an approved text edited: back in review)

    def restore_revision(self, revision_id: str) -> bool:
        """Make an old revision the current text again (as a new "restore" revision)."""
        article = self.editor.article
        if article is None or not self.flush():
            return False
        try:
            revision = next(r for r in self.library.revisions(article.id) if r.id == revision_id)
            if revision.damaged:
                raise RevisionDamaged(revision)
            content = {k: v for k, v in revision.content.items() if k != "status"}
            restored = self.library.get(article.id).with_content(**content)
            saved = save_edit(self.library, restored, kind=RevisionKind.RESTORE,
                              user=self.user, role=self.profile.role)
        except RevisionDamaged:
            self.show_error(self.tr("This revision is damaged: its stored text no longer "
                                    "matches its checksum, so it cannot be restored. Nothing "
                                    "was changed; the other revisions are intact."))
            return False
        except (StopIteration, DeskappError, TypeError, ValueError) as error:
            text = describe(error) if isinstance(error, DeskappError) else str(error)
            self.show_error(self.tr("This revision cannot be restored: %1").replace("%1", text))
            return False
        shown = article.status
        self._show(saved)
        self.statusBar().showMessage(self.tr("Revision restored"), 4000)
        self._status_after_save(shown, saved)
        return True

    def _store_target(self) -> None:
        """Keep the length target with the article (it is not part of a revision)."""
        if self.editor.article is None or not self.flush():
            return
        article = self.editor.article  # as saved just now, with the new target
        if article is not None and article.revision_id:
            self._guard(lambda: self.library.set_head(article, article.revision_id or ""))

    def _fill_presets(self) -> None:
        """Offer the print presets beside the length target; the choice is the library's.

        The list is read once the window is painted, on a worker thread: it
        loads reportlab, which start-up does not need.
        """
        self.editor.set_presets([], self._preset())
        self.editor.presetChanged.connect(self._choose_preset)
        self.settled.connect(self._list_presets)

    def _list_presets(self) -> None:
        from deskapp.workspace import user_presets_dir

        folder = user_presets_dir()

        def read() -> list[tuple[str, str]]:
            from deskapp.pdf.presets import list_presets

            return list_presets(extra_dirs=[folder])

        self.runner.start(read, lambda presets: self.editor.set_presets(presets, self._preset()),
                          lambda _error: None)

    def _choose_preset(self, name: str) -> None:
        """Keep the chosen print preset; line counts, the preview and the next export follow."""
        self._guard(lambda: self.library.set_setting("pdf_preset", name))
        self.copyfit.job.request()
        self.preview.restyle()


class RevisionDamaged(Exception):
    """A revision whose stored content does not match its checksum."""
