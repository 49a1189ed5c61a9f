"""The one place where the window words and shows an error.

Every error the window reports reaches :meth:`ErrorPresenter.show`, as the
error itself (worded here, from its code and data, in the window's current
language: :func:`deskapp.messages.words`) or as a sentence the window already
wrote with ``tr()``. The box does not block the window and nothing typed is
lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from deskapp.errors import DeskappError
from deskapp.messages import words
from deskapp.ui.common.i18n import OwnContextTr, core_language

T = TypeVar("T")


def error_words(error: BaseException | str) -> str:
    """``error`` as a sentence in the window's language (a sentence is kept as it is)."""
    return error if isinstance(error, str) else words(error, core_language())


class ErrorPresenter(OwnContextTr, QObject):
    """Shows errors over ``parent`` without blocking it; remembers the last one."""

    shown = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.last = ""

    def words(self, error: BaseException | str) -> str:
        return error_words(error)

    def show(self, error: BaseException | str) -> str:
        from PySide6.QtWidgets import QMessageBox

        text = error_words(error)
        self.last = text
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Deskapp"), text,
                          QMessageBox.StandardButton.Ok, self._parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.shown.emit(text)
        return text

    def guard(self, fn: Callable[[], T]) -> T | None:
        """Run ``fn``; a core error is shown and gives None."""
        try:
            return fn()
        except DeskappError as error:
            self.show(error)
            return None
