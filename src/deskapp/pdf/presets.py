"""Print presets: page size, margins, columns, type and page furniture, as data.

A preset is a JSON file in ``resources/presets`` (shipped) or in a folder the
caller names (a newsroom's own); the file name without ``.json`` is its
name. Keeping the look in data means a newsroom can add a format — its
paper size, its masthead text, its column count — without a new release.

Everything is checked when the file is read, not when the PDF is laid out:
a margin wider than the page or an unknown font family is reported with the
preset's name and the offending key (:class:`PresetError`), before any file
is touched. A preset may start from another one with ``"extends": "name"``
and change only what differs.
"""

from __future__ import annotations

import json
import os
import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A3, A4, A5, B5, LEGAL, LETTER, TABLOID, landscape
from reportlab.lib.units import mm

from deskapp.errors import ExportError
from deskapp.pdf.fonts import SANS, SERIF
from deskapp.resources import resource_path

DEFAULT_PRESET = "a4-article"
MAX_COLUMNS = 6
# Below this a column is too narrow for justified Vietnamese: see ``Preset.body_align``.
NARROW_COLUMN = 60 * mm
# The narrowest column worth laying out at all.
MIN_COLUMN = 25 * mm
MAX_BLEED_MM = 20.0

PAGE_SIZES: dict[str, tuple[float, float]] = {
    "a3": A3,
    "a4": A4,
    "a5": A5,
    "b5": B5,
    "letter": LETTER,
    "legal": LEGAL,
    "tabloid": TABLOID,
}
FAMILIES = {"serif": SERIF, "sans": SANS}
ALIGNMENTS = ("justify", "left", "auto")
CREDIT_POSITIONS = ("end", "top")
CREDIT_ALIGNMENTS = ("left", "right", "center")
# "approval" is who approved the article and when; empty when it is not approved.
PLACEHOLDERS = frozenset({"publication", "section", "title", "page", "pages", "approval"})

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class PresetError(ExportError):
    """A preset is missing or cannot be used; ``data`` names it and says why."""

    code = "preset_invalid"


@dataclass(frozen=True)
class TextStyle:
    """One role's type: a registered family (see :mod:`deskapp.pdf.fonts`), sizes in points."""

    family: str
    size: float
    leading: float
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class RunningText:
    """A header or footer line; texts are templates with ``{page}``, ``{section}``, …

    ``baseline`` is measured from the trimmed page's top edge (header) or
    bottom edge (footer), in points.
    """

    left: str
    center: str
    right: str
    family: str
    size: float
    baseline: float
    rule: bool = False
    uppercase: bool = False


@dataclass(frozen=True)
class Credit:
    """Where the byline or the source goes: after the body ("end") or under the headline."""

    position: str
    align: str


@dataclass(frozen=True)
class Margins:
    top: float
    bottom: float
    left: float
    right: float


@dataclass(frozen=True)
class Preset:
    """A print layout, all lengths in points (the JSON file speaks millimetres)."""

    name: str
    title: str
    page_size: tuple[float, float]
    margins: Margins
    columns: int
    gutter: float
    body: TextStyle
    headline: TextStyle
    lead: TextStyle
    section: TextStyle
    headings_family: str
    headings_scale: float
    align: str
    # >0: paragraphs start with this indent and no space between them, which
    # keeps lines on one baseline grid across columns (the newspaper way).
    paragraph_indent: float
    publication: str
    header: RunningText | None
    footer: RunningText | None
    byline: Credit
    source: Credit
    path: Path | None = None

    @property
    def content_width(self) -> float:
        return self.page_size[0] - self.margins.left - self.margins.right

    @property
    def content_height(self) -> float:
        return self.page_size[1] - self.margins.top - self.margins.bottom

    @property
    def column_width(self) -> float:
        return (self.content_width - self.gutter * (self.columns - 1)) / self.columns

    @property
    def body_align(self) -> str:
        """Either "justify" or "left": how body paragraphs are set.

        "auto" justifies columns of 60 mm and more and sets narrower ones
        ragged right. Vietnamese is written in one-syllable words that are
        never hyphenated, so a narrow justified column can only stretch its
        few spaces, which opens rivers; ragged right keeps even word spacing.
        """
        if self.align != "auto":
            return self.align
        return "justify" if self.column_width >= NARROW_COLUMN else "left"


def preset_dirs(extra_dirs: Iterable[str | Path] = ()) -> list[Path]:
    """Where presets are looked up, first match first: the caller's folders, then ours."""
    return [Path(folder) for folder in extra_dirs] + [resource_path("presets")]


