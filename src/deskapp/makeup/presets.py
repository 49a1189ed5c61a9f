"""Page presets: the sheet, its column grid, gutters and margins, and the page's words.

A page preset is a JSON file in ``resources/pages`` (a newsroom may add its
own folder in front). Its grid has ``columns`` columns separated by
gutters, and as many lines as the body leading fits in the text area: a
block's top and height are counted in those lines, so body text in every
block of a page stands on one baseline grid.

The type comes from an article print preset (``"type"``, see
:mod:`deskapp.pdf.presets`): the body's faces, headings, photo captions and
credits are the article export's, with the page's own body size and leading
and lead size. The headline's size is fitted to each headline block between
``headline.min`` and ``headline.max``.

The words a page prints (the jump lines, the label of a reserved block, the
draft mark) are given per language; ``"language"`` picks the set, so an
English edition is a preset that says ``"language": "en"``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm

from deskapp.makeup.plan import Block, PlanError
from deskapp.pdf.presets import Margins, Preset, PresetError, TextStyle, resolve_preset
from deskapp.resources import resource_path
from deskapp.text import nfc

LANGUAGES = ("vi", "en")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass(frozen=True)
class Folio:
    """The line above the grid on every page: publication, date, page number."""

    left: str
    center: str
    right: str
    size: float
    baseline: float  # from the page's top edge, points


@dataclass(frozen=True)
class PagePreset:
    """A page's geometry and words; lengths in points."""

    name: str
    title: str
    language: str
    page_size: tuple[float, float]
    margins: Margins
    columns: int
    gutter: float
    text: Preset  # the article preset the type comes from, set to this page's body
    headline_min: float
    headline_max: float
    headline_leading: float  # a multiple of the size
    publication: str
    folio: Folio | None
    words: dict[str, str]  # jump_to, jump_from, reserved, draft in the preset's language

    @property
    def leading(self) -> float:
        return self.text.body.leading

    @property
    def content_width(self) -> float:
        return self.page_size[0] - self.margins.left - self.margins.right

    @property
    def content_height(self) -> float:
        return self.page_size[1] - self.margins.top - self.margins.bottom

    @property
    def column_width(self) -> float:
        return (self.content_width - (self.columns - 1) * self.gutter) / self.columns

    @property
    def lines(self) -> int:
        """How many body lines the grid has from top to bottom."""
        return int(self.content_height // self.leading)

    def rect(self, block: Block) -> tuple[float, float, float, float]:
        """(left, bottom, width, height) of ``block`` on the trimmed page, in points."""
        left_edge = self.margins.left
        top_edge = self.page_size[1] - self.margins.top
        if block.box is not None:
            box = block.box
            return (left_edge + box.x * mm, top_edge - (box.y + box.height) * mm,
                    box.width * mm, box.height * mm)
        step = self.column_width + self.gutter
        width = block.columns * self.column_width + (block.columns - 1) * self.gutter
        height = block.lines * self.leading
        return left_edge + block.column * step, top_edge - block.line * self.leading - height, \
            width, height

    def text_columns(self, block: Block) -> int:
        """How many text columns a body block sets: its grid columns (a box: as many fit)."""
        if block.box is None:
            return block.columns
        return max(1, round((block.box.width * mm + self.gutter) / (self.column_width
                                                                     + self.gutter)))

    def check_block(self, block: Block, page: int, index: int) -> None:
        """Refuse a block that reaches outside the text area."""
        x, y, width, height = self.rect(block)
        left, bottom = self.margins.left, self.margins.bottom
        slack = 0.5
        inside = (x >= left - slack and y >= bottom - slack
                  and x + width <= left + self.content_width + slack
                  and y + height <= bottom + self.content_height + slack)
        if block.box is None:
            inside = inside and block.column + block.columns <= self.columns \
                and block.line + block.lines <= self.lines
        if not inside:
            raise PlanError("plan_block_outside", page=page, block=index, preset=self.name,
                            columns=self.columns, lines=self.lines)


def page_preset_dirs(extra_dirs: Iterable[str | Path] = ()) -> list[Path]:
    return [Path(folder) for folder in extra_dirs] + [resource_path("pages")]


def list_page_presets(extra_dirs: Iterable[str | Path] = (),
                      lang: str = "vi") -> list[tuple[str, str]]:
    """(name, title) of every page preset, by name."""
    found: dict[str, str] = {}
    for folder in page_preset_dirs(extra_dirs):
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
            if path.stem in found or not _NAME.match(path.stem):
                continue
            try:
                data = _read(path)
                title = data.get(f"title_{lang}") if lang != "vi" else None
                title = title or data.get("title") or path.stem
            except PresetError:
                title = path.stem
            found[path.stem] = str(title)
    return sorted(found.items())


# Checked presets by name and folders, with the files they were read from and those
# files' signatures: an edited preset (or one it extends) is read again on next use.
_CACHE: dict[tuple[str, tuple[str, ...]], tuple[PagePreset, list[tuple[Path, object]]]] = {}


def load_page_preset(name: str, extra_dirs: Iterable[str | Path] = ()) -> PagePreset:
    """The page preset called ``name``, checked; :class:`PresetError` naming what is wrong."""
    dirs = page_preset_dirs(extra_dirs)
    key = (name, tuple(str(folder) for folder in dirs))
    cached = _CACHE.get(key)
    if cached is not None and all(_signature(path) == sig for path, sig in cached[1]):
        return cached[0]
    read: list[tuple[Path, object]] = []
    data = _resolve(name, dirs, (), read)
    preset = _build(name, data)
    _CACHE[key] = (preset, read)
    return preset


def _signature(path: Path) -> object:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size, stat.st_ino


def _locate(name: str, dirs: list[Path]) -> Path:
    if _NAME.match(name):
        for folder in dirs:
            path = folder / f"{name}.json"
            if path.is_file():
                return path
    available = ", ".join(found for found, _title in list_page_presets(dirs[:-1]))
    raise PresetError(code="preset_not_found", name=name, available=available)


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PresetError(name=path.stem, reason=exc.strerror or str(exc)) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PresetError(name=path.stem, reason=f"not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise PresetError(name=path.stem, reason="the file must hold one JSON object")
    return data


def _resolve(name: str, dirs: list[Path], seen: tuple[str, ...],
             read: list[tuple[Path, object]]) -> dict[str, Any]:
    path = _locate(name, dirs)
    read.append((path, _signature(path)))
    data = _read(path)
    parent = data.pop("extends", None)
    if parent is None:
        return data
    if not isinstance(parent, str) or parent in (*seen, name):
        raise PresetError(name=name, reason=f"extends: cannot extend {parent!r}")
    base = _resolve(parent, dirs, (*seen, name), read)
    return {**base, **data}


def _number(name: str, data: dict[str, Any], key: str, low: float, high: float) -> float:
    value = data.get(key)
    if not (isinstance(value, int | float) and not isinstance(value, bool)
            and math.isfinite(value) and low <= value <= high):
        raise PresetError(name=name, reason=f"{key}: a number from {low:g} to {high:g}")
    return float(value)


def _section(name: str, data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise PresetError(name=name, reason=f"{key}: must be an object")
    return value


def _build(name: str, data: dict[str, Any]) -> PagePreset:
    size = data.get("page_mm")
    if not (isinstance(size, list) and len(size) == 2
            and all(isinstance(v, int | float) and 50 <= v <= 2000 for v in size)):
        raise PresetError(name=name, reason="page_mm: [width, height] in millimetres")
    page = (float(size[0]) * mm, float(size[1]) * mm)
    margins_data = _section(name, data, "margins_mm")
    margins = Margins(*(_number(name, margins_data, side, 0, 200) * mm
                        for side in ("top", "bottom", "left", "right")))
    grid = _section(name, data, "columns")
    columns = int(_number(name, grid, "count", 1, 12))
    gutter = _number(name, grid, "gutter_mm", 0, 30) * mm
    language = data.get("language", "vi")
    if language not in LANGUAGES:
        raise PresetError(name=name, reason="language: vi or en")
    body = _section(name, data, "body")
    lead = _section(name, data, "lead")
    headline = _section(name, data, "headline")
    base = resolve_preset(str(data.get("type") or "newspaper-3col"))
    body_size = _number(name, body, "size", 5, 20)
    body_leading = _number(name, body, "leading", body_size, body_size * 3)
    content_width = page[0] - margins.left - margins.right
    column_width = (content_width - (columns - 1) * gutter) / columns
    if column_width < 20 * mm or page[1] - margins.top - margins.bottom < 10 * body_leading:
        raise PresetError(name=name, reason="the margins and columns leave no room for text")
    text = replace(
        base, name=f"{name}:type", page_size=page, margins=margins, columns=columns,
        gutter=gutter, header=None, footer=None,
        body=replace(base.body, size=body_size, leading=body_leading),
        lead=TextStyle(base.lead.family, _number(name, lead, "size", 6, 30),
                       _number(name, lead, "leading", 6, 60), base.lead.bold, base.lead.italic),
        paragraph_indent=base.paragraph_indent or 3 * mm,
    )
    low = _number(name, headline, "min", 8, 200)
    high = _number(name, headline, "max", low, 200)
    words = {
        "jump_to": _words(name, data, "jump", "to", language),
        "jump_from": _words(name, data, "jump", "from", language),
        "reserved": _words(name, data, "reserved", None, language),
        "draft": _words(name, data, "draft", None, language),
    }
    for key in ("jump_to", "jump_from"):
        if "{page}" not in words[key]:
            raise PresetError(name=name, reason=f"jump: the words must hold {{page}} ({key})")
    folio_data = data.get("folio")
    folio = None
    if isinstance(folio_data, dict):
        folio = Folio(*(nfc(str(folio_data.get(key, ""))) for key in ("left", "center", "right")),
                      _number(name, folio_data, "size", 5, 20),
                      _number(name, folio_data, "baseline_mm", 3, 100) * mm)
    title = data.get(f"title_{language}") if language != "vi" else None
    return PagePreset(
        name=name, title=str(title or data.get("title") or name), language=language,
        page_size=page, margins=margins, columns=columns, gutter=gutter, text=text,
        headline_min=low, headline_max=high,
        headline_leading=_number(name, headline, "leading", 1.0, 2.0),
        publication=nfc(str(data.get("publication", ""))), folio=folio, words=words,
    )


def _words(name: str, data: dict[str, Any], key: str, sub: str | None, language: str) -> str:
    section = data.get(key)
    if sub is not None:
        section = section.get(sub) if isinstance(section, dict) else None
    if not isinstance(section, dict):
        raise PresetError(name=name, reason=f"{key}: words per language are missing")
    value = section.get(language) or section.get("vi")
    if not isinstance(value, str) or not value.strip():
        raise PresetError(name=name, reason=f"{key}: no words for {language}")
    return nfc(value)
