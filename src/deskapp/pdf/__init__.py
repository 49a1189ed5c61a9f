"""Print: bundled fonts, preflight and PDF export (reportlab, no Qt).

``export_pdf``, ``render_pdf``, ``list_presets`` and ``load_preset`` are
loaded on first use: the renderers import :mod:`deskapp.pdf.fonts`, which
runs this file first, and an eager import of the exporter here would loop
back into those renderers. The exports take their options as one
``PrintSettings``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from deskapp.pdf.batch import export_each, export_edition
    from deskapp.pdf.export import (
        ExportReport,
        export_pdf,
        export_pdf_report,
        preflight,
        render_pdf,
        render_report,
    )
    from deskapp.pdf.findings import Finding
    from deskapp.pdf.options import PrintSettings
    from deskapp.pdf.presets import list_presets, load_preset

__all__ = [
    "ExportReport",
    "Finding",
    "PrintSettings",
    "export_each",
    "export_edition",
    "export_pdf",
    "export_pdf_report",
    "list_presets",
    "load_preset",
    "preflight",
    "render_pdf",
    "render_report",
]
_MODULES = {
    "ExportReport": "export",
    "Finding": "findings",
    "PrintSettings": "options",
    "export_each": "batch",
    "export_edition": "batch",
    "export_pdf": "export",
    "export_pdf_report": "export",
    "preflight": "export",
    "render_pdf": "export",
    "render_report": "export",
    "list_presets": "presets",
    "load_preset": "presets",
}


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        from importlib import import_module

        return getattr(import_module(f"deskapp.pdf.{_MODULES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
