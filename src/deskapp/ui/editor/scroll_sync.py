"""Keep the preview and the body editor showing the same part of the article.

The renderer gives the preview no source positions, so the mapping is built
here: each paragraph-like block of the Markdown (separated by blank lines,
a fenced code block counting as one) is matched, in order, with the preview
block that starts with the same letters (folded, without Markdown marks).
Matched pairs are anchors (source line, preview y); between anchors the
position is interpolated. The headline, lead and credits around the body have
no source block and are simply skipped.

Whichever side the user scrolls leads; the other follows. A guard flag stops
the follower's own scroll signal from echoing back.
"""

from __future__ import annotations

import bisect
import re

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QPlainTextEdit, QScrollBar, QTextBrowser

from deskapp.text import fold
from deskapp.ui.common.i18n import OwnContextTr

SIGNATURE = 14
LOOKAHEAD = 80
_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|^\s{0,3}(?:#{1,6}|>|[-*+]|\d{1,3}[.)])\s+")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def _signature(text: str) -> str:
    return "".join(ch for ch in fold(text[:4 * SIGNATURE + 40]) if ch.isalnum())[:SIGNATURE]


def source_blocks(markdown: str) -> list[tuple[int, str]]:
    """(first line, signature) of every block: a paragraph, or each line of a list/quote."""
    blocks: list[tuple[int, str]] = []
    in_fence = False
    starting = True
    for number, line in enumerate(markdown.split("\n")):
        if _FENCE.match(line):
            if not in_fence:
                blocks.append((number, ""))
            in_fence = not in_fence
            starting = True
            continue
        if in_fence:
            continue
        if not line.strip():
            starting = True
            continue
        item = re.match(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s", line) is not None
        if starting or item or line.lstrip().startswith("#"):
            text = _MARKUP.sub(lambda m: m.group(1) or "", line)
            blocks.append((number, _signature(text)))
        starting = False
    return blocks


def anchors(markdown: str, preview_blocks: list[str]) -> list[tuple[int, int]]:
    """(source line, preview block number) pairs matched in order."""
    pairs: list[tuple[int, int]] = []
    signatures = [_signature(text) for text in preview_blocks]
    next_block = 0
    for line, signature in source_blocks(markdown):
        if not signature:
            continue
        stop = min(len(signatures), next_block + LOOKAHEAD)
        for index in range(next_block, stop):
            if signatures[index] and (signatures[index].startswith(signature)
                                      or signature.startswith(signatures[index])):
                pairs.append((line, index))
                next_block = index + 1
                break
    return pairs


def _interpolate(x: float, xs: list[float], ys: list[float]) -> float:
    i = bisect.bisect_right(xs, x) - 1
    if i < 0:
        return ys[0] * (x / xs[0]) if xs[0] > 0 else ys[0]
    if i >= len(xs) - 1:
        return ys[-1]
    span = xs[i + 1] - xs[i]
    t = (x - xs[i]) / span if span else 0.0
    return ys[i] + t * (ys[i + 1] - ys[i])


class ScrollSync(OwnContextTr, QObject):
    """Scrolls ``browser`` with ``edit`` and ``edit`` with ``browser``."""

    def __init__(self, edit: QPlainTextEdit, browser: QTextBrowser,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.edit = edit
        self.browser = browser
        self.enabled = True
        self._guard = False
        self._pairs: list[tuple[int, int]] | None = None
        self._leader = "edit"
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(15)
        self._timer.timeout.connect(self._follow)
        edit.verticalScrollBar().valueChanged.connect(lambda _v: self._scrolled("edit"))
        browser.verticalScrollBar().valueChanged.connect(lambda _v: self._scrolled("browser"))
        edit.document().contentsChanged.connect(self.invalidate)

    def invalidate(self) -> None:
        self._pairs = None

    def preview_rendered(self) -> None:
        """The preview has new content: map again and put it where the editor is."""
        self._pairs = None
        self._leader = "edit"
        self.sync_preview()

    # ---- the two directions ------------------------------------------------
    def sync_preview(self) -> None:
        """Scroll the preview to the editor's top line."""
        points = self._anchor_points(self.edit.verticalScrollBar(),
                                     self.browser.verticalScrollBar())
        if points is not None:
            xs, ys = points
            self._set(self.browser.verticalScrollBar(),
                      round(_interpolate(self._editor_line(), xs, ys)))

    def sync_editor(self) -> None:
        """Scroll the editor to the preview's top."""
        bar = self.browser.verticalScrollBar()
        points = self._anchor_points(bar, self.edit.verticalScrollBar())
        if points is not None:
            xs, ys = points
            self._set_editor_line(_interpolate(bar.value(), ys, xs))

    def _anchor_points(self, bar: QScrollBar, target: QScrollBar
                       ) -> tuple[list[float], list[float]] | None:
        """Move ``target`` where no anchors are needed (either end, or no anchors: in
        proportion) and return None; otherwise return the anchors to interpolate."""
        if bar.value() >= bar.maximum() > 0:
            self._set(target, target.maximum())
            return None
        if bar.value() <= 0:
            self._set(target, 0)
            return None
        xs, ys = self._points()
        if not xs:
            self._set(target, round(target.maximum() * bar.value() / max(1, bar.maximum())))
            return None
        return xs, ys

    # ---- internals ---------------------------------------------------------
    def _scrolled(self, side: str) -> None:
        if self._guard or not self.enabled:
            return
        self._leader = side
        self._timer.start()

    def _follow(self) -> None:
        if self._leader == "edit":
            self.sync_preview()
        else:
            self.sync_editor()

    def _set(self, bar: object, value: int) -> None:
        self._guard = True
        try:
            bar.setValue(value)  # type: ignore[attr-defined]
        finally:
            self._guard = False

    def _points(self) -> tuple[list[float], list[float]]:
        """Anchor positions: editor source lines and preview y, both increasing."""
        document = self.browser.document()
        if self._pairs is None:
            texts = []
            block = document.begin()
            while block.isValid():
                texts.append(block.text())
                block = block.next()
            self._pairs = anchors(self.edit.toPlainText(), texts)
        layout = document.documentLayout()
        xs: list[float] = []
        ys: list[float] = []
        for line, number in self._pairs:
            block = document.findBlockByNumber(number)
            if not block.isValid():
                continue
            y = layout.blockBoundingRect(block).top()
            if ys and y < ys[-1]:
                continue
            xs.append(float(line))
            ys.append(y)
        return xs, ys

    def _editor_line(self) -> float:
        """The source line at the top of the editor, with a fraction for wrapped lines."""
        value = self.edit.verticalScrollBar().value()
        block = self.edit.document().findBlockByLineNumber(value)
        if not block.isValid():
            return 0.0
        inside = (value - block.firstLineNumber()) / max(1, block.lineCount())
        return block.blockNumber() + inside

    def _set_editor_line(self, line: float) -> None:
        whole = int(line)
        block = self.edit.document().findBlockByNumber(whole)
        if not block.isValid():
            return
        value = block.firstLineNumber() + round((line - whole) * block.lineCount())
        self._set(self.edit.verticalScrollBar(), value)
