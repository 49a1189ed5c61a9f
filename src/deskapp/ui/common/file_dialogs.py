"""Every file dialog of the window: where it starts and the folder it remembers.

A dialog starts in the folder last used for its kind of file (kept in the
user's Qt settings, ``QSettings("Deskapp", "Deskapp")``, one key per kind), and
the first time in the user's documents folder, never in the program's own.
The kinds: ``import`` (articles to import), ``pdf`` (a PDF export, one article
or a batch), ``document`` (Word and Markdown exports), ``package`` (article
packages, the key ``packages/folder`` kept from earlier versions), ``photo``
and ``library`` (the whole library exported to a folder).

``QFileDialog`` and ``QStandardPaths`` are imported when a dialog opens: the
first paint needs neither (docs/ARCHITECTURE.md, Start-up).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

KINDS = ("import", "pdf", "document", "package", "photo", "library")


def settings_key(kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown kind of file dialog: {kind}")
    return "packages/folder" if kind == "package" else f"folders/{kind}"


def documents_folder() -> Path:
    from PySide6.QtCore import QStandardPaths

    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    # A desktop may name a documents folder that was never made: the home folder then.
    return Path(found) if found and Path(found).is_dir() else Path.home()


def start_folder(kind: str) -> Path:
    """The folder last used for ``kind`` while it still exists, else the documents folder."""
    stored = str(QSettings("Deskapp", "Deskapp").value(settings_key(kind), "") or "")
    if stored and Path(stored).is_dir():
        return Path(stored)
    return documents_folder()


def remember(kind: str, chosen: str | Path, *, is_folder: bool = False) -> None:
    """Keep the folder of a chosen file (or the chosen folder itself) for next time."""
    path = Path(chosen)
    QSettings("Deskapp", "Deskapp").setValue(settings_key(kind),
                                             str(path if is_folder else path.parent))


# Qt's own dialog (used on Linux in Vietnamese, or with a chosen theme) opens small, its
# Size, Type and Date columns cut ("385…tes", "Mar…ent"): it opens at least this large,
# each of those columns as wide as its heading and a usual value.
OWN_DIALOG_SIZE = (860, 520)
_COLUMN_SAMPLES = ("999,9 KB", "Markdown document", "05/12/2026 01:26")


class _DialogFitter(QObject):
    """Sizes Qt's own file dialog and its columns when it first shows."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        from PySide6.QtWidgets import QFileDialog

        if event.type() == QEvent.Type.Show and isinstance(watched, QFileDialog):
            fit_dialog(watched)
        return False


def fit_dialog(dialog: QWidget) -> None:
    """Qt's own file dialog at a readable size, its columns showing heading and value."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTreeView

    width, height = OWN_DIALOG_SIZE
    screen = dialog.screen().availableGeometry() if dialog.screen() else None
    if screen is not None:
        width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
    dialog.resize(max(dialog.width(), width), max(dialog.height(), height))
    tree = dialog.findChild(QTreeView, "treeView")
    if tree is None or tree.model() is None:
        return
    header, metrics = tree.header(), tree.fontMetrics()
    for column, sample in enumerate(_COLUMN_SAMPLES, start=1):
        if column >= header.count():
            break
        heading = str(tree.model().headerData(column, Qt.Orientation.Horizontal) or "")
        wanted = max(header.fontMetrics().horizontalAdvance(heading) + 28,
                     metrics.horizontalAdvance(sample) + 16)
        header.resizeSection(column, max(header.sectionSize(column), wanted))


@contextmanager
def _fitted() -> Iterator[None]:
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    fitter = _DialogFitter()
    if app is not None:
        app.installEventFilter(fitter)
    try:
        yield
    finally:
        if app is not None:
            app.removeEventFilter(fitter)


def open_file(parent: QWidget | None, title: str, kind: str, filters: str) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    with _fitted():
        path, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(kind)), filters)
    if not path:
        return None
    remember(kind, path)
    return Path(path)


def open_files(parent: QWidget | None, title: str, kind: str, filters: str) -> list[Path]:
    from PySide6.QtWidgets import QFileDialog

    with _fitted():
        paths, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder(kind)),
                                                filters)
    if paths:
        remember(kind, paths[0])
    return [Path(p) for p in paths]


def save_file(parent: QWidget | None, title: str, kind: str, name: str, filters: str,
              suffix: str = "", start: str | Path | None = None) -> Path | None:
    """Ask where to save ``name``; the path returned ends in ``suffix`` when one is given.

    ``start`` (a full path already chosen elsewhere, e.g. typed in a field) replaces
    the remembered folder and ``name``.
    """
    from PySide6.QtWidgets import QFileDialog

    suggested = str(start) if start else str(start_folder(kind) / name)
    with _fitted():
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    if not path:
        return None
    if suffix and not path.lower().endswith(suffix.lower()):
        path += suffix
    remember(kind, path)
    return Path(path)


def choose_folder(parent: QWidget | None, title: str, kind: str,
                  start: str | Path | None = None) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    with _fitted():
        folder = QFileDialog.getExistingDirectory(parent, title,
                                                  str(start or start_folder(kind)))
    if not folder:
        return None
    remember(kind, folder, is_folder=True)
    return Path(folder)
