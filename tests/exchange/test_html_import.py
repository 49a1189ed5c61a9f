"""Saved and pasted web pages into clean Markdown, on pages written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from deskapp.errors import ImportRejected
from deskapp.exchange import import_file
from deskapp.exchange.html_import import extract_article, html_to_markdown

NEWS_PAGE = """<!DOCTYPE html>
<html lang="vi"><head>
<meta charset="utf-8"><title>Kon Tum: tổng kết quy chế dân chủ | Báo Kon Tum</title>
<meta property="og:title" content="Tổng kết quy chế dân chủ (og)">
<script>var tracking = "Trả lời";</script><style>.x{color:red}</style>
</head><body>
<header><a href="/">Trang chủ</a><nav><ul><li><a href="/thoi-su">Thời sự</a></li>
<li><a href="/kinh-te">Kinh tế</a></li><li><a href="/xa-hoi">Xã hội</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/thoi-su">Thời sự</a></div>
<div class="container">
 <div class="main-col">
  <h1 class="title">Hội nghị tổng kết quy chế dân chủ năm 2013</h1>
  <div class="share-buttons"><a href="#">Chia sẻ Facebook</a> <a href="#">Tweet</a>
   <button>In bài</button></div>
  <div class="content">
   <p>(kontumtv.vn) – Sáng 15/1, Ban chỉ đạo thực hiện <strong>quy chế dân chủ</strong>
   ở cơ sở tỉnh tổ chức hội nghị tổng kết năm 2013.</p>
   <p>Theo báo cáo, năm qua các cấp đã <em>triển khai đồng bộ</em> nhiều giải pháp;
   xem <a href="https://kontum.gov.vn/bao-cao">báo cáo đầy đủ</a> và
   <a href="javascript:alert(1)">đây</a>.</p>
   <h2>Kết quả nổi bật</h2>
   <ul><li>100% xã tổ chức đối thoại</li><li>Giải quyết 95% kiến nghị</li></ul>
   <blockquote><p>Dân biết, dân bàn, dân làm, dân kiểm tra.</p></blockquote>
   <table><tr><th>Huyện</th><th>Số cuộc</th></tr><tr><td>Đăk Hà</td><td>12</td></tr></table>
   <figure><img src="https://cdn.example/anh.jpg" alt="Quang cảnh hội nghị"></figure>
   <p>Thanh Tùng – Công Luận</p>
  </div>
  <div class="tags">Tags: dân chủ, Kon Tum</div>
  <div class="related"><h3>Tin liên quan</h3><ul>
   <li><a href="/a">Kon Tum đẩy mạnh cải cách hành chính</a></li>
   <li><a href="/b">Hội nghị Ban chấp hành Đảng bộ tỉnh</a></li></ul></div>
  <div id="comments"><h3>Bình luận</h3><form><textarea></textarea>
   <p>Email của bạn sẽ không được hiển thị công khai.</p><button>Gửi</button></form></div>
 </div>
 <aside><h3>Đọc nhiều</h3><ul><li><a href="/c">Tin đọc nhiều</a></li></ul></aside>
</div>
<footer><p>Báo Kon Tum © 2014. Ghi rõ nguồn khi phát hành lại.</p></footer>
</body></html>"""

EXPECTED_BODY = (
    "Sáng 15/1, Ban chỉ đạo thực hiện **quy chế dân chủ** ở cơ sở tỉnh tổ chức hội nghị "
    "tổng kết năm 2013.\n\n"
    "Theo báo cáo, năm qua các cấp đã *triển khai đồng bộ* nhiều giải pháp; xem "
    "[báo cáo đầy đủ](https://kontum.gov.vn/bao-cao) và đây.\n\n"
    "## Kết quả nổi bật\n\n"
    "- 100% xã tổ chức đối thoại\n- Giải quyết 95% kiến nghị\n\n"
    "> Dân biết, dân bàn, dân làm, dân kiểm tra.\n\n"
    "| Huyện | Số cuộc |\n| --- | --- |\n| Đăk Hà | 12 |\n\n"
    "![Quang cảnh hội nghị](https://cdn.example/anh.jpg)"
)


def test_news_page_becomes_clean_markdown():
    draft = extract_article(NEWS_PAGE, name="page.html")
    assert draft.title == "Hội nghị tổng kết quy chế dân chủ năm 2013"
    assert draft.source == "kontumtv.vn"
    assert draft.byline == "Thanh Tùng – Công Luận"
    assert draft.body == EXPECTED_BODY
    for furniture in ("Trang chủ", "Chia sẻ", "Tin liên quan", "Email của bạn", "Đọc nhiều",
                      "tracking", "javascript", "©"):
        assert furniture not in draft.body


def test_article_element_is_preferred(tmp_path):
    page = ("<html><body><div><p>" + "Quảng cáo dài dòng. " * 30 + "</p></div>"
            "<article><h1>Tít bài</h1><p>Nội dung chính của bài báo, đủ dài để là một bài "
            "viết thật sự với nhiều câu chữ có nghĩa.</p></article></body></html>")
    path = tmp_path / "a.htm"
    path.write_text(page, encoding="utf-8")
    draft = import_file(path)
    assert draft.title == "Tít bài"
    assert draft.body.startswith("Nội dung chính") and "Quảng cáo" not in draft.body


def test_og_title_when_there_is_no_h1():
    page = ('<html><head><meta property="og:title" content="Tít từ og"></head><body><main>'
            "<p>" + "Một đoạn văn bản tin tức đầy đủ. " * 5 + "</p></main></body></html>")
    assert extract_article(page).title == "Tít từ og"


def test_page_without_article_refused(tmp_path):
    page = ("<html><body><nav><a href='/'>Trang chủ</a><a href='/x'>Thời sự</a></nav>"
            "<ul><li><a href='/1'>Tin một</a></li><li><a href='/2'>Tin hai</a></li></ul>"
            "<footer>© 2014</footer></body></html>")
    path = tmp_path / "menu.html"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        import_file(path)
    assert caught.value.code == "html_no_article"
    assert "menu.html" in str(caught.value)


def test_empty_page_refused():
    with pytest.raises(ImportRejected) as caught:
        extract_article("<html><body></body></html>", name="blank.html")
    assert caught.value.code == "html_no_article"


def test_html_to_markdown_for_rich_paste():
    html = ('<meta charset="utf-8"><b>Đậm</b> và <i>nghiêng</i><br>dòng mới'
            '<ol><li>một</li><li>hai<ul><li>con</li></ul></li></ol>'
            '<script>alert(1)</script><p>*không* phải [liên kết]</p>')
    assert html_to_markdown(html) == (
        "**Đậm** và *nghiêng*\\\ndòng mới\n\n1. một\n1. hai\n   - con\n\n"
        "\\*không\\* phải \\[liên kết\\]"
    )


def test_html_to_markdown_handles_broken_markup():
    assert html_to_markdown("<p>một <b>hai <i>ba</p><p>bốn") == "một **hai *ba***\n\nbốn"


def test_remote_images_are_never_fetched(monkeypatch):
    import socket

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("network used")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    draft = extract_article(NEWS_PAGE)
    assert "https://cdn.example/anh.jpg" in draft.body


def test_html_suffixes_are_importable(tmp_path: Path):
    path = tmp_path / "bai.html"
    path.write_text(NEWS_PAGE, encoding="utf-8")
    assert import_file(path).title == "Hội nghị tổng kết quy chế dân chủ năm 2013"
