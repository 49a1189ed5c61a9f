"""Remember the window between sessions: geometry, panel sizes, zoom, the open article.

Kept in the library's settings, so a library carried to another machine opens
as it was left. Which side panels are open, and where, is kept for each role:
a reporter and an editor sharing a laptop each find their own arrangement.
A first start fits the screen it opens on.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter

from deskapp.store import Library
from deskapp.ui.common.side_area import SideArea

GEOMETRY = "window_geometry"
# Which docks and toolbars are shown, and where: "window_layout_reporter" and so on.
# (An older "window_docks" kept the panels under the editor; it is not read.)
LAYOUT = "window_layout_"
DEFAULT_SIZE = (1440, 880)
# Kept free on a first start for the window's title bar and frame.
FRAME_ALLOWANCE = 40
SPLITTER = "splitter_sizes"
LAST_ARTICLE = "last_article"
ZOOM = "editor_zoom"


def save_state(library: Library, window: QMainWindow, sizes: list[int],
               article_id: str | None, zoom: int) -> None:
    geometry = bytes(window.saveGeometry().toBase64().data()).decode("ascii")
    library.set_setting(GEOMETRY, geometry)
    library.set_setting(SPLITTER, ",".join(str(size) for size in sizes))
    library.set_setting(LAST_ARTICLE, article_id or "")
    library.set_setting(ZOOM, str(zoom))


def restore_geometry(library: Library, window: QMainWindow, splitter: QSplitter) -> bool:
    """The window's place and panel sizes as left; on a first start, a size the screen holds."""
    restored = False
    geometry = library.get_setting(GEOMETRY)
    if geometry:
        restored = window.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
    if not restored:
        fit_screen(window)
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


def fit_screen(window: QMainWindow) -> None:
    """The default size, or less where the screen (less its panels) is smaller."""
    width, height = DEFAULT_SIZE
    screen = window.screen()
    if screen is not None:
        area = screen.availableGeometry()
        width = min(width, area.width())
        height = min(height, area.height() - FRAME_ALLOWANCE)
    window.resize(width, height)


class RoleLayouts:
    """The side panels' arrangement (and the toolbars'), one for each role.

    ``leave_focus`` is called before an arrangement is read, so focus mode's
    hidden panels are never what is remembered.
    """

    def __init__(self, window: QMainWindow, side: SideArea, library: Callable[[], Library],
                 role: str, leave_focus: Callable[[], object]) -> None:
        self._window = window
        self._side = side
        self._library = library
        self._leave_focus = leave_focus
        self.role = role
        self.restore()

    def restore(self) -> None:
        """The role's arrangement, or the first start's: every side panel closed."""
        state = self._library().get_setting(LAYOUT + self.role)
        if not state or not self._window.restoreState(
                QByteArray.fromBase64(state.encode("ascii"))):
            self._side.hide_all()
        self._side.layout_restored()

    def save(self) -> None:
        self._leave_focus()
        state = bytes(self._window.saveState().toBase64().data()).decode("ascii")
        self._library().set_setting(LAYOUT + self.role, state)

    def switch(self, role: str) -> None:
        """Keep this role's arrangement and show ``role``'s."""
        if role == self.role:
            return
        self.save()
        self.role = role
        self.restore()
