"""Batch export: many articles as one edition PDF, or one PDF each, in the background.

The articles are those selected in the library list or every approved
one. The work runs on a worker thread (:func:`deskapp.pdf.export_edition` /
:func:`deskapp.pdf.export_each`) with a progress bar and Cancel; it ends
with a summary of what was written and what failed, each failure named with
its reason. Every file is written whole or not at all, so Cancel never
leaves half a PDF behind.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from deskapp.errors import DeskappError
from deskapp.model import Approval, Article, Status
from deskapp.store import Library
from deskapp.ui.common import file_dialogs
from deskapp.ui.common.errors import error_words
from deskapp.ui.common.theme import set_tone
from deskapp.ui.common.workers import Runner
from deskapp.ui.editor.text_edit import NfcLineEdit, VietnameseTyping
from deskapp.ui.printing.print_options import PhotoSource, PrintOptions, preset_choices

PRINT_BLEED_MM = 3.0


@dataclass(frozen=True)
class BatchOutcome:
    """What a run did: the core's report, or the error that stopped it all."""

    edition: bool
    report: object | None  # EditionReport | BatchReport
    error: Exception | None
    titles: dict[str, str]


class _Progress(QObject):
    """Lives on the UI thread; the worker emits, Qt queues the call across threads."""

    step = Signal(int, int)


