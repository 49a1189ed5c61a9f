"""One article as a print-ready PDF, laid out by a print preset.

The article is parsed once (:mod:`deskapp.render.tree`), turned into
flowables (:mod:`deskapp.render.flowables`) and laid out by a preset
(:mod:`deskapp.pdf.presets`: page size, margins, columns, type, header and
footer) with the bundled fonts, embedded and subset. Before anything is
drawn, every character is checked against the face that will draw it; a
file on disk is only ever replaced whole, so a failed export leaves an
earlier good PDF as it was.

For the printer, the page can carry a bleed: the MediaBox grows by the
bleed on every side, the TrimBox keeps the finished size, and crop marks in
the bleed show where to cut. With CMYK chosen (:class:`PrintSettings`) every colour is written as
CMYK and text and rules are pure black (K only), so they print on one plate.
"""

from __future__ import annotations

import copy
import errno
import math
import os
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from functools import partial
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)
from reportlab.platypus.doctemplate import LayoutError

from deskapp.errors import (
    DeskappError,
    ExportError,
    FontUnavailable,
    MissingGlyphs,
    TooManyPages,
)
from deskapp.fileio import write_atomically
from deskapp.model import Approval, Article
from deskapp.pdf.findings import Finding, glyph_findings, photo_findings, refuse_if_blocked
from deskapp.pdf.fonts import MONO, face_name, missing_glyphs, register_fonts
from deskapp.pdf.options import PrintSettings
from deskapp.pdf.presets import (
    DEFAULT_PRESET,
    MAX_BLEED_MM,
    Preset,
    PresetError,
    RunningText,
    TextStyle,
    load_preset,
)
from deskapp.render.flowables import (
    MAX_PHOTO_SHARE,
    GlyphLog,
    PhotoOptions,
    PrintStyles,
    body_flowables,
    make_print_styles,
    text_paragraph,
)
from deskapp.render.tree import ArticleDocument, PhotoLookup, build_document, source_line
from deskapp.text import nfc

CREATOR = "Deskapp"
LANGUAGE = "vi-VN"
# How an approval reads in the footer ("Duyệt: …") and among the keywords ("duyệt: …").
APPROVAL_LABEL = "Duyệt"
APPROVAL_KEYWORD = "duyệt"

# The geometry of the default preset (a4-article.json), for callers that
# measure the page; every other number comes from the preset itself.
PAGE_SIZE = (210 * mm, 297 * mm)
MARGIN_X = 24 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 22 * mm
FOOTER_BASELINE = 11 * mm

SECTION_COLOR = colors.HexColor("#a0322a")
FURNITURE_COLOR = colors.HexColor("#555555")
RULE_COLOR = colors.HexColor("#9a9a9a")
# Crop marks print on every plate, so the cutter sees them whatever is inked.
REGISTRATION = colors.CMYKColor(1, 1, 1, 1)
CMYK_BLACK = colors.CMYKColor(0, 0, 0, 1)
CROP_MARK_WIDTH = 0.25
# A columned page whose first-page columns would be shorter than this many
# body lines lets the headline flow in the first column instead.
MIN_COLUMN_LINES = 4

# The most pages one PDF may have. A longer print is refused while it is laid
# out (no file is written): it is an article pasted many times over, and
# pages held until the last one is numbered would fill the memory.
MAX_PAGES = 1000

# Page streams are written binary (Flate only). ASCII85 on top only helps
# 7-bit mail transports, makes every stream a quarter larger, and without
# reportlab's C accelerator its pure-Python encoder took a tenth of a long
# export's time.
rl_config.useA85 = 0

Story = list[Flowable]
Builder = Callable[[GlyphLog], list[Flowable]]
_Part = tuple[str, bool, Builder]


@dataclass(frozen=True)
class _Layout:
    """The styles of the page furniture around the body."""

    body: PrintStyles
    section: ParagraphStyle
    headline: ParagraphStyle
    lead: ParagraphStyle
    byline: ParagraphStyle
    byline_top: ParagraphStyle
    source: ParagraphStyle
    source_top: ParagraphStyle


@dataclass(frozen=True)
class _Plan:
    """A preset plus what the printer asked for: the page as it will be written."""

    preset: Preset
    bleed: float = 0.0
    cmyk: bool = False

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
class _Story:
    """The flowables above the columns (kicker, headline, lead) and those that flow."""

    top: Story = field(default_factory=list)
    flow: Story = field(default_factory=list)


