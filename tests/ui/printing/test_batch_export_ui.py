"""Batch export from the window: progress, cancel, and a summary naming every failure."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QItemSelectionModel

from deskapp.model import Article, Status
from deskapp.ui.printing.batch_export import BatchExportDialog
from deskapp.ui.printing.print_options import PrintOptions
from deskapp.ui.printing.print_preview import PDFIUM_LOCK


def make(library, title: str, body: str = "Thân bài ngắn.", *, approved: bool = False) -> str:
    article = library.create(Article(title=title, body=body), author="Tester")
    if approved:
        library.db["articles"].update(article.id, {"status": str(Status.APPROVED)})
    return article.id


def pages(path) -> int:
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(str(path))
        try:
            return len(document)
        finally:
            document.close()


def select(window, ids: list[str]) -> None:
    panel = window.library_panel
    tree = panel.tree
    flags = QItemSelectionModel.SelectionFlag
    tree.selectionModel().clearSelection()
    for article_id in ids:
        row = panel.ids().index(article_id)
        tree.selectionModel().select(tree.model().index(row, 0),
                                     flags.Select | flags.Rows)


def finish(qtbot, dialog: BatchExportDialog, timeout: int = 60000):
    with qtbot.waitSignal(dialog.finished_run, timeout=timeout) as done:
        dialog.export_button.click()
    dialog.wait()
    return done.args[0]


def test_selected_articles_one_pdf_each_with_a_failure_named(qtbot, window, library,
                                                             tmp_path):
    good = make(library, "Hội nghị dân vận")
    bad = make(library, "Bài có chữ Hán", "Xin chào 中 nhé.")
    other = make(library, "Mùa xuân ở Kon Tum")
    window.library_commands.refresh()
    select(window, [good, bad, other])
    assert set(window.library_panel.selected_ids()) == {good, bad, other}

    dialog = window.printing.batch_export_dialog()
    qtbot.addWidget(dialog)
    assert dialog.use_selected.isChecked() and "(3)" in dialog.use_selected.text()
    dialog.as_each.setChecked(True)
    folder = tmp_path / "pdf"
    dialog.output.setText(str(folder))
    steps = []
    dialog._progress.step.connect(lambda done, total: steps.append((done, total)))
    outcome = finish(qtbot, dialog)

    written = sorted(folder.glob("*.pdf"))
    assert len(written) == 2 and all(pages(p) >= 1 for p in written)
    assert steps[-1] == (3, 3) and dialog.progress.value() == 3
    text = dialog.summary.toPlainText()
    assert dialog.summary.isVisible()
    assert text.count("Written:") == 2 and all(str(p) in text for p in written)
    assert "Failed: “Bài có chữ Hán”" in text and "U+4E2D" in text
    assert dialog.status.text() == "Done, with failures."
    assert [f.article_id for f in outcome.report.failed] == [bad]
    assert not list(folder.glob("*.tmp")) and not list(folder.glob(".*"))


def test_all_approved_as_one_edition(qtbot, window, library, tmp_path):
    first = make(library, "Tin thứ nhất", approved=True)
    make(library, "Bản nháp chưa duyệt")
    second = make(library, "Tin thứ hai", "## Phần\n\n" + "Đoạn văn dài. " * 400,
                  approved=True)
    window.library_commands.refresh()
    dialog = window.printing.batch_export_dialog()
    qtbot.addWidget(dialog)
    dialog.use_approved.setChecked(True)
    assert set(dialog.article_ids()) == {first, second}
    assert dialog.as_edition.isChecked()
    target = tmp_path / "an-pham.pdf"
    dialog.output.setText(str(target))
    outcome = finish(qtbot, dialog)
    assert outcome.error is None and not outcome.report.cancelled
    assert pages(target) == outcome.report.pages >= 2
    assert f"Written: {target} ({outcome.report.pages} pages, 2 articles)" \
        in dialog.summary.toPlainText()


def test_an_edition_with_an_unprintable_article_writes_nothing(qtbot, window, library,
                                                               tmp_path):
    make(library, "Tin tốt", approved=True)
    make(library, "Tin có ký tự lạ", "Ký tự 中 ở đây.", approved=True)
    window.library_commands.refresh()
    dialog = window.printing.batch_export_dialog()
    qtbot.addWidget(dialog)
    dialog.use_approved.setChecked(True)
    target = tmp_path / "an-pham.pdf"
    dialog.output.setText(str(target))
    outcome = finish(qtbot, dialog)
    assert outcome.error is not None and not target.exists()
    assert "Failed: “Tin có ký tự lạ”" in dialog.summary.toPlainText()
    assert dialog.status.text() == "Nothing was written."


@pytest.mark.parametrize("each", [False, True])
def test_cancel_leaves_no_half_written_file(qtbot, window, library, tmp_path, each):
    long_body = "\n\n".join(f"Đoạn {n}: " + "Chữ tiếng Việt có dấu đầy đủ. " * 30
                            for n in range(60))
    ids = [make(library, f"Bài dài {n}", long_body, approved=True) for n in range(6)]
    window.library_commands.refresh()
    dialog = BatchExportDialog(library, ids, "Tester", PrintOptions(), window)
    qtbot.addWidget(dialog)
    dialog.as_each.setChecked(each)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / ("each" if each else "an-pham.pdf")
    dialog.output.setText(str(target))
    with qtbot.waitSignal(dialog.finished_run, timeout=60000) as done:
        dialog.export_button.click()
        assert dialog.is_running() and dialog.cancel_button.isEnabled()
        dialog.cancel_button.click()  # long before 6 articles of 15 pages are laid out
    dialog.wait()
    outcome = done.args[0]

    assert outcome.report.cancelled
    assert "Cancelled" in dialog.summary.toPlainText()
    assert dialog.export_button.isEnabled() and not dialog.cancel_button.isEnabled()
    if each:
        files = sorted(target.iterdir())
        assert len(files) == len(outcome.report.written) <= 1  # it stopped at once
        assert all(f.suffix == ".pdf" and pages(f) > 1 for f in files)  # any file is whole
    else:
        assert list(folder.iterdir()) == []  # no PDF, no temporary file


def test_an_editor_exporting_approved_articles_records_it(qtbot, window, library, tmp_path):
    from deskapp.ui.shell.profile import Profile

    window.preferences.set_profile(Profile("Biên tập", "editor"))
    approved = make(library, "Tin đã duyệt", approved=True)
    draft = make(library, "Bản nháp")
    window.library_commands.refresh()
    dialog = BatchExportDialog(library, [approved, draft], "Biên tập", PrintOptions(), window)
    dialog.finished_run.connect(window.printing._batch_finished)
    qtbot.addWidget(dialog)
    dialog.as_each.setChecked(True)
    dialog.output.setText(str(tmp_path / "each"))
    finish(qtbot, dialog)
    assert len(list((tmp_path / "each").glob("*.pdf"))) == 2
    assert str(library.get(approved).status) == "exported"
    assert str(library.get(draft).status) == "draft"
