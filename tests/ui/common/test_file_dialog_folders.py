"""File dialogs start in the documents folder and remember the last folder per kind."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog

from deskapp.ui.common import file_dialogs


def documents() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


class FakeDialogs:
    """QFileDialog's static functions: note where each dialog starts, answer a path."""

    def __init__(self, monkeypatch) -> None:
        self.starts: list[tuple[str, Path]] = []
        self.answer = ""
        for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName",
                     "getExistingDirectory"):
            monkeypatch.setattr(QFileDialog, name, staticmethod(self._fake(name)))

    def _fake(self, name: str):
        def dialog(_parent, _title, start="", _filters="", *args, **kwargs):
            self.starts.append((name, Path(start)))
            if name == "getOpenFileNames":
                return ([self.answer] if self.answer else [], "")
            if name == "getExistingDirectory":
                return self.answer
            return (self.answer, "")
        return dialog

    def folder(self) -> Path:
        """The folder the last dialog started in (a save dialog starts on a file name)."""
        name, start = self.starts[-1]
        return start if name in ("getOpenFileName", "getOpenFileNames",
                                 "getExistingDirectory") else start.parent


def kinds_of_dialog(window):
    """(kind, what opens the dialog, the method the chosen path goes to, a file in a folder)."""
    return {
        "import": (window.files.import_dialog, (window.files, "open_files"), "a.md"),
        "pdf": (window.printing.export_dialog, (window.printing, "export_to"), "a.pdf"),
        "document": (window.files.export_word_dialog, (window.files, "export_word_to"),
                     "a.docx"),
        "package": (window.hand_off.open_package_dialog, (window.hand_off, "open_package"),
                    "a.deskpkg"),
        "photo": (window.printing.insert_photo_dialog,
                  (window.printing, "insert_photo_file"), "a.jpg"),
        "library": (window.backups.export_library_dialog,
                    (window.backups, "export_library_to"), None),
    }


@pytest.mark.parametrize("kind", ["import", "pdf", "document", "package", "photo", "library"])
def test_each_dialog_starts_in_documents_then_in_the_folder_last_used(
        window, monkeypatch, tmp_path, kind):
    dialogs = FakeDialogs(monkeypatch)
    open_dialog, (owner, method), name = kinds_of_dialog(window)[kind]
    received: list[object] = []
    monkeypatch.setattr(owner, method, lambda value, *a, **k: received.append(value))
    window.editor.title.setText("Tin mới")  # an export needs a headline

    open_dialog()
    assert dialogs.folder() == documents()

    chosen_folder = tmp_path / f"chosen-{kind}"
    chosen_folder.mkdir()
    dialogs.answer = str(chosen_folder / name) if name else str(chosen_folder)
    open_dialog()
    assert received, "the chosen path reached the command"
    open_dialog()
    assert dialogs.folder() == chosen_folder

    # Other kinds keep their own folder: they still start in the documents folder.
    others = {k: v for k, v in kinds_of_dialog(window).items() if k != kind}
    for other_open, (other_owner, other_method), _ in others.values():
        monkeypatch.setattr(other_owner, other_method, lambda *a, **k: None)
        dialogs.answer = ""
        other_open()
        assert dialogs.folder() == documents()


def test_a_folder_that_is_gone_falls_back_to_documents(monkeypatch, tmp_path):
    gone = tmp_path / "usb-stick"
    gone.mkdir()
    file_dialogs.remember("import", gone / "a.md")
    assert file_dialogs.start_folder("import") == gone
    gone.rmdir()
    assert file_dialogs.start_folder("import") == documents()


def test_the_packages_folder_of_earlier_versions_is_kept(tmp_path):
    QSettings("Deskapp", "Deskapp").setValue("packages/folder", str(tmp_path))
    assert file_dialogs.start_folder("package") == tmp_path


def test_a_saved_file_gets_its_suffix_and_its_folder_is_remembered(monkeypatch, tmp_path):
    dialogs = FakeDialogs(monkeypatch)
    dialogs.answer = str(tmp_path / "bai")
    path = file_dialogs.save_file(None, "Export", "document", "Tin.md", "Markdown (*.md)",
                                  ".md")
    assert path == tmp_path / "bai.md"
    assert dialogs.starts[-1][1] == documents() / "Tin.md"
    assert file_dialogs.start_folder("document") == tmp_path


def test_the_batch_export_suggests_the_pdf_folder_and_browses_from_it(
        window, monkeypatch, tmp_path):
    from deskapp.ui.printing.batch_export import BatchExportDialog
    from deskapp.ui.printing.print_options import PrintOptions

    dialogs = FakeDialogs(monkeypatch)
    file_dialogs.remember("pdf", tmp_path / "old.pdf")
    dialog = BatchExportDialog(window.session.library, [], "Tester", PrintOptions(), window)
    dialog.as_each.setChecked(True)
    assert Path(dialog.output.text()).parent == tmp_path
    chosen = tmp_path / "pdfs"
    chosen.mkdir()
    dialogs.answer = str(chosen)
    suggested = dialog.output.text()
    dialog._browse()
    assert dialogs.starts[-1] == ("getExistingDirectory", Path(suggested))
    assert dialog.output.text() == str(chosen)
    assert file_dialogs.start_folder("pdf") == chosen
    dialog.close()


def test_a_documents_folder_never_made_falls_back_to_home(monkeypatch, tmp_path):
    from deskapp.ui.common import file_dialogs

    missing = tmp_path / "Documents"
    monkeypatch.setattr(QStandardPaths, "writableLocation",
                        staticmethod(lambda _kind: str(missing)))
    assert file_dialogs.documents_folder() == Path.home()
    missing.mkdir()
    assert file_dialogs.documents_folder() == missing


def test_qt_s_own_dialog_opens_large_enough_to_read_its_columns(qtbot, tmp_path, monkeypatch):
    """The real dialog (Qt's own, in Vietnamese): heading and a usual value fit each column."""
    from PySide6.QtCore import QCoreApplication, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QTreeView

    from deskapp.ui.common.i18n import Translation

    (tmp_path / "bai-viet-ve-hoi-nghi-tong-ket.md").write_text("x" * 394_000)
    QSettings("Deskapp", "Deskapp").setValue(file_dialogs.settings_key("import"), str(tmp_path))
    translation = Translation.for_app()
    translation.install("vi")
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    seen: dict[str, object] = {}

    def look() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QFileDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, look)
            return
        tree = dialog.findChild(QTreeView, "treeView")
        header, model = tree.header(), tree.model()
        seen["size"] = dialog.size().toTuple()
        seen["columns"] = [
            (str(model.headerData(c, Qt.Orientation.Horizontal)), header.sectionSize(c),
             header.fontMetrics().horizontalAdvance(
                 str(model.headerData(c, Qt.Orientation.Horizontal))))
            for c in (1, 2, 3)]
        dialog.reject()

    try:
        QTimer.singleShot(50, look)
        assert file_dialogs.open_file(None, "Nhập bài", "import", "Bài viết (*.md)") is None
    finally:
        translation.install("en")
    width, height = seen["size"]
    assert width >= 800 and height >= 480
    for heading, size, needed in seen["columns"]:
        assert size >= needed + 20, heading
