"""Say which system library is missing before Qt aborts the process.

On Linux, Qt's xcb platform plugin needs a handful of X11 libraries that a
minimal desktop install may lack; Qt then prints a cryptic message and
aborts. Loading the plugin first with ctypes tells exactly which library is
missing, so Deskapp can say so in a sentence.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

# Debian/Ubuntu packages that carry what Qt's xcb plugin links against.
XCB_PACKAGES = (
    "libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 "
    "libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0"
)


def missing_display_library() -> str | None:
    """The name of a system library the X11 plugin cannot find, or None when all is well."""
    if not sys.platform.startswith("linux") or not os.environ.get("DISPLAY"):
        return None
    if os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb" or os.environ.get("WAYLAND_DISPLAY"):
        return None
    import ctypes

    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        return None
    try:
        ctypes.CDLL(str(plugin))
    except OSError as error:
        names = re.findall(r"(lib[\w+-]+(?:\.[\w+-]+)*?\.so(?:\.\d+)*)", str(error))
        return names[-1] if names else str(error)
    if not _has_library("libxcb-cursor.so.0"):
        return "libxcb-cursor.so.0"  # loaded by the plugin at run time, not linked
    return None


def _has_library(name: str) -> bool:
    import ctypes

    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True
