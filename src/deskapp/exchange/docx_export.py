"""An article as a Word document (``.docx``) for people outside Deskapp.

The body is rendered from the same element tree as the preview and the PDF
(:mod:`deskapp.render.tree`), one small handler per block element, so a
heading, a list or a table means the same thing in every output. Word's
built-in styles are used (Title, Heading n, List Bullet/Number, Quote), so the
recipient's own template decides how it looks. Photos are not stored yet: an
image becomes its caption in italics ("Ảnh: …"), as in the PDF.

Whatever an article holds, it exports: characters XML 1.0 cannot carry (NUL
and the other C0 controls but tab and newline, lone surrogates, U+FFFE and
U+FFFF, which a package or an old file may bring) are left out of the
document, and the file's properties keep the first 255 characters of a longer
headline or byline (Word's limit there; the headline itself is printed whole).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path
from xml.etree.ElementTree import Element

from docx import Document
from docx.document import Document as DocxDocument
from docx.text.paragraph import Paragraph

from deskapp.fileio import write_atomically
from deskapp.model import Article
from deskapp.render.tree import RAW_TAG, build_document, photo_label, source_line

__all__ = ["article_docx", "export_docx"]

_HEADING_LEVEL = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

# What XML 1.0 cannot hold (lxml refuses the whole string): C0 controls but
# tab, newline and carriage return; lone surrogates; the two non-characters.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Word keeps at most this many characters in a document property.
_PROPERTY_CHARS = 255


def _xml_text(text: str | None) -> str:
    """``text`` without the characters a Word file cannot carry."""
    return _NOT_XML.sub("", text or "")


def _property(text: str) -> str:
    """A document property: XML-safe, cut to Word's 255 characters at a space when it can."""
    text = _xml_text(text)
    if len(text) <= _PROPERTY_CHARS:
        return text
    cut = text[: _PROPERTY_CHARS - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > _PROPERTY_CHARS // 2 else cut).rstrip() + "…"


def export_docx(article: Article, path: Path | str) -> Path:
    """Write ``article`` as a ``.docx`` at ``path`` (atomically); return the path."""
    path = Path(path)
    write_atomically(path, article_docx(article))
    return path


def article_docx(article: Article) -> bytes:
    """The Word document's bytes: headline as Title, lead in bold, body, then credits."""
    parts = build_document(article)
    document = Document()
    document.core_properties.title = _property(parts.title)
    document.core_properties.author = _property(parts.byline)
    document.core_properties.language = "vi-VN"
    if parts.title:
        document.add_paragraph(_xml_text(parts.title), style="Title")
    if parts.lead:
        document.add_paragraph().add_run(_xml_text(parts.lead)).bold = True
    for block in parts.body:
        _block(document, block)
    if parts.byline:
        byline = document.add_paragraph()
        byline.alignment = 2  # right, as bylines are set in print
        byline.add_run(_xml_text(parts.byline)).bold = True
    if parts.source:
        document.add_paragraph().add_run(_xml_text(source_line(parts.source))).italic = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _block(document: DocxDocument, element: Element) -> None:
    handler = _HANDLERS.get(element.tag)
    if handler is not None:
        handler(document, element)
    elif element.tag in _HEADING_LEVEL:
        _inline(document.add_heading(level=_HEADING_LEVEL[element.tag]), element)
    else:  # anything unforeseen still keeps its words
        document.add_paragraph(_xml_text("".join(element.itertext()).strip()))


def _paragraph(document: DocxDocument, element: Element, style: str | None = None) -> None:
    _inline(document.add_paragraph(style=style), element)


def _list(document: DocxDocument, element: Element) -> None:
    style = "List Number" if element.tag == "ol" else "List Bullet"
    for item in element.findall("li"):
        paragraph = document.add_paragraph(style=style)
        _inline(paragraph, item, skip=("ul", "ol"))
        for nested in item:
            if nested.tag in ("ul", "ol"):
                _list(document, nested)


def _quote(document: DocxDocument, element: Element) -> None:
    for child in element:
        _paragraph(document, child, "Quote")
    if not len(element) and (element.text or "").strip():
        _paragraph(document, element, "Quote")


def _table(document: DocxDocument, element: Element) -> None:
    rows = element.findall(".//tr")
    width = max((len(row) for row in rows), default=0)
    if not rows or not width:
        return
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    # Row by row: ``table.cell(r, c)`` lays the whole grid out again on each
    # call, which made a wide table's export take minutes.
    for row, cells in zip(table.rows, rows, strict=True):
        for target, cell in zip(row.cells, cells, strict=False):
            _inline(target.paragraphs[0], cell, bold=cell.tag == "th")


def _image(document: DocxDocument, element: Element) -> None:
    document.add_paragraph().add_run(_xml_text(photo_label(element))).italic = True


def _rule(document: DocxDocument, element: Element) -> None:
    document.add_paragraph("* * *").alignment = 1


def _code(document: DocxDocument, element: Element) -> None:
    run = document.add_paragraph().add_run(_xml_text("".join(element.itertext()).rstrip("\n")))
    run.font.name = "Courier New"


def _raw(document: DocxDocument, element: Element) -> None:
    document.add_paragraph(_xml_text(element.text))


def _inline(paragraph: Paragraph, element: Element, *, bold: bool = False,
            italic: bool = False, skip: tuple[str, ...] = ()) -> None:
    """Runs for ``element``'s text and children, carrying bold and italic down."""
    _run(paragraph, element.text, bold, italic)
    for child in element:
        if child.tag in skip:
            continue
        if child.tag == "br":
            paragraph.add_run().add_break()
        elif child.tag == "img":
            _run(paragraph, photo_label(child), bold, True)
        else:
            _inline(paragraph, child,
                    bold=bold or child.tag in ("strong", "b", "th"),
                    italic=italic or child.tag in ("em", "i"))
        _run(paragraph, child.tail, bold, italic)


def _run(paragraph: Paragraph, text: str | None, bold: bool, italic: bool) -> None:
    text = _xml_text(text)
    if text:
        run = paragraph.add_run(text.replace("\n", " "))
        run.bold = bold or None
        run.italic = italic or None


_HANDLERS: dict[str, Callable[[DocxDocument, Element], None]] = {
    "p": _paragraph,
    "ul": _list,
    "ol": _list,
    "blockquote": _quote,
    "table": _table,
    "img": _image,
    "hr": _rule,
    "pre": _code,
    RAW_TAG: _raw,
}
