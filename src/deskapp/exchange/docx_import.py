"""Word documents (``.docx``) into a :class:`~deskapp.exchange.webcopy.Draft`.

Reading is done by python-docx, which understands WordprocessingML as Word
writes it (styles, runs, hyperlinks, tables); list numbering is looked up in
the numbering part so a "1." list stays numbered and a bullet list stays a
bullet list. Mapping to Markdown:

* the first Title (or, failing that, the first heading) becomes the headline;
  further headings become ``#``/``##``…;
* bold and italic runs become ``**…**`` / ``*…*``; other text is escaped so
  it renders as written;
* list paragraphs become ``-`` or ``1.`` items, indented by level;
* tables become Markdown tables (the first row as the header);
* a picture becomes ``![caption](image-N)``, the caption taken from the next
  paragraph in Word's Caption style. Photos are not stored in the library
  yet: the placeholder name is the seam where an asset id will go.

A ``.docx`` that is really an old ``.doc`` (an OLE2 compound file renamed) is
refused with ``file_legacy_word``; a damaged file with ``file_corrupt``.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from deskapp.errors import ImportRejected
from deskapp.exchange.webcopy import Draft, escape_markdown
from deskapp.text import nfc

__all__ = ["MAX_DOCX_BYTES", "import_docx"]

MAX_DOCX_BYTES = 50 * 2**20
_MAX_UNPACKED = 300 * 2**20
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Marks a list item among the blocks, so items of one list are not split by blank lines.
_LIST_ITEM = "\x00"
_HEADING = re.compile(r"heading (\d)")
_ORDERED_FORMATS = {"decimal", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman",
                    "decimalZero"}


def import_docx(path: Path | str) -> Draft:
    """Read the Word document at ``path`` as a draft (see the module notes)."""
    path = Path(path)
    _check_file(path)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ImportRejected("file_corrupt", name=path.name,
                             reason="not a Word document inside") from exc
    except Exception as exc:  # lxml's XMLSyntaxError and kin: damaged XML
        raise ImportRejected("file_corrupt", name=path.name, reason=type(exc).__name__) from exc
    return _Converter(document).draft()


def _check_file(path: Path) -> None:
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(8)
    except OSError as exc:
        raise ImportRejected("file_unreadable", name=name, reason=exc.strerror or str(exc)) \
            from exc
    if size > MAX_DOCX_BYTES:
        raise ImportRejected("file_too_large", name=name, size_mb=size / 2**20,
                             limit_mb=MAX_DOCX_BYTES / 2**20)
    if head == OLE2_MAGIC:
        raise ImportRejected("file_legacy_word", name=name)
    if not head:
        raise ImportRejected("file_empty", name=name)
    if not head.startswith(b"PK"):
        raise ImportRejected("file_corrupt", name=name, reason="not a zip archive")
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            broken = archive.testzip()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ImportRejected("file_corrupt", name=name, reason="a damaged zip archive") from exc
    if unpacked > _MAX_UNPACKED:
        raise ImportRejected("file_corrupt", name=name, reason="unpacks to an unlikely size")
    if broken is not None:
        raise ImportRejected("file_corrupt", name=name, reason=f"“{broken}” is damaged")
    _check_size_of_text(path)


def _check_size_of_text(path: Path) -> None:
    """Refuse a main text part too big, or with too many paragraphs, before parsing it.

    python-docx builds an object per paragraph (about 0.1 ms each here), and
    a few kilobytes of zip can hold 200,000 empty ones, so the paragraph
    marks are counted in the unpacked XML first, reading it in pieces.
    """
    from deskapp.limits import MAX_DOCX_PARAGRAPHS, MAX_DOCX_XML_BYTES, LimitExceeded

    try:
        with zipfile.ZipFile(path) as archive:
            try:
                info = archive.getinfo("word/document.xml")
            except KeyError:
                return  # python-docx finds the part by its relationship, or refuses
            if info.file_size > MAX_DOCX_XML_BYTES:
                raise LimitExceeded("limit_docx_xml", name=path.name,
                                    found_mb=info.file_size / 2**20,
                                    maximum_mb=MAX_DOCX_XML_BYTES / 2**20)
            count, tail = 0, b""
            with archive.open(info) as stream:
                while chunk := stream.read(1 << 20):
                    piece = tail + chunk
                    count += piece.count(b"<w:p>") + piece.count(b"<w:p ")
                    count -= tail.count(b"<w:p>") + tail.count(b"<w:p ")
                    tail = piece[-4:]
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ImportRejected("file_corrupt", name=path.name,
                             reason="a damaged zip archive") from exc
    if count > MAX_DOCX_PARAGRAPHS:
        raise LimitExceeded("limit_docx_paragraphs", name=path.name, found=count,
                            maximum=MAX_DOCX_PARAGRAPHS)


class _Converter:
    """One pass over the document body, in order, paragraphs and tables alike."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.title = ""
        self.blocks: list[str] = []
        self.images = 0
        self.pending_images: list[int] = []  # block indexes waiting for a caption
        self.formats = _numbering_formats(document)

    def draft(self) -> Draft:
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        for child in self.document.element.body.iterchildren():
            if child.tag == f"{_W}p":
                self._paragraph(Paragraph(child, self.document))
            elif child.tag == f"{_W}tbl":
                self._table(Table(child, self.document))
        body = _join_blocks(self.blocks)
        properties_title = nfc(self.document.core_properties.title or "").strip()
        return Draft(title=self.title or properties_title, body=body)

    def _paragraph(self, paragraph: Any) -> None:
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        lowered = style.casefold()
        text = _inline(paragraph)
        images = _image_count(paragraph)
        if lowered == "caption" and self.pending_images:
            self._caption(" ".join(paragraph.text.split()))
            return
        self.pending_images = []
        for _ in range(images):
            self.images += 1
            self.pending_images.append(len(self.blocks))
            self.blocks.append(f"![](image-{self.images})")
        if not text.strip():
            return
        heading = _HEADING.fullmatch(lowered)
        if lowered == "title" or (heading and not self.title and not self.blocks):
            if not self.title:
                self.title = " ".join(paragraph.text.split())
                return
            self.blocks.append(f"# {text.strip()}")
        elif heading:
            self.blocks.append(f"{'#' * min(6, int(heading[1]))} {text.strip()}")
        elif (marker := self._list_marker(paragraph, lowered)) is not None:
            self.blocks.append(_LIST_ITEM + marker + text.strip())
        elif lowered in ("quote", "intense quote"):
            self.blocks.append(f"> {text.strip()}")
        else:
            self.blocks.append(text.strip())

    def _caption(self, caption: str) -> None:
        label = escape_markdown(caption).replace("]", "\\]")
        for index in self.pending_images:
            number = self.blocks[index][len("![](image-"):-1]
            self.blocks[index] = f"![{label}](image-{number})"
        self.pending_images = []

    def _list_marker(self, paragraph: Any, style: str) -> str | None:
        properties = paragraph._p.pPr
        numbering = properties.numPr if properties is not None else None
        if numbering is not None and numbering.numId is not None:
            level = numbering.ilvl.val if numbering.ilvl is not None else 0
            ordered = self.formats.get((numbering.numId.val, level), "bullet") \
                in _ORDERED_FORMATS
            return "   " * level + ("1. " if ordered else "- ")
        if style.startswith("list number"):
            return "1. "
        if style.startswith("list bullet") or style == "list paragraph":
            return "- "
        return None

    def _table(self, table: Any) -> None:
        rows = [[_cell_text(cell) for cell in row.cells] for row in table.rows]
        rows = [row for row in rows if row]
        if not rows:
            return
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        lines = [_table_row(rows[0]), _table_row(["---"] * width)]
        lines += [_table_row(row) for row in rows[1:]]
        self.blocks.append("\n".join(lines))


