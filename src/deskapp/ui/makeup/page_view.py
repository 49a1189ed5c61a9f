"""The page view: an edition's pages, placed and fitted, rendered as they will print.

The window lists the editions and the approved articles; an article is
dragged onto the page grid (or chosen and placed with Enter, then moved
with the arrow keys) as the kind of block chosen beside the list. Every
change is saved at once as an autosave of the edition (so the plan has
history like an article) and the page is rendered again off the UI thread
(:class:`~deskapp.ui.common.workers.Coalesced`: layout, PDF, raster), with
the over-set blocks of the whole edition listed under it. A block's article
opens in the main window with Enter or a double click.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from deskapp.makeup.export import Sources
from deskapp.makeup.plan import Block, Edition, Page
from deskapp.makeup.presets import load_page_preset
from deskapp.model import Photo
from deskapp.store import Library
from deskapp.ui.common.errors import error_words
from deskapp.ui.common.workers import Coalesced, Runner
from deskapp.ui.makeup.page_canvas import ARTICLE_MIME, PageCanvas

VIEW_DPI = 50
RENDER_PAUSE_MS = 120
# A new block's size in grid columns and lines, by kind.
DEFAULT_SIZE = {"headline": (2, 4), "lead": (2, 4), "body": (2, 20), "photo": (2, 14),
                "reserved": (2, 12)}


class _ArticleList(QListWidget):
    """The approved articles; each drags as its id."""

    placeRequested = Signal(str)

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        if items:
            data.setData(ARTICLE_MIME, QByteArray(items[0].data(Qt.ItemDataRole.UserRole)
                                                  .encode("utf-8")))
        return data

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self.placeRequested.emit(item.data(Qt.ItemDataRole.UserRole))
            return
        super().keyPressEvent(event)


def fitted_size(widget: QWidget, width: int, height: int) -> tuple[int, int]:
    """``width`` × ``height``, or less where the screen is smaller (a 1366×768 laptop)."""
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is None:
        return width, height
    room = screen.availableGeometry()
    return min(width, room.width() - 40), min(height, room.height() - 60)


class PageView(QWidget):
    """One edition's pages on the grid; see the module's text."""

    openArticle = Signal(str)
    rendered = Signal()
    exportFinished = Signal(str)  # the path written, or "" when refused

    def __init__(self, library: Library, edition: Edition, author: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.library = library
        self.edition = edition
        self.author = author
        self.setWindowTitle(self.tr("Page makeup – %1").replace("%1", edition.name))
        self.resize(*fitted_size(self, 1100, 900))
        self.canvas = PageCanvas(self)
        self.articles = _ArticleList(self)
        self.articles.setDragEnabled(True)
        self.kind = QComboBox(self)
        for kind, label in (("body", self.tr("Body")), ("headline", self.tr("Headline")),
                            ("lead", self.tr("Lead")), ("photo", self.tr("Photo")),
                            ("reserved", self.tr("Advertisement (reserved space)"))):
            self.kind.addItem(label, kind)
        self.editions = QComboBox(self)
        self.export = QPushButton(self.tr("&Export edition PDF…"), self)
        self.new_edition = QPushButton(self.tr("&New edition…"), self)
        self.exporter = Runner(self, threads=1)
        self.page_number = QSpinBox(self)
        self.page_number.setPrefix(self.tr("Page "))
        self.place = QPushButton(self.tr("&Place on the page"), self)
        self.fits = QListWidget(self)
        self.fits.setMaximumHeight(110)
        self.status = QLabel(self)
        self._lay_out()
        self.loader = Runner(self, threads=1)
        self.job = Coalesced(self, RENDER_PAUSE_MS, self._render)
        self.sources: Sources | None = None
        self._load_sources()
        self.canvas.changed.connect(self._page_edited)
        self.canvas.dropped.connect(self._dropped)
        self.canvas.openArticle.connect(self.openArticle)
        self.articles.placeRequested.connect(lambda article_id: self._dropped(article_id, 0, 0))
        self.place.clicked.connect(self._place_current)
        self.page_number.valueChanged.connect(lambda _n: self._show_page())
        self.export.clicked.connect(self.export_edition)
        self.new_edition.clicked.connect(self.ask_new_edition)
        self._list_editions()
        self.editions.currentIndexChanged.connect(lambda _i: self._switch_edition())
        self._set_page_range()
        self._show_page()

    def _lay_out(self) -> None:
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Approved articles"), self))
        side.addWidget(self.articles, 1)
        side.addWidget(self.kind)
        side.addWidget(self.place)
        main = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.editions, 1)
        top.addWidget(self.new_edition)
        top.addWidget(self.page_number)
        top.addWidget(self.export)
        main.addLayout(top)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        main.addLayout(top)
        main.addWidget(self.canvas, 1)
        main.addWidget(self.fits)
        layout = QHBoxLayout(self)
        layout.addLayout(side, 1)
        layout.addLayout(main, 3)

    # ---- data ------------------------------------------------------------------------
    def _load_sources(self) -> None:
        """Read the approved articles and the placed ones with their photos, off the UI thread.

        The worker opens the library file on its own connection; a library
        without a file (in memory) is read here.
        """
        self.sources = None
        self.export.setEnabled(False)  # until the articles are read
        article_ids = self.edition.article_ids()
        path = self.library.path
        if path is None:
            self._sources_read(read_sources(self.library, article_ids))
            return

        def work() -> tuple[list[tuple[str, str]], Sources]:
            library = Library.open(path, check=False)
            try:
                return read_sources(library, article_ids)
            finally:
                library.close()

        self.loader.start(work, self._sources_read, self._failed)

    def _sources_read(self, found: tuple[list[tuple[str, str]], Sources]) -> None:
        approved, self.sources = found
        self.export.setEnabled(True)
        self.articles.clear()
        for article_id, title in approved:
            item = QListWidgetItem(title or self.tr("(no headline)"), self.articles)
            item.setData(Qt.ItemDataRole.UserRole, article_id)
        self.job.request()

    def _list_editions(self) -> None:
        from deskapp.makeup.store import list_editions

        self.editions.blockSignals(True)  # filling the list chooses nothing
        try:
            self.editions.clear()
            for item in list_editions(self.library):
                label = f"{item.name} ({item.date})" if item.date else item.name
                self.editions.addItem(label, item.id)
            self.editions.setCurrentIndex(max(0, self.editions.findData(self.edition.id)))
        finally:
            self.editions.blockSignals(False)

    def ask_new_edition(self) -> None:
        """A new edition dated today with one page of the current page's preset."""
        from datetime import date

        from PySide6.QtWidgets import QInputDialog

        from deskapp.makeup.store import save_edition

        today = date.today()
        name, ok = QInputDialog.getText(
            self, self.tr("New edition"), self.tr("Name of the edition:"),
            text=self.tr("Edition of %1").replace("%1", today.strftime("%d/%m/%Y")))
        if not ok or not name.strip():
            return
        try:
            edition = save_edition(self.library, Edition(
                name, today.isoformat(), (Page(1, self.current_page().preset),)),
                author=self.author)
        except Exception as error:
            self.status.setText(error_words(error))
            return
        self.edition = edition
        self._list_editions()
        self._switch_to(edition)

    def _switch_to(self, edition: Edition) -> None:
        self.edition = edition
        self.setWindowTitle(self.tr("Page makeup – %1").replace("%1", edition.name))
        self._load_sources()
        self._set_page_range()
        self.page_number.setValue(self.page_number.minimum())
        self._show_page()

    def _switch_edition(self) -> None:
        from deskapp.makeup.store import find_edition

        edition_id = self.editions.currentData()
        if not edition_id or edition_id == self.edition.id:
            return
        try:
            edition = find_edition(self.library, edition_id)
        except Exception as error:
            self.status.setText(error_words(error))
            return
        self._switch_to(edition)

    def _set_page_range(self) -> None:
        numbers = [page.number for page in self.edition.pages] or [1]
        self.page_number.setRange(min(numbers), max(numbers) + 1)  # one past: a new page

    def current_page(self) -> Page:
        number = self.page_number.value()
        for page in self.edition.pages:
            if page.number == number:
                return page
        preset = self.edition.pages[-1].preset if self.edition.pages else "tabloid-a3"
        return Page(number, preset)

    def _show_page(self) -> None:
        page = self.current_page()
        try:
            preset = load_page_preset(page.preset)
        except Exception as error:  # a newsroom's preset removed or broken since
            self.canvas.show_page(None, None)
            self.status.setText(error_words(error))
            return
        self.canvas.show_page(page, preset)
        self.canvas.set_image(None)
        self.job.request()

    # ---- edits -----------------------------------------------------------------------
    def _page_edited(self, page: Page) -> None:
        self._store(self.edition.with_page(page))

    def _place_current(self) -> None:
        item = self.articles.currentItem()
        if self.kind.currentData() == "reserved":
            self._dropped("", 0, 0)  # space kept for an advertisement holds no article
        elif item is not None:
            self._dropped(item.data(Qt.ItemDataRole.UserRole), 0, 0)

    def _dropped(self, article_id: str, column: int, line: int) -> None:
        kind = self.kind.currentData()
        page = self.current_page()
        columns, lines = DEFAULT_SIZE.get(kind, (2, 10))
        if kind == "reserved":
            article_id = ""
        values: dict[str, Any] = {"kind": kind, "article_id": article_id, "column": column,
                                  "columns": columns, "line": line, "lines": lines}
        if kind == "body":
            values["order"] = max((b.order for _p, b in self.edition.chain(article_id)),
                                  default=-1) + 1
        if kind == "photo":
            names = [name for (owner, name) in self._photo_names() if owner == article_id]
            if not names:
                self.status.setText(self.tr("This article has no photo."))
                return
            values["asset"] = names[0]
        block = self.canvas._fitted(Block(**values))
        page = replace(page, blocks=(*page.blocks, block))
        self._store(self.edition.with_page(page))
        self.canvas.show_page(page, self.canvas.preset)
        self.canvas.select(len(page.blocks) - 1)
        self.canvas.setFocus()

    def _photo_names(self) -> list[tuple[str, str]]:
        return list(getattr(self.sources, "photo_names", []))

    def _store(self, edition: Edition) -> None:
        from deskapp.makeup.store import save_edition

        try:
            self.edition = save_edition(self.library, edition, author=self.author,
                                        kind="autosave")
        except Exception as error:  # the stored plan stays; the sentence says why
            self.status.setText(error_words(error))
            self._show_page()  # the page as stored, not the change that was refused
            return
        self._set_page_range()
        self.job.request()

    # ---- rendering off the UI thread ---------------------------------------------------
    def _render(self) -> None:
        if self.sources is None:
            return  # asked again once the articles are read
        if not self.job.begin():
            return
        edition, number, sources = self.edition, self.page_number.value(), self.sources
        page = self.current_page()
        if page not in edition.pages:
            edition = edition.with_page(page)

        def work() -> tuple[Any, list[Any], int]:
            from deskapp.makeup.export import page_image
            from deskapp.makeup.layout import lay_out

            whole = lay_out(edition, sources.articles, sources.photos, screen=True)
            return page_image(whole, number, dpi=VIEW_DPI), whole.fits, number

        self.job.start(work, self._rendered, self._failed)

    def _rendered(self, result: tuple[Any, list[Any], int]) -> None:
        image, fits, number = result
        if number != self.page_number.value():
            return
        rgb = image.convert("RGB")
        data = rgb.tobytes()
        qimage = QImage(data, rgb.width, rgb.height, rgb.width * 3,
                        QImage.Format.Format_RGB888).copy()
        self.canvas.set_image(qimage)
        over = [fit for fit in fits if fit.over]
        self.canvas.over = {fit.block_id for fit in over if fit.page == number}
        self.fits.clear()
        for fit in over:
            self.fits.addItem(self.tr("Page %1, block %2 (%3): %4 lines, %5 words over")
                              .replace("%1", str(fit.page)).replace("%2", str(fit.index))
                              .replace("%3", fit.headline).replace("%4", str(fit.over_lines))
                              .replace("%5", str(fit.over_words)))
        self.status.setText(self.tr("Every block fits.") if not over else
                            self.tr("%n block(s) over-set: the edition cannot be printed yet.",
                                    "", len(over)))
        self.canvas.update()
        self.rendered.emit()

    def _failed(self, error: Exception) -> None:
        self.canvas.set_image(None)
        self.status.setText(error_words(error))
        self.rendered.emit()

    # ---- the print -------------------------------------------------------------------
    def export_edition(self) -> None:
        """Every page to one print PDF, after the preflight, written off the UI thread."""
        from deskapp.desk import approval_for
        from deskapp.ui.common import file_dialogs

        path = file_dialogs.save_file(self, self.tr("Edition PDF"), "pdf",
                                      f"{self.edition.name}.pdf", "PDF (*.pdf)", ".pdf")
        if path is None:
            return
        if self.sources is None:
            return
        edition, found, library_path = self.edition, self.sources, self.library.path

        def approvals(library: Library) -> dict[str, Any]:
            return {article_id: approval_for(library, article_id)
                    for article_id in edition.article_ids()}

        def work() -> Any:
            from deskapp.makeup.export import export_pages

            if library_path is None:
                checked = ready
            else:
                library = Library.open(library_path, check=False)
                try:
                    checked = approvals(library)
                finally:
                    library.close()
            return export_pages(edition, Sources(found.articles, found.photos, checked), path)

        ready = approvals(self.library) if library_path is None else {}

        self.export.setEnabled(False)
        self.status.setText(self.tr("Exporting…"))
        self.exporter.start(work, self._exported, self._export_failed)

    def _exported(self, report: Any) -> None:
        self.export.setEnabled(True)
        self.status.setText(self.tr("Written: %1").replace("%1", str(report.path)))
        self.exportFinished.emit(str(report.path))

    def _export_failed(self, error: Exception) -> None:
        self.export.setEnabled(True)
        self.status.setText(error_words(error))
        self.exportFinished.emit("")


def read_sources(library: Library, article_ids: list[str]) -> tuple[list[tuple[str, str]],
                                                                    Sources]:
    """(id, headline) of the approved articles, and the approved and placed articles with
    their photos, as the page view lays them out."""
    from deskapp.desk.workflow import list_by_status
    from deskapp.store.assets import get_photo, list_photos

    approved = list_by_status(library, "approved")
    articles = {article.id: article for article in approved}
    for article_id in article_ids:
        if article_id not in articles and library.is_listed(article_id):
            articles[article_id] = library.get(article_id)
    photos: dict[tuple[str, str], Photo] = {}
    for article_id in articles:
        for asset in list_photos(library, article_id):
            full = get_photo(library, article_id, asset.name)
            if full is not None:
                photos[(article_id, asset.name)] = full.as_photo()
    sources = Sources(articles, lambda owner, name: photos.get((owner, name)))
    sources.photo_names = list(photos)  # type: ignore[attr-defined]
    return [(article.id, article.title) for article in approved], sources
