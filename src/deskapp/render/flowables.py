"""Renderer #2 of the element tree: reportlab platypus flowables for the PDF.

One handler per block element (see ``_HANDLERS``); inline content goes
through :func:`inline_markup`, which escapes text into reportlab's paragraph
markup. While it writes markup, the builder also notes which face draws
which text (:class:`GlyphLog`), so the export can refuse a character the
face lacks before anything is written: reportlab would silently draw an
empty box instead.

Fonts are never reportlab's defaults: every style names a registered family
(see :mod:`deskapp.pdf.fonts`), so no base-14 font reaches the PDF.

Photos come from an ``assets`` lookup (name → bytes and pixel size) passed
in :class:`PhotoOptions`; render code never reads the library. A photo is
placed at the column's width, with its caption and credit under it; what
could not be placed or will print too coarse is reported as a
:class:`PhotoWarning`, never raised.
"""

from __future__ import annotations

import html
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from io import BytesIO
from typing import Any
from xml.etree.ElementTree import Element

import nh3
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.fonts import ps2tt
from reportlab.lib.styles import ListStyle, ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    AnchorFlowable,
    Flowable,
    HRFlowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    Table,
    TableStyle,
    XPreformatted,
)

from deskapp.limits import open_image
from deskapp.pdf.fonts import SYMBOLS, covered_runs, face_name
from deskapp.render.tree import (
    BLOCK_TAGS,
    FOOTNOTES_CLASS,
    PULL_CLASS,
    RAW_TAG,
    Photo,
    PhotoLookup,
    credit_line,
    photo_caption,
    photo_credit,
    photo_label,
    photo_ref,
    resolve_photo,
)
from deskapp.text import nfc

BULLETS = ("•", "–")
# Below this many pixels per printed inch a photo looks soft on newsprint.
MIN_PHOTO_DPI = 200
# Above this a photo is resampled to PRINT_PHOTO_DPI: the press cannot use
# more, and a phone's 12-megapixel photo in a column would bloat the file.
MAX_PHOTO_DPI = 450
PRINT_PHOTO_DPI = 300
# A photo never takes more of the frame's height than this.
MAX_PHOTO_SHARE = 0.6
# Advance width of DejaVu Sans Mono, in ems: how many characters fit a line.
MONO_ADVANCE = 0.602

_ALIGNMENTS = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER}
_CELL_ALIGN = re.compile(r"text-align:\s*(left|right|center)")


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities, for reportlab's paragraph markup.

    What ``xml.sax.saxutils.escape`` does, without the import: that module
    pulls in ``urllib.request`` and the e-mail package, a tenth of a
    one-page export's start-up.
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class GlyphLog:
    """Which registered face draws which text, gathered while building."""

    def __init__(self) -> None:
        self._texts: defaultdict[str, list[str]] = defaultdict(list)

    def add(self, face: str, text: str) -> None:
        if text:
            self._texts[face].append(text)

    def by_face(self) -> dict[str, str]:
        return {face: "".join(texts) for face, texts in self._texts.items()}


@dataclass(frozen=True)
class PrintStyles:
    """The paragraph styles of one print layout (sizes in points)."""

    body: ParagraphStyle
    item: ParagraphStyle
    quote: ParagraphStyle
    headings: tuple[ParagraphStyle, ...]
    code: ParagraphStyle
    cell: ParagraphStyle
    head_cell: ParagraphStyle
    photo: ParagraphStyle
    mono_family: str
    fallback_family: str
    credit: ParagraphStyle | None = None
    link_color: str = "#1d4f91"
    muted_color: str = "#666666"
    rule_color: colors.Color = field(default_factory=lambda: colors.HexColor("#9a9a9a"))
    shade_color: colors.Color = field(default_factory=lambda: colors.HexColor("#f0f0f0"))


