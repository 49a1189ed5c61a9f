"""Edit → Undo, Redo, Cut, Copy, Paste, Select all, acting on the text field that has focus.

The actions follow the keyboard focus: each asks the focused field (a line
edit such as the headline or the search box, or a multi-line editor such as
the body) what it can do now — undo and redo from its own history, cut and
copy when text is selected, paste when the field is writable and the
clipboard holds text — and is disabled otherwise. Pressed as keys inside a
field, the standard shortcuts are the field's own (Qt gives a text field the
first go at them), so the menu and the keys never act twice.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from deskapp.ui.common.i18n import OwnContextTr
from deskapp.ui.common.shortcuts import make_action

TextField = QLineEdit | QPlainTextEdit | QTextEdit


class EditActions(OwnContextTr, QObject):
    """Undo, Redo, Cut, Copy, Paste and Select all for the focused text field."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.field: TextField | None = None
        self._connections: list[tuple[object, Callable[..., object]]] = []
        self._clipboard_text = False

        def action(text: str, key: QKeySequence.StandardKey, method: str) -> QAction:
            act = make_action(text, window)
            act.setShortcuts(key)
            act.setEnabled(False)
            act.triggered.connect(lambda _checked=False: self._run(method))
            window.addAction(act)
            return act

        keys = QKeySequence.StandardKey
        self.undo = action(self.tr("&Undo"), keys.Undo, "undo")
        self.redo = action(self.tr("&Redo"), keys.Redo, "redo")
        self.cut = action(self.tr("Cu&t"), keys.Cut, "cut")
        self.copy = action(self.tr("&Copy"), keys.Copy, "copy")
        self.paste = action(self.tr("&Paste"), keys.Paste, "paste")
        self.select_all = action(self.tr("Select &all"), keys.SelectAll, "selectAll")
        self.all = [self.undo, self.redo, self.cut, self.copy, self.paste, self.select_all]
        self._watching_clipboard = False
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
            self._focus_changed(None, app.focusWidget())

    def watch_clipboard(self) -> None:
        """Follow the clipboard from now on (after the first paint: QClipboard costs it)."""
        if not self._watching_clipboard:
            self._watching_clipboard = True
            QGuiApplication.clipboard().dataChanged.connect(self._clipboard_changed)
            self._clipboard_changed()

    # ---- following the focus ----------------------------------------------------------
    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:  # the window lost the focus (a menu, another program): keep the field
            return
        field = new if isinstance(new, QLineEdit | QPlainTextEdit | QTextEdit) else None
        if field is self.field:
            return
        for signal, slot in self._connections:
            try:
                signal.disconnect(slot)  # type: ignore[attr-defined]
            except (RuntimeError, TypeError):  # the field is gone already
                pass
        self._connections = []
        self.field = field
        if isinstance(field, QLineEdit):
            signals = [field.textChanged, field.selectionChanged]
        elif field is not None:
            signals = [field.undoAvailable, field.redoAvailable, field.copyAvailable,
                       field.textChanged]
        else:
            signals = []
        for signal in signals:
            signal.connect(self.update)
            self._connections.append((signal, self.update))
        self.update()

    def _clipboard_changed(self) -> None:
        data = QGuiApplication.clipboard().mimeData()
        self._clipboard_text = data is not None and data.hasText()
        self.update()

    # ---- what the field can do --------------------------------------------------------
    def update(self, *_args: object) -> None:
        field = self._live_field()
        undo = redo = cut = copy = paste = select_all = False
        if isinstance(field, QLineEdit):
            writable = not field.isReadOnly()
            shows_text = field.echoMode() == QLineEdit.EchoMode.Normal
            undo = writable and field.isUndoAvailable()
            redo = writable and field.isRedoAvailable()
            copy = shows_text and field.hasSelectedText()
            cut = copy and writable
            paste = writable and self._clipboard_text
            select_all = bool(field.text())
        elif field is not None:
            writable = not field.isReadOnly()
            document = field.document()
            undo = writable and document.isUndoAvailable()
            redo = writable and document.isRedoAvailable()
            copy = field.textCursor().hasSelection()
            cut = copy and writable
            paste = writable and self._clipboard_text
            select_all = not document.isEmpty()
        for act, enabled in zip(self.all, (undo, redo, cut, copy, paste, select_all),
                                strict=True):
            act.setEnabled(enabled and field is not None and field.isEnabled())

    def _live_field(self) -> TextField | None:
        from shiboken6 import isValid

        if self.field is not None and not isValid(self.field):
            self.field = None
            self._connections = []
        return self.field

    def _run(self, method: str) -> None:
        self.watch_clipboard()
        field = self._live_field()
        if field is None:
            return
        getattr(field, method)()
        self.update()
