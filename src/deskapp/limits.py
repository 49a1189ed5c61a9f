"""How much Deskapp takes in, in one place, and the cheap checks that enforce it.

Python-Markdown, reportlab and python-docx each have inputs on which their
work grows faster than the input: a bracket that is never closed makes the
link parser read to the end of its paragraph, so a paragraph of such brackets
costs its length squared; a list nested a thousand levels deep recurses a
thousand times and copies its text at every level; reportlab lays out the
rest of a paragraph again at every page it spans. Real articles stay far from
where that hurts, so each such dimension has a limit here, checked by a pass
over the text that costs one look at each character *before* the expensive
work starts. A refusal is a :class:`LimitExceeded` whose code names the limit
and whose data carries what was found and what is allowed;
:mod:`deskapp.messages` words it.

The limits are set well above what a newspaper article holds (a long feature
is 3,000 words in 40 paragraphs, its lists two levels deep, its tables a dozen
columns) and low enough that every stage stays within a few seconds on the
worst text that passes.
"""

from __future__ import annotations

import re

from deskapp.errors import DeskappError

# --- Text -------------------------------------------------------------------

# The editor refuses a longer paste (decode.MAX_PASTE_CHARS); a body may not
# grow past it either: 2,000,000 characters is about 350,000 Vietnamese words.
MAX_BODY_CHARS = 2_000_000

# One paragraph (a run of lines with no blank line, outside code, lists and
# tables). Python-Markdown's inline pass and reportlab's page splitting cost
# up to the square of a paragraph's length; 20,000 characters (about 3,500
# words, seven printed columns) keeps one paragraph under half a second. A
# longer one is almost always a file whose paragraphs are separated by single
# line breaks, which Markdown reads as one paragraph: the sentence says so.
MAX_PARAGRAPH_CHARS = 20_000

# Lists and quotations inside each other. Each level is a recursion in the
# parser and an indent on the page; newspapers use two or three.
MAX_NESTING_DEPTH = 16

# Brackets, parentheses and angle brackets left open in one paragraph. Each
# open one sends Python-Markdown's link, image and autolink parsers to the end
# of the paragraph; prose leaves a handful open at most.
MAX_OPEN_BRACKETS = 32

# Columns of one table: a print column is 50–180 mm wide, so a dozen columns
# is already small type. Word's own limit is 63.
MAX_TABLE_COLUMNS = 40

# Cells of one table (rows × columns).
MAX_TABLE_CELLS = 20_000

# Links and images in one article, and footnotes.
MAX_LINKS = 5_000
MAX_FOOTNOTES = 1_000

# Paragraphs, headings, rules and list items: every block is a Word paragraph
# (about 1 ms each in python-docx) and a reportlab flowable; 10,000 is a book.
MAX_BLOCKS = 10_000

# One-line fields (headline, byline, source, section) and the lead.
MAX_LINE_FIELD_CHARS = 2_000
MAX_LEAD_CHARS = MAX_PARAGRAPH_CHARS

# --- Files ------------------------------------------------------------------

# What one import reads, and so what ``deskapp convert`` reads.
MAX_READ_BYTES = 20 * 2**20

# Paragraphs (``w:p``) in a Word file, counted in its XML before it is parsed:
# python-docx spends about 0.1 ms on each, so 20,000 (a 300-page report) is
# two seconds.
MAX_DOCX_PARAGRAPHS = 20_000

# A Word file's main text part unpacked (``word/document.xml``); lxml holds
# about ten times this in memory while reading it.
MAX_DOCX_XML_BYTES = 60 * 2**20

# --- Photos -----------------------------------------------------------------

# Pixels of one photo, read from its header before any pixel is decoded.
# 64 million covers every press camera in use (61 MP the largest); decoded
# it is 192 MB of RGB, so an export holding a copy or two stays under a
# gigabyte. A 12,000 × 12,000 PNG that compresses to 3 KB is refused here.
MAX_PHOTO_PIXELS = 64_000_000


class LimitExceeded(DeskappError):
    """An input passes one of the limits above.

    The code is ``limit_<name>`` (``limit_nesting``, ``limit_photo_pixels``…);
    the data hold ``found`` and ``maximum`` in the same unit and ``where``,
    the field or part it was found in.
    """

    code = "limit_exceeded"


_FENCE_OPEN = re.compile(r"(`{3,}|~{3,})[^\n`]*\Z")
_LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|\Z)")
_QUOTE_PREFIX = re.compile(r"[ \t]*>")
_HEADING_OR_RULE = re.compile(r"#{1,6}(?:[ \t]|\Z)|(?:[-*_][ \t]*){3,}\Z")
_BRACKET = re.compile(r"\\.|[\[\]()<>]")
_OPENER = {"]": "[", ")": "(", ">": "<"}
_BRACKET_CHARS = "\\[]()<>"
_FOOTNOTE_DEF = re.compile(r"\[\^[^\]\n]+\]:")
_TABLE_RULE = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*\Z")


