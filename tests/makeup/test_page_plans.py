"""Page plans as data: JSON in and out, checks with sentences, grid geometry, the library."""

from __future__ import annotations

import json

import pytest
from reportlab.lib.units import mm
from sample_edition import PLAN, sample_edition

from deskapp.makeup.plan import (
    Block,
    Box,
    PlanError,
    edition_from_dict,
    edition_from_json,
    edition_to_json,
)
from deskapp.makeup.presets import list_page_presets, load_page_preset
from deskapp.makeup.store import (
    edition_history,
    find_edition,
    get_edition,
    list_editions,
    save_edition,
)
from deskapp.messages import describe
from deskapp.pdf.presets import PresetError
from deskapp.store import Library


def test_a_plan_survives_json_unchanged():
    edition = sample_edition()
    again = edition_from_json(edition_to_json(edition))
    assert again == edition
    assert [len(page.blocks) for page in again.pages] == [11, 8]
    assert [(p.number, b.id) for p, b in again.chain("mau-cau-treo")] == \
        [(1, "p1-body"), (2, "p2-body")]


@pytest.mark.parametrize(("change", "key"), [
    (lambda d: d["pages"][0]["blocks"][0].update(kind="cartoon"), "kind"),
    (lambda d: d["pages"][0]["blocks"][0].update(grid=[0, 0, 0, 3]), "grid"),
    (lambda d: d["pages"][0]["blocks"][0].update(grid=[0, 2, "1", 3]), "grid"),
    (lambda d: d["pages"][0]["blocks"][1].pop("asset"), "asset"),
    (lambda d: d["pages"][0]["blocks"][3].pop("article"), "article"),
    (lambda d: d["pages"][1].update(number=1), "pages"),
    (lambda d: d.update(date="5/12/2026"), "date"),
    (lambda d: d["pages"][0]["blocks"][0].update(mm=[0, 0, -5, 10]), "mm"),
])
def test_a_bad_plan_is_refused_with_a_sentence_naming_the_place(change, key):
    data = json.loads(json.dumps(PLAN))
    change(data)
    with pytest.raises(PlanError) as caught:
        edition_from_dict(data)
    assert caught.value.data["key"] == key
    sentence = describe(caught.value, "vi")
    assert key in sentence and "Không có gì bị thay đổi" in sentence
    assert "Error" not in describe(caught.value, "en")


def test_text_that_is_not_json_gets_a_sentence():
    with pytest.raises(PlanError) as caught:
        edition_from_json("{ not json")
    assert describe(caught.value, "en").startswith("The page plan file is not readable JSON")


def test_plan_text_is_nfc():
    data = json.loads(json.dumps(PLAN))
    data["name"] = "Báo Tỉnh Nhà số 245".replace("á", "a\u0301")
    assert edition_from_dict(data).name == "Báo Tỉnh Nhà số 245"


def test_blocks_sit_on_the_grid():
    preset = load_page_preset("tabloid-a3")
    assert preset.columns == 5 and preset.page_size == pytest.approx((297 * mm, 420 * mm))
    step = preset.column_width + preset.gutter
    x, y, width, height = preset.rect(Block("body", "a", column=1, columns=2, line=10, lines=20))
    assert x == pytest.approx(preset.margins.left + step)
    assert width == pytest.approx(2 * preset.column_width + preset.gutter)
    assert height == pytest.approx(20 * preset.leading)
    top = preset.page_size[1] - preset.margins.top
    assert y + height == pytest.approx(top - 10 * preset.leading)
    # five columns and four gutters make the text area
    assert 5 * preset.column_width + 4 * preset.gutter == pytest.approx(preset.content_width)
    boxed = preset.rect(Block("reserved", box=Box(10, 20, 100, 50)))
    assert boxed == pytest.approx((preset.margins.left + 10 * mm, top - 70 * mm, 100 * mm,
                                   50 * mm))


def test_a_block_outside_the_grid_is_refused():
    preset = load_page_preset("tabloid-a3")
    with pytest.raises(PlanError) as caught:
        preset.check_block(Block("reserved", column=4, columns=2, line=0, lines=3), 1, 7)
    assert "Block 7 of page 1" in describe(caught.value, "en")
    with pytest.raises(PlanError):
        preset.check_block(Block("reserved", column=0, columns=1, line=preset.lines - 1,
                                 lines=2), 1, 1)
    preset.check_block(Block("reserved", column=0, columns=5, line=0, lines=preset.lines), 1, 1)


def test_page_presets_tabloid_and_broadsheet_with_their_words():
    names = dict(list_page_presets())
    assert {"tabloid-a3", "broadsheet", "broadsheet-5col"} <= set(names)
    broadsheet = load_page_preset("broadsheet")
    assert broadsheet.columns == 6
    assert broadsheet.page_size == pytest.approx((390 * mm, 540 * mm))
    assert load_page_preset("broadsheet-5col").columns == 5
    assert broadsheet.words["jump_to"] == "Xem tiếp trang {page}"
    english = load_page_preset("broadsheet-en")
    assert english.words["jump_from"] == "Continued from page {page}"
    with pytest.raises(PresetError):
        load_page_preset("no-such-page")


def test_editions_are_stored_with_history(tmp_path):
    library = Library.open(tmp_path / "lib.sqlite")
    edition = save_edition(library, sample_edition(), author="Bình")
    assert find_edition(library, "bao tinh nha so 245") == edition  # accents optional
    assert get_edition(library, edition.id) == edition
    page = edition.pages[0]
    moved = edition.with_page(page.__class__(page.number, page.preset, page.blocks[:-1]))
    save_edition(library, moved, author="Bình", kind="autosave")
    save_edition(library, moved, author="Bình", kind="autosave")  # unchanged: nothing new
    smaller = moved.with_page(page.__class__(page.number, page.preset, page.blocks[:-2]))
    save_edition(library, smaller, author="Bình", kind="autosave")  # coalesces
    history = edition_history(library, edition.id)
    assert [revision.kind for revision in history] == ["autosave", "save"]
    assert history[0].edition() == smaller and history[1].edition() == edition
    save_edition(library, smaller.with_page(page), author="An", kind="autosave")  # someone else
    assert len(edition_history(library, edition.id)) == 3
    assert [item.name for item in list_editions(library)] == ["Báo Tỉnh Nhà số 245"]
    library.close()


def test_a_damaged_stored_plan_gives_a_sentence(tmp_path):
    library = Library.open(tmp_path / "lib.sqlite")
    edition = save_edition(library, sample_edition())
    library.conn.execute("UPDATE editions SET plan = '{\"pages\": 3}' WHERE id = ?",
                         [edition.id])
    with pytest.raises(PlanError) as caught:
        find_edition(library, edition.name)
    assert describe(caught.value, "en").startswith("The stored plan of the edition")
    # its history still holds the good plan
    assert edition_history(library, edition.id)[0].edition() == edition
    library.close()


def test_a_newsroom_page_preset_is_read_again_when_its_file_changes(tmp_path):
    own = tmp_path / "pages"
    own.mkdir()
    path = own / "local.json"
    path.write_text(json.dumps({"extends": "tabloid-a3", "columns": {"count": 4,
                                                                     "gutter_mm": 5}}))
    assert load_page_preset("local", [own]).columns == 4
    path.write_text(json.dumps({"extends": "tabloid-a3", "columns": {"count": 6,
                                                                     "gutter_mm": 3.5}}))
    assert load_page_preset("local", [own]).columns == 6
    path.write_text(json.dumps({"extends": "local"}))
    with pytest.raises(PresetError):
        load_page_preset("local", [own])
