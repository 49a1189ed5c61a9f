"""The print preset belongs to the article: chosen for one, no other article changes."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from deskapp.model import Article
from deskapp.ui.printing.print_options import PrintJob

A4_WIDTH = 595.28
A5_WIDTH = 419.53


def export_width(qtbot, window, path) -> float:
    with qtbot.waitSignal(window.printing.exportFinished, timeout=30000):
        window.printing.export_to(path)
    return float(PdfReader(path).pages[0].trimbox.width)


@pytest.fixture
def two(window, library) -> tuple[Article, Article]:
    first = library.create(Article(title="Bài một", body="Một đoạn thân bài."), author="T")
    second = library.create(Article(title="Bài hai", body="Đoạn khác."), author="T")
    window.library_commands.refresh()
    return first, second


def test_changing_one_articles_preset_changes_no_other(qtbot, window, library, two, tmp_path):
    first, second = two
    window.session.open(first.id)
    window.printing.act_print_preview.trigger()
    panel = window.printing.print_preview
    qtbot.waitUntil(lambda: panel.preset_box.findData("a5-booklet") >= 0, timeout=10000)
    assert panel.preset_box.currentData() == "a4-article"
    with qtbot.waitSignal(panel.rendered, timeout=20000):
        panel.preset_box.setCurrentIndex(panel.preset_box.findData("a5-booklet"))
    assert window.editor.preset_name() == "a5-booklet"

    # The other article still shows, previews and exports with its own preset.
    with qtbot.waitSignal(panel.rendered, timeout=20000):
        window.session.open(second.id)
    assert panel.preset_box.currentData() == "a4-article"
    assert window.editor.preset_name() == "a4-article"
    assert window.printing.preset() == "a4-article"
    assert PrintJob(library, window.editor.snapshot(), "T").options.preset == "a4-article"
    assert export_width(qtbot, window, tmp_path / "second.pdf") == pytest.approx(A4_WIDTH,
                                                                                abs=0.5)
    # Back on the first: its choice was kept, and its export follows it.
    with qtbot.waitSignal(panel.rendered, timeout=20000):
        window.session.open(first.id)
    assert panel.preset_box.currentData() == "a5-booklet"
    assert window.editor.preset_name() == "a5-booklet"
    assert export_width(qtbot, window, tmp_path / "first.pdf") == pytest.approx(A5_WIDTH,
                                                                               abs=0.5)
    assert library.article_preset(second.id) is None
    assert library.get_setting("pdf_preset") is None


def test_a_new_article_takes_the_default_set_in_settings(qtbot, window, library, two):
    first, second = two
    window.session.open(first.id)
    window.printing.list_presets()
    qtbot.waitUntil(lambda: window.editor.preset.findData("newspaper-2col") >= 0, timeout=10000)
    window.editor.preset.setCurrentIndex(window.editor.preset.findData("a5-booklet"))
    assert library.article_preset(first.id) == "a5-booklet"

    dialog = window.preferences.show_settings()
    assert dialog.preset.currentData() == "a4-article"
    dialog.preset.setCurrentIndex(dialog.preset.findData("newspaper-2col"))
    dialog.accept()
    assert library.get_setting("pdf_preset") == "newspaper-2col"

    window.act_new.trigger()
    new_id = window.editor.article_id
    assert new_id not in (first.id, second.id)
    assert window.editor.preset_name() == "newspaper-2col"
    assert window.printing.print_options().preset == "newspaper-2col"
    assert library.article_preset(first.id) == "a5-booklet"  # an article's own choice stays
