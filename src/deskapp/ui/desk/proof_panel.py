"""The proofing panel: findings of ``deskapp.proof`` for the open article.

The check runs on a worker thread after a pause in the typing, with at
most one run in flight (later edits set an "again" flag). Findings are
listed with their rule and message, underlined in the lead and body, and
fixed through the editor widgets, so every fix is an ordinary undoable edit.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deskapp.model import Article
from deskapp.proof import Finding, apply_fix, apply_fixes, check, describe_finding, rule_name
from deskapp.proof.findings import FIELDS
from deskapp.proof.house import HouseStyle
from deskapp.ui.common.i18n import core_language, plural
from deskapp.ui.common.workers import Coalesced
from deskapp.ui.editor.decorations import finding_format
from deskapp.ui.editor.editor import EditorPanel

PROOF_DELAY_MS = 800
FINDING_ROLE = Qt.ItemDataRole.UserRole


class ProofPanel(QWidget):
    """Lists findings; ``checked(count)`` after every run."""

    checked = Signal(int)

    def __init__(self, editor: EditorPanel, house: Callable[[], HouseStyle],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proofPanel")
        self.editor = editor
        self.house = house  # the newsroom's choices and register, read on the UI thread
        self.findings: list[Finding] = []
        self._checked_text: Article | None = None
        self.job = Coalesced(self, PROOF_DELAY_MS, self.run)
        self.summary = QLabel(self)
        self.summary.setObjectName("proofSummary")
        self.list = QListWidget(self)
        self.list.setObjectName("proofList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.fix_button = QPushButton(self.tr("&Fix"), self)
        self.fix_button.setToolTip(self.tr("Apply the suggested correction to this finding"))
        self.fix_all_button = QPushButton(self.tr("Fix &all"), self)
        self.fix_all_button.setToolTip(self.tr("Apply every safe correction (undo with Ctrl+Z)"))
        self.recheck_button = QPushButton(self.tr("Check again"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.fix_button)
        buttons.addWidget(self.fix_all_button)
        buttons.addStretch(1)
        buttons.addWidget(self.recheck_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

        self.list.itemClicked.connect(self._show_finding)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.fix_button.clicked.connect(lambda: self.fix_current())
        self.fix_all_button.clicked.connect(lambda: self.fix_all())
        self.recheck_button.clicked.connect(lambda: self.run())
        editor.changed.connect(self.request)
        self._show([])

    # ---- checking ------------------------------------------------------------
    def request(self) -> None:
        """Check again after a pause in the typing."""
        self.job.request()

    def run(self) -> None:
        """Check the article as it is in the editor now (in the background)."""
        if not self.job.begin():
            return
        snapshot = self.editor.snapshot()
        if snapshot is None:
            self._checked_text = None
            self._show([])
            return
        if not _has_text(snapshot):  # a new article: "missing headline" helps nobody yet
            self._checked_text = snapshot
            self._show([], waiting=True)
            return
        house = self.house()

        def done(findings: object) -> None:
            if self.editor.article_id != snapshot.id:  # another article is open now
                return
            self._checked_text = snapshot
            self._show(list(findings))  # type: ignore[call-overload]

        def failed(_error: Exception) -> None:
            self.summary.setText(self.tr("Proofing failed on this text."))

        self.job.start(lambda: check(snapshot, house=house), done, failed)

    def is_busy(self) -> bool:
        return self.job.is_busy()

    def current_count(self) -> int | None:
        """How many findings the text in the editor has now; None when not checked as it is."""
        if self.is_busy() or not self._is_current():
            return None
        return len(self.findings)

    def wait(self) -> None:
        self.job.wait()

    def article_changed(self) -> None:
        """A new article is open: forget the old findings and check at once."""
        self._checked_text = None
        self._show([])
        self.run()

    # ---- fixing --------------------------------------------------------------
    def fix_current(self) -> bool:
        item = self.list.currentItem()
        finding = item.data(FINDING_ROLE) if item else None
        if finding is None or finding.fix is None or not self._is_current():
            return False
        snapshot = self.editor.snapshot()
        if snapshot is None:
            return False
        try:
            fixed = apply_fix(snapshot, finding)
        except Exception:  # the text changed under the finding: check again
            self.run()
            return False
        self._write(snapshot, fixed)
        return True

    def fix_all(self) -> int:
        """Apply every safe fix; returns how many findings had one."""
        snapshot = self.editor.snapshot()
        if snapshot is None or not self._is_current():
            return 0
        fixable = [f for f in self.findings if f.fix is not None]
        self._write(snapshot, apply_fixes(snapshot, fixable))
        return len(fixable)

    def _write(self, before: Article, after: Article) -> None:
        for name in FIELDS:
            self.editor.replace_text(name, getattr(after, name))
        self.run()

    def _is_current(self) -> bool:
        """True when the findings were computed on the text the editor holds now."""
        snapshot = self.editor.snapshot()
        checked = self._checked_text
        return (snapshot is not None and checked is not None
                and all(getattr(snapshot, n) == getattr(checked, n) for n in FIELDS))

    # ---- showing -------------------------------------------------------------
    def _show(self, findings: list[Finding], *, waiting: bool = False) -> None:
        self.findings = findings
        self.list.clear()
        lang = core_language()
        for finding in findings:
            where = self._where(finding)
            text = f"{rule_name(finding.rule, lang)} · {where}\n{describe_finding(finding, lang)}"
            item = QListWidgetItem(text, self.list)
            item.setData(FINDING_ROLE, finding)
            if finding.fix is not None:
                item.setToolTip(self.tr("Suggested: %1").replace("%1", finding.fix or "∅"))
        if waiting:
            self.summary.setText(self.tr("Proofing starts when the article has some text."))
        elif self._checked_text is None and not findings:
            self.summary.setText(self.tr("Not checked yet"))
        elif findings:
            self.summary.setText(plural(self.tr("%n finding(s)", "", len(findings)),
                                        len(findings)))
        else:
            self.summary.setText(self.tr("No findings: the article is clean."))
        for name, decorations in self.editor.decorations.items():
            ranges = [(f.start, f.end) for f in findings if f.field == name]
            decorations.set_ranges("proof", ranges, finding_format())
        self._update_buttons()
        self.checked.emit(len(findings))

    def _where(self, finding: Finding) -> str:
        names = {"title": self.tr("headline"), "lead": self.tr("lead"),
                 "body": self.tr("body"), "byline": self.tr("byline")}
        return self.tr("%1, line %2").replace("%1", names.get(finding.field, finding.field)) \
            .replace("%2", str(finding.line))

    def _show_finding(self, item: QListWidgetItem) -> None:
        finding: Finding | None = item.data(FINDING_ROLE)
        if finding is not None and self._is_current():
            self.editor.select_range(finding.field, finding.start, finding.end)

    def _update_buttons(self) -> None:
        item = self.list.currentItem()
        finding = item.data(FINDING_ROLE) if item else None
        self.fix_button.setEnabled(finding is not None and finding.fix is not None)
        self.fix_all_button.setEnabled(any(f.fix is not None for f in self.findings))


def _has_text(article: Article) -> bool:
    """Something written: a headline, a lead or a body (a byline alone is the profile's)."""
    return any(getattr(article, name).strip() for name in ("title", "lead", "body"))