def make_print_styles(
    *,
    text_family: str,
    heading_family: str,
    mono_family: str,
    size: float = 10.5,
    leading: float = 15.5,
) -> PrintStyles:
    """Styles for an article body; families must already be registered.

    Leading stays near 1.45 × size everywhere: Vietnamese capitals with two
    marks (Ấ, Ắ, Ề, Ỗ) are the tallest glyphs and must clear the descenders
    of the line above.
    """
    ratio = leading / size
    body = ParagraphStyle(
        "body",
        fontName=face_name(text_family),
        bulletFontName=face_name(text_family),
        fontSize=size,
        leading=leading,
        alignment=TA_JUSTIFY,
        spaceAfter=leading * 0.45,
        allowWidows=0,
        allowOrphans=0,
        textColor=colors.black,
    )
    heading_sizes = (1.55, 1.35, 1.2, 1.07, 1.0, 1.0)
    headings = tuple(
        ParagraphStyle(
            f"heading{level}",
            parent=body,
            fontName=face_name(heading_family, bold=True),
            bulletFontName=face_name(heading_family, bold=True),
            fontSize=round(size * scale, 1),
            leading=round(size * scale * max(1.35, ratio - 0.1), 1),
            alignment=TA_LEFT,
            spaceBefore=leading * 0.8,
            spaceAfter=leading * 0.3,
            keepWithNext=1,
        )
        for level, scale in enumerate(heading_sizes, start=1)
    )
    small = round(size * 0.9, 1)
    cell = ParagraphStyle(
        "cell",
        parent=body,
        fontSize=small,
        leading=round(small * ratio, 1),
        alignment=TA_LEFT,
        spaceAfter=0,
    )
    return PrintStyles(
        body=body,
        item=ParagraphStyle("item", parent=body, alignment=TA_LEFT, spaceAfter=leading * 0.2),
        quote=ParagraphStyle(
            "quote",
            parent=body,
            fontName=face_name(text_family, italic=True),
            textColor=colors.HexColor("#333333"),
        ),
        headings=headings,
        code=ParagraphStyle(
            "code",
            parent=body,
            fontName=face_name(mono_family),
            bulletFontName=face_name(mono_family),
            fontSize=round(size * 0.86, 1),
            leading=round(size * 0.86 * 1.4, 1),
            alignment=TA_LEFT,
            # The shading reaches out by borderPadding; indenting by as much
            # keeps it flush with the text column instead of in the margin.
            backColor=colors.HexColor("#f3f3f3"),
            borderPadding=(4, 6, 4, 6),
            leftIndent=6,
            rightIndent=6,
            spaceBefore=leading * 0.3,
            spaceAfter=leading * 0.75,
        ),
        cell=cell,
        head_cell=ParagraphStyle("head_cell", parent=cell, fontName=face_name(text_family, True)),
        photo=ParagraphStyle(
            "photo",
            parent=cell,
            fontName=face_name(heading_family, italic=True),
            bulletFontName=face_name(heading_family),
            alignment=TA_CENTER,
            textColor=colors.HexColor("#555555"),
        ),
        credit=ParagraphStyle(
            "credit",
            parent=cell,
            fontName=face_name(heading_family),
            fontSize=round(small * 0.92, 1),
            alignment=TA_RIGHT,
            textColor=colors.HexColor("#555555"),
            spaceBefore=1,
        ),
        mono_family=mono_family,
        fallback_family=heading_family,
    )


@dataclass(frozen=True)
class PhotoWarning:
    """A photo that will not print as intended: ``photo_missing`` or ``low_resolution``.

    ``name`` is the image's reference as written in the Markdown (its
    ``src``); ``data`` holds what a message needs (``dpi``, ``reason``…).
    """

    code: str
    name: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class PhotoOptions:
    """Where photos come from and how they are placed; collects their warnings.

    ``max_height`` caps a photo's height (the export passes 60 % of the
    frame); ``cmyk`` converts photos for a one-press-run job.
    """

    assets: PhotoLookup | None = None
    max_height: float = 0.0
    cmyk: bool = False
    min_dpi: float = MIN_PHOTO_DPI
    warnings: list[PhotoWarning] = field(default_factory=list)


@dataclass(frozen=True)
class _Context:
    """What a handler needs besides its element."""

    styles: PrintStyles
    text_style: ParagraphStyle
    width: float
    log: GlyphLog
    photos: PhotoOptions = field(default_factory=PhotoOptions)
    list_depth: int = 0
    in_quote: bool = False


def body_flowables(
    root: Element,
    styles: PrintStyles,
    width: float,
    log: GlyphLog | None = None,
    photos: PhotoOptions | None = None,
) -> list[Flowable]:
    """The flowables for the blocks under ``root``, laid out ``width`` points wide.

    Without ``photos`` (or without its ``assets``) every image is a
    placeholder box, as in a layout estimate.
    """
    context = _Context(
        styles,
        styles.body,
        width,
        log if log is not None else GlyphLog(),
        photos if photos is not None else PhotoOptions(),
    )
    return _flow(root, context)


