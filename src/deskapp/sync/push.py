"""Pushing: the rows the server may not have, then the head moved by compare-and-swap.

From server version 6 a batch goes up in one statement (``deskapp.push()``,
:mod:`deskapp.sync.schema_concurrent`): the server applies it article by
article, each in a subtransaction of its own, and answers with each
article's outcome. With an older server each article is sent statement by
statement inside one transaction (with a savepoint per article), as before.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from deskapp.exchange.merge import open_conflict, parents_first
from deskapp.exchange.package import seal_revisions
from deskapp.model import Revision
from deskapp.store import Library
from deskapp.sync.bookkeeping import (
    COMMENT_COLUMNS,
    EVENT_COLUMNS,
    PUSH_BATCH,
    RESOLUTION_COLUMNS,
    SIGNED_EVENT_COLUMNS,
    Checkpoint,
    Refusal,
    SyncReport,
    mark_sent,
    quoted,
    sent_ids,
)
from deskapp.sync.pull import read_position

PUSH_BYTES = 8 * 1024 * 1024


@dataclass
class _Outgoing:
    article_id: str
    title: str
    created_at: str
    target_words: int | None
    head: str
    known: str | None
    conflict: bool
    revisions: list[Revision]
    comments: list[dict[str, Any]]
    events: list[dict[str, Any]]
    photos: list[dict[str, Any]]
    resolutions: list[dict[str, Any]] = field(default_factory=list)
    # Approve events this library cannot verify: never sent, marked so they are not retried.
    held: list[str] = field(default_factory=list)
    known_seq: int | None = None  # the server's change number this library last merged


@dataclass
class _Sent:
    item: _Outgoing
    swapped: bool | None
    server_head: str | None
    seq: int | None


def push(library: Library, conn: Any, report: SyncReport, step: Checkpoint,
         carry: bool, signed: bool = False, unsaved: Collection[str] = (),
         concurrent: bool = False) -> bool:
    """Send everything new here; return whether a head swap was lost (pull again).

    Batches hold at most :data:`PUSH_BATCH` articles and about :data:`PUSH_BYTES`
    (an article bigger than that goes alone).
    """
    lost = False
    dirty = _dirty_articles(library, carry)
    batch: list[str] = []
    size = 0
    for aid in dirty:
        batch.append(aid)
        size += _estimate(library, aid)
        if len(batch) >= PUSH_BATCH or size >= PUSH_BYTES:
            lost |= _push_batch(library, conn, batch, report, step, carry, signed, unsaved,
                                concurrent)
            batch, size = [], 0
    if batch:
        lost |= _push_batch(library, conn, batch, report, step, carry, signed, unsaved,
                            concurrent)
    return lost


def _estimate(library: Library, aid: str) -> int:
    """About how many bytes an article's unsent photos and latest text take."""
    row = library.db.execute(
        "SELECT coalesce(sum(length(data)), 0) FROM assets WHERE article_id = ? AND id NOT IN "
        "(SELECT id FROM sync_sent WHERE kind = 'photo')", [aid]).fetchone()
    return int(row[0]) * 4 // 3 + 20_000


def _push_batch(library: Library, conn: Any, ids: Sequence[str], report: SyncReport,
                step: Checkpoint, carry: bool, signed: bool = False,
                unsaved: Collection[str] = (), concurrent: bool = False) -> bool:
    import psycopg

    seal_revisions(library, list(ids))
    items = [_outgoing(library, aid, carry, signed) for aid in ids]
    sent: list[_Sent] = []
    refused: list[Refusal] = []
    if concurrent:
        sent, refused = _send_batch(conn, items)
        step("push:sent")
    else:
        cursor = read_position(library, False).seq
        with conn.transaction():
            for item in items:
                try:
                    with conn.transaction():
                        sent.append(_send(conn, item, cursor, signed))
                except psycopg.errors.InsufficientPrivilege as exc:
                    refused.append(Refusal(item.article_id, item.title, _refusal_reason(exc)))
                except _NotVisible:
                    refused.append(Refusal(item.article_id, item.title, "not_owner"))
                except (psycopg.errors.IntegrityError, psycopg.errors.DataError):
                    # a row the server's checks refuse (schema 5): only this article waits
                    refused.append(Refusal(item.article_id, item.title, "row_invalid"))
            step("push:sent")
    step("push:committed")
    with library.transaction():
        for done in sent:
            _record_sent(library, done)
    step("push:recorded")
    refused = _rekey_taken(library, refused, report, unsaved)
    report.refused.extend(refused)
    report.refused.extend(Refusal(s.item.article_id, s.item.title, "approval_unsigned")
                          for s in sent if s.item.held)
    report.pushed += sum(1 for s in sent if _carried_something(s))
    # a re-keyed article goes up under its new id in the next round
    return any(s.swapped is False for s in sent) or any(
        r[0] in ids for r in report.rekeyed)


