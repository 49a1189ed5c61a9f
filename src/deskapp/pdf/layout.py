"""Where the text goes: the page plan, its frames and page templates, the story.

A :class:`PagePlan` is a preset plus what the printer asked for (bleed,
CMYK). The first page of a columned article has a full-width frame for the
kicker, headline and lead above its columns, unless that block would leave
the columns only a few lines; later pages have columns only.

:func:`lines_in_column` is the layout's own count of a body's lines in one
column of a preset, for copyfitting.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Frame,
    FrameBreak,
    ListFlowable,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
)
from reportlab.platypus.flowables import DDIndenter

from deskapp.model import Article
from deskapp.pdf.findings import Finding, glyph_findings
from deskapp.pdf.flowables import body_flowables
from deskapp.pdf.fonts import register_fonts
from deskapp.pdf.keeping import kept
from deskapp.pdf.markup import GlyphLog, text_paragraph
from deskapp.pdf.photos import PhotoOptions
from deskapp.pdf.presets import MAX_BLEED_MM, Preset, resolve_preset
from deskapp.pdf.styles import PageStyles, body_styles
from deskapp.render.tree import ArticleDocument, parse_markdown, source_line

# A columned page whose first-page columns would be shorter than this many
# body lines lets the headline flow in the first column instead.
MIN_COLUMN_LINES = 4
# Taller than any text: a paragraph wrapped this high is never cut.
_HUGE = 1e7

Story = list[Flowable]
Builder = Callable[[GlyphLog], list[Flowable]]
_Part = tuple[str, bool, Builder]


@dataclass(frozen=True)
class PagePlan:
    """A preset plus what the printer asked for: the page as it will be written."""

    preset: Preset
    bleed: float = 0.0
    cmyk: bool = False
    pdfx: bool = False  # PDF/X-1a (deskapp.pdf.pdfx): always with cmyk

    @property
    def media_size(self) -> tuple[float, float]:
        width, height = self.preset.page_size
        return width + 2 * self.bleed, height + 2 * self.bleed

    @property
    def trim_box(self) -> tuple[float, float, float, float]:
        width, height = self.preset.page_size
        return self.bleed, self.bleed, self.bleed + width, self.bleed + height

    @property
    def content_origin(self) -> tuple[float, float]:
        """Bottom-left corner of the text area, in media coordinates."""
        margins = self.preset.margins
        return self.bleed + margins.left, self.bleed + margins.bottom


@dataclass
class ArticleStory:
    """The flowables above the columns (kicker, headline, lead) and those that flow."""

    top: Story = field(default_factory=list)
    flow: Story = field(default_factory=list)


def plan_page(
    preset: Preset | str | os.PathLike[str] | None, bleed_mm: float, cmyk: bool,
    pdfx: bool = False,
) -> PagePlan:
    """The page for ``preset`` (or the preset it names) with a bleed in millimetres."""
    return PagePlan(resolve_preset(preset), _bleed_points(bleed_mm), bool(cmyk or pdfx),
                    bool(pdfx))


def _bleed_points(bleed_mm: float) -> float:
    value = float(bleed_mm)
    if not (math.isfinite(value) and 0 <= value <= MAX_BLEED_MM):
        raise ValueError(f"the bleed must be between 0 and {MAX_BLEED_MM:g} mm, not {bleed_mm}")
    return value * mm


def build_story(
    article: Article,
    doc: ArticleDocument,
    layout: PageStyles,
    preset: Preset,
    photos: PhotoOptions,
    findings: list[Finding],
) -> ArticleStory:
    """The flowables of the whole article; each part's missing glyphs go to ``findings``.

    The body and the closing credits follow the keep rules of
    :mod:`deskapp.pdf.keeping`. An empty article still gets its one (numbered) page: an empty story
    would give a PDF without pages, which viewers refuse to open.
    """
    story = ArticleStory()
    credits: Story = []
    for where, on_top, build in _parts(doc, layout, preset, photos):
        log = GlyphLog()
        flowables = build(log)
        findings.extend(glyph_findings(article, where, log.missing()))
        if on_top:
            story.top.extend(flowables)
        else:
            (story.flow if where == "body" else credits).extend(flowables)
    story.flow = kept(story.flow, credits, preset.column_width, preset.content_height)
    if not story.top and not story.flow:
        story.flow.append(Spacer(0, 0))
    return story


def _parts(
    doc: ArticleDocument, layout: PageStyles, preset: Preset, photos: PhotoOptions
) -> list[_Part]:
    """(where, above the columns?, builder) for each part that has text, in page order.

    A credit placed "top" goes under the headline, before the lead; "end"
    puts it after the body, as a signature.
    """

    def plain(text: str, style: ParagraphStyle) -> Builder:
        return lambda log: [text_paragraph(text, style, log)]

    byline_top = preset.byline.position == "top"
    source_top = preset.source.position == "top"
    source = source_line(doc.source)
    width = preset.column_width
    candidates: list[tuple[str, str, bool, Builder]] = [
        ("section", doc.section, True, plain(doc.section.upper(), layout.section)),
        ("title", doc.title, True, plain(doc.title, layout.headline)),
        ("byline", doc.byline if byline_top else "", True, plain(doc.byline, layout.byline_top)),
        ("source", doc.source if source_top else "", True, plain(source, layout.source_top)),
        ("lead", doc.lead, True, plain(doc.lead, layout.lead)),
        ("body", "body", False,
         lambda log: body_flowables(doc.body, layout.body, width, log, photos)),
        ("byline", "" if byline_top else doc.byline, False, plain(doc.byline, layout.byline)),
        ("source", "" if source_top else doc.source, False, plain(source, layout.source)),
    ]
    return [(where, on_top, build) for where, text, on_top, build in candidates if text]


def make_frame(x: float, y: float, width: float, height: float, name: str) -> Frame:
    return Frame(
        x,
        y,
        width,
        height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=name,
    )


def _columns(plan: PagePlan, height: float) -> list[Frame]:
    preset = plan.preset
    left, bottom = plan.content_origin
    step = preset.column_width + preset.gutter
    return [
        make_frame(left + index * step, bottom, preset.column_width, height, f"column{index + 1}")
        for index in range(preset.columns)
    ]


def page_templates(plan: PagePlan, top_heights: list[float]) -> list[PageTemplate]:
    """One page template per article's first page (its own headline height), plus "later"."""
    preset = plan.preset
    left, bottom = plan.content_origin
    height = preset.content_height
    if preset.columns == 1:
        body = make_frame(left, bottom, preset.content_width, height, "body")
        return [PageTemplate(id="article", frames=[body])]
    firsts = [_first_page(plan, top_height, first_template_id(index))
              for index, top_height in enumerate(top_heights or [0.0])]
    return [*firsts, PageTemplate(id="later", frames=_columns(plan, height))]


