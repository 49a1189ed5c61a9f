"""A Markdown file opening with "# Heading": the editor and the preview show one headline."""


def test_imported_markdown_heading_is_the_headline_everywhere(qtbot, window, tmp_path):
    path = tmp_path / "hoi-nghi.md"
    path.write_text("# Hội nghị tổng kết năm 2026\n\nSáng 5/12, UBND tỉnh Kon Tum họp.\n",
                    encoding="utf-8")
    [article] = window.files.import_paths([path])
    assert window.editor.article_id == article.id
    assert window.editor.title.text() == "Hội nghị tổng kết năm 2026"
    assert window.editor.body.toPlainText() == "Sáng 5/12, UBND tỉnh Kon Tum họp."
    assert not window.editor.headline_hint.isVisible()
    qtbot.waitUntil(lambda: "UBND" in window.preview.last_html, timeout=5000)
    shown = window.preview.browser.toPlainText()
    assert shown.count("Hội nghị tổng kết năm 2026") == 1
    assert shown.index("Hội nghị tổng kết") < shown.index("Sáng 5/12")
