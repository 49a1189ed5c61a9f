"""Light and dark themes: follow the system, or a choice made in Settings."""

from __future__ import annotations

import weakref

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from deskapp.ui.common.i18n import Translation, use_own_dialogs

THEMES = ("system", "light", "dark")

# Preview colours (the renderer's style sheet is written for paper) and their dark twins.
_DARK_PREVIEW = {
    "#1a1a1a": "#e4e4e4",
    "#333333": "#cfcfcf",
    "#8a8a8a": "#9a9a9a",
    "#a0322a": "#ff8f80",
    "#555555": "#b0b0b0",
    "#444444": "#bdbdbd",
    "#f3f3f3": "#2b2d30",
    "#1d4f91": "#8ab4f8",
    "#e8e8e8": "#34373b",
    "#ececec": "#34373b",
    "#f0f0f0": "#303236",
}


# Tones for notices and short status words, each as (light, dark) style sheet declarations:
# a banner made for paper (light red, light yellow) under a dark palette's light text
# would be unreadable, so every tone has a dark twin.
TONES = {
    "error": ("background: #fdecea; color: #8a1c1c;", "background: #4a2422; color: #ffb4aa;"),
    "notice": ("background: #fff4d6; color: #3d3000; border: 1px solid #e0b84c;",
               "background: #3f3618; color: #f2e3b3; border: 1px solid #8a7430;"),
    "error-text": ("color: #8a1c1c;", "color: #ff8f80;"),
    "warning-text": ("color: #a15c00;", "color: #f0b060;"),
    "ok-text": ("color: #1b7a1b;", "color: #86d886;"),
    "plain": ("", ""),
}
_TONE = "deskappTone"
# The toned widgets, so a switch repaints them without walking every widget (which would
# also build a Python class for each kind of widget alive, costing the start).
_TONED: weakref.WeakSet[QWidget] = weakref.WeakSet()


def window_is_dark() -> bool:
    """Whether the application's palette is dark now (whatever made it so)."""
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def set_tone(widget: QWidget, tone: str, extra: str = "", selector: str = "") -> None:
    """Colour ``widget`` in ``tone`` for the current theme; a theme switch repaints it.

    ``extra`` adds declarations of the widget's own (padding, radius); ``selector``
    (for example ``#legacyPasteBar``) keeps the colours from reaching its children.
    """
    widget.setProperty(_TONE, (tone, extra, selector))
    _TONED.add(widget)
    light, dark = TONES[tone]
    body = " ".join(part for part in ((dark if window_is_dark() else light), extra) if part)
    widget.setStyleSheet(f"{selector} {{ {body} }}" if selector and body else body)


def retone() -> None:
    """Repaint every toned widget in the theme now in use (after a live switch)."""
    for widget in list(_TONED):
        if shiboken6.isValid(widget):
            set_tone(widget, *widget.property(_TONE))


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark


def is_dark(mode: str) -> bool:
    """Whether ``mode`` ("system", "light", "dark") shows dark colours right now."""
    if mode == "dark":
        return True
    if mode == "light":
        return False
    return system_is_dark()


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    colours = {
        roles.Window: "#2b2d30", roles.WindowText: "#e4e4e4", roles.Base: "#1e1f22",
        roles.AlternateBase: "#26282b", roles.ToolTipBase: "#3c3f41",
        roles.ToolTipText: "#e4e4e4", roles.PlaceholderText: "#8c8c8c", roles.Text: "#e4e4e4",
        roles.Button: "#3c3f41", roles.ButtonText: "#e4e4e4", roles.BrightText: "#ff6b6b",
        roles.Link: "#8ab4f8", roles.Highlight: "#2f65ca", roles.HighlightedText: "#ffffff",
        roles.Light: "#4a4d50", roles.Midlight: "#3c3f41", roles.Mid: "#303236",
        roles.Dark: "#1a1b1d", roles.Shadow: "#000000",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor("#7a7a7a"))
    return palette


class ThemeManager:
    """Applies a theme to the whole application and remembers the native look."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.mode = "system"
        # The platform's own style, noted when a theme first replaces it (asking for the
        # style object at start would build Qt's style enums for nothing: ~6 ms).
        self._native_style: str | None = None
        self._native_palette = QPalette(app.palette())
        self._menu_palette_set = False

    @classmethod
    def for_app(cls, app: QApplication) -> ThemeManager:
        """The application's one manager (it remembers the native look before any change)."""
        manager = getattr(app, "deskapp_themes", None)
        if manager is None:
            manager = cls(app)
            app.deskapp_themes = manager  # type: ignore[attr-defined]
        return manager

    def apply(self, mode: str) -> bool:
        """Switch to ``mode``; returns whether the window is now dark."""
        self.mode = mode if mode in THEMES else "system"
        dark = is_dark(self.mode)
        if self.mode == "system":
            if self._native_style is not None:
                self._use_style(self._native_style)
            self._use_palette(dark_palette() if dark else self._native_palette)
        elif dark:
            self._use_style("Fusion")
            self._use_palette(dark_palette())
        else:
            self._use_style("Fusion")
            self._use_palette(self.app.style().standardPalette())
        self._use_menu_palette(dark)
        retone()
        use_own_dialogs(Translation.for_app().language)
        return dark

    def _use_style(self, name: str) -> None:
        if self._native_style is None:
            self._native_style = self.app.style().name()
        # Setting the style in use again would rebuild it and re-polish every widget:
        # the better part of 10 ms at each start, for nothing.
        if self.app.style().name().lower() != name.lower():
            self.app.setStyle(name)

    def _use_menu_palette(self, dark: bool) -> None:
        """Menus in the dark theme get a lighter base, so an unticked box can be seen.

        Fusion fills a menu's tick boxes with the base colour and outlines them a
        shade darker than the window: on the dark palette's near-black base the
        empty boxes of View and Typing all but vanished.
        """
        if dark:
            menus = dark_palette()
            menus.setColor(QPalette.ColorRole.Base, QColor("#3c3f43"))
        elif not self._menu_palette_set:
            return
        else:
            menus = QApplication.palette()
        self.app.setPalette(menus, "QMenu")
        self._menu_palette_set = True

    def _use_palette(self, palette: QPalette) -> None:
        if self.app.palette() != palette:
            self.app.setPalette(palette)


def preview_html(html: str, dark: bool) -> str:
    """The preview's HTML with its style sheet recoloured for a dark window."""
    if not dark:
        return html
    head, sep, rest = html.partition("</style>")
    if not sep:
        return html
    for light, dark_colour in _DARK_PREVIEW.items():
        head = head.replace(light, dark_colour)
    return head + sep + rest