def fenced_blocks(lines: list[str]) -> list[tuple[int, int]]:
    """The (opening line, closing line) of each fenced code block, in one pass.

    A fence opens on a line of three or more backticks or tildes (and an
    optional info string) and closes on the first later line holding exactly
    the same fence, trailing spaces allowed; a fence that never closes opens
    nothing, and the lines after it are read again for fences of their own.
    A run of tildes may also open with fewer tildes than it has, the rest
    read as its info string, when the full run finds no closing line. This is
    what the regular expression ``^(`{3,}|~{3,})[^\\n`]*\\n(.*?)\\n\\1[ \\t]*$``
    finds, without its cost: for each fence, the lines that could close it are
    listed once, and an opening line looks its closing line up in that list.
    """
    closers: dict[str, list[int]] = {}
    for number, line in enumerate(lines):
        stripped = line.rstrip(" \t")
        if len(stripped) >= 3 and stripped[0] in "`~" and stripped == stripped[0] * len(stripped):
            closers.setdefault(stripped, []).append(number)
    if not closers:
        return []
    cursors = {fence: 0 for fence in closers}
    blocks: list[tuple[int, int]] = []
    number = 0
    while number < len(lines):
        match = _FENCE_OPEN.match(lines[number])
        close = None
        if match:
            run = match.group(1)
            lengths = range(len(run), 2, -1) if run[0] == "~" else (len(run),)
            for length in lengths:
                close = _next_closer(closers, cursors, run[0] * length, number)
                if close is not None:
                    break
        if close is None:
            number += 1
            continue
        blocks.append((number, close))
        number = close + 1
    return blocks


def _next_closer(closers: dict[str, list[int]], cursors: dict[str, int], fence: str,
                 after: int) -> int | None:
    """The first line listed for ``fence`` after line ``after``.

    Openings are looked at in increasing line order, so each list is walked
    once from its cursor over the whole pass.
    """
    found = closers.get(fence)
    if not found:
        return None
    cursor = cursors[fence]
    while cursor < len(found) and found[cursor] <= after:
        cursor += 1
    cursors[fence] = cursor
    return found[cursor] if cursor < len(found) else None


def check_markdown(text: str, where: str = "body") -> None:
    """Refuse Markdown that would cost Deskapp more than its size: one pass, no parse.

    Raises :class:`LimitExceeded` (``limit`` names which) or returns None.
    The measures are those of the text as written (indentation counted in
    steps of four spaces, a tab as four), close to what the parser will see.
    The last texts that passed are remembered: a file imported and then
    exported is checked once (the check is a twentieth of a long export).
    """
    global _passed
    if len(text) > MAX_BODY_CHARS:
        _refuse("body_chars", where, len(text), MAX_BODY_CHARS)
    if not text:
        return
    key = (where, text)
    if key in _passed:
        return
    _scan_markdown(text, where)
    _passed = (key, *_passed[:_REMEMBERED - 1])


# The last (where, text) pairs that passed, newest first; replaced whole, so
# threads checking at once see one tuple or the other.
_passed: tuple[tuple[str, str], ...] = ()
_REMEMBERED = 2


def _scan_markdown(text: str, where: str) -> None:
    lines = text.split("\n")
    in_code = [False] * len(lines)
    for start, end in fenced_blocks(lines):
        for number in range(start, end + 1):
            in_code[number] = True
    scan = _Scan(where)
    for number, line in enumerate(lines):
        if in_code[number]:
            scan.end_paragraph()
            continue
        scan.line(line)
    scan.end_paragraph()
    scan.end_table()
    if scan.nesting > MAX_NESTING_DEPTH:
        _refuse("nesting", where, scan.nesting, MAX_NESTING_DEPTH)
    char, most = max(scan.most_open.items(), key=lambda item: item[1])
    if most > MAX_OPEN_BRACKETS:
        _refuse("open_brackets", where, most, MAX_OPEN_BRACKETS, char=char)
    if scan.longest > MAX_PARAGRAPH_CHARS:
        _refuse("paragraph_chars", where, scan.longest, MAX_PARAGRAPH_CHARS)
    if scan.links > MAX_LINKS:
        _refuse("links", where, scan.links, MAX_LINKS)
    if scan.footnotes > MAX_FOOTNOTES:
        _refuse("footnotes", where, scan.footnotes, MAX_FOOTNOTES)
    if scan.blocks > MAX_BLOCKS:
        _refuse("blocks", where, scan.blocks, MAX_BLOCKS)


