"""The editor's desk (no Qt): statuses and who moves them, diffs, comments, copyfitting."""

from deskapp.desk.workflow import (
    RULES,
    Action,
    DeskError,
    Role,
    StatusEvent,
    TransitionRefused,
    allowed_actions,
    approval_for,
    counts_by_status,
    last_event,
    list_by_status,
    save_edit,
    status_events,
    transition,
)

__all__ = [
    "RULES",
    "Action",
    "DeskError",
    "Role",
    "StatusEvent",
    "TransitionRefused",
    "allowed_actions",
    "approval_for",
    "counts_by_status",
    "last_event",
    "list_by_status",
    "save_edit",
    "status_events",
    "transition",
]
