"""Find the files Deskapp ships in ``resources/``.

The same call works from a source checkout (``<repo>/resources``), from an
installed wheel (``deskapp/resources`` inside the package) and from a frozen
build (``deskapp/resources`` under the bundle's root).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_root() -> Path:
    here = Path(__file__).resolve().parent
    candidates = [here / "resources", here.parent.parent / "resources"]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.insert(0, Path(frozen_root) / "deskapp" / "resources")
    for candidate in candidates:
        if (candidate / "fonts").is_dir():
            return candidate
    raise FileNotFoundError("Deskapp's resources folder was not found")


def resource_path(*parts: str) -> Path:
    """Return the path of a shipped resource, e.g. ``resource_path("fonts", "X.ttf")``."""
    return resources_root().joinpath(*parts)
