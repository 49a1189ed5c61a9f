"""The library as a folder of Markdown files that Deskapp itself reads back."""

import unicodedata

from deskapp.exchange import parse_markdown_file
from deskapp.exchange.markdown_export import (
    article_markdown,
    export_library_markdown,
    file_name,
)
from deskapp.model import Article, Status
from deskapp.store import Library


def sample() -> Article:
    return Article(
        title="Đắk Lắk: Hội nghị “quy chế” dân chủ",
        lead="Sáng 9/1, Ban chỉ đạo\ntổ chức hội nghị.",
        body="Thân bài **đậm**.\n\n---\n\nĐoạn hai: <b>x</b>",
        byline="Thanh Tùng – Công Luận",
        source="kontumtv.vn",
        section="Thời sự",
        tags=["dân chủ", "Kon Tum, 2013"],
        status=Status.SUBMITTED,
    )


def test_file_names_are_folded_slugs_with_a_short_id():
    article = sample()
    name = file_name(article)
    assert name == f"dak-lak-hoi-nghi-quy-che-dan-chu-{article.id.replace('-', '')[:8]}.md"
    assert file_name(Article(title="  ")).startswith("chua-co-tit-")
    assert file_name(Article(title="Ủy ban " * 30)).count("uy-ban") < 30
    assert file_name(article, {name}) != name


def test_front_matter_reads_back_through_the_importer():
    article = sample()
    text = article_markdown(article)
    assert text.startswith('---\ntitle: "Đắk Lắk: Hội nghị “quy chế” dân chủ"\n')
    draft = parse_markdown_file(text)
    assert draft.title == article.title
    assert draft.lead == "Sáng 9/1, Ban chỉ đạo tổ chức hội nghị."
    assert draft.byline == article.byline and draft.source == "kontumtv.vn"
    assert draft.section == "Thời sự"
    assert draft.tags == ["dân chủ", "Kon Tum, 2013"]
    assert draft.body == article.body
    for line in ("status: submitted", f"id: {article.id}", f"created: {article.created_at}"):
        assert line in text.split("\n---\n")[0]


def test_tricky_values_are_quoted():
    text = article_markdown(Article(title="- không phải danh sách", byline="no", source=""))
    assert 'title: "- không phải danh sách"' in text
    assert 'byline: "no"' in text and 'source: ""' in text and "tags: []" in text


def test_export_writes_one_file_per_article(tmp_path):
    library = Library.in_memory()
    first = library.create(sample())
    library.create(Article(title="Bài hai", body=unicodedata.normalize("NFD", "chế độ")))
    gone = library.create(Article(title="Đã xoá"))
    library.trash(gone.id)
    out = tmp_path / "xuat"
    assert export_library_markdown(library, out) == 2
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 2 and file_name(first) in names
    assert not [n for n in names if n.startswith(".")]
    text = (out / file_name(first)).read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)
    assert export_library_markdown(library, out, include_trash=True) == 3
    assert len(list(out.iterdir())) == 3  # the same names again, not copies
