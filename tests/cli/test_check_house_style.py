"""``deskapp check --json`` with the new rules: rule, line, column, text, message and fix."""

from __future__ import annotations

import json

from deskapp.cli import main
from deskapp.store import Library
from deskapp.store.names import set_name

ARTICLE = """\
---
title: Kon Tum sáp nhập xã
lead: Tỉnh sắp xếp lại đơn vị hành chính cấp xã.
byline: Thanh Tùng
---

Các ngành chức năng và Ủy ban nhân dân Tỉnh Kon Tum đã sử lý vi phạm.

Ông Hoàng Văn Kì cho biết kinh phí 1,200,000 đồng được chi ngày 5-12-2026.
"""


def test_check_json_reports_every_new_finding(library_path, tmp_path, capsys):
    library = Library.open(library_path)
    set_name(library, "Hoàng Văn Kỳ")
    library.close()
    path = tmp_path / "bai.md"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["--library", str(library_path), "check", str(path), "--json"]) == 3
    items = json.loads(capsys.readouterr().out)
    assert all(set(item) == {"rule", "field", "line", "column", "text", "message", "fix"}
               for item in items)
    got = {(i["rule"], i["line"], i["column"], i["text"], i["fix"]) for i in items}
    assert got == {
        ("capitalization", 1, 40, "Tỉnh", "tỉnh"),
        ("misspelling", 1, 56, "sử lý", "xử lý"),
        ("name_register", 3, 5, "Hoàng Văn Kì", "Hoàng Văn Kỳ"),
        ("number_style", 3, 36, "1,200,000", "1.200.000"),
        ("date_style", 3, 65, "5-12-2026", "5/12/2026"),
    }
    assert all(i["message"] for i in items)


def test_check_tells_findings_from_failures(tmp_path, library_path, capsys, monkeypatch):
    """Findings exit 3, a clean article 0 with a line saying so, a missing file 1 naming it."""
    monkeypatch.setenv("DESKAPP_LANG", "en")
    clean = tmp_path / "sach.md"
    clean.write_text("---\ntitle: Hội nghị\nlead: Sáng nay tỉnh họp.\nbyline: Lan\n---\n"
                     "Hội nghị diễn ra ở Kon Tum.\n", encoding="utf-8")
    assert main(["--library", str(library_path), "check", str(clean)]) == 0
    assert capsys.readouterr().out.strip() == "Nothing to correct."
    assert main(["--library", str(library_path), "check", str(tmp_path / "nosuch.md")]) == 1
    said = capsys.readouterr().err
    assert "nosuch.md" in said and "library" not in said.lower()
