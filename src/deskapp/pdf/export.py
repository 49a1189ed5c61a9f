"""One article as a print-ready PDF, laid out by a print preset.

The article is parsed once (:mod:`deskapp.render.tree`), turned into
flowables (:mod:`deskapp.pdf.flowables`) and laid out by a preset
(:mod:`deskapp.pdf.presets`: page size, margins, columns, type, header and
footer) with the bundled fonts, embedded and subset. Before anything is
drawn, every character is checked against the face that will draw it; a
file on disk is only ever replaced whole, so a failed export leaves an
earlier good PDF as it was.

The jobs around it have modules of their own: the type (:mod:`.styles`),
the page plan, frames and story (:mod:`.layout`), header, footer, page
boxes and crop marks (:mod:`.furniture`) and the balancing of the last
page's columns (:mod:`.balance`). With CMYK chosen (:class:`PrintSettings`)
every colour is written as CMYK and text and rules are pure black (K only),
so they print on one plate.
"""

from __future__ import annotations

import copy
import errno
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
)
from reportlab.platypus.doctemplate import LayoutError

from deskapp.errors import (
    DeskappError,
    ExportError,
    FontUnavailable,
    MissingGlyphs,
    TooManyPages,
    UnsafeTarget,
)
from deskapp.fileio import write_atomically
from deskapp.model import Approval, Article, PhotoLookup
from deskapp.pdf.balance import Built, balance_last_pages, shortened
from deskapp.pdf.findings import Finding, photo_findings, refuse_if_blocked
from deskapp.pdf.fonts import face_name, register_fonts
from deskapp.pdf.furniture import (
    Furniture,
    PagedCanvas,
    approval_keyword,
    furniture_findings,
    furniture_values,
)
from deskapp.pdf.keeping import KeptGroup
from deskapp.pdf.layout import (
    ArticleStory,
    PagePlan,
    Story,
    arranged,
    build_story,
    first_template_id,
    page_templates,
    plan_page,
    top_block_height,
)
from deskapp.pdf.options import PrintSettings
from deskapp.pdf.photos import MAX_PHOTO_SHARE, PhotoOptions
from deskapp.pdf.presets import Preset, PresetError
from deskapp.pdf.styles import page_styles
from deskapp.render.tree import ArticleDocument, build_document
from deskapp.text import nfc

CREATOR = "Deskapp"
LANGUAGE = "vi-VN"

# The geometry of the default preset (a4-article.json), for callers that
# measure the page; every other number comes from the preset itself.
PAGE_SIZE = (210 * mm, 297 * mm)
MARGIN_X = 24 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 22 * mm
FOOTER_BASELINE = 11 * mm

# The most pages one PDF may have. A longer print is refused while it is laid
# out (no file is written): it is an article pasted many times over, and
# pages held until the last one is numbered would fill the memory.
MAX_PAGES = 1000

# Page streams are written binary (Flate only). ASCII85 on top only helps
# 7-bit mail transports, makes every stream a quarter larger, and without
# reportlab's C accelerator its pure-Python encoder took a tenth of a long
# export's time.
rl_config.useA85 = 0


@dataclass
class _Prepared:
    """One article ready to typeset: its parsed document, flowables and findings."""

    article: Article
    doc: ArticleDocument
    story: ArticleStory
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
        plan = plan_page(settings.preset, settings.bleed_mm, settings.cmyk, settings.pdfx)
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
    plan = plan_page(settings.preset, 0.0, settings.cmyk, settings.pdfx)
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


def _prepare(
    article: Article, plan: PagePlan, assets: PhotoLookup | None, approval: Approval | None = None
) -> _Prepared:
    """Parse and build the article once, gathering every finding on the way."""
    register_fonts()
    doc = build_document(article)
    findings = furniture_findings(plan.preset, doc, article, approval)
    photos = PhotoOptions(
        assets=assets,
        max_height=plan.preset.content_height * MAX_PHOTO_SHARE,
        cmyk=plan.cmyk,
    )
    styles = page_styles(plan.preset, plan.cmyk)
    story = build_story(article, doc, styles, plan.preset, photos, findings)
    findings.extend(photo_findings(article, photos.warnings))
    if plan.pdfx:
        from deskapp.pdf.pdfx import pdfx_findings

        findings.extend(pdfx_findings(article))
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