def _numbering_formats(document: Any) -> dict[tuple[int, int], str]:
    """(numId, level) → numFmt ("decimal", "bullet"…), from the numbering part."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstract: dict[str, dict[int, str]] = {}
    for node in numbering.findall(f"{_W}abstractNum"):
        levels: dict[int, str] = {}
        for lvl in node.findall(f"{_W}lvl"):
            fmt = lvl.find(f"{_W}numFmt")
            levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                fmt.get(f"{_W}val", "bullet") if fmt is not None else "bullet")
        abstract[node.get(f"{_W}abstractNumId", "")] = levels
    formats: dict[tuple[int, int], str] = {}
    for num in numbering.findall(f"{_W}num"):
        ref = num.find(f"{_W}abstractNumId")
        levels = abstract.get(ref.get(f"{_W}val", "") if ref is not None else "", {})
        for level, fmt in levels.items():
            formats[(int(num.get(f"{_W}numId", "0")), level)] = fmt
    return formats


def _inline(paragraph: Any) -> str:
    """The paragraph's runs as Markdown, neighbouring runs of one format joined first."""
    from docx.text.hyperlink import Hyperlink

    pieces: list[tuple[str, bool, bool, str | None]] = []
    for item in paragraph.iter_inner_content():
        if isinstance(item, Hyperlink):
            for run in item.runs:
                pieces.append((run.text, bool(run.bold), bool(run.italic), item.url or None))
        else:
            pieces.append((item.text, bool(item.bold), bool(item.italic), None))
    merged: list[list[Any]] = []
    for text, bold, italic, url in pieces:
        if merged and merged[-1][1:] == [bold, italic, url]:
            merged[-1][0] += text
        elif text:
            merged.append([text, bold, italic, url])
    return "".join(_format(nfc(t), b, i, u) for t, b, i, u in merged)


def _format(text: str, bold: bool, italic: bool, url: str | None) -> str:
    """Escape, then wrap; emphasis may not start or end with a space in Markdown."""
    text = text.replace("\t", " ").replace("\n", " ")
    core = text.strip()
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    marked = escape_markdown(core)
    if italic:
        marked = f"*{marked}*"
    if bold:
        marked = f"**{marked}**"
    if url and url.startswith(("http://", "https://", "mailto:")):
        marked = f"[{marked}]({url.replace(')', '%29').replace(' ', '%20')})"
    return f"{lead}{marked}{trail}"


def _image_count(paragraph: Any) -> int:
    return len(paragraph._p.findall(f".//{_W}drawing")) + len(
        paragraph._p.findall(f".//{_W}pict"))


def _cell_text(cell: Any) -> str:
    text = " ".join(_inline(p).strip() for p in cell.paragraphs if p.text.strip())
    return text.replace("|", "\\|")


def _table_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _join_blocks(blocks: list[str]) -> str:
    """Blank lines between blocks, except between items of one list."""
    out: list[str] = []
    previous_list = False
    for block in blocks:
        is_list = block.startswith(_LIST_ITEM)
        text = block[1:] if is_list else block
        if out:
            out.append("\n" if is_list and previous_list else "\n\n")
        out.append(text)
        previous_list = is_list
    return "".join(out)
