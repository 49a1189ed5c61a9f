"""Words for statuses, roles and revision kinds as the window shows them.

Each call asks the translators for the one word it shows: the library list
calls :func:`status_text` for every row it paints.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_STATUSES = {
    "draft": QT_TRANSLATE_NOOP("DeskLabels", "Draft"),
    "submitted": QT_TRANSLATE_NOOP("DeskLabels", "Submitted"),
    "in_review": QT_TRANSLATE_NOOP("DeskLabels", "In review"),
    "approved": QT_TRANSLATE_NOOP("DeskLabels", "Approved"),
    "exported": QT_TRANSLATE_NOOP("DeskLabels", "Exported"),
    "returned": QT_TRANSLATE_NOOP("DeskLabels", "Returned"),
}
_ROLES = {
    "reporter": QT_TRANSLATE_NOOP("DeskLabels", "Reporter"),
    "editor": QT_TRANSLATE_NOOP("DeskLabels", "Editor"),
}
_KINDS = {
    "autosave": QT_TRANSLATE_NOOP("DeskLabels", "Autosaved"),
    "save": QT_TRANSLATE_NOOP("DeskLabels", "Saved"),
    "import": QT_TRANSLATE_NOOP("DeskLabels", "Imported"),
    "create": QT_TRANSLATE_NOOP("DeskLabels", "Created"),
    "restore": QT_TRANSLATE_NOOP("DeskLabels", "Restored"),
    "status": QT_TRANSLATE_NOOP("DeskLabels", "Status changed"),
}
_ACTIONS = {
    "submit": QT_TRANSLATE_NOOP("DeskLabels", "Submitted"),
    "take": QT_TRANSLATE_NOOP("DeskLabels", "Taken for review"),
    "return": QT_TRANSLATE_NOOP("DeskLabels", "Returned"),
    "approve": QT_TRANSLATE_NOOP("DeskLabels", "Approved"),
    "export": QT_TRANSLATE_NOOP("DeskLabels", "Exported"),
    "reopen": QT_TRANSLATE_NOOP("DeskLabels", "Edited after approval: back in review"),
}


def _label(words: dict[str, str], key: str) -> str:
    source = words.get(str(key))
    return QCoreApplication.translate("DeskLabels", source) if source else str(key)


def status_text(status: str) -> str:
    return _label(_STATUSES, status)


def role_text(role: str) -> str:
    return _label(_ROLES, role)


def kind_text(kind: str) -> str:
    """A revision's kind in words ("autosave" → "Autosaved")."""
    return _label(_KINDS, kind)


def action_text(action: str) -> str:
    return _label(_ACTIONS, action)


ROLES = ("reporter", "editor")
