"""Syncing libraries through the newsroom's PostgreSQL server (no Qt).

* :mod:`~deskapp.sync.server`: the server schema, its migrations, roles and rules;
* :mod:`~deskapp.sync.target`: the address in the settings, the password in the keyring;
* :mod:`~deskapp.sync.engine`: pull, merge with the package rules, push; resumable;
* :mod:`~deskapp.sync.history`: older articles on demand after a first pull;
* :mod:`~deskapp.sync.desk`: the editors' desk view and soft locks.

See ``docs/SYNC.md`` for the design.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from deskapp.store import Library
from deskapp.sync.errors import LockHeld, SyncError
from deskapp.sync.target import SyncTarget, connect, last_sync, load_target, save_target

if TYPE_CHECKING:
    from deskapp.sync.engine import Checkpoint, Refusal, SyncReport

__all__ = [
    "LockHeld",
    "Refusal",
    "SyncError",
    "SyncReport",
    "SyncTarget",
    "connect",
    "last_sync",
    "load_target",
    "run_sync",
    "save_target",
    "sync",
]


def __getattr__(name: str) -> Any:
    """The engine (and the merge code under it) loads on first use, not with the window."""
    if name in ("Refusal", "SyncReport", "sync", "Checkpoint"):
        from deskapp.sync import engine

        return getattr(engine, name)
    raise AttributeError(name)


def run_sync(library: Library, target: SyncTarget | None = None, *,
             password: str | None = None, unsaved_article_ids: Collection[str] = (),
             checkpoint: Checkpoint | None = None, older: int = 0) -> SyncReport:
    """Connect to the library's server (or ``target``), sync, and disconnect.

    ``older``: then fetch up to that many of the older articles a first pull left on
    the server (:mod:`deskapp.sync.history`).
    """
    import psycopg

    from deskapp.sync.bookkeeping import first_line
    from deskapp.sync.engine import sync
    from deskapp.sync.history import pull_older
    from deskapp.sync.target import older_waiting

    target = target or load_target(library)
    if target is None:
        raise SyncError("sync_not_configured")
    conn: Any = connect(target, password)
    try:
        conn.autocommit = True
        report = sync(library, conn, server=target.server,
                      unsaved_article_ids=unsaved_article_ids, checkpoint=checkpoint)
        if older > 0:
            try:
                report.older_fetched = pull_older(library, conn, report, most=older,
                                                  step=checkpoint).fetched
            except psycopg.OperationalError as exc:
                raise SyncError("sync_interrupted", server=target.server,
                                reason=first_line(exc)) from exc
        report.older_waiting = older_waiting(library)
        return report
    finally:
        conn.close()
