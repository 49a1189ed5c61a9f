"""Make the bundled fonts available to Qt, so screen and print use the same faces."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from deskapp.resources import resource_path


def load_bundled_fonts() -> list[str]:
    """Register every TTF in ``resources/fonts``; returns the families Qt now knows."""
    families: set[str] = set()
    for path in sorted(resource_path("fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(families)
