"""Newsroom → Sync now, the server settings, background sync and its status-bar text.

The sync itself (:mod:`deskapp.sync`) runs on a worker thread with its own
connection to the library file; the window only flushes the typing first and
shows the outcome. While the window is open a timer syncs every few minutes
when a server is set; when such a background sync fails only the status text
(and its tooltip) changes, while a Sync now that fails says why in a message.
The article open in the editor is never merged under the cursor: if the
server brings a newer version of it, it arrives as a conflict, which is
settled at once in favour of the server when nobody typed meanwhile.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
)

from deskapp.errors import DeskappError
from deskapp.store import Library
from deskapp.sync.errors import SyncError
from deskapp.sync.messages import sync_message
from deskapp.sync.target import (
    keyring_available,
    last_sync,
    load_target,
    older_waiting,
    save_target,
    store_password,
)
from deskapp.ui.common.i18n import OwnContextTr, core_language, plural
from deskapp.ui.common.shortcuts import keys, make_action

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from deskapp.sync.engine import SyncReport
    from deskapp.ui.common.workers import Runner
    from deskapp.ui.desk.review_docks import ReviewDocks
    from deskapp.ui.editor.session import ArticleSession
    from deskapp.ui.exchange.hand_off import HandOff
    from deskapp.ui.sync.desk_view import DeskView

BACKGROUND_INTERVAL_MS = 5 * 60 * 1000
OLDER_AT_ONCE = 1000  # older articles fetched by one "Get older articles"
FIRST_ATTEMPT_MS = 15 * 1000
_PASSWORD_CODES = ("sync_auth_failed", "sync_password_needed")


def needs_password(error: Exception) -> bool:
    """The server wants a password it was not given, or refused the one it got."""
    return getattr(error, "code", "") in _PASSWORD_CODES


class SyncPanel(OwnContextTr, QObject):
    """The window's side of syncing with the newsroom server."""

    finished = Signal(object)  # SyncReport
    failed = Signal(str)  # the sentence shown

    def __init__(self, host: QMainWindow, session: ArticleSession, runner: Runner,
                 review: ReviewDocks, hand_off: HandOff, refresh_list: Callable[[], object]
                 ) -> None:
        super().__init__(host)
        self.host = host
        self.session = session
        self.runner = runner
        self._review = review
        self._hand_off = hand_off
        self._refresh_list = refresh_list
        self.running = False
        self.last_error = ""
        self.refused = ""
        self.note = ""  # what the last sync left aside, said in the tooltip (not a failure)
        self._password: str | None = None  # typed this session, when no keyring keeps it
        self._protected: dict[str, str | None] = {}

        # Other windows' labels hear a language change too: only an open window rewrites.
        self.label = _StatusLabel(lambda: self._timed(self.show_state), host)
        self.label.setObjectName("syncStatus")
        self.act_sync = make_action(self.tr("&Sync now"), host)
        self.act_sync.setShortcut(keys("Ctrl+Shift+Y"))
        self.act_sync.triggered.connect(lambda _checked=False: self.sync_now())
        self.act_settings = make_action(self.tr("Newsroom &server…"), host)
        self.act_settings.triggered.connect(lambda _checked=False: self.edit_settings())
        # what a first sync left on the server (approved or exported before its window)
        self.act_older = make_action(self.tr("Get &older articles"), host)
        self.act_older.triggered.connect(
            lambda _checked=False: self.sync_now(older=OLDER_AT_ONCE))
        self.act_older.setEnabled(older_waiting(self.library))
        self.menu = QMenu(self.tr("&Newsroom"), host)
        self.menu.addAction(self.act_sync)
        self.menu.addAction(self.act_older)
        self.menu.addAction(self.act_settings)

        self.closed = False
        self.background = QTimer(self)
        self.background.setInterval(BACKGROUND_INTERVAL_MS)
        self.background.timeout.connect(
            lambda: self._timed(lambda: self.sync_now(background=True)))
        self.background.start()
        QTimer.singleShot(FIRST_ATTEMPT_MS, self,
                          lambda: self._timed(lambda: self.sync_now(background=True)))
        self.clock = QTimer(self)
        self.clock.setInterval(30 * 1000)
        self.clock.timeout.connect(lambda: self._timed(self.show_state))
        self.clock.start()
        self.show_state()
        self._desk_view: DeskView | None = None

    @property
    def desk_view(self) -> DeskView:
        """The desk dock, built once the window is painted (:meth:`settle`) or when asked for."""
        if self._desk_view is None:
            from deskapp.ui.sync.desk_view import DeskView

            self._desk_view = DeskView(self.host, self.session, self.runner, self)
            # Shown where the last session left it (the window's state was restored earlier).
            self.host.restoreDockWidget(self._desk_view.dock)
        return self._desk_view

    def window_closing(self) -> None:
        """The window is closing: free the soft lock the desk view took, if any."""
        if self._desk_view is not None:
            self._desk_view.release()

    def settle(self) -> None:
        """After the first paint: the desk view (and the server code behind it)."""
        self.desk_view  # noqa: B018 (builds it)

    @property
    def library(self) -> Library:
        return self.session.library

    def _timed(self, fn: Callable[[], object]) -> None:
        """A timer's work, only while the window is open and its library readable."""
        if self.closed or not self.host.isVisible():
            return
        try:
            fn()
        except (sqlite3.ProgrammingError, DeskappError):
            self.closed = True  # the library was closed under the window: nothing to do
            self.background.stop()
            self.clock.stop()

    @property
    def session_password(self) -> str | None:
        """The password typed this session when no keyring keeps it (else ``None``)."""
        return self._password

    # ---- syncing -------------------------------------------------------------
    def sync_now(self, *, background: bool = False, older: int = 0) -> bool:
        """Start a sync on a worker thread; ``False`` if none could start.

        ``older``: then fetch up to that many of the older articles a first sync left on
        the server (Newsroom → Get older articles).
        """
        if self.running or self.closed:
            return False
        target = load_target(self.library)
        if target is None or self.library.path is None:
            if not background:
                self.edit_settings()
            return False
        if not self.session.flush():
            return False
        open_id = self.session.article_id
        self._protected = {}
        if open_id is not None:
            row = self.library.db.execute("SELECT revision_id FROM articles WHERE id = ?",
                                          [open_id]).fetchone()
            self._protected[open_id] = row[0] if row else None
        path, password = self.library.path, self._password
        unsaved = list(self._protected)

        def job() -> SyncReport:
            from deskapp.sync import run_sync

            # The window checked the file's pages when it opened it; a sync every few
            # minutes need not read a large library through again.
            library = Library.open(path, check=False)
            try:
                return run_sync(library, target, password=password,
                                unsaved_article_ids=unsaved, older=older)
            finally:
                library.close()

        self.running = True
        self.act_sync.setEnabled(False)
        self.act_older.setEnabled(False)
        self.label.setText(self.tr("Syncing…"))
        self.runner.start(job, self._done, lambda error: self._failed(error, background))
        return True

    def _done(self, report: SyncReport) -> None:
        self.running = False
        self.act_sync.setEnabled(True)
        self.act_older.setEnabled(report.older_waiting)
        if not self.host.isVisible():  # closed meanwhile: the library may be closed too
            return
        self.last_error = ""
        self.refused = ""
        settled = [result for result in report.conflicts if self._settle_open_article(result)]
        if settled:  # the resolution is new work for the server: send it soon
            QTimer.singleShot(0, self,
                              lambda: self._timed(lambda: self.sync_now(background=True)))
        self._refresh_list()
        if self.session.article_id in report.updated_ids:
            if not self.session.modified:
                self.session.reload()
            else:  # the text waits for the typing to be saved; comments and history need not
                self._review.comments_changed()
        self.refused = "\n".join(
            [sync_message("server_refused", core_language(), title=r.title, why=r.why)
             for r in report.refused]
            + [self.session.errors.words(r.error()) for r in report.approvals_refused]
            + [sync_message("article_rekeyed", core_language(), title=title or "?", old=old,
                            new=new) for old, new, title in report.rekeyed]
            + [sync_message(note, core_language())
               for note in (report.names_note, report.editions_note)
               if note in ("names_refused", "editions_refused")])
        # an older server does not carry the name register or the page plans: said in the
        # tooltip, no alarm
        self.note = "\n".join(
            sync_message(note, core_language())
            for note in (report.names_note, report.editions_note)
            if note and note not in ("names_refused", "editions_refused"))
        self.show_state()
        self.finished.emit(report)

    def _settle_open_article(self, result: object) -> bool:
        """The open article diverged only because it was open: take the server's version.

        If the editor still shows what it showed when the sync began (nobody
        typed), and the local head was the common ancestor, this was a plain
        fast-forward held back for safety: resolve it towards the server.
        Otherwise the conflict stays for the person to settle.
        """
        article_id = getattr(result, "article_id", None)
        session = self.session
        if article_id not in self._protected:
            return False
        untouched = (not session.modified
                     and self.library.get(article_id).revision_id == self._protected[article_id])
        if untouched and getattr(result, "common_ancestor", None) == getattr(
                result, "local_head", "?"):
            from deskapp.exchange.merge import resolve_conflict

            session.errors.guard(lambda: resolve_conflict(self.library, article_id, "incoming",
                                                          author=session.user))
            session.reload()
            return True
        self._hand_off.show_conflict(article_id)
        return False

    def _failed(self, error: Exception, background: bool) -> None:
        """Why the sync failed: in the status bar, and in a message when it was asked for.

        A background sync only changes the status text (and its tooltip): a box
        every few minutes while the network is down would be in the way. A
        password that is missing or refused is asked for on a manual sync.
        """
        self.running = False
        self.act_sync.setEnabled(True)
        if not self.host.isVisible():
            return
        self.act_older.setEnabled(older_waiting(self.library))
        text = self.sentence(error)
        self.last_error = text
        self.show_state()
        if not background and needs_password(error):
            if self.ask_password(text):
                self.sync_now()
                return
            self.failed.emit(text)  # the password dialog said why; cancelled, nothing more
            return
        self.failed.emit(text)
        if not background:
            self.session.errors.show(text)

    def sentence(self, error: Exception) -> str:
        """What went wrong, as a sentence in the window's language."""
        if isinstance(error, DeskappError):
            return self.session.errors.words(error)
        return self.tr("The sync stopped on an unexpected error: %1").replace(
            "%1", str(error).strip() or self.session.errors.words(error))

    def ask_password(self, why: str) -> bool:
        """Ask for the server password (kept in the keyring, else for this session)."""
        from PySide6.QtWidgets import QInputDialog

        target = load_target(self.library)
        if target is None:
            return False
        password, ok = QInputDialog.getText(
            self.host, self.tr("Newsroom server"),
            "{}\n\n{}".format(why, self.tr("Password for %1:").replace("%1", target.user)),
            QLineEdit.EchoMode.Password)
        if not ok or not password:
            return False
        if not store_password(target, password):
            self._password = password
        return True

    # ---- the status bar ------------------------------------------------------
    def show_state(self) -> None:
        """"Synced 2 minutes ago", or what went wrong (the whole sentence in the tooltip)."""
        if self.running or self.closed:
            return
        if load_target(self.library) is None:
            self.label.setText("")
            self.label.setToolTip("")
            return
        if self.last_error:
            self.label.setText(self.tr("Not synced"))
            self.label.setToolTip(self.last_error)
            return
        text = self.synced_text(last_sync(self.library))
        tip = self.tr("Newsroom server: %1").replace(
            "%1", load_target(self.library).server)  # type: ignore[union-attr]
        if self.refused:
            text = self.tr("%1 — the server refused some changes").replace("%1", text)
            tip = f"{tip}\n\n{self.refused}"
        if self.note:
            tip = f"{tip}\n\n{self.note}"
        self.label.setText(text)
        self.label.setToolTip(tip)

    def synced_text(self, stamp: str | None, now: datetime | None = None) -> str:
        if not stamp:
            return self.tr("Not synced yet")
        try:
            then = datetime.fromisoformat(stamp)
        except ValueError:
            return self.tr("Not synced yet")
        minutes = int(((now or datetime.now(UTC)) - then).total_seconds() // 60)
        if minutes < 1:
            return self.tr("Synced just now")
        if minutes < 60:
            return plural(self.tr("Synced %n minute(s) ago", "", minutes), minutes)
        hours = minutes // 60
        if hours < 48:
            return plural(self.tr("Synced %n hour(s) ago", "", hours), hours)
        return plural(self.tr("Synced %n day(s) ago", "", hours // 24), hours // 24)

    # ---- settings ------------------------------------------------------------
    def edit_settings(self) -> bool:
        dialog = ServerDialog(self.library, self.host)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.apply_settings(dialog.url.text(), dialog.password.text())

    def apply_settings(self, url: str, password: str) -> bool:
        try:
            _target, kept = save_target(self.library, url, password or None)
        except SyncError as error:
            self.session.errors.show(error)
            return False
        if password and not kept:
            self._password = password
        self.last_error = ""
        self.show_state()
        return True


class _StatusLabel(QLabel):
    """The status-bar text; written again when the window changes language."""

    def __init__(self, rewrite: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rewrite = rewrite

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def _fit(self) -> None:
        """Never narrower than the text, and laid out at once.

        The status bar otherwise places the new text in the width of the old
        one until its next layout pass ("Syncing…" then "Not synce").
        """
        margins = self.contentsMargins()
        metrics = self.fontMetrics()
        text = self.text()
        needed = (max(metrics.horizontalAdvance(text), metrics.boundingRect(text).width())
                  + margins.left() + margins.right() + 2 * self.margin())
        self.setMinimumWidth(needed if text else 0)
        bar = self.parentWidget()
        if bar is not None and bar.layout() is not None and bar.isVisible():
            bar.layout().activate()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            QTimer.singleShot(0, self, self._rewrite)  # after every translator is in place
        elif event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()


class ServerDialog(QDialog):
    """The server address and the password (which goes to the keyring, not the library)."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QDialogButtonBox

        super().__init__(parent)
        self.setWindowTitle(self.tr("Newsroom server"))
        form = QFormLayout(self)
        target = load_target(library)
        # A machine's address and a secret: typed as they are, never composed by Telex/VNI.
        self.url = QLineEdit(target.url if target else "", self)
        self.url.setPlaceholderText("postgresql://ten@may-chu/toasoan")
        self.url.setMinimumWidth(380)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Server address:"), self.url)
        form.addRow(self.tr("Password:"), self.password)
        where = (self.tr("The password is kept in the system keyring.") if keyring_available()
                 else self.tr("This computer has no keyring: the password is kept only until "
                              "Deskapp closes."))
        note = QLabel(where, self)
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