def text_paragraph(text: str, style: ParagraphStyle, log: GlyphLog | None = None) -> Paragraph:
    """A paragraph of plain text (headline, lead, credits); line breaks kept."""
    face = _Face.of(style)
    log = log if log is not None else GlyphLog()
    lines = nfc(text).splitlines()
    return Paragraph("<br/>".join(_drawable(line, face, log) for line in lines), style)


def _drawable(text: str, face: _Face, log: GlyphLog) -> str:
    """Escaped markup for ``text`` in ``face``; what the face lacks goes to the symbol face.

    Every run is logged under the face that will draw it, so the preflight
    still refuses a character that neither face has.
    """
    parts = []
    for run, covered in covered_runs(text, face.name):
        if covered:
            log.add(face.name, run)
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
    writer = _InlineWriter(_Face.of(style), styles, log or GlyphLog(), style.fontSize)
    return writer.run(element.text, list(element))


@dataclass(frozen=True)
class _Face:
    """A family with weight and slant, resolved the way reportlab resolves ``<b>``/``<i>``."""

    family: str
    bold: bool = False
    italic: bool = False

    @classmethod
    def of(cls, style: ParagraphStyle) -> _Face:
        family, bold, italic = ps2tt(style.fontName)
        return cls(family, bool(bold), bool(italic))

    @property
    def name(self) -> str:
        return face_name(self.family, self.bold, self.italic)


