"""How one PDF is printed: the preset, bleed and colours, who exports it, photos and approval.

The export functions of :mod:`deskapp.pdf.export` and :mod:`deskapp.pdf.batch`
take one :class:`PrintSettings` instead of a long list of keyword arguments.
This module imports neither reportlab nor the presets, so holding settings
costs nothing until something is printed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from deskapp.model import Approval, PhotoLookup
    from deskapp.pdf.presets import Preset


@dataclass(frozen=True)
class PrintSettings:
    """Everything an export takes besides the article and where it goes.

    ``preset`` is a :class:`Preset` or the name of one (default
    ``a4-article``); ``bleed_mm`` adds a bleed with crop marks; ``cmyk``
    writes CMYK colours with text in pure black and photos in CMYK;
    ``author`` is who exports it (metadata only); ``assets`` finds the
    article's stored photos by name. ``approval`` (who approved the article
    and when) goes into the keywords of the PDF's document info and fills the
    ``{approval}`` placeholder of a preset's header or footer, which stays
    empty without it. ``pdfx`` writes PDF/X-1a:2003 (see
    :mod:`deskapp.pdf.pdfx`), CMYK whatever ``cmyk`` says.
    """

    preset: Preset | str | os.PathLike[str] | None = None
    bleed_mm: float = 0.0
    cmyk: bool = False
    author: str = ""
    assets: PhotoLookup | None = None
    approval: Approval | None = None
    pdfx: bool = False
