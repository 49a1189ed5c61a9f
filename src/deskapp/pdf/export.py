"""One article as a print-ready A4 PDF.

The article is parsed once (:mod:`deskapp.render.tree`), turned into
flowables (:mod:`deskapp.render.flowables`) and laid out on A4 with the
bundled fonts, embedded and subset. Before anything is drawn, every
character is checked against the face that will draw it; a file on disk is
only ever replaced whole, so a failed export leaves an earlier good PDF as
it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
)

from deskapp.errors import DeskappError, ExportError, MissingGlyphs
from deskapp.model import Article
from deskapp.pdf.fonts import MONO, SANS, SERIF, face_name, missing_glyphs, register_fonts
from deskapp.render.flowables import (
    GlyphLog,
    PrintStyles,
    body_flowables,
    make_print_styles,
    text_paragraph,
)
from deskapp.render.tree import ArticleDocument, build_document, source_line
from deskapp.text import nfc

CREATOR = "Deskapp"
LANGUAGE = "vi-VN"
PAGE_LABEL = "Trang {page}/{pages}"

PAGE_SIZE = A4
MARGIN_X = 24 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 22 * mm
FOOTER_BASELINE = 11 * mm
BODY_SIZE = 10.5
BODY_LEADING = 15.5


@dataclass(frozen=True)
class _Layout:
    """The styles of the page furniture around the body."""

    body: PrintStyles
    section: ParagraphStyle
    headline: ParagraphStyle
    lead: ParagraphStyle
    byline: ParagraphStyle
    source: ParagraphStyle


def render_pdf(article: Article, *, author: str = "") -> bytes:
    """The article as PDF bytes; ``author`` is who exports it (metadata only).

    Raises :class:`MissingGlyphs` when a character has no glyph in the face
    that would draw it, and :class:`ExportError` (with an empty path) when
    the layout fails.
    """
    try:
        register_fonts()
        doc = build_document(article)
        return _typeset(_story(doc, _layout()), doc, article, author)
    except DeskappError:
        raise
    except Exception as exc:
        raise ExportError(path="", reason=_reason(exc)) from exc


def export_pdf(article: Article, path: str | os.PathLike[str], *, author: str = "") -> Path:
    """Write the article's PDF to ``path``, all or nothing; return the path.

    Raises :class:`MissingGlyphs` before touching the disk, and
    :class:`ExportError` for any other failure; an existing file at
    ``path`` is then left exactly as it was.
    """
    target = Path(path)
    if not target.parent.is_dir():
        raise ExportError(path=str(target), reason=os.strerror(errno.ENOENT))
    try:
        data = render_pdf(article, author=author)
    except MissingGlyphs:
        raise
    except ExportError as exc:
        raise ExportError(path=str(target), reason=exc.data.get("reason", "")) from exc
    except Exception as exc:
        raise ExportError(path=str(target), reason=_reason(exc)) from exc
    _write_atomically(target, data)
    return target


def _layout() -> _Layout:
    body = make_print_styles(
        text_family=SERIF,
        heading_family=SANS,
        mono_family=MONO,
        size=BODY_SIZE,
        leading=BODY_LEADING,
    )
    base = body.body
    return _Layout(
        body=body,
        section=ParagraphStyle(
            "section",
            parent=base,
            fontName=face_name(SANS, bold=True),
            fontSize=9,
            leading=13,
            alignment=TA_LEFT,
            textColor=colors.HexColor("#a0322a"),
            spaceAfter=4,
        ),
        headline=ParagraphStyle(
            "headline",
            parent=base,
            fontName=face_name(SANS, bold=True),
            fontSize=22,
            leading=30,
            alignment=TA_LEFT,
            spaceAfter=10,
            keepWithNext=1,
        ),
        lead=ParagraphStyle(
            "lead",
            parent=base,
            fontName=face_name(SERIF, bold=True),
            fontSize=11.5,
            leading=17,
            spaceAfter=12,
        ),
        byline=ParagraphStyle(
            "byline",
            parent=base,
            fontName=face_name(SERIF, bold=True),
            alignment=TA_RIGHT,
            spaceBefore=6,
            spaceAfter=0,
            keepWithNext=1,
        ),
        source=ParagraphStyle(
            "source",
            parent=base,
            fontName=face_name(SERIF, italic=True),
            fontSize=9.5,
            leading=14,
            alignment=TA_RIGHT,
            textColor=colors.HexColor("#444444"),
            spaceAfter=0,
        ),
    )


def _frame_width() -> float:
    return PAGE_SIZE[0] - 2 * MARGIN_X


def _story(doc: ArticleDocument, layout: _Layout) -> list[Flowable]:
    """The flowables of the whole article, each part checked for missing glyphs.

    An empty article still gets its one (numbered) page: an empty story
    would give a PDF without pages, which viewers refuse to open.
    """
    story: list[Flowable] = []
    for where, build in _parts(doc, layout):
        log = GlyphLog()
        flowables = build(log)
        _preflight(log, where)
        story.extend(flowables)
    return story or [Spacer(0, 0)]


def _parts(
    doc: ArticleDocument, layout: _Layout
) -> list[tuple[str, Callable[[GlyphLog], list[Flowable]]]]:
    """(where, builder) for each part of the article that has text, in page order."""

    def plain(text: str, style: ParagraphStyle) -> Callable[[GlyphLog], list[Flowable]]:
        return lambda log: [text_paragraph(text, style, log)]

    parts: list[tuple[str, Callable[[GlyphLog], list[Flowable]]]] = []
    if doc.section:
        parts.append(("section", plain(doc.section.upper(), layout.section)))
    if doc.title:
        parts.append(("title", plain(doc.title, layout.headline)))
    if doc.lead:
        parts.append(("lead", plain(doc.lead, layout.lead)))
    parts.append(("body", lambda log: body_flowables(doc.body, layout.body, _frame_width(), log)))
    if doc.byline:
        parts.append(("byline", plain(doc.byline, layout.byline)))
    if doc.source:
        parts.append(("source", plain(source_line(doc.source), layout.source)))
    return parts


def _preflight(log: GlyphLog, where: str) -> None:
    missing: set[str] = set()
    for face, text in log.by_face().items():
        missing |= missing_glyphs(text, face)
    if missing:
        chars = sorted(missing)
        raise MissingGlyphs(
            chars=" ".join(chars),
            codepoints=" ".join(f"U+{ord(char):04X}" for char in chars),
            where=where,
        )


class _ArticleTemplate(BaseDocTemplate):
    """A4 with one frame; headline and headings become PDF bookmarks."""

    def __init__(self, target: BytesIO, **metadata: Any) -> None:
        super().__init__(
            target,
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            initialFontName=face_name(SERIF),
            initialFontSize=BODY_SIZE,
            initialLeading=BODY_LEADING,
            lang=LANGUAGE,
            creator=CREATOR,
            displayDocTitle=1,
            **metadata,
        )
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        self.addPageTemplates([PageTemplate(id="article", frames=[frame])])
        self._outline_level = -1

    def afterFlowable(self, flowable: Flowable) -> None:
        level = _outline_level(flowable)
        if level is None:
            return
        level = min(level, self._outline_level + 1)
        key = f"h{id(flowable)}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(flowable.getPlainText(), key, level=level, closed=False)
        self._outline_level = level


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
    """Holds pages back until the end, so each footer can say "Trang n/N"."""

    def __init__(self, *args: Any, footer_font: str, footer_size: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer_font = footer_font
        self._footer_size = footer_size
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, page: int, pages: int) -> None:
        self.saveState()
        self.setFont(self._footer_font, self._footer_size)
        self.setFillColor(colors.HexColor("#555555"))
        label = PAGE_LABEL.format(page=page, pages=pages)
        self.drawCentredString(PAGE_SIZE[0] / 2, FOOTER_BASELINE, label)
        self.restoreState()


def _typeset(story: list[Flowable], doc: ArticleDocument, article: Article, author: str) -> bytes:
    buffer = BytesIO()
    keywords = [nfc(word) for word in (doc.section, *article.tags) if word]
    template = _ArticleTemplate(
        buffer,
        title=doc.title,
        author=nfc(author).strip() or doc.byline,
        subject=" ".join(doc.lead.split()),
        keywords=keywords,
    )
    canvas_maker = partial(_PagedCanvas, footer_font=face_name(SANS), footer_size=8.5)
    template.build(story, canvasmaker=canvas_maker)
    return buffer.getvalue()


def _write_atomically(target: Path, data: bytes) -> None:
    """Write beside the target, flush to disk, then swap it in with one rename.

    A crash or an error at any step leaves either the old file or the new
    one at ``target``, never a half-written PDF; the temporary file is
    removed on failure.
    """
    temp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(temp, flags, 0o666)
    except OSError as exc:
        raise ExportError(path=str(target), reason=_reason(exc)) from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        if isinstance(exc, Exception):
            raise ExportError(path=str(target), reason=_reason(exc)) from exc
        raise
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open a folder for this."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(handle)
    finally:
        os.close(handle)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
