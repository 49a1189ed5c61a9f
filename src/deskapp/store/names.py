"""The newsroom's name register in the library (table ``name_register``, migration 13).

People, bodies and places with the spelling the desk approved. Each entry is
keyed by :func:`~deskapp.proof.house.name_key`, so one name has one approved
spelling; proofing flags any other (:mod:`deskapp.proof.register`). Editors
add, change and remove entries; a removal is kept as a row with
``removed_at`` so it travels like an addition. Entries arriving from a
package are merged by :func:`merge_names`: for one key the later
``updated_at`` wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from deskapp.errors import DeskappError
from deskapp.model import now_iso
from deskapp.proof.house import RegisteredName, name_key

KINDS = ("person", "body", "place")
MAX_NAME = 200
MAX_NOTE = 500
MAX_ENTRIES = 50_000
_COLUMNS = ("key", "name", "kind", "note", "updated_at", "updated_by", "removed_at")


class NameRegisterError(DeskappError):
    """A name the register cannot take (empty, too long, unknown kind)."""

    code = "name_invalid"


@dataclass(frozen=True)
class NameEntry:
    key: str
    name: str
    kind: str
    note: str
    updated_at: str
    updated_by: str
    removed_at: str | None = None

    def record(self) -> dict[str, Any]:
        return {column: getattr(self, column) for column in _COLUMNS}


def clean_name(name: str) -> str:
    """``name`` with its spaces made single; refused when empty or too long."""
    import unicodedata

    cleaned = " ".join(unicodedata.normalize("NFC", name).split())
    if not cleaned or len(cleaned) > MAX_NAME or not any(c.isalpha() for c in cleaned):
        raise NameRegisterError("name_invalid", name=cleaned[:60])
    return cleaned


def entries(library: Any, *, removed: bool = False) -> list[NameEntry]:
    """The register's entries in name order (with ``removed``, the removals too)."""
    where = "" if removed else " WHERE removed_at IS NULL"
    rows = library.conn.execute(
        f"SELECT {', '.join(_COLUMNS)} FROM name_register{where} ORDER BY key").fetchall()
    return [NameEntry(*row) for row in rows]


def registered_names(library: Any) -> tuple[RegisteredName, ...]:
    """What proofing compares against: the names in force."""
    rows = library.conn.execute(
        "SELECT name, kind, note FROM name_register WHERE removed_at IS NULL").fetchall()
    return tuple(RegisteredName(*row) for row in rows)


def set_name(library: Any, name: str, *, kind: str = "person", note: str = "",
             user: str = "", replaces: str | None = None) -> NameEntry:
    """Register ``name`` (or change the entry of the same name, or ``replaces``' entry)."""
    name = clean_name(name)
    if kind not in KINDS:
        raise NameRegisterError("name_kind_invalid", kind=str(kind)[:40])
    entry = NameEntry(name_key(name), name, kind, " ".join(note.split())[:MAX_NOTE],
                      now_iso(), user[:MAX_NAME])
    with library.transaction():
        if replaces is not None and name_key(replaces) != entry.key:
            _remove(library, name_key(replaces), user)
        _write(library, entry)
    return entry


def remove_name(library: Any, name: str, *, user: str = "") -> bool:
    """Take ``name`` (any spelling of it) out of the register; False if it was not there."""
    key = name_key(" ".join(name.split()))
    with library.transaction():
        return _remove(library, key, user)


def merge_names(library: Any, records: list[dict[str, Any]]) -> int:
    """Entries from elsewhere (a package): for each key the later ``updated_at`` wins.

    Returns how many entries changed here. ``records`` must have been checked
    (:func:`check_name_records`).
    """
    changed = 0
    with library.transaction():
        for record in records:
            entry = NameEntry(**{c: record.get(c) for c in _COLUMNS})
            row = library.conn.execute(
                "SELECT updated_at FROM name_register WHERE key = ?", [entry.key]).fetchone()
            if row is not None and row[0] >= entry.updated_at:
                continue
            _write(library, entry)
            changed += 1
    return changed


def take_entry(library: Any, record: dict[str, Any]) -> None:
    """Write a checked record (:func:`check_name_records`) whatever is here: the newsroom
    server's copy of the register is the desk's (:mod:`deskapp.sync.register`). The
    caller holds the library's transaction."""
    _write(library, NameEntry(**{c: record.get(c) for c in _COLUMNS}))


def check_name_records(records: Any) -> list[dict[str, Any]] | None:
    """Register records from a package checked one by one (None: malformed)."""
    if not isinstance(records, list) or len(records) > MAX_ENTRIES:
        return None
    checked = []
    for record in records:
        if not isinstance(record, dict):
            return None
        row = {c: record.get(c) for c in _COLUMNS}
        texts_ok = all(isinstance(row[c], str) for c in _COLUMNS if c != "removed_at")
        if not texts_ok or not (row["removed_at"] is None or isinstance(row["removed_at"], str)):
            return None
        try:
            row["name"] = clean_name(row["name"])
        except NameRegisterError:
            return None
        if (row["kind"] not in KINDS or row["key"] != name_key(row["name"])
                or len(row["note"]) > MAX_NOTE or not 0 < len(row["updated_at"]) <= 100
                or len(row["updated_by"]) > MAX_NAME
                or (row["removed_at"] is not None and len(row["removed_at"]) > 100)):
            return None
        checked.append(row)
    return checked


def _remove(library: Any, key: str, user: str) -> bool:
    row = library.conn.execute(
        "SELECT name, kind, note FROM name_register WHERE key = ? AND removed_at IS NULL",
        [key]).fetchone()
    if row is None:
        return False
    stamp = now_iso()
    _write(library, NameEntry(key, row[0], row[1], row[2], stamp, user[:MAX_NAME], stamp))
    return True


VERSION_KEY = "name_register_version"


def register_version(library: Any) -> str:
    """A setting every change of the register bumps: a reader caches the names by it."""
    return library.get_setting(VERSION_KEY) or "0"


def _write(library: Any, entry: NameEntry) -> None:
    library.db.execute(
        "INSERT INTO settings (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE "
        "SET value = CAST(value AS INTEGER) + 1", [VERSION_KEY])
    library.db.execute(
        "INSERT INTO name_register (key, name, kind, note, updated_at, updated_by, removed_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET name = excluded.name, "
        "kind = excluded.kind, note = excluded.note, updated_at = excluded.updated_at, "
        "updated_by = excluded.updated_by, removed_at = excluded.removed_at",
        list(entry.record().values()))
