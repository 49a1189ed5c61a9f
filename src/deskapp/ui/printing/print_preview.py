"""Print preview: the pages of the PDF that File → Export would write, as they change.

The PDF is made by the export's own code (:class:`PrintJob`, same preset,
bleed, CMYK and photos) on a worker thread after a pause in the typing
that grows with the article; one page at a time is rasterized with
pypdfium2, also off the UI thread. At most one job of each kind is in
flight; a result that no longer matches the text, page or zoom asked for
is dropped (the newer request is already on its way).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deskapp.ui.common.errors import error_words
from deskapp.ui.common.theme import set_tone
from deskapp.ui.common.workers import Coalesced, Runner
from deskapp.ui.printing.print_options import PrintJob, PrintOptions

# The pause before a new PDF: a base plus a little per thousand characters.
BASE_DELAY_MS = 700
DELAY_PER_1000_CHARS_MS = 15
MAX_DELAY_MS = 4000
RASTER_DELAY_MS = 0
# 100 % shows a page at its printed size on a 96 dpi screen.
POINTS_TO_PIXELS = 96 / 72
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.2, 5.0
PAGE_MARGIN = 16
PRINT_BLEED_MM = 3.0
# pdfium is not thread-safe: every call into it goes through this lock.
PDFIUM_LOCK = threading.Lock()


@dataclass(frozen=True)
class PagePicture:
    """One rasterized page: which PDF, which page, at what scale."""

    generation: int
    page: int
    scale: float
    image: QImage
    size_points: tuple[float, float]


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    """Width and height in points of every page of ``data``."""
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(data)
        try:
            return [tuple(document[i].get_size()) for i in range(len(document))]  # type: ignore[misc]
        finally:
            document.close()


def rasterize(data: bytes, page: int, scale: float) -> QImage:
    """Page ``page`` (from 0) of the PDF ``data`` at ``scale`` pixels per point."""
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(data)
        try:
            bitmap = document[page].render(scale=scale,
                                           force_bitmap_format=pdfium.raw.FPDFBitmap_BGRx)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB32).copy()
            bitmap.close()
            return image
        finally:
            document.close()


@dataclass(frozen=True)
class _Made:
    generation: int
    data: bytes
    sizes: list[tuple[float, float]]


class PrintPreviewPanel(QWidget):
    """Pages of the print PDF with zoom and page navigation.

    ``make_job()`` returns the :class:`PrintJob` for the open article (None
    when nothing is open); ``options()`` and ``set_options()`` read and store
    the window's print choices. ``rendered(pages)`` follows each new PDF,
    ``pageShown(page)`` each page drawn, ``failed(text)`` a PDF that cannot
    be made.
    """

    rendered = Signal(int)
    pageShown = Signal(int)
    failed = Signal(str)

    def __init__(self, make_job: Callable[[], PrintJob | None],
                 options: Callable[[], PrintOptions],
                 set_options: Callable[[PrintOptions], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self._make_job = make_job
        self._options = options
        self._set_options = set_options
        self._generation = 0  # bumped by every change of text or options
        self._data = b""
        self._data_generation = -1
        self._sizes: list[tuple[float, float]] = []
        self._page = 0
        self._zoom = 1.0
        self._fit = True
        self._picture: PagePicture | None = None
        self.last_error = ""

        self.prev_button = self._button("", self.tr("Previous page (Page Up)"), self.previous_page)
        self.prev_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.next_button = self._button("", self.tr("Next page (Page Down)"), self.next_page)
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.page_label = QLabel(self)
        self.page_label.setObjectName("printPageLabel")
        self.zoom_out_button = self._button("−", self.tr("Zoom out"), self.zoom_out)
        self.zoom_in_button = self._button("+", self.tr("Zoom in"), self.zoom_in)
        self.fit_button = self._button(self.tr("Fit width"), self.tr("Fit the page to the width"),
                                       self.fit_width)
        self.fit_button.setCheckable(True)
        self.zoom_label = QLabel(self)
        self.zoom_label.setObjectName("printZoomLabel")
        self.preset_box = QComboBox(self)
        self.preset_box.setObjectName("printPreviewPreset")
        self.preset_box.setToolTip(self.tr("This article's print preset, used by Export too; "
                                           "other articles keep their own"))
        self.for_print = QCheckBox(self.tr("3 mm bleed, CMYK"), self)
        self.for_print.setToolTip(self.tr("For the printer: crop marks in a 3 mm bleed, "
                                          "colours in CMYK, text in pure black"))
        self.pdfx_box = QCheckBox(self.tr("PDF/X-1a"), self)
        self.pdfx_box.setObjectName("printPdfx")
        self.pdfx_box.setToolTip(self.tr("For the print shop: PDF/X-1a:2003 with the ISO Coated "
                                          "v2 colour profile, everything in CMYK, no links"))
        self.status = QLabel(self)
        self.status.setObjectName("printStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        self.page_view = QLabel(self)
        self.page_view.setObjectName("printPage")
        self.page_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_view.setMargin(PAGE_MARGIN)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.page_view)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll.setStyleSheet("QScrollArea { background: #8a8d91; }"
                                  "QLabel#printPage { background: #8a8d91; }")

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.prev_button, self.page_label, self.next_button):
            bar.addWidget(widget)
        bar.addSpacing(8)
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button,
                       self.fit_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        # The preset's whole name on its own row, the print shop's choices below it: the
        # side area may be only a quarter of a laptop's window wide.
        choices = QHBoxLayout()
        choices.setContentsMargins(0, 0, 0, 0)
        choices.addWidget(self.for_print)
        choices.addWidget(self.pdfx_box)
        choices.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.preset_box)
        layout.addLayout(choices)
        layout.addWidget(self.status)
        layout.addWidget(self.scroll, 1)

        self._pdf_job = Coalesced(self, BASE_DELAY_MS, self._make_pdf)
        self._raster_job = Coalesced(self, RASTER_DELAY_MS, self._make_picture)
        self._presets_runner = Runner(self, threads=1)
        self._show_options(self._options())
        self.preset_box.currentIndexChanged.connect(lambda _i: self._options_edited())
        self.for_print.toggled.connect(lambda _on: self._options_edited())
        self.pdfx_box.toggled.connect(lambda on: self._options_edited(pdfx=on))
        self._load_presets()
        self._update_controls()

    # ---- what the window calls -------------------------------------------------
    def request(self, length_hint: int = 0) -> None:
        """The article changed: make a new PDF after a pause (only while shown)."""
        self._generation += 1
        delay = min(MAX_DELAY_MS, BASE_DELAY_MS + DELAY_PER_1000_CHARS_MS * length_hint // 1000)
        self._pdf_job.timer.setInterval(delay)
        if self.isVisible():
            self._pdf_job.request()

    def refresh_now(self) -> None:
        """Another article, or the panel was shown: render without the pause."""
        self._generation += 1
        self._pdf_job.timer.setInterval(0)
        self._pdf_job.request()

    def options_changed(self) -> None:
        """The print choices were changed elsewhere: show them and render again."""
        self._show_options(self._options())
        self._fit = True
        if self.isVisible():
            self.refresh_now()
        else:
            self.request()

    def is_idle(self) -> bool:
        return not (self._pdf_job.is_busy() or self._raster_job.is_busy())

    def shutdown(self) -> None:
        self._pdf_job.stop()
        self._raster_job.stop()
        self._pdf_job.wait()
        self._raster_job.wait()
        self._presets_runner.wait()

    def page_count(self) -> int:
        return len(self._sizes)

    def current_page(self) -> int:
        """The page shown, from 1 (0 when there is none)."""
        return self._page + 1 if self._sizes else 0

    def zoom(self) -> float:
        return self._zoom

    def pdf_bytes(self) -> bytes:
        return self._data

    # ---- navigation and zoom ---------------------------------------------------
    def go_to(self, page: int) -> None:
        """Show page ``page`` (from 1)."""
        if not self._sizes:
            return
        self._page = min(max(page - 1, 0), len(self._sizes) - 1)
        self._update_controls()
        self._raster_job.request()

    def next_page(self) -> None:
        self.go_to(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to(self.current_page() - 1)

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom / ZOOM_STEP)

    def set_zoom(self, zoom: float, *, fit: bool = False) -> None:
        self._fit = fit
        self._zoom = min(max(zoom, MIN_ZOOM), MAX_ZOOM)
        self._show_scaled()
        self._update_controls()
        self._raster_job.request()

    def fit_width(self) -> None:
        self.set_zoom(self._fit_zoom(), fit=True)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_PageDown:
            self.next_page()
        elif event.key() == Qt.Key.Key_PageUp:
            self.previous_page()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fit and self._sizes:
            self.set_zoom(self._fit_zoom(), fit=True)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._data_generation != self._generation:
            self.refresh_now()

    # ---- background work -------------------------------------------------------
    def _make_pdf(self) -> None:
        if not self._pdf_job.begin():
            return
        job = self._make_job()
        generation = self._generation
        if job is None:
            self._clear()
            return

        def work() -> _Made:
            report = job.render()
            return _Made(generation, report.data, page_sizes(report.data))

        self._pdf_job.start(work, self._pdf_made, self._pdf_failed)

    def _pdf_made(self, made: _Made) -> None:
        if made.generation != self._generation:
            return  # the text changed meanwhile; the newer PDF is coming
        first = not self._sizes
        self._data, self._sizes, self._data_generation = made.data, made.sizes, made.generation
        self._page = min(self._page, len(self._sizes) - 1)
        self.last_error = ""
        self.status.hide()
        if first and self._fit:
            self._zoom = self._fit_zoom()
        self._update_controls()
        self._raster_job.timer.setInterval(RASTER_DELAY_MS)
        self._raster_job.request()
        self.rendered.emit(len(self._sizes))

    def _pdf_failed(self, error: Exception) -> None:
        text = error_words(error)
        self.last_error = text
        self._data_generation = self._generation
        self.status.setText(self.tr("The PDF cannot be made: %1").replace("%1", text))
        set_tone(self.status, "error", "padding: 4px;")
        self.status.show()
        self.failed.emit(text)

    def _make_picture(self) -> None:
        if not self._raster_job.begin() or not self._data:
            return
        data, page, generation = self._data, self._page, self._data_generation
        scale = self._scale()
        size = self._sizes[page]
        self._raster_job.start(
            lambda: PagePicture(generation, page, scale, rasterize(data, page, scale), size),
            self._picture_made, lambda error: self._pdf_failed(error))

    def _picture_made(self, picture: PagePicture) -> None:
        if (picture.generation, picture.page) != (self._data_generation, self._page) \
                or abs(picture.scale - self._scale()) > 1e-6:
            return  # a newer page or zoom was asked for meanwhile
        self._picture = picture
        pixmap = QPixmap.fromImage(picture.image)
        pixmap.setDevicePixelRatio(self._ratio())
        self.page_view.setPixmap(pixmap)
        self.pageShown.emit(picture.page + 1)

    def _clear(self) -> None:
        self._data, self._sizes, self._picture = b"", [], None
        self._data_generation = self._generation
        self._page = 0
        self.page_view.clear()
        self.status.hide()
        self._update_controls()

    # ---- options -----------------------------------------------------------------
    def _load_presets(self) -> None:
        from deskapp.ui.printing.print_options import preset_choices

        self._presets_runner.start(preset_choices, self._fill_presets, lambda _error: None)

    def _fill_presets(self, choices: list[tuple[str, str]]) -> None:
        current = self._options().preset
        self.preset_box.blockSignals(True)
        try:
            self.preset_box.clear()
            for name, title in choices:
                self.preset_box.addItem(title or name, name)
            if self.preset_box.findData(current) < 0:
                self.preset_box.addItem(current, current)
            self.preset_box.setCurrentIndex(self.preset_box.findData(current))
        finally:
            self.preset_box.blockSignals(False)

    def _show_options(self, options: PrintOptions) -> None:
        self.preset_box.blockSignals(True)
        self.for_print.blockSignals(True)
        self.pdfx_box.blockSignals(True)
        try:
            if self.preset_box.findData(options.preset) < 0:
                self.preset_box.addItem(options.preset, options.preset)
            self.preset_box.setCurrentIndex(self.preset_box.findData(options.preset))
            self.for_print.setChecked(options.bleed_mm > 0 or options.cmyk)
            self.pdfx_box.setChecked(options.pdfx_on)
        finally:
            self.preset_box.blockSignals(False)
            self.for_print.blockSignals(False)
            self.pdfx_box.blockSignals(False)

    def _options_edited(self, pdfx: bool | None = None) -> None:
        """Store the choices; PDF/X keeps the preset's default until it is ticked or cleared."""
        name = str(self.preset_box.currentData() or self._options().preset)
        on = self.for_print.isChecked()
        if pdfx is None:
            pdfx = self._options().pdfx
        self._set_options(PrintOptions(name, PRINT_BLEED_MM if on else 0.0, on, pdfx))
        self._show_options(self._options())
        self._fit = True
        self.refresh_now()

    # ---- drawing -----------------------------------------------------------------
    def _ratio(self) -> float:
        return self.devicePixelRatioF() or 1.0

    def _scale(self) -> float:
        """Pixels of the image per PDF point."""
        return self._zoom * POINTS_TO_PIXELS * self._ratio()

    def _fit_zoom(self) -> float:
        if not self._sizes:
            return 1.0
        width = self._sizes[self._page][0] * POINTS_TO_PIXELS
        # The same with or without a vertical scroll bar, so fitting never flickers.
        available = (self.scroll.contentsRect().width()
                     - self.scroll.verticalScrollBar().sizeHint().width() - 2 * PAGE_MARGIN)
        return min(max(available / width, MIN_ZOOM), MAX_ZOOM) if available > 0 else 1.0

    def _show_scaled(self) -> None:
        """Resize the picture at once; the sharp one follows from the worker."""
        if self._picture is None:
            return
        width, height = self._picture.size_points
        ratio = self._ratio()
        size = QSize(round(width * POINTS_TO_PIXELS * self._zoom * ratio),
                     round(height * POINTS_TO_PIXELS * self._zoom * ratio))
        pixmap = QPixmap.fromImage(self._picture.image).scaled(
            size, Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation)
        pixmap.setDevicePixelRatio(ratio)
        self.page_view.setPixmap(pixmap)

    def _update_controls(self) -> None:
        count = len(self._sizes)
        self.page_label.setText(self.tr("Page %1/%2").replace("%1", str(self.current_page()))
                                .replace("%2", str(count)) if count else "")
        self.prev_button.setEnabled(count > 0 and self._page > 0)
        self.next_button.setEnabled(count > 0 and self._page < count - 1)
        self.zoom_label.setText(f"{round(self._zoom * 100)} %")
        self.fit_button.setChecked(self._fit)

    def _button(self, text: str, tip: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(lambda _checked=False: slot())
        return button
