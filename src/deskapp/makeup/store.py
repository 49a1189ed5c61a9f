"""Editions in the library: the current plan of each, and its history.

Saving is cheap enough for an autosave on every change of the page view: a
save whose plan equals the stored one writes nothing, and an autosave by
the same person within ``COALESCE_SECONDS`` of the last autosave replaces
that revision instead of adding one, so history keeps the plan as it was
at each pause of work, not each drag. Plans are checked on the way in and
again on the way out (:func:`deskapp.makeup.plan.edition_from_json`): a
damaged row gives a sentence, and every revision stays readable on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from deskapp.makeup.plan import Edition, PlanError, edition_from_json, edition_to_json
from deskapp.model import new_id, now_iso
from deskapp.store.library import Library
from deskapp.text import fold, nfc

COALESCE_SECONDS = 300


@dataclass(frozen=True)
class EditionSummary:
    id: str
    name: str
    date: str
    pages: int
    updated_at: str


@dataclass(frozen=True)
class PlanRevision:
    id: str
    edition_id: str
    created_at: str
    author: str
    kind: str
    plan: str  # JSON

    def edition(self) -> Edition:
        return edition_from_json(self.plan)


def save_edition(library: Library, edition: Edition, *, author: str = "",
                 kind: str = "save") -> Edition:
    """Store ``edition`` (new or changed) and a revision of its plan; return it as stored.

    ``kind`` "autosave" coalesces with the previous autosave by ``author``
    made less than ``COALESCE_SECONDS`` ago.
    """
    edition = replace(edition, name=nfc(edition.name).strip())
    if not edition.name:
        raise PlanError("plan_invalid", key="name", problem="missing", page="-", block="-")
    plan = edition_to_json(edition)
    edition_from_json(plan)  # what is stored must read back
    stamp = now_iso()
    with library._writing():
        row = library.conn.execute(
            "SELECT plan, revision_id FROM editions WHERE id = ?", [edition.id]).fetchone()
        if row is not None and row[0] == plan:
            return edition
        if row is None:
            library.conn.execute(
                "INSERT INTO editions (id, name, date, plan, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [edition.id, edition.name, edition.date, plan, stamp, stamp])
        head = row[1] if row else None
        revision_id = _coalesced(library, head, author, kind, stamp, plan)
        if revision_id is None:
            revision_id = new_id()
            library.conn.execute(
                "INSERT INTO edition_revisions (id, edition_id, parent_id, created_at, author, "
                "kind, plan) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [revision_id, edition.id, head, stamp, author, kind, plan])
        library.conn.execute(
            "UPDATE editions SET name = ?, date = ?, plan = ?, updated_at = ?, "
            "revision_id = ?, deleted_at = NULL WHERE id = ?",
            [edition.name, edition.date, plan, stamp, revision_id, edition.id])
    return edition


def _coalesced(library: Library, head: str | None, author: str, kind: str, stamp: str,
               plan: str) -> str | None:
    """The head revision rewritten in place when this autosave continues it; else None."""
    if kind != "autosave" or head is None:
        return None
    row = library.conn.execute(
        "SELECT kind, author, created_at, sealed FROM edition_revisions WHERE id = ?",
        [head]).fetchone()
    if row is None or row[0] != "autosave" or row[1] != author or row[3]:
        return None
    try:
        age = (datetime.fromisoformat(stamp) - datetime.fromisoformat(row[2])).total_seconds()
    except ValueError:
        return None
    if not 0 <= age <= COALESCE_SECONDS:
        return None
    library.conn.execute("UPDATE edition_revisions SET plan = ?, created_at = ? WHERE id = ?",
                         [plan, stamp, head])
    return head


def get_edition(library: Library, edition_id: str) -> Edition:
    row = library.conn.execute(
        "SELECT plan, name FROM editions WHERE id = ? AND deleted_at IS NULL",
        [edition_id]).fetchone()
    if row is None:
        raise PlanError("edition_not_found", ref=edition_id)
    try:
        return edition_from_json(row[0])
    except PlanError as exc:
        raise PlanError("edition_damaged", name=row[1], reason=str(exc)) from exc


def find_edition(library: Library, ref: str) -> Edition:
    """The edition whose id, id prefix (6+ characters) or name (accents optional) is ``ref``."""
    ref = nfc(ref).strip()
    rows = library.conn.execute(
        "SELECT id, name FROM editions WHERE deleted_at IS NULL ORDER BY updated_at DESC"
    ).fetchall()
    for edition_id, _name in rows:
        if edition_id == ref:
            return get_edition(library, edition_id)
    named = [edition_id for edition_id, name in rows if name == ref]
    if not named:
        named = [edition_id for edition_id, name in rows if fold(name) == fold(ref)]
    if not named and len(ref) >= 6:
        named = [edition_id for edition_id, _name in rows if edition_id.startswith(ref)]
    if not named:
        raise PlanError("edition_not_found", ref=ref)
    return get_edition(library, named[0])


def list_editions(library: Library) -> list[EditionSummary]:
    rows = library.conn.execute(
        "SELECT id, name, date, plan, updated_at FROM editions WHERE deleted_at IS NULL "
        "ORDER BY date DESC, updated_at DESC").fetchall()
    found = []
    for edition_id, name, date, plan, updated in rows:
        try:
            pages = len(edition_from_json(plan).pages)
        except PlanError:
            pages = 0
        found.append(EditionSummary(edition_id, name, date, pages, updated))
    return found


def edition_history(library: Library, edition_id: str) -> list[PlanRevision]:
    """Every stored plan of the edition, the newest first."""
    rows = library.conn.execute(
        "SELECT id, edition_id, created_at, author, kind, plan FROM edition_revisions "
        "WHERE edition_id = ? ORDER BY created_at DESC, rowid DESC", [edition_id]).fetchall()
    return [PlanRevision(*row) for row in rows]


def delete_edition(library: Library, edition_id: str) -> None:
    """Move the edition to the trash (its history stays)."""
    with library._writing():
        library.conn.execute("UPDATE editions SET deleted_at = ? WHERE id = ?",
                             [now_iso(), edition_id])