class _Scan:
    """What :func:`check_markdown` tracks from line to line."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.paragraph = 0
        self.open = {"[": 0, "(": 0, "<": 0}
        self.links = 0
        self.footnotes = 0
        self.blocks = 0
        self.table_columns = 0
        self.table_rows = 0
        self.table_ruled = False
        # The largest of each measure seen, refused once the whole text is read
        # so the sentence names the real figure, not the first one past the limit.
        self.nesting = 0
        self.longest = 0
        self.most_open = {"[": 0, "(": 0, "<": 0}

    def line(self, line: str) -> None:
        if not line.strip():
            self.end_paragraph()
            self.end_table()
            return
        rest, depth = _strip_quotes(line)
        expanded = rest.expandtabs(4)
        content = expanded.lstrip(" ")
        indent = len(expanded) - len(content)
        if _LIST_MARKER.match(content):
            depth += indent // 4 + 1
            self.end_paragraph()
        self.nesting = max(self.nesting, depth)
        if "|" in content:
            self._table_row(content)
        if _HEADING_OR_RULE.match(content):
            self.end_paragraph()
            self.blocks += 1
        elif not self.paragraph:
            self.blocks += 1
        if _FOOTNOTE_DEF.match(content):
            self.footnotes += 1
            self.end_paragraph()
        self.paragraph += len(line) + 1
        self.longest = max(self.longest, self.paragraph - 1)
        self._brackets(content)

    def _brackets(self, content: str) -> None:
        self.links += content.count("](") + content.count("][") + content.count("<http")
        # Most lines of copy hold no bracket: seven scans in C instead of the
        # regular expression's (its alternation tries each position twice).
        if not any(char in content for char in _BRACKET_CHARS):
            return
        open_ = self.open
        for match in _BRACKET.finditer(content):
            ch = match.group()
            if ch in open_:
                open_[ch] += 1
                if open_[ch] > self.most_open[ch]:
                    self.most_open[ch] = open_[ch]
            elif len(ch) == 1 and open_[_OPENER[ch]]:
                open_[_OPENER[ch]] -= 1

    def _table_row(self, content: str) -> None:
        columns = content.strip().strip("|").count("|") + 1
        self.table_columns = max(self.table_columns, columns)
        if _TABLE_RULE.match(content.strip()):  # the rule under the header: a table
            self.table_ruled = True
        else:
            self.table_rows += 1
        if self.table_columns > MAX_TABLE_COLUMNS and self.table_ruled:
            _refuse("table_columns", self.where, self.table_columns, MAX_TABLE_COLUMNS)
        if self.table_columns * self.table_rows > MAX_TABLE_CELLS:
            _refuse("table_cells", self.where, self.table_columns * self.table_rows,
                    MAX_TABLE_CELLS)
        self.paragraph = 0  # a table row is a block of its own, not paragraph text

    def end_paragraph(self) -> None:
        self.paragraph = 0
        self.open = {"[": 0, "(": 0, "<": 0}

    def end_table(self) -> None:
        self.table_columns = 0
        self.table_rows = 0
        self.table_ruled = False


def _strip_quotes(line: str) -> tuple[str, int]:
    """The line without its leading ``>`` markers, and how many there were."""
    depth = 0
    position = 0
    while True:
        match = _QUOTE_PREFIX.match(line, position)
        if match is None:
            return line[position:], depth
        depth += 1
        position = match.end()


def check_fields(*, title: str = "", lead: str = "", byline: str = "", source: str = "",
                 section: str = "") -> None:
    """Refuse one-line fields and a lead longer than any page can hold."""
    for where, value in (("title", title), ("byline", byline), ("source", source),
                         ("section", section)):
        if len(value) > MAX_LINE_FIELD_CHARS:
            _refuse("field_chars", where, len(value), MAX_LINE_FIELD_CHARS)
    if len(lead) > MAX_LEAD_CHARS:
        _refuse("field_chars", "lead", len(lead), MAX_LEAD_CHARS)


def check_article(article: object) -> None:
    """:func:`check_fields` and :func:`check_markdown` on an article, a draft or a revision
    (whose fields are in its ``content``)."""
    content = getattr(article, "content", None)

    def field(name: str) -> str:
        value = content.get(name) if isinstance(content, dict) else getattr(article, name, "")
        return str(value or "")

    check_fields(title=field("title"), lead=field("lead"), byline=field("byline"),
                 source=field("source"), section=field("section"))
    check_markdown(field("body"))


def open_image(data: bytes, name: str = "") -> object:
    """The Pillow image of ``data``, its header read and its pixel count checked.

    Nothing is decoded yet (``Image.open`` is lazy). Pillow's own warning at
    89 million pixels is not shown (the sentence here says more), and its
    refusal past twice that becomes this module's refusal.
    """
    import warnings
    from io import BytesIO

    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(BytesIO(data))
        except Image.DecompressionBombError as exc:
            found = re.search(r"\((\d+) pixels\)", str(exc))
            raise LimitExceeded("limit_photo_pixels_header", where="photo", name=name,
                                found=int(found.group(1)) if found else 0,
                                maximum=MAX_PHOTO_PIXELS) from exc
    check_photo_pixels(*image.size, name=name)
    return image


def check_photo_pixels(width: int, height: int, name: str = "") -> None:
    """Refuse a photo with more pixels than :data:`MAX_PHOTO_PIXELS` (from its header)."""
    if width * height > MAX_PHOTO_PIXELS:
        raise LimitExceeded("limit_photo_pixels", where="photo", name=name, width=width,
                            height=height, found=width * height, maximum=MAX_PHOTO_PIXELS)


def _refuse(limit: str, where: str, found: int, maximum: int, **more: object) -> None:
    raise LimitExceeded(f"limit_{limit}", where=where, found=found, maximum=maximum, **more)
