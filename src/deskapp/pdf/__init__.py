"""Print: bundled fonts, preflight and PDF export (reportlab, no Qt).

``export_pdf`` and ``render_pdf`` are loaded on first use: the renderers
import :mod:`deskapp.pdf.fonts`, which runs this file first, and an eager
import of the exporter here would loop back into those renderers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from deskapp.pdf.export import export_pdf, render_pdf

__all__ = ["export_pdf", "render_pdf"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from deskapp.pdf import export

        return getattr(export, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
