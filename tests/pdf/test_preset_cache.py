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


def _body_sizes(pdf: bytes, word: str) -> set[float]:
    """The font sizes the PDF draws ``word`` at."""
    from io import BytesIO

    from pypdf import PdfReader

    sizes: set[float] = set()

    def visit(text: str, _cm: object, _tm: object, _font: object, size: float) -> None:
        if word in text:
            sizes.add(round(size, 1))

    for page in PdfReader(BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_preview_copyfit_and_export_follow_an_edit_to_an_extended_preset(tmp_path: Path):
    """One cache: after the base preset's body grows from 11 to 14 pt, all three see 14 pt.

    The preset in use only extends the edited one, so its own file does not
    change; nothing is restarted or cleared in between.
    """
    from deskapp.desk.copyfit import lines_in_layout
    from deskapp.model import Article
    from deskapp.pdf.export import render_pdf
    from deskapp.pdf.options import PrintSettings
    from deskapp.pdf.screen import preset_look

    folder = tmp_path / "presets"
    folder.mkdir()
    base_styles = json.loads(
        resource_path("presets", "a4-article.json").read_text(encoding="utf-8"))["styles"]

    def write_base(size: float, leading: float) -> Path:
        styles = {**base_styles, "body": {**base_styles["body"], "size": size,
                                          "leading": leading}}
        return write(folder, "goc", title="Gốc", styles=styles)

    write_base(11, 16)
    (folder / "con.json").write_text('{"extends": "goc", "title": "Con"}', encoding="utf-8")
    dirs = (str(folder),)
    article = Article(title="Tít", body="\n\n".join(["Người dân bàn bạc quy chế mới. " * 12] * 4))

    def now() -> tuple[float, int, set[float]]:
        look = preset_look("con", dirs, 96 / 72, 2000).look
        lines = lines_in_layout(article, "con", extra_dirs=[folder])
        pdf = render_pdf(article, PrintSettings(preset=load_preset("con", extra_dirs=[folder])))
        return look.body_size, lines, _body_sizes(pdf, "quy chế")

    size, lines_11, printed = now()
    assert size == 11 and printed == {11.0}
    base = write_base(14, 20)
    touch_later(base)  # an edit made a moment later
    size, lines_14, printed = now()
    assert size == 14
    assert printed == {14.0}
    assert lines_14 > lines_11
    assert lines_14 == lines_in_layout(article, load_preset("con", extra_dirs=[folder]))


def test_a_newsroom_copy_of_the_parent_shows_in_the_preset_that_extends_it(tmp_path: Path):
    """A parent found among the shipped presets gives way to one put in the newsroom's folder."""
    (tmp_path / "con.json").write_text('{"extends": "a4-article", "title": "Con"}',
                                       encoding="utf-8")
    assert load_preset("con", extra_dirs=[tmp_path]).columns == 1
    write(tmp_path, "a4-article", title="Báo", columns={"count": 2, "gutter_mm": 5})
    assert load_preset("con", extra_dirs=[tmp_path]).columns == 2
