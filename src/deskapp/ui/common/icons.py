"""Icons drawn from the bundled SVG files (``resources/icons/tabler``, MIT licence).

An icon is drawn at the size and pixel density asked for, so it stays sharp on a
high-DPI screen, in the palette's text colour (dimmed when its action is
disabled), so it follows a light or dark theme. Drawn pixmaps are kept per size,
mode, density and colour. QtSvg is loaded with the first icon, after the
window's first paint (docs/ARCHITECTURE.md, Start-up).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QImage, QPainter, QPalette, QPixmap

from deskapp.resources import resource_path

ICON_FOLDER = ("icons", "tabler")


@cache
def svg_source(name: str) -> bytes:
    return resource_path(*ICON_FOLDER, f"{name}.svg").read_bytes()


def _colour(mode: QIcon.Mode) -> str:
    palette = QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText).name()
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorRole.HighlightedText).name()
    return palette.color(QPalette.ColorRole.ButtonText).name()


class SvgIconEngine(QIconEngine):
    """Draws one SVG icon, its ``currentColor`` replaced by the palette's colour."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self._drawn: dict[tuple[int, int, int, float, str], QPixmap] = {}

    def _renderer(self, mode: QIcon.Mode):  # type: ignore[no-untyped-def]
        from PySide6.QtSvg import QSvgRenderer

        data = svg_source(self.name).replace(b"currentColor", _colour(mode).encode())
        return QSvgRenderer(QByteArray(data))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        self._renderer(mode).render(painter, QRectF(rect))

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,
                     scale: float) -> QPixmap:
        key = (size.width(), size.height(), int(mode.value), scale, _colour(mode))
        drawn = self._drawn.get(key)
        if drawn is None:
            image = QImage(max(1, round(size.width() * scale)),
                           max(1, round(size.height() * scale)),
                           QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._renderer(mode).render(painter, QRectF(image.rect()))
            painter.end()
            drawn = QPixmap.fromImage(image)
            drawn.setDevicePixelRatio(scale)
            self._drawn[key] = drawn
        return drawn

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self.name)

    def key(self) -> str:
        return "deskapp-svg"

    def isNull(self) -> bool:
        return False


def icon(name: str) -> QIcon:
    """The bundled icon ``name`` (a file name in ``resources/icons/tabler`` without .svg)."""
    svg_source(name)  # a missing file fails here, not at the first paint of its button
    return QIcon(SvgIconEngine(name))
