"""Giving an article a fresh id when the server says its id belongs to someone else.

Article ids travel (packages, Markdown exports, ``deskapp list``), so a
colleague can create an article on the server under an id before its author
first syncs it; the server then refuses the author's rows as ``id_taken``.
The author's work must still reach the desk: the article here gets a new
id, and so do its revisions, comments and status events (the colleague may
hold copies of those ids too), keeping every parent, author, time, text and
content hash. Rows of any table that name the article (``article_id``) or one
of its revisions (``revision_id``) follow. A comment on the article, in
Vietnamese and English, tells the desk the id it had before.

An approval's signature covers the article id and the revision id
(:mod:`deskapp.desk.approvals`), so no approval survives a new id, and
nobody but its editor could sign it again. An approve event that verified
before stays in the history but never travels (the server would refuse it,
and every other desk too); an article that such an approval vouched for goes
back to the desk as ``submitted`` (a status revision, as on any import of an
approval that does not verify), and the caller reports it as an
:class:`~deskapp.desk.approvals.ApprovalRefused` with the reason ``rekeyed``.
Re-keying happens only to an article never on the server, typically a
reporter's own draft, so this is rare: an editor approves it again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from deskapp.desk.approvals import (
    ApprovalRefused,
    check_event,
    settle,
    stored_revision,
    verified_approval,
)
from deskapp.model import Article, new_id, now_iso
from deskapp.store import Library
from deskapp.store.library import index_article, unindex_article


@dataclass(frozen=True)
class Rekeyed:
    """What :func:`rekey_article` did: the new id, and the approvals it cost."""

    new_id: str
    # approve events (new ids) whose signature verified under the old ids: never sent
    stale_approvals: list[str] = field(default_factory=list)
    # the approval that vouched for the article, now refused (it went back to the desk)
    refused: ApprovalRefused | None = None


def rekey_article(library: Library, old_id: str, *, author: str = "") -> Rekeyed:
    """Move the article ``old_id`` and its history to a new id (see the module notes)."""
    db = library.db
    new = new_id()
    with library.transaction():
        vouched = verified_approval(library, old_id)
        signed = [e["id"] for e in db.query(
            "SELECT * FROM status_events WHERE article_id = ? AND action = 'approve'",
            [old_id]) if check_event(library, e, stored_revision(library, e["revision_id"]))
            is None]
        revisions = _fresh_ids(library, "revisions", old_id)
        comments = _fresh_ids(library, "comments", old_id)
        events = _fresh_ids(library, "status_events", old_id)
        columns = [c[1] for c in db.execute("PRAGMA table_info(articles)")]
        listed = ", ".join(f"[{c}]" for c in columns)
        chosen = ", ".join("?" if c == "id" else f"[{c}]" for c in columns)
        db.execute(f"INSERT INTO articles ({listed}) SELECT {chosen} FROM articles WHERE id = ?",
                   [new, old_id])
        # one pass each, through a map table (the history may be long)
        db.execute("CREATE TEMP TABLE IF NOT EXISTS rekey_map "
                   "(old TEXT PRIMARY KEY, new TEXT NOT NULL)")
        db.execute("DELETE FROM rekey_map")
        db.conn.executemany("INSERT INTO rekey_map (old, new) VALUES (?, ?)",
                            list(revisions.items()))
        db.execute("UPDATE revisions SET parent_id = (SELECT new FROM rekey_map "
                   "WHERE old = revisions.parent_id) WHERE article_id = ? "
                   "AND parent_id IN (SELECT old FROM rekey_map)", [old_id])
        db.execute("UPDATE revisions SET id = (SELECT new FROM rekey_map "
                   "WHERE old = revisions.id), article_id = ? WHERE article_id = ?",
                   [new, old_id])
        db.execute("UPDATE sealed_revisions SET id = (SELECT new FROM rekey_map "
                   "WHERE old = sealed_revisions.id) WHERE id IN (SELECT old FROM rekey_map)")
        for table in _tables_with(library, "revision_id"):  # articles, comments, events, …
            db.execute(f"UPDATE [{table}] SET revision_id = (SELECT new FROM rekey_map "
                       f"WHERE old = [{table}].revision_id) "
                       "WHERE revision_id IN (SELECT old FROM rekey_map)")
        db.execute("DELETE FROM rekey_map")
        for table, ids in (("comments", comments), ("status_events", events)):
            db.conn.executemany(f"UPDATE {table} SET id = ? WHERE id = ?",
                                [(fresh, old) for old, fresh in ids.items()])
        db.conn.executemany("UPDATE comment_resolutions SET comment_id = ? WHERE comment_id = ?",
                            [(fresh, old) for old, fresh in comments.items()])
        for table in _tables_with(library, "article_id"):
            if table in ("articles_fts_rowid", "sync_articles", "fts_pending"):
                continue
            db.execute(f"UPDATE [{table}] SET article_id = ? WHERE article_id = ?",
                       [new, old_id])
        db.execute("DELETE FROM sync_articles WHERE article_id = ?", [old_id])
        db.execute("DELETE FROM fts_pending WHERE article_id = ?", [old_id])
        unindex_article(db, old_id)
        db.execute("DELETE FROM articles WHERE id = ?", [old_id])
        article = library.get(new)
        index_article(db, article)
        refused = None
        if vouched is not None and settle(library, new, before=None, refused=[]) is not None:
            refused = ApprovalRefused(new, article.title, vouched.approver,
                                      vouched.approved_at, "rekeyed")
        _tell_the_desk(library, library.get(new), old_id, author)
    return Rekeyed(new, [events[e] for e in signed], refused)


def _fresh_ids(library: Library, table: str, article_id: str) -> dict[str, str]:
    return {row[0]: new_id() for row in library.db.execute(
        f"SELECT id FROM {table} WHERE article_id = ?", [article_id])}


def _tables_with(library: Library, column: str) -> list[str]:
    tables = [row[0] for row in library.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'articles_fts%'")]
    return [t for t in tables
            if any(c[1] == column for c in library.db.execute(f"PRAGMA table_info([{t}])"))]


def _tell_the_desk(library: Library, article: Article, old_id: str, author: str) -> None:
    """A comment on the headline (or at the start) naming the id the article had."""
    from deskapp.sync.messages import sync_message

    body = " / ".join(sync_message("rekey_note", lang, old=old_id) for lang in ("vi", "en"))
    field = next((f for f in ("title", "lead", "body") if getattr(article, f)), "title")
    text = getattr(article, field)
    library.db["comments"].insert({
        "id": new_id(), "article_id": article.id, "field": field, "start": 0,
        "end": len(text), "quote": text, "prefix": "", "suffix": "", "body": body,
        "author": author, "created_at": now_iso(), "resolved_at": None,
        "revision_id": article.revision_id,
    })
