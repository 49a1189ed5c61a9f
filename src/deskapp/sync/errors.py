"""Errors of syncing with the newsroom server; words in :mod:`deskapp.sync.messages`."""

from __future__ import annotations

from deskapp.errors import DeskappError


class SyncError(DeskappError):
    """A sync could not run or was cut off; local work is untouched (``code`` says why)."""

    code = "sync_unreachable"

    def __str__(self) -> str:
        from deskapp.sync.messages import describe

        return describe(self)


class LockHeld(SyncError):
    """Someone else holds the soft lock on the article (``holder``, ``since``)."""

    code = "lock_held"
