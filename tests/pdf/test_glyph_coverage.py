"""Every Vietnamese letter in every style of every bundled text family.

The check reads the PDF the way a printer's RIP does: for each embedded
subset font, the character codes used on the page are mapped through the
font's ToUnicode CMap to the letters they stand for, and through the
subset's own cmap to a glyph. That glyph must have an outline, and the very
outline of the letter in the bundled font file: an empty box or another
letter's shape fails. The text extracted by pdfium must be exactly the text
written, and NFC and decomposed (NFD) input must give identical pages.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from deskapp.model import Article
from deskapp.pdf.export import render_pdf
from deskapp.pdf.options import PrintSettings
from deskapp.pdf.presets import load_preset
from deskapp.resources import resource_path

VOWELS = "aăâeêioôơuưy"
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
LOWER = [unicodedata.normalize("NFC", vowel + tone) for vowel in VOWELS for tone in TONES] + ["đ"]
LETTERS = LOWER + [letter.upper() for letter in LOWER]
LINE = " ".join(LETTERS)
STYLES = ("{}", "**{}**", "*{}*", "***{}***")
FAMILIES = {"serif": "NotoSerif", "sans": "NotoSans"}
FACES = ("Regular", "Bold", "Italic", "BoldItalic")


def flat(text: str) -> str:
    return " ".join(text.split())


def preset_for(folder: Path, family: str) -> Path:
    """The default A4 preset with every style in ``family``."""
    data = json.loads(resource_path("presets", "a4-article.json").read_text(encoding="utf-8"))
    for style in ("body", "headline", "lead", "section"):
        data["styles"][style]["family"] = family
    data["styles"]["headings"]["family"] = family
    data["footer"]["family"] = family
    path = folder / f"all-{family}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def article(form: str = "NFC") -> Article:
    body = "\n\n".join(style.format(LINE) for style in STYLES)
    made = Article(title=LINE, body=body)
    made.title = unicodedata.normalize(form, made.title)
    made.body = unicodedata.normalize(form, made.body)
    return made


@pytest.fixture(scope="module", params=sorted(FAMILIES))
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    family = request.param
    preset = load_preset(preset_for(tmp_path_factory.mktemp(family), family))
    return family, preset, render_pdf(article(), PrintSettings(preset=preset))


def to_unicode(cmap: bytes) -> dict[int, str]:
    """Character code → text from a ToUnicode CMap (bfchar and bfrange entries)."""
    text = cmap.decode("latin-1")
    mapping: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for code, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(code, 16)] = bytes.fromhex(uni).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for low, high, start in re.findall(
                r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            first = int(start, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                mapping[code] = chr(first + offset)
    return mapping


def embedded_fonts(pdf: bytes) -> dict[str, tuple[TTFont, dict[int, str]]]:
    """Base font name → (the embedded subset, its code → text map), over all pages."""
    fonts: dict[str, tuple[TTFont, dict[int, str]]] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            name = str(font["/BaseFont"])
            program = font["/FontDescriptor"].get_object()["/FontFile2"].get_object().get_data()
            fonts[name] = (TTFont(io.BytesIO(program)), to_unicode(font["/ToUnicode"]
                                                                    .get_object().get_data()))
    return fonts


def outline(font: TTFont, glyph_name: str) -> list[tuple[int, int]]:
    glyf = font["glyf"]
    coordinates, _ends, _flags = glyf[glyph_name].getCoordinates(glyf)
    return [tuple(point) for point in coordinates]


def test_each_letter_maps_to_its_own_real_glyph_in_every_subset(rendered):
    family, _preset, pdf = rendered
    fonts = embedded_fonts(pdf)
    face_names = {name.split("+", 1)[-1] for name in fonts}
    expected = {f"{FAMILIES[family]}-{face}" for face in FACES}
    assert expected <= face_names, face_names
    originals = {face: TTFont(resource_path("fonts", f"{face}.ttf")) for face in expected}
    for name, (subset, codes) in fonts.items():
        face = name.split("+", 1)[-1]
        if face not in originals:
            continue
        original = originals[face]
        subset_cmap = {code: glyph for table in subset["cmap"].tables
                       for code, glyph in table.cmap.items()}
        seen = {char for char in codes.values() if char in LETTERS}
        assert seen == set(LETTERS), f"{face} lacks {set(LETTERS) - seen}"
        for code, char in codes.items():
            if char not in LETTERS:
                continue
            glyph = subset_cmap.get(code)
            assert glyph is not None, f"{face}: code {code} ({char}) has no glyph"
            assert subset["glyf"][glyph].numberOfContours != 0, f"{face}: {char} is empty"
            own = original.getBestCmap()[ord(char)]
            assert outline(subset, glyph) == outline(original, own), f"{face}: {char} differs"


def test_the_extracted_text_is_exactly_what_was_written(rendered):
    _family, _preset, pdf = rendered
    text = flat(" ".join(page.get_textpage().get_text_range()
                         for page in pdfium.PdfDocument(pdf)))
    # The headline, then the body in four styles, then the footer.
    assert text.startswith(" ".join([LINE] * 5))
    assert text.count(LINE) == 5


def bitmaps(pdf: bytes) -> list[bytes]:
    document = pdfium.PdfDocument(pdf)
    return [page.render(scale=1.5).to_pil().tobytes() for page in document]


def test_nfd_input_gives_the_same_headline_and_styled_page_as_nfc(rendered):
    _family, preset, pdf = rendered
    decomposed = article("NFD")  # set after construction: the renderer must normalize
    assert decomposed.title != LINE and decomposed.title == unicodedata.normalize("NFD", LINE)
    assert bitmaps(render_pdf(decomposed, PrintSettings(preset=preset))) == bitmaps(pdf)