def list_presets(extra_dirs: Iterable[str | Path] = (),
                 lang: str | None = None) -> list[tuple[str, str]]:
    """(name, title) of every preset found, sorted by name.

    The title is the one for ``lang`` when the file has it (``"title_en"``),
    else its ``"title"`` (Vietnamese). A file that cannot be read is still
    listed (under its name), so a newsroom sees its preset and gets the
    reason when it picks it.
    """
    found: dict[str, str] = {}
    for folder in preset_dirs(extra_dirs):
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
            if path.stem in found or not _NAME.match(path.stem):
                continue
            try:
                data = _read(path)
                title = (data.get(f"title_{lang}") if lang and lang != "vi" else None) \
                    or data.get("title")
            except PresetError:
                title = None
            found[path.stem] = title if isinstance(title, str) and title.strip() else path.stem
    return sorted(found.items())


def load_preset(
    name_or_path: str | os.PathLike[str], extra_dirs: Iterable[str | Path] = ()
) -> Preset:
    """The preset called ``name_or_path`` (or stored in that ``.json`` file), checked.

    Raises :class:`PresetError` with code ``preset_not_found`` when there is
    no such preset, and ``preset_invalid`` when its file is not valid JSON or
    its numbers cannot make a page.
    """
    dirs = preset_dirs(extra_dirs)
    path = _locate(name_or_path, dirs)
    key = (str(path), tuple(str(folder) for folder in dirs))
    cached = _LOADED.get(key)
    if cached is not None and all(_signature(file) == sig for file, sig in cached[1]):
        return cached[0]
    read: list[tuple[Path, object]] = []
    data = _resolve(path, dirs, seen=(), read=read)
    preset = _build(path.stem, data, path)
    if len(_LOADED) > 64:
        _LOADED.clear()
    _LOADED[key] = (preset, tuple(read))
    return preset


def resolve_preset(
    preset: Preset | str | os.PathLike[str] | None, extra_dirs: Iterable[str | Path] = ()
) -> Preset:
    """``preset`` itself, or the preset it names (the default one for None).

    Names go through :func:`load_preset` and so through its cache, which
    every reader shares: the export, the print preview, copyfit and the
    preview's look all see an edited preset (or one it extends) at once.
    """
    if isinstance(preset, Preset):
        return preset
    if preset is None or isinstance(preset, str | os.PathLike):
        return load_preset(preset or DEFAULT_PRESET, extra_dirs)
    raise TypeError(f"preset must be a Preset or a name, not {type(preset).__name__}")


# The one cache of checked presets, by file and folders, with the size and
# time of every file they were read from (the preset's own and each one it
# extends) and of every place where a preset it extends was looked for in
# vain (so a newsroom's copy put in front of a shipped parent counts too).
# The print preview exports on every pause in typing and the preview asks
# for its look on every render; an edit to any of those files shows in the
# next export, preview and copyfit count alike, with no restart.
_LOADED: dict[tuple[str, tuple[str, ...]], tuple[Preset, tuple[tuple[Path, object], ...]]] = {}


def _signature(path: Path) -> object:
    try:
        stat = path.stat()
    except OSError:
        return None
    # The inode too: an editor that saves by renaming a new file in place
    # changes it even within one tick of the file system's clock.
    return stat.st_mtime_ns, stat.st_size, stat.st_ino


def _locate(
    name_or_path: str | os.PathLike[str],
    dirs: list[Path],
    misses: list[tuple[Path, object]] | None = None,
) -> Path:
    """The file of a preset; the places looked at in vain before it go to ``misses``."""
    candidate = Path(name_or_path)
    if isinstance(name_or_path, Path) or candidate.suffix == ".json" or len(candidate.parts) > 1:
        if candidate.is_file():
            return candidate
    elif _NAME.match(str(name_or_path)):
        for folder in dirs:
            path = folder / f"{name_or_path}.json"
            if path.is_file():
                return path
            if misses is not None:
                misses.append((path, None))
    available = ", ".join(name for name, _title in list_presets(dirs[:-1]))
    raise PresetError(code="preset_not_found", name=str(name_or_path), available=available)


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


def _resolve(
    path: Path,
    dirs: list[Path],
    seen: tuple[str, ...],
    read: list[tuple[Path, object]] | None = None,
) -> dict[str, Any]:
    """The preset's data with whatever it ``extends`` filled in underneath.

    Every file read is added to ``read`` with its signature taken before
    the read (an edit landing during it shows next time), and so is every
    place where a parent was looked for and not found.
    """
    if read is not None:
        read.append((path, _signature(path)))
    data = _read(path)
    parent = data.pop("extends", None)
    if parent is None:
        return data
    if not isinstance(parent, str) or parent in (*seen, path.stem):
        raise PresetError(name=path.stem, reason=f"extends: cannot extend {parent!r}")
    base_path = _locate(parent, [path.parent, *dirs], read)
    base = _resolve(base_path, dirs, (*seen, path.stem), read)
    for key in [key for key in base if key == "title" or key.startswith("title_")]:
        base.pop(key)
    return _merge(base, data)