class _InlineWriter:
    """Writes inline elements as paragraph markup and logs the face of every run."""

    def __init__(
        self, face: _Face, styles: PrintStyles, log: GlyphLog, size: float | None = None
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
        pieces = _SLOT_RE.split(nh3.clean("".join(parts), tags=set(), strip_comments=True))
        return "".join(
            rendered[int(piece)] if index % 2 else self.text(html.unescape(piece))
            for index, piece in enumerate(pieces)
        )

    def text(self, text: str | None) -> str:
        if not text:
            return ""
        return _drawable(nfc(text), self.face, self.log)

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

    def _nested(self, element: Element, face: _Face, start: str, end: str) -> str:
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
            self.log.add(face.name, run)
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
    return html.unescape(nh3.clean(fragment, tags=set(), strip_comments=True))


def _flow(container: Element, context: _Context) -> list[Flowable]:
    """Flowables for a container (root, quote, list item) of blocks and loose inline text.

    Inline content between blocks (the text of a tight list item) becomes a
    paragraph in the context's text style. An image is a block of its own
    except inside a list item, where it stays a label in the line.
    """
    flowables: list[Flowable] = []
    text, inline = container.text, []
    for child in container:
        is_block = child.tag in BLOCK_TAGS and not (child.tag == "img" and container.tag == "li")
        if not is_block:
            inline.append(child)
            continue
        flowables.extend(_loose_paragraph(text, inline, context))
        flowables.extend(_HANDLERS.get(child.tag, _unknown)(child, context))
        text, inline = child.tail, []
    flowables.extend(_loose_paragraph(text, inline, context))
    return flowables


def _loose_paragraph(
    text: str | None, children: list[Element], context: _Context
) -> list[Flowable]:
    if not (text or "").strip() and not children:
        return []
    style = context.text_style
    writer = _InlineWriter(_Face.of(style), context.styles, context.log, style.fontSize)
    return [Paragraph(writer.run((text or "").lstrip(), children), style)]


def _paragraph(element: Element, context: _Context, style: ParagraphStyle) -> Paragraph:
    markup = inline_markup(element, context.styles, style, context.log)
    return Paragraph(markup, style)


def _text_block(element: Element, context: _Context) -> list[Flowable]:
    return [_paragraph(element, context, context.text_style)]


def _heading(element: Element, context: _Context) -> list[Flowable]:
    level = int(element.tag[1])
    return [_paragraph(element, context, context.styles.headings[level - 1])]


def _list(element: Element, context: _Context) -> list[Flowable]:
    styles = context.styles
    indent = _indent(styles.body.fontSize * 1.8, context)
    inner = replace(
        context,
        text_style=styles.quote if context.in_quote else styles.item,
        width=context.width - indent,
        list_depth=context.list_depth + 1,
    )
    items = [ListItem(_flow(li, inner) or [Paragraph("", inner.text_style)]) for li in element]
    numbered = element.tag == "ol"
    bullet = BULLETS[context.list_depth % len(BULLETS)]
    list_style = ListStyle(
        f"list{context.list_depth}",
        leftIndent=indent,
        bulletFontName=styles.item.fontName,
        bulletFontSize=styles.item.fontSize,
        bulletType="1" if numbered else "bullet",
        bulletFormat="%s." if numbered else None,
        start=_list_start(element) if numbered else bullet,
    )
    context.log.add(styles.item.fontName, "0123456789." if numbered else bullet)
    return [ListFlowable(items, style=list_style, spaceAfter=styles.item.spaceAfter)]


def _indent(wanted: float, context: _Context) -> float:
    """An indent that leaves most of the width to the text however deep the nesting.

    Each level takes at most an eighth of what is left, so sixteen levels
    (deskapp.limits.MAX_NESTING_DEPTH) still leave an eighth of the column.
    """
    return min(wanted, context.width / 8)


def _list_start(element: Element) -> int:
    start = element.get("start", "1")
    return int(start) if start.isdigit() else 1


def _blockquote(element: Element, context: _Context) -> list[Flowable]:
    """Indented, in the quote style, with a rule down the left that follows page breaks."""
    if element.get("class") == PULL_CLASS:
        return _pull_quote(element, context)
    styles = context.styles
    indent = _indent(styles.body.fontSize * 1.2, context)
    quoted = replace(context, text_style=styles.quote, width=context.width - indent, in_quote=True)
    inner = _flow(element, quoted)
    return [
        _QuoteBlock(block, indent, styles.rule_color, joined=index < len(inner) - 1)
        for index, block in enumerate(inner)
    ]


def _pull_quote(element: Element, context: _Context) -> list[Flowable]:
    """A sentence lifted out of the text: large, centred, between two short rules, never split.

    Its face is the headings' family in bold italic, a third larger than
    the body, at the same proportion of leading, so stacked marks keep clear.
    """
    styles = context.styles
    body = styles.body
    size = round(body.fontSize * 1.35, 1)
    style = _derived_style(
        styles.quote,
        fontName=face_name(styles.fallback_family, bold=True, italic=True),
        fontSize=size,
        leading=round(size * body.leading / body.fontSize, 1),
        alignment=TA_CENTER,
        textColor=colors.HexColor("#222222"),
        firstLineIndent=0,
        leftIndent=context.width * 0.08,
        rightIndent=context.width * 0.08,
        spaceAfter=body.leading * 0.2,
    )
    inner = replace(context, text_style=style)
    space = body.leading * 0.5
    rule = {"width": "40%", "thickness": 1.2, "color": styles.rule_color, "hAlign": "CENTER"}
    return [KeepTogether([
        HRFlowable(spaceBefore=body.leading * 0.7, spaceAfter=space, **rule),
        *_flow(element, inner),
        HRFlowable(spaceBefore=space * 0.6, spaceAfter=body.leading * 0.9, **rule),
    ])]


class _QuoteBlock(Flowable):
    """One block of a quotation: indented, with the rule drawn down its left edge.

    Each block is wrapped on its own and splits with its content, so a long
    quotation runs across pages. (A table around the whole quotation would
    draw the same rule, but reportlab cannot reliably split one tall row.)
    """

    RULE_WIDTH = 2.0

    def __init__(self, content: Flowable, indent: float, color: colors.Color, joined: bool) -> None:
        super().__init__()
        self.content = content
        self.indent = indent
        self.color = color
        # A block followed by another of the same quote stretches its rule
        # over the gap, so the rule looks like one line.
        self.joined = joined
        self.spaceBefore = content.getSpaceBefore()
        self.spaceAfter = content.getSpaceAfter()
        self.keepWithNext = getattr(content, "keepWithNext", 0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, self.height = self.content.wrapOn(self.canv, availWidth - self.indent, availHeight)
        self.width = width + self.indent
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = self.content.splitOn(self.canv, availWidth - self.indent, availHeight)
        return [
            _QuoteBlock(part, self.indent, self.color, self.joined and part is parts[-1])
            for part in parts
        ]

    def draw(self) -> None:
        canvas = self.canv
        # One point of overlap keeps the joint from showing as a notch.
        bottom = -(self.spaceAfter + 1) if self.joined else 0
        canvas.saveState()
        canvas.setStrokeColor(self.color)
        canvas.setLineWidth(self.RULE_WIDTH)
        canvas.line(self.RULE_WIDTH / 2, bottom, self.RULE_WIDTH / 2, self.height)
        canvas.restoreState()
        self.content.drawOn(canvas, self.indent, 0)


def _code_block(element: Element, context: _Context) -> list[Flowable]:
    """Code keeps its spaces and line breaks; long lines are cut to fit the text width."""
    style = context.styles.code
    text = "".join(element.itertext())
    text_width = context.width - style.leftIndent - style.rightIndent
    columns = max(8, math.floor(text_width / (style.fontSize * MONO_ADVANCE)))
    lines = [chunk for line in text.rstrip("\n").split("\n") for chunk in _cut(line, columns)]
    writer = _InlineWriter(_Face.of(style), context.styles, context.log)
    markup = "\n".join(writer.code(line) for line in lines)
    return [XPreformatted(markup, style)]


def _cut(line: str, columns: int) -> list[str]:
    return [line[i : i + columns] for i in range(0, len(line), columns)] or [""]


def _table(element: Element, context: _Context) -> list[Flowable]:
    styles = context.styles
    head_rows = [tr for part in element.findall("thead") for tr in part.findall("tr")]
    body_rows = [tr for part in element.findall("tbody") for tr in part.findall("tr")]
    body_rows += element.findall("tr")
    rows = head_rows + body_rows
    if not rows:
        return []
    columns = max(len(row) for row in rows)
    data = [[_cell(cell, context) for cell in row] + [""] * (columns - len(row)) for row in rows]
    widths = _column_widths(rows, columns, context)
    table = Table(
        data,
        colWidths=widths,
        repeatRows=len(head_rows),
        hAlign="LEFT",
    )
    # Many columns in a narrow frame: the padding shrinks with the column, so a
    # cell never has less than half its width for text (deskapp.limits caps
    # the columns; reportlab refuses a cell whose padding leaves no room).
    padding = max(0.5, min(6.0, min(widths, default=24.0) / 4))
    commands: list[tuple[object, ...]] = [
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("GRID", (0, 0), (-1, -1), 0.5, styles.rule_color),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if head_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, len(head_rows) - 1), styles.shade_color))
    table.setStyle(_table_style(styles, *commands))
    table.spaceBefore = styles.body.spaceAfter * 0.5
    table.spaceAfter = styles.body.spaceAfter * 1.5
    return [table]


