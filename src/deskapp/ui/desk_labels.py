"""Words for statuses, roles and revision kinds as the window shows them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def status_text(status: str) -> str:
    labels = {
        "draft": QCoreApplication.translate("DeskLabels", "Draft"),
        "submitted": QCoreApplication.translate("DeskLabels", "Submitted"),
        "in_review": QCoreApplication.translate("DeskLabels", "In review"),
        "approved": QCoreApplication.translate("DeskLabels", "Approved"),
        "exported": QCoreApplication.translate("DeskLabels", "Exported"),
        "returned": QCoreApplication.translate("DeskLabels", "Returned"),
    }
    return labels.get(str(status), str(status))


def role_text(role: str) -> str:
    labels = {
        "reporter": QCoreApplication.translate("DeskLabels", "Reporter"),
        "editor": QCoreApplication.translate("DeskLabels", "Editor"),
    }
    return labels.get(str(role), str(role))


def kind_text(kind: str) -> str:
    """A revision's kind in words ("autosave" → "Autosaved")."""
    labels = {
        "autosave": QCoreApplication.translate("DeskLabels", "Autosaved"),
        "save": QCoreApplication.translate("DeskLabels", "Saved"),
        "import": QCoreApplication.translate("DeskLabels", "Imported"),
        "create": QCoreApplication.translate("DeskLabels", "Created"),
        "restore": QCoreApplication.translate("DeskLabels", "Restored"),
        "status": QCoreApplication.translate("DeskLabels", "Status changed"),
    }
    return labels.get(str(kind), str(kind))


def action_text(action: str) -> str:
    labels = {
        "submit": QCoreApplication.translate("DeskLabels", "Submitted"),
        "take": QCoreApplication.translate("DeskLabels", "Taken for review"),
        "return": QCoreApplication.translate("DeskLabels", "Returned"),
        "approve": QCoreApplication.translate("DeskLabels", "Approved"),
        "export": QCoreApplication.translate("DeskLabels", "Exported"),
        "reopen": QCoreApplication.translate("DeskLabels", "Edited after approval: back in review"),
    }
    return labels.get(str(action), str(action))


ROLES = ("reporter", "editor")