@dataclass
class _Prepared:
    """One article ready to typeset: its parsed document, flowables and findings."""

    article: Article
    doc: ArticleDocument
    story: _Story
    findings: list[Finding]


@dataclass(frozen=True)
class ExportReport:
    """What an export produced: the PDF (bytes, and the file once written) and warnings.

    ``warnings`` are the findings that did not stop the export (photos
    missing or below resolution); an export with blocking findings raises
    :class:`MissingGlyphs` instead of returning.
    """

    data: bytes
    pages: int
    warnings: list[Finding]
    path: Path | None = None


def render_pdf(article: Article, settings: PrintSettings | None = None) -> bytes:
    """The article as PDF bytes, printed as ``settings`` say (see :class:`PrintSettings`).

    Raises :class:`PresetError` for a preset that is missing or unusable,
    :class:`MissingGlyphs` when a character has no glyph in the face that
    would draw it, and :class:`ExportError` (with an empty path) when the
    layout fails. :func:`render_report` also returns the warnings.
    """
    return render_report(article, settings).data


def render_report(article: Article, settings: PrintSettings | None = None) -> ExportReport:
    """:func:`render_pdf` with its page count and preflight warnings."""
    settings = settings or PrintSettings()
    try:
        plan = _plan(settings.preset, settings.bleed_mm, settings.cmyk)
        _refuse_if_surely_too_long(article, plan.preset)
        prepared = _prepare(article, plan, settings.assets, settings.approval)
        refuse_if_blocked(prepared.findings)
        data, pages = _typeset(prepared.story, prepared.doc, article, settings.author, plan,
                               settings.approval)
        return ExportReport(data, pages, prepared.findings)
    except DeskappError:
        raise
    except LayoutError as exc:  # a block wider or taller than any frame of the preset
        raise ExportError("layout_impossible", path="") from exc
    except Exception as exc:
        raise ExportError(path="", reason=_reason(exc)) from exc


def preflight(article: Article, settings: PrintSettings | None = None) -> list[Finding]:
    """Every problem the export would meet, without laying out a page.

    Only the preset, the colours and the photos of ``settings`` count.
    Missing glyphs (errors: the export refuses them) come with their field,
    offset, line and column; photos missing or below resolution are
    warnings. Raises :class:`PresetError` for an unusable preset.
    """
    settings = settings or PrintSettings()
    plan = _plan(settings.preset, 0.0, settings.cmyk)
    return _prepare(article, plan, settings.assets).findings


def export_pdf(
    article: Article, path: str | os.PathLike[str], settings: PrintSettings | None = None
) -> Path:
    """Write the article's PDF to ``path``, all or nothing; return the path.

    Takes the settings of :func:`render_pdf`. Raises :class:`PresetError` and
    :class:`MissingGlyphs` before touching the disk, and :class:`ExportError`
    for any other failure; an existing file at ``path`` is then left exactly
    as it was.
    """
    report = export_pdf_report(article, path, settings)
    assert report.path is not None
    return report.path


def export_pdf_report(
    article: Article, path: str | os.PathLike[str], settings: PrintSettings | None = None
) -> ExportReport:
    """:func:`export_pdf` returning the written path, page count and warnings."""
    target = Path(path)
    if not target.parent.is_dir():
        raise ExportError(path=str(target), reason=os.strerror(errno.ENOENT))
    try:
        report = render_report(article, settings)
    except (MissingGlyphs, PresetError, FontUnavailable, TooManyPages):
        raise
    except ExportError as exc:
        raise ExportError(path=str(target), reason=exc.data.get("reason", "")) from exc
    except Exception as exc:
        raise ExportError(path=str(target), reason=_reason(exc)) from exc
    _write_atomically(target, report.data)
    return replace(report, path=target)


def _plan(preset: Preset | str | None, bleed_mm: float, cmyk: bool) -> _Plan:
    return _Plan(_resolve_preset(preset), _bleed_points(bleed_mm), bool(cmyk))


def _prepare(
    article: Article, plan: _Plan, assets: PhotoLookup | None, approval: Approval | None = None
) -> _Prepared:
    """Parse and build the article once, gathering every finding on the way."""
    register_fonts()
    doc = build_document(article)
    findings = _furniture_findings(plan.preset, doc, article, approval)
    photos = PhotoOptions(
        assets=assets,
        max_height=plan.preset.content_height * MAX_PHOTO_SHARE,
        cmyk=plan.cmyk,
    )
    story = _story(article, doc, _layout(plan.preset, plan.cmyk), plan.preset, photos, findings)
    findings.extend(photo_findings(article, photos.warnings))
    return _Prepared(article, doc, story, findings)


