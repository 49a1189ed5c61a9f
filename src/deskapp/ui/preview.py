"""The live preview pane: renders off the UI thread, coalesced while typing.

At most one render is in flight; changes that arrive meanwhile set an "again"
flag, so the pane catches up with the newest text without queueing stale
renders. The wait before rendering grows with the document's length, so a
600-word article follows the typing at once while a book-length paste does
not make typing stutter. Only ``setHtml`` runs on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from deskapp.model import Article
from deskapp.ui.preview_links import LinkGuard, SafeBrowser
from deskapp.ui.theme import preview_html
from deskapp.ui.workers import Runner

MIN_DELAY_MS = 120
MAX_DELAY_MS = 1500


def render_delay(chars: int) -> int:
    """Milliseconds to wait after a change before rendering ``chars`` of text."""
    return min(MAX_DELAY_MS, MIN_DELAY_MS + chars // 400)


class PreviewPanel(QWidget):
    """An HTML view of the article that follows the editor."""

    rendered = Signal()

    def __init__(self, render: Callable[[Article], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._render = render
        self.browser = SafeBrowser(self)
        self.links = LinkGuard(self.browser, self)  # links open only with consent
        self.browser.setObjectName("preview")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self._runner = Runner(self, threads=1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start)
        self._pending: Article | None = None
        self._source: Callable[[], Article | None] | None = None
        self._busy = False
        self.dark = False
        self._again = False
        self.last_html = ""

    def show_article(self, article: Article, *, immediately: bool = False) -> None:
        """Ask for a render of ``article`` (a snapshot: it is not read later)."""
        self._pending = article
        self._source = None
        delay = 0 if immediately else render_delay(len(article.body))
        self._timer.start(delay)

    def request(self, source: Callable[[], Article | None], len_hint: int) -> None:
        """Ask for a render of what ``source`` returns when the wait is over.

        Typing calls this on every key: the article is read once per render,
        not once per keystroke.
        """
        self._source = source
        self._timer.start(render_delay(len_hint))

    def set_dark(self, dark: bool) -> None:
        """Recolour the preview for a dark window (or back)."""
        if dark == self.dark:
            return
        self.dark = dark
        if self.last_html:
            self._set_html(self.last_html)

    def clear(self) -> None:
        self._pending = None
        self._source = None
        self._timer.stop()
        self.browser.clear()
        self.last_html = ""

    def shutdown(self, msecs: int = 10000) -> bool:
        """Stop scheduling renders and wait for the one in flight (before the window goes)."""
        self._timer.stop()
        self._pending = None
        self._source = None
        self._again = False
        return self._runner.wait(msecs)

    def is_idle(self) -> bool:
        return not (self._busy or self._timer.isActive() or self._again)

    def _start(self) -> None:
        if self._busy:
            self._again = True
            return
        if self._source is not None:
            self._pending = self._source()
            self._source = None
        article = self._pending
        if article is None:
            return
        self._busy = True
        self._runner.start(lambda: self._render(article), self._show, self._failed)

    def _show(self, html: str) -> None:
        self._set_html(html)
        self.last_html = html
        self._finish()
        self.rendered.emit()

    def _set_html(self, html: str) -> None:
        bar = self.browser.verticalScrollBar()
        ratio = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self.browser.setHtml(preview_html(html, self.dark))
        bar.setValue(round(ratio * bar.maximum()))

    def _failed(self, error: Exception) -> None:
        self.browser.setPlainText(f"{type(error).__name__}: {error}")
        self._finish()

    def _finish(self) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self._start()
