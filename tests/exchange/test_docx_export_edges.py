"""Word export of whatever imports: long credits, control characters, wide tables."""

from __future__ import annotations

import io

import docx
import pytest

from deskapp.exchange.docx_export import article_docx
from deskapp.limits import MAX_TABLE_COLUMNS, LimitExceeded
from deskapp.model import Article


def _read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def test_a_headline_and_byline_past_255_characters_export_whole_in_the_text() -> None:
    title = "Hội nghị tổng kết quy chế dân chủ ở cơ sở " * 8
    byline = "Thanh Tùng – Công Luận, " * 20
    document = _read(article_docx(Article(title=title, byline=byline, body="Thân bài.")))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == " ".join(title.split())
    assert paragraphs[-1] == " ".join(byline.split())
    assert len(document.core_properties.title) <= 255
    assert document.core_properties.title.startswith("Hội nghị tổng kết")
    assert len(document.core_properties.author) <= 255


def test_nul_and_control_characters_in_every_field_are_left_out() -> None:
    article = Article(title="Tít\x00 một", lead="Sa\x01po", byline="Bút\x1f danh",
                      source="nguồn\x0b.vn", body="Đoạn\x00 một\x07.\n\n| a\x02 | b |\n|-|-|\n"
                      "| c | \x08d |\n\n```\nmã\x00\n```\n\n<b>\x03</b>")
    document = _read(article_docx(article))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Tít một" in text and "Sapo" in text and "Đoạn một." in text and "mã" in text
    cells = [c.text for row in document.tables[0].rows for c in row.cells]
    assert cells == ["a", "b", "c", "d"]
    assert not any(ch in text for ch in "\x00\x01\x02\x03\x07\x08\x0b\x1f")


def test_a_table_as_wide_as_the_limit_exports_and_a_wider_one_is_refused() -> None:
    def table(columns: int) -> str:
        return ("|" + "tít|" * columns + "\n|" + "-|" * columns + "\n"
                + ("|" + "ô|" * columns + "\n") * 3)

    columns = MAX_TABLE_COLUMNS
    exported = _read(article_docx(Article(title="Bảng", body=table(columns)))).tables[0]
    assert len(exported.columns) == columns and len(exported.rows) == 4
    with pytest.raises(LimitExceeded) as refused:
        article_docx(Article(title="Bảng", body=table(columns + 1)))
    assert refused.value.code == "limit_table_columns"
    assert refused.value.data["found"] == columns + 1
