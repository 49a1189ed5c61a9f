"""A print preset as the preview shows it: the same faces, sizes, leading and measure.

The PDF sets its text in the bundled Noto faces registered under the
families of :mod:`deskapp.pdf.fonts`; the screen knows the very same files
by their own names ("Noto Serif", "Noto Sans"). Widths are handed over in
screen pixels: the caller says how many pixels a point is and how wide its
view is, and gets back the width to wrap the text at.
"""

from __future__ import annotations

from dataclasses import dataclass

from deskapp.pdf.fonts import MONO, SANS, SERIF
from deskapp.pdf.presets import Preset, load_preset
from deskapp.render.html import PreviewLook

SCREEN_FAMILIES = {SERIF: "Noto Serif", SANS: "Noto Sans", MONO: "DejaVu Sans Mono"}


@dataclass(frozen=True)
class ScreenLayout:
    """The look for :func:`deskapp.render.html.article_html` and the width to wrap at."""

    look: PreviewLook
    wrap_px: int
    content_px: int  # the preset's full text width
    preset: str


def screen_family(family: str) -> str:
    return SCREEN_FAMILIES.get(family, "Noto Serif")


def preview_look(preset: Preset, px_per_pt: float, view_px: int) -> ScreenLayout:
    """The preset's type and measure for a view ``view_px`` pixels wide.

    The headline, lead and credits span the preset's full text width and the
    body its column, as on the page; a view narrower than the page keeps the
    column when it fits and otherwise wraps everything at the view's width.
    """
    content_px = round(preset.content_width * px_per_pt)
    column_px = round(preset.column_width * px_per_pt)
    wrap_px = max(1, min(content_px, view_px))
    gap = max(0, wrap_px - column_px)
    look = PreviewLook(
        body_family=screen_family(preset.body.family),
        body_size=preset.body.size,
        body_leading=preset.body.leading,
        justify=preset.body_align == "justify",
        headline_family=screen_family(preset.headline.family),
        headline_size=preset.headline.size,
        headline_leading=preset.headline.leading,
        headline_bold=True,
        lead_family=screen_family(preset.lead.family),
        lead_size=preset.lead.size,
        lead_leading=preset.lead.leading,
        lead_bold=preset.lead.bold,
        lead_italic=preset.lead.italic,
        section_family=screen_family(preset.section.family),
        section_size=preset.section.size,
        headings_family=screen_family(preset.headings_family),
        headings_scale=preset.headings_scale,
        column_gap_px=gap,
        photo_width_px=wrap_px - gap,
        byline_top=preset.byline.position == "top",
        byline_align=preset.byline.align,
        source_top=preset.source.position == "top",
        source_align=preset.source.align,
    )
    return ScreenLayout(look, wrap_px, content_px, preset.name)


def preset_look(name: str, extra_dirs: tuple[str, ...], px_per_pt: float,
                view_px: int) -> ScreenLayout:
    """:func:`preview_look` for the preset called ``name``.

    The preset comes from :func:`deskapp.pdf.presets.load_preset`, the one
    cache the export and copyfit read too, so the preview follows an edit to
    the preset's file or to any preset it extends exactly when the PDF does.
    """
    return preview_look(load_preset(name, extra_dirs), px_per_pt, view_px)