def _refuse_if_surely_too_long(article: Article, preset: Preset) -> None:
    """Refuse at once a text that cannot fit in MAX_PAGES pages, before parsing it.

    The estimate packs every character solid at half an em wide, with no
    paragraph breaks or headings: real pages hold less, so an article
    refused here would certainly be refused by the layout too, only after
    seconds of work. Anything shorter is laid out and counted for real.
    """
    per_line = preset.content_width / (preset.body.size * 0.5)
    per_page = per_line * (preset.content_height / preset.body.leading)
    characters = sum(len(text) for text in (article.title, article.lead, article.body))
    if characters / per_page > MAX_PAGES:
        raise TooManyPages(limit=MAX_PAGES)


def _resolve_preset(preset: Preset | str | None) -> Preset:
    if isinstance(preset, Preset):
        return preset
    if preset is None or isinstance(preset, str | os.PathLike):
        return load_preset(preset or DEFAULT_PRESET)
    raise TypeError(f"preset must be a Preset or a name, not {type(preset).__name__}")


def _bleed_points(bleed_mm: float) -> float:
    value = float(bleed_mm)
    if not (math.isfinite(value) and 0 <= value <= MAX_BLEED_MM):
        raise ValueError(f"the bleed must be between 0 and {MAX_BLEED_MM:g} mm, not {bleed_mm}")
    return value * mm


def _face(style: TextStyle) -> str:
    return face_name(style.family, bold=style.bold, italic=style.italic)


