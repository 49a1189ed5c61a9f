"""The house-style dialog through its real widgets: an editor changes it, a reporter reads it."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QPoint, Qt

from deskapp.model import Article
from deskapp.proof import RULES
from deskapp.ui.desk.house_style import HouseStyleDialog
from deskapp.ui.shell.profile import Profile

BODY = "Hội nghị ngày 5-12-2026 tại Ủy ban nhân dân Tỉnh Kon Tum,đoàn về."


def be(window, role: str) -> None:
    window.preferences.set_profile(Profile("Trần Thị B", role))


def open_style(qtbot, window) -> HouseStyleDialog:
    window.desk_commands.act_house_style.trigger()
    dialog = window.desk_commands.house_style_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    return dialog


def choose(box, value) -> None:
    index = box.findData(value)
    assert index >= 0, value
    box.setCurrentIndex(index)


def checked_rules(panel) -> set[str]:
    return {f.rule for f in panel.findings}


def test_the_dialog_shows_every_choice_with_the_defaults(qtbot, window):
    be(window, "editor")
    dialog = open_style(qtbot, window)
    assert set(dialog.choices) == {"unit_in_full_name", "state_words", "thousands", "decimal",
                                   "dates"}
    assert {k: b.currentData() for k, b in dialog.choices.items()} == {
        "unit_in_full_name": "lower", "state_words": "upper", "thousands": ".",
        "decimal": ",", "dates": "slash"}
    assert dialog.spacing.isChecked() and set(dialog.rules) == set(RULES)
    assert all(check.isChecked() for check in dialog.rules.values())
    assert dialog.choices["dates"].itemText(0).endswith("(ngày 5/12/2026)")
    assert dialog.save_button.isEnabled()
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    assert any(window.desk_commands.act_house_style in m.actions() for m in menus)


def test_an_editor_saves_choices_and_the_open_article_is_checked_again(qtbot, window, library):
    be(window, "editor")
    article = library.create(Article(title="Tít", lead="Sapo.", byline="PV", body=BODY))
    window.session.open(article.id)
    panel = window.review.proof
    panel.run()
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=5000)
    assert {"date_style", "capitalization", "space_after_punctuation"} <= checked_rules(panel)

    dialog = open_style(qtbot, window)
    choose(dialog.choices["dates"], "dash")
    choose(dialog.choices["unit_in_full_name"], "either")
    qtbot.mouseClick(dialog.spacing, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, dialog.spacing.height() // 2))
    dialog.rules["double_space"].setChecked(False)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    style = json.loads(library.get_setting("proof_style"))
    assert style == {"unit_in_full_name": "either", "state_words": "upper", "thousands": ".",
                     "decimal": ",", "dates": "dash", "punctuation_spacing": False}
    assert json.loads(library.get_setting("proof_rules_off")) == ["double_space"]
    assert "saved" in dialog.status.text()
    # the article is checked again under the new choices: a dash date is right now
    qtbot.waitUntil(lambda: "date_style" not in checked_rules(panel), timeout=5000)
    assert "space_after_punctuation" not in checked_rules(panel)
    assert "capitalization" not in checked_rules(panel)


def test_choices_the_page_does_not_know_are_kept(qtbot, window, library):
    be(window, "editor")
    library.set_setting("proof_style", json.dumps({"dates": "either", "later": 1}))
    dialog = open_style(qtbot, window)
    assert dialog.choices["dates"].currentData() == "either"
    choose(dialog.choices["thousands"], "")
    assert dialog.save()
    assert json.loads(library.get_setting("proof_style"))["later"] == 1
    reopened = HouseStyleDialog(window.session, window)
    assert reopened.choices["thousands"].currentData() == ""


def test_a_reporter_sees_the_choices_and_cannot_change_them(qtbot, window, library):
    be(window, "editor")
    library.set_setting("proof_style", json.dumps({"dates": "dash"}))
    be(window, "reporter")
    dialog = open_style(qtbot, window)
    assert dialog.choices["dates"].currentData() == "dash"
    assert not dialog.save_button.isEnabled()
    assert not any(w.isEnabled() for w in (*dialog.choices.values(), dialog.spacing,
                                            *dialog.rules.values()))
    assert "Only editors" in dialog.status.text()
    assert not dialog.save()
    assert json.loads(library.get_setting("proof_style")) == {"dates": "dash"}


def test_the_dialog_speaks_vietnamese(qtbot, window):
    from deskapp.ui.common.i18n import Translation

    be(window, "editor")
    translation = Translation.for_app()
    translation.install("vi")  # the dialog is built in the language installed
    try:
        dialog = HouseStyleDialog(window.session, window)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Quy ước tòa soạn"
        assert dialog.choices["dates"].itemText(1) == "dấu gạch ngang (ngày 5-12-2026)"
        assert dialog.rules["misspelling"].text() == "Lỗi chính tả thường gặp"
        assert dialog.save_button.text() == "Lưu"
        menu_entry = QCoreApplication.translate("DeskCommands", "&House style…")
        assert menu_entry == "&Quy ước tòa soạn…"
    finally:
        translation.install("en")
