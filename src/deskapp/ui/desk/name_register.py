"""The newsroom's name register: people, bodies and places with their approved spelling.

:class:`NameRegisterDialog` lists the register (:mod:`deskapp.store.names`);
an editor adds, changes and removes names and fills the register from the
approved articles (read on a worker through a connection of its own, written
here). A reporter sees the list and cannot change it: the register comes from
the desk, in packages. Proofing flags any other spelling of a registered name.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deskapp.desk.register import Candidate, add_candidates, approved_candidates
from deskapp.errors import DeskappError
from deskapp.store.names import KINDS, NameEntry, entries, remove_name, set_name
from deskapp.ui.common.i18n import OwnContextTr
from deskapp.ui.common.workers import Runner
from deskapp.ui.editor.text_edit import NfcLineEdit

if TYPE_CHECKING:
    from deskapp.ui.editor.session import ArticleSession


class NameRegisterDialog(OwnContextTr, QDialog):
    """The register as a table with Add, Change, Remove and Fill from approved articles."""

    changed = Signal()

    def __init__(self, session: ArticleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("nameRegisterDialog")
        self.setWindowTitle(self.tr("Name register"))
        self.editable = session.role == "editor"
        self.runner = Runner(self, threads=1)
        self.entries: list[NameEntry] = []
        # Questions, replaceable in tests: the entry to save (None: cancelled), remove or not.
        self.ask_entry: Callable[[NameEntry | None], tuple[str, str, str] | None] = \
            self._ask_entry
        self.ask_remove: Callable[[str], bool] = self._ask_remove

        intro = QLabel(self.tr(
            "People, bodies and places with the spelling the desk approved. Proofing flags "
            "any other spelling of these names in every article."), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("nameTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Kind"), self.tr("Note"), self.tr("Changed by")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.change_selected())

        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.change_button = QPushButton(self.tr("C&hange…"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.fill_button = QPushButton(self.tr("&Fill from approved articles"), self)
        self.fill_button.setToolTip(self.tr(
            "Add the people, bodies and places that approved articles name and the register "
            "does not have yet"))
        self.add_button.clicked.connect(self.add)
        self.change_button.clicked.connect(self.change_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.fill_button.clicked.connect(self.fill)
        self.status = QLabel(self)
        self.status.setObjectName("nameRegisterStatus")
        self.status.setWordWrap(True)
        if not self.editable:
            self.status.setText(self.tr(
                "Only editors change the register; it reaches you with the desk's packages."))

        row = QHBoxLayout()
        for button in (self.add_button, self.change_button, self.remove_button,
                       self.fill_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.resize(720, 460)
        self.refresh()

    # ---- showing ---------------------------------------------------------------------
    def refresh(self) -> None:
        self.entries = self.session.errors.guard(lambda: entries(self.session.library)) or []
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            for column, text in enumerate((entry.name, self.kind_name(entry.kind), entry.note,
                                           entry.updated_by)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._update_buttons()

    def kind_name(self, kind: str) -> str:
        return {"person": self.tr("Person"), "body": self.tr("Body"),
                "place": self.tr("Place")}.get(kind, kind)

    def selected(self) -> NameEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.add_button.setEnabled(self.editable)
        self.fill_button.setEnabled(self.editable)
        self.change_button.setEnabled(self.editable and chosen)
        self.remove_button.setEnabled(self.editable and chosen)

    # ---- changing ------------------------------------------------------------------------
    def add(self) -> bool:
        return self.editable and self._save(None)

    def change_selected(self) -> bool:
        entry = self.selected()
        return entry is not None and self.editable and self._save(entry)

    def _save(self, entry: NameEntry | None) -> bool:
        answer = self.ask_entry(entry)
        if answer is None:
            return False
        name, kind, note = answer
        try:
            saved = set_name(self.session.library, name, kind=kind, note=note,
                             user=self.session.user,
                             replaces=entry.name if entry is not None else None)
        except (DeskappError, sqlite3.Error) as error:
            self.session.errors.show(error)
            return False
        self._done(self.tr("“%1” is in the register.").replace("%1", saved.name))
        return True

    def remove_selected(self) -> bool:
        entry = self.selected()
        if entry is None or not self.editable or not self.ask_remove(entry.name):
            return False
        try:
            remove_name(self.session.library, entry.name, user=self.session.user)
        except (DeskappError, sqlite3.Error) as error:
            self.session.errors.show(error)
            return False
        self._done(self.tr("“%1” is out of the register.").replace("%1", entry.name))
        return True

    def fill(self) -> None:
        """Read the approved articles on a worker, then register the new names here."""
        if not self.editable:
            return
        library = self.session.library
        self.fill_button.setEnabled(False)
        self.status.setText(self.tr("Reading the approved articles…"))
        path = library.path

        def read() -> list[Candidate]:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                return approved_candidates(conn)
            finally:
                conn.close()

        if path is None:  # a library in memory (tests) has no second connection
            self._filled(approved_candidates(library.conn))
            return
        self.runner.start(read, self._filled, self._fill_failed)

    def _filled(self, candidates: object) -> None:
        try:
            added = add_candidates(self.session.library, list(candidates),  # type: ignore[call-overload]
                                   user=self.session.user)
        except (DeskappError, sqlite3.Error) as error:
            self._fill_failed(error)
            return
        self._done(self.tr("%1 names added from the approved articles.")
                   .replace("%1", str(len(added))))

    def _fill_failed(self, error: Exception) -> None:
        self.status.setText(self.tr("The approved articles could not be read: %1")
                            .replace("%1", self.session.errors.words(error)))
        self._update_buttons()

    def _done(self, words: str) -> None:
        self.refresh()
        self.status.setText(words)
        self.changed.emit()

    # ---- questions ---------------------------------------------------------------------
    def _ask_entry(self, entry: NameEntry | None) -> tuple[str, str, str] | None:
        dialog = NameEntryDialog(self.session, entry, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.answer()

    def _ask_remove(self, name: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove a name"),
                          self.tr("Take “%1” out of the name register?").replace("%1", name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes


class NameEntryDialog(OwnContextTr, QDialog):
    """One name: its approved spelling, its kind and a note (typed like the article)."""

    def __init__(self, session: ArticleSession, entry: NameEntry | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nameEntryDialog")
        self.setWindowTitle(self.tr("Change a name") if entry else self.tr("Add a name"))
        typing = session.editor.typing
        self.name = NfcLineEdit(self, typing)
        self.name.setObjectName("nameField")
        self.kind = QComboBox(self)
        for kind, words in (("person", self.tr("Person")), ("body", self.tr("Body")),
                            ("place", self.tr("Place"))):
            self.kind.addItem(words, kind)
        self.note = NfcLineEdit(self, typing)
        self.note.setObjectName("noteField")
        if entry is not None:
            self.name.setText(entry.name)
            self.kind.setCurrentIndex(max(0, KINDS.index(entry.kind)))
            self.note.setText(entry.note)
        form = QFormLayout()
        form.addRow(self.tr("&Spelling:"), self.name)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Note:"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def answer(self) -> tuple[str, str, str]:
        return self.name.text(), str(self.kind.currentData()), self.note.text()