def _layout(preset: Preset, cmyk: bool) -> _Layout:
    body = _tuned_body(preset)
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
    layout = _Layout(
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


def _tuned_body(preset: Preset) -> PrintStyles:
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


def _cmyk(color: colors.Color | None, *, text: bool) -> colors.Color | None:
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


def _in_cmyk(layout: _Layout) -> _Layout:
    def convert(style: ParagraphStyle) -> ParagraphStyle:
        return _restyled(
            style,
            textColor=_cmyk(style.textColor, text=True),
            backColor=_cmyk(style.backColor, text=False),
            borderColor=_cmyk(style.borderColor, text=False),
        )

    body = _map_styles(layout.body, convert)
    body = replace(
        body,
        link_color="#000000",
        rule_color=_cmyk(body.rule_color, text=True),
        shade_color=_cmyk(body.shade_color, text=False),
    )
    updates = {
        item.name: convert(getattr(layout, item.name))
        for item in fields(layout)
        if isinstance(getattr(layout, item.name), ParagraphStyle)
    }
    return replace(layout, body=body, **updates)


def _story(
    article: Article,
    doc: ArticleDocument,
    layout: _Layout,
    preset: Preset,
    photos: PhotoOptions,
    findings: list[Finding],
) -> _Story:
    """The flowables of the whole article; each part's missing glyphs go to ``findings``.

    An empty article still gets its one (numbered) page: an empty story
    would give a PDF without pages, which viewers refuse to open.
    """
    story = _Story()
    for where, on_top, build in _parts(doc, layout, preset, photos):
        log = GlyphLog()
        flowables = build(log)
        findings.extend(glyph_findings(article, where, _missing(log)))
        (story.top if on_top else story.flow).extend(flowables)
    if not story.top and not story.flow:
        story.flow.append(Spacer(0, 0))
    return story


def _parts(
    doc: ArticleDocument, layout: _Layout, preset: Preset, photos: PhotoOptions
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


def _missing(log: GlyphLog) -> set[str]:
    """Characters some run of the log needs from a face that lacks them."""
    missing: set[str] = set()
    for face, text in log.by_face().items():
        missing |= missing_glyphs(text, face)
    return missing


def _furniture_values(
    doc: ArticleDocument, preset: Preset, approval: Approval | None = None
) -> dict[str, str]:
    return {"publication": nfc(preset.publication), "section": doc.section, "title": doc.title,
            "approval": approval_line(approval)}


def approval_line(approval: Approval | None) -> str:
    """What ``{approval}`` prints: "Duyệt: Nguyễn Văn B, 26/11/2026 14:05" (local time)."""
    if approval is None:
        return ""
    parts = (nfc(approval.approver).strip(), _local_time(approval.approved_at))
    return f"{APPROVAL_LABEL}: " + ", ".join(part for part in parts if part)


def _approval_keyword(approval: Approval) -> str:
    """The approval among the PDF's keywords: "duyệt: <approver> <ISO time>"."""
    parts = (APPROVAL_KEYWORD + ":", nfc(approval.approver).strip(),
             _iso_seconds(approval.approved_at))
    return " ".join(part for part in parts if part)


def _parse_time(stamp: str) -> datetime | None:
    try:
        return datetime.fromisoformat(stamp.strip())
    except ValueError:
        return None


def _local_time(stamp: str) -> str:
    moment = _parse_time(stamp)
    return moment.astimezone().strftime("%d/%m/%Y %H:%M") if moment else stamp.strip()


def _iso_seconds(stamp: str) -> str:
    moment = _parse_time(stamp)
    return moment.isoformat(timespec="seconds") if moment else stamp.strip()


def _furniture_findings(
    preset: Preset, doc: ArticleDocument, article: Article, approval: Approval | None = None
) -> list[Finding]:
    """Header and footer texts (the preset's own words too) must have their glyphs."""
    values = _furniture_values(doc, preset, approval)
    findings: list[Finding] = []
    for where, running in (("header", preset.header), ("footer", preset.footer)):
        if running is None:
            continue
        log = GlyphLog()
        for text in _running_texts(running, values, page="0123456789", pages="0").values():
            log.add(face_name(running.family), text)
        findings.extend(glyph_findings(article, where, _missing(log)))
    return findings


def _running_texts(running: RunningText, values: dict[str, str], **numbers: str) -> dict[str, str]:
    """The header's or footer's left, center and right texts for one page."""
    texts = {}
    for part in ("left", "center", "right"):
        text = " ".join(getattr(running, part).format(**values, **numbers).split())
        texts[part] = text.upper() if running.uppercase else text
    return texts


class _Furniture:
    """Draws what every page carries besides the article: header, footer, crop marks."""

    def __init__(self, plan: _Plan, values: dict[str, str]) -> None:
        self.plan = plan
        self.values = values
        self.pages = 0

    def draw(
        self, canvas: Canvas, page: int, pages: int, values: dict[str, str] | None = None
    ) -> None:
        """The furniture of one page; ``values`` replaces the title and section in an edition."""
        preset = self.plan.preset
        numbers = {"page": str(page), "pages": str(pages)}
        if values is not None:
            self.values = values
        left = self.plan.content_origin[0]
        width = preset.content_width
        trim_top = self.plan.trim_box[3]
        if preset.header is not None:
            baseline = trim_top - preset.header.baseline
            self._line(canvas, preset.header, numbers, left, width, baseline, rule_below=True)
        if preset.footer is not None:
            baseline = self.plan.bleed + preset.footer.baseline
            self._line(canvas, preset.footer, numbers, left, width, baseline, rule_below=False)
        if self.plan.bleed > 0:
            self._crop_marks(canvas)

    def _line(
        self,
        canvas: Canvas,
        running: RunningText,
        numbers: dict[str, str],
        left: float,
        width: float,
        baseline: float,
        *,
        rule_below: bool,
    ) -> None:
        texts = _running_texts(running, self.values, **numbers)
        if not any(texts.values()):
            return
        color = _cmyk(FURNITURE_COLOR, text=True) if self.plan.cmyk else FURNITURE_COLOR
        canvas.saveState()
        canvas.setFont(face_name(running.family), running.size)
        canvas.setFillColor(color)
        canvas.drawString(left, baseline, texts["left"])
        canvas.drawCentredString(left + width / 2, baseline, texts["center"])
        canvas.drawRightString(left + width, baseline, texts["right"])
        if running.rule:
            rule_y = baseline - running.size * 0.6 if rule_below else baseline + running.size * 1.2
            canvas.setStrokeColor(_cmyk(RULE_COLOR, text=True) if self.plan.cmyk else RULE_COLOR)
            canvas.setLineWidth(0.5)
            canvas.line(left, rule_y, left + width, rule_y)
        canvas.restoreState()

    def _crop_marks(self, canvas: Canvas) -> None:
        """Marks on the trim lines, in the bleed, stopping short of the trimmed corner.

        The gap keeps a slightly off cut from leaving a mark on the page.
        """
        bleed = self.plan.bleed
        gap = min(2.0, bleed / 3)
        x0, y0, x1, y1 = self.plan.trim_box
        media_w, media_h = self.plan.media_size
        canvas.saveState()
        canvas.setStrokeColor(REGISTRATION if self.plan.cmyk else colors.black)
        canvas.setLineWidth(CROP_MARK_WIDTH)
        for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
            outer_x = 0.0 if x == x0 else media_w
            outer_y = 0.0 if y == y0 else media_h
            inner_x = x - gap if x == x0 else x + gap
            inner_y = y - gap if y == y0 else y + gap
            canvas.line(outer_x, y, inner_x, y)
            canvas.line(x, outer_y, x, inner_y)
        canvas.restoreState()


class _ArticleTemplate(BaseDocTemplate):
    """The preset's page; headline and headings become PDF bookmarks.

    One column: one frame, the whole story flows through it. Several
    columns: the first page has a full-width frame for the kicker, headline
    and lead (``top_height`` high) above the column frames; later pages have
    only columns.
    """

    def __init__(
        self,
        target: BytesIO,
        plan: _Plan,
        top_heights: list[float],
        on_page: Callable[[int], None] | None = None,
        *,
        balanced: dict[int, float] | None = None,
        **metadata: Any,
    ) -> None:
        preset = plan.preset
        margins = preset.margins
        super().__init__(
            target,
            pagesize=plan.media_size,
            leftMargin=margins.left + plan.bleed,
            rightMargin=margins.right + plan.bleed,
            topMargin=margins.top + plan.bleed,
            bottomMargin=margins.bottom + plan.bleed,
            initialFontName=face_name(preset.body.family),
            initialFontSize=preset.body.size,
            initialLeading=preset.body.leading,
            lang=LANGUAGE,
            creator=CREATOR,
            displayDocTitle=1,
            # A safety net under the CMYK styles: reportlab's own defaults
            # (black after a table's shading, link colours) become K too.
            enforceColorSpace="cmyk" if plan.cmyk else None,
            **metadata,
        )
        self.addPageTemplates(_page_templates(plan, top_heights))
        # Heading ranks (0 the headline, n a body hn) of the open outline entries.
        self._open_ranks: list[int] = []
        self._on_page = on_page
        self.article_pages: list[int] = []
        # page -> height of its columns, for the last pages being balanced
        self._balanced = balanced or {}
        # page -> frame id -> how far down the frame the text reached
        self.column_use: dict[int, dict[str, float]] = {}

    def handle_pageBegin(self) -> None:
        height = self._balanced.get(self.page + 1)
        if height is not None:
            self.pageTemplate = _shortened(self.pageTemplate, height)
        super().handle_pageBegin()

    def handle_frameEnd(self, resume: int = 0) -> None:
        self._note_use()
        super().handle_frameEnd(resume)

    def handle_pageEnd(self) -> None:
        # A page break ends the page without ending its frame.
        self._note_use()
        super().handle_pageEnd()

    def _endBuild(self) -> None:
        if getattr(self, "frame", None) is not None:
            self._note_use()
        super()._endBuild()

    def _note_use(self) -> None:
        frame = self.frame
        if frame is None:
            return
        self.column_use.setdefault(self.page, {})[frame.id] = frame._y2 - frame._y

    def afterPage(self) -> None:
        if self.page > MAX_PAGES:
            # Laid out but not written: stop before the pages fill the memory.
            raise TooManyPages(limit=MAX_PAGES)
        if self._on_page is not None:
            self._on_page(self.page)

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _ArticleStart):
            self.article_pages.append(self.page)
            self._open_ranks = []
            return
        rank = _outline_level(flowable)
        if rank is None:
            return
        # Nest under the nearest open entry of a higher rank: an h2 after an h3
        # is the h3's parent's sibling, however the ranks were skipped.
        while self._open_ranks and self._open_ranks[-1] >= rank:
            self._open_ranks.pop()
        level = len(self._open_ranks)
        self._open_ranks.append(rank)
        key = f"h{id(flowable)}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(flowable.getPlainText(), key, level=level, closed=False)


def _shortened(template: PageTemplate, height: float) -> PageTemplate:
    """``template`` with its columns cut to ``height`` from their top (never lengthened)."""
    frames = []
    for frame in template.frames:
        if frame.id.startswith("column") and height < frame._height:
            top = frame._y1 + frame._height
            frame = _frame(frame._x1, top - height, frame._width, height, frame.id)
        frames.append(frame)
    return PageTemplate(id=template.id, frames=frames,
                        autoNextPageTemplate=template.autoNextPageTemplate)


def _frame(x: float, y: float, width: float, height: float, name: str) -> Frame:
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


def _columns(plan: _Plan, height: float) -> list[Frame]:
    preset = plan.preset
    left, bottom = plan.content_origin
    step = preset.column_width + preset.gutter
    return [
        _frame(left + index * step, bottom, preset.column_width, height, f"column{index + 1}")
        for index in range(preset.columns)
    ]


def _page_templates(plan: _Plan, top_heights: list[float]) -> list[PageTemplate]:
    """One page template per article's first page (its own headline height), plus "later"."""
    preset = plan.preset
    left, bottom = plan.content_origin
    height = preset.content_height
    if preset.columns == 1:
        return [
            PageTemplate(
                id="article", frames=[_frame(left, bottom, preset.content_width, height, "body")]
            )
        ]
    firsts = [_first_page(plan, top_height, _first_id(index))
              for index, top_height in enumerate(top_heights or [0.0])]
    return [*firsts, PageTemplate(id="later", frames=_columns(plan, height))]


def _first_id(index: int) -> str:
    return "first" if index == 0 else f"first{index}"


def _first_page(plan: _Plan, top_height: float, name: str) -> PageTemplate:
    preset = plan.preset
    left, bottom = plan.content_origin
    height = preset.content_height
    if not top_height:
        return PageTemplate(id=name, frames=_columns(plan, height))
    gap = preset.body.leading
    top = _frame(left, bottom + height - top_height, preset.content_width, top_height, "top")
    return PageTemplate(id=name, frames=[top, *_columns(plan, height - top_height - gap)])


def _top_height(top: Story, plan: _Plan) -> float:
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


class _ArticleStart(Flowable):
    """Marks where an article begins: the furniture of its pages shows its title.

    It takes no room; drawing it tells the canvas which title and section
    the running header of this page and the next ones carries.
    """

    def __init__(self, values: dict[str, str]) -> None:
        super().__init__()
        self.values = values

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        self.canv.desk_values = self.values


def _arranged(story: _Story, top_height: float, columns: int) -> Story:
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


def _outline_level(flowable: Flowable) -> int | None:
    """0 for the headline, n for a body heading hn; None for everything else."""
    if not isinstance(flowable, Paragraph):
        return None
    name = flowable.style.name
    if name == "headline":
        return 0
    if name.startswith("heading") and name[7:].isdigit():
        return int(name[7:])
    return None


class _PagedCanvas(Canvas):
    """Holds pages back until the end, so each footer can say "Trang n/N".

    It also sets the printer's page boxes: TrimBox always (the finished
    page), and with a bleed the BleedBox and CropBox (the whole sheet, with
    the crop marks) and the ArtBox (the finished page).
    """

    def __init__(self, *args: Any, furniture: _Furniture, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        plan = furniture.plan
        self.setTrimBox(plan.trim_box)
        if plan.bleed > 0:
            sheet = (0.0, 0.0, *plan.media_size)
            self.setBleedBox(sheet)
            self.setCropBox(sheet)
            self.setArtBox(plan.trim_box)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._furniture.draw(self, number, total, getattr(self, "desk_values", None))
            super().showPage()
        self._furniture.pages = total
        super().save()


@dataclass
class _Typeset:
    """A finished PDF and the page each article of it starts on."""

    data: bytes
    pages: int
    starts: list[int]


def _typeset(
    story: _Story,
    doc: ArticleDocument,
    article: Article,
    author: str,
    plan: _Plan,
    approval: Approval | None = None,
) -> tuple[bytes, int]:
    keywords = [nfc(word) for word in (doc.section, *article.tags) if word]
    if approval is not None:
        keywords.append(_approval_keyword(approval))
    metadata = {
        "title": doc.title,
        "author": nfc(author).strip() or doc.byline,
        "subject": " ".join(doc.lead.split()),
        "keywords": keywords,
    }
    done = _typeset_many([(story, doc)], plan, metadata, approval=approval)
    return done.data, done.pages


def _typeset_many(
    parts: list[tuple[_Story, ArticleDocument]],
    plan: _Plan,
    metadata: dict[str, Any],
    on_page: Callable[[int], None] | None = None,
    *,
    approval: Approval | None = None,
) -> _Typeset:
    """Lay out one or more articles in one PDF, each from a fresh first page.

    Page numbers run through the whole document; each article's headline is
    a top-level bookmark and its running header carries its own title.
    ``approval`` fills the ``{approval}`` placeholder on every page.
    """
    heights = [_top_height(story.top, plan) for story, _doc in parts]
    flowables: Story = []
    columns = plan.preset.columns
    for index, (story, doc) in enumerate(parts):
        if index:
            if columns > 1:
                flowables.append(NextPageTemplate(_first_id(index)))
            flowables.append(PageBreak())
        flowables.append(_ArticleStart(_furniture_values(doc, plan.preset, approval)))
        flowables.extend(_arranged(story, heights[index], columns))
    first_values = _furniture_values(parts[0][1], plan.preset, approval)
    # Laying out changes flowables (a split paragraph keeps its parts), so a
    # second layout for the column balancing starts from a copy made now.
    pristine = copy.deepcopy(flowables) if columns > 1 else []

    def build(balanced: dict[int, float], progress: Callable[[int], None] | None) -> _Built:
        buffer = BytesIO()
        template = _ArticleTemplate(buffer, plan, heights, progress, balanced=balanced,
                                    **metadata)
        furniture = _Furniture(plan, dict(first_values))
        story = copy.deepcopy(pristine) if balanced else flowables
        template.build(story, canvasmaker=partial(_PagedCanvas, furniture=furniture))
        done = _Typeset(buffer.getvalue(), furniture.pages, template.article_pages)
        return _Built(done, template.column_use)

    built = build({}, on_page)
    if columns > 1:
        built = _balance_last_pages(built, plan, build)
    return built.typeset


@dataclass
class _Built:
    """One layout pass: the PDF, and how far down each column of each page the text reached."""

    typeset: _Typeset
    column_use: dict[int, dict[str, float]]


# How many extra layouts the column balancing may try before it keeps the
# unbalanced pages.
BALANCE_TRIES = 6


def _balance_last_pages(
    built: _Built, plan: _Plan, build: Callable[[dict[int, float], None], _Built]
) -> _Built:
    """End each article's last page with its columns about level, not one full and one empty.

    The text on that page is measured in the first layout; the page's
    columns are then shortened to an equal share of it and the document laid
    out again. Lines, kept-together blocks and the widow and orphan rules
    rarely divide evenly, so when the text no longer fits (an article's page
    count changes) the columns grow by a line at a time. After
    ``BALANCE_TRIES`` failures the unbalanced layout stays.
    """
    done = built.typeset
    lasts = [start - 1 for start in done.starts[1:]] + [done.pages]
    leading = plan.preset.body.leading
    full = plan.preset.content_height
    targets: dict[int, float] = {}
    for page in lasts:
        use = built.column_use.get(page, {})
        columns = [height for name, height in use.items() if name.startswith("column")]
        if not columns:
            continue
        share = sum(columns) / plan.preset.columns  # a column left empty counts too
        if share > max(columns) - leading:
            continue  # already level
        targets[page] = math.ceil(share / leading) * leading
    for _attempt in range(BALANCE_TRIES):
        if not targets:
            return built
        trial = build(targets, None)
        spilled = _first_spill(lasts, done, trial.typeset)
        if spilled is None:
            return trial
        # That article's text no longer fits its shortened page: a line more.
        # (Later articles are only pushed along by it, so they keep theirs.)
        grown = targets.get(spilled, full) + leading
        if grown < full:
            targets[spilled] = grown
        else:
            targets.pop(spilled, None)
    return built


def _first_spill(lasts: list[int], done: _Typeset, trial: _Typeset) -> int | None:
    """The last page of the first article that ran onto another page in ``trial``, if any."""
    for index, (start, moved) in enumerate(zip(done.starts, trial.starts, strict=False)):
        if index and start != moved:
            return lasts[index - 1]
    return lasts[-1] if trial.pages != done.pages else None


def _write_atomically(target: Path, data: bytes) -> None:
    """Swap the new PDF in with one rename; any failure keeps the old file intact."""
    try:
        write_atomically(target, data)
    except OSError as exc:
        raise ExportError(path=str(target), reason=_reason(exc)) from exc


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
