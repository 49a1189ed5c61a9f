"""Inline text as reportlab paragraph markup, with a log of which face draws what.

:func:`inline_markup` escapes an element's text and inline children
(bold, italic, code, links, footnote marks, the author's raw HTML as
text) into reportlab's paragraph markup. While it writes, it notes which
registered face draws which text (:class:`GlyphLog`), so the export can
refuse a character the face lacks before anything is written: reportlab
would silently draw an empty box instead. A character the text face lacks
but the symbol face has is drawn from the symbol face.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element

from reportlab.lib.fonts import ps2tt
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from deskapp.pdf.fonts import SYMBOLS, covered_runs, face_name, missing_glyphs
from deskapp.pdf.paragraph import SetParagraph
from deskapp.render.tree import RAW_TAG, photo_label
from deskapp.text import nfc

if TYPE_CHECKING:
    from deskapp.pdf.styles import PrintStyles


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities, for reportlab's paragraph markup.

    What ``xml.sax.saxutils.escape`` does, without the import: that module
    pulls in ``urllib.request`` and the e-mail package, a tenth of a
    one-page export's start-up.
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class GlyphLog:
    """Which registered face draws which text, gathered while building.

    A run already found drawable whole in its face (see :func:`drawable`) is
    logged as ``checked``: :meth:`missing` does not look at it again, which
    was a tenth of building a long article's story.
    """

    def __init__(self) -> None:
        self._texts: defaultdict[str, list[str]] = defaultdict(list)
        self._unchecked: defaultdict[str, list[str]] = defaultdict(list)

    def add(self, face: str, text: str, checked: bool = False) -> None:
        if text:
            self._texts[face].append(text)
            if not checked:
                self._unchecked[face].append(text)

    def by_face(self) -> dict[str, str]:
        return {face: "".join(texts) for face, texts in self._texts.items()}

    def missing(self) -> set[str]:
        """Characters some run of the log needs from a face that lacks them."""
        missing: set[str] = set()
        for face, texts in self._unchecked.items():
            missing |= missing_glyphs("".join(texts), face)
        return missing


def text_paragraph(text: str, style: ParagraphStyle, log: GlyphLog | None = None) -> Paragraph:
    """A paragraph of plain text (headline, lead, credits); line breaks kept."""
    face = Face.of(style)
    log = log if log is not None else GlyphLog()
    lines = nfc(text).splitlines()
    return SetParagraph("<br/>".join(drawable(line, face, log) for line in lines), style)


def drawable(text: str, face: Face, log: GlyphLog) -> str:
    """Escaped markup for ``text`` in ``face``; what the face lacks goes to the symbol face.

    Every run is logged under the face that will draw it, so the preflight
    still refuses a character that neither face has.
    """
    parts = []
    for run, covered in covered_runs(text, face.name):
        if covered:
            log.add(face.name, run, checked=True)
            parts.append(escape(run))
        else:
            symbols = replace(face, family=SYMBOLS)
            log.add(symbols.name, run)
            parts.append(f'<font face="{symbols.name}">{escape(run)}</font>')
    return "".join(parts)


def inline_markup(
    element: Element,
    styles: PrintStyles,
    base: ParagraphStyle | None = None,
    log: GlyphLog | None = None,
) -> str:
    """The text and inline children of ``element`` as reportlab paragraph markup.

    ``base`` is the style of the paragraph the markup goes into (body text by
    default); its face is where ``<b>`` and ``<i>`` start from.
    """
    style = base or styles.body
    writer = InlineWriter(Face.of(style), styles, log or GlyphLog(), style.fontSize)
    return writer.run(element.text, list(element))


@dataclass(frozen=True)
class Face:
    """A family with weight and slant, resolved the way reportlab resolves ``<b>``/``<i>``."""

    family: str
    bold: bool = False
    italic: bool = False

    @classmethod
    def of(cls, style: ParagraphStyle) -> Face:
        family, bold, italic = ps2tt(style.fontName)
        return cls(family, bool(bold), bool(italic))

    @property
    def name(self) -> str:
        return face_name(self.family, self.bold, self.italic)


class InlineWriter:
    """Writes inline elements as paragraph markup and logs the face of every run."""

    def __init__(
        self, face: Face, styles: PrintStyles, log: GlyphLog, size: float | None = None
    ) -> None:
        self.face = face
        self.styles = styles
        self.log = log
        # Mono letters look larger than serif ones at the same size.
        self.code_size = round(size * 0.9, 2) if size else None

    def run(self, text: str | None, children: Iterable[Element]) -> str:
        children = list(children)
        if any(child.tag == RAW_TAG for child in children):
            return self._run_with_raw(text, children)
        parts = [self.text(text)]
        for child in children:
            parts.append(self.element(child))
            parts.append(self.text(child.tail))
        return "".join(parts)

    def _run_with_raw(self, text: str | None, children: list[Element]) -> str:
        """Text around the author's HTML, read as the preview reads it, tags dropped.

        The raw pieces and the text between them are read as one fragment so
        what a ``<script>`` encloses is dropped here exactly as in the preview.
        """
        rendered: list[str] = []
        parts = [escape(text or "")]
        for child in children:
            if child.tag == RAW_TAG:
                parts.append(child.text or "")
            else:
                parts.append(_SLOT % len(rendered))
                rendered.append(self.element(child))
            parts.append(escape(child.tail or ""))
        import nh3  # only for text with the author's HTML in it

        pieces = _SLOT_RE.split(nh3.clean("".join(parts), tags=set(), strip_comments=True))
        return "".join(
            rendered[int(piece)] if index % 2 else self.text(html.unescape(piece))
            for index, piece in enumerate(pieces)
        )

    def text(self, text: str | None) -> str:
        if not text:
            return ""
        return drawable(nfc(text), self.face, self.log)

    def element(self, element: Element) -> str:
        tag = element.tag
        if tag in ("strong", "b"):
            return self._nested(element, replace(self.face, bold=True), "<b>", "</b>")
        if tag in ("em", "i"):
            return self._nested(element, replace(self.face, italic=True), "<i>", "</i>")
        if tag == "code":
            return self.code(element.text or "", self.code_size)
        if tag == "br":
            return "<br/>"
        if tag == "sup":
            return "<super>" + self.run(element.text, list(element)) + "</super>"
        if tag == RAW_TAG:
            return self.text(raw_html_text(element.text or ""))
        if tag == "img":
            label = photo_label(element)
            self.log.add(self.face.name, label)
            return f'<font color="{self.styles.muted_color}">[{escape(label)}]</font>'
        if tag == "a" and element.get("href"):
            href = escape(element.get("href", "")).replace('"', "&quot;")
            inner = self.run(element.text, list(element))
            return f'<a href="{href}" color="{self.styles.link_color}">{inner}</a>'
        return self.run(element.text, list(element))

    def _nested(self, element: Element, face: Face, start: str, end: str) -> str:
        outer, self.face = self.face, face
        try:
            return start + self.run(element.text, list(element)) + end
        finally:
            self.face = outer

    def code(self, text: str, size: float | None = None) -> str:
        """Code in the mono family; characters it lacks fall back to the sans family.

        DejaVu Sans Mono has no hook above (ả, ở) and no circumflex with a
        tone (ấ, ề), so Vietnamese inside code needs a second face.
        """
        text = nfc(text)
        mono = replace(self.face, family=self.styles.mono_family)
        fallback = replace(self.face, family=self.styles.fallback_family)
        size_attr = f' size="{size}"' if size else ""
        parts = []
        for run, covered in covered_runs(text, mono.name):
            face = mono if covered else fallback
            self.log.add(face.name, run, checked=covered)
            parts.append(f'<font face="{face.family}"{size_attr}>{escape(run)}</font>')
        return "".join(parts)


# Stand-ins for rendered children while raw HTML around them is read (see html.py).
_SLOT = "\x02%d\x03"
_SLOT_RE = re.compile("\x02([0-9]+)\x03")


def raw_html_text(fragment: str) -> str:
    """The text of HTML the author typed, without its tags (scripts and styles dropped).

    Print has no use for the author's markup and must never draw it as
    code; the preview shows the few harmless tags it allows.
    """
    import nh3

    return html.unescape(nh3.clean(fragment, tags=set(), strip_comments=True))