def _rekey_taken(library: Library, refused: list[Refusal], report: SyncReport,
                 unsaved: Collection[str]) -> list[Refusal]:
    """Re-key the articles whose id the server holds for someone else; the rest stay refused.

    Only an article this library never had on the server is re-keyed: its
    id was taken before its first push, so nothing of it is anyone else's.
    """
    from deskapp.sync.rekey import rekey_article
    from deskapp.workspace import current_user

    kept = []
    for refusal in refused:
        known = library.db.execute(
            "SELECT server_head FROM sync_articles WHERE article_id = ?",
            [refusal.article_id]).fetchone()
        if (refusal.why != "id_taken" or (known is not None and known[0] is not None)
                or refusal.article_id in unsaved):  # never under an editor's feet
            kept.append(refusal)
            continue
        done = rekey_article(library, refusal.article_id, author=current_user(library))
        report.rekeyed.append((refusal.article_id, done.new_id, refusal.title))
        if done.refused is not None:
            report.approvals_refused.append(done.refused)
        with library.transaction():  # their signature covers the old ids: they never travel
            mark_sent(library, "event", done.stale_approvals)
    return kept


class _NotVisible(Exception):
    """The article's row is on the server but not ours to see (another person's)."""


def _carried_something(sent: _Sent) -> bool:
    item = sent.item
    return bool(item.revisions or item.comments or item.events or item.photos
                or item.resolutions or sent.swapped)


def _refusal_reason(exc: BaseException) -> str:
    hint = getattr(getattr(exc, "diag", None), "message_hint", None) or ""
    if hint.startswith("deskapp:"):
        return hint.split(":", 1)[1]
    return "not_owner"


def _dirty_articles(library: Library, carry: bool = True) -> list[str]:
    """Articles with something the server may not have; the untouched welcome stays home."""
    resolutions = (
        "  OR EXISTS (SELECT 1 FROM comment_resolutions r WHERE r.article_id = a.id "
        "      AND r.comment_id NOT IN (SELECT id FROM sync_sent WHERE kind = 'resolution')) "
        if carry else "")
    rows = library.db.execute(
        "SELECT a.id FROM articles a LEFT JOIN sync_articles s ON s.article_id = a.id "
        "WHERE a.deleted_at IS NULL AND a.revision_id IS NOT NULL "
        "AND a.revision_id NOT IN (SELECT id FROM revisions "
        "    WHERE author = 'Deskapp' AND kind = 'create' AND parent_id IS NULL) "
        "AND (s.article_id IS NULL OR s.server_head IS NOT a.revision_id "
        "  OR EXISTS (SELECT 1 FROM comments c WHERE c.article_id = a.id AND c.id NOT IN "
        "      (SELECT id FROM sync_sent WHERE kind = 'comment')) "
        "  OR EXISTS (SELECT 1 FROM status_events e WHERE e.article_id = a.id AND e.id NOT IN "
        "      (SELECT id FROM sync_sent WHERE kind = 'event')) "
        "  OR EXISTS (SELECT 1 FROM assets p WHERE p.article_id = a.id AND p.id NOT IN "
        "      (SELECT id FROM sync_sent WHERE kind = 'photo')) "
        f"{resolutions}) "
        "ORDER BY a.updated_at, a.id").fetchall()
    return [r[0] for r in rows]


