"""The Article menu: submit, take, return, approve — what the user's role allows now.

Each action saves pending typing first, then asks ``deskapp.desk.transition``
with the status the window shows, so a change made meanwhile in another
window is refused with a clear message instead of being overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QToolBar, QWidget

from deskapp.desk import Action, DeskError, allowed_actions, last_event, transition
from deskapp.errors import DeskappError
from deskapp.model import Article
from deskapp.ui.common.i18n import OwnContextTr
from deskapp.ui.common.shortcuts import keys, make_action
from deskapp.ui.common.time_format import local_time
from deskapp.ui.desk.desk_labels import status_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar

    from deskapp.ui.editor.session import ArticleSession

# Asks for a text (a reason, a note) with this prompt; None when the user cancels.
AskText = Callable[[str], str | None]


class DeskActions(OwnContextTr, QObject):
    """Actions for the status of the open article; ``statusChanged(article)`` after each."""

    statusChanged = Signal(object)

    def __init__(self, host: QWidget, session: ArticleSession, status_bar: QStatusBar) -> None:
        super().__init__(host)
        self.host = host
        self.session = session
        self._status = status_bar
        self.ask_reason: AskText = self._ask_reason
        self.ask_override: AskText = self._ask_override

        def action(text: str, tip: str, act: Action, shortcut: str | None = None) -> QAction:
            item = make_action(text, host)
            item.setToolTip(tip)
            if shortcut:
                item.setShortcut(keys(shortcut))
            item.triggered.connect(lambda _checked=False: self.perform(act))
            return item

        self.actions: dict[Action, QAction] = {
            Action.SUBMIT: action(self.tr("&Submit to the desk"),
                                  self.tr("Hand the article to the editors"), Action.SUBMIT,
                                  "Ctrl+Alt+S"),
            Action.TAKE: action(self.tr("&Take for review"),
                                self.tr("Start editing the submitted article"), Action.TAKE),
            Action.RETURN: action(self.tr("&Return to the reporter…"),
                                  self.tr("Send the article back with a reason"),
                                  Action.RETURN),
            Action.APPROVE: action(self.tr("&Approve"),
                                   self.tr("Approve the article for print"), Action.APPROVE),
        }
        self.badge = QLabel(host)
        self.badge.setObjectName("statusBadge")
        self.badge.setToolTip(self.tr("The article's status"))

    def fill_menu(self, menu: QMenu) -> None:
        for item in self.actions.values():
            menu.addAction(item)

    def fill_toolbar(self, toolbar: QToolBar) -> None:
        for item in self.actions.values():
            toolbar.addAction(item)

    # ---- state ---------------------------------------------------------------
    def update(self) -> None:
        """Show only what the role may do from the current status; refresh the banner."""
        article = self.session.editor.article
        allowed = (set(allowed_actions(article.status, self.session.role))
                   if article is not None else set())
        for act, item in self.actions.items():
            item.setVisible(act in allowed)
            item.setEnabled(act in allowed)
        self.badge.setVisible(article is not None)
        if article is not None:
            self.badge.setText(self.tr("Status: %1").replace("%1", status_text(article.status)))
        self._update_banner(article)

    def _update_banner(self, article: Article | None) -> None:
        banner = self.session.editor.desk_banner
        event = None
        if article is not None and str(article.status) in ("returned", "in_review"):
            event = last_event(self.session.library, article.id, ("return", "take", "reopen"))
        if event is not None and event.action == "return" and str(article.status) == "returned":
            banner.setText(self.tr("Returned by %1 (%2): %3")
                           .replace("%1", event.user or "?")
                           .replace("%2", local_time(event.at)).replace("%3", event.reason))
        elif event is not None and event.action == "reopen":
            banner.setText(self.tr("Edited by %1 (%2) after it was approved: back in review. "
                                   "It needs approving again before a PDF carries an approval.")
                           .replace("%1", event.user or "?")
                           .replace("%2", local_time(event.at)))
        else:
            banner.hide()
            return
        banner.show()

    # ---- changing the status ---------------------------------------------------
    def perform(self, action: Action | str, *, reason: str | None = None,
                note: str | None = None) -> Article | None:
        """Take ``action`` on the open article; returns the saved article, or None."""
        session, editor = self.session, self.session.editor
        action = Action(action)
        if editor.article is None:
            return None
        # The status the user saw when choosing the action: saving the typing first
        # brings in the library's current status, which may have moved on meanwhile.
        shown = editor.article.status
        if not session.flush():
            return None
        article = editor.article
        if article is None:
            return None
        if action is Action.RETURN and reason is None:
            reason = self.ask_reason(self.tr("Why is the article going back to the reporter?"))
            if not reason:
                return None
        try:
            saved = transition(
                session.library, article.id, action, user=session.user, role=session.role,
                reason=reason, override_note=note, expected_status=shown,
                tone_style=session.setting("tone_style") or None,
            )
        except DeskError as error:
            if error.code == "proof_findings" and note is None:
                note = self.ask_override(session.errors.words(error))
                if note:
                    return self.perform(action, reason=reason, note=note)
                return None
            session.errors.show(error)
            if error.code in ("transition_stale", "transition_refused"):
                session.reload()
            return None
        except DeskappError as error:
            session.errors.show(error)
            return None
        editor.accept_saved(saved)
        self._status.showMessage(
            self.tr("Status: %1").replace("%1", status_text(saved.status)), 5000)
        self.statusChanged.emit(saved)
        return saved

    def record_export(self) -> None:
        """The open article was exported: an approved one records it (as the CLI does)."""
        article = self.session.editor.article
        if (article is not None and str(article.status) in ("approved", "exported")
                and Action.EXPORT in allowed_actions(article.status, self.session.role)):
            self.perform(Action.EXPORT)

    # ---- questions -------------------------------------------------------------
    def _ask_reason(self, prompt: str) -> str | None:
        return self._ask(self.tr("Return to the reporter"), prompt)

    def _ask_override(self, message: str) -> str | None:
        prompt = message + "\n\n" + self.tr("Approve anyway? Write why (kept in the history):")
        return self._ask(self.tr("Approve anyway"), prompt)

    def _ask(self, title: str, prompt: str) -> str | None:
        from deskapp.ui.editor.text_dialog import TextDialog

        return TextDialog.ask(self.host, title, prompt, self.session.editor.typing)
