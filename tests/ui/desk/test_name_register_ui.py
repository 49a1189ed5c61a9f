"""The name register dialog through its real widgets: an editor changes it, a reporter reads it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from deskapp.model import Article, Status
from deskapp.store.names import entries
from deskapp.ui.desk.name_register import NameEntryDialog, NameRegisterDialog
from deskapp.ui.shell.profile import Profile
from qt_helpers import type_text


def be(window, role: str) -> None:
    window.preferences.set_profile(Profile("Trần Thị B", role))


def open_register(qtbot, window) -> NameRegisterDialog:
    window.desk_commands.act_names.trigger()
    dialog = window.desk_commands.names_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    return dialog


def typed_entry(dialog: NameRegisterDialog, name: str, kind: str = "person"):
    """Answer the entry question by typing into the real entry dialog."""
    def ask(entry):
        form = NameEntryDialog(dialog.session, entry, dialog)
        form.name.clear()
        type_text(form.name, name)
        form.kind.setCurrentIndex(form.kind.findData(kind))
        return form.answer()
    return ask


def cells(dialog: NameRegisterDialog) -> list[tuple[str, str]]:
    table = dialog.table
    return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]


def test_an_editor_adds_changes_and_removes_names(qtbot, window, library):
    be(window, "editor")
    dialog = open_register(qtbot, window)
    assert dialog.editable and dialog.add_button.isEnabled()
    dialog.ask_entry = typed_entry(dialog, "Hoàng Văn Kì")
    assert dialog.add()
    dialog.ask_entry = typed_entry(dialog, "Đắk Glei", "place")
    assert dialog.add()
    assert cells(dialog) == [("Đắk Glei", "Place"), ("Hoàng Văn Kì", "Person")]
    dialog.table.selectRow(1)
    dialog.ask_entry = typed_entry(dialog, "Hoàng Văn Kỳ")
    assert dialog.change_selected()
    assert [e.name for e in entries(library)] == ["Đắk Glei", "Hoàng Văn Kỳ"]
    dialog.table.selectRow(0)
    dialog.ask_remove = lambda name: name == "Đắk Glei"
    assert dialog.remove_selected()
    assert cells(dialog) == [("Hoàng Văn Kỳ", "Person")]
    assert "out of the register" in dialog.status.text()


def test_the_proofing_panel_follows_the_register(qtbot, window, library):
    be(window, "editor")
    article = library.create(Article(title="Tít", lead="Sapo.", byline="PV",
                                     body="Ông Hoàng Văn Kì phát biểu."))
    window.session.open(article.id)
    panel = window.review.proof
    panel.run()
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=5000)
    assert not any(f.rule == "name_register" for f in panel.findings)
    dialog = open_register(qtbot, window)
    dialog.ask_entry = typed_entry(dialog, "Hoàng Văn Kỳ")
    assert dialog.add()
    qtbot.waitUntil(lambda: any(f.rule == "name_register" for f in panel.findings),
                    timeout=5000)
    [finding] = [f for f in panel.findings if f.rule == "name_register"]
    assert finding.fix == "Hoàng Văn Kỳ"


def test_filling_from_approved_articles(qtbot, window, library):
    be(window, "editor")
    approved = library.create(Article(
        title="Tít", lead="Sapo.", byline="PV",
        body="Ông Hoàng Văn Kỳ làm việc với Ủy ban nhân dân tỉnh Kon Tum."))
    approved.status = Status.APPROVED
    library.save(approved)
    dialog = open_register(qtbot, window)
    qtbot.mouseClick(dialog.fill_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "names added" in dialog.status.text(), timeout=5000)
    assert dialog.status.text().startswith("3 names added")
    assert {name for name, _kind in cells(dialog)} == {
        "Hoàng Văn Kỳ", "Kon Tum", "Ủy ban nhân dân tỉnh Kon Tum"}


def test_a_reporter_reads_but_cannot_change(qtbot, window, library):
    be(window, "reporter")
    dialog = open_register(qtbot, window)
    assert not dialog.editable
    assert not any(b.isEnabled() for b in (dialog.add_button, dialog.change_button,
                                           dialog.remove_button, dialog.fill_button))
    assert "Only editors" in dialog.status.text()
    assert dialog.add() is False and dialog.change_selected() is False
    assert entries(library) == []
