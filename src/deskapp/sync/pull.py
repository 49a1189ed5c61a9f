"""Pulling: what changed on the server since this library's position, merged like packages.

The position (``settings.sync_cursor``) says what this library has seen. With
a server from version 6 it is a pair of PostgreSQL snapshots: ``lo``, the
snapshot of the last complete pull, and, while a long pull goes on in
batches, ``hi``, the snapshot that closes the window being fetched, with the
last change number applied from it (``after``). The window is every article
whose last change (its row's ``xid``) was not visible in ``lo`` and is
visible in ``hi``: commit order does not matter, and since the window ends
at a fixed snapshot, batches fetched in later transactions page through the
same set (an article changed again meanwhile leaves this window for the
next). When the window is done, ``lo`` becomes ``hi``, whether or not any
of the changes in it were this reader's to see, so a sync costs what changed
since the last one, not what the server holds.

With an older server (change numbers drawn in commit order under its lock)
the position is the highest number applied, as before; the first window on
an upgraded server starts from that number.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from deskapp.errors import DeskappError
from deskapp.exchange.merge import MAX_ARTICLE_REVISIONS, apply_package
from deskapp.exchange.package import (
    Package,
    PackagePhoto,
    check_records,
    check_resolutions,
    check_revision,
    seal_revisions,
)
from deskapp.model import CONTENT_FIELDS, Revision, now_iso
from deskapp.store import Library
from deskapp.sync.bookkeeping import (
    COMMENT_COLUMNS,
    CURSOR_SETTING,
    EVENT_COLUMNS,
    PULL_BATCH,
    RESOLUTION_COLUMNS,
    REVISION_META,
    SIGNED_EVENT_COLUMNS,
    Checkpoint,
    Refusal,
    SyncReport,
    exists,
    known_revisions,
    local_photo_names,
    local_seqs,
    mark_sent,
    quoted,
)
from deskapp.sync.plans import apply_plans, ask_plans
from deskapp.sync.register import apply_names, ask_names
from deskapp.sync.target import OLDER_SETTING

# A first pull takes the open work and what changed in this many days (the library's
# setting ``sync_history_days``); older closed articles come on demand (sync.history).
HISTORY_SETTING = "sync_history_days"
HISTORY_DAYS = 30
CLOSED = "('approved', 'exported')"
# A pull batch stops before the article whose photos would take it past this many bytes
# (the first article of a batch always goes, however big).
PHOTO_BYTES = 32 * 1024 * 1024
ARTICLE_COLUMNS = "id, owner, created_at, target_words, head_id, seq, title"


@dataclass(frozen=True)
class Position:
    """How far this library has pulled (see the module's description)."""

    snapshots: bool  # the server is at version 6 or later
    lo: str | None = None
    seq: int = 0  # before version 6: the highest change number applied
    hi: str | None = None
    after: int = 0
    since: str | None = None  # a first pull: where its recent window begins

    @property
    def first(self) -> bool:
        """Nothing pulled from this server yet."""
        return not self.lo and not self.seq

    def text(self) -> str:
        if not self.snapshots:
            return str(self.seq)
        return json.dumps({"lo": self.lo, "seq": self.seq, "hi": self.hi,
                           "after": self.after, "since": self.since}, sort_keys=True)


def read_position(library: Library, snapshots: bool) -> Position:
    """The stored position, read for a server with (``snapshots``) or without version 6."""
    text = (library.get_setting(CURSOR_SETTING) or "0").strip()
    if text.lstrip("-").isdigit():
        return Position(snapshots, None, int(text))
    try:
        data = json.loads(text)
        found = Position(True, data.get("lo"), int(data.get("seq") or 0), data.get("hi"),
                         int(data.get("after") or 0), data.get("since"))
    except (ValueError, TypeError, AttributeError):
        return Position(snapshots)  # unreadable: from the start (a merge changes nothing twice)
    if not snapshots:  # the server went back to before version 6 (restored): start again
        return Position(False)
    return found


@dataclass
class _Incoming:
    article: dict[str, Any]
    revisions: list[dict[str, Any]]
    comments: list[dict[str, Any]]
    events: list[dict[str, Any]]
    photo_names: list[str]
    photos: list[dict[str, Any]]
    resolutions: list[dict[str, Any]] = field(default_factory=list)


def pull(library: Library, conn: Any, report: SyncReport, unsaved: set[str],
         step: Checkpoint, carry: bool, signed: bool = False, snapshots: bool = False,
         names: bool = False, plans: bool = False) -> None:
    """Fetch and merge, batch by batch, everything changed on the server since the position.

    Each batch is applied in one local transaction with the position that covers
    it; on a version 6 server the position moves to the snapshot read even when
    nothing visible changed (an idle reporter's next sync starts from here). A
    library's first pull from a version 6 server takes the open work and what
    changed in the last :data:`HISTORY_SETTING` days; the rest waits for
    :func:`~deskapp.sync.history.pull_older`. With ``names`` (server version 7) a new
    window also brings the name register's changes (:mod:`deskapp.sync.register`), with
    ``plans`` (version 8) the page plans' (:mod:`deskapp.sync.plans`).
    """
    while True:
        position = read_position(library, snapshots)
        if snapshots and position.first and position.since is None:
            position = replace(position, since=history_cutoff(library))
        name_rows: list[dict[str, Any]] = []
        plan_rows: list[dict[str, Any]] = []

        def select(cur: Any, position: Position = position,
                   name_rows: list[dict[str, Any]] = name_rows,
                   plan_rows: list[dict[str, Any]] = plan_rows
                   ) -> tuple[list[Any], str | None]:
            if not (names and snapshots and not position.hi):
                return _select_window(cur, position, PULL_BATCH)
            # queued ahead of the batch: same snapshot, same round trip
            asked = ask_names(cur.connection, position.lo)
            asked_plans = ask_plans(cur.connection, position.lo) if plans else None
            found = _select_window(cur, position, PULL_BATCH)
            name_rows.extend(asked.fetchall())
            if asked_plans is not None:
                plan_rows.extend(asked_plans.fetchall())
            return found

        articles, incoming, hi, cut = _fetch(library, conn, select, carry, signed)
        if articles:
            step("pull:fetched")
        complete = len(articles) < PULL_BATCH and not cut
        if snapshots:
            after = max((a["seq"] for a in articles), default=position.after)
            moved = (Position(True, hi) if complete
                     else replace(position, hi=hi, after=after))
        else:
            moved = Position(False, None, max((a["seq"] for a in articles),
                                              default=position.seq), None, 0)
        older = None
        if complete and position.since:  # the first window is done: older ones wait
            older = {"hi": hi, "before": position.since, "after": None,
                     "done": not _any_older(conn, hi, position.since)}
        if incoming or moved != position or name_rows or plan_rows:
            with library.transaction():
                for item in incoming:
                    _apply(library, item, report, unsaved, signed)
                apply_names(library, name_rows, report)
                apply_plans(library, plan_rows, report)
                library.set_setting(CURSOR_SETTING, moved.text())
                if older is not None:
                    library.set_setting(OLDER_SETTING, json.dumps(older))
        if articles:
            step("pull:applied")
        if complete and not position.hi:
            return  # (a window resumed from a cut pull is followed by a fresh one)


def _any_older(conn: Any, hi: str | None, since: str) -> bool:
    """Whether a first pull left closed articles older than its window on the server."""
    with conn.cursor() as cur:
        cur.execute(f"SELECT EXISTS (SELECT 1 FROM deskapp.articles WHERE status IN {CLOSED} "
                    "AND changed_at < %s::timestamptz "
                    "AND pg_visible_in_snapshot(xid, %s::pg_snapshot))", [since, hi])
        return bool(cur.fetchone()[0])


def history_cutoff(library: Library) -> str:
    """Where a first pull's recent window begins (ISO 8601, UTC)."""
    from datetime import UTC, datetime, timedelta

    try:
        days = max(0, int(library.get_setting(HISTORY_SETTING) or HISTORY_DAYS))
    except ValueError:
        days = HISTORY_DAYS
    return (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")


def _select_window(cur: Any, position: Position, limit: int) -> tuple[list[Any], str | None]:
    """The batch of the position's window: changed after it, by the window's end."""
    if not position.snapshots:
        cur.execute(f"SELECT {ARTICLE_COLUMNS} FROM deskapp.articles WHERE seq > %(seq)s "
                    "ORDER BY seq LIMIT %(limit)s", {"seq": position.seq, "limit": limit})
        return cur.fetchall(), None
    # The window's end is the position's, or this statement's own snapshot (the
    # transaction's: it is its first statement); it comes back on every row, and on one
    # row of its own when nothing changed.
    window = "coalesce(%(hi)s::pg_snapshot, s.hi)"
    where = [f"pg_visible_in_snapshot(xid, {window})", "seq > %(after)s"]
    params: dict[str, Any] = {"hi": position.hi, "after": position.after, "limit": limit}
    if position.lo:
        where.append("xid >= pg_snapshot_xmin(%(lo)s::pg_snapshot) "
                     "AND NOT pg_visible_in_snapshot(xid, %(lo)s::pg_snapshot)")
        params["lo"] = position.lo
    elif position.seq:  # a position from before the server's version 6
        where.append("seq > %(seq)s")
        params["seq"] = position.seq
    if position.since:  # a first pull: the open work, and the recent window of the rest
        where.append(f"(status NOT IN {CLOSED} OR changed_at >= %(since)s::timestamptz)")
        params["since"] = position.since
    cur.execute(
        f"SELECT {window}::text AS window_end, a.* "
        "FROM (SELECT pg_current_snapshot() AS hi) s LEFT JOIN LATERAL ("
        f"  SELECT {ARTICLE_COLUMNS} FROM deskapp.articles WHERE {' AND '.join(where)} "
        "  ORDER BY seq LIMIT %(limit)s) a ON true", params)
    rows = cur.fetchall()
    hi = rows[0]["window_end"]
    return [{k: v for k, v in row.items() if k != "window_end"} for row in rows
            if row["id"] is not None], hi


def _fetch(library: Library, conn: Any, select: Callable[[Any], tuple[list[Any], str | None]],
           carry: bool, signed: bool = False
           ) -> tuple[list[dict[str, Any]], list[_Incoming], str | None, bool]:
    """One batch of articles and everything needed to merge them, in one snapshot.

    ``select(cursor)`` picks the batch's articles (run first in the read-only
    transaction) and returns them with the snapshot that closes the window (``None``
    on a server before version 6). Returns the articles kept in the batch (in
    ``select``'s order), what to merge, that snapshot, and whether the batch was cut
    short to keep its photos under :data:`PHOTO_BYTES`.

    The questions are pipelined: the transaction's start and the batch, then the rows
    of every table, then the texts and photos this library lacks, then the commit, so a
    batch costs four round trips however many tables it reads.
    """
    from psycopg.rows import dict_row

    def ask(sql: str, params: Any) -> Any:
        cur = conn.cursor(row_factory=dict_row)
        cur.execute(sql, params)
        return cur

    with conn.pipeline(), conn.transaction():
        first = conn.cursor(row_factory=dict_row)
        first.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        articles, hi = select(first)
        if not articles:
            return [], [], hi, False
        seen = local_seqs(library, [a["id"] for a in articles])
        wanted = [a for a in articles if a["head_id"] and seen.get(a["id"]) != a["seq"]]
        ids = [a["id"] for a in wanted]
        if not ids:
            return articles, [], hi, False
        event_columns = SIGNED_EVENT_COLUMNS if signed else EVENT_COLUMNS
        asked = {
            "photos": ask("SELECT article_id, name, length(data) AS size FROM deskapp.photos "
                          "WHERE article_id = ANY(%s)", [ids]),
            "metas": ask(f"SELECT {', '.join(REVISION_META)} FROM deskapp.revisions "
                         "WHERE article_id = ANY(%s)", [ids]),
            "comments": ask(f"SELECT {quoted(COMMENT_COLUMNS)} FROM deskapp.comments "
                            "WHERE article_id = ANY(%s)", [ids]),
            "events": ask(f"SELECT {quoted(event_columns)} FROM deskapp.status_events "
                          "WHERE article_id = ANY(%s)", [ids]),
        }
        if carry:
            asked["resolutions"] = ask(
                f"SELECT {quoted(RESOLUTION_COLUMNS)} FROM deskapp.comment_resolutions "
                "WHERE article_id = ANY(%s)", [ids])
        rows = {name: cur.fetchall() for name, cur in asked.items()}
        photo_names = rows["photos"]
        have = local_photo_names(library, ids)
        kept = _within_photo_budget(articles, [p for p in photo_names
                                               if (p["article_id"], p["name"]) not in have])
        cut = len(kept) < len(articles)
        if cut:
            articles = kept
            wanted = [a for a in wanted if a["id"] in {k["id"] for k in kept}]
            ids = [a["id"] for a in wanted]
        chosen = set(ids)
        photo_names = [p for p in photo_names if p["article_id"] in chosen]
        metas = [m for m in rows["metas"] if m["article_id"] in chosen]
        comments = [c for c in rows["comments"] if c["article_id"] in chosen]
        events = [e for e in rows["events"] if e["article_id"] in chosen]
        resolutions = [r for r in rows.get("resolutions", []) if r["article_id"] in chosen]
        known = known_revisions(library, [m["id"] for m in metas])
        missing = [m["id"] for m in metas if m["id"] not in known]
        need = [(p["article_id"], p["name"]) for p in photo_names
                if (p["article_id"], p["name"]) not in have]
        texts = photo_rows = None
        if missing:
            # tags is text up to schema 4 and jsonb from 5: read it as text from either
            columns = ", ".join("tags::text AS tags" if k == "tags" else k
                                for k in CONTENT_FIELDS)
            texts = ask(f"SELECT id, {columns} FROM deskapp.revisions WHERE id = ANY(%s)",
                        [missing])
        if need:
            photo_rows = ask(
                "SELECT article_id, name, caption, credit, data FROM deskapp.photos "
                "WHERE (article_id, name) IN (SELECT * FROM unnest(%s::text[], %s::text[]))",
                [[a for a, _ in need], [n for _, n in need]])
        contents = {row["id"]: row for row in texts.fetchall()} if texts else {}
        photos = photo_rows.fetchall() if photo_rows else []
    incoming = []
    for article in wanted:
        aid = article["id"]
        revisions = []
        for meta in metas:
            if meta["article_id"] != aid:
                continue
            revisions.append({**meta, **contents.get(meta["id"], {})})
        incoming.append(_Incoming(
            article, revisions,
            [c for c in comments if c["article_id"] == aid],
            [e for e in events if e["article_id"] == aid],
            [p["name"] for p in photo_names if p["article_id"] == aid],
            [p for p in photos if p["article_id"] == aid],
            [r for r in resolutions if r["article_id"] == aid],
        ))
    return articles, incoming, hi, cut


def _within_photo_budget(articles: list[dict[str, Any]],
                         needed: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The batch's first articles whose photos still to fetch fit :data:`PHOTO_BYTES`
    together (always the first one, however big its own photos)."""
    sizes: dict[str, int] = {}
    for photo in needed:
        sizes[photo["article_id"]] = sizes.get(photo["article_id"], 0) + int(photo["size"] or 0)
    total = 0
    for count, article in enumerate(articles):
        total += sizes.get(article["id"], 0)
        if total > PHOTO_BYTES and count > 0:
            return articles[:count]
    return articles


def _apply(library: Library, item: _Incoming, report: SyncReport, unsaved: set[str],
           signed: bool = False) -> None:
    """Merge one pulled article; one whose rows are damaged is skipped and named.

    Whatever a row on the server holds (written by hand, or before the server
    checked rows), it costs only its own article: the rest of the batch goes
    on, and the skip is reported with the reason.
    """
    aid = item.article["id"]
    try:
        if len(item.revisions) > MAX_ARTICLE_REVISIONS:
            raise _Damaged("too_many_revisions")
        package = _package(library, item)
        # A server older than version 4 carries no signatures: what it holds stays as it
        # is (approvals from it print no "Duyệt" line) rather than bouncing between desks.
        result = apply_package(library, package, unsaved_article_ids=unsaved,
                               verify_approvals=signed)
    except (DeskappError, ValueError, TypeError, KeyError) as exc:
        title = item.article.get("title") or ""
        why = exc.why if isinstance(exc, _Damaged) else (
            "too_many_revisions" if getattr(exc, "code", "") == "too_many_revisions"
            else "damaged")
        detail = str(item.article.get("head_id") or "") if why == "damaged_head" else ""
        report.refused.append(Refusal(aid, str(title), why, pulled=True, detail=detail))
        return
    report.approvals_refused.extend(result.refused_approvals)
    report.outcomes[result.outcome] += 1
    if result.outcome != "nothing_new":
        report.pulled += 1
    if result.outcome in ("created", "updated"):
        report.updated_ids.add(aid)
    if result.outcome == "diverged":
        report.conflicts.append(result)
    db = library.db
    mark_sent(library, "revision", [r["id"] for r in item.revisions])
    mark_sent(library, "comment", [c["id"] for c in item.comments])
    mark_sent(library, "event", [e["id"] for e in item.events])
    mark_sent(library, "resolution", [r["comment_id"] for r in item.resolutions])
    if item.photo_names:
        marks = ", ".join("?" * len(item.photo_names))
        assets = [r[0] for r in db.execute(
            f"SELECT id FROM assets WHERE article_id = ? AND name IN ({marks})",
            [aid, *item.photo_names])]
        mark_sent(library, "photo", assets)
    seal_revisions(library, [aid])
    db.execute(
        "INSERT INTO sync_articles (article_id, server_head, server_seq) VALUES (?, ?, ?) "
        "ON CONFLICT (article_id) DO UPDATE SET server_head = excluded.server_head, "
        "server_seq = excluded.server_seq",
        [aid, item.article["head_id"], item.article["seq"]])


class _Damaged(DeskappError):
    """A pulled article whose rows on the server cannot be merged (``why``: a reason code)."""

    code = "server_row_damaged"

    def __init__(self, why: str) -> None:
        super().__init__(why=why)
        self.why = why


def _package(library: Library, item: _Incoming) -> Package:
    """The server's copy of one article as a package, checked like one from a USB stick."""
    article = item.article
    aid = article["id"]
    name = f"server:{aid}"
    if article["head_id"] not in {row["id"] for row in item.revisions}:
        raise _Damaged("damaged_head")
    local = {r.id: r for r in library.revisions(aid)} if exists(library, aid) else {}
    revisions: list[Revision] = []
    for row in item.revisions:
        if row["id"] in local:
            revisions.append(local[row["id"]])
            continue
        content = {k: row[k] for k in CONTENT_FIELDS}
        try:
            content["tags"] = json.loads(content["tags"]) if content["tags"] else None
        except ValueError:
            content["tags"] = None
        if not isinstance(content["tags"], list):
            raise _Damaged("damaged_tags")
        record = {k: row[k] for k in ("id", "parent_id", "created_at", "author", "kind",
                                      "content_hash")}
        record["content"] = content
        try:
            revisions.append(check_revision(record, aid, name))
        except DeskappError as exc:
            hash_failed = "content hash" in str(exc.data.get("reason", ""))
            raise _Damaged("damaged_hash" if hash_failed else "damaged") from exc
    from deskapp.limits import LimitExceeded, check_article

    try:  # what arrives also renders and exports (as from a package)
        check_article(next(r for r in revisions if r.id == article["head_id"]))
    except LimitExceeded as exc:
        raise _Damaged("over_limits") from exc
    comments = check_records([dict(c) for c in item.comments], "comments", aid, name)
    events = check_records([dict(e) for e in item.events], "status_events", aid, name)
    resolutions = check_resolutions([dict(r) for r in item.resolutions], aid, name)
    photos = [PackagePhoto(p["name"], p["caption"] or "", p["credit"] or "", bytes(p["data"]))
              for p in item.photos]
    return Package(
        name=name, format_version=1, app_version="", created_at=now_iso(),
        sender=str(article["owner"]), role="", article_id=aid, head_id=article["head_id"],
        article_created_at=article["created_at"], target_words=article["target_words"],
        revisions=revisions, comments=comments, status_events=events, photos=photos,
        resolutions=resolutions,
    )