def _cell(cell: Element, context: _Context) -> Paragraph:
    base = context.styles.head_cell if cell.tag == "th" else context.styles.cell
    align = _CELL_ALIGN.search(cell.get("style", ""))
    style = _derived_style(base, alignment=_ALIGNMENTS[align.group(1)]) if align else base
    return _paragraph(cell, context, style)


def _derived_style(style: ParagraphStyle, **changes: object) -> ParagraphStyle:
    """A child of ``style`` with some attributes changed."""
    return ParagraphStyle(f"{style.name}+", parent=style, **changes)


def _column_widths(rows: list[Element], columns: int, context: _Context) -> list[float]:
    """Share the width by how much text each column holds, never cutting a word that fits.

    A column of numbers stays narrow and a column of sentences gets room;
    but first every column gets the width of its longest word (in the
    header's bold where it is a header), so a narrow newspaper column does
    not break "Huyện" into "Huy" and "ện". Only when even those widths do
    not fit does the share alone decide, and long words are cut.
    """
    styles = context.styles
    padding = 2 * 6 + 1  # the cell's left and right padding, and a point to spare
    weights, needs = [], []
    for index in range(columns):
        cells = [row[index] for row in rows if index < len(row)]
        lengths = [len("".join(cell.itertext())) for cell in cells]
        weights.append(min(max(max(lengths, default=0), 6), 60))
        widest = 0.0
        for cell in cells:
            style = styles.head_cell if cell.tag == "th" else styles.cell
            for word in "".join(cell.itertext()).split():
                widest = max(widest, stringWidth(word, style.fontName, style.fontSize))
        needs.append(widest + padding)
    total = sum(weights)
    shares = [context.width * weight / total for weight in weights]
    if sum(needs) > context.width:
        return shares
    widths = [max(share, need) for share, need in zip(shares, needs, strict=True)]
    # Take what the words needed from the columns that had more than their words.
    excess = sum(widths) - context.width
    room = [width - need for width, need in zip(widths, needs, strict=True)]
    spare = sum(room)
    return [width - excess * extra / spare if spare else width
            for width, extra in zip(widths, room, strict=True)]


