"""Parsed TrueType faces kept between runs, so a short export does not parse them again.

reportlab reads a face's ``cmap``, ``hmtx`` and ``loca`` tables in Python:
about 4 ms a face, and a one-page article draws three faces and checks
glyphs in more. What the parse produces (the character → glyph map, the
widths, the table directory and the metrics) is plain data; it is written
here, with :mod:`marshal` (data only: loading it runs no code), to the
user's cache folder and read back in about 1 ms. The font file's own bytes
are still read from the font file, which subsetting needs.

An entry is used only when it was made from the same file (its resolved
path, size and modification time) by the same reportlab and Python;
anything else, a damaged entry or an unwritable folder included, is
ignored silently and the face is parsed as before. Entries are written
whole or not at all (a temporary file renamed over the old one).
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from pathlib import Path

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

_FORMAT = 1
# Attributes that are not data: the file's bytes (read from the font file)
# and the unit scale, a function of ``unitsPerEm`` made again on loading.
_NOT_STORED = frozenset({"_ttf_data", "_pdfScale"})


def cache_folder() -> Path:
    """Deskapp's folder for cached faces (``DESKAPP_CACHE``, else the platform's cache folder).

    On Linux and the BSDs this is the XDG rule (``$XDG_CACHE_HOME`` when set
    to an absolute path, else ``~/.cache``), worked out here because
    importing platformdirs would cost the command more than the cache saves;
    Windows and macOS ask platformdirs.
    """
    override = os.environ.get("DESKAPP_CACHE", "").strip()
    if override:
        return Path(override).expanduser() / "faces"
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        base = os.environ.get("XDG_CACHE_HOME", "").strip()
        if not os.path.isabs(base):
            base = os.path.expanduser("~/.cache")
        return Path(base) / "Deskapp" / "faces"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("Deskapp", appauthor=False)) / "faces"


def read_font(name: str, path: Path) -> TTFont:
    """The face in ``path`` registered as ``name``, from the cache when it is current.

    Raises what reportlab raises for a missing or damaged font file.
    """
    try:
        stat = os.stat(path)
    except OSError:
        return TTFont(name, str(path))  # reportlab names the missing file
    key = _key(path, stat)
    entry = _entry_path(key)
    font = _load(name, path, key, entry, stat.st_size)
    if font is None:
        font = TTFont(name, str(path))
        _store(font, key, entry)
    return font


def _key(path: Path, stat: os.stat_result) -> tuple[object, ...]:
    return (_FORMAT, str(path.resolve()), stat.st_size, stat.st_mtime_ns,
            reportlab.Version, sys.version)


def _entry_path(key: tuple[object, ...]) -> Path:
    stem = Path(str(key[1])).stem
    return cache_folder() / f"{stem}-{zlib.crc32(str(key[1]).encode()):08x}.face"


def _load(name: str, path: Path, key: tuple[object, ...], entry: Path,
          size: int) -> TTFont | None:
    """The cached face, or None when there is no current, readable entry."""
    try:
        stored_key, names, data = marshal.loads(entry.read_bytes())
        if tuple(stored_key) != key:
            return None
        with open(path, "rb") as file:
            ttf_data = file.read()
        if len(ttf_data) != size:
            return None
        face = TTFontFace.__new__(TTFontFace)
        state = face.__dict__
        state.update(data)  # in the parser's order, the unstored ones as None
        for attribute in names:
            raw, text = data[attribute]
            value = bytes.__new__(TTFNameBytes, raw)
            value.ustr = text
            state[attribute] = value
        state["_ttf_data"] = ttf_data
        state["_pdfScale"] = _scale(face.unitsPerEm)
    except Exception:
        return None  # missing, stale or damaged: parse the font instead
    return _font(name, face)


def _scale(units_per_em: int):  # type: ignore[no-untyped-def]
    """The unit scale reportlab's parser makes for a face (the same arithmetic)."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _font(name: str, face: TTFontFace) -> TTFont:
    """A TTFont around an already parsed face, set up as ``TTFont.__init__`` sets it up."""
    from fnmatch import fnmatch
    from weakref import WeakKeyDictionary

    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)
    return font


def _store(font: TTFont, key: tuple[object, ...], entry: Path) -> None:
    """Write the parsed face for the next run; any failure just leaves no entry."""
    names: list[str] = []
    data: dict[str, object] = {}
    for attribute, value in font.face.__dict__.items():
        if attribute in _NOT_STORED:
            data[attribute] = None
        elif type(value) is TTFNameBytes:
            names.append(attribute)
            data[attribute] = (bytes(value), value.ustr)
        else:
            data[attribute] = value
    temporary = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
    try:
        blob = marshal.dumps((key, names, data))
        entry.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(blob)
        os.replace(temporary, entry)
    except (OSError, ValueError):
        # ValueError: something marshal cannot write (a reportlab that keeps
        # other kinds of values); the face is simply parsed every time.
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass
