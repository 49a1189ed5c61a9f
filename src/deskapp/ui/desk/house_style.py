"""The newsroom's house style for proofing, in the window (Article → House style…).

:class:`HouseStyleDialog` shows every choice of the setting ``proof_style``
(:mod:`deskapp.proof.house`) and the rules the newsroom turned off
(``proof_rules_off``). An editor changes them and saves them to the library;
a reporter sees them and cannot change them (the house style is the desk's,
like the name register). After a change the open article is checked again.
"""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from deskapp.errors import DeskappError
from deskapp.proof import RULES, rule_name
from deskapp.proof.house import house_style
from deskapp.ui.common.i18n import OwnContextTr, core_language

if TYPE_CHECKING:
    from deskapp.ui.editor.session import ArticleSession

# The choices of ``proof_style`` the page shows, in its order (the boolean is a check box).
CHOICE_KEYS = ("unit_in_full_name", "state_words", "thousands", "decimal", "dates")


class HouseStyleDialog(OwnContextTr, QDialog):
    """Every house-style choice with its words; Save for editors, read-only for reporters."""

    changed = Signal()

    def __init__(self, session: ArticleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("houseStyleDialog")
        self.setWindowTitle(self.tr("House style"))
        self.editable = session.role == "editor"
        intro = QLabel(self.tr(
            "The choices the State's rules leave to the newsroom. Proofing follows them in "
            "every article."), self)
        intro.setWordWrap(True)

        self.choices: dict[str, QComboBox] = {}
        form = QFormLayout()
        for key, label, options in self._options():
            box = QComboBox(self)
            box.setObjectName(f"style_{key}")
            for value, words in options:
                box.addItem(words, value)
            self.choices[key] = box
            form.addRow(label, box)
        self.spacing = QCheckBox(self.tr("Check the &space after punctuation and around "
                                         "brackets"), self)
        self.spacing.setObjectName("style_punctuation_spacing")
        form.addRow("", self.spacing)

        rules_box = QGroupBox(self.tr("Rules proofing uses"), self)
        grid = QGridLayout(rules_box)
        lang = core_language()
        self.rules: dict[str, QCheckBox] = {}
        for i, rule in enumerate(RULES):
            check = QCheckBox(rule_name(rule, lang), rules_box)
            check.setObjectName(f"rule_{rule}")
            self.rules[rule] = check
            grid.addWidget(check, i // 2, i % 2)

        self.status = QLabel(self)
        self.status.setObjectName("houseStyleStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(QDialogButtonBox.StandardButton.Save)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(rules_box)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.show_stored()
        for widget in (*self.choices.values(), self.spacing, *self.rules.values(),
                       self.save_button):
            widget.setEnabled(self.editable)
        if not self.editable:
            self.status.setText(self.tr(
                "Only editors change the house style; it is the desk's for every article."))

    def _options(self) -> list[tuple[str, str, list[tuple[str, str]]]]:
        body = "Ủy ban nhân dân %1 Kon Tum"
        return [
            ("unit_in_full_name", self.tr("The &unit in a body's full name:"), [
                ("lower", self.tr("lower case (%1)").replace("%1", body.replace("%1", "tỉnh"))),
                ("upper", self.tr("capital (%1)").replace("%1", body.replace("%1", "Tỉnh"))),
                ("either", self.tr("either, not checked")),
            ]),
            ("state_words", self.tr("“Nhà nước”, “Nhân dân” (the &State, the People):"), [
                ("upper", self.tr("always with a capital (Đảng và Nhà nước)")),
                ("either", self.tr("either, not checked")),
            ]),
            ("thousands", self.tr("&Thousands:"), [
                (".", self.tr("a dot (5.000 đồng)")),
                ("", self.tr("not checked")),
            ]),
            ("decimal", self.tr("&Decimals:"), [
                (",", self.tr("a comma (12,5%)")),
                ("", self.tr("not checked")),
            ]),
            ("dates", self.tr("D&ates:"), [
                ("slash", self.tr("with slashes (ngày 5/12/2026)")),
                ("dash", self.tr("with dashes (ngày 5-12-2026)")),
                ("either", self.tr("either, not checked")),
            ]),
        ]

    # ---- showing and saving ----------------------------------------------------------
    def show_stored(self) -> None:
        """Put the library's choices (the defaults where it has none) in the widgets."""
        style = self.session.errors.guard(lambda: house_style(self.session.library.get_setting))
        if style is None:
            return
        for key, box in self.choices.items():
            box.setCurrentIndex(max(0, box.findData(getattr(style, key))))
        self.spacing.setChecked(style.punctuation_spacing)
        for rule, check in self.rules.items():
            check.setChecked(rule not in style.rules_off)

    def values(self) -> tuple[dict[str, Any], list[str]]:
        """The choices shown: the ``proof_style`` keys and the rules turned off."""
        style: dict[str, Any] = {key: str(box.currentData()) for key, box in self.choices.items()}
        style["punctuation_spacing"] = self.spacing.isChecked()
        off = [rule for rule, check in self.rules.items() if not check.isChecked()]
        return style, off

    def save(self) -> bool:
        """Store the choices in the library (editors only); the article is checked again."""
        if not self.editable:
            return False
        library = self.session.library
        style, off = self.values()
        try:
            stored = _json_object(library.get_setting("proof_style"))
            stored.update(style)  # keys this page does not know are kept
            library.set_setting("proof_style", json.dumps(stored, ensure_ascii=False))
            library.set_setting("proof_rules_off", json.dumps(off, ensure_ascii=False))
        except (DeskappError, sqlite3.Error) as error:
            self.session.errors.show(error)
            return False
        self.status.setText(self.tr("The house style is saved; the open article is checked "
                                    "again."))
        self.changed.emit()
        return True


def _json_object(text: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
