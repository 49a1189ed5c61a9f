"""Page plans as data: an edition has pages, a page has a page preset and blocks.

A block is a rectangle on the page's grid (first column, column span, top
line, line span, counted from 0 in grid columns and body lines) or, for
what does not sit on the grid (an advertisement of a fixed size), in
millimetres from the top-left corner of the text area. What it holds is its
``kind``:

* ``headline`` / ``lead``: the article's headline or lead;
* ``body``: part of the article's body; an article's body blocks form its
  chain, in the order of (page number, ``order``), and the text flows
  through them, each block's grid columns being text columns;
* ``photo``: a photo stored with the article (``asset``: its name) and its
  caption;
* ``reserved``: space kept for something else (an advertisement), drawn as a
  labelled box.

Plans are plain data: they are stored as JSON (:func:`edition_to_json`), read
back with :func:`edition_from_json`, which checks every field and answers a
bad plan with :class:`PlanError` (a code and the place, worded by
:mod:`deskapp.messages`) instead of a half-read edition. Text is NFC.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field, replace
from typing import Any

from deskapp.errors import DeskappError
from deskapp.model import new_id
from deskapp.text import nfc

KINDS = ("headline", "lead", "body", "photo", "reserved")
# Limits of a plan, well above any newspaper: checked before anything is laid out.
MAX_PAGES = 200
MAX_BLOCKS = 120  # on one page
MAX_GRID = 400  # a column or line index
MAX_NAME = 200
MAX_PLAN_BYTES = 2_000_000
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class PlanError(DeskappError):
    """A page plan that cannot be used; ``data`` says where (page, block) and why."""

    code = "plan_invalid"


@dataclass(frozen=True)
class Box:
    """A rectangle in millimetres from the top-left corner of the text area."""

    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Block:
    """One rectangle of a page and what it holds.

    On the grid: ``column`` and ``line`` (from 0) and ``columns`` × ``lines``;
    or, when ``box`` is given, millimetres instead.
    """

    kind: str
    article_id: str = ""
    column: int = 0
    columns: int = 1
    line: int = 0
    lines: int = 1
    box: Box | None = None
    order: int = 0  # a body block's place in its article's chain
    asset: str = ""  # a photo block's photo, by name among the article's photos
    label: str = ""  # a reserved block's words (an advertiser), or a photo's own caption
    id: str = field(default_factory=lambda: new_id()[:8])


@dataclass(frozen=True)
class Page:
    number: int
    preset: str
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Edition:
    name: str
    date: str = ""
    pages: tuple[Page, ...] = ()
    id: str = field(default_factory=new_id)

    def page(self, number: int) -> Page:
        for page in self.pages:
            if page.number == number:
                return page
        raise PlanError("plan_no_page", edition=self.name, page=number)

    def article_ids(self) -> list[str]:
        """Every article placed in the edition, in order of first appearance."""
        seen: dict[str, None] = {}
        for page in self.pages:
            for block in page.blocks:
                if block.article_id:
                    seen.setdefault(block.article_id, None)
        return list(seen)

    def chain(self, article_id: str) -> list[tuple[Page, Block]]:
        """The article's body blocks in the order its text flows through them."""
        found = [(page, block) for page in self.pages for block in page.blocks
                 if block.kind == "body" and block.article_id == article_id]
        return sorted(found, key=lambda item: (item[0].number, item[1].order))

    def with_page(self, page: Page) -> Edition:
        """The edition with ``page`` added or replacing the page of its number."""
        pages = [p for p in self.pages if p.number != page.number] + [page]
        return replace(self, pages=tuple(sorted(pages, key=lambda p: p.number)))


# ---- JSON -----------------------------------------------------------------

def edition_to_dict(edition: Edition) -> dict[str, Any]:
    return {
        "id": edition.id,
        "name": edition.name,
        "date": edition.date,
        "pages": [
            {"number": page.number, "preset": page.preset,
             "blocks": [_block_dict(block) for block in page.blocks]}
            for page in edition.pages
        ],
    }


def _block_dict(block: Block) -> dict[str, Any]:
    data: dict[str, Any] = {"id": block.id, "kind": block.kind}
    if block.article_id:
        data["article"] = block.article_id
    if block.box is not None:
        box = block.box
        data["mm"] = [box.x, box.y, box.width, box.height]
    else:
        data["grid"] = [block.column, block.columns, block.line, block.lines]
    if block.kind == "body":
        data["order"] = block.order
    if block.asset:
        data["asset"] = block.asset
    if block.label:
        data["label"] = block.label
    return data


def edition_to_json(edition: Edition) -> str:
    return json.dumps(edition_to_dict(edition), ensure_ascii=False, indent=1)


