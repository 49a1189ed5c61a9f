"""Pages of an edition as PDF: drawn for the page view, checked and written for print.

:func:`compose` draws laid-out pages into a PDF as they are, over-set and
all: the page view shows the desk what it has. :func:`render_pages` is the
print path: it lays the pages out, runs the preflight (:func:`preflight`)
and refuses, naming every problem, while a block is over-set, a character
has no glyph, or (unless the export is a draft, which prints a DRAFT mark)
a placed article is not approved. With ``pdfx`` the PDF is PDF/X-1a:2003
(:mod:`deskapp.pdf.pdfx`): CMYK throughout, the output intent, trim and
bleed boxes, no annotations.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from reportlab.lib.colors import CMYKColor, Color
from reportlab.pdfgen.canvas import Canvas

from deskapp.errors import DeskappError, ExportError
from deskapp.fileio import write_atomically
from deskapp.makeup.layout import BlockFit, EditionLayout, PhotoSource, lay_out
from deskapp.makeup.plan import Edition
from deskapp.makeup.presets import PagePreset
from deskapp.model import Approval, Article
from deskapp.pdf.findings import Finding
from deskapp.pdf.fonts import SANS, face_name, missing_glyphs
from deskapp.text import nfc

CREATOR = "Deskapp"


class MakeupRefused(DeskappError):
    """The pages were not exported; ``findings`` names every blocking problem."""

    code = "makeup_refused"


@dataclass
class Sources:
    """What the pages need from the library: the articles, their photos and approvals."""

    articles: dict[str, Article]
    photos: PhotoSource
    approvals: dict[str, Approval | None] = field(default_factory=dict)


@dataclass(frozen=True)
class MakeupReport:
    data: bytes
    pages: int
    fits: list[BlockFit]
    findings: list[Finding]  # every finding; the blocking ones stopped an export
    path: Path | None = None


def library_sources(library: object, edition: Edition) -> Sources:
    """The articles an edition places, from ``library``, with their photos and approvals."""
    from deskapp.desk import approval_for
    from deskapp.errors import ArticleNotFound
    from deskapp.store.assets import photo_lookup

    articles: dict[str, Article] = {}
    for article_id in edition.article_ids():
        try:
            articles[article_id] = library.get(article_id)  # type: ignore[attr-defined]
        except ArticleNotFound:
            continue
    lookups = {article_id: photo_lookup(library, article_id) for article_id in articles}

    def photos(article_id: str, name: str):  # type: ignore[no-untyped-def]
        lookup = lookups.get(article_id)
        return lookup(name) if lookup is not None else None

    approvals = {article_id: approval_for(library, article_id) for article_id in articles}
    return Sources(articles, photos, approvals)


def preflight(layout: EditionLayout, sources: Sources, *, draft: bool = False) -> list[Finding]:
    """Every problem of the laid-out pages: over-set blocks and unapproved articles first.

    Over-set text and missing glyphs are errors; an unapproved article is an
    error unless ``draft``; missing and coarse photos are warnings.
    """
    findings: list[Finding] = []
    for fit in layout.overset():
        findings.append(Finding("overset", fit.kind, article_id=fit.article_id, data={
            "page": fit.page, "block": fit.index, "headline": fit.headline,
            "lines": fit.over_lines, "words": fit.over_words}))
    named: set[str] = set()
    for page in layout.edition.pages:
        if page.number not in layout.pages:
            continue
        for block in page.blocks:
            article_id = block.article_id
            if not article_id or article_id in named:
                continue
            if sources.approvals.get(article_id) is None:
                named.add(article_id)
                article = sources.articles[article_id]
                findings.append(Finding("unapproved", "title",
                                        severity="warning" if draft else "error",
                                        article_id=article_id,
                                        data={"page": page.number, "headline": article.title}))
    return findings + layout.findings


def render_pages(edition: Edition, sources: Sources, *, pages: Iterable[int] | None = None,
                 pdfx: bool = False, cmyk: bool = False, draft: bool = False,
                 lang: str | None = None) -> MakeupReport:
    """The pages (all, or ``pages``) as a print PDF; :class:`MakeupRefused` when blocked."""
    cmyk = cmyk or pdfx
    layout = lay_out(edition, sources.articles, sources.photos, pages=pages, cmyk=cmyk)
    findings = preflight(layout, sources, draft=draft)
    blocking = [finding for finding in findings if finding.blocking]
    if blocking:
        problems = " ".join(finding.message(lang) for finding in blocking)
        raise MakeupRefused(problems=problems, findings=blocking)
    data = compose(layout, pdfx=pdfx, cmyk=cmyk, draft=draft)
    return MakeupReport(data, len(layout.pages), layout.fits, findings)


def export_pages(edition: Edition, sources: Sources, path: str | os.PathLike[str],
                 **options: object) -> MakeupReport:
    """:func:`render_pages` written to ``path`` all or nothing (an old file stays on failure)."""
    target = Path(path)
    if not target.parent.is_dir():
        raise ExportError(path=str(target), reason=os.strerror(errno.ENOENT))
    report = render_pages(edition, sources, **options)  # type: ignore[arg-type]
    try:
        write_atomically(target, report.data)
    except OSError as exc:
        raise ExportError(path=str(target), reason=exc.strerror or str(exc)) from exc
    return MakeupReport(report.data, report.pages, report.fits, report.findings, target)


def compose(layout: EditionLayout, *, pdfx: bool = False, cmyk: bool = False,
            draft: bool = False) -> bytes:
    """The laid-out pages drawn into one PDF, in page order, as they are."""
    cmyk = cmyk or pdfx
    buffer = BytesIO()
    numbers = sorted(layout.pages)
    first = layout.pages[numbers[0]].preset if numbers else None
    canvas = Canvas(buffer, pagesize=first.page_size if first else (595, 842),
                    enforceColorSpace="cmyk" if cmyk else None, lang="vi-VN",
                    initialFontName=face_name(SANS), pageCompression=1)
    edition = layout.edition
    canvas.setTitle(nfc(edition.name) + (f" – {edition.date}" if edition.date else ""))
    canvas.setCreator(CREATOR)
    canvas.setAuthor(CREATOR)
    if pdfx:
        from deskapp.pdf.pdfx import declare_pdfx

        declare_pdfx(canvas)
    for number in numbers:
        drawing = layout.pages[number]
        preset = drawing.preset
        canvas.setPageSize(preset.page_size)
        box = (0.0, 0.0, *preset.page_size)
        canvas.setTrimBox(box)
        if pdfx:
            canvas.setBleedBox(box)
        _folio(canvas, preset, edition, number, cmyk)
        if draft:  # under the text: the words stay readable
            _draft_mark(canvas, preset, cmyk)
        for draw in drawing.draws:
            draw(canvas)
        canvas.showPage()
    if not numbers:
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _colour(grey: float, cmyk: bool) -> Color:
    return CMYKColor(0, 0, 0, 1 - grey) if cmyk else Color(grey, grey, grey)


def _drawable(text: str, face: str) -> str:
    """``text`` in NFC with any character the face cannot draw left out (folio words)."""
    text = nfc(text)
    missing = missing_glyphs(text, face)
    return "".join(char for char in text if char not in missing)


# Weekdays as a Vietnamese and an English paper print them above the fold (Monday first).
_WEEKDAYS = {
    "vi": ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")


def folio_date(value: str, language: str) -> str:
    """The edition's date as the folio prints it: "Thứ Bảy, 5/12/2026", "Saturday, 5 December
    2026"; a date that is not YYYY-MM-DD is printed as written."""
    from datetime import date

    try:
        day = date.fromisoformat(value)
    except ValueError:
        return value
    if language == "vi":
        return f"{_WEEKDAYS['vi'][day.weekday()]}, {day.day}/{day.month}/{day.year}"
    return (f"{_WEEKDAYS['en'][day.weekday()]}, {day.day} {_MONTHS_EN[day.month - 1]} "
            f"{day.year}")


