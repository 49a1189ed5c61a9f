"""Markdown formatting commands for the body: bold, italic, heading, list, quote, link, photo.

Each command is one edit (one undo) and works on the selection, or on the
line under the cursor for the line commands.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QToolBar, QWidget

from deskapp.ui.common.i18n import OwnContextTr
from deskapp.ui.common.shortcuts import keys, make_action

PHOTO_CAPTION = "chú thích"
PHOTO_FILE = "ảnh.jpg"
LINK_URL = "https://"


def toggle_wrap(edit: QPlainTextEdit, marker: str) -> None:
    """Wrap the selection in ``marker`` (or unwrap it); with no selection, place the cursor
    between a pair of markers."""
    cursor = edit.textCursor()
    selected = cursor.selectedText()
    cursor.beginEditBlock()
    if not selected:
        position = cursor.position()
        cursor.insertText(marker + marker)
        cursor.setPosition(position + len(marker))
    else:
        start = cursor.selectionStart()
        size = len(marker)
        wrapped = len(selected) > 2 * size and selected.startswith(marker) \
            and selected.endswith(marker)
        text = selected[size:-size] if wrapped else marker + selected + marker
        cursor.insertText(text.replace("\u2029", "\n"))
        cursor.setPosition(start)
        cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    cursor.endEditBlock()
    edit.setTextCursor(cursor)


def toggle_prefix(edit: QPlainTextEdit, prefix: str) -> None:
    """Add ``prefix`` at the start of every selected line, or remove it if all have it."""
    cursor = edit.textCursor()
    document = edit.document()
    first = document.findBlock(cursor.selectionStart())
    last = document.findBlock(cursor.selectionEnd())
    blocks = []
    block = first
    while block.isValid():
        blocks.append(block)
        if block == last:
            break
        block = block.next()
    remove = all(b.text().startswith(prefix) for b in blocks)
    cursor.beginEditBlock()
    for block in blocks:
        line = QTextCursor(block)
        if remove:
            line.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor,
                              len(prefix))
            line.removeSelectedText()
        else:
            line.insertText(prefix)
    cursor.endEditBlock()
    edit.setTextCursor(cursor)


def insert_link(edit: QPlainTextEdit, placeholder: str) -> None:
    """Turn the selection into ``[text](https://)`` and select the address to type over."""
    cursor = edit.textCursor()
    label = cursor.selectedText().replace("\u2029", " ") or placeholder
    cursor.beginEditBlock()
    start = cursor.selectionStart()
    cursor.insertText(f"[{label}]({LINK_URL})")
    url_start = start + len(label) + 3
    cursor.setPosition(url_start)
    cursor.setPosition(url_start + len(LINK_URL), QTextCursor.MoveMode.KeepAnchor)
    cursor.endEditBlock()
    edit.setTextCursor(cursor)


def insert_photo(edit: QPlainTextEdit, caption: str = PHOTO_CAPTION, target: str = PHOTO_FILE,
                 credit: str = "") -> None:
    """Insert ``![chú thích](ảnh.jpg "credit")`` as its own paragraph and select the caption."""
    caption = caption.replace("[", "(").replace("]", ")")
    title = ' "' + credit.replace('"', "”") + '"' if credit else ""
    cursor = edit.textCursor()
    cursor.beginEditBlock()
    cursor.clearSelection()
    block_text = cursor.block().text()
    before = "" if not block_text.strip() else "\n\n"
    if block_text.strip():
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    start = cursor.position() + len(before) + 2
    cursor.insertText(f"{before}![{caption}]({target}{title})")
    cursor.setPosition(start)
    cursor.setPosition(start + len(caption.encode("utf-16-le")) // 2,
                       QTextCursor.MoveMode.KeepAnchor)
    cursor.endEditBlock()
    edit.setTextCursor(cursor)


class FormatActions(OwnContextTr, QObject):
    """The formatting actions for one Markdown editor, with their shortcuts."""

    def __init__(self, edit: QPlainTextEdit, parent: QWidget) -> None:
        super().__init__(parent)
        self.edit = edit
        # The window sets this to its "Insert photo…" (a file dialog); without it the
        # Photo command inserts a placeholder reference to fill in by hand.
        self.photo_handler: Callable[[], None] | None = None

        def action(text: str, tip: str, shortcut: str, slot: object) -> QAction:
            act = make_action(text, parent)
            act.setShortcut(keys(shortcut))
            shown = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            act.setToolTip(f"{tip} ({shown})")
            act.triggered.connect(lambda _c=False: self._run(slot))
            return act

        # The menu shows the words, the toolbar the icons (the words in their tooltips).
        self.bold = action(self.tr("Bold"), self.tr("Bold"), "Ctrl+B",
                           lambda: toggle_wrap(edit, "**"))
        self.italic = action(self.tr("Italic"), self.tr("Italic"), "Ctrl+I",
                             lambda: toggle_wrap(edit, "*"))
        self.heading = action(self.tr("Heading"), self.tr("Heading"), "Ctrl+Shift+H",
                              lambda: toggle_prefix(edit, "## "))
        self.bullets = action(self.tr("Bulleted list"), self.tr("Bulleted list"),
                              "Ctrl+Shift+L", lambda: toggle_prefix(edit, "- "))
        self.quote = action(self.tr("Quotation"), self.tr("Quotation"), "Ctrl+Shift+Q",
                            lambda: toggle_prefix(edit, "> "))
        self.link = action(self.tr("Link"), self.tr("Link"), "Ctrl+K",
                           lambda: insert_link(edit, self.tr("link text")))
        self.photo = action(self.tr("Photo"), self.tr("Photo placeholder with caption"),
                            "Ctrl+Shift+P", self._photo)
        bold_font = self.bold.font()
        bold_font.setBold(True)
        self.bold.setFont(bold_font)
        italic_font = self.italic.font()
        italic_font.setItalic(True)
        self.italic.setFont(italic_font)
        self.all = [self.bold, self.italic, self.heading, self.bullets, self.quote, self.link,
                    self.photo]

    def toolbar(self, parent: QWidget) -> QToolBar:
        bar = QToolBar(self.tr("Formatting"), parent)
        bar.setObjectName("formatToolbar")
        for act in self.all:
            bar.addAction(act)
        return bar

    def _photo(self) -> None:
        if self.photo_handler is not None:
            self.photo_handler()
        else:
            insert_photo(self.edit)

    def _run(self, slot: object) -> None:
        if not self.edit.isEnabled():
            return
        slot()  # type: ignore[operator]
        self.edit.setFocus()
