"""Edit and Help commands on the text: paste as plain text, the newsroom's tone style,
typing diagnostics."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from deskapp.ui.common.i18n import OwnContextTr, plural
from deskapp.ui.common.shortcuts import command

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar, QWidget

    from deskapp.ui.editor.editor import EditorPanel
    from deskapp.ui.editor.typing_panel import TypingDiagnostics


class TextCommands(OwnContextTr, QObject):
    """Edit → Paste as plain text / Apply the newsroom tone style; Help → Typing diagnostics."""

    def __init__(self, host: QWidget, editor: EditorPanel, status_bar: QStatusBar) -> None:
        super().__init__(host)
        self.host = host
        self.editor = editor
        self._status = status_bar
        self.act_paste_plain = command(self.tr("Paste as plain te&xt"), host,
                                       editor.body.paste_plain, "Ctrl+Shift+V")
        self.act_paste_plain.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        editor.body.addAction(self.act_paste_plain)
        self.act_tone_style = command(self.tr("Apply the newsroom &tone style to this article"),
                                      host, self.apply_tone_style)
        self.act_diagnostics = command(self.tr("Typing &diagnostics…"), host,
                                       self.show_diagnostics)

    def apply_tone_style(self) -> int:
        """Move tones in every field to the newsroom's style; each field is one undo step."""
        if self.editor.article_id is None:
            return 0
        from deskapp.text.tone import convert_tone_style

        changed = self.editor.convert_text(
            lambda text: convert_tone_style(text, self.editor.typing.style))
        self._status.showMessage(
            plural(self.tr("Tone style applied: %n field(s) changed", "", changed), changed), 4000)
        return changed

    def show_diagnostics(self) -> TypingDiagnostics:
        from deskapp.ui.editor.typing_panel import TypingDiagnostics

        dialog = TypingDiagnostics(self.editor.typing, self.host)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
