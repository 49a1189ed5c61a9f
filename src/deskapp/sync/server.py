"""The newsroom server's schema on PostgreSQL: tables, roles and the rules they enforce.

Everything lives in the schema ``deskapp``. Migrations are applied in order
by an administrator (``deskapp server setup``), each in one transaction, and
their count is kept in ``deskapp.meta`` as ``schema_version``: a Deskapp that
finds a newer number refuses to sync instead of writing rows it does not
understand. One that finds an older number syncs as long as it is at least
:data:`OLDEST_SERVER_SCHEMA` (later migrations only tighten the server's
rules), so laptops can be updated before the server. Never edit a released
migration: add a new one.

Access is the server's business, not the window's. Every person signs in as
their own login role, a member of ``deskapp_reporter`` or ``deskapp_editor``.
Row-level security lets reporters read only their own articles; triggers
(``SECURITY DEFINER``, judging ``session_user``) let them add revisions only
to their own drafts or returned articles, with the status draft, returned or
submitted, move their article's head only under the same conditions (and
change nothing else of its row), and add only ``submit`` status events that
are a submit: in the role reporter, from draft or returned to submitted, to a
submitted revision of their own draft. A name in a row (a revision's or
comment's author, an event's user, a resolution's resolver) may not be
another person's sign-in. Whoever can see an article may record that one of
its comments was resolved (``comment_resolutions``, one row per comment, the
first pushed wins).
Editors may do the rest (take, return, approve, export). Nobody but the
administrator may update or delete a revision, comment, event, photo or
comment resolution: they are append-only. The schema's functions are not
executable by PUBLIC; the groups may call only those that row-level
security and the row checks (schema 5) need.

Every change to an article gives it a new ``seq`` from one sequence. Up to
version 5 the number was drawn under a transaction-level advisory lock, so
sequence order was commit order and ``seq`` was the pull cursor; from version
6 (:mod:`deskapp.sync.schema_concurrent`) there is no such lock: each article
row records the transaction that changed it, and a pull's position is the
snapshot it read.

The SQL of the migrations lives in :mod:`deskapp.sync.schema_early`
(versions 1-3), :mod:`deskapp.sync.approvals` (4),
:mod:`deskapp.sync.schema_checked` (5), :mod:`deskapp.sync.schema_concurrent`
(6), :mod:`deskapp.sync.schema_names` (7, the name register) and
:mod:`deskapp.sync.schema_editions` (8, page plans); the
administrator's commands in :mod:`deskapp.sync.admin`.
"""

from __future__ import annotations

from typing import Any

from deskapp.sync.admin import (
    add_user,
    apply_timeouts,
    check_admin,
    check_user_name,
    user_exists,
)
from deskapp.sync.approvals import KEYS_MIGRATION  # version 4: approval signatures
from deskapp.sync.errors import SyncError
from deskapp.sync.schema_checked import _V5, MAX_SERVER_REVISIONS
from deskapp.sync.schema_concurrent import CONCURRENT_MIGRATION
from deskapp.sync.schema_early import (
    _GROUPS,
    _RLS_ROWS,
    _V1,
    _V2,
    _V3,
    EDITOR_GROUP,
    REPORTER_GROUP,
    SEQ_LOCK,
)
from deskapp.sync.schema_editions import EDITIONS_MIGRATION
from deskapp.sync.schema_names import NAMES_MIGRATION

SCHEMA = "deskapp"
__all__ = ["EDITOR_GROUP", "MAX_SERVER_REVISIONS", "REPORTER_GROUP", "add_user",
           "check_admin", "check_user_name", "setup_server", "user_exists"]

# Version 4 is KEYS_MIGRATION (approval signatures, deskapp.sync.approvals); version 6
# CONCURRENT_MIGRATION (no newsroom-wide lock, pushes in one call); version 7
# NAMES_MIGRATION (the name register); version 8 EDITIONS_MIGRATION (page plans).
MIGRATIONS: list[str] = [_V1 + _RLS_ROWS, _V2, _V3, KEYS_MIGRATION, _V5,
                         CONCURRENT_MIGRATION, NAMES_MIGRATION, EDITIONS_MIGRATION]
