"""Editions in packages: the page plans that place an article travel with it.

A package (:mod:`deskapp.exchange.package`) written for an article carries,
in ``editions.json``, every edition that places the article: its id, name,
date, the time of its last change, its head revision and its plan
revisions (id, parent, time, author, kind, plan as JSON). The receiver
checks each record and each plan (:func:`check_edition_records`, the same
checks as a plan file) and merges them (:func:`merge_editions`): revisions
it lacks are added by id, and the edition takes the incoming plan when its
last change is later than the local one, so two desks exchanging packages
end with the same, latest plan and both histories.
"""

from __future__ import annotations

from typing import Any

from deskapp.makeup.plan import PlanError, edition_from_json
from deskapp.store.library import Library

# Bounds on what one package may carry, checked before any plan is parsed.
MAX_EDITIONS = 50
MAX_PLAN_REVISIONS = 2000
_TEXT = 200
_REVISION_KEYS = ("id", "parent_id", "created_at", "author", "kind", "plan")


def edition_records(library: Library, article_id: str) -> list[dict[str, Any]]:
    """Every edition (outside the trash) placing ``article_id``, with its plan history.

    The revisions sent are sealed; call inside a write transaction.
    """
    records = []
    rows = library.conn.execute(
        "SELECT id, name, date, updated_at, revision_id, plan FROM editions "
        "WHERE deleted_at IS NULL ORDER BY updated_at").fetchall()
    for edition_id, name, date, updated_at, head, plan in rows:
        try:
            placed = article_id in edition_from_json(plan).article_ids()
        except PlanError:
            continue
        if not placed:
            continue
        revisions = library.conn.execute(
            "SELECT id, parent_id, created_at, author, kind, plan FROM edition_revisions "
            "WHERE edition_id = ? ORDER BY created_at, rowid", [edition_id]).fetchall()
        library.conn.execute(  # sent: an autosave may no longer rewrite them in place
            "UPDATE edition_revisions SET sealed = 1 WHERE edition_id = ?", [edition_id])
        records.append({
            "id": edition_id, "name": name, "date": date, "updated_at": updated_at,
            "head": head,
            "revisions": [dict(zip(_REVISION_KEYS, row, strict=True))
                          for row in revisions[-MAX_PLAN_REVISIONS:]],
        })
    return records


def check_edition_records(records: Any) -> list[dict[str, Any]] | None:
    """The records when every field and every plan is sound; None for anything malformed."""
    if not isinstance(records, list) or len(records) > MAX_EDITIONS:
        return None
    for record in records:
        if not isinstance(record, dict) or not _texts(record, ("id", "name", "date",
                                                                "updated_at", "head")):
            return None
        revisions = record.get("revisions")
        if not isinstance(revisions, list) or not revisions \
                or len(revisions) > MAX_PLAN_REVISIONS:
            return None
        ids = set()
        for revision in revisions:
            if not isinstance(revision, dict) or not _texts(
                    revision, ("id", "created_at", "author", "kind"), optional=("parent_id",)):
                return None
            if not isinstance(revision.get("plan"), str):
                return None
            try:
                edition = edition_from_json(revision["plan"])
            except PlanError:
                return None
            if edition.id != record["id"]:
                return None
            ids.add(revision["id"])
        if record["head"] not in ids:
            return None
    return records


def _texts(record: dict[str, Any], keys: tuple[str, ...], optional: tuple[str, ...] = ()) -> bool:
    for key in keys:
        value = record.get(key)
        if not isinstance(value, str) or len(value) > _TEXT or (key == "id" and not value):
            return False
    return all(record.get(key) is None or (isinstance(record.get(key), str)
                                           and len(record[key]) <= _TEXT) for key in optional)


def merge_editions(library: Library, records: list[dict[str, Any]], *,
                   ordered: bool = False) -> int:
    """Bring checked edition records into the library; how many editions changed.

    Called inside the package's (or the sync's) transaction. ``ordered``: the
    records come from the newsroom server, whose order of writes already says
    which plan is the later one, so the incoming plan replaces the local one
    whatever the two computers' clocks say (the sync decides beforehand which
    local changes are kept to go up).
    """
    changed = 0
    for record in records:
        revisions = {revision["id"]: revision for revision in record["revisions"]}
        head = revisions[record["head"]]
        local = library.conn.execute(
            "SELECT updated_at FROM editions WHERE id = ?", [record["id"]]).fetchone()
        edition = edition_from_json(head["plan"])
        if local is None:
            library.conn.execute(
                "INSERT INTO editions (id, name, date, plan, created_at, updated_at, "
                "revision_id) VALUES (?, ?, ?, ?, ?, ?, NULL)",
                [edition.id, edition.name, edition.date, head["plan"], head["created_at"],
                 record["updated_at"]])
        added = 0
        for revision in record["revisions"]:
            cursor = library.conn.execute(
                "INSERT OR IGNORE INTO edition_revisions (id, edition_id, parent_id, "
                "created_at, author, kind, plan) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [revision["id"], edition.id, revision.get("parent_id"), revision["created_at"],
                 revision["author"], revision["kind"], revision["plan"]])
            added += cursor.rowcount
        if local is None or ordered or record["updated_at"] > local[0]:
            library.conn.execute(
                "UPDATE editions SET name = ?, date = ?, plan = ?, updated_at = ?, "
                "revision_id = ?, deleted_at = NULL WHERE id = ?",
                [edition.name, edition.date, head["plan"], record["updated_at"], head["id"],
                 edition.id])
            changed += 1
        elif added:
            changed += 1
    return changed
