"""The Article menu: submit, take, return, approve — what the user's role allows now.

Each action saves pending typing first, then asks ``deskapp.desk.transition``
with the status the window shows, so a change made meanwhile in another
window is refused with a clear message instead of being overwritten.

The four actions stay in the menu and the toolbar in every status; those the
role may not take now are disabled, so nothing moves under the mouse.
Approve asks first, naming the article; Return's question for the reason is
its confirmation (Cancel changes nothing); Submit says how many proofing
findings the text still has and lets the reporter submit anyway or fix them.
Every question is an attribute (``ask_reason``, ``ask_override``,
``ask_confirm``, ``ask_findings``) that tests replace with an answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QToolBar, QWidget

from deskapp.desk import Action, DeskError, allowed_actions, last_event, transition
from deskapp.errors import DeskappError
from deskapp.model import Article, Status
from deskapp.text.tone_setting import style_setting
from deskapp.ui.common.i18n import OwnContextTr, plural
from deskapp.ui.common.shortcuts import keys, make_action
from deskapp.ui.common.time_format import local_time
from deskapp.ui.common.workers import Runner
from deskapp.ui.desk.desk_labels import status_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar

    from deskapp.ui.desk.review_docks import ReviewDocks
    from deskapp.ui.editor.session import ArticleSession

# Asks for a text (a reason, a note) with this prompt; None when the user cancels.
AskText = Callable[[str], str | None]
# Asks this yes-or-no question; True to go on.
Confirm = Callable[[str], bool]
# Says this about open proofing findings: SUBMIT_ANYWAY, FIX_FIRST, or None to cancel.
AskChoice = Callable[[str], str | None]
SUBMIT_ANYWAY = "submit"
FIX_FIRST = "fix"


class DeskActions(OwnContextTr, QObject):
    """Actions for the status of the open article; ``statusChanged(article)`` after each."""

    statusChanged = Signal(object)

    def __init__(self, host: QWidget, session: ArticleSession, status_bar: QStatusBar,
                 review: ReviewDocks | None = None) -> None:
        super().__init__(host)
        self.host = host
        self.session = session
        self.review = review
        self._status = status_bar
        self.ask_reason: AskText = self._ask_reason
        self.ask_override: AskText = self._ask_override
        self.ask_confirm: Confirm = self._ask_confirm
        self.ask_findings: AskChoice = self._ask_findings
        self._proofing = Runner(self, threads=1)  # the check before a submit
        self._checks = 0  # checks started before a submit; only the latest one asks

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
        """Enable what the role may do from the current status; refresh the banner.

        Nothing is hidden: the menu keeps its items where they are.
        """
        article = self.session.editor.article
        allowed = (set(allowed_actions(article.status, self.session.role))
                   if article is not None else set())
        for act, item in self.actions.items():
            item.setVisible(True)
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
                note: str | None = None, confirmed: bool = False,
                shown: Status | None = None) -> Article | None:
        """Take ``action`` on the open article; returns the saved article, or None.

        Approve asks ``ask_confirm`` first and Return ``ask_reason``, unless
        ``confirmed`` (or the reason is given). Submit counts the proofing
        findings first (the proofing panel's, when it checked this very text;
        else on a worker, and then the submit goes on when the check is back and
        None is returned now): with findings it asks ``ask_findings``.
        ``statusChanged`` follows every change made.
        """
        session, editor = self.session, self.session.editor
        action = Action(action)
        if editor.article is None:
            return None
        # The status the user saw when choosing the action: saving the typing first
        # brings in the library's current status, which may have moved on meanwhile.
        shown = shown if shown is not None else editor.article.status
        if not session.flush():
            return None
        article = editor.article
        if article is None:
            return None
        title = headline(article, self.tr("(no headline)"))
        # Ask only about a change that can happen: a refused or stale one is refused
        # below with its reason, and nothing is asked in vain.
        confirmed = confirmed or not (
            article.status == shown and action in allowed_actions(shown, session.role))
        if action is Action.APPROVE and not confirmed:
            if not self.ask_confirm(self.tr("Approve “%1” for print?\n\nIts status becomes "
                                            "Approved; the change is kept in the history.")
                                    .replace("%1", title)):
                return None
            confirmed = True
        if action is Action.RETURN and reason is None:
            reason = self.ask_reason(
                self.tr("Return “%1” to the reporter?\n\nWrite why (the reporter sees it and "
                        "the history keeps it). Cancel changes nothing.").replace("%1", title))
            if not reason:
                return None
        if action is Action.SUBMIT and not confirmed:
            count = self.review.latest_findings() if self.review is not None else None
            if count is None:
                self._check_then_submit(article, shown)
                return None
            if not self._submit_despite(count, title):
                return None
        try:
            saved = transition(
                session.library, article.id, action, user=session.user, role=session.role,
                reason=reason, override_note=note, expected_status=shown,
                tone_style=style_setting(session.setting("tone_style")),
            )
        except DeskError as error:
            if error.code == "proof_findings" and note is None:
                note = self.ask_override(session.errors.words(error))
                if note:
                    return self.perform(action, reason=reason, note=note, confirmed=True,
                                        shown=shown)
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

    # ---- the proofing check before a submit -----------------------------------
    def _check_then_submit(self, article: Article, shown: Status) -> None:
        """Count the findings on a worker (a long article takes tens of ms), then go on."""
        from deskapp.proof import check

        self._checks += 1  # a later Submit replaces this one's question
        number = self._checks
        house = self.session.house_style()  # read here: the worker has no library
        self._status.showMessage(self.tr("Checking the article before submitting…"))

        def go_on(count: int) -> None:
            if number != self._checks:
                return
            self._status.clearMessage()
            editor = self.session.editor
            if editor.article_id != article.id or editor.article is None:
                return  # another article is open now: submit nothing
            if self._submit_despite(count, headline(editor.article, self.tr("(no headline)"))):
                self.perform(Action.SUBMIT, confirmed=True, shown=shown)

        self._proofing.start(lambda: len(check(article, house=house)), go_on,
                             lambda _error: go_on(0))  # a check that fails blocks nothing

    def _submit_despite(self, count: int, title: str) -> bool:
        """True to submit: no findings, or the reporter submits anyway."""
        if count <= 0:
            return True
        found = plural(self.tr("%n proofing finding(s)", "", count), count)
        choice = self.ask_findings(
            self.tr("“%1” still has %2.\n\nSubmit it anyway, or fix them first?")
            .replace("%1", title).replace("%2", found))
        if choice == FIX_FIRST:
            self.show_proofing()
        return choice == SUBMIT_ANYWAY

    def show_proofing(self) -> None:
        """Open the proofing panel on the open article's findings."""
        if self.review is None:
            return
        self.review.open(self.review.proof_dock)  # the side area's front tab, as F7 does
        self.review.proof.run()

    def wait(self) -> None:
        self._proofing.wait()

    # ---- questions -------------------------------------------------------------
    def _ask_reason(self, prompt: str) -> str | None:
        return self._ask(self.tr("Return to the reporter"), prompt)

    def _ask_override(self, message: str) -> str | None:
        prompt = message + "\n\n" + self.tr("Approve anyway? Write why (kept in the history):")
        return self._ask(self.tr("Approve anyway"), prompt)

    def _ask(self, title: str, prompt: str) -> str | None:
        from deskapp.ui.editor.text_dialog import TextDialog

        return TextDialog.ask(self.host, title, prompt, self.session.editor.typing)

    def _ask_confirm(self, question: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Approve"), question,
                          QMessageBox.StandardButton.Cancel, self.host)
        approve = box.addButton(self.tr("&Approve"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter alone approves nothing
        box.exec()
        return box.clickedButton() is approve

    def _ask_findings(self, message: str) -> str | None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Submit to the desk"), message,
                          QMessageBox.StandardButton.Cancel, self.host)
        submit = box.addButton(self.tr("&Submit anyway"), QMessageBox.ButtonRole.AcceptRole)
        fix = box.addButton(self.tr("&Fix first"), QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(fix)
        box.exec()
        clicked = box.clickedButton()
        return SUBMIT_ANYWAY if clicked is submit else FIX_FIRST if clicked is fix else None


def headline(article: Article, missing: str) -> str:
    """The article's headline as questions name it (``missing`` when it has none)."""
    title = " ".join(article.title.split())
    if len(title) > 80:
        title = title[:79].rstrip() + "…"
    return title or missing
