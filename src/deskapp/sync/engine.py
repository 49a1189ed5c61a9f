"""One sync: pull what others pushed since the cursor, merge it, push what is new here.

Pulled articles are merged exactly like packages: each becomes a
:class:`~deskapp.exchange.package.Package` (the server's head and the
article's revisions, comments, status events and photos, checked by the
package's own checks) handed to :func:`~deskapp.exchange.merge.apply_package`,
so created / fast-forward / nothing new / diverged mean the same thing
whether the work came on a USB stick or over the network.

Pushing sends, per article, the revisions, comments, status events and
photos not yet known to be on the server, then moves the server's head by
compare-and-swap from the head this library last merged to the local head
(never while a conflict is open here: both versions stay, and whoever
resolves moves the head). A lost swap means someone pushed meanwhile: the
next round pulls their work and tries again.

The work is in :mod:`deskapp.sync.pull` and :mod:`deskapp.sync.push`; what
both keep is in :mod:`deskapp.sync.bookkeeping`.

Cut anywhere, nothing is lost or doubled:

* a pull batch is fetched in one read-only snapshot, then applied here in
  one transaction together with the cursor that covers it;
* a push batch is one server transaction (from server version 6 one
  statement, ``deskapp.push()``; a subtransaction per article, so a refusal
  costs only that article), then one local transaction recording what went
  up. Cut between the two, the next push sends the same rows
  again: the server skips ids it has (triggers and ``ON CONFLICT DO
  NOTHING``) and the head swap accepts a head that is already there.
* revisions are sealed before they are read for the server, so an autosave
  running at the same moment adds a new revision instead of rewriting one
  the server already has.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from deskapp.model import now_iso
from deskapp.store import Library
from deskapp.sync.approvals import KEYS_SCHEMA, exchange_keys
from deskapp.sync.bookkeeping import (
    CURSOR_SETTING,
    PULL_BATCH,
    PUSH_BATCH,
    ROUNDS,
    SERVER_SETTING,
    Checkpoint,
    Refusal,
    SyncReport,
    first_line,
)
from deskapp.sync.errors import SyncError
from deskapp.sync.plans import push_plans
from deskapp.sync.pull import pull
from deskapp.sync.push import push
from deskapp.sync.register import is_editor, push_names
from deskapp.sync.server import (
    CONCURRENT_SCHEMA,
    EDITIONS_SCHEMA,
    NAMES_SCHEMA,
    RESOLUTIONS_SCHEMA,
    check_server,
)
from deskapp.sync.target import LAST_SYNC_SETTING, last_sync

__all__ = ["PULL_BATCH", "PUSH_BATCH", "Checkpoint", "Refusal", "SyncReport", "last_sync",
           "sync"]


def sync(library: Library, conn: Any, *, server: str = "",
         unsaved_article_ids: Collection[str] = (),
         checkpoint: Checkpoint | None = None) -> SyncReport:
    """Pull, merge and push until the server and this library agree (at most a few rounds).

    ``conn`` is a psycopg connection in autocommit mode (see
    :func:`deskapp.sync.target.connect`). ``unsaved_article_ids`` are
    articles open with pending edits: never fast-forwarded under the editor
    (as for packages). ``checkpoint(stage)`` is called between the steps;
    tests use it to cut a sync short. Raises :class:`SyncError`.
    """
    import psycopg

    step = checkpoint or (lambda _stage: None)
    report = SyncReport()
    try:
        server_id, version = check_server(conn, server)
        # A server older than version 3 has nowhere to keep comment resolutions: they wait.
        carry = version >= RESOLUTIONS_SCHEMA
        # From version 4 approvals travel signed, and the editors' keys with them.
        signed = version >= KEYS_SCHEMA
        _adopt_server(library, server_id)
        # From version 6 no lock: a pull's position is a snapshot, a push batch one call.
        concurrent = version >= CONCURRENT_SCHEMA
        if signed:  # (from version 6 the same statement records this sign-in's sync)
            exchange_keys(library, conn, record_sync=concurrent)
        # From version 7 the name register travels too; before, it stays as it is here.
        names = version >= NAMES_SCHEMA
        if not names:
            report.names_note = "names_server_old"
        # From version 8 page plans (editions) travel too; before, they stay as they are here.
        plans = version >= EDITIONS_SCHEMA
        if not plans:
            report.editions_note = "editions_server_old"
        for _round in range(ROUNDS):
            pull(library, conn, report, set(unsaved_article_ids), step, carry, signed,
                 concurrent, names, plans)
            if not push(library, conn, report, step, carry, signed,
                        set(unsaved_article_ids), concurrent):
                break
        if names and is_editor(library):  # the register is the desk's: editors send theirs
            push_names(library, conn, report)
        if plans and is_editor(library):  # so are the pages (after the articles they place)
            push_plans(library, conn, report)
        library.set_setting(LAST_SYNC_SETTING, now_iso())
    except psycopg.OperationalError as exc:
        raise SyncError("sync_interrupted", server=server, reason=first_line(exc)) from exc
    except psycopg.Error as exc:
        raise SyncError("server_error", server=server, reason=first_line(exc)) from exc
    report.cursor = library.get_setting(CURSOR_SETTING) or "0"
    return report


def _adopt_server(library: Library, server_id: str) -> None:
    """A different server (or a rebuilt one) starts from nothing: cursor and marks go."""
    if library.get_setting(SERVER_SETTING) == server_id:
        return
    with library.transaction():
        library.db.execute("DELETE FROM sync_sent")
        library.db.execute("DELETE FROM sync_articles")
        library.set_setting(CURSOR_SETTING, "0")
        library.set_setting(SERVER_SETTING, server_id)

