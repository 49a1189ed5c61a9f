"""Markdown syntax colouring for the body editor (headings, emphasis, code, links, quotes)."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

_HEADING = re.compile(r"^#{1,6}\s")
_QUOTE = re.compile(r"^\s{0,3}>")
_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_INLINE = (
    ("code", re.compile(r"`[^`]+`")),
    ("link", re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)")),
    ("bold", re.compile(r"\*\*(?=\S)[^*\n]+?\*\*|__(?=\S)[^_\n]+?__")),
    ("italic", re.compile(r"(?<![*\w])\*(?=[^\s*])[^*\n]+?\*(?!\*)"
                          r"|(?<![_\w])_(?=\S)[^_\n]+?_(?![_\w])")),
)
IN_FENCE = 1

_LIGHT = {"heading": "#1d4f91", "quote": "#6a6a6a", "marker": "#b35c00", "code": "#8a3b8f",
          "link": "#1d6f42", "bold": "", "italic": ""}
_DARK = {"heading": "#8ab4f8", "quote": "#a8a8a8", "marker": "#f0a050", "code": "#d59be0",
         "link": "#7fd49b", "bold": "", "italic": ""}


class MarkdownHighlighter(QSyntaxHighlighter):
    """Colours Markdown as the reporter types; never changes the text."""

    def __init__(self, document: QTextDocument, dark: bool = False) -> None:
        super().__init__(document)
        self.formats: dict[str, QTextCharFormat] = {}
        self.dark = dark
        self._build(dark)

    def set_dark(self, dark: bool) -> None:
        if dark == self.dark:  # nothing to recolour (each start sets the theme once)
            return
        self.dark = dark
        self._build(dark)
        self.rehighlight()

    def _build(self, dark: bool) -> None:
        colours = _DARK if dark else _LIGHT
        self.formats = {}
        for name, colour in colours.items():
            fmt = QTextCharFormat()
            if colour:
                fmt.setForeground(QColor(colour))
            if name in ("heading", "bold"):
                fmt.setFontWeight(QFont.Weight.Bold)
            if name in ("italic", "quote"):
                fmt.setFontItalic(True)
            if name == "code":
                fmt.setFontFamilies(["DejaVu Sans Mono", "monospace"])
            if name == "link":
                fmt.setFontUnderline(True)
            self.formats[name] = fmt

    def highlightBlock(self, text: str) -> None:
        in_fence = self.previousBlockState() == IN_FENCE
        if _FENCE.match(text):
            self.setFormat(0, len(text), self.formats["code"])
            self.setCurrentBlockState(0 if in_fence else IN_FENCE)
            return
        if in_fence:
            self.setFormat(0, len(text), self.formats["code"])
            self.setCurrentBlockState(IN_FENCE)
            return
        self.setCurrentBlockState(0)
        if not text:
            return
        if _HEADING.match(text):
            self.setFormat(0, len(text), self.formats["heading"])
            return
        quote = _QUOTE.match(text)
        if quote:
            self.setFormat(0, len(text), self.formats["quote"])
        marker = _LIST.match(text)
        if marker:
            self.setFormat(0, marker.end(), self.formats["marker"])
        for name, pattern in _INLINE:
            for found in pattern.finditer(text):
                self.setFormat(found.start(), found.end() - found.start(), self.formats[name])
