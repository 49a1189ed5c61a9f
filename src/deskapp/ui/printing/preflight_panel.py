"""Preflight findings as a list; choosing one puts the editor's cursor on the spot.

Findings come from :func:`deskapp.pdf.export.preflight` (characters no
bundled font can draw, photos missing or below resolution). Each carries its
field and offset in the text that was checked; when the text has changed
since, the nearest occurrence of the same character (or photo reference) is
used instead.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from deskapp.messages import FIELD_NAMES, language
from deskapp.pdf.findings import Finding
from deskapp.ui.common.theme import set_tone
from deskapp.ui.editor.editor import EditorPanel

FINDING_ROLE = Qt.ItemDataRole.UserRole


def locate(finding: Finding, text: str) -> tuple[int, int] | None:
    """Where ``finding`` is in ``text`` now: (start, end), or None when it is gone."""
    if finding.offset is None:
        return None
    if finding.code == "missing_glyph" and finding.char:
        wanted = finding.char
        if text[finding.offset:finding.offset + len(wanted)] == wanted:
            return finding.offset, finding.offset + len(wanted)
        places = [m.start() for m in re.finditer(re.escape(wanted), text)]
        if not places:
            return None
        best = min(places, key=lambda p: abs(p - finding.offset))  # type: ignore[operator]
        return best, best + len(wanted)
    name = str(finding.data.get("name", ""))
    pattern = re.compile(r"!\[[^\]]*\]\(\s*<?(?:asset:)?" + re.escape(name) + r"[\s>)]")
    places = [(m.start(), m.end()) for m in pattern.finditer(text)] if name else []
    if not places:
        return (finding.offset, finding.offset) if finding.offset <= len(text) else None
    return min(places, key=lambda p: abs(p[0] - finding.offset))  # type: ignore[operator]


class PreflightPanel(QWidget):
    """The list; ``jumped(field)`` after the cursor was moved to a finding."""

    jumped = Signal(str)

    def __init__(self, editor: EditorPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.summary = QLabel(self)
        self.summary.setObjectName("preflightSummary")
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("preflightList")
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self.go_to)
        self.list.itemClicked.connect(self.go_to)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.findings: list[Finding] = []

    def show_findings(self, findings: list[Finding], *, stopped: bool = False) -> None:
        """List ``findings``; ``stopped`` says the export was refused because of them."""
        self.findings = list(findings)
        self.list.clear()
        errors = sum(1 for f in findings if f.blocking)
        warnings = len(findings) - errors
        if not findings:
            self.summary.setText(self.tr("Ready to print: every character has a glyph and "
                                         "every photo is in place."))
            set_tone(self.summary, "ok-text")
        else:
            text = self.tr("%1 error(s) that stop the export, %2 warning(s).") \
                .replace("%1", str(errors)).replace("%2", str(warnings))
            if stopped:
                text = self.tr("The PDF was not written.") + " " + text
            self.summary.setText(text + " " + self.tr("Click an entry to go to it."))
            set_tone(self.summary, "error-text" if errors else "warning-text")
        lang = language()
        style = self.style()
        icons = {True: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                 False: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)}
        for finding in findings:
            item = QListWidgetItem(icons[finding.blocking], self._text(finding, lang))
            item.setData(FINDING_ROLE, finding)
            item.setToolTip(item.text())
            self.list.addItem(item)

    def go_to(self, item: QListWidgetItem) -> bool:
        """Put the cursor on the finding's spot in its field and focus that field."""
        finding = item.data(FINDING_ROLE)
        if not isinstance(finding, Finding) or self.editor.field_widget(finding.where) is None:
            return False
        place = locate(finding, self.editor.field_text(finding.where))
        if place is None:
            return False
        moved = self.editor.select_range(finding.where, *place)
        if moved:
            self.jumped.emit(finding.where)
        return moved

    def _text(self, finding: Finding, lang: str) -> str:
        text = finding.message(lang)
        if finding.code != "missing_glyph" and finding.line is not None:
            where = FIELD_NAMES.get(finding.where, (finding.where, finding.where))
            place = self.tr("%1, line %2, column %3").replace(
                "%1", where[0 if lang == "vi" else 1]).replace("%2", str(finding.line)) \
                .replace("%3", str(finding.column))
            text += f" ({place})"
        return text
