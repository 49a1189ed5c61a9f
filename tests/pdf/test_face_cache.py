"""Parsed faces cached between runs: the same PDF, and never a stale or damaged entry."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFError, TTFont, TTFontFace

from deskapp.pdf import face_cache
from deskapp.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]

# ``deskapp export`` with reportlab's fixed dates and document ID, printing how
# many faces reportlab's parser read in this run.
_EXPORT = """
import atexit, sys
from reportlab import rl_config
from reportlab.pdfbase import ttfonts
rl_config.invariant = 1
parses = []
parse = ttfonts.TTFontFace.__init__
def counted(self, *args, **kwargs):
    parses.append(args[0])
    parse(self, *args, **kwargs)
ttfonts.TTFontFace.__init__ = counted
atexit.register(lambda: print("parsed", len(parses)))
from deskapp.cli import main
sys.exit(main())
"""


def _export(source: Path, out: Path, cache: Path) -> int:
    env = dict(os.environ, DESKAPP_CACHE=str(cache),
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "src"),
                                                        os.environ.get("PYTHONPATH")])))
    done = subprocess.run([sys.executable, "-c", _EXPORT, "export", str(source), "-o", str(out)],
                          check=True, capture_output=True, text=True, env=env)
    return int(done.stdout.split("parsed")[-1])


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESKAPP_CACHE", str(tmp_path / "own-cache"))


@pytest.fixture
def article(tmp_path: Path) -> Path:
    source = tmp_path / "article.md"
    source.write_text("# Ủy ban họp thường kỳ\n\nNgười dân được *biết*, được **bàn** và "
                      "được kiểm tra.\n\n## Kết quả\n\nHội nghị thống nhất quy chế.\n",
                      encoding="utf-8")
    return source


def test_a_cached_face_gives_the_same_pdf_byte_for_byte(tmp_path: Path, article: Path):
    cache = tmp_path / "cache"
    cold = _export(article, tmp_path / "cold.pdf", cache)
    entries = sorted(path.name for path in (cache / "faces").iterdir())
    warm = _export(article, tmp_path / "warm.pdf", cache)
    assert cold >= 3 and len(entries) == cold
    assert warm == 0  # every face came from the cache
    assert (tmp_path / "warm.pdf").read_bytes() == (tmp_path / "cold.pdf").read_bytes()
    # A cache that cannot be written changes nothing either.
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert _export(article, tmp_path / "uncached.pdf", blocked) == cold
    assert (tmp_path / "uncached.pdf").read_bytes() == (tmp_path / "cold.pdf").read_bytes()


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parses: list[str] = []
    parse = TTFontFace.__init__

    def counted(self, filename, *args, **kwargs):  # type: ignore[no-untyped-def]
        parses.append(filename)
        parse(self, filename, *args, **kwargs)

    monkeypatch.setattr(TTFontFace, "__init__", counted)
    return parses


def _state(font: TTFont) -> list[tuple[str, object]]:
    return [(key, value) for key, value in font.face.__dict__.items() if key != "_pdfScale"]


def test_a_cached_face_holds_what_the_parser_read(monkeypatch: pytest.MonkeyPatch):
    path = resource_path("fonts", "NotoSerif-BoldItalic.ttf")
    parsed = TTFont("Face", str(path))
    parses = _parses(monkeypatch)
    face_cache.read_font("Face", path)
    cached = face_cache.read_font("Face", path)
    assert len(parses) == 1
    assert _state(cached) == _state(parsed)  # same values, same order
    assert [type(value) for _, value in _state(cached)] == [
        type(value) for _, value in _state(parsed)]
    assert cached.face.familyName.ustr == parsed.face.familyName.ustr
    assert cached.face._pdfScale(733) == parsed.face._pdfScale(733)
    assert vars(cached).keys() == vars(parsed).keys()
    assert cached.stringWidth("Quyết định", 10.5) == parsed.stringWidth("Quyết định", 10.5)


def test_a_changed_font_file_is_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "Face.ttf"
    shutil.copyfile(resource_path("fonts", "NotoSans-Regular.ttf"), path)
    parses = _parses(monkeypatch)
    assert face_cache.read_font("Face", path).face.styleName.ustr == "Regular"
    # Another face in the same file: the entry was made from other bytes.
    shutil.copyfile(resource_path("fonts", "NotoSans-Bold.ttf"), path)
    assert face_cache.read_font("Face", path).face.styleName.ustr == "Bold"
    assert face_cache.read_font("Face", path).face.styleName.ustr == "Bold"
    assert len(parses) == 2
    # The same bytes touched later count as a change too.
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    face_cache.read_font("Face", path)
    assert len(parses) == 3


def test_a_damaged_entry_is_ignored_and_replaced(monkeypatch: pytest.MonkeyPatch):
    path = resource_path("fonts", "NotoSans-Italic.ttf")
    parses = _parses(monkeypatch)
    face_cache.read_font("Face", path)
    (entry,) = (face_cache.cache_folder()).iterdir()
    for damage in (b"", b"\x00garbage", entry.read_bytes()[:1000]):
        entry.write_bytes(damage)
        assert face_cache.read_font("Face", path).face.styleName.ustr == "Italic"
    assert len(parses) == 4
    face_cache.read_font("Face", path)
    assert len(parses) == 4  # the last parse wrote a good entry again
    assert [p.name for p in entry.parent.iterdir()] == [entry.name]  # no temporary left


def test_a_missing_font_file_still_fails_as_reportlab_fails(tmp_path: Path):
    with pytest.raises(TTFError):
        face_cache.read_font("Face", tmp_path / "missing.ttf")


def test_the_cache_folder_follows_the_platform_rule(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path):
    monkeypatch.delenv("DESKAPP_CACHE")
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert face_cache.cache_folder() == tmp_path / "xdg" / "Deskapp" / "faces"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")
    assert face_cache.cache_folder() == Path.home() / ".cache" / "Deskapp" / "faces"
