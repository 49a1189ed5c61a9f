"""The bundled fonts, registered with reportlab as families.

reportlab's own base-14 fonts (Helvetica, Times-Roman, Courier) cannot draw
Vietnamese and drop the letters without a warning, so Deskapp never uses
them: every style names one of the families below explicitly. Registering a
family maps ``<b>`` and ``<i>`` in paragraph markup to the real bold and
italic faces instead of a synthetic slant or a missing glyph.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from reportlab.lib.fonts import addMapping, tt2ps
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont

from deskapp.errors import FontUnavailable
from deskapp.pdf.face_cache import read_font
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
    """Declare every bundled family to reportlab, once per process; faces load on first use.

    Reading a TrueType face (its cmap and widths) costs 5-12 ms, and a
    one-page article uses two or three of the twelve faces: loading all of
    them up front was a third of a one-page ``deskapp export``. So only the
    family mappings (``<b>`` inside a ``DeskSerif`` paragraph means
    ``DeskSerif-Bold``) are declared here, and a face is read the first
    time anything asks reportlab for it by name (measuring a word, setting
    it on the canvas) or the glyph checks look at it: styles may name faces
    that a document never draws, and those are never read.
    """
    _map_families()
    if not isinstance(pdfmetrics._fonts, _LoadOnDemand):
        pdfmetrics._fonts = _LoadOnDemand(pdfmetrics._fonts)


class _LoadOnDemand(dict):  # type: ignore[type-arg]
    """reportlab's table of registered fonts, reading one of our faces when first looked up.

    ``pdfmetrics.getFont`` indexes this table and only falls back to its
    search for Type 1 fonts on a ``KeyError``; a bundled face name that is
    not in the table yet is read here instead.
    """

    def __missing__(self, name: str) -> object:
        if name not in _FACE_FILES:
            raise KeyError(name)
        load_face(name)
        return dict.__getitem__(self, name)


def _map_families() -> None:
    """Tell reportlab which face draws each family in bold, italic and both."""
    for family, files in _FAMILY_FILES.items():
        names = _face_names(family, files)
        normal, bold, italic, bold_italic = (names[filename] for filename in files)
        registerFontFamily(family, normal=normal, bold=bold, italic=italic, boldItalic=bold_italic)
        # reportlab reads a face's style back from the last mapping made; a
        # face shared by upright and italic (mono) must read back as upright,
        # or <b>/<i> resolution starts from the wrong place.
        addMapping(family, 0, 0, normal)
        addMapping(family, 1, 0, bold)


def _face_names(family: str, files: tuple[str, str, str, str]) -> dict[str, str]:
    """File → registered face name; a file used for two styles keeps its first name."""
    names: dict[str, str] = {}
    for suffix, filename in zip(_SUFFIXES, files, strict=True):
        names.setdefault(filename, family + suffix)
    return names


_FACE_FILES: dict[str, str] = {
    name: filename
    for family, files in _FAMILY_FILES.items()
    for filename, name in _face_names(family, files).items()
}


@cache
def load_face(name: str) -> str:
    """Read the bundled face ``name`` and register it with reportlab (once); return the name.

    A name that is not one of ours (already registered elsewhere) is left alone.
    """
    register_fonts()
    filename = _FACE_FILES.get(name)
    if filename is not None and name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(_read_face(name, filename))
        # Registering a face maps its own name as a family with every style
        # to itself, which for a regular face ("DeskSerif") overwrites the
        # real family's bold and italic: declare the families again.
        _map_families()
    return name


def _read_face(name: str, filename: str) -> TTFont:
    """The parsed face, or :class:`FontUnavailable` naming the file when it is missing or bad.

    A damaged file can fail anywhere in reportlab's parser (a TTFError, a
    struct or index error on a short table), so every failure counts.
    """
    path = resource_path("fonts", filename)
    try:
        return read_font(name, path)
    except Exception as exc:
        if isinstance(exc, OSError):
            reason = exc.strerror or str(exc)
        else:
            reason = str(exc) or type(exc).__name__
        raise FontUnavailable(name=str(path), reason=reason) from exc


def face_name(family: str, bold: bool = False, italic: bool = False) -> str:
    """The registered face that draws ``family`` in that weight and slant.

    This is the lookup reportlab itself makes for ``<b>`` and ``<i>``. The
    face itself is read when it is first used (see :func:`register_fonts`).
    """
    register_fonts()
    return tt2ps(family, int(bold), int(italic))


def missing_glyphs(text: str, font_name: str) -> set[str]:
    """The characters of ``text`` that the registered font ``font_name`` cannot draw.

    Whitespace and control characters are skipped: they are laid out, not drawn.
    """
    return {char for char in set(text) - _covered(font_name) if _drawn(char)}


def covered_runs(text: str, font_name: str) -> list[tuple[str, bool]]:
    """``text`` cut into runs that ``font_name`` can draw (True) or cannot (False)."""
    covered = _covered(font_name)
    # Nearly every run is wholly covered: one set difference, in C, instead
    # of a Python step per character (a fifth of a 200-page export once).
    if _coverage(font_name).lacks_none(text) or not any(
            _drawn(char) for char in set(text) - covered):
        return [(text, True)] if text else []
    runs: list[tuple[str, bool]] = []
    for char in text:
        drawable = char in covered or not _drawn(char)
        if runs and runs[-1][1] == drawable:
            runs[-1] = (runs[-1][0] + char, drawable)
        else:
            runs.append((char, drawable))
    return runs


class _Coverage:
    """Whether a text holds any character a face lacks, asked many times of one face.

    The set difference of :func:`covered_runs` makes a string of every
    character it hashes; once a face has been asked about enough text (a
    long article), a compiled class of the characters it lacks answers the
    question four times faster. Short texts (a one-page article) never pay
    for compiling it.
    """

    COMPILE_AFTER = 50_000  # characters asked about before the expression is built

    def __init__(self, font_name: str) -> None:
        self.font_name = font_name
        self.asked = 0
        self.lacking: re.Pattern[str] | None = None

    def lacks_none(self, text: str) -> bool:
        """True when the face has every character of ``text``; False when unsure."""
        if self.lacking is None:
            self.asked += len(text)
            if self.asked < self.COMPILE_AFTER:
                return False
            self.lacking = _lacking_expression(_covered(self.font_name))
        return self.lacking.search(text) is None


def _lacking_expression(covered: frozenset[str]) -> re.Pattern[str]:
    """A class matching any character outside ``covered``, written as ranges of code points."""
    codes = sorted(map(ord, covered))
    ranges = []
    start = previous = codes[0] if codes else 0
    for code in codes[1:]:
        if code != previous + 1:
            ranges.append((start, previous))
            start = code
        previous = code
    if codes:
        ranges.append((start, previous))
    inside = "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in ranges)
    return re.compile(f"[^{inside}]" if inside else "[\\s\\S]")


@cache
def _coverage(font_name: str) -> _Coverage:
    return _Coverage(font_name)


@cache
def _covered(font_name: str) -> frozenset[str]:
    """Every character the face has a glyph for (read once per face)."""
    char_to_glyph = pdfmetrics.getFont(load_face(font_name)).face.charToGlyph
    return frozenset(map(chr, char_to_glyph))


def _drawn(char: str) -> bool:
    return not char.isspace() and unicodedata.category(char) != "Cc"