def _outgoing(library: Library, aid: str, carry: bool = True,
              signed: bool = False) -> _Outgoing:
    db = library.db
    article = library.get(aid)
    row = db.execute("SELECT server_head, server_seq FROM sync_articles WHERE article_id = ?",
                     [aid]).fetchone()
    sent = sent_ids(library, "revision", aid, "revisions")
    # A revision damaged in this library (its content fails its hash) stays here: the
    # other side would refuse the whole article for it.
    revisions = [r for r in parents_first(library.revisions(aid))
                 if r.id not in sent and not getattr(r, "damaged", False)]
    comments = [dict(r) for r in db.query(
        "SELECT * FROM comments WHERE article_id = ? AND id NOT IN "
        "(SELECT id FROM sync_sent WHERE kind = 'comment') ORDER BY created_at, rowid", [aid])]
    events = [dict(r) for r in db.query(
        "SELECT * FROM status_events WHERE article_id = ? AND id NOT IN "
        "(SELECT id FROM sync_sent WHERE kind = 'event') ORDER BY at, rowid", [aid])]
    photos = [dict(r) for r in db.query(
        "SELECT id, name, caption, credit, sha256, data FROM assets WHERE article_id = ? "
        "AND id NOT IN (SELECT id FROM sync_sent WHERE kind = 'photo')", [aid])]
    # A resolution goes with (after) its comment: one whose comment is not here stays.
    resolutions = [dict(r) for r in db.query(
        "SELECT r.comment_id, r.article_id, r.resolved_at, r.resolved_by "
        "FROM comment_resolutions r JOIN comments c ON c.id = r.comment_id "
        "AND c.article_id = r.article_id WHERE r.article_id = ? AND r.comment_id NOT IN "
        "(SELECT id FROM sync_sent WHERE kind = 'resolution') ORDER BY r.resolved_at",
        [aid])] if carry else []
    held = _unverified_approvals(library, events) if signed else []
    return _Outgoing(aid, article.title, article.created_at, article.target_words,
                     str(article.revision_id), row[0] if row else None,
                     open_conflict(library, aid) is not None,
                     revisions, comments, [e for e in events if e["id"] not in held],
                     photos, resolutions, held, row[1] if row else None)


def _unverified_approvals(library: Library, events: list[dict[str, Any]]) -> list[str]:
    """Ids of the approve events among ``events`` that this library cannot verify."""
    from deskapp.desk.approvals import check_event, stored_revision

    return [e["id"] for e in events if e["action"] == "approve"
            and check_event(library, e, stored_revision(library, e["revision_id"])) is not None]


def _send(conn: Any, item: _Outgoing, cursor: int, signed: bool = False) -> _Sent:
    aid = item.article_id
    with conn.cursor() as cur:
        cur.execute("SELECT seq FROM deskapp.articles WHERE id = %s", [aid])
        found = cur.fetchone()
        before = found[0] if found else None
        if found is None:
            cur.execute(
                "INSERT INTO deskapp.articles (id, created_at, target_words) "
                "VALUES (%s, %s, %s) ON CONFLICT (id) DO NOTHING",
                [aid, item.created_at, item.target_words])
        if item.revisions:
            cur.executemany(
                "INSERT INTO deskapp.revisions (id, article_id, parent_id, created_at, author, "
                "kind, content_hash, title, lead, body, byline, source, section, tags, status) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
                "ON CONFLICT (id) DO NOTHING",
                [_revision_row(r) for r in item.revisions])
        if item.comments:
            cur.executemany(
                f"INSERT INTO deskapp.comments ({quoted(COMMENT_COLUMNS)}) VALUES "
                f"({', '.join(['%s'] * len(COMMENT_COLUMNS))}) ON CONFLICT (id) DO NOTHING",
                [[c.get(k) for k in COMMENT_COLUMNS] for c in item.comments])
        if item.events:
            columns = SIGNED_EVENT_COLUMNS if signed else EVENT_COLUMNS
            cur.executemany(
                f"INSERT INTO deskapp.status_events ({quoted(columns)}) VALUES "
                f"({', '.join(['%s'] * len(columns))}) ON CONFLICT (id) DO NOTHING",
                [[e.get(k) for k in columns] for e in item.events])
        if item.resolutions:
            cur.executemany(
                f"INSERT INTO deskapp.comment_resolutions ({quoted(RESOLUTION_COLUMNS)}) "
                f"VALUES ({', '.join(['%s'] * len(RESOLUTION_COLUMNS))}) "
                "ON CONFLICT (comment_id) DO NOTHING",
                [[r[k] for k in RESOLUTION_COLUMNS] for r in item.resolutions])
        if item.photos:
            cur.executemany(
                "INSERT INTO deskapp.photos (article_id, name, caption, credit, sha256, data) "
                "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (article_id, name) DO NOTHING",
                [[aid, p["name"], p["caption"] or "", p["credit"] or "", p["sha256"], p["data"]]
                 for p in item.photos])
        swapped: bool | None = None
        final = None
        if not item.conflict:
            cur.execute(
                "UPDATE deskapp.articles SET head_id = %s WHERE id = %s "
                "AND (head_id IS NOT DISTINCT FROM %s OR head_id = %s) RETURNING seq, head_id",
                [item.head, aid, item.known, item.head])
            final = cur.fetchone()
            swapped = final is not None
        if final is None:
            cur.execute("SELECT seq, head_id FROM deskapp.articles WHERE id = %s", [aid])
            final = cur.fetchone()
        if final is None:  # someone else's article, hidden from us: every row was known
            raise _NotVisible(aid)
        seq, server_head = final
    # Skipping this article at the next pull is safe only if nothing of anyone else's
    # came before our change unseen (its number was below our cursor).
    safe = swapped is not False and (before is None or before <= cursor)
    return _Sent(item, swapped, server_head, seq if safe else None)


