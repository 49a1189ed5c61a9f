"""Importing files by kind, Markdown front matter, and drafts from pastes."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest

from deskapp.errors import ImportRejected
from deskapp.exchange import (
    IMPORTABLE_SUFFIXES,
    MAX_PASTE_CHARS,
    Draft,
    draft_from_paste,
    import_file,
    parse_markdown_file,
)
from deskapp.messages import message

WEB_COPY = "\n\n".join(
    [
        "(TTXVN) – Ban\u00a0chỉ đạo  tỉnh tổ chức hội nghị.",
        "Trong năm 2013, các cấp ủy Đảng đã quan tâm lãnh đạo.",
        "\u00a0" * 30 + "Minh Hà",
        "Trả lời",
        "Email của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu *",
    ]
)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def rejected(call, *args) -> ImportRejected:
    with pytest.raises(ImportRejected) as info:
        call(*args)
    err = info.value
    for lang in ("vi", "en"):
        text = message(err.code, lang, **err.data)
        assert "{" not in text and "?" not in text, text
    return err


def assert_cleaned(draft: Draft) -> None:
    assert draft.source == "TTXVN"
    assert draft.byline == "Minh Hà"
    assert draft.body == (
        "Ban chỉ đạo tỉnh tổ chức hội nghị.\n\n"
        "Trong năm 2013, các cấp ủy Đảng đã quan tâm lãnh đạo."
    )
    assert draft.title == "" and draft.lead == ""


# --- plain text --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["bài.txt", "BÀI.TXT", "bài", "bài.Txt"])
def test_text_files_get_web_cleanup(tmp_path: Path, name: str):
    assert_cleaned(import_file(write(tmp_path / name, WEB_COPY)))


def test_text_file_in_utf16_with_crlf(tmp_path: Path):
    path = tmp_path / "bài.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + WEB_COPY.replace("\n", "\r\n").encode("utf-16-le"))
    assert_cleaned(import_file(path))


def test_text_file_accepts_a_str_path(tmp_path: Path):
    assert_cleaned(import_file(str(write(tmp_path / "bài.txt", WEB_COPY))))


# --- Markdown ------------------------------------------------------------------------

FRONT_MATTER_EN = """---
title: Hội nghị tổng kết quy chế dân chủ
lead: "Ban chỉ đạo tỉnh đánh giá kết quả năm 2013."
byline: Thanh Tùng – Công Luận
source: kontumtv.vn
section: Thời sự
tags: [dân chủ, "Kon Tum", dân chủ]
layout: post
---
## Kết quả

Năm 2013 có *nhiều* chuyển biến.
"""

FRONT_MATTER_VI = """---
tít: Hội nghị tổng kết
sapo: Ban chỉ đạo tỉnh đánh giá kết quả.
Tác giả: Thanh Tùng
nguồn: kontumtv.vn
chuyên mục: Thời sự
tags: dân chủ, Kon Tum
---

