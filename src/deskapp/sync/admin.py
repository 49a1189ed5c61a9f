"""The administrator's side of the newsroom server: sign-ins, their limits, the server's state.

Every person's sign-in carries limits of its own (``ALTER ROLE … SET``; settings
of a group role do not reach its members, so each sign-in gets them, at
``add-user`` and again at every ``setup``): a statement runs at most
``statement_timeout``, waits for a lock at most ``lock_timeout``, and a
transaction left open by a laptop that dropped off the network is ended after
``idle_in_transaction_session_timeout``; the server's TCP keepalives notice a
vanished laptop between syncs. Whatever such a laptop held is released within
those limits, and its next sync resumes (each push batch and each pull batch
is whole or not at all).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from deskapp.sync.errors import SyncError
from deskapp.sync.schema_early import EDITOR_GROUP, REPORTER_GROUP

_ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")

# The limits of every Deskapp sign-in (IT may change them per sign-in afterwards; the
# next ``deskapp server setup`` sets them back). A push batch is one statement, so a
# minute is generous; a lock is held only for one such statement.
ROLE_SETTINGS: dict[str, str] = {
    "statement_timeout": "60s",
    "lock_timeout": "10s",
    "idle_in_transaction_session_timeout": "30s",
    "tcp_keepalives_idle": "60",
    "tcp_keepalives_interval": "10",
    "tcp_keepalives_count": "6",
}


def deskapp_signins(conn: Any) -> list[str]:
    """The sign-ins that are members of the reporters' or editors' group."""
    with conn.cursor() as cur:
        cur.execute(
            "SELECT r.rolname FROM pg_roles r WHERE r.rolcanlogin AND EXISTS ("
            "  SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
            "  WHERE m.member = r.oid AND g.rolname IN (%s, %s)) ORDER BY 1",
            [REPORTER_GROUP, EDITOR_GROUP])
        names = [str(row[0]) for row in cur.fetchall()]
    conn.rollback()
    return names


def apply_timeouts(conn: Any, settings: dict[str, str] | None = None) -> int:
    """Give every Deskapp sign-in its limits (:data:`ROLE_SETTINGS`); return how many."""
    names = deskapp_signins(conn)
    with conn.transaction():
        for name in names:
            _set_timeouts(conn, name, settings)
    return len(names)


def _set_timeouts(conn: Any, name: str, settings: dict[str, str] | None = None) -> None:
    from psycopg import sql

    for key, value in (settings or ROLE_SETTINGS).items():
        conn.execute(sql.SQL("ALTER ROLE {} SET {} = {}").format(
            sql.Identifier(name), sql.Identifier(key), sql.Literal(value)))


def check_admin(conn: Any, server: str, *, setup: bool) -> None:
    """Refuse (``server_not_admin``) a sign-in that cannot create roles (and, for setup, schemas).

    Asked before anything is changed or a password is asked for: run by a
    reporter, ``setup`` would otherwise find nothing it may do and report
    "0 migrations applied".
    """
    query = ("SELECT current_user, rolsuper OR (rolcreaterole AND "
             "has_database_privilege(current_database(), 'CREATE')) "
             "FROM pg_roles WHERE rolname = current_user") if setup else (
        "SELECT current_user, rolsuper OR rolcreaterole FROM pg_roles "
        "WHERE rolname = current_user")
    with conn.cursor() as cur:
        cur.execute(query)
        row = cur.fetchone()
    conn.rollback()
    if row is None or not row[1]:
        raise SyncError("server_not_admin", server=server,
                        user=row[0] if row else "?")


def check_user_name(name: str) -> None:
    """Refuse a sign-in name PostgreSQL would need quoting for (``user_name_invalid``)."""
    if not _ROLE_NAME.fullmatch(name):
        raise SyncError("user_name_invalid", name=name)


def user_exists(conn: Any, name: str) -> bool:
    """Whether a role of this name is already on the server (a person's, or any other)."""
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [name])
        found = cur.fetchone() is not None
    conn.rollback()
    return found


