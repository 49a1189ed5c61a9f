"""Built-in Vietnamese typing: the menu, the Alt+Z toggle, the status bar badge, diagnostics."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from deskapp.text.tone_setting import style_setting
from deskapp.ui.common.i18n import OwnContextTr
from deskapp.ui.common.shortcuts import keys, make_action
from deskapp.ui.editor.text_edit import NfcLineEdit, VietnameseTyping

METHODS = ("telex", "telex-classic", "vni")
translate = QCoreApplication.translate


class TypingControls(OwnContextTr, QObject):
    """Menu entries and a badge that switch the shared :class:`VietnameseTyping`."""

    changed = Signal(object)  # the method ("telex", "telex-classic", "vni") or None
    styleChanged = Signal(str)  # "old" or "new"
    restoreChanged = Signal(bool)  # restore the keys of words that are not Vietnamese

    def __init__(self, typing: VietnameseTyping, parent: QWidget) -> None:
        super().__init__(parent)
        self.typing = typing
        self._last = typing.method or "telex"
        self.group = QActionGroup(self)
        self.actions: dict[str | None, QAction] = {}
        for method, text in ((None, self.tr("Off (use the system input method)")),
                             ("telex", self.tr("Telex as Unikey types it (w → ư)")),
                             ("telex-classic", self.tr("Telex classic (w stays w)")),
                             ("vni", self.tr("VNI"))):
            act = make_action(text, self)
            act.setCheckable(True)
            act.triggered.connect(lambda _c=False, m=method: self.set_method(m))
            self.group.addAction(act)
            self.actions[method] = act
        self.style_group = QActionGroup(self)
        self.style_actions: dict[str, QAction] = {}
        for style, text in (("old", self.tr("Old tone style (hòa, khỏe, thủy)")),
                            ("new", self.tr("New tone style (hoà, khoẻ, thuỷ)"))):
            act = make_action(text, self)
            act.setCheckable(True)
            act.triggered.connect(lambda _c=False, s=style: self.set_style(s))
            self.style_group.addAction(act)
            self.style_actions[style] = act
        self.restore_action = make_action(
            self.tr("Restore keys for words that are not Vietnamese (Samsung, coffee)"), self)
        self.restore_action.setCheckable(True)
        self.restore_action.setChecked(typing.restore)
        self.restore_action.toggled.connect(self.set_restore)
        self.toggle = make_action(self.tr("Vietnamese typing"), self)
        self.toggle.setCheckable(True)
        self.toggle.setShortcut(keys("Alt+Z"))
        self.toggle.triggered.connect(self.toggle_method)
        self.badge = QLabel(parent)
        self.badge.setObjectName("typingBadge")
        self.badge.setToolTip(self.tr("Built-in Vietnamese typing (Alt+Z)"))
        self._show()

    def fill_menu(self, menu: QMenu) -> None:
        menu.addAction(self.toggle)
        menu.addSeparator()
        for act in self.actions.values():
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction(self.restore_action)
        menu.addSeparator()
        for act in self.style_actions.values():
            menu.addAction(act)

    def set_restore(self, on: bool) -> None:
        """Turn the restore of keys for words that are not Vietnamese on or off."""
        if self.typing.restore != on:
            self.typing.restore = on
            self.restoreChanged.emit(on)
        self.restore_action.setChecked(on)

    def set_style(self, style: str) -> None:
        style = style_setting(style)
        self.typing.style = style
        self.style_actions[style].setChecked(True)
        self.styleChanged.emit(style)

    def set_method(self, method: str | None) -> None:
        if method is not None and method not in METHODS:
            method = None
        if method:
            self._last = method
        self.typing.method = method
        self._show()
        self.changed.emit(method)

    def toggle_method(self) -> None:
        self.set_method(None if self.typing.method else self._last)

    def _show(self) -> None:
        self.actions[self.typing.method].setChecked(True)
        method = self.typing.method
        self.toggle.setChecked(method is not None)
        name = self.method_name(method)
        self.toggle.setText(self.tr("Vietnamese typing: %1").replace("%1", name))
        self.badge.setText(f"  {name}  " if method else self.tr("  EN  "))

    def method_name(self, method: str | None) -> str:
        """What the menu, the badge and the diagnostics call ``method``."""
        return method_name(method)


def method_name(method: str | None) -> str:
    """Telex (Unikey), Telex classic, VNI or off, in the interface language."""
    names = {"telex": translate("TypingControls", "Telex (Unikey)"),
             "telex-classic": translate("TypingControls", "Telex classic"),
             "vni": translate("TypingControls", "VNI")}
    return names.get(method or "", translate("TypingControls", "off"))


class TypingDiagnostics(QDialog):
    """Help → Typing diagnostics: which input method Qt sees, and a field to try it."""

    def __init__(self, typing: VietnameseTyping, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QDialogButtonBox

        super().__init__(parent)
        self.setWindowTitle(self.tr("Typing diagnostics"))
        form = QFormLayout()
        for label, value in self.facts(typing):
            field = QLabel(value, self)
            field.setTextInteractionFlags(field.textInteractionFlags()
                                          | field.textInteractionFlags().TextSelectableByMouse)
            form.addRow(label, field)
        self.test_field = NfcLineEdit(self, typing)
        self.test_field.setPlaceholderText(self.tr("Type here: Tiếng Việt có dấu"))
        form.addRow(self.tr("Try typing"), self.test_field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def facts(self, typing: VietnameseTyping) -> list[tuple[str, str]]:
        plugins_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
        contexts = sorted(p.stem for p in (plugins_dir / "platforminputcontexts").glob("*")
                          if p.is_file())
        method = QGuiApplication.inputMethod()
        return [
            (self.tr("Window system"), QGuiApplication.platformName()),
            (self.tr("QT_IM_MODULE"), os.environ.get("QT_IM_MODULE") or self.tr("(not set)")),
            (self.tr("Input context plugins shipped"), ", ".join(contexts) or self.tr("none")),
            (self.tr("Keyboard locale"), method.locale().name() if method else "?"),
            (self.tr("Built-in typing"), method_name(typing.method)),
            (self.tr("Tone style"), self.tr("new (hoà, khoẻ, thuỷ)") if typing.style == "new"
             else self.tr("old (hòa, khỏe, thủy)")),
            (self.tr("Restore keys of words that are not Vietnamese"),
             self.tr("on") if typing.restore else self.tr("off")),
        ]
