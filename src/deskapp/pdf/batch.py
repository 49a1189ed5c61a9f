"""Many articles at once: one edition PDF, or one PDF per article.

An edition is refused as a whole when one of its articles cannot be
printed (a missing glyph would leave a hole in the paper); one PDF per
article goes on past a failure and reports it, so a night's batch is never
lost to one bad article. Both take ``progress(done, total)`` and
``cancelled()`` callbacks so a window can show a bar and a Cancel button
while this runs on a worker thread; a cancelled run writes nothing more.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from deskapp.errors import DeskappError, ExportError
from deskapp.messages import describe
from deskapp.model import Approval, Article, PhotoLookup
from deskapp.pdf.export import (
    _prepare,
    _Prepared,
    _reason,
    _typeset_many,
    _write_atomically,
    export_pdf_report,
)
from deskapp.pdf.findings import Finding, refuse_if_blocked
from deskapp.pdf.layout import PagePlan, plan_page
from deskapp.pdf.options import PrintSettings
from deskapp.text import fold, nfc

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
# An article's photos: given the article, the lookup its renderers take.
AssetsFor = Callable[[Article], PhotoLookup | None]
# An article's approval, if it has one (see :func:`deskapp.desk.approval_for`).
ApprovalFor = Callable[[Article], Approval | None]

SLUG_LENGTH = 60
UNTITLED_SLUG = "chua-co-tit"
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class EditionArticle:
    """Where one article of an edition starts."""

    article_id: str
    title: str
    first_page: int


@dataclass(frozen=True)
class EditionReport:
    """The edition written (``path`` None when cancelled), its pages and warnings."""

    path: Path | None
    pages: int
    articles: list[EditionArticle]
    warnings: list[Finding]
    cancelled: bool = False


@dataclass(frozen=True)
class Written:
    """One article's PDF that was written."""

    article_id: str
    title: str
    path: Path
    pages: int
    warnings: list[Finding]


@dataclass(frozen=True)
class Failed:
    """One article that could not be written, with the error and its sentence."""

    article_id: str
    title: str
    error: DeskappError
    message: str


@dataclass
class BatchReport:
    """What :func:`export_each` wrote and what failed."""

    written: list[Written] = field(default_factory=list)
    failed: list[Failed] = field(default_factory=list)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed and not self.cancelled


class _Cancel(Exception):
    """Raised from inside the layout to stop it when the user cancels."""


