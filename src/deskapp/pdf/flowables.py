"""The element tree as reportlab platypus flowables: the PDF's renderer of the body.

One handler per block element (see ``_HANDLERS``); inline content goes
through :func:`deskapp.pdf.markup.inline_markup`, which escapes text into
reportlab's paragraph markup and logs which face draws which text
(:class:`GlyphLog`) for the glyph preflight.

Fonts are never reportlab's defaults: every style names a registered family
(see :mod:`deskapp.pdf.fonts` and :mod:`deskapp.pdf.styles`), so no base-14
font reaches the PDF. Photos are placed by :mod:`deskapp.pdf.photos`; a
photo that cannot be placed leaves a placeholder box and a warning.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from xml.etree.ElementTree import Element

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ListStyle, ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    AnchorFlowable,
    Flowable,
    HRFlowable,
    ListFlowable,
    ListItem,
    Paragraph,
    Table,
    TableStyle,
    XPreformatted,
)

from deskapp.pdf.fonts import face_name
from deskapp.pdf.keeping import KeptGroup
from deskapp.pdf.markup import Face, GlyphLog, InlineWriter, drawable, escape, inline_markup
from deskapp.pdf.paragraph import SetParagraph
from deskapp.pdf.photos import PhotoOptions, PhotoWarning, placed_photo
from deskapp.pdf.styles import PrintStyles
from deskapp.render.tree import (
    BLOCK_TAGS,
    FOOTNOTES_CLASS,
    PULL_CLASS,
    credit_line,
    photo_caption,
    photo_credit,
    photo_label,
    photo_ref,
    resolve_photo,
)
from deskapp.text import nfc

BULLETS = ("•", "–")
# Advance width of DejaVu Sans Mono, in ems: how many characters fit a line.
MONO_ADVANCE = 0.602

_ALIGNMENTS = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER}
_CELL_ALIGN = re.compile(r"text-align:\s*(left|right|center)")


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
    writer = InlineWriter(Face.of(style), context.styles, context.log, style.fontSize)
    return [SetParagraph(writer.run((text or "").lstrip(), children), style)]


def _paragraph(element: Element, context: _Context, style: ParagraphStyle) -> Paragraph:
    markup = inline_markup(element, context.styles, style, context.log)
    return SetParagraph(markup, style)


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
    items = [ListItem(_flow(li, inner) or [SetParagraph("", inner.text_style)]) for li in element]
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
    return [KeptGroup([
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
    writer = InlineWriter(Face.of(style), context.styles, context.log)
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
    placed = (placed_photo(photo, context.width, options)
              if photo is not None else None)
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
    block = KeptGroup(parts)  # never parted, not even by a column shortened to balance
    block.spaceBefore = context.styles.body.spaceAfter * 0.5
    parts[-1].spaceAfter = context.styles.body.spaceAfter * 1.5
    return [block]


def _missing_reason(element: Element, options: PhotoOptions) -> str:
    if photo_ref(element) is None:
        return "not_stored"  # a URL or a path: print never fetches
    return "not_found" if options.assets is not None else "no_assets"


def _caption(text: str, style: ParagraphStyle, log: GlyphLog) -> Paragraph:
    return SetParagraph(drawable(nfc(text), Face.of(style), log), style)


def _placeholder(element: Element, context: _Context) -> list[Flowable]:
    """A shaded, dashed box with the alt text where the photo will go."""
    styles = context.styles
    label = photo_label(element)
    context.log.add(styles.photo.fontName, label)
    box = Table([[SetParagraph(escape(label), styles.photo)]], colWidths=["100%"], rowHeights=[60])
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
        content = _flow(li, inner) or [SetParagraph("", note)]
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
