"""The newsroom's name register over the server (server schema 7, ``deskapp.names``).

The register is the desk's: editors' changes go up, every laptop receives
the server's. What this library knows to be on the server is kept in
``sync_sent`` (kind ``name``, id ``key<TAB>updated_at``): an entry whose
current version is not marked there is this library's own change.

* Pulling: the register's changes since the pull position come in the same
  snapshot as the articles' (one more statement in the pull's first round
  trip, only when a new window starts), and are written in the same local
  transaction as the position. The server's version replaces the entry here,
  except an editor's own change not yet sent: that goes up next and, written
  later on the server, wins.
* Pushing (editors only): the entries changed here, in one statement per
  :data:`NAMES_BATCH` (an upsert the server's row-level security and guard
  judge like a direct ``INSERT``); nothing is held across round trips. A
  removal goes up as a row marked ``removed``.

A reporter's laptop never sends its register: entries that reached it
otherwise (a package) stay local until the desk's entry for the same name
arrives and replaces them.
"""

from __future__ import annotations

import json
from datetime import UTC
from typing import Any

from deskapp.store import Library
from deskapp.store.names import check_name_records, take_entry
from deskapp.sync.bookkeeping import SyncReport, mark_version_sent, version_sent

KIND = "name"  # sync_sent's kind for register entries
NAMES_BATCH = 500
_SERVER_COLUMNS = "key, name, kind, note, removed, changed_by::text AS changed_by, changed_at"


def is_editor(library: Library) -> bool:
    return (library.get_setting("role") or "reporter") == "editor"


def ask_names(conn: Any, lo: str | None) -> Any:
    """Queue the question for the register's changes not visible in snapshot ``lo`` (all
    of them without one); returns the cursor to read once the pipeline has answered.
    Run inside the pull's read-only transaction, so it sees the articles' snapshot."""
    from psycopg.rows import dict_row

    cur = conn.cursor(row_factory=dict_row)
    if lo:
        cur.execute(f"SELECT {_SERVER_COLUMNS} FROM deskapp.names "
                    "WHERE xid >= pg_snapshot_xmin(%(lo)s::pg_snapshot) "
                    "AND NOT pg_visible_in_snapshot(xid, %(lo)s::pg_snapshot) ORDER BY key",
                    {"lo": lo})
    else:
        cur.execute(f"SELECT {_SERVER_COLUMNS} FROM deskapp.names ORDER BY key")
    return cur


def apply_names(library: Library, rows: list[dict[str, Any]], report: SyncReport) -> None:
    """Write the server's register rows here (the caller holds the transaction)."""
    editor = is_editor(library)
    for row in rows:
        stamp = row["changed_at"].astimezone(UTC).isoformat(timespec="microseconds")
        checked = check_name_records([{
            "key": row["key"], "name": row["name"], "kind": row["kind"],
            "note": row["note"] or "", "updated_at": stamp,
            "updated_by": row["changed_by"] or "",
            "removed_at": stamp if row["removed"] else None}])
        if checked is None:  # written by hand on the server: not a register entry
            report.names_skipped += 1
            continue
        record = checked[0]
        local = library.db.execute(
            "SELECT name, kind, note, removed_at IS NOT NULL, updated_at FROM name_register "
            "WHERE key = ?", [record["key"]]).fetchone()
        same = local is not None and tuple(local[:4]) == (
            record["name"], record["kind"], record["note"], bool(row["removed"]))
        if (local is not None and editor and not same
                and not version_sent(library, KIND, record["key"], local[4])):
            continue  # this editor's own change, not sent yet: it goes up and wins
        # (the same entry: this library's own push coming back, or an entry both had
        # already; it takes the server's time and is not sent again)
        mark_version_sent(library, KIND, record["key"], stamp)
        take_entry(library, record)
        if not same:
            report.names_pulled += 1


def push_names(library: Library, conn: Any, report: SyncReport) -> None:
    """Send the register entries changed here (an editor's library) and mark them sent.

    A server that refuses them (the sign-in is not an editor there) leaves them
    unsent and a note in the report; the sync goes on.
    """
    import psycopg

    pending = library.db.execute(
        "SELECT key, name, kind, note, removed_at IS NOT NULL, updated_at "
        "FROM name_register r WHERE NOT EXISTS (SELECT 1 FROM sync_sent s "
        "WHERE s.kind = ? AND s.id = r.key || char(9) || r.updated_at) ORDER BY key",
        [KIND]).fetchall()
    for start in range(0, len(pending), NAMES_BATCH):
        batch = pending[start:start + NAMES_BATCH]
        rows = [{"key": k, "name": n, "kind": kind, "note": note, "removed": bool(gone)}
                for k, n, kind, note, gone, _ in batch]
        try:
            conn.execute(
                "INSERT INTO deskapp.names AS n (key, name, kind, note, removed) "
                "SELECT r.key, r.name, r.kind, r.note, r.removed FROM jsonb_to_recordset("
                "%s::jsonb) AS r(key text, name text, kind text, note text, removed boolean) "
                "ORDER BY r.key ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, "
                "kind = EXCLUDED.kind, note = EXCLUDED.note, removed = EXCLUDED.removed",
                [json.dumps(rows, ensure_ascii=False)])
        except psycopg.errors.InsufficientPrivilege:
            report.names_note = "names_refused"
            return
        with library.transaction():
            for key, *_rest, updated_at in batch:
                mark_version_sent(library, KIND, key, updated_at)
        report.names_pushed += len(batch)