class BatchExportDialog(QDialog):
    """Choose articles, layout and destination; watch the progress; read the summary.

    ``finished_run(outcome)`` follows every run (written, failed or cancelled).
    """

    finished_run = Signal(object)

    def __init__(self, library: Library, selected: list[str], author: str,
                 options: PrintOptions, parent: QWidget | None = None,
                 typing: VietnameseTyping | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export several articles"))
        self.library = library
        self.author = author
        self.selected = list(selected)
        self.approved = [row.id for row in library.list() if row.status == Status.APPROVED]
        self._cancel = threading.Event()
        self._running = False
        self._runner = Runner(self, threads=1)
        self._presets = Runner(self, threads=1)
        self._progress = _Progress(self)
        self._progress.step.connect(self._stepped)
        self.outcome: BatchOutcome | None = None

        self.use_selected = QRadioButton(
            self.tr("Selected in the library (%1)").replace("%1", str(len(self.selected))), self)
        self.use_approved = QRadioButton(
            self.tr("All approved articles (%1)").replace("%1", str(len(self.approved))), self)
        self._group(self.use_selected, self.use_approved)
        (self.use_selected if self.selected else self.use_approved).setChecked(True)
        self.as_edition = QRadioButton(self.tr("One edition PDF, pages numbered through"), self)
        self.as_each = QRadioButton(self.tr("One PDF per article, into a folder"), self)
        self._group(self.as_edition, self.as_each)
        self.as_edition.setChecked(True)
        self.preset = QComboBox(self)
        self.preset.setObjectName("batchPreset")
        self.preset.addItem(options.preset, options.preset)
        self.for_print = QCheckBox(self.tr("3 mm bleed, CMYK"), self)
        self.for_print.setChecked(options.bleed_mm > 0 or options.cmyk)
        self.output = NfcLineEdit(self, typing)  # a folder or file name may be Vietnamese
        self.output.setObjectName("batchOutput")
        self.browse = QPushButton(self.tr("Choose…"), self)
        self.browse.clicked.connect(self._browse)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("batchSummary")
        self.summary.setReadOnly(True)
        self.summary.hide()
        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)

        source = QVBoxLayout()
        source.addWidget(self.use_selected)
        source.addWidget(self.use_approved)
        layout_choice = QVBoxLayout()
        layout_choice.addWidget(self.as_edition)
        layout_choice.addWidget(self.as_each)
        preset_row = QHBoxLayout()
        preset_row.addWidget(self.preset, 1)
        preset_row.addWidget(self.for_print)
        output_row = QHBoxLayout()
        output_row.addWidget(self.output, 1)
        output_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("Articles"), source)
        form.addRow(self.tr("Make"), layout_choice)
        form.addRow(self.tr("Preset"), preset_row)
        form.addRow(self.tr("Save to"), output_row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.export_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.summary, 1)
        layout.addLayout(buttons)
        self.as_edition.toggled.connect(lambda _on: self._suggest_output())
        self._suggest_output()
        self._set_running(False)
        self.resize(620, 420)
        self._presets.start(preset_choices, self._fill_presets, lambda _error: None)

    # ---- choices -------------------------------------------------------------------
    def article_ids(self) -> list[str]:
        return self.selected if self.use_selected.isChecked() else self.approved

    def options(self) -> PrintOptions:
        on = self.for_print.isChecked()
        return PrintOptions(str(self.preset.currentData()), PRINT_BLEED_MM if on else 0.0, on)

    def _group(self, *buttons: QRadioButton) -> None:
        group = QButtonGroup(self)
        for button in buttons:
            group.addButton(button)

    def _fill_presets(self, choices: list[tuple[str, str]]) -> None:
        current = self.preset.currentData()
        self.preset.clear()
        for name, title in choices:
            self.preset.addItem(title or name, name)
        if self.preset.findData(current) < 0:
            self.preset.addItem(str(current), current)
        self.preset.setCurrentIndex(self.preset.findData(current))

    def _suggest_output(self) -> None:
        folder = file_dialogs.start_folder("pdf")
        text = self.output.text().strip()
        if text:
            folder = Path(text).parent if Path(text).suffix.lower() == ".pdf" else Path(text)
        stamp = date.today().isoformat()
        if self.as_edition.isChecked():
            self.output.setText(str(folder / f"an-pham-{stamp}.pdf"))
        else:
            self.output.setText(str(folder / f"bai-{stamp}"))

    def _browse(self) -> None:
        current = self.output.text().strip() or None
        if self.as_edition.isChecked():
            path = file_dialogs.save_file(self, self.tr("Edition PDF"), "pdf",
                                          f"an-pham-{date.today().isoformat()}.pdf",
                                          "PDF (*.pdf)", ".pdf", start=current)
        else:
            path = file_dialogs.choose_folder(self, self.tr("Folder for the PDFs"), "pdf",
                                              start=current)
        if path is not None:
            self.output.setText(str(path))

    # ---- running -----------------------------------------------------------------------
    def start(self) -> bool:
        """Export in the background; False (with the reason shown) when it cannot start."""
        ids = self.article_ids()
        target = self.output.text().strip()
        if not ids:
            self._say(self.tr("There are no articles to export."), error=True)
            return False
        if not target:
            self._say(self.tr("Choose where to save the PDF."), error=True)
            return False
        articles: list[Article] = []
        for article_id in ids:
            try:
                articles.append(self.library.get(article_id))
            except DeskappError as error:
                self._say(error_words(error), error=True)
                return False
        edition = self.as_edition.isChecked()
        options = self.options()
        photos = PhotoSource(self.library, ids)
        approvals = self._approvals(articles) if not edition else {}
        titles = {article.id: article.title for article in articles}
        path = Path(target)
        author = self.author
        self._cancel.clear()
        progress, cancelled = self._progress.step.emit, self._cancel.is_set

        def work() -> BatchOutcome:
            from deskapp.pdf import export_each, export_edition

            settings = options.settings(author=author)
            with photos.open() as assets:
                if edition:
                    report: object = export_edition(
                        articles, path, settings, assets=assets, progress=progress,
                        cancelled=cancelled)
                else:
                    report = export_each(
                        articles, path, settings, assets=assets, progress=progress,
                        cancelled=cancelled, approvals=lambda a: approvals.get(a.id))
            return BatchOutcome(edition, report, None, titles)

        def failed(error: Exception) -> None:
            self._finished(BatchOutcome(edition, None, error, titles))

        self.progress.setRange(0, len(articles))
        self.progress.setValue(0)
        self.summary.hide()
        self._say(self.tr("Exporting %1 article(s)…").replace("%1", str(len(articles))))
        self._set_running(True)
        self._runner.start(work, self._finished, failed)
        return True

    def cancel(self) -> None:
        """Stop after the page or article being made; nothing half-written stays."""
        if self._running:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self._say(self.tr("Cancelling…"))

    def is_running(self) -> bool:
        return self._running

    def wait(self) -> None:
        self._runner.wait()
        self._presets.wait()

    def reject(self) -> None:
        if self._running:  # closing the window cancels, the worker ends on its own
            self.cancel()
            return
        super().reject()

    def _approvals(self, articles: list[Article]) -> dict[str, Approval | None]:
        from deskapp.desk import approval_for

        return {article.id: approval_for(self.library, article.id) for article in articles}

    def _stepped(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _finished(self, outcome: BatchOutcome) -> None:
        self.outcome = outcome
        self._set_running(False)
        self.summary.setPlainText(self.summary_text(outcome))
        self.summary.show()
        failed = outcome.error is not None or bool(getattr(outcome.report, "failed", None))
        self._say(self._headline(outcome), error=failed)
        self.finished_run.emit(outcome)

    def _set_running(self, running: bool) -> None:
        self._running = running
        for widget in (self.export_button, self.use_selected, self.use_approved,
                       self.as_edition, self.as_each, self.preset, self.for_print,
                       self.output, self.browse, self.close_button):
            widget.setEnabled(not running)
        self.use_selected.setEnabled(not running and bool(self.selected))
        self.cancel_button.setEnabled(running)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        set_tone(self.status, "error-text" if error else "plain")

    # ---- words ---------------------------------------------------------------------------
    def _headline(self, outcome: BatchOutcome) -> str:
        report = outcome.report
        if outcome.error is not None:
            return self.tr("Nothing was written.")
        if getattr(report, "cancelled", False):
            return self.tr("Cancelled.")
        if getattr(report, "failed", None):
            return self.tr("Done, with failures.")
        return self.tr("Done.")

    def summary_text(self, outcome: BatchOutcome) -> str:
        """What was written and what failed, one line each, in the user's language."""
        lines: list[str] = []
        report = outcome.report
        if outcome.error is not None:
            lines.append(self._failure_line(outcome.error, outcome.titles))
        elif outcome.edition:
            if getattr(report, "cancelled", False):
                lines.append(self.tr("Cancelled: the edition PDF was not written."))
            else:
                lines.append(self.tr("Written: %1 (%2 pages, %3 articles)")
                             .replace("%1", str(report.path))  # type: ignore[attr-defined]
                             .replace("%2", str(report.pages))  # type: ignore[attr-defined]
                             .replace("%3", str(len(report.articles))))  # type: ignore[attr-defined]
        else:
            for written in report.written:  # type: ignore[attr-defined]
                lines.append(self.tr("Written: %1 (%2 pages)").replace("%1", str(written.path))
                             .replace("%2", str(written.pages)))
            for failed in report.failed:  # type: ignore[attr-defined]
                lines.append(self.tr("Failed: “%1”: %2")
                             .replace("%1", failed.title or self.tr("(no headline)"))
                             .replace("%2", failed.message))
            if report.cancelled:  # type: ignore[attr-defined]
                lines.append(self.tr("Cancelled: the other articles were not exported."))
        warnings = self._warnings(outcome)
        if warnings:
            lines.append(self.tr("%1 photo warning(s): open the article and use "
                                 "File → Check for print to see them.")
                         .replace("%1", str(warnings)))
        return "\n".join(lines)

    def _failure_line(self, error: Exception, titles: dict[str, str]) -> str:
        text = error_words(error)
        article_id = getattr(error, "data", {}).get("article_id") if isinstance(
            error, DeskappError) else None
        if article_id and article_id in titles:
            return self.tr("Failed: “%1”: %2").replace(
                "%1", titles[article_id] or self.tr("(no headline)")).replace("%2", text)
        return self.tr("Failed: %1").replace("%1", text)

    @staticmethod
    def _warnings(outcome: BatchOutcome) -> int:
        report = outcome.report
        if report is None:
            return 0
        if outcome.edition:
            return len(getattr(report, "warnings", []))
        return sum(len(w.warnings) for w in getattr(report, "written", []))


def open_batch_export(parent: QWidget, library: Library, selected: list[str], author: str,
                      options: PrintOptions,
                      on_finished: Callable[[BatchOutcome], None] | None = None,
                      typing: VietnameseTyping | None = None) -> BatchExportDialog:
    """Show the dialog without blocking the window."""
    from PySide6.QtCore import Qt

    dialog = BatchExportDialog(library, selected, author, options, parent, typing)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_finished is not None:
        dialog.finished_run.connect(on_finished)
    dialog.open()
    return dialog