def _folio(canvas: Canvas, preset: PagePreset, edition: Edition, number: int,
           cmyk: bool) -> None:
    folio = preset.folio
    if folio is None:
        return
    values = {"publication": preset.publication, "page": str(number),
              "date": folio_date(edition.date, "vi" if preset.language == "vi" else "en"),
              "edition": edition.name}
    face = face_name(SANS, bold=True)
    left = preset.margins.left
    right = preset.page_size[0] - preset.margins.right
    baseline = preset.page_size[1] - folio.baseline
    canvas.saveState()
    canvas.setFont(face, folio.size)
    canvas.setFillColor(_colour(0.0, cmyk))
    texts = [_drawable(template.format_map(_Blank(values)), face)
             for template in (folio.left, folio.center, folio.right)]
    canvas.drawString(left, baseline, texts[0])
    canvas.drawCentredString((left + right) / 2, baseline, texts[1])
    canvas.drawRightString(right, baseline, texts[2])
    canvas.setStrokeColor(_colour(0.0, cmyk))
    canvas.setLineWidth(1.2)
    rule = baseline - folio.size * 0.7
    canvas.line(left, rule, right, rule)
    canvas.restoreState()


class _Blank(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return ""


def _draft_mark(canvas: Canvas, preset: PagePreset, cmyk: bool) -> None:
    """The preset's DRAFT word across the page, light, so the text stays readable."""
    width, height = preset.page_size
    words = preset.words["draft"]
    face = face_name(SANS, bold=True)
    canvas.saveState()
    canvas.setFillColor(_colour(0.82, cmyk))
    size = width / max(6, len(words)) * 1.1
    canvas.setFont(face, size)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(35)
    canvas.drawCentredString(0, -size / 3, _drawable(words, face))
    canvas.restoreState()
    canvas.saveState()
    canvas.setFont(face, 10)
    canvas.setFillColor(_colour(0.0, cmyk))
    canvas.drawString(preset.margins.left, preset.margins.bottom / 2, _drawable(words, face))
    canvas.restoreState()


def page_image(layout: EditionLayout, number: int, dpi: float = 40.0) -> object:
    """One laid-out page as a PIL image (the page view's picture), through the PDF."""
    import pypdfium2 as pdfium

    single = EditionLayout(layout.edition, {number: layout.pages[number]}, layout.fits,
                           layout.findings)
    document = pdfium.PdfDocument(compose(single))
    try:
        return document[0].render(scale=dpi / 72).to_pil()
    finally:
        document.close()
