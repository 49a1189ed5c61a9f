"""Presets are checked once and read again only when their files change."""

import json
import os
from pathlib import Path

from deskapp.pdf.presets import load_preset
from deskapp.resources import resource_path


def write(folder: Path, name: str, **changes: object) -> Path:
    data = json.loads(resource_path("presets", "a4-article.json").read_text(encoding="utf-8"))
    data.update(changes)
    path = folder / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def touch_later(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def test_an_unchanged_preset_is_not_read_again(tmp_path: Path):
    write(tmp_path, "bao", title="Báo")
    assert load_preset("bao", extra_dirs=[tmp_path]) is load_preset("bao", extra_dirs=[tmp_path])


def test_an_edited_preset_shows_at_the_next_load(tmp_path: Path):
    path = write(tmp_path, "bao", title="Báo")
    assert load_preset("bao", extra_dirs=[tmp_path]).title == "Báo"
    write(tmp_path, "bao", title="Báo mới")
    touch_later(path)
    assert load_preset("bao", extra_dirs=[tmp_path]).title == "Báo mới"


def test_an_edited_parent_shows_in_the_preset_that_extends_it(tmp_path: Path):
    parent = write(tmp_path, "goc", title="Gốc", columns={"count": 1, "gutter_mm": 0})
    (tmp_path / "con.json").write_text('{"extends": "goc", "title": "Con"}', encoding="utf-8")
    assert load_preset("con", extra_dirs=[tmp_path]).columns == 1
    write(tmp_path, "goc", title="Gốc", columns={"count": 2, "gutter_mm": 5})
    touch_later(parent)
    assert load_preset("con", extra_dirs=[tmp_path]).columns == 2
