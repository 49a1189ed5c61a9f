"""Make the bundled fonts available to Qt, so screen and print use the same faces."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from deskapp.resources import resource_path

# The faces the window shows before its first paint: the editor's (Noto Sans) and the
# Markdown colouring's code face. The rest (Noto Serif, DejaVu Sans) are for the preview
# and are registered with its first render; each file costs the start about 0.5 ms.
SCREEN_FACES = ("NotoSans-", "DejaVuSansMono")

_registered: set[str] = set()
_everything_registered = False


def load_bundled_fonts(prefixes: tuple[str, ...] | None = None) -> list[str]:
    """Register the TTFs in ``resources/fonts`` (those whose name starts with one of
    ``prefixes``, or all); returns the families Qt now knows from them. Idempotent: once
    all are registered, a call (the preview makes one per render) returns at once."""
    global _everything_registered
    if _everything_registered:
        return []
    families: set[str] = set()
    for path in sorted(resource_path("fonts").glob("*.ttf")):
        if prefixes is not None and not path.name.startswith(prefixes):
            continue
        if str(path) in _registered:
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            _registered.add(str(path))
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    _everything_registered = prefixes is None
    return sorted(families)
