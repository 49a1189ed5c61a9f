"""When the library cannot be opened: say why and offer the ways out.

:func:`recover` looks at the library (``recovery.diagnose``), asks the person
through a ``choose`` callback (the dialog in the application, a plain function
in tests) and carries out the choice: restore a backup (the damaged file is set
aside by ``restore_backup``, never overwritten), start a new library beside it,
or quit. It returns the path to open next, or ``None`` to quit.

The dialogs themselves live in :mod:`deskapp.ui.safety.backup_dialogs`, loaded when one
is shown. The library chosen last is remembered in the user's Qt settings
(``QSettings("Deskapp", "Deskapp")``, key ``library/path``) so the next start
opens it instead of the damaged default (see :func:`library_to_open`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QCoreApplication, QSettings

from deskapp.ui.common.i18n import plural
from deskapp.ui.common.time_format import local_time

if TYPE_CHECKING:
    from deskapp.store.backup import BackupInfo
    from deskapp.store.recovery import Diagnosis

SETTINGS_KEY = "library/path"

Action = Literal["restore", "new", "quit"]


@dataclass(frozen=True)
class Choice:
    """What the person chose: ``restore`` (with ``backup``), ``new`` or ``quit``."""

    action: Action
    backup: BackupInfo | None = None


Choose = Callable[["Diagnosis"], Choice]


def reason_text(diagnosis: Diagnosis) -> str:
    """One or two sentences on what is wrong with the library, in the window's language."""
    translate = QCoreApplication.translate
    reasons = {
        "library_corrupt": translate(
            "RecoveryDialog", "The library file “%1” is damaged or is not a Deskapp library."),
        "library_too_new": translate(
            "RecoveryDialog", "The library “%1” was made by a newer version of Deskapp."),
        "library_unwritable": translate(
            "RecoveryDialog",
            "The library “%1” cannot be written (read-only file, folder or disk)."),
        "locked": translate(
            "RecoveryDialog", "The library “%1” is open in another Deskapp window."),
        "ok": translate("RecoveryDialog", "The library “%1” could not be opened."),
    }
    text = reasons.get(diagnosis.code, reasons["ok"]).replace("%1", str(diagnosis.path))
    return text + " " + translate("RecoveryDialog", "The file will not be overwritten.")


def backup_label(info: BackupInfo) -> str:
    """“date — reason — N articles”, as the list shows a backup."""
    translate = QCoreApplication.translate
    reasons = {
        "daily": translate("RecoveryDialog", "daily"),
        "pre-migration": translate("RecoveryDialog", "before an upgrade"),
        "manual": translate("RecoveryDialog", "by hand"),
    }
    if info.articles is None:
        count = translate("RecoveryDialog", "unreadable")
    else:
        count = plural(translate("RecoveryDialog", "%1 article(s)")
                       .replace("%1", str(info.articles)), info.articles)
    when = local_time(info.created_at.isoformat())
    return f"{when} — {reasons.get(info.reason, info.reason)} — {count}"


def recover(path: Path, choose: Choose) -> Path | None:
    """Diagnose ``path``, ask, act; the library path to open now, or None to quit."""
    from deskapp.store.backup import restore_backup
    from deskapp.store.recovery import diagnose, open_new_library_beside

    diagnosis = diagnose(path)
    choice = choose(diagnosis)
    if choice.action == "restore" and choice.backup is not None:
        restore_backup(choice.backup.path, path)
        remember_library(path)
        return path
    if choice.action == "new" and diagnosis.can_open_new:
        fresh = open_new_library_beside(path)
        remember_library(fresh)
        return fresh
    return None


def remember_library(path: Path) -> None:
    QSettings("Deskapp", "Deskapp").setValue(SETTINGS_KEY, str(path))


def library_to_open(default: Path) -> Path:
    """The library remembered after a recovery when it still exists, else ``default``."""
    stored = QSettings("Deskapp", "Deskapp").value(SETTINGS_KEY, "")
    if isinstance(stored, str) and stored and Path(stored).exists():
        return Path(stored)
    return default
