"""File → Import offers to convert VIQR, VNI and TCVN3 text files; English is imported as is."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from deskapp.text.legacy import encode_legacy, encode_viqr

TEXT = (
    "Ban chỉ đạo xây dựng và thực hiện quy chế dân chủ ở cơ sở tỉnh vừa tổ chức hội nghị "
    "tổng kết công tác năm 2013, đề ra phương hướng nhiệm vụ năm 2014. Các cấp ủy đảng đã "
    "thực sự quan tâm lãnh đạo, chỉ đạo triển khai thực hiện ở khu dân cư, xã, phường."
)
ENGLISH = ("The provincial People's Committee met this morning. Delegates discussed the "
           "economy (exports up 5%) and jobs. Is it done? Yes... \"We go on,\" she said.")


def answer_the_question(qtbot, button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Click ``button`` on the real question box once it is shown."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, click)


@pytest.mark.parametrize(("name", "data", "shown"), [
    ("viqr.txt", encode_viqr(TEXT).encode("ascii"), "VIQR"),
    ("vni.txt", encode_legacy(TEXT, "vni"), "VNI"),
    ("tcvn3.txt", encode_legacy(TEXT, "tcvn3"), "TCVN3"),
])
def test_legacy_text_is_offered_and_converted(qtbot, window, tmp_path, name, data, shown):
    src = tmp_path / name
    src.write_bytes(data)
    seen: list[str] = []
    answer_the_question(qtbot, QMessageBox.StandardButton.Yes, seen)
    [article] = window.files.import_paths([src])
    assert seen and f"looks like {shown}" in seen[0]
    assert article.body.startswith("Ban chỉ đạo xây dựng")
    assert window.editor.body.toPlainText().startswith("Ban chỉ đạo xây dựng")
    assert f"{name}: {shown}" in window.statusBar().currentMessage()


def test_declined_viqr_is_imported_as_written(qtbot, window, tmp_path):
    src = tmp_path / "viqr.txt"
    written = encode_viqr(TEXT)
    src.write_text(written, encoding="ascii")
    seen: list[str] = []
    answer_the_question(qtbot, QMessageBox.StandardButton.No, seen)
    [article] = window.files.import_paths([src])
    assert seen
    assert article.body.startswith("Ban chi? dda.o xa^y du+.ng")  # kept as written
    assert "Unicode" not in window.statusBar().currentMessage()


def test_english_is_imported_without_a_question(qtbot, window, tmp_path):
    src = tmp_path / "english.txt"
    src.write_text(ENGLISH, encoding="utf-8")

    def never(name, found):
        raise AssertionError("no question for English")

    window.files.confirm_conversion = never
    [article] = window.files.import_paths([src])
    assert article.body == ENGLISH
    assert "Unicode" not in window.statusBar().currentMessage()