def export_edition(
    articles: Sequence[Article],
    path: str | os.PathLike[str],
    settings: PrintSettings | None = None,
    *,
    assets: AssetsFor | None = None,
    title: str = "",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> EditionReport:
    """Write ``articles`` as one PDF, each from a new page; "Trang n/N" runs through.

    Every article is checked before a page is laid out: a missing glyph
    anywhere raises :class:`MissingGlyphs` (its ``article_id`` says which
    article) and nothing is written. ``progress(done, total)`` is called as
    each article is prepared; ``cancelled()`` is asked before each article
    and after each page laid out. A cancel leaves any earlier file at
    ``path`` as it was.

    ``settings`` give the preset, bleed, colours, author and photos;
    ``assets``, when given, gives each article its own photos instead. An
    edition carries no approval: that of ``settings`` is not used.
    """
    settings = settings or PrintSettings()
    target = Path(path)
    if not articles:
        raise ExportError(path=str(target), reason="no articles to export")
    if not target.parent.is_dir():
        raise ExportError(path=str(target), reason=os.strerror(2))
    plan = plan_page(settings.preset, settings.bleed_mm, settings.cmyk, settings.pdfx)
    total = len(articles)
    prepared = []
    for index, article in enumerate(articles):
        if cancelled is not None and cancelled():
            return EditionReport(None, 0, [], [], cancelled=True)
        prepared.append(_prepare(article, plan, assets(article) if assets else settings.assets))
        refuse_if_blocked(prepared[-1].findings)
        if progress is not None:
            progress(index + 1, total)
    try:
        done = _typeset_many([(p.story, p.doc) for p in prepared], plan,
                             _edition_metadata(prepared, plan, settings.author, title),
                             _page_watch(cancelled))
    except _Cancel:
        return EditionReport(None, 0, [], [], cancelled=True)
    except DeskappError:
        raise
    except Exception as exc:
        raise ExportError(path=str(target), reason=_reason(exc)) from exc
    _write_atomically(target, done.data)
    starts = [
        EditionArticle(p.article.id, p.doc.title, page)
        for p, page in zip(prepared, done.starts, strict=False)
    ]
    warnings = [finding for p in prepared for finding in p.findings]
    return EditionReport(target, done.pages, starts, warnings)


def export_each(
    articles: Sequence[Article],
    folder: str | os.PathLike[str],
    settings: PrintSettings | None = None,
    *,
    assets: AssetsFor | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    approvals: ApprovalFor | None = None,
) -> BatchReport:
    """One PDF per article in ``folder`` (created if needed), named from its headline.

    ``settings`` are those of :func:`deskapp.pdf.export.render_pdf`;
    ``assets`` and ``approvals``, when given, give each article its own
    photos and approval in place of those of ``settings``.

    Each file is written atomically; an article that fails (a missing
    glyph, a full disk) is reported in ``failed`` and the others are still
    written. A preset that cannot be used fails the whole batch at once
    (:class:`PresetError`), since every article would fail the same way.
    """
    settings = settings or PrintSettings()
    target = Path(folder)
    plan = plan_page(settings.preset, settings.bleed_mm, settings.cmyk, settings.pdfx)
    # The preset is read once for all the articles.
    settings = replace(settings, preset=plan.preset, cmyk=plan.cmyk)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(path=str(target), reason=_reason(exc)) from exc
    report = BatchReport()
    taken: set[str] = set()
    for index, article in enumerate(articles):
        if cancelled is not None and cancelled():
            report.cancelled = True
            break
        name = pdf_name(article, taken)
        taken.add(name)
        if approvals is not None:
            own = replace(settings, approval=approvals(article))
        else:
            own = settings
        _export_one(article, target / name, own, assets, report)
        if progress is not None:
            progress(index + 1, len(articles))
    return report


def pdf_name(article: Article, taken: set[str] | None = None) -> str:
    """``<folded-headline>-<id prefix>.pdf``: readable everywhere, stable between runs."""
    slug = _NOT_SLUG.sub("-", fold(nfc(article.title)).lower()).strip("-")
    slug = slug[:SLUG_LENGTH].rstrip("-") or UNTITLED_SLUG
    short = re.sub(r"[^0-9A-Za-z]", "", article.id)[:8].lower() or "x"
    name = f"{slug}-{short}.pdf"
    if taken and name in taken:
        name = f"{slug}-{re.sub(r'[^0-9A-Za-z-]', '', article.id).lower()}.pdf"
    return name


def _export_one(article: Article, path: Path, settings: PrintSettings,
                assets: AssetsFor | None, report: BatchReport) -> None:
    try:
        if assets is not None:
            settings = replace(settings, assets=assets(article))
        result = export_pdf_report(article, path, settings)
    except DeskappError as error:
        report.failed.append(Failed(article.id, article.title, error, describe(error)))
        return
    except Exception as exc:  # one article's surprise must not stop the batch
        error = ExportError(path=str(path), reason=_reason(exc))
        report.failed.append(Failed(article.id, article.title, error, describe(error)))
        return
    report.written.append(Written(article.id, article.title, path, result.pages,
                                  result.warnings))


def _edition_metadata(
    prepared: list[_Prepared], plan: PagePlan, author: str, title: str
) -> dict[str, object]:
    titles = [p.doc.title for p in prepared if p.doc.title]
    return {
        "title": nfc(title).strip() or nfc(plan.preset.publication).strip() or
        (titles[0] if titles else ""),
        "author": nfc(author).strip(),
        "subject": " · ".join(titles),
        "keywords": sorted({p.doc.section for p in prepared if p.doc.section}),
    }


def _page_watch(cancelled: Cancelled | None) -> Callable[[int], None] | None:
    """Called after each page: stops the layout when the user has cancelled."""
    if cancelled is None:
        return None

    def watch(_page: int) -> None:
        if cancelled():
            raise _Cancel

    return watch

