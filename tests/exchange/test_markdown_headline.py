"""A Markdown file without front matter that opens with "# Heading" takes it as its headline."""

from __future__ import annotations

import json

import pytest

from deskapp.cli import main
from deskapp.exchange import import_file, parse_markdown_file
from deskapp.proof import check
from deskapp.render.html import article_html

BODY = "Sáng 5/12, UBND tỉnh Kon Tum tổ chức hội nghị.\n\n## Kết quả\n\nĐoạn hai."


@pytest.mark.parametrize(("text", "title", "body"), [
    ("# Hội nghị tổng kết năm 2026\n\n" + BODY, "Hội nghị tổng kết năm 2026", BODY),
    ("\n\n#   Hội nghị tổng kết   ##\n" + BODY, "Hội nghị tổng kết", BODY),
    ("Hội nghị tổng kết\n=================\n\n" + BODY, "Hội nghị tổng kết", BODY),
    ("# Kon Tum: **đón** *Tết* `an toàn`\n\n" + BODY, "Kon Tum: đón Tết an toàn", BODY),
    ("# Giá tăng 5\\*\n\n" + BODY, "Giá tăng 5*", BODY),
    # front matter without a headline: the heading still gives it
    ("---\nsapo: Sapo.\n---\n# Hội nghị\n\n" + BODY, "Hội nghị", BODY),
])
def test_the_opening_heading_is_the_headline(text, title, body):
    draft = parse_markdown_file(text)
    assert (draft.title, draft.body) == (title, body)


@pytest.mark.parametrize("text", [
    BODY,  # no heading
    "## Kết quả\n\n" + BODY,  # a level-two heading is a subheading
    "Đoạn đầu.\n\n# Tít ở giữa\n\nĐoạn.",  # not the first block
    "#hashtag chưa phải tít\n\nĐoạn.",  # not a heading in Markdown
    "    # mã lệnh\n\nĐoạn.",  # indented code
    "#\n\nĐoạn.",  # an empty heading
])
def test_other_openings_stay_in_the_body(text):
    draft = parse_markdown_file(text)
    assert draft.title == "" and draft.body == text.strip("\n")


def test_front_matter_headline_wins_and_the_heading_stays():
    draft = parse_markdown_file("---\ntít: Tít chính\n---\n# Tít phụ\n\nĐoạn.")
    assert draft.title == "Tít chính" and draft.body == "# Tít phụ\n\nĐoạn."


@pytest.fixture
def md_file(tmp_path):
    path = tmp_path / "bai.md"
    path.write_text("# Hội nghị tổng kết năm 2026\n\n" + BODY + "\n", encoding="utf-8")
    return path


def test_import_proofing_and_preview_see_one_headline(md_file):
    article = import_file(md_file).to_article()
    assert article.title == "Hội nghị tổng kết năm 2026"
    assert "# Hội nghị" not in article.body
    assert "missing_title" not in {f.rule for f in check(article)}
    body = article_html(article).split("<body>", 1)[1]
    assert body.count("Hội nghị tổng kết năm 2026") == 1
    assert '<h1 class="headline">Hội nghị tổng kết năm 2026</h1>' in body


def test_deskapp_check_reads_the_headline(md_file, library_path, capsys, monkeypatch):
    monkeypatch.setenv("DESKAPP_LANG", "en")
    main(["--library", str(library_path), "check", "--json", str(md_file)])
    rules = {item["rule"] for item in json.loads(capsys.readouterr().out)}
    assert "missing_title" not in rules and "missing_lead" in rules
