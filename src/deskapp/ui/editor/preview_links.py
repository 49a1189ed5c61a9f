"""The preview's safety: nothing fetched from the network, links opened only with consent.

:class:`SafeBrowser` answers every request for a remote resource (an image on a
web server, a style sheet) with nothing, so the preview never touches the
network. :class:`LinkGuard` asks before a clicked link goes to the system
browser, and only for ``http``, ``https`` and ``mailto``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWidgets import QTextBrowser, QWidget

LOCAL_SCHEMES = frozenset({"", "file", "data", "qrc"})
OPENABLE_SCHEMES = frozenset({"http", "https", "mailto"})

Confirm = Callable[[QUrl], bool]
Opener = Callable[[QUrl], bool]


class SafeBrowser(QTextBrowser):
    """A QTextBrowser that loads only local resources."""

    def loadResource(self, kind: int, name: QUrl) -> object:
        if name.scheme().lower() not in LOCAL_SCHEMES:
            return None
        return super().loadResource(kind, name)


class LinkGuard(QObject):
    """Opens clicked links in the system browser after ``confirm`` agrees.

    ``confirm`` and ``opener`` default to a question box and
    ``QDesktopServices.openUrl``; tests pass their own.
    """

    def __init__(self, browser: QTextBrowser, parent: QWidget | None = None, *,
                 confirm: Confirm | None = None, opener: Opener | None = None) -> None:
        super().__init__(parent)
        self._parent = parent
        self.confirm: Confirm = confirm or self._ask
        self.opener: Opener = opener or _open_in_browser
        browser.setOpenLinks(False)
        browser.setOpenExternalLinks(False)
        browser.anchorClicked.connect(self.clicked)

    def clicked(self, url: QUrl) -> bool:
        """Open ``url`` if it is a web or mail link and the person agrees."""
        if url.scheme().lower() not in OPENABLE_SCHEMES:
            return False
        if not self.confirm(url):
            return False
        return bool(self.opener(url))

    def _ask(self, url: QUrl) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self._parent, self.tr("Open link?"),
            self.tr("Open this address in your web browser?\n\n%1")
            .replace("%1", url.toDisplayString()),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Open


def _open_in_browser(url: QUrl) -> bool:
    from PySide6.QtGui import QDesktopServices  # loaded with the first link followed

    return QDesktopServices.openUrl(url)