Thân bài.
"""


def test_markdown_front_matter_english_keys(tmp_path: Path):
    draft = import_file(write(tmp_path / "bài.md", FRONT_MATTER_EN))
    assert draft == Draft(
        title="Hội nghị tổng kết quy chế dân chủ",
        lead="Ban chỉ đạo tỉnh đánh giá kết quả năm 2013.",
        body="## Kết quả\n\nNăm 2013 có *nhiều* chuyển biến.",
        byline="Thanh Tùng – Công Luận",
        source="kontumtv.vn",
        section="Thời sự",
        tags=["dân chủ", "Kon Tum"],
    )


def test_markdown_front_matter_vietnamese_keys(tmp_path: Path):
    draft = import_file(write(tmp_path / "bài.markdown", FRONT_MATTER_VI))
    assert draft == Draft(
        title="Hội nghị tổng kết",
        lead="Ban chỉ đạo tỉnh đánh giá kết quả.",
        body="Thân bài.",
        byline="Thanh Tùng",
        source="kontumtv.vn",
        section="Thời sự",
        tags=["dân chủ", "Kon Tum"],
    )


def test_front_matter_keys_in_other_spellings():
    text = "---\nauthor: PV\ntiêu đề: Tít\nnguồn: TTXVN\n---\nx"
    draft = parse_markdown_file(text)
    assert (draft.byline, draft.title, draft.source) == ("PV", "Tít", "TTXVN")


def test_front_matter_tags_as_yaml_list():
    text = "---\ntitle: Tít\ntags:\n  - dân chủ\n  - 'Kon Tum'\n# ghi chú\n---\nThân bài."
    draft = parse_markdown_file(text)
    assert draft.tags == ["dân chủ", "Kon Tum"]
    assert draft.title == "Tít"
    assert draft.body == "Thân bài."


def test_front_matter_without_space_after_colon_and_scalar_then_items():
    draft = parse_markdown_file("---\ntít:Tít\ntags: a\n  - b\n---\nx")
    assert draft.title == "Tít"
    assert draft.tags == ["a", "b"]


def test_front_matter_folded_value():
    text = "---\nlead: >\n  Ban chỉ đạo tỉnh\n  đánh giá kết quả.\n---\nx"
    assert parse_markdown_file(text).lead == "Ban chỉ đạo tỉnh đánh giá kết quả."


def test_markdown_body_is_kept_as_written(tmp_path: Path):
    body = "## Tít phụ\n\n* gạch đầu dòng\n1. mục\n\n> trích dẫn với `code` và [liên kết](http://x.vn)"
    draft = import_file(write(tmp_path / "bài.md", body))
    assert draft.body == body
    assert draft.title == "" and draft.byline == "" and draft.source == ""


def test_markdown_is_not_web_cleaned(tmp_path: Path):
    text = "(TTXVN) – Thân bài.\n\nTrả lời\n\nPV"
    draft = import_file(write(tmp_path / "bài.md", text))
    assert draft.body == text
    assert draft.source == "" and draft.byline == ""


def test_markdown_trailing_spaces_nfc_and_newlines(tmp_path: Path):
    text = unicodedata.normalize("NFD", "\r\n\r\nThủy điện   \r\nHòa Bình\t\r\n\r\n\r\n")
    draft = import_file(write(tmp_path / "bài.md", text))
    assert draft.body == "Thủy điện\nHòa Bình"
    assert unicodedata.is_normalized("NFC", draft.body)


def test_leading_rule_is_not_front_matter():
    text = "---\nĐây là một đoạn văn, không phải khóa.\n---\nThân bài."
    assert parse_markdown_file(text) == Draft(body=text)


def test_unterminated_front_matter_stays_in_the_body():
    text = "---\ntitle: Tít\n\nThân bài."
    assert parse_markdown_file(text) == Draft(body=text)


def test_front_matter_only():
    draft = parse_markdown_file("---\ntitle: Chỉ có tít\n---\n")
    assert draft == Draft(title="Chỉ có tít")


def test_markdown_draft_becomes_an_article():
    article = parse_markdown_file(FRONT_MATTER_EN).to_article()
    assert article.title == "Hội nghị tổng kết quy chế dân chủ"
    assert article.tags == ["dân chủ", "Kon Tum"]
    assert article.body.startswith("## Kết quả")


# --- refusals --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["bài.doc", "bài.pdf", "ảnh.png", "bài.odt", "bài.txt.zip"])
def test_other_kinds_are_unsupported_before_reading(tmp_path: Path, name: str):
    err = rejected(import_file, tmp_path / name)  # the file does not even exist
    assert err.code == "file_unsupported"
    assert err.data == {"name": name}


def test_errors_from_reading_pass_through(tmp_path: Path):
    assert rejected(import_file, write(tmp_path / "rỗng.txt", "")).code == "file_empty"
    assert rejected(import_file, write(tmp_path / "trắng.md", " \n\t\n")).code == "file_empty"
    assert rejected(import_file, tmp_path / "mất.txt").code == "file_unreadable"
    binary = tmp_path / "ảnh.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert rejected(import_file, binary).code == "file_binary"
    legacy = tmp_path / "cũ.txt"
    legacy.write_bytes("Viê\u0323t".encode("cp1258"))
    err = rejected(import_file, legacy)
    assert err.code == "file_not_utf8" and err.data["position"] == 2


def test_legacy_decoder_reaches_the_importer(tmp_path: Path):
    legacy = tmp_path / "cũ.txt"
    legacy.write_bytes(b"Vi\xd6t Nam")
    draft = import_file(legacy, legacy=lambda data: "Việt Nam")
    assert draft.body == "Việt Nam"


def test_importable_suffixes():
    assert set(IMPORTABLE_SUFFIXES) == {".txt", ".md", ".markdown", ".docx", ".html", ".htm"}


# --- pastes -----------------------------------------------------------------------------


def test_draft_from_paste_cleans_web_copy():
    assert_cleaned(draft_from_paste(unicodedata.normalize("NFD", WEB_COPY).replace("\n", "\r\n")))


def test_huge_paste_is_refused():
    err = rejected(draft_from_paste, "x" * (10 * 1024 * 1024))
    assert err.code == "paste_too_large"
    assert err.data == {"chars": 10 * 1024 * 1024, "limit": MAX_PASTE_CHARS}