def _send_batch(conn: Any, items: Sequence[_Outgoing]) -> tuple[list[_Sent], list[Refusal]]:
    """Push a batch in one statement (server version 6): ``deskapp.push()`` does the rest.

    One round trip: the server reads the whole batch before it locks anything, and
    holds each article's row only while its own statement runs.
    """
    from psycopg.types.json import Jsonb

    with conn.cursor() as cur:
        cur.execute("SELECT deskapp.push(%s)", [Jsonb([_batch_entry(i) for i in items])])
        results = {r["id"]: r for r in cur.fetchone()[0]}
    sent: list[_Sent] = []
    refused: list[Refusal] = []
    for item in items:
        result = results.get(item.article_id) or {"refused": "not_owner"}
        if result.get("refused"):
            refused.append(Refusal(item.article_id, item.title, str(result["refused"])))
            continue
        swapped = result.get("swapped")
        before = result.get("before")
        # Skipping this article at the next pull is safe only if the server had nothing
        # of it this library had not merged (its number was the one merged here).
        safe = swapped is not False and (before is None or before == item.known_seq)
        sent.append(_Sent(item, swapped, result.get("head"),
                          result.get("seq") if safe else None))
    return sent, refused


def _batch_entry(item: _Outgoing) -> dict[str, Any]:
    """One article of a push batch, as ``deskapp.push()`` reads it."""
    return {
        "id": item.article_id, "created_at": item.created_at,
        "target_words": item.target_words, "head": item.head, "known": item.known,
        "conflict": item.conflict,
        "revisions": [{**dict(zip(REVISION_COLUMNS, _revision_row(r), strict=True)),
                       "tags": r.content["tags"]} for r in item.revisions],
        "comments": [{k: c.get(k) for k in COMMENT_COLUMNS} for c in item.comments],
        "events": [{k: e.get(k) for k in SIGNED_EVENT_COLUMNS} for e in item.events],
        "resolutions": [{k: r[k] for k in RESOLUTION_COLUMNS} for r in item.resolutions],
        "photos": [{"name": p["name"], "caption": p["caption"] or "",
                    "credit": p["credit"] or "", "sha256": p["sha256"],
                    "data": base64.b64encode(p["data"]).decode("ascii")}
                   for p in item.photos],
    }


REVISION_COLUMNS = ("id", "article_id", "parent_id", "created_at", "author", "kind",
                    "content_hash", "title", "lead", "body", "byline", "source", "section",
                    "tags", "status")


def _record_sent(library: Library, sent: _Sent) -> None:
    item = sent.item
    mark_sent(library, "revision", [r.id for r in item.revisions])
    mark_sent(library, "comment", [c["id"] for c in item.comments])
    mark_sent(library, "event", [e["id"] for e in item.events])
    mark_sent(library, "event", item.held)
    mark_sent(library, "photo", [p["id"] for p in item.photos])
    mark_sent(library, "resolution", [r["comment_id"] for r in item.resolutions])
    head = item.head if sent.swapped else item.known
    library.db.execute(
        "INSERT INTO sync_articles (article_id, server_head, server_seq) VALUES (?, ?, ?) "
        "ON CONFLICT (article_id) DO UPDATE SET server_head = excluded.server_head, "
        "server_seq = excluded.server_seq",
        [item.article_id, head, sent.seq])


def _revision_row(revision: Revision) -> list[Any]:
    content = revision.content
    return [revision.id, revision.article_id, revision.parent_id, revision.created_at,
            revision.author, revision.kind, revision.content_hash,
            *(content[k] for k in ("title", "lead", "body", "byline", "source", "section")),
            json.dumps(content["tags"], ensure_ascii=False), str(content["status"])]

