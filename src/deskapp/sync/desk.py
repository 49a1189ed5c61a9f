"""The desk as the server sees it: what everyone submitted, and who is editing what.

:func:`desk_articles` lists articles on the server (row-level security shows
an editor everything and a reporter their own), filtered by status, section
and reporter, each with its soft lock. A soft lock says who opened an article
for editing and when; it keeps nobody out (the merge keeps both versions if
two people edit anyway) but :func:`take_lock` refuses with :class:`LockHeld`
unless asked to take it over, so the window can warn first. A lock older than
``STALE_AFTER`` is treated as abandoned.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from deskapp.sync.errors import LockHeld

DESK_STATUSES = ("submitted", "in_review")
STALE_AFTER = timedelta(hours=2)


@dataclass(frozen=True)
class DeskRow:
    """One article on the desk, with who is editing it (if anyone)."""

    article_id: str
    title: str
    section: str
    reporter: str
    byline: str
    status: str
    changed_at: datetime
    locked_by: str | None
    locked_since: datetime | None


@dataclass(frozen=True)
class EditLock:
    holder: str
    since: datetime
    host: str


def desk_articles(conn: Any, *, statuses: Collection[str] = DESK_STATUSES,
                  section: str | None = None, reporter: str | None = None) -> list[DeskRow]:
    """Articles on the server in ``statuses``, longest waiting first.

    ``section`` and ``reporter`` (the sign-in name of the article's owner)
    narrow the list when given. Stale locks are not shown.
    """
    sql = (
        "SELECT a.id, a.title, a.section, a.owner, a.byline, a.status, a.changed_at, "
        "CASE WHEN l.since > now() - %s THEN l.holder END, "
        "CASE WHEN l.since > now() - %s THEN l.since END "
        "FROM deskapp.articles a LEFT JOIN deskapp.edit_locks l ON l.article_id = a.id "
        "WHERE a.head_id IS NOT NULL AND a.status = ANY(%s)"
    )
    params: list[Any] = [STALE_AFTER, STALE_AFTER, list(statuses)]
    if section:
        sql += " AND a.section = %s"
        params.append(section)
    if reporter:
        sql += " AND a.owner = %s"
        params.append(reporter)
    sql += " ORDER BY a.changed_at, a.id"
    with conn.cursor() as cur:
        cur.execute(sql, params)
        return [DeskRow(r[0], r[1], r[2], str(r[3]), r[4], r[5], r[6],
                        str(r[7]) if r[7] else None, r[8]) for r in cur.fetchall()]


def sections(conn: Any) -> list[str]:
    """The sections of the articles this person can see, for the desk's filter."""
    with conn.cursor() as cur:
        cur.execute("SELECT DISTINCT section FROM deskapp.articles "
                    "WHERE section <> '' ORDER BY section")
        return [r[0] for r in cur.fetchall()]


def reporters(conn: Any) -> list[str]:
    """The owners of the articles this person can see, for the desk's filter."""
    with conn.cursor() as cur:
        cur.execute("SELECT DISTINCT owner FROM deskapp.articles ORDER BY owner")
        return [str(r[0]) for r in cur.fetchall()]


def lock_of(conn: Any, article_id: str) -> EditLock | None:
    """Who is editing the article now (a lock younger than ``STALE_AFTER``), or ``None``."""
    with conn.cursor() as cur:
        cur.execute("SELECT holder, since, host FROM deskapp.edit_locks "
                    "WHERE article_id = %s AND since > now() - %s", [article_id, STALE_AFTER])
        row = cur.fetchone()
    return EditLock(str(row[0]), row[1], row[2]) if row else None


def take_lock(conn: Any, article_id: str, *, host: str = "",
              take_over: bool = False) -> EditLock | None:
    """Mark the article as being edited by the signed-in person.

    Returns the lock taken over from someone else (``None`` if it was free
    or already ours). Raises :class:`LockHeld` when someone else holds it
    and ``take_over`` is false.
    """
    with conn.transaction(), conn.cursor() as cur:
        cur.execute("SELECT holder, since, host FROM deskapp.edit_locks "
                    "WHERE article_id = %s FOR UPDATE", [article_id])
        row = cur.fetchone()
        cur.execute("SELECT session_user, now()")
        me, now = cur.fetchone()
        previous = None
        if row is not None and str(row[0]) != str(me) and row[1] > now - STALE_AFTER:
            previous = EditLock(str(row[0]), row[1], row[2])
            if not take_over:
                # The server's session time zone is not this computer's: say it in local time.
                raise LockHeld(holder=previous.holder,
                               since=previous.since.astimezone().strftime("%H:%M %d/%m"))
        cur.execute(
            "INSERT INTO deskapp.edit_locks (article_id, host) VALUES (%s, %s) "
            "ON CONFLICT (article_id) DO UPDATE SET holder = EXCLUDED.holder, "
            "since = EXCLUDED.since, host = EXCLUDED.host", [article_id, host])
    return previous


def release_lock(conn: Any, article_id: str) -> None:
    """Give the article back (only a lock of one's own is removed)."""
    with conn.cursor() as cur:
        cur.execute("DELETE FROM deskapp.edit_locks WHERE article_id = %s "
                    "AND holder = session_user", [article_id])
