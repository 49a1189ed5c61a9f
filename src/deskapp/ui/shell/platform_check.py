"""Say why the window cannot open before Qt aborts the process.

On Linux and the BSDs the window needs a display: with neither ``DISPLAY``
nor ``WAYLAND_DISPLAY`` (a session over SSH, a server) Qt's xcb plugin
prints a hint about ``xcb-cursor0`` and aborts. :func:`no_display` sees it
first, so Deskapp can point to the commands that need no window.

Qt's xcb platform plugin also needs a handful of X11 libraries that a
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


# Qt platforms that show windows on a display server; any other (offscreen, vnc, eglfs…)
# needs none.
_DISPLAY_PLATFORMS = ("xcb", "wayland", "wayland-egl", "wayland-brcm")


def no_display() -> bool:
    """True when the window has nowhere to appear: no X11 or Wayland display to reach."""
    if sys.platform.startswith(("win", "darwin", "cygwin")):
        return False
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return False
    wanted = [name.split(":", 1)[0].strip()
              for name in os.environ.get("QT_QPA_PLATFORM", "").split(";") if name.strip()]
    if any(name not in _DISPLAY_PLATFORMS for name in wanted):
        return False  # offscreen, vnc, eglfs or a fallback like "xcb;offscreen"
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    # Qt's Wayland plugin falls back to the default socket when WAYLAND_DISPLAY is unset.
    return not (runtime and Path(runtime, "wayland-0").exists())


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
