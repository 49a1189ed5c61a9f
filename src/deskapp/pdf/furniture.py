"""What every page carries besides the article: header, footer, approval, page boxes, crop marks.

The running header and footer are the preset's templates filled for each
page (``{page}``, ``{pages}``, ``{title}``, ``{approval}``…); their words
are checked for glyphs like the article's. The canvas holds pages back
until the last one so each footer can say "Trang n/N", and sets the
printer's boxes: TrimBox always, and with a bleed the BleedBox, CropBox
and ArtBox, with crop marks in the bleed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from deskapp.model import Approval, Article
from deskapp.pdf.findings import Finding, glyph_findings
from deskapp.pdf.fonts import face_name
from deskapp.pdf.layout import PagePlan
from deskapp.pdf.markup import GlyphLog
from deskapp.pdf.presets import Preset, RunningText
from deskapp.pdf.styles import cmyk_color
from deskapp.render.tree import ArticleDocument
from deskapp.text import nfc

# How an approval reads in the footer ("Duyệt: …") and among the keywords ("duyệt: …").
APPROVAL_LABEL = "Duyệt"
APPROVAL_KEYWORD = "duyệt"
FURNITURE_COLOR = colors.HexColor("#555555")
RULE_COLOR = colors.HexColor("#9a9a9a")
# Crop marks print on every plate, so the cutter sees them whatever is inked.
REGISTRATION = colors.CMYKColor(1, 1, 1, 1)
CROP_MARK_WIDTH = 0.25


def furniture_values(
    doc: ArticleDocument, preset: Preset, approval: Approval | None = None
) -> dict[str, str]:
    """What the preset's header and footer templates fill in for one article."""
    return {"publication": nfc(preset.publication), "section": doc.section, "title": doc.title,
            "approval": approval_line(approval)}


def approval_line(approval: Approval | None) -> str:
    """What ``{approval}`` prints: "Duyệt: Nguyễn Văn B, 26/11/2026 14:05" (local time)."""
    if approval is None:
        return ""
    parts = (nfc(approval.approver).strip(), _local_time(approval.approved_at))
    return f"{APPROVAL_LABEL}: " + ", ".join(part for part in parts if part)


def approval_keyword(approval: Approval) -> str:
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


def furniture_findings(
    preset: Preset, doc: ArticleDocument, article: Article, approval: Approval | None = None
) -> list[Finding]:
    """Header and footer texts (the preset's own words too) must have their glyphs."""
    values = furniture_values(doc, preset, approval)
    findings: list[Finding] = []
    for where, running in (("header", preset.header), ("footer", preset.footer)):
        if running is None:
            continue
        log = GlyphLog()
        for text in _running_texts(running, values, page="0123456789", pages="0").values():
            log.add(face_name(running.family), text)
        findings.extend(glyph_findings(article, where, log.missing()))
    return findings


def _running_texts(running: RunningText, values: dict[str, str], **numbers: str) -> dict[str, str]:
    """The header's or footer's left, center and right texts for one page."""
    texts = {}
    for part in ("left", "center", "right"):
        text = " ".join(getattr(running, part).format(**values, **numbers).split())
        texts[part] = text.upper() if running.uppercase else text
    return texts


class Furniture:
    """Draws what every page carries besides the article: header, footer, crop marks."""

    def __init__(self, plan: PagePlan, values: dict[str, str]) -> None:
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
        color = cmyk_color(FURNITURE_COLOR, text=True) if self.plan.cmyk else FURNITURE_COLOR
        canvas.saveState()
        canvas.setFont(face_name(running.family), running.size)
        canvas.setFillColor(color)
        canvas.drawString(left, baseline, texts["left"])
        canvas.drawCentredString(left + width / 2, baseline, texts["center"])
        canvas.drawRightString(left + width, baseline, texts["right"])
        if running.rule:
            rule_y = baseline - running.size * 0.6 if rule_below else baseline + running.size * 1.2
            rule = cmyk_color(RULE_COLOR, text=True) if self.plan.cmyk else RULE_COLOR
            canvas.setStrokeColor(rule)
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


class PagedCanvas(Canvas):
    """Holds pages back until the end, so each footer can say "Trang n/N".

    It also sets the printer's page boxes: TrimBox always (the finished
    page), and with a bleed the BleedBox and CropBox (the whole sheet, with
    the crop marks) and the ArtBox (the finished page). For PDF/X the
    BleedBox is always there and the document declares the standard.
    """

    def __init__(self, *args: Any, furniture: Furniture, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        plan = furniture.plan
        self.setTrimBox(plan.trim_box)
        sheet = (0.0, 0.0, *plan.media_size)
        if plan.bleed > 0:
            self.setBleedBox(sheet)
            self.setCropBox(sheet)
            self.setArtBox(plan.trim_box)
        elif plan.pdfx:  # PDF/X wants the bleed box on every page, bleed or not
            self.setBleedBox(sheet)
        if plan.pdfx:
            from deskapp.pdf.pdfx import declare_pdfx

            declare_pdfx(self)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        state = dict(self.__dict__)
        # The page's operators as one string (reportlab joins them with the
        # same newlines when it writes the page): a held page is then a few
        # objects instead of thousands of small strings.
        state["_code"] = ["\n".join(self._code)] if self._code else []
        self._pages.append(state)
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._furniture.draw(self, number, total, getattr(self, "desk_values", None))
            if self._furniture.plan.pdfx:
                self._annotationrefs = []  # PDF/X-1a allows no links on the page
            super().showPage()
        self._furniture.pages = total
        super().save()