SERVER_SCHEMA_VERSION = len(MIGRATIONS)
# The oldest server schema this Deskapp syncs with: later migrations only tighten the
# server's rules, so a newer Deskapp keeps working until IT runs ``deskapp server setup``.
OLDEST_SERVER_SCHEMA = 1
# The first server schema that carries comment resolutions; with an older one they wait
# here (not marked as sent) until IT runs ``deskapp server setup``.
RESOLUTIONS_SCHEMA = 3
# The first server schema without the newsroom-wide lock: pushes go through
# ``deskapp.push()`` and a pull's position is a snapshot.
CONCURRENT_SCHEMA = 6
# The first server schema that carries the newsroom's name register (deskapp.names).
NAMES_SCHEMA = 7
# The first server schema that carries page plans (deskapp.editions).
EDITIONS_SCHEMA = 8


def server_version(conn: Any) -> int | None:
    """The schema version on the server, or ``None`` when Deskapp was never set up there."""
    with conn.cursor() as cur:
        cur.execute("SELECT to_regclass('deskapp.meta') IS NOT NULL")
        if not cur.fetchone()[0]:
            return None
        cur.execute("SELECT value FROM deskapp.meta WHERE key = 'schema_version'")
        row = cur.fetchone()
    return int(row[0]) if row else None


def check_schema(conn: Any, server: str) -> str:
    """Refuse a server this Deskapp cannot sync with; return the server's id."""
    return check_server(conn, server)[0]


def check_server(conn: Any, server: str) -> tuple[str, int]:
    """Refuse a server this Deskapp cannot sync with; return its id and schema version.

    One round trip: the version and the id are read together, and a database without
    Deskapp's schema answers with an error instead of a second question.
    """
    import psycopg

    try:
        with conn.cursor() as cur:
            cur.execute("SELECT max(value) FILTER (WHERE key = 'schema_version'), "
                        "max(value) FILTER (WHERE key = 'server_id') FROM deskapp.meta")
            version, server_id = cur.fetchone()
    except psycopg.errors.UndefinedTable:
        conn.rollback()
        raise SyncError("server_not_ready", server=server) from None
    conn.rollback()
    if version is None:
        raise SyncError("server_not_ready", server=server)
    found = int(version)
    if found > SERVER_SCHEMA_VERSION:
        raise SyncError("server_too_new", server=server, found=found,
                        known=SERVER_SCHEMA_VERSION)
    if found < OLDEST_SERVER_SCHEMA:
        raise SyncError("server_too_old", server=server, found=found,
                        known=OLDEST_SERVER_SCHEMA)
    return (str(server_id) if server_id else ""), found


def setup_server(conn: Any, server: str = "") -> int:
    """Create or upgrade the schema (as an administrator); return how many migrations ran.

    Each migration runs in its own transaction with its version number, so a
    failure leaves the previous version intact. A newer schema is refused.
    """
    import uuid

    found = server_version(conn) or 0
    conn.rollback()
    if found > SERVER_SCHEMA_VERSION:
        raise SyncError("server_too_new", server=server, found=found,
                        known=SERVER_SCHEMA_VERSION)
    with conn.transaction():
        conn.execute(_GROUPS)
    for number, sql in enumerate(MIGRATIONS, start=1):
        if number <= found:
            continue
        with conn.transaction():
            conn.execute(f"SELECT pg_advisory_xact_lock({SEQ_LOCK})")
            conn.execute(sql)
            conn.execute(
                "INSERT INTO deskapp.meta (key, value) VALUES ('schema_version', %s) "
                "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", [str(number)])
            conn.execute(
                "INSERT INTO deskapp.meta (key, value) VALUES ('server_id', %s) "
                "ON CONFLICT (key) DO NOTHING", [str(uuid.uuid4())])
    apply_timeouts(conn)
    return SERVER_SCHEMA_VERSION - found

