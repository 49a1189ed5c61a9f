"""What the window prints with: the preset, bleed and CMYK choice, and the article's photos.

Export, print preview, preflight and batch export all take their options
from here, so the preview shows the very PDF that File → Export writes.
The preset is the article's own (``Library.article_preset``; an article
nobody chose one for follows its section's default or the library's
``pdf_preset``, see :func:`deskapp.workspace.article_preset`); bleed and
CMYK are the library's settings (``pdf_bleed_mm``, ``pdf_cmyk``). Photos are
read on the worker thread through a connection of its own (an SQLite
connection belongs to the thread that opened it); a library without a file is
read up front instead.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deskapp.model import Article
from deskapp.store import Library

if TYPE_CHECKING:  # Markdown and reportlab load on first use, not with the window
    from deskapp.model import Photo, PhotoLookup
    from deskapp.pdf.export import ExportReport
    from deskapp.pdf.findings import Finding
    from deskapp.pdf.options import PrintSettings
    from deskapp.pdf.presets import Preset

DEFAULT_PRESET = "a4-article"
AssetsFor = Callable[[Article], "PhotoLookup | None"]


@dataclass(frozen=True)
class PrintOptions:
    """The preset's name, the bleed in millimetres, whether to write CMYK and PDF/X.

    ``pdfx`` None means the preset's default: PDF/X for the newspaper
    presets (pages that go to a press), plain PDF for the others.
    """

    preset: str = DEFAULT_PRESET
    bleed_mm: float = 0.0
    cmyk: bool = False
    pdfx: bool | None = None

    @property
    def pdfx_on(self) -> bool:
        return self.pdfx if self.pdfx is not None else self.preset.startswith("newspaper")

    def load_preset(self) -> Preset:
        """The preset, among the bundled ones and the newsroom's own (loads reportlab)."""
        from deskapp.pdf import load_preset
        from deskapp.workspace import user_presets_dir

        return load_preset(self.preset, extra_dirs=[user_presets_dir()])

    def settings(self, **more: Any) -> PrintSettings:
        """The core's print settings, with ``more`` besides (call on the worker thread)."""
        from deskapp.pdf.options import PrintSettings

        return PrintSettings(preset=self.load_preset(), bleed_mm=self.bleed_mm, cmyk=self.cmyk,
                             pdfx=self.pdfx_on, **more)


def load_options(library: Library, article: Article | None = None) -> PrintOptions:
    """How ``article`` prints (its own preset; without one, the library's default).

    Anything unreadable falls back to the default.
    """
    from deskapp.workspace import article_preset, default_preset

    try:
        preset = (article_preset(library, article) if article is not None
                  else default_preset(library))
        bleed_text = library.get_setting("pdf_bleed_mm") or "0"
        cmyk = (library.get_setting("pdf_cmyk") or "") == "1"
        pdfx_text = library.get_setting("pdf_pdfx")
    except sqlite3.Error:  # the library is closing
        return PrintOptions()
    try:
        bleed = min(max(float(bleed_text), 0.0), 20.0)
    except ValueError:
        bleed = 0.0
    pdfx = None if pdfx_text not in ("0", "1") else pdfx_text == "1"
    return PrintOptions(preset, bleed, cmyk, pdfx)


def save_options(library: Library, options: PrintOptions, article_id: str | None) -> None:
    """Keep the preset for the article ``article_id`` only; bleed and CMYK for the library."""
    if article_id is not None:
        library.set_article_preset(article_id, options.preset)
    library.set_setting("pdf_bleed_mm", f"{options.bleed_mm:g}")
    library.set_setting("pdf_cmyk", "1" if options.cmyk else "0")
    if options.pdfx is not None:
        library.set_setting("pdf_pdfx", "1" if options.pdfx else "0")


def preset_choices() -> list[tuple[str, str]]:
    """(name, title) of every preset the window can offer."""
    from deskapp.pdf import list_presets
    from deskapp.ui.common.i18n import core_language
    from deskapp.workspace import user_presets_dir

    return list_presets(extra_dirs=[user_presets_dir()], lang=core_language())


class PhotoSource:
    """Gives worker threads the photos of articles, without sharing the UI's connection."""

    def __init__(self, library: Library, article_ids: Iterable[str] = ()) -> None:
        from deskapp.store.assets import get_photo, list_photos

        self.path: Path | None = library.path
        self._preloaded: dict[str, dict[str, Photo]] = {}
        if self.path is None:  # an in-memory library: only this thread can read it
            for article_id in article_ids:
                self._preloaded[article_id] = {
                    asset.name: found.as_photo()
                    for asset in list_photos(library, article_id)
                    if (found := get_photo(library, article_id, asset.name)) is not None
                }

    @contextmanager
    def open(self) -> Iterator[AssetsFor]:
        """On the worker thread: the batch functions' ``assets`` argument."""
        if self.path is None:
            yield lambda article: self._preloaded.get(article.id, {}).get
            return
        from deskapp.store.assets import get_photo

        connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=10)
        reader = Library(connection, self.path)
        try:
            def lookup_for(article: Article) -> PhotoLookup:
                def lookup(name: str) -> Photo | None:
                    asset = get_photo(reader, article.id, name)
                    return asset.as_photo() if asset is not None else None

                return lookup

            yield lookup_for
        finally:
            connection.close()


class PrintJob:
    """One article's PDF as the window makes it; the methods run on a worker thread.

    Built on the UI thread (it reads the settings, the approval and where the
    photos are); :meth:`render`, :meth:`preflight` and :meth:`write` then
    touch neither Qt nor the UI's database connection.
    """

    def __init__(self, library: Library, article: Article, author: str,
                 options: PrintOptions | None = None) -> None:
        from deskapp.desk import approval_for

        self.article = article
        self.author = author
        self.options = options or load_options(library, article)
        self.approval = approval_for(library, article.id)
        self.photos = PhotoSource(library, [article.id])

    def render(self) -> ExportReport:
        from deskapp.pdf.export import render_report

        with self.photos.open() as assets:
            return render_report(self.article, self._settings(assets(self.article)))

    def preflight(self) -> list[Finding]:
        from deskapp.pdf.export import preflight

        with self.photos.open() as assets:
            return preflight(self.article, self._settings(assets(self.article)))

    def write(self, path: Path) -> ExportReport:
        from deskapp.pdf.export import export_pdf_report

        with self.photos.open() as assets:
            return export_pdf_report(self.article, path, self._settings(assets(self.article)))

    def _settings(self, assets: PhotoLookup | None) -> PrintSettings:
        return self.options.settings(author=self.author, assets=assets, approval=self.approval)
