"""One sync: pull what others pushed since the cursor, merge it, push what is new here.

Pulled articles are merged exactly like packages: each becomes a
:class:`~deskapp.exchange.package.Package` (the server's head and the
article's revisions, comments, status events and photos, checked by the
package's own checks) handed to :func:`~deskapp.exchange.merge.apply_package`,
so created / fast-forward / nothing new / diverged mean the same thing
whether the work came on a USB stick or over the network.

Pushing sends, per article, the revisions, comments, status events and
photos not yet known to be on the server, then moves the server's head by
compare-and-swap from the head this library last merged to the local head
(never while a conflict is open here: both versions stay, and whoever
resolves moves the head). A lost swap means someone pushed meanwhile: the
next round pulls their work and tries again.

Cut anywhere, nothing is lost or doubled:

* a pull batch is fetched in one read-only snapshot, then applied here in
  one transaction together with the cursor that covers it;
* a push batch is one server transaction (a savepoint per article, so a
  refusal costs only that article), then one local transaction recording
  what went up. Cut between the two, the next push sends the same rows
  again: the server skips ids it has (triggers and ``ON CONFLICT DO
  NOTHING``) and the head swap accepts a head that is already there.
* revisions are sealed before they are read for the server, so an autosave
  running at the same moment adds a new revision instead of rewriting one
  the server already has.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from deskapp.errors import DeskappError
from deskapp.exchange.merge import (
    MAX_ARTICLE_REVISIONS,
    MergeResult,
    apply_package,
    open_conflict,
    parents_first,
)
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
from deskapp.sync.approvals import KEYS_SCHEMA, exchange_keys
from deskapp.sync.errors import SyncError
from deskapp.sync.server import RESOLUTIONS_SCHEMA, check_server
from deskapp.sync.target import LAST_SYNC_SETTING, last_sync

CURSOR_SETTING = "sync_cursor"
SERVER_SETTING = "sync_server_id"
PUSH_BATCH = 100
PULL_BATCH = 200
ROUNDS = 3

Checkpoint = Callable[[str], None]
__all__ = ["Checkpoint", "Refusal", "SyncReport", "last_sync", "sync"]

_COMMENT_COLUMNS = ("id", "article_id", "field", "start", "end", "quote", "prefix", "suffix",
                    "body", "author", "created_at", "resolved_at", "revision_id")
_RESOLUTION_COLUMNS = ("comment_id", "article_id", "resolved_at", "resolved_by")
_EVENT_COLUMNS = ("id", "article_id", "revision_id", "at", "user", "role", "action",
                  "from_status", "to_status", "reason", "note")
_SIGNED_EVENT_COLUMNS = (*_EVENT_COLUMNS, "key_id", "signature")  # server schema 4 on
_REVISION_META = ("id", "article_id", "parent_id", "created_at", "author", "kind",
                  "content_hash")


@dataclass(frozen=True)
class Refusal:
    """An article the server would not take, or (``pulled``) one skipped when pulling
    because its rows on the server are damaged (``why`` is a reason code)."""

    article_id: str
    title: str
    why: str
    pulled: bool = False


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
    cursor: int = 0
    updated_ids: set[str] = field(default_factory=set)
    # (old id, new id, title): articles whose id the server had for someone else
    rekeyed: list[tuple[str, str, str]] = field(default_factory=list)


def sync(library: Library, conn: Any, *, server: str = "",
         unsaved_article_ids: Collection[str] = (),
         checkpoint: Checkpoint | None = None) -> SyncReport:
    """Pull, merge and push until the server and this library agree (at most a few rounds).

    ``conn`` is a psycopg connection in autocommit mode (see
    :func:`deskapp.sync.target.connect`). ``unsaved_article_ids`` are
    articles open with pending edits: never fast-forwarded under the editor
    (as for packages). ``checkpoint(stage)`` is called between the steps;
    tests use it to cut a sync short. Raises :class:`SyncError`.
    """
    import psycopg

    step = checkpoint or (lambda _stage: None)
    report = SyncReport()
    try:
        server_id, version = check_server(conn, server)
        # A server older than version 3 has nowhere to keep comment resolutions: they wait.
        carry = version >= RESOLUTIONS_SCHEMA
        # From version 4 approvals travel signed, and the editors' keys with them.
        signed = version >= KEYS_SCHEMA
        _adopt_server(library, server_id)
        if signed:
            exchange_keys(library, conn)
        for _round in range(ROUNDS):
            _pull(library, conn, report, set(unsaved_article_ids), step, carry, signed)
            if not _push(library, conn, report, step, carry, signed,
                         set(unsaved_article_ids)):
                break
        library.set_setting(LAST_SYNC_SETTING, now_iso())
    except psycopg.OperationalError as exc:
        raise SyncError("sync_interrupted", server=server, reason=_first_line(exc)) from exc
    except psycopg.Error as exc:
        raise SyncError("server_error", server=server, reason=_first_line(exc)) from exc
    report.cursor = _cursor(library)
    return report


def _adopt_server(library: Library, server_id: str) -> None:
    """A different server (or a rebuilt one) starts from nothing: cursor and marks go."""
    if library.get_setting(SERVER_SETTING) == server_id:
        return
    with library.transaction():
        library.db.execute("DELETE FROM sync_sent")
        library.db.execute("DELETE FROM sync_articles")
        library.set_setting(CURSOR_SETTING, "0")
        library.set_setting(SERVER_SETTING, server_id)


def _cursor(library: Library) -> int:
    return int(library.get_setting(CURSOR_SETTING) or 0)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:200]


# ---------------------------------------------------------------- pull


@dataclass
class _Incoming:
    article: dict[str, Any]
    revisions: list[dict[str, Any]]
    comments: list[dict[str, Any]]
    events: list[dict[str, Any]]
    photo_names: list[str]
    photos: list[dict[str, Any]]
    resolutions: list[dict[str, Any]] = field(default_factory=list)


def _pull(library: Library, conn: Any, report: SyncReport, unsaved: set[str],
          step: Checkpoint, carry: bool, signed: bool = False) -> None:
    while True:
        cursor = _cursor(library)
        articles, incoming = _fetch(library, conn, cursor, carry, signed)
        if not articles:
            return
        step("pull:fetched")
        with library.transaction():
            for item in incoming:
                _apply(library, item, report, unsaved, signed)
            library.set_setting(CURSOR_SETTING, str(max(a["seq"] for a in articles)))
        step("pull:applied")
        if len(articles) < PULL_BATCH:
            return


def _fetch(library: Library, conn: Any, cursor: int, carry: bool,
           signed: bool = False) -> tuple[list[dict[str, Any]], list[_Incoming]]:
    """One batch of changed articles and everything needed to merge them, in one snapshot."""
    from psycopg.rows import dict_row

    with conn.transaction(), conn.cursor(row_factory=dict_row) as cur:
        cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cur.execute(
            "SELECT id, owner, created_at, target_words, head_id, seq, title FROM deskapp.articles "
            "WHERE seq > %s ORDER BY seq LIMIT %s", [cursor, PULL_BATCH])
        articles = cur.fetchall()
        if not articles:
            return [], []
        seen = _local_seqs(library, [a["id"] for a in articles])
        wanted = [a for a in articles if a["head_id"] and seen.get(a["id"]) != a["seq"]]
        ids = [a["id"] for a in wanted]
        if not ids:
            return articles, []
        cur.execute(f"SELECT {', '.join(_REVISION_META)} FROM deskapp.revisions "
                    "WHERE article_id = ANY(%s)", [ids])
        metas = cur.fetchall()
        known = _known_revisions(library, [m["id"] for m in metas])
        missing = [m["id"] for m in metas if m["id"] not in known]
        contents: dict[str, dict[str, Any]] = {}
        if missing:
            # tags is text up to schema 4 and jsonb from 5: read it as text from either
            columns = ", ".join("tags::text AS tags" if k == "tags" else k
                                for k in CONTENT_FIELDS)
            cur.execute(f"SELECT id, {columns} FROM deskapp.revisions "
                        "WHERE id = ANY(%s)", [missing])
            contents = {row["id"]: row for row in cur.fetchall()}
        cur.execute(f"SELECT {_quoted(_COMMENT_COLUMNS)} FROM deskapp.comments "
                    "WHERE article_id = ANY(%s)", [ids])
        comments = cur.fetchall()
        event_columns = _SIGNED_EVENT_COLUMNS if signed else _EVENT_COLUMNS
        cur.execute(f"SELECT {_quoted(event_columns)} FROM deskapp.status_events "
                    "WHERE article_id = ANY(%s)", [ids])
        events = cur.fetchall()
        resolutions: list[dict[str, Any]] = []
        if carry:
            cur.execute(f"SELECT {_quoted(_RESOLUTION_COLUMNS)} FROM deskapp.comment_resolutions "
                        "WHERE article_id = ANY(%s)", [ids])
            resolutions = cur.fetchall()
        cur.execute("SELECT article_id, name FROM deskapp.photos WHERE article_id = ANY(%s)",
                    [ids])
        photo_names = cur.fetchall()
        have = _local_photo_names(library, ids)
        need = [(p["article_id"], p["name"]) for p in photo_names
                if (p["article_id"], p["name"]) not in have]
        photos: list[dict[str, Any]] = []
        if need:
            cur.execute(
                "SELECT article_id, name, caption, credit, data FROM deskapp.photos "
                "WHERE (article_id, name) IN (SELECT * FROM unnest(%s::text[], %s::text[]))",
                [[a for a, _ in need], [n for _, n in need]])
            photos = cur.fetchall()
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
    return articles, incoming


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
        report.refused.append(Refusal(aid, str(title), why, pulled=True))
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
    _mark_sent(library, "revision", [r["id"] for r in item.revisions])
    _mark_sent(library, "comment", [c["id"] for c in item.comments])
    _mark_sent(library, "event", [e["id"] for e in item.events])
    _mark_sent(library, "resolution", [r["comment_id"] for r in item.resolutions])
    if item.photo_names:
        marks = ", ".join("?" * len(item.photo_names))
        assets = [r[0] for r in db.execute(
            f"SELECT id FROM assets WHERE article_id = ? AND name IN ({marks})",
            [aid, *item.photo_names])]
        _mark_sent(library, "photo", assets)
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
    local = {r.id: r for r in library.revisions(aid)} if _exists(library, aid) else {}
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


# ---------------------------------------------------------------- push


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


@dataclass
class _Sent:
    item: _Outgoing
    swapped: bool | None
    server_head: str | None
    seq: int | None


def _push(library: Library, conn: Any, report: SyncReport, step: Checkpoint,
          carry: bool, signed: bool = False, unsaved: Collection[str] = ()) -> bool:
    """Send everything new here; return whether a head swap was lost (pull again)."""
    lost = False
    dirty = _dirty_articles(library, carry)
    for start in range(0, len(dirty), PUSH_BATCH):
        lost |= _push_batch(library, conn, dirty[start:start + PUSH_BATCH], report, step,
                            carry, signed, unsaved)
    return lost


def _push_batch(library: Library, conn: Any, ids: Sequence[str], report: SyncReport,
                step: Checkpoint, carry: bool, signed: bool = False,
                unsaved: Collection[str] = ()) -> bool:
    import psycopg

    seal_revisions(library, list(ids))
    items = [_outgoing(library, aid, carry, signed) for aid in ids]
    cursor = _cursor(library)
    sent: list[_Sent] = []
    refused: list[Refusal] = []
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
            _mark_sent(library, "event", done.stale_approvals)
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
    row = db.execute("SELECT server_head FROM sync_articles WHERE article_id = ?",
                     [aid]).fetchone()
    sent = _sent_ids(library, "revision", aid, "revisions")
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
                     photos, resolutions, held)


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
                f"INSERT INTO deskapp.comments ({_quoted(_COMMENT_COLUMNS)}) VALUES "
                f"({', '.join(['%s'] * len(_COMMENT_COLUMNS))}) ON CONFLICT (id) DO NOTHING",
                [[c.get(k) for k in _COMMENT_COLUMNS] for c in item.comments])
        if item.events:
            columns = _SIGNED_EVENT_COLUMNS if signed else _EVENT_COLUMNS
            cur.executemany(
                f"INSERT INTO deskapp.status_events ({_quoted(columns)}) VALUES "
                f"({', '.join(['%s'] * len(columns))}) ON CONFLICT (id) DO NOTHING",
                [[e.get(k) for k in columns] for e in item.events])
        if item.resolutions:
            cur.executemany(
                f"INSERT INTO deskapp.comment_resolutions ({_quoted(_RESOLUTION_COLUMNS)}) "
                f"VALUES ({', '.join(['%s'] * len(_RESOLUTION_COLUMNS))}) "
                "ON CONFLICT (comment_id) DO NOTHING",
                [[r[k] for k in _RESOLUTION_COLUMNS] for r in item.resolutions])
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


def _record_sent(library: Library, sent: _Sent) -> None:
    item = sent.item
    _mark_sent(library, "revision", [r.id for r in item.revisions])
    _mark_sent(library, "comment", [c["id"] for c in item.comments])
    _mark_sent(library, "event", [e["id"] for e in item.events])
    _mark_sent(library, "event", item.held)
    _mark_sent(library, "photo", [p["id"] for p in item.photos])
    _mark_sent(library, "resolution", [r["comment_id"] for r in item.resolutions])
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


# ---------------------------------------------------------------- local bookkeeping


def _mark_sent(library: Library, kind: str, ids: Sequence[str]) -> None:
    if ids:
        library.db.conn.executemany(
            "INSERT OR IGNORE INTO sync_sent (kind, id) VALUES (?, ?)",
            [(kind, i) for i in ids])


def _sent_ids(library: Library, kind: str, aid: str, table: str) -> set[str]:
    return {r[0] for r in library.db.execute(
        f"SELECT id FROM sync_sent WHERE kind = ? AND id IN "
        f"(SELECT id FROM {table} WHERE article_id = ?)", [kind, aid])}


def _local_seqs(library: Library, ids: Sequence[str]) -> dict[str, int | None]:
    seqs: dict[str, int | None] = {}
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        for aid, seq in library.db.execute(
                f"SELECT article_id, server_seq FROM sync_articles WHERE article_id IN ({marks})",
                chunk):
            seqs[aid] = seq
    return seqs


def _known_revisions(library: Library, ids: Sequence[str]) -> set[str]:
    known: set[str] = set()
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        known.update(r[0] for r in library.db.execute(
            f"SELECT id FROM revisions WHERE id IN ({marks})", chunk))
    return known


def _local_photo_names(library: Library, ids: Sequence[str]) -> set[tuple[str, str]]:
    have: set[tuple[str, str]] = set()
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        have.update((a, n) for a, n in library.db.execute(
            f"SELECT article_id, name FROM assets WHERE article_id IN ({marks})", chunk))
    return have


def _exists(library: Library, aid: str) -> bool:
    return library.db.execute("SELECT 1 FROM articles WHERE id = ?", [aid]).fetchone() is not None


def _chunks(items: Sequence[str], size: int = 500) -> list[list[str]]:
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def _quoted(columns: Sequence[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)
