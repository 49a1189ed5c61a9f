"""Remember the window between sessions: geometry, panel sizes, zoom, the open article.

Kept in the library's settings, so a library carried to another machine opens
as it was left.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter

from deskapp.store import Library

GEOMETRY = "window_geometry"
DOCKS = "window_docks"  # which docks and toolbars are shown, and where
SPLITTER = "splitter_sizes"
LAST_ARTICLE = "last_article"
ZOOM = "editor_zoom"


def save_state(library: Library, window: QMainWindow, sizes: list[int],
               article_id: str | None, zoom: int) -> None:
    geometry = bytes(window.saveGeometry().toBase64().data()).decode("ascii")
    library.set_setting(GEOMETRY, geometry)
    library.set_setting(DOCKS, bytes(window.saveState().toBase64().data()).decode("ascii"))
    library.set_setting(SPLITTER, ",".join(str(size) for size in sizes))
    library.set_setting(LAST_ARTICLE, article_id or "")
    library.set_setting(ZOOM, str(zoom))


def restore_geometry(library: Library, window: QMainWindow, splitter: QSplitter) -> bool:
    restored = False
    geometry = library.get_setting(GEOMETRY)
    if geometry:
        restored = window.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
    docks = library.get_setting(DOCKS)
    if docks:
        window.restoreState(QByteArray.fromBase64(docks.encode("ascii")))
    sizes = splitter_sizes(library.get_setting(SPLITTER))
    if sizes and len(sizes) == splitter.count():
        splitter.setSizes(sizes)
    return restored


def splitter_sizes(value: str | None) -> list[int]:
    try:
        return [max(0, int(part)) for part in (value or "").split(",") if part.strip()]
    except ValueError:
        return []


def zoom_steps(library: Library) -> int:
    try:
        return int(library.get_setting(ZOOM) or 0)
    except ValueError:
        return 0


def last_article(library: Library) -> str | None:
    return library.get_setting(LAST_ARTICLE) or None