def _merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(dict(merged[key]), value)
        else:
            merged[key] = value
    return merged


class _Reader:
    """Reads typed values out of a preset's JSON, naming the key in every complaint."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, key: str, problem: str) -> PresetError:
        return PresetError(name=self.name, reason=f"{key}: {problem}")

    def section(self, data: Mapping[str, Any], key: str, *, optional: bool = False) -> Any:
        value = data.get(key.rsplit(".", 1)[-1])
        if value is None and optional:
            return None
        if not isinstance(value, Mapping):
            raise self.fail(key, "expected an object { … }")
        return value

    def number(
        self,
        data: Mapping[str, Any],
        key: str,
        *,
        low: float = 0.0,
        high: float = 10_000.0,
        default: float | None = None,
        inclusive: bool = False,
    ) -> float:
        value = data.get(key.rsplit(".", 1)[-1], default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(key, f"expected a number, found {value!r}")
        if value < low or (value == low and not inclusive) or value > high:
            bound = f"at least {low:g}" if inclusive else f"more than {low:g}"
            raise self.fail(key, f"{value:g} is out of range ({bound}, at most {high:g})")
        return float(value)

    def choice(
        self, data: Mapping[str, Any], key: str, choices: Iterable[str], default: str
    ) -> str:
        value = data.get(key.rsplit(".", 1)[-1], default)
        options = tuple(choices)
        if value not in options:
            raise self.fail(key, f"{value!r} is not one of {', '.join(options)}")
        return str(value)

    def text(self, data: Mapping[str, Any], key: str, default: str = "") -> str:
        value = data.get(key.rsplit(".", 1)[-1], default)
        if not isinstance(value, str):
            raise self.fail(key, f"expected text, found {value!r}")
        return value

    def flag(self, data: Mapping[str, Any], key: str, default: bool = False) -> bool:
        value = data.get(key.rsplit(".", 1)[-1], default)
        if not isinstance(value, bool):
            raise self.fail(key, f"expected true or false, found {value!r}")
        return value

    def family(self, data: Mapping[str, Any], key: str, default: str) -> str:
        return FAMILIES[self.choice(data, key, FAMILIES, default)]


def _build(name: str, data: Mapping[str, Any], path: Path | None) -> Preset:
    read = _Reader(name)
    title = read.text(data, "title").strip()
    if not title:
        raise read.fail("title", "a preset needs a title")
    page_size = _page_size(read, read.section(data, "page"))
    margins = _margins(read, read.section(data, "margins_mm"), page_size)
    columns_data = read.section(data, "columns", optional=True) or {}
    columns = int(
        read.number(
            columns_data, "columns.count", low=1, high=MAX_COLUMNS, default=1, inclusive=True
        )
    )
    if columns_data.get("count", 1) != columns:
        raise read.fail("columns.count", "expected a whole number")
    gutter = read.number(columns_data, "columns.gutter_mm", high=50, default=0, inclusive=True)
    styles = read.section(data, "styles")
    headings = read.section(styles, "styles.headings", optional=True) or {}
    preset = Preset(
        name=name,
        title=title,
        page_size=page_size,
        margins=margins,
        columns=columns,
        gutter=gutter * mm,
        body=_text_style(read, styles, "body", "serif"),
        headline=_text_style(read, styles, "headline", "sans", bold=True),
        lead=_text_style(read, styles, "lead", "serif", bold=True),
        section=_text_style(read, styles, "section", "sans", bold=True),
        headings_family=read.family(headings, "styles.headings.family", "sans"),
        headings_scale=read.number(headings, "styles.headings.scale", high=4, default=1.0),
        align=read.choice(
            read.section(styles, "styles.body"), "styles.body.align", ALIGNMENTS, "auto"
        ),
        paragraph_indent=read.number(
            read.section(styles, "styles.body"),
            "styles.body.indent_mm",
            high=30,
            default=0,
            inclusive=True,
        )
        * mm,
        publication=read.text(data, "publication").strip(),
        header=_running(read, data, "header", page_size[1], margins.top),
        footer=_running(read, data, "footer", page_size[1], margins.bottom),
        byline=_credit(read, data, "byline"),
        source=_credit(read, data, "source"),
        path=path,
    )
    if preset.column_width < MIN_COLUMN:
        raise read.fail(
            "columns",
            f"{columns} columns leave {preset.column_width / mm:.0f} mm each "
            f"(at least {MIN_COLUMN / mm:.0f} mm)",
        )
    return preset


def _page_size(read: _Reader, page: Mapping[str, Any]) -> tuple[float, float]:
    """A named size ("A4", "Letter") or ``width_mm``/``height_mm``, optionally landscape."""
    if "size" in page:
        named = read.text(page, "page.size").lower()
        if named not in PAGE_SIZES:
            raise read.fail("page.size", f"unknown size {named!r} ({', '.join(PAGE_SIZES)})")
        size = PAGE_SIZES[named]
    else:
        size = (
            read.number(page, "page.width_mm", high=2000) * mm,
            read.number(page, "page.height_mm", high=2000) * mm,
        )
    orientation = read.choice(page, "page.orientation", ("portrait", "landscape"), "portrait")
    return landscape(size) if orientation == "landscape" else (size[0], size[1])


def _margins(read: _Reader, data: Mapping[str, Any], page: tuple[float, float]) -> Margins:
    values = {
        side: read.number(data, f"margins_mm.{side}", high=1000, inclusive=True) * mm
        for side in ("top", "bottom", "left", "right")
    }
    margins = Margins(**values)
    width, height = page
    if margins.left + margins.right >= width - MIN_COLUMN:
        raise read.fail(
            "margins_mm",
            f"left + right = {(margins.left + margins.right) / mm:g} mm leave no room "
            f"on a page {width / mm:.0f} mm wide",
        )
    if margins.top + margins.bottom >= height - 50 * mm:
        raise read.fail(
            "margins_mm",
            f"top + bottom = {(margins.top + margins.bottom) / mm:g} mm leave no room "
            f"on a page {height / mm:.0f} mm high",
        )
    return margins


def _text_style(
    read: _Reader, styles: Mapping[str, Any], role: str, family: str, bold: bool = False
) -> TextStyle:
    key = f"styles.{role}"
    data = read.section(styles, key)
    size = read.number(data, f"{key}.size", low=3, high=200)
    leading = read.number(data, f"{key}.leading", high=400)
    if leading < size:
        raise read.fail(f"{key}.leading", f"{leading:g} is smaller than the size {size:g}")
    return TextStyle(
        family=read.family(data, f"{key}.family", family),
        size=size,
        leading=leading,
        bold=read.flag(data, f"{key}.bold", bold),
        italic=read.flag(data, f"{key}.italic", False),
    )


def _running(
    read: _Reader, data: Mapping[str, Any], key: str, page_height: float, margin: float
) -> RunningText | None:
    """A header or footer; it must sit in its margin, clear of the text area."""
    section = read.section(data, key, optional=True)
    if section is None:
        return None
    texts = {part: read.text(section, f"{key}.{part}") for part in ("left", "center", "right")}
    for part, template in texts.items():
        unknown = _fields(template) - PLACEHOLDERS
        if unknown:
            raise read.fail(
                f"{key}.{part}",
                f"unknown placeholder {{{sorted(unknown)[0]}}} "
                f"(use {', '.join('{' + name + '}' for name in sorted(PLACEHOLDERS))})",
            )
    size = read.number(section, f"{key}.size", low=3, high=48, default=8.5)
    baseline = read.number(section, f"{key}.baseline_mm", high=200) * mm
    if key == "header" and not size < baseline < margin - size * 0.5:
        raise read.fail(f"{key}.baseline_mm", "the header must sit inside the top margin")
    if key == "footer" and not baseline < margin - size:
        raise read.fail(f"{key}.baseline_mm", "the footer must sit inside the bottom margin")
    return RunningText(
        **texts,
        family=read.family(section, f"{key}.family", "sans"),
        size=size,
        baseline=baseline,
        rule=read.flag(section, f"{key}.rule"),
        uppercase=read.flag(section, f"{key}.uppercase"),
    )


def _fields(template: str) -> set[str]:
    try:
        return {field for _text, field, _spec, _conv in string.Formatter().parse(template) if field}
    except ValueError:
        return {template}


def _credit(read: _Reader, data: Mapping[str, Any], key: str) -> Credit:
    section = read.section(data, key, optional=True) or {}
    return Credit(
        position=read.choice(section, f"{key}.position", CREDIT_POSITIONS, "end"),
        align=read.choice(section, f"{key}.align", CREDIT_ALIGNMENTS, "right"),
    )
