"""Page plans (editions) over the newsroom server (server schema 8, ``deskapp.editions``).

Making up pages is the desk's work: editors' plans go up, every laptop
receives the server's. The server keeps each edition's current plan with
the revision it is and that revision's parent; what this library knows to
be on the server is kept in ``sync_sent`` (kind ``edition``, id
``edition id<TAB>version``, the version its last change or its move to the
trash): an edition whose current version is not
marked there is this library's own change.

* Pulling: the plans changed since the pull position come in the same
  snapshot and round trip as the articles and the name register (only when
  a new window starts) and are written in the same local transaction as the
  position. Each server row becomes an edition record as a package carries
  it, checked by :func:`deskapp.makeup.exchange.check_edition_records` and
  merged by :func:`deskapp.makeup.exchange.merge_editions`: the revision is
  added to the local history by its id (nothing local is lost) and the
  server's plan becomes the edition's current one, except an editor's own
  change not yet sent: that goes up next and, written later on the server,
  wins. An edition removed on the server (a tombstone) goes to the trash
  here, its history kept.
* Pushing (editors only, after the articles and the register): the editions
  changed here, in one upsert per :data:`PLANS_BATCH` (judged by the
  server's row-level security and guard like a direct ``INSERT``); nothing
  is held across round trips. The revision sent is sealed first, so an
  autosave running meanwhile adds a new revision instead of rewriting it.

A reporter's laptop never sends its plans: an edition a reporter changed
here (from a package, or made before joining the newsroom) stays local until
the desk's version of it arrives and replaces it as the current plan (the
reporter's revisions stay in its history). See docs/SYNC.md.
"""

from __future__ import annotations

import json
from datetime import UTC
from typing import Any

from deskapp.makeup.exchange import check_edition_records, merge_editions
from deskapp.makeup.plan import PlanError, edition_from_json, edition_to_json
from deskapp.store import Library
from deskapp.sync.bookkeeping import SyncReport, mark_version_sent, version_sent

KIND = "edition"  # sync_sent's kind for editions
PLANS_BATCH = 20  # plans are up to 2 MB each: a few per statement
# An edition's version here: its last change, or its move to the trash when later.
_VERSION = "max(e.updated_at, coalesce(e.deleted_at, ''))"
_SERVER_COLUMNS = ("id, name, date, plan::text AS plan, revision_id, parent_id, removed, "
                   "changed_by::text AS changed_by, changed_at")


def ask_plans(conn: Any, lo: str | None) -> Any:
    """Queue the question for the plans changed since snapshot ``lo`` (all without one);
    returns the cursor to read once the pipeline has answered. Run inside the pull's
    read-only transaction, so it sees the articles' snapshot."""
    from psycopg.rows import dict_row

    cur = conn.cursor(row_factory=dict_row)
    if lo:
        cur.execute(f"SELECT {_SERVER_COLUMNS} FROM deskapp.editions "
                    "WHERE xid >= pg_snapshot_xmin(%(lo)s::pg_snapshot) "
                    "AND NOT pg_visible_in_snapshot(xid, %(lo)s::pg_snapshot) ORDER BY id",
                    {"lo": lo})
    else:
        cur.execute(f"SELECT {_SERVER_COLUMNS} FROM deskapp.editions ORDER BY id")
    return cur


def _record(row: dict[str, Any]) -> dict[str, Any] | None:
    """The server row as a package's edition record (checked), or None when malformed."""
    stamp = row["changed_at"].astimezone(UTC).isoformat(timespec="microseconds")
    try:  # jsonb keeps no key order: the plan is written back in the plan file's form
        plan = edition_to_json(edition_from_json(row["plan"] or ""))
    except (PlanError, TypeError):
        return None
    checked = check_edition_records([{
        "id": row["id"], "name": row["name"], "date": row["date"] or "",
        "updated_at": stamp, "head": row["revision_id"],
        "revisions": [{"id": row["revision_id"], "parent_id": row["parent_id"],
                       "created_at": stamp, "author": row["changed_by"] or "",
                       "kind": "save", "plan": plan}]}])
    return checked[0] if checked else None