def add_user(conn: Any, name: str, password: str, role: str) -> None:
    """Create a sign-in for one person (as an administrator) in the reporters' or editors' group.

    Raises :class:`SyncError` ``user_name_invalid`` or ``user_exists``.
    """
    import psycopg
    from psycopg import sql

    check_user_name(name)
    group = EDITOR_GROUP if role == "editor" else REPORTER_GROUP
    try:
        with conn.transaction():
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                sql.Identifier(name), sql.Literal(password), sql.Identifier(group)))
            _set_timeouts(conn, name)
    except psycopg.errors.DuplicateObject:
        raise SyncError("user_exists", name=name) from None


@dataclass
class ServerStatus:
    """What ``deskapp server status`` shows."""

    schema_version: int | None
    connected: list[tuple[str, str, str, datetime | None]] = field(default_factory=list)
    last_syncs: list[tuple[str, datetime, int]] = field(default_factory=list)
    lock_waits: list[tuple[str, str, float]] = field(default_factory=list)
    connections: int = 0
    max_connections: int = 0
    # the name register (schema 7): names in force, removals kept, the last change and who
    names: tuple[int, int, datetime | None, str] | None = None
    # page plans (schema 8): editions in use, in the trash, the last change and who
    editions: tuple[int, int, datetime | None, str] | None = None


def server_status(conn: Any) -> ServerStatus:
    """The schema version, the laptops connected now, each sign-in's last sync, lock waits.

    Run as the administrator (``pg_stat_activity`` shows other sign-ins' sessions only
    to a superuser or a member of ``pg_read_all_stats``).
    """
    from deskapp.sync.server import server_version

    status = ServerStatus(server_version(conn))
    with conn.cursor() as cur:
        cur.execute(
            "SELECT usename, coalesce(host(client_addr), 'local'), state, xact_start "
            "FROM pg_stat_activity WHERE application_name = 'deskapp' "
            "AND datname = current_database() AND pid <> pg_backend_pid() "
            "ORDER BY usename, backend_start")
        status.connected = [(str(u), str(h), str(s or ""), x) for u, h, s, x in cur.fetchall()]
        if status.schema_version is not None and status.schema_version >= 6:
            cur.execute("SELECT signin, last_sync, syncs FROM deskapp.laptop_syncs "
                        "ORDER BY last_sync DESC")
            status.last_syncs = [(str(s), t, int(n)) for s, t, n in cur.fetchall()]
        if status.schema_version is not None and status.schema_version >= 7:
            cur.execute("SELECT count(*) FILTER (WHERE NOT removed), count(*) FILTER "
                        "(WHERE removed), max(changed_at), (SELECT changed_by::text FROM "
                        "deskapp.names ORDER BY changed_at DESC LIMIT 1) FROM deskapp.names")
            kept, removed, when, who = cur.fetchone()
            status.names = (int(kept), int(removed), when, who or "")
        if status.schema_version is not None and status.schema_version >= 8:
            cur.execute("SELECT count(*) FILTER (WHERE NOT removed), count(*) FILTER "
                        "(WHERE removed), max(changed_at), (SELECT changed_by::text FROM "
                        "deskapp.editions ORDER BY changed_at DESC LIMIT 1) "
                        "FROM deskapp.editions")
            kept, removed, when, who = cur.fetchone()
            status.editions = (int(kept), int(removed), when, who or "")
        cur.execute(
            "SELECT usename, coalesce(wait_event, ''), "
            "extract(epoch FROM now() - coalesce(state_change, query_start)) "
            "FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
            "AND datname = current_database() ORDER BY 3 DESC")
        status.lock_waits = [(str(u), str(w), float(s)) for u, w, s in cur.fetchall()]
        cur.execute("SELECT count(*), current_setting('max_connections')::int "
                    "FROM pg_stat_activity WHERE backend_type = 'client backend'")
        status.connections, status.max_connections = cur.fetchone()
    conn.rollback()
    return status