def first_template_id(index: int) -> str:
    return "first" if index == 0 else f"first{index}"


def _first_page(plan: PagePlan, top_height: float, name: str) -> PageTemplate:
    preset = plan.preset
    left, bottom = plan.content_origin
    height = preset.content_height
    if not top_height:
        return PageTemplate(id=name, frames=_columns(plan, height))
    gap = preset.body.leading
    top = make_frame(left, bottom + height - top_height, preset.content_width, top_height, "top")
    return PageTemplate(id=name, frames=[top, *_columns(plan, height - top_height - gap)])


def top_block_height(top: Story, plan: PagePlan) -> float:
    """How tall the full-width block above the columns is; 0 if it should not span.

    Measured the way a frame stacks flowables: no space before the first,
    none after the last. If the block would leave the first page's columns
    shorter than a few lines, the block flows in the first column instead.
    """
    preset = plan.preset
    if preset.columns == 1 or not top:
        return 0.0
    total = 0.0
    for index, flowable in enumerate(top):
        _width, height = flowable.wrap(preset.content_width, preset.content_height)
        total += height
        if index:
            total += flowable.getSpaceBefore()
        if index < len(top) - 1:
            total += flowable.getSpaceAfter()
    total = math.ceil(total) + 2
    room = preset.content_height - total - preset.body.leading
    return total if room >= MIN_COLUMN_LINES * preset.body.leading else 0.0


def arranged(story: ArticleStory, top_height: float, columns: int) -> Story:
    """The story in frame order: the top block, a break to the columns, the body."""
    if columns == 1:
        return story.top + story.flow
    if not top_height:
        return [NextPageTemplate("later"), *story.top, *story.flow]
    # In its own frame the top block must not hold on to the body below it.
    top = [_released(flowable) for flowable in story.top]
    return [NextPageTemplate("later"), *top, FrameBreak(), *story.flow]


def _released(flowable: Flowable) -> Flowable:
    flowable.keepWithNext = 0
    return flowable


def lines_in_column(body: str, preset: Preset) -> int:
    """How many lines the Markdown ``body`` sets in one column of ``preset``.

    The body is built with the export's own styles for the preset and
    wrapped at its column width. Paragraphs (also inside lists and quotes)
    count the lines they wrap to; other blocks (tables, rules, photos)
    count as many lines as their height takes at the body leading.
    """
    register_fonts()
    styles = body_styles(preset)
    width = preset.column_width
    flowables = body_flowables(parse_markdown(body), styles, width)
    leading = styles.body.leading or styles.body.fontSize * 1.2
    return sum(_lines(flowable, width, leading) for flowable in flowables)


def _lines(flowable: Any, width: float, leading: float) -> int:
    if isinstance(flowable, Paragraph):
        flowable.wrap(width, _HUGE)
        return len(flowable.blPara.lines)
    if isinstance(flowable, DDIndenter):  # a list item, set in from the bullet
        inner = width - float(flowable._leftIndent) - float(flowable._rightIndent)
        return _lines(flowable._flowable, inner, leading)
    if isinstance(flowable, ListFlowable):  # its items as laid out, with their indents
        return sum(_lines(item, width, leading) for item in flowable._content)
    children = _children(flowable)
    if children:
        inner = width - float(getattr(flowable, "indent", 0) or 0)
        return sum(_lines(child, inner, leading) for child in children)
    _, height = flowable.wrapOn(Canvas(BytesIO()), width, _HUGE)
    return round(height / leading) if height > 0 else 0


def _children(flowable: Any) -> list[Any]:
    """Flowables nested in a list, a quote or a keep-together group."""
    for name in ("_flowables", "_content", "_list", "content"):
        value = getattr(flowable, name, None)
        if isinstance(value, list | tuple):
            return [_unwrapped(v) for v in value]
        if isinstance(value, Flowable):
            return [value]
    return []


def _unwrapped(item: Any) -> Any:
    return item[0] if isinstance(item, tuple) and item else item
