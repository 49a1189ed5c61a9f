"""The live preview pane: renders off the UI thread, coalesced while typing.

At most one render is in flight; changes that arrive meanwhile set an "again"
flag, so the pane catches up with the newest text without queueing stale
renders. The wait before rendering grows with the document's length, so a
600-word article follows the typing at once while a book-length paste does
not make typing stutter. Only ``setHtml`` runs on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QTextEdit, QVBoxLayout, QWidget

from deskapp.model import Article
from deskapp.ui.common.fonts import load_bundled_fonts
from deskapp.ui.common.i18n import OwnContextTr
from deskapp.ui.common.theme import preview_html
from deskapp.ui.common.workers import Runner
from deskapp.ui.editor.preview_links import LinkGuard, SafeBrowser

if TYPE_CHECKING:
    from deskapp.model import PhotoLookup
    from deskapp.pdf.screen import ScreenLayout

MIN_DELAY_MS = 120
MAX_DELAY_MS = 1500
# A render that runs past this stops with a sentence (deskapp.render.html: budget_s).
RENDER_BUDGET_S = 5.0


def render_delay(chars: int) -> int:
    """Milliseconds to wait after a change before rendering ``chars`` of text."""
    return min(MAX_DELAY_MS, MIN_DELAY_MS + chars // 400)


class PreviewPanel(OwnContextTr, QWidget):
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
        # Filled in by the window: the article's stored photos (read on this thread, the
        # library's), and the print preset the preview is set like: (name, extra folders).
        self.assets_for: Callable[[Article], PhotoLookup | None] = lambda _article: None
        self.preset: Callable[[], tuple[str, tuple[str, ...]] | None] = lambda: None
        self.layout_used: ScreenLayout | None = None
        self._view_px = 0

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
        assets = self.assets_for(article)
        preset = self.preset()
        px_per_pt = self.browser.logicalDpiX() / 72
        self._view_px = view_px = self._view_width()
        render = self._render

        def job() -> tuple[str, ScreenLayout | None]:
            layout = _screen_layout(preset, px_per_pt, view_px)
            look = layout.look if layout is not None else None
            return render(article, assets=assets, look=look,
                          budget_s=RENDER_BUDGET_S), layout

        self._runner.start(job, self._show, self._failed)

    def restyle(self) -> None:
        """Render again (the print preset or the view's width changed)."""
        if self._pending is not None or self._source is not None:
            self._timer.start(MIN_DELAY_MS)

    def _view_width(self) -> int:
        """The width text can take, whether or not the vertical scroll bar shows yet."""
        from PySide6.QtWidgets import QStyle  # not before the first render: it costs ~6 ms

        margin = round(self.browser.document().documentMargin()) * 2
        bar = self.browser.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return max(1, self.browser.contentsRect().width() - bar - margin)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        layout = self.layout_used
        if layout is None:  # nothing rendered yet (the window is being laid out)
            return
        view_px = self._view_width()
        if view_px == self._view_px:
            return
        if layout.wrap_px == layout.content_px and view_px >= layout.content_px:
            return  # the page's measure still fits: nothing moves
        self.restyle()

    def _show(self, result: tuple[str, ScreenLayout | None]) -> None:
        html, layout = result
        self.layout_used = layout
        if layout is None:
            self.browser.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        else:
            self.browser.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
            self.browser.setLineWrapColumnOrWidth(layout.wrap_px)
        self._set_html(html)
        self.last_html = html
        self._finish()
        self.rendered.emit()

    def _set_html(self, html: str) -> None:
        load_bundled_fonts()  # the print faces (registered once, on the first render)
        bar = self.browser.verticalScrollBar()
        ratio = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self.browser.setHtml(preview_html(html, self.dark))
        bar.setValue(round(ratio * bar.maximum()))

    def _failed(self, error: Exception) -> None:
        """The preview cannot be drawn (a text past the limits, say): why, in words."""
        from deskapp.ui.common.errors import error_words

        self.browser.setPlainText(error_words(error))
        self._finish()

    def _finish(self) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self._start()


def _screen_layout(preset: tuple[str, tuple[str, ...]] | None, px_per_pt: float,
                   view_px: int) -> ScreenLayout | None:
    """The preset's look for the preview (on the render thread); None without a usable one."""
    if preset is None:
        return None
    from deskapp.pdf.screen import preset_look  # reportlab loads with it, off the UI thread

    try:
        return preset_look(preset[0], preset[1], px_per_pt, view_px)
    except Exception:  # an unknown or broken preset: the preview keeps its own style
        return None