def _table_style(styles: PrintStyles, *commands: tuple[object, ...]) -> TableStyle:
    """A table style that names our font: a Table's own default is Helvetica.

    Even when every cell holds a Paragraph, the table sets its cell font on
    the canvas, which would put a base-14 font into the PDF.
    """
    body = styles.body
    return TableStyle([("FONT", (0, 0), (-1, -1), body.fontName, body.fontSize), *commands])


def _rule(element: Element, context: _Context) -> list[Flowable]:
    space = context.styles.body.leading * 0.5
    return [
        HRFlowable(
            width="100%",
            thickness=0.6,
            color=context.styles.rule_color,
            spaceBefore=space,
            spaceAfter=space,
        )
    ]


def _image(element: Element, context: _Context) -> list[Flowable]:
    """The stored photo at column width with caption and credit; a placeholder otherwise."""
    options = context.photos
    name = element.get("src") or ""
    photo = resolve_photo(options.assets, element)
    placed = _placed_photo(photo, context) if photo is not None else None
    if placed is None:
        reason = "unreadable" if photo is not None else _missing_reason(element, options)
        options.warnings.append(PhotoWarning("photo_missing", name, {"reason": reason}))
        return _placeholder(element, context)
    assert photo is not None
    dpi = photo.width / (placed.draw_width / 72)
    if dpi < options.min_dpi:
        options.warnings.append(PhotoWarning(
            "low_resolution", name,
            {"dpi": round(dpi, 1), "minimum": int(options.min_dpi),
             "pixels": f"{photo.width}×{photo.height}"},
        ))
    parts: list[Flowable] = [placed]
    caption, credit = photo_caption(element, photo), photo_credit(element, photo)
    if caption:
        parts.append(_caption(caption, context.styles.photo, context.log))
    if credit:
        parts.append(_caption(credit_line(credit), context.styles.credit or context.styles.photo,
                              context.log))
    block = KeepTogether(parts)
    block.spaceBefore = context.styles.body.spaceAfter * 0.5
    parts[-1].spaceAfter = context.styles.body.spaceAfter * 1.5
    return [block]


def _missing_reason(element: Element, options: PhotoOptions) -> str:
    if photo_ref(element) is None:
        return "not_stored"  # a URL or a path: print never fetches
    return "not_found" if options.assets is not None else "no_assets"


def _caption(text: str, style: ParagraphStyle, log: GlyphLog) -> Paragraph:
    return Paragraph(_drawable(nfc(text), _Face.of(style), log), style)


def _placed_photo(photo: Photo, context: _Context) -> _PhotoFlowable | None:
    """The photo sized for the column, or None when its bytes cannot be printed."""
    if photo.width < 1 or photo.height < 1:
        return None
    width = context.width
    height = width * photo.height / photo.width
    cap = context.photos.max_height
    if cap and height > cap:
        width, height = cap * photo.width / photo.height, cap
    reader = _print_image(photo, width, context.photos.cmyk)
    if reader is None:
        return None
    return _PhotoFlowable(reader, width, height)


def _print_image(photo: Photo, placed_width: float, cmyk: bool) -> ImageReader | None:
    """What reportlab embeds: the original JPEG when it can, else a prepared copy.

    A JPEG already upright, in RGB or grey and not far sharper than print
    needs goes in byte for byte (no loss, no decoding). Anything else is
    decoded once: turned upright from its EXIF orientation, flattened onto
    white, converted to CMYK for a CMYK job, and resampled to
    ``PRINT_PHOTO_DPI`` when it carries far more pixels than the press uses.
    """
    from PIL import Image, ImageOps

    try:
        image = open_image(photo.data)  # the header only; too many pixels: a placeholder
        dpi = image.width / (placed_width / 72)
        upright = image.getexif().get(0x0112, 1) == 1
        if (image.format == "JPEG" and upright and not cmyk and image.mode in ("RGB", "L")
                and dpi <= MAX_PHOTO_DPI):
            return ImageReader(BytesIO(photo.data))
        image = ImageOps.exif_transpose(image)
        image = _flattened(image)
        if image.width / (placed_width / 72) > MAX_PHOTO_DPI:
            target = max(1, round(placed_width / 72 * PRINT_PHOTO_DPI))
            image = image.resize((target, max(1, round(image.height * target / image.width))),
                                 Image.Resampling.LANCZOS)
        return ImageReader(image.convert("CMYK") if cmyk else image)
    except Exception:
        return None


