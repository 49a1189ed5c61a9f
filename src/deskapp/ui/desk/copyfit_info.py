"""Status bar copyfit: words against the desk's target ("+35 chữ") and printed lines.

Counting parses the body and the line count wraps it with the PDF export's
own styles, so both run on a worker thread after a pause in the typing,
with at most one run in flight.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from deskapp.model import Article
from deskapp.ui.common.i18n import OwnContextTr
from deskapp.ui.common.workers import Coalesced
from deskapp.ui.editor.editor import EditorPanel

COPYFIT_DELAY_MS = 900

if TYPE_CHECKING:
    from deskapp.desk.copyfit import Fit


def measure_fit(article: Article, preset: object) -> Fit:
    """:func:`deskapp.desk.copyfit.measure`, loaded with the first count (after the paint)."""
    from deskapp.desk.copyfit import measure as measure_copyfit

    return measure_copyfit(article, preset)  # type: ignore[arg-type]


def measure(article: Article, preset: str) -> Fit:
    """Counts and lines for ``article`` at ``preset``'s column width (runs off the UI thread)."""
    from deskapp.pdf.presets import load_preset
    from deskapp.workspace import user_presets_dir

    try:
        chosen: object = load_preset(preset, extra_dirs=[user_presets_dir()])
    except Exception:  # an unknown or broken preset: the bundled default's width
        chosen = "a4-article"
    return measure_fit(article, chosen)  # type: ignore[arg-type]


class CopyfitInfo(OwnContextTr, QObject):
    """A status bar label; ``measured(fit)`` after each count."""

    measured = Signal(object)

    def __init__(self, editor: EditorPanel, preset: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.preset = preset
        self.fit: Fit | None = None
        self.label = QLabel(parent)
        self.label.setObjectName("copyfit")
        self.job = Coalesced(self, COPYFIT_DELAY_MS, self.run)
        editor.changed.connect(self.job.request)
        editor.targetChanged.connect(lambda _t: self.job.request())

    def run(self) -> None:
        if not self.job.begin():
            return
        snapshot = self.editor.snapshot()
        if snapshot is None:
            self.label.clear()
            return
        preset = self.preset()
        self.job.start(lambda: measure(snapshot, preset),
                       lambda fit: self.show(fit), lambda _error: None)

    def stop(self) -> None:
        self.job.stop()

    def wait(self) -> None:
        self.job.wait()

    def show(self, fit: Fit) -> None:
        self.fit = fit
        parts = []
        over, lines = fit.over, fit.unit == "lines"
        if over is not None and over > 0:
            text = (self.tr("+%1 lines") if lines else self.tr("+%1 words")).replace(
                "%1", str(over))
            parts.append(f"<span style='color:#c01818; font-weight:bold'>{text}</span>")
        elif over is not None and over < 0:
            text = (self.tr("%1 lines left") if lines else self.tr("%1 words left")).replace(
                "%1", str(-over))
            parts.append(f"<span style='color:#8a5a00'>{text}</span>")
        elif over == 0:
            on_target = self.tr("on target")
            parts.append(f"<span style='color:#1b7a1b'>{on_target}</span>")
        if fit.lines is not None:
            parts.append(self.tr("%1 lines").replace("%1", str(fit.lines)))
        self.label.setText(" · ".join(parts))
        tip = self.tr("%1 words in the headline, lead and body").replace("%1", str(fit.words))
        if fit.target is not None:
            target = (self.tr("target %1 lines") if lines else self.tr("target %1 words"))
            tip += " / " + target.replace("%1", str(fit.target))
        self.label.setToolTip(tip + "\n" + self.tr("Lines: body set in one column of the "
                                                   "print preset"))
        self.measured.emit(fit)
