"""What a sync did and what this library knows of the server: shared by pull and push."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from deskapp.exchange.merge import MergeResult
from deskapp.store import Library

CURSOR_SETTING = "sync_cursor"
SERVER_SETTING = "sync_server_id"
PUSH_BATCH = 100
PULL_BATCH = 200
ROUNDS = 3

Checkpoint = Callable[[str], None]

COMMENT_COLUMNS = ("id", "article_id", "field", "start", "end", "quote", "prefix", "suffix",
                    "body", "author", "created_at", "resolved_at", "revision_id")
RESOLUTION_COLUMNS = ("comment_id", "article_id", "resolved_at", "resolved_by")
EVENT_COLUMNS = ("id", "article_id", "revision_id", "at", "user", "role", "action",
                  "from_status", "to_status", "reason", "note")
SIGNED_EVENT_COLUMNS = (*EVENT_COLUMNS, "key_id", "signature")  # server schema 4 on
REVISION_META = ("id", "article_id", "parent_id", "created_at", "author", "kind",
                  "content_hash")


@dataclass(frozen=True)
class Refusal:
    """An article the server would not take, or (``pulled``) one skipped when pulling
    because its rows on the server are damaged (``why`` is a reason code)."""

    article_id: str
    title: str
    why: str
    pulled: bool = False
    detail: str = ""  # what is missing or wrong, in the server's terms (a revision id)


@dataclass
class SyncReport:
    """What one sync did: articles sent, articles changed here, how each merge went."""

    pushed: int = 0
    pulled: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    conflicts: list[MergeResult] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    # Approval claims pulled from the server that did not verify here (ApprovalRefused).
    approvals_refused: list[Any] = field(default_factory=list)
    cursor: str = "0"  # the pull position as stored (settings.sync_cursor)
    updated_ids: set[str] = field(default_factory=set)
    # (old id, new id, title): articles whose id the server had for someone else
    rekeyed: list[tuple[str, str, str]] = field(default_factory=list)
    # older articles a first pull left on the server (sync.history): fetched now, and
    # whether some are still waiting
    older_fetched: int = 0
    older_waiting: bool = False
    # the name register (server schema 7): entries sent, entries changed here, server rows
    # that are not register entries, and a note (a sync message code) when it did not travel
    names_pushed: int = 0
    names_pulled: int = 0
    names_skipped: int = 0
    names_note: str = ""
    # page plans (server schema 8), counted by edition, with the same kind of note
    editions_pushed: int = 0
    editions_pulled: int = 0
    editions_skipped: int = 0
    editions_note: str = ""


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:200]


def mark_sent(library: Library, kind: str, ids: Sequence[str]) -> None:
    if ids:
        library.db.conn.executemany(
            "INSERT OR IGNORE INTO sync_sent (kind, id) VALUES (?, ?)",
            [(kind, i) for i in ids])


def version_sent(library: Library, kind: str, key: str, updated_at: str) -> bool:
    """Whether this version (``updated_at``) of a register entry or page plan reached the server."""
    return library.conn.execute("SELECT 1 FROM sync_sent WHERE kind = ? AND id = ?",
                                [kind, f"{key}\t{updated_at}"]).fetchone() is not None


def mark_version_sent(library: Library, kind: str, key: str, updated_at: str) -> None:
    """Only the latest version of ``key`` known on the server stays marked."""
    # ids "key<TAB>..." sort from "key<TAB>" to before "key<LF>": a range of the index
    library.conn.execute("DELETE FROM sync_sent WHERE kind = ? AND id >= ? AND id < ?",
                         [kind, f"{key}\t", f"{key}\n"])
    library.conn.execute("INSERT OR IGNORE INTO sync_sent (kind, id) VALUES (?, ?)",
                         [kind, f"{key}\t{updated_at}"])


def sent_ids(library: Library, kind: str, aid: str, table: str) -> set[str]:
    return {r[0] for r in library.db.execute(
        f"SELECT id FROM sync_sent WHERE kind = ? AND id IN "
        f"(SELECT id FROM {table} WHERE article_id = ?)", [kind, aid])}


def local_seqs(library: Library, ids: Sequence[str]) -> dict[str, int | None]:
    seqs: dict[str, int | None] = {}
    for chunk in chunks(ids):
        marks = ", ".join("?" * len(chunk))
        for aid, seq in library.db.execute(
                f"SELECT article_id, server_seq FROM sync_articles WHERE article_id IN ({marks})",
                chunk):
            seqs[aid] = seq
    return seqs


def known_revisions(library: Library, ids: Sequence[str]) -> set[str]:
    known: set[str] = set()
    for chunk in chunks(ids):
        marks = ", ".join("?" * len(chunk))
        known.update(r[0] for r in library.db.execute(
            f"SELECT id FROM revisions WHERE id IN ({marks})", chunk))
    return known


def local_photo_names(library: Library, ids: Sequence[str]) -> set[tuple[str, str]]:
    have: set[tuple[str, str]] = set()
    for chunk in chunks(ids):
        marks = ", ".join("?" * len(chunk))
        have.update((a, n) for a, n in library.db.execute(
            f"SELECT article_id, name FROM assets WHERE article_id IN ({marks})", chunk))
    return have


def exists(library: Library, aid: str) -> bool:
    return library.db.execute("SELECT 1 FROM articles WHERE id = ?", [aid]).fetchone() is not None


def chunks(items: Sequence[str], size: int = 500) -> list[list[str]]:
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def quoted(columns: Sequence[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)