def _flattened(image: Any) -> Any:
    """RGB or grey pixels; transparency composited onto white paper."""
    from PIL import Image

    if image.mode in ("RGBA", "LA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        paper = Image.new("RGB", rgba.size, "white")
        paper.paste(rgba, mask=rgba.getchannel("A"))
        return paper
    if image.mode in ("RGB", "L", "CMYK"):
        image.load()
        return image
    return image.convert("RGB")


class _PhotoFlowable(Flowable):
    """A photo drawn at a fixed size, centred in the width it is given."""

    def __init__(self, reader: ImageReader, width: float, height: float) -> None:
        super().__init__()
        self.reader = reader
        self.draw_width = width
        self.draw_height = height
        self.avail = width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.avail = availWidth
        return availWidth, self.draw_height

    def draw(self) -> None:
        x = max(0.0, (self.avail - self.draw_width) / 2)
        self.canv.drawImage(self.reader, x, 0, self.draw_width, self.draw_height)


def _placeholder(element: Element, context: _Context) -> list[Flowable]:
    """A shaded, dashed box with the alt text where the photo will go."""
    styles = context.styles
    label = photo_label(element)
    context.log.add(styles.photo.fontName, label)
    box = Table([[Paragraph(escape(label), styles.photo)]], colWidths=["100%"], rowHeights=[60])
    box.setStyle(
        _table_style(
            styles,
            ("BOX", (0, 0), (-1, -1), 0.75, styles.rule_color, None, (3, 2)),
            ("BACKGROUND", (0, 0), (-1, -1), styles.shade_color),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        )
    )
    box.spaceBefore = styles.body.spaceAfter * 0.5
    box.spaceAfter = styles.body.spaceAfter * 1.5
    return [box]


def _division(element: Element, context: _Context) -> list[Flowable]:
    """The footnotes block: a short rule, then the numbered notes in small type.

    Each note carries a PDF destination named after its id (``fn:1``), the
    target of the superscript link where it is cited.
    """
    if element.get("class") != FOOTNOTES_CLASS:
        return _flow(element, context)
    styles = context.styles
    flowables: list[Flowable] = []
    for child in element:
        if child.tag == "hr":
            space = styles.body.leading * 0.6
            flowables.append(HRFlowable(width="30%", thickness=0.6, color=styles.rule_color,
                                        hAlign="LEFT", spaceBefore=space, spaceAfter=space / 2))
        elif child.tag == "ol":
            flowables.extend(_notes(child, context))
    return flowables


def _notes(element: Element, context: _Context) -> list[Flowable]:
    styles = context.styles
    note = styles.cell
    indent = note.fontSize * 1.8
    inner = replace(context, text_style=note, width=context.width - indent)
    items = []
    for li in element:
        content = _flow(li, inner) or [Paragraph("", note)]
        name = li.get("id")
        items.append(ListItem([AnchorFlowable(name), *content] if name else content))
    context.log.add(note.fontName, "0123456789.")
    return [ListFlowable(items, bulletType="1", bulletFormat="%s.", leftIndent=indent,
                         bulletFontName=note.fontName, bulletFontSize=note.fontSize,
                         spaceAfter=note.leading * 0.2)]


def _unknown(element: Element, context: _Context) -> list[Flowable]:
    """Anything else keeps its text, laid out like its surroundings."""
    return _flow(element, context)


_HANDLERS: dict[str, Callable[[Element, _Context], list[Flowable]]] = {
    "p": _text_block,
    "h1": _heading,
    "h2": _heading,
    "h3": _heading,
    "h4": _heading,
    "h5": _heading,
    "h6": _heading,
    "ul": _list,
    "ol": _list,
    "blockquote": _blockquote,
    "pre": _code_block,
    "table": _table,
    "hr": _rule,
    "img": _image,
    "div": _division,
}