class _ArticleTemplate(BaseDocTemplate):
    """The preset's page; headline and headings become PDF bookmarks.

    A subhead and what follows it are held together as a :class:`KeptGroup`.

    One column: one frame, the whole story flows through it. Several
    columns: the first page has a full-width frame for the kicker, headline
    and lead (``top_height`` high) above the column frames; later pages have
    only columns.
    """

    def __init__(
        self,
        target: BytesIO,
        plan: PagePlan,
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
        self.keepTogetherClass = KeptGroup
        self.addPageTemplates(page_templates(plan, top_heights))
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
            self.pageTemplate = shortened(self.pageTemplate, height)
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


@dataclass
class _Typeset:
    """A finished PDF and the page each article of it starts on."""

    data: bytes
    pages: int
    starts: list[int]


def _typeset(
    story: ArticleStory,
    doc: ArticleDocument,
    article: Article,
    author: str,
    plan: PagePlan,
    approval: Approval | None = None,
) -> tuple[bytes, int]:
    keywords = [nfc(word) for word in (doc.section, *article.tags) if word]
    if approval is not None:
        keywords.append(approval_keyword(approval))
    metadata = {
        "title": doc.title,
        "author": nfc(author).strip() or doc.byline,
        "subject": " ".join(doc.lead.split()),
        "keywords": keywords,
    }
    done = _typeset_many([(story, doc)], plan, metadata, approval=approval)
    return done.data, done.pages


def _typeset_many(
    parts: list[tuple[ArticleStory, ArticleDocument]],
    plan: PagePlan,
    metadata: dict[str, Any],
    on_page: Callable[[int], None] | None = None,
    *,
    approval: Approval | None = None,
) -> _Typeset:
    """Lay out one or more articles in one PDF, each from a fresh first page.

    Page numbers run through the whole document; each article's headline is
    a top-level bookmark and its running header carries its own title.
    ``approval`` fills the ``{approval}`` placeholder on every page.

    The stories are consumed, as reportlab's build consumes its list: each
    paragraph (with its broken lines) is let go once it is drawn, instead of
    every one of a long article staying in memory until the end.
    """
    heights = [top_block_height(story.top, plan) for story, _doc in parts]
    flowables: Story = []
    columns = plan.preset.columns
    for index, (story, doc) in enumerate(parts):
        if index:
            if columns > 1:
                flowables.append(NextPageTemplate(first_template_id(index)))
            flowables.append(PageBreak())
        flowables.append(_ArticleStart(furniture_values(doc, plan.preset, approval)))
        flowables.extend(arranged(story, heights[index], columns))
        story.top, story.flow = [], []
    first_values = furniture_values(parts[0][1], plan.preset, approval)
    # Laying out changes flowables (a split paragraph keeps its parts), so a
    # second layout for the column balancing starts from a copy made now.
    pristine = copy.deepcopy(flowables) if columns > 1 else []

    def build(balanced: dict[int, float], progress: Callable[[int], None] | None) -> Built:
        buffer = BytesIO()
        template = _ArticleTemplate(buffer, plan, heights, progress, balanced=balanced,
                                    **metadata)
        furniture = Furniture(plan, dict(first_values))
        story = copy.deepcopy(pristine) if balanced else flowables
        template.build(story, canvasmaker=partial(PagedCanvas, furniture=furniture))
        done = _Typeset(buffer.getvalue(), furniture.pages, template.article_pages)
        return Built(done, template.column_use)

    built = build({}, on_page)
    if columns > 1:
        built = balance_last_pages(built, plan, build)
    return built.typeset


def _write_atomically(target: Path, data: bytes) -> None:
    """Swap the new PDF in with one rename; any failure keeps the old file intact."""
    try:
        write_atomically(target, data)
    except UnsafeTarget as exc:  # a device, folder, pipe or link: an export error of its own
        raise ExportError(exc.code, **exc.data) from exc
    except OSError as exc:
        raise ExportError(path=str(target), reason=_reason(exc)) from exc


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
