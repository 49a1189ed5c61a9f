"""The type of a print layout: paragraph styles for the body and the page around it.

:func:`make_print_styles` gives the body's styles from a family and a size;
:func:`body_styles` tunes them to a preset (alignment, paragraph indent,
heading scale) and :func:`page_styles` adds the headline, lead, kicker and
credits. With CMYK chosen every colour becomes CMYK and text pure black.
Families must already be registered (:mod:`deskapp.pdf.fonts`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from deskapp.pdf.fonts import MONO, face_name
from deskapp.pdf.presets import Preset, TextStyle

SECTION_COLOR = colors.HexColor("#a0322a")
CMYK_BLACK = colors.CMYKColor(0, 0, 0, 1)


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
class PageStyles:
    """The styles of the page furniture around the body."""

    body: PrintStyles
    section: ParagraphStyle
    headline: ParagraphStyle
    lead: ParagraphStyle
    byline: ParagraphStyle
    byline_top: ParagraphStyle
    source: ParagraphStyle
    source_top: ParagraphStyle


def _face(style: TextStyle) -> str:
    return face_name(style.family, bold=style.bold, italic=style.italic)


def page_styles(preset: Preset, cmyk: bool) -> PageStyles:
    """The article's styles on ``preset``: the body's, the kicker, headline, lead and credits."""
    body = body_styles(preset)
    # Headline, lead and credits take the body's face but never its indent.
    base = ParagraphStyle("base", parent=body.body, firstLineIndent=0)
    credit_align = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER}
    byline = ParagraphStyle(
        "byline",
        parent=base,
        fontName=face_name(preset.body.family, bold=True),
        alignment=credit_align[preset.byline.align],
        spaceBefore=6,
        spaceAfter=0,
        keepWithNext=1,
    )
    source = ParagraphStyle(
        "source",
        parent=base,
        fontName=face_name(preset.body.family, italic=True),
        fontSize=round(preset.body.size - 1, 1),
        leading=round(preset.body.leading - 1.5, 1),
        alignment=credit_align[preset.source.align],
        textColor=colors.HexColor("#444444"),
        spaceAfter=0,
    )
    layout = PageStyles(
        body=body,
        section=ParagraphStyle(
            "section",
            parent=base,
            fontName=_face(preset.section),
            fontSize=preset.section.size,
            leading=preset.section.leading,
            alignment=TA_LEFT,
            textColor=SECTION_COLOR,
            spaceAfter=4,
        ),
        headline=ParagraphStyle(
            "headline",
            parent=base,
            fontName=_face(preset.headline),
            fontSize=preset.headline.size,
            leading=preset.headline.leading,
            alignment=TA_LEFT,
            spaceAfter=10,
            keepWithNext=1,
        ),
        lead=ParagraphStyle(
            "lead",
            parent=base,
            fontName=_face(preset.lead),
            fontSize=preset.lead.size,
            leading=preset.lead.leading,
            alignment=TA_JUSTIFY if preset.body_align == "justify" else TA_LEFT,
            spaceAfter=12,
        ),
        byline=byline,
        byline_top=ParagraphStyle(
            "byline_top", parent=byline, spaceBefore=0, spaceAfter=8, keepWithNext=0
        ),
        source=source,
        source_top=ParagraphStyle("source_top", parent=source, spaceAfter=8),
    )
    return _in_cmyk(layout) if cmyk else layout


def body_styles(preset: Preset) -> PrintStyles:
    """The body styles at the preset's size, alignment and heading scale.

    A word or URL longer than the line is cut where it overflows
    (``splitLongWords``). reportlab's ``uriWasteReduce`` would break URLs at
    their slashes instead, but in reportlab 5.1 it stops an over-long word
    from being cut at all, so it stays off.
    """
    styles = make_print_styles(
        text_family=preset.body.family,
        heading_family=preset.headings_family,
        mono_family=MONO,
        size=preset.body.size,
        leading=preset.body.leading,
    )
    ragged = preset.body_align == "left"

    def tune(style: ParagraphStyle) -> ParagraphStyle:
        changes: dict[str, Any] = {"splitLongWords": 1}
        if ragged and style.alignment == TA_JUSTIFY:
            changes["alignment"] = TA_LEFT
        if style.name == "body" and preset.paragraph_indent:
            changes.update(firstLineIndent=preset.paragraph_indent, spaceAfter=0)
        if style.name.startswith("heading") and preset.headings_scale != 1:
            changes["fontSize"] = round(style.fontSize * preset.headings_scale, 1)
            changes["leading"] = round(style.leading * preset.headings_scale, 1)
        return _restyled(style, **changes)

    return _map_styles(styles, tune)


def _restyled(style: ParagraphStyle, **changes: Any) -> ParagraphStyle:
    """A copy of ``style`` under the same name (bookmarks look styles up by name)."""
    return ParagraphStyle(style.name, parent=style, **changes)


def _map_styles(
    styles: PrintStyles, change: Callable[[ParagraphStyle], ParagraphStyle]
) -> PrintStyles:
    """``styles`` with ``change`` applied to every paragraph style it holds."""
    updates: dict[str, Any] = {}
    for item in fields(styles):
        value = getattr(styles, item.name)
        if isinstance(value, ParagraphStyle):
            updates[item.name] = change(value)
        elif isinstance(value, tuple) and all(isinstance(v, ParagraphStyle) for v in value):
            updates[item.name] = tuple(change(v) for v in value)
    return replace(styles, **updates)


def cmyk_color(color: colors.Color | None, *, text: bool) -> colors.Color | None:
    """A colour for a one-plate job: greys become K tints, coloured text pure black.

    A grey keeps its tone on the black plate; a coloured text (the red
    kicker, blue links) would need four plates in register, so it prints
    black instead.
    """
    if color is None or isinstance(color, colors.CMYKColor):
        return color
    red, green, blue = color.red, color.green, color.blue
    if red == green == blue:
        return colors.CMYKColor(0, 0, 0, round(1 - red, 4))
    if text:
        return CMYK_BLACK
    return colors.CMYKColor(*colors.rgb2cmyk(red, green, blue))


def _in_cmyk(layout: PageStyles) -> PageStyles:
    def convert(style: ParagraphStyle) -> ParagraphStyle:
        return _restyled(
            style,
            textColor=cmyk_color(style.textColor, text=True),
            backColor=cmyk_color(style.backColor, text=False),
            borderColor=cmyk_color(style.borderColor, text=False),
        )

    body = _map_styles(layout.body, convert)
    body = replace(
        body,
        link_color="#000000",
        rule_color=cmyk_color(body.rule_color, text=True),
        shade_color=cmyk_color(body.shade_color, text=False),
    )
    updates = {
        item.name: convert(getattr(layout, item.name))
        for item in fields(layout)
        if isinstance(getattr(layout, item.name), ParagraphStyle)
    }
    return replace(layout, body=body, **updates)