def apply_plans(library: Library, rows: list[dict[str, Any]], report: SyncReport) -> None:
    """Write the server's plans here (the caller holds the transaction)."""
    editor = (library.get_setting("role") or "reporter") == "editor"
    for row in rows:
        record = _record(row)
        if record is None:  # written by hand on the server: not a plan this program reads
            report.editions_skipped += 1
            continue
        local = library.conn.execute(
            f"SELECT revision_id, {_VERSION}, deleted_at IS NOT NULL FROM editions e "
            "WHERE id = ?", [record["id"]]).fetchone()
        same = local is not None and local[0] == record["head"] and local[2] == row["removed"]
        if (local is not None and editor and not same
                and not version_sent(library, KIND, record["id"], local[1])):
            continue  # this editor's own change, not sent yet: it goes up and wins
        merge_editions(library, [record], ordered=True)
        if row["removed"]:
            library.conn.execute("UPDATE editions SET deleted_at = ? WHERE id = ?",
                                 [record["updated_at"], record["id"]])
        mark_version_sent(library, KIND, record["id"], record["updated_at"])
        if not same:
            report.editions_pulled += 1


def push_plans(library: Library, conn: Any, report: SyncReport) -> None:
    """Send the editions changed here (an editor's library) and mark them sent.

    A server that refuses them (the sign-in is not an editor there) leaves them
    unsent and a note in the report; the sync goes on.
    """
    import psycopg

    pending = library.conn.execute(
        "SELECT e.id FROM editions e WHERE e.revision_id IS NOT NULL AND NOT EXISTS "
        f"(SELECT 1 FROM sync_sent s WHERE s.kind = ? AND s.id = e.id || char(9) || {_VERSION}) "
        "ORDER BY e.id", [KIND]).fetchall()
    ids = [row[0] for row in pending]
    for start in range(0, len(ids), PLANS_BATCH):
        with library.transaction():  # sealed before read: an autosave cannot rewrite it
            batch = library.conn.execute(
                "SELECT e.id, e.name, e.date, e.plan, e.revision_id, r.parent_id, "
                f"e.deleted_at IS NOT NULL, {_VERSION} FROM editions e "
                "JOIN edition_revisions r ON r.id = e.revision_id "
                f"WHERE e.id IN ({', '.join('?' * len(ids[start:start + PLANS_BATCH]))})",
                ids[start:start + PLANS_BATCH]).fetchall()
            library.conn.execute(
                "UPDATE edition_revisions SET sealed = 1 WHERE id IN "
                f"({', '.join('?' * len(batch))})", [row[4] for row in batch])
        rows = [{"id": eid, "name": name, "date": date, "plan": json.loads(plan),
                 "revision_id": head, "parent_id": parent, "removed": bool(gone)}
                for eid, name, date, plan, head, parent, gone, _ in batch]
        try:
            conn.execute(
                "INSERT INTO deskapp.editions AS e (id, name, date, plan, revision_id, "
                "parent_id, removed) SELECT r.id, r.name, r.date, r.plan, r.revision_id, "
                "r.parent_id, r.removed FROM jsonb_to_recordset(%s::jsonb) AS r(id text, "
                "name text, date text, plan jsonb, revision_id text, parent_id text, "
                "removed boolean) ORDER BY r.id ON CONFLICT (id) DO UPDATE SET "
                "name = EXCLUDED.name, date = EXCLUDED.date, plan = EXCLUDED.plan, "
                "revision_id = EXCLUDED.revision_id, parent_id = EXCLUDED.parent_id, "
                "removed = EXCLUDED.removed",
                [json.dumps(rows, ensure_ascii=False)])
        except psycopg.errors.InsufficientPrivilege:
            report.editions_note = "editions_refused"
            return
        with library.transaction():
            for eid, *_rest, updated_at in batch:
                mark_version_sent(library, KIND, eid, updated_at)
        report.editions_pushed += len(batch)