def edition_from_json(text: str | bytes) -> Edition:
    """The edition a JSON plan describes; :class:`PlanError` saying where it is wrong."""
    if len(text) > MAX_PLAN_BYTES:
        raise PlanError("plan_too_large", limit=MAX_PLAN_BYTES)
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise PlanError("plan_not_json", reason=str(exc)[:120]) from exc
    return edition_from_dict(data)


def edition_from_dict(data: Any) -> Edition:
    read = _Reader()
    if not isinstance(data, dict):
        raise read.fail("edition", "not_object")
    name = read.text(data, "name", required=True)
    date = read.text(data, "date")
    if date and not _DATE.match(date):
        raise read.fail("date", "bad_date")
    pages_data = data.get("pages", [])
    if not isinstance(pages_data, list):
        raise read.fail("pages", "not_list")
    if len(pages_data) > MAX_PAGES:
        raise read.fail("pages", "too_many")
    pages: list[Page] = []
    for item in pages_data:
        pages.append(_page(read, item))
    numbers = [page.number for page in pages]
    if len(set(numbers)) != len(numbers):
        raise read.fail("pages", "duplicate_page")
    edition_id = read.text(data, "id") or new_id()
    return Edition(name, date, tuple(sorted(pages, key=lambda p: p.number)), edition_id)


def _page(read: _Reader, data: Any) -> Page:
    if not isinstance(data, dict):
        raise read.fail("page", "not_object")
    number = read.integer(data, "number", 1, MAX_PAGES * 4)
    read.page = number
    preset = read.text(data, "preset", required=True)
    blocks_data = data.get("blocks", [])
    if not isinstance(blocks_data, list):
        raise read.fail("blocks", "not_list")
    if len(blocks_data) > MAX_BLOCKS:
        raise read.fail("blocks", "too_many")
    blocks = []
    for index, item in enumerate(blocks_data, start=1):
        read.block = index
        blocks.append(_block(read, item))
    read.block = 0
    return Page(number, preset, tuple(blocks))


def _block(read: _Reader, data: Any) -> Block:
    if not isinstance(data, dict):
        raise read.fail("block", "not_object")
    kind = read.text(data, "kind", required=True)
    if kind not in KINDS:
        raise read.fail("kind", "bad_kind")
    article = read.text(data, "article")
    if kind in ("headline", "lead", "body", "photo") and not article:
        raise read.fail("article", "missing")
    values: dict[str, Any] = {"kind": kind, "article_id": article}
    if "mm" in data:
        box = data["mm"]
        if not (isinstance(box, list) and len(box) == 4
                and all(_finite(v) and 0 <= v <= 2000 for v in box) and box[2] > 0 < box[3]):
            raise read.fail("mm", "bad_box")
        values["box"] = Box(*(float(v) for v in box))
    else:
        grid = data.get("grid")
        if not (isinstance(grid, list) and len(grid) == 4
                and all(isinstance(v, int) and not isinstance(v, bool) for v in grid)):
            raise read.fail("grid", "bad_grid")
        column, columns, line, lines = grid
        if not (0 <= column < MAX_GRID and 0 <= line < MAX_GRID
                and 1 <= columns <= MAX_GRID and 1 <= lines <= MAX_GRID):
            raise read.fail("grid", "bad_grid")
        values.update(column=column, columns=columns, line=line, lines=lines)
    if kind == "body":
        values["order"] = read.integer(data, "order", 0, 10_000, default=0)
    values["asset"] = read.text(data, "asset")
    if kind == "photo" and not values["asset"]:
        raise read.fail("asset", "missing")
    values["label"] = read.text(data, "label")
    block_id = read.text(data, "id")
    if block_id:
        values["id"] = block_id
    return Block(**values)


def _finite(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


class _Reader:
    """Reads fields and remembers where it is, for the sentence of a refusal."""

    def __init__(self) -> None:
        self.page = 0
        self.block = 0

    def fail(self, key: str, problem: str) -> PlanError:
        return PlanError("plan_invalid", key=key, problem=problem, page=self.page or "-",
                         block=self.block or "-")

    def text(self, data: dict[str, Any], key: str, *, required: bool = False) -> str:
        value = data.get(key, "")
        if value is None:
            value = ""
        if not isinstance(value, str) or len(value) > MAX_NAME:
            raise self.fail(key, "bad_text")
        value = nfc(value).strip()
        if required and not value:
            raise self.fail(key, "missing")
        return value

    def integer(self, data: dict[str, Any], key: str, low: int, high: int,
                default: int | None = None) -> int:
        value = data.get(key, default)
        if not (isinstance(value, int) and not isinstance(value, bool) and low <= value <= high):
            raise self.fail(key, "bad_number")
        return value
