"""The bundled fonts, registered with reportlab as families.

reportlab's own base-14 fonts (Helvetica, Times-Roman, Courier) cannot draw
Vietnamese and drop the letters without a warning, so Deskapp never uses
them: every style names one of the families below explicitly. Registering a
family maps ``<b>`` and ``<i>`` in paragraph markup to the real bold and
italic faces instead of a synthetic slant or a missing glyph.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from reportlab.lib.fonts import addMapping, tt2ps
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont

from deskapp.resources import resource_path

SERIF = "DeskSerif"
SANS = "DeskSans"
MONO = "DeskMono"
# Symbols the Noto text faces lack (arrows →, minus −, box drawing, …) are
# drawn from DejaVu Sans rather than refused; it has no italic, like MONO.
SYMBOLS = "DeskSymbols"

# family -> (regular, bold, italic, bold italic) font files
_FAMILY_FILES: dict[str, tuple[str, str, str, str]] = {
    SERIF: (
        "NotoSerif-Regular.ttf",
        "NotoSerif-Bold.ttf",
        "NotoSerif-Italic.ttf",
        "NotoSerif-BoldItalic.ttf",
    ),
    SANS: (
        "NotoSans-Regular.ttf",
        "NotoSans-Bold.ttf",
        "NotoSans-Italic.ttf",
        "NotoSans-BoldItalic.ttf",
    ),
    # DejaVu Sans Mono ships no italic: italic code uses the upright faces.
    MONO: (
        "DejaVuSansMono.ttf",
        "DejaVuSansMono-Bold.ttf",
        "DejaVuSansMono.ttf",
        "DejaVuSansMono-Bold.ttf",
    ),
    SYMBOLS: (
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
    ),
}
_SUFFIXES = ("", "-Bold", "-Italic", "-BoldItalic")


@cache
def register_fonts() -> None:
    """Register every bundled face and family with reportlab, once per process.

    reportlab's font registry is process-wide, so registering once is
    enough; the cache makes later calls free (a failed attempt is retried).
    The regular face is registered under the family's own name, so ``<b>``
    inside a ``DeskSerif`` paragraph finds ``DeskSerif-Bold``. A file used
    for two styles (mono italic = mono regular) is loaded once.
    """
    for family, files in _FAMILY_FILES.items():
        faces: dict[str, str] = {}
        for suffix, filename in zip(_SUFFIXES, files, strict=True):
            name = faces.setdefault(filename, family + suffix)
            if name == family + suffix:
                pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
        normal, bold, italic, bold_italic = (faces[filename] for filename in files)
        registerFontFamily(family, normal=normal, bold=bold, italic=italic, boldItalic=bold_italic)
        # reportlab reads a face's style back from the last mapping made; a
        # face shared by upright and italic (mono) must read back as upright,
        # or <b>/<i> resolution starts from the wrong place.
        addMapping(family, 0, 0, normal)
        addMapping(family, 1, 0, bold)


def face_name(family: str, bold: bool = False, italic: bool = False) -> str:
    """The registered face that draws ``family`` in that weight and slant.

    This is the lookup reportlab itself makes for ``<b>`` and ``<i>``.
    """
    register_fonts()
    return tt2ps(family, int(bold), int(italic))


def missing_glyphs(text: str, font_name: str) -> set[str]:
    """The characters of ``text`` that the registered font ``font_name`` cannot draw.

    Whitespace and control characters are skipped: they are laid out, not drawn.
    """
    char_to_glyph = _char_to_glyph(font_name)
    return {char for char in set(text) if _drawn(char) and ord(char) not in char_to_glyph}


def covered_runs(text: str, font_name: str) -> list[tuple[str, bool]]:
    """``text`` cut into runs that ``font_name`` can draw (True) or cannot (False)."""
    char_to_glyph = _char_to_glyph(font_name)
    runs: list[tuple[str, bool]] = []
    for char in text:
        covered = not _drawn(char) or ord(char) in char_to_glyph
        if runs and runs[-1][1] == covered:
            runs[-1] = (runs[-1][0] + char, covered)
        else:
            runs.append((char, covered))
    return runs


def _char_to_glyph(font_name: str) -> dict[int, int]:
    register_fonts()
    return pdfmetrics.getFont(font_name).face.charToGlyph


def _drawn(char: str) -> bool:
    return not char.isspace() and unicodedata.category(char) != "Cc"
