"""``deskapp edition`` and ``deskapp page`` against a real library and real PDFs."""

from __future__ import annotations

import json

import pypdfium2 as pdfium
import pytest
from sample_articles import BRIDGE, COFFEE
from sample_edition import PLAN, build_sample

from deskapp.cli import main
from deskapp.makeup.store import edition_history, find_edition
from deskapp.store import Library

NAME = PLAN["name"]


@pytest.fixture
def sample_library(library_path):
    library = Library.open(library_path)
    build_sample(library)
    library.close()
    return library_path


def _run(library_path, *words):
    return main(["--library", str(library_path), *map(str, words)])


def _pages(path) -> list[str]:
    document = pdfium.PdfDocument(path)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def test_page_and_edition_exports(sample_library, tmp_path, capsys):
    page = tmp_path / "trang1.pdf"
    assert _run(sample_library, "page", NAME, 1, "-o", page) == 0
    texts = _pages(page)
    assert len(texts) == 1 and "Xem tiếp trang 2" in texts[0]
    whole = tmp_path / "so245.pdf"
    assert _run(sample_library, "edition", "sample-edition-245", "-o", whole, "--pdfx") == 0
    texts = _pages(whole)
    assert len(texts) == 2 and "Tiếp theo trang 1" in texts[1]
    assert b"GTS_PDFXVersion" in whole.read_bytes()


def test_fit_lists_every_block(sample_library, capsys):
    assert _run(sample_library, "edition", "fit", NAME) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 16  # every block but the four advertisements
    assert all(line.split("\t")[3] == "fits" or line.split("\t")[3].startswith("under")
               for line in lines)


def test_an_unapproved_article_stops_the_export_unless_draft(library_path, tmp_path, capsys):
    library = Library.open(library_path)
    build_sample(library, approve=False)
    library.close()
    out = tmp_path / "trang1.pdf"
    assert _run(library_path, "page", NAME, 1, "-o", out) == 1
    err = capsys.readouterr().err
    assert BRIDGE.title in err and COFFEE.title in err and "not approved" in err
    assert not out.exists()
    assert _run(library_path, "page", NAME, 1, "-o", out, "--draft") == 0
    assert "BẢN NHÁP" in _pages(out)[0]
    assert "not approved" in capsys.readouterr().err  # still named, as a warning


def test_an_over_set_page_is_refused_naming_the_block(sample_library, tmp_path, capsys):
    assert _run(sample_library, "edition", "new", "Số thử", "--pages", "1",
                "--date", "2026-12-06") == 0
    capsys.readouterr()
    assert _run(sample_library, "page", "place", "Số thử", 1, "headline", BRIDGE.id,
                "--grid", "0,3,0,6") == 0
    assert _run(sample_library, "page", "place", "Số thử", 1, "body", BRIDGE.id,
                "--grid", "0,3,6,20") == 0
    capsys.readouterr()
    out = tmp_path / "thu.pdf"
    assert _run(sample_library, "page", "Số thử", 1, "-o", out) == 1
    err = capsys.readouterr().err
    assert "Page 1, block 2" in err and BRIDGE.title in err and "words over" in err
    assert not out.exists()
    assert _run(sample_library, "edition", "fit", "Số thử") == 1
    # more room on the page (a second body block) and it prints
    assert _run(sample_library, "page", "place", "Số thử", 1, "body", BRIDGE.id,
                "--grid", "3,2,0,60") == 0
    assert _run(sample_library, "page", "Số thử", 1, "-o", out) == 0
    library = Library.open(sample_library)
    edition = find_edition(library, "Số thử")
    assert [b.order for _p, b in edition.chain(BRIDGE.id)] == [0, 1]
    assert len(edition_history(library, edition.id)) == 4
    library.close()


def test_plans_come_in_and_go_out_as_json(sample_library, tmp_path, capsys):
    plan = tmp_path / "plan.json"
    assert _run(sample_library, "edition", "plan", NAME, "-o", plan) == 0
    capsys.readouterr()
    data = json.loads(plan.read_text(encoding="utf-8"))
    data["id"] = "another-edition"
    data["name"] = "Số 246"
    plan.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert _run(sample_library, "edition", "import", plan) == 0
    assert capsys.readouterr().out.strip() == "another-edition"
    assert _run(sample_library, "edition", "list") == 0
    assert "Số 246" in capsys.readouterr().out


@pytest.mark.parametrize(("content", "words"), [
    ("{ not json", "not readable JSON"),
    (json.dumps({"name": "X", "pages": [{"number": 1, "preset": "tabloid-a3", "blocks": [
        {"kind": "body", "article": "nope", "grid": [0, 1, 0, 5]}]}]}), "not in the library"),
    (json.dumps({"name": "X", "pages": [{"number": 1, "preset": "tabloid-a3", "blocks": [
        {"kind": "reserved", "grid": [3, 4, 0, 5]}]}]}), "reaches outside the text area"),
])
def test_a_bad_plan_file_gets_a_sentence_and_changes_nothing(sample_library, tmp_path, capsys,
                                                            content, words):
    plan = tmp_path / "plan.json"
    plan.write_text(content, encoding="utf-8")
    assert _run(sample_library, "edition", "import", plan) == 1
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert _run(sample_library, "edition", "list") == 0
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_an_earlier_plan_is_restored_as_a_new_revision(sample_library, capsys):
    assert _run(sample_library, "page", "remove", NAME, 2, "p2-ad2") == 0
    library = Library.open(sample_library)
    edition = find_edition(library, NAME)
    first = edition_history(library, edition.id)[-1]
    library.close()
    assert len(edition.page(2).blocks) == 7
    assert _run(sample_library, "edition", "restore", NAME, first.id[:8]) == 0
    library = Library.open(sample_library)
    restored = find_edition(library, NAME)
    history = edition_history(library, edition.id)
    library.close()
    assert len(restored.page(2).blocks) == 8
    assert [r.kind for r in history] == ["restore", "save", "save"]
    capsys.readouterr()
    with pytest.raises(SystemExit) as stopped:  # a revision id too short to tell
        _run(sample_library, "edition", "restore", NAME, "zz")
    assert stopped.value.code == 2
    assert "edition restore ED REVISION" in capsys.readouterr().err
