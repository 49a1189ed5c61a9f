"""The desk on the command line: check, status and list --status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from deskapp.cli import main
from deskapp.desk import StatusEvent, status_events
from deskapp.store import Library

SAMPLE = (Path(__file__).resolve().parents[2].parent / "shared" / "samples"
          / "kontum-quy-che-dan-chu.raw.txt")


@pytest.fixture
def sample() -> Path:
    if not SAMPLE.exists():
        pytest.skip(f"the newsroom sample is not beside the project ({SAMPLE})")
    return SAMPLE


def write_article(folder: Path, text: str) -> Path:
    path = folder / "bai.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_check_json_on_the_sample(sample, library_path, capsys):
    assert main(["--library", str(library_path), "check", str(sample), "--json"]) == 3
    items = json.loads(capsys.readouterr().out)
    assert all(set(item) == {"rule", "field", "line", "column", "text", "message", "fix"}
               for item in items)
    by_rule = {item["rule"]: item for item in items}
    assert {"missing_title", "missing_lead", "name_variants", "iy_variants"} <= set(by_rule)
    name = by_rule["name_variants"]
    assert name["text"] == "Đào Xuân Quí" and name["fix"] == "Đào Xuân Quý"
    assert name["line"] == 1 and name["column"] >= 1 and "Quý" in name["message"]
    assert by_rule["missing_title"]["fix"] is None


def test_check_clean_article_exits_zero(tmp_path, library_path, capsys):
    path = write_article(tmp_path, "---\ntitle: Tít\nlead: Sapo.\nbyline: PV\n---\n\nThân bài.\n")
    assert main(["--library", str(library_path), "check", str(path)]) == 0
    assert capsys.readouterr().out.strip() in ("Nothing to correct.", "Không có lỗi nào cần sửa.")


def test_check_plain_text_output(tmp_path, library_path, capsys):
    path = write_article(tmp_path, "Nhiệm vụ của của đảng viên.\n")
    assert main(["--library", str(library_path), "check", str(path)]) == 3
    assert "[repeated_word]" in capsys.readouterr().out


def test_status_and_list_by_status(tmp_path, library_path, capsys):
    lib = ["--library", str(library_path)]
    path = write_article(tmp_path, "Thân bài ngắn.\n")
    assert main([*lib, "import", str(path)]) == 0
    article_id = capsys.readouterr().out.strip()

    assert main([*lib, "status", article_id, "submit", "--user", "an"]) == 0
    assert capsys.readouterr().out.strip() == f"{article_id}\tsubmitted"
    assert main([*lib, "status", article_id[:8], "take"]) == 1  # reporter by default
    assert "take" in capsys.readouterr().err
    assert main([*lib, "status", article_id, "take", "--as", "editor"]) == 0
    assert main([*lib, "status", article_id, "return", "--as", "editor"]) == 1
    assert "reason" in capsys.readouterr().err
    assert main([*lib, "status", article_id, "approve", "--as", "editor",
                 "--note", "in sau"]) == 0
    capsys.readouterr()

    assert main([*lib, "list", "--status", "approved"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(article_id)
    assert main([*lib, "list", "--status", "draft"]) == 0
    assert article_id not in capsys.readouterr().out


def approved_article(tmp_path: Path, lib: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    path = write_article(tmp_path, "---\ntitle: Tít bài\nlead: Sapo.\nbyline: PV\n---\n\n"
                                   "Thân bài ngắn.\n")
    assert main([*lib, "import", str(path)]) == 0
    article_id = capsys.readouterr().out.strip()
    assert main([*lib, "status", article_id, "submit", "--user", "an"]) == 0
    assert main([*lib, "status", article_id, "approve", "--as", "editor",
                 "--user", "Trần Thị B", "--note", "in gấp"]) == 0
    capsys.readouterr()
    return article_id


def events_of(library_path: Path, article_id: str) -> list[StatusEvent]:
    library = Library.open(library_path)
    try:
        return status_events(library, article_id)
    finally:
        library.close()


def test_export_of_an_approved_article_carries_the_approval_and_is_recorded(
        tmp_path, library_path, capsys):
    lib = ["--library", str(library_path)]
    article_id = approved_article(tmp_path, lib, capsys)
    out = tmp_path / "bai.pdf"
    assert main([*lib, "export", article_id, "-o", str(out), "--as", "editor",
                 "--user", "Lê Văn C"]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert "duyệt: Trần Thị B 20" in PdfReader(out).metadata["/Keywords"]
    events = events_of(library_path, article_id)
    assert [e.action for e in events] == ["submit", "approve", "export"]
    assert (events[-1].user, events[-1].role, events[-1].to_status) == \
        ("Lê Văn C", "editor", "exported")
    assert main([*lib, "list", "--status", "exported"]) == 0
    assert capsys.readouterr().out.startswith(article_id)

    # Exporting again prints the same approval and records that export too.
    before = revision_count(library_path, article_id)
    assert main([*lib, "export", article_id, "-o", str(out), "--as", "editor"]) == 0
    assert "duyệt: Trần Thị B" in PdfReader(out).metadata["/Keywords"]
    events = events_of(library_path, article_id)
    assert [e.action for e in events] == ["submit", "approve", "export", "export"]
    assert (events[-1].from_status, events[-1].to_status) == ("exported", "exported")
    assert revision_count(library_path, article_id) == before + 1


def revision_count(library_path: Path, article_id: str) -> int:
    lib = Library.open(library_path)
    try:
        return len(lib.revisions(article_id))
    finally:
        lib.close()


def test_a_refused_export_step_keeps_the_pdf_and_says_so(tmp_path, library_path, capsys):
    lib = ["--library", str(library_path)]
    article_id = approved_article(tmp_path, lib, capsys)
    out = tmp_path / "bai.pdf"
    assert main([*lib, "export", article_id, "-o", str(out)]) == 0  # a reporter by default
    captured = capsys.readouterr()
    assert captured.out.strip() == str(out)
    assert "not recorded in the history" in captured.err and "reporter" in captured.err
    assert "duyệt: Trần Thị B" in PdfReader(out).metadata["/Keywords"]
    assert [e.action for e in events_of(library_path, article_id)] == ["submit", "approve"]


def test_an_unapproved_export_has_no_approval_and_no_record(tmp_path, library_path, capsys):
    lib = ["--library", str(library_path)]
    path = write_article(tmp_path, "Thân bài ngắn.\n")
    assert main([*lib, "import", str(path)]) == 0
    article_id = capsys.readouterr().out.strip()
    out = tmp_path / "bai.pdf"
    assert main([*lib, "export", article_id, "-o", str(out), "--as", "editor"]) == 0
    assert "duyệt" not in str(PdfReader(out).metadata.get("/Keywords", ""))
    assert events_of(library_path, article_id) == []


def test_all_approved_one_pdf_each_records_every_export(tmp_path, library_path, capsys):
    lib = ["--library", str(library_path)]
    article_id = approved_article(tmp_path, lib, capsys)
    folder = tmp_path / "out"
    assert main([*lib, "export", "--all-approved", "-o", str(folder), "--as", "editor"]) == 0
    written = Path(capsys.readouterr().out.strip().split("\t")[1])
    assert "duyệt: Trần Thị B" in PdfReader(written).metadata["/Keywords"]
    assert events_of(library_path, article_id)[-1].action == "export"


def test_check_prints_the_length_against_a_target_in_lines(tmp_path, library_path, capsys,
                                                           monkeypatch):
    from deskapp.desk.copyfit import lines_in_layout
    from deskapp.model import Article

    monkeypatch.setenv("DESKAPP_LANG", "vi")
    lib = Library.open(library_path)
    body = " ".join(["chữ"] * 300)
    article = lib.create(Article(title="Tít", lead="Sapo.", byline="PV", body=body))
    lines = lines_in_layout(article, "newspaper-3col")
    article.target_lines = lines - 4
    lib.save(article)
    lib.close()
    capsys.readouterr()
    main(["--library", str(library_path), "check", article.id[:8], "--preset", "newspaper-3col"])
    out = capsys.readouterr().out
    assert f"độ dài: +4 dòng (mục tiêu {lines - 4} dòng" in out
    assert f"{lines} dòng khổ newspaper-3col" in out


def test_the_sample_imported_then_fixed_checks_clean(sample, library_path, capsys):
    from deskapp.proof import apply_fixes, check

    lib = ["--library", str(library_path)]
    assert main([*lib, "import", str(sample)]) == 0
    article_id = capsys.readouterr().out.split()[0]
    assert main([*lib, "check", article_id, "--json"]) == 3
    rules = [item["rule"] for item in json.loads(capsys.readouterr().out)]
    assert "name_variants" in rules and "iy_variants" in rules
    library = Library.open(library_path)
    try:
        article = library.get(article_id)
        fixed = apply_fixes(article, check(article)).with_content(
            title="Kon Tum tổng kết quy chế dân chủ ở cơ sở",
            lead="Ban chỉ đạo quy chế dân chủ tỉnh tổng kết năm 2013.")
        library.save(fixed)
    finally:
        library.close()
    assert main([*lib, "check", article_id, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
