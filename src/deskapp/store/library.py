"""Articles and revisions stored with sqlite-utils.

One :class:`Library` owns one connection; every multi-row change runs in one
transaction. The database uses WAL with ``synchronous=FULL`` so a committed
autosave survives a killed process and a pulled power cord alike.

Opening and the reads a window shows first (settings, an article, a page of
the list) use the ``sqlite3`` connection directly; the sqlite-utils
:class:`~sqlite_utils.Database` around the same connection, which writes and
migrations use, is built (and sqlite-utils imported, tens of milliseconds) on
first need.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from deskapp.errors import AmbiguousArticle, ArticleNotFound, LibraryError, RevisionNotFound
from deskapp.model import (
    CONTENT_FIELDS,
    Article,
    Revision,
    RevisionInfo,
    RevisionKind,
    new_id,
    now_iso,
)
from deskapp.store.keys import SCHEMA_VERSION, title_order_key
from deskapp.store.wal import closed, has_frames, opened, settle_log
from deskapp.text import nfc

if TYPE_CHECKING:
    from sqlite_utils import Database

    from deskapp.store.search import Order, SearchHit

SQLITE_HEADER = b"SQLite format 3\x00"
# Autosaves closer together than this replace the previous autosave revision
# instead of piling up one revision every few seconds while someone types.
AUTOSAVE_COALESCE = timedelta(seconds=60)
_TEXT_FIELDS = ("title", "lead", "body", "byline", "source", "section")
Sort = Literal["updated", "title"]
# Rows the library list asks for at a time.
PAGE_SIZE = 200
# Search hits carry an excerpt each, made when the page is read: fewer at a time.
SEARCH_PAGE_SIZE = 50
# What a history list reads of a revision. The columns before the text come
# from the row's first page; ``status``, stored after the body, costs SQLite a
# walk along the body's overflow pages (no decoding, no hash): about 1 ms for
# 300 revisions of 5,000 words, against 5 ms for whole rows and their hashes.
_REVISION_META = ("id", "article_id", "parent_id", "created_at", "author", "kind",
                  "content_hash", "status")
# Articles an ambiguous id prefix lists.
AMBIGUOUS_LISTED = 10


@dataclass(frozen=True)
class ArticleSummary:
    """What the library list shows for one article."""

    id: str
    title: str
    status: str
    updated_at: str
    deleted_at: str | None


@dataclass(frozen=True)
class Cursor:
    """Where a page of the list ended: the next page starts after this row."""

    title_key: str
    updated_at: str
    id: str


@dataclass(frozen=True)
class Page:
    """One page of the list; ``after`` is None when no rows follow it.

    ``after`` is what the next page starts from: the last row's key for the
    list, the number of hits so far for search results.
    """

    rows: list[ArticleSummary] | list[SearchHit]
    after: Cursor | int | None


class Library:
    """The article library in one SQLite file."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self._db: Database | None = None
        self.path = path
        self.refused: LibraryError | None = None
        # A write-ahead log found beside the file that was not this library's,
        # renamed here before the library was read (see deskapp.store.wal).
        self.log_set_aside: Path | None = None
        self._counted = False
        # Saves mark the article in ``fts_pending`` instead of re-indexing it in
        # their own transaction; :meth:`index_pending` (and every search, first)
        # catches up. The window sets this: re-indexing a 500-word article costs
        # several milliseconds that an autosave on the UI thread should not pay.
        self.defer_index = False
        # How many revisions' text this library has read from the database, by
        # any method: the window's tests count it (an autosave with History
        # hidden reads none; showing one comparison reads at most two).
        self.revision_reads = 0

    @property
    def db(self) -> Database:
        """The sqlite-utils database on this library's connection, built on first use."""
        if self._db is None:
            from sqlite_utils import Database

            # Plugins are not loaded: one installed for other work must not change how
            # the library's connection behaves. Recursive triggers were set at open.
            self._db = Database(self.conn, recursive_triggers=False, execute_plugins=False)
        return self._db

    # ---- opening -------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, *, check: bool = True) -> Library:
        """Open (or create) the library at ``path`` and bring its schema up to date.

        A file that is not an SQLite database, or whose schema is newer than
        this version knows, raises :class:`LibraryError` and is left untouched.
        ``check`` reads every page first (``PRAGMA quick_check``); on a big
        library that takes seconds, so the window opens without it and runs
        :func:`check_pages` in the background. A file shorter than its header
        says is refused either way.
        """
        path = Path(path)
        set_aside = settle_log(path)  # before anything reads (and so replays) the log
        _check_header(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(path), timeout=10)
        except (OSError, sqlite3.Error) as exc:
            raise LibraryError("library_unwritable", path=str(path), reason=_reason(exc)) from exc
        try:
            library = cls._prepare(conn, path, check=check)
        except BaseException:
            conn.close()
            raise
        library.log_set_aside = set_aside.moved_to if set_aside else None
        opened(path)
        library._counted = True
        return library

    @classmethod
    def in_memory(cls) -> Library:
        """A throw-away library, for tests and previews."""
        return cls._prepare(sqlite3.connect(":memory:"), None)

    @classmethod
    def _prepare(cls, conn: sqlite3.Connection, path: Path | None,
                 check: bool = True) -> Library:
        where = str(path) if path else ":memory:"
        cls._check_writable(path)
        # What sqlite-utils sets on a connection it is given (REPLACE fires delete triggers).
        conn.execute("PRAGMA recursive_triggers=on")
        library = cls(conn, path)
        try:
            found = conn.execute("PRAGMA user_version").fetchone()[0]
            # A truncated or damaged file often opens fine and fails later, mid-typing:
            # check the pages once now so the user hears about it before writing.
            verdict = conn.execute("PRAGMA quick_check").fetchone()[0] if check else "ok"
        except sqlite3.DatabaseError as exc:
            raise open_error(path, exc) from exc
        if verdict != "ok":
            raise LibraryError("library_corrupt", path=where)
        if found > SCHEMA_VERSION:
            raise LibraryError("library_too_new", path=where, found=found, known=SCHEMA_VERSION)
        try:
            if path is not None:
                conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=10000")
            if found < SCHEMA_VERSION:
                from deskapp.store.schema import migrations  # sqlite-utils: only when behind

                cls._backup_before_migration(conn, path, found)
                migrations.apply(library.db)
                library.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except sqlite3.DatabaseError as exc:
            raise open_error(path, exc) from exc
        return library

    @staticmethod
    def _check_writable(path: Path | None) -> None:
        """Refuse a library that could be read but never saved to.

        SQLite opens a read-only file (or a file in a read-only folder, where
        WAL cannot create its ``-wal``/``-shm``) without complaint and fails
        at the first autosave, mid-typing. Probing once at open tells the user
        before a word is typed; the probe is a real write, so it follows ACLs
        and network shares that ``os.access`` misjudges.
        """
        if path is None:
            return
        probe = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.probe")
        try:
            handle = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(handle)
            os.unlink(probe)
            if path.exists():
                os.close(os.open(path, os.O_RDWR))
        except OSError as exc:
            raise write_error(path, exc) from exc

    @staticmethod
    def _backup_before_migration(conn: sqlite3.Connection, path: Path | None,
                                 found: int) -> None:
        """Copy a library that holds work before its schema changes (``pre-migration``).

        A new file (``user_version`` 0) has nothing to lose. A failed backup
        stops the upgrade: the old schema still opens with the old version.
        """
        if path is None or found < 1:
            return
        from deskapp.store.backup import backup_connection

        try:
            backup_connection(conn, path, "pre-migration")
        except LibraryError as exc:
            if exc.code == "disk_full" or disk_is_full(path.parent):
                raise LibraryError("disk_full", path=str(path)) from exc
            raise LibraryError("library_unwritable", path=str(path),
                               reason=exc.data.get("reason", exc.code)) from exc

    def close(self) -> None:
        self.conn.close()
        if self._counted and self.path is not None:
            self._counted = False
            closed(self.path)

    def refuse_writes(self, error: LibraryError) -> None:
        """From now on every write raises ``error`` (a library found damaged is never written).

        SQLite is told too (``query_only``), so a write that does not pass
        through :meth:`_writing` fails as well, and WAL checkpoints stop.
        """
        self.refused = error
        self.conn.execute("PRAGMA query_only=ON")
        self.conn.execute("PRAGMA wal_autocheckpoint=0")

    # ---- reading -------------------------------------------------------
    def is_empty(self) -> bool:
        return self.conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None

    def get(self, article_id: str) -> Article:
        try:
            cursor = self.conn.execute("SELECT * FROM articles WHERE id = ?", [article_id])
            values = cursor.fetchone()
        except (sqlite3.Error, ValueError, TypeError) as exc:  # e.g. an id of no usable type
            raise ArticleNotFound(ref=article_id) from exc
        if values is None:
            raise ArticleNotFound(ref=article_id)
        return _article_from_row(dict(zip((d[0] for d in cursor.description), values,
                                          strict=True)))

    def find(self, ref: str) -> Article:
        """Find an article by its id or by a unique prefix of it (as the CLI prints them).

        The prefix is matched literally (``%`` and ``_`` are characters, not
        wildcards) and without regard to case; a prefix that fits several
        articles raises :class:`AmbiguousArticle` listing them.
        """
        ref = ref.strip()
        if not ref:
            raise ArticleNotFound(ref=ref)
        try:
            return self.get(ref)
        except ArticleNotFound:
            pass
        rows = self.conn.execute(
            "SELECT id, title FROM articles WHERE substr(lower(id), 1, ?) = lower(?) "
            "ORDER BY deleted_at IS NOT NULL, updated_at DESC LIMIT ?",
            [len(ref), ref, AMBIGUOUS_LISTED + 1]).fetchall()
        if not rows:
            raise ArticleNotFound(ref=ref)
        if len(rows) > 1:
            listed = [f"{row[0]} “{nfc(row[1] or '')}”" for row in rows[:AMBIGUOUS_LISTED]]
            if len(rows) > AMBIGUOUS_LISTED:
                listed.append("…")
            raise AmbiguousArticle(ref=ref, count=len(rows) if len(rows) <= AMBIGUOUS_LISTED
                                   else f"{AMBIGUOUS_LISTED}+", candidates="; ".join(listed))
        return self.get(rows[0][0])

    def list(self, *, trashed: bool = False, sort: Sort = "updated",
             status: str = "") -> list[ArticleSummary]:
        """Every article, newest change first or by title in Vietnamese order.

        The trash when ``trashed``; only one status when ``status`` is given.
        Equal titles keep newest-first order among themselves. The library
        list shows :meth:`page` by page instead.
        """
        return self.page(trashed=trashed, sort=sort, status=status, limit=None).rows

    def page(self, *, trashed: bool = False, sort: Sort = "updated", status: str = "",
             after: Cursor | None = None, limit: int | None = PAGE_SIZE) -> Page:
        """The next ``limit`` rows of :meth:`list`'s order after ``after`` (from the top if None).

        Keyset paging: each page is an index range read from where the last
        one ended, so the thousandth page costs what the first does, and rows
        saved in between never make a page repeat or skip one.
        """
        if sort not in ("updated", "title"):
            raise ValueError(f"unknown sort: {sort!r}")
        where = ["deleted_at IS NOT NULL" if trashed else "deleted_at IS NULL"]
        params: list[Any] = []
        if status:
            where.append("status = ?")
            params.append(status)
        if sort == "title":
            order = "title_key, updated_at DESC, id DESC"
            if after is not None:
                where.append("title_key >= ? AND (title_key > ? OR updated_at < ? "
                             "OR (updated_at = ? AND id < ?))")
                params += [after.title_key, after.title_key, after.updated_at,
                           after.updated_at, after.id]
        else:
            order = "updated_at DESC, id DESC"
            if after is not None:
                where.append("updated_at <= ? AND (updated_at < ? OR id < ?)")
                params += [after.updated_at, after.updated_at, after.id]
        sql = ("SELECT id, title, status, updated_at, deleted_at, title_key FROM articles "
               f"WHERE {' AND '.join(where)} ORDER BY {order}")
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(0, int(limit)))
        rows = self.conn.execute(sql, params).fetchall()
        summaries = [ArticleSummary(r[0], nfc(r[1] or ""), r[2], r[3], r[4]) for r in rows]
        more = limit is not None and len(rows) == limit and limit > 0
        last = rows[-1] if rows else None
        cursor = Cursor(last[5], last[3], last[0]) if more and last is not None else None
        return Page(summaries, cursor)

    def is_listed(self, article_id: str, *, trashed: bool = False) -> bool:
        """Whether the article exists and is (``trashed``) or is not in the trash."""
        where = "deleted_at IS NOT NULL" if trashed else "deleted_at IS NULL"
        return self.conn.execute(f"SELECT 1 FROM articles WHERE id = ? AND {where}",
                               [article_id]).fetchone() is not None

    def search(self, query: str, *, limit: int = 200, trashed: bool = False,
               order: Order = "relevance", offset: int = 0,
               status: str = "") -> list[SearchHit]:
        """Articles matching every word of ``query``, tones and case ignored.

        The last word matches as a prefix while it is being typed. ``order``
        is ``"relevance"`` (BM25, words spelled as typed first) or
        ``"updated"`` (newest first, the cheap order for filter-as-you-type).
        ``trashed`` searches the trash, like :meth:`list`. See
        :mod:`deskapp.store.search`.
        """
        self._index_before_search()
        return search_index(self.db, query, limit=limit, trashed=trashed, order=order,
                            offset=offset, status=status)

    def search_page(self, query: str, *, trashed: bool = False, status: str = "",
                    after: int | None = None, limit: int = SEARCH_PAGE_SIZE) -> Page:
        """One page of the filter-as-you-type hits (newest first) for the library list.

        ``after`` is how many hits the list already has (the ``after`` of the
        previous page); excerpts are made only for the hits of this page.
        """
        offset = after or 0
        self._index_before_search()
        hits = search_index(self.db, query, limit=limit, trashed=trashed, order="updated",
                            offset=offset, status=status)
        more = limit > 0 and len(hits) == limit
        return Page(list(hits), offset + len(hits) if more else None)

    def revisions(self, article_id: str) -> list[Revision]:
        """Every revision of the article with its text, oldest first, each hash checked.

        Reads the whole history; a list to show needs only :meth:`revision_infos`.
        """
        rows = list(self.db.query(
            "SELECT * FROM revisions WHERE article_id = ? ORDER BY created_at, rowid",
            [article_id],
        ))
        self.revision_reads += len(rows)
        return [_revision_from_row(r) for r in rows]

    def revision_infos(self, article_id: str, *, since: str | None = None
                       ) -> list[RevisionInfo]:
        """The article's revisions without their text, oldest first (as :meth:`revisions`).

        Neither the text is read nor its hash checked: whether a revision is
        damaged shows when :meth:`revision` loads it. With ``since`` (a
        revision id), only that revision and those stored after it: what a
        list already showing the history needs after a save.
        """
        where, values = "article_id = ?", [article_id]
        if since is not None:
            where += " AND rowid >= (SELECT rowid FROM revisions WHERE id = ?)"
            values.append(since)
        rows = self.conn.execute(
            f"SELECT {', '.join(_REVISION_META)} FROM revisions WHERE {where} "
            "ORDER BY created_at, rowid", values).fetchall()
        return [RevisionInfo(id=r[0], article_id=r[1], parent_id=r[2], created_at=r[3],
                             author=r[4] or "", kind=r[5], content_hash=r[6],
                             status=r[7] or "draft") for r in rows]

    def revision(self, revision_id: str) -> Revision:
        """One revision with its text, its hash checked (``damaged`` if it fails).

        Raises :class:`RevisionNotFound` if no revision has this id.
        """
        cursor = self.conn.execute("SELECT * FROM revisions WHERE id = ?", [revision_id])
        values = cursor.fetchone()
        if values is None:
            raise RevisionNotFound(ref=revision_id)
        self.revision_reads += 1
        return _revision_from_row(dict(zip((d[0] for d in cursor.description), values,
                                           strict=True)))

    # ---- writing -------------------------------------------------------
    def create(self, article: Article | None = None, *, kind: str = RevisionKind.CREATE,
               author: str = "") -> Article:
        """Store a new article with its first revision."""
        article = article or Article()
        article.normalize()
        stamp = now_iso()
        article.created_at = article.created_at or stamp
        article.updated_at = stamp
        with self._writing():
            self.db["articles"].insert(_row_from_article(article) | {"revision_id": None})
            revision = self._add_revision(article, None, kind, author, stamp)
            self.db["articles"].update(article.id, {"revision_id": revision})
            article.revision_id = revision
            index_article(self.db, article)
        return article

    def save(self, article: Article, *, kind: str = RevisionKind.SAVE, author: str = "") -> Article:
        """Write the article's content; a revision is kept for every real change.

        Saving unchanged content writes nothing. Autosaves within
        ``AUTOSAVE_COALESCE`` of the previous autosave replace it.
        """
        article.normalize()
        current = self._current_revision(article.id)
        if current is None:
            if not self.db["articles"].count_where("id = ?", [article.id]):
                return self.create(article, kind=kind, author=author)
        elif current["content_hash"] == article.content_hash() and kind != RevisionKind.STATUS:
            # A status step is always kept, even one that leaves the content as it was
            # (an exported article exported again).
            self._save_target(article)  # the desk's length target is not a revision of the text
            return article
        stamp = now_iso()
        with self._writing():
            if (kind == RevisionKind.AUTOSAVE and current and _coalesces(current, author, stamp)
                    and self._rewrite_unsealed(current["id"], article, stamp)):
                revision = current["id"]
            else:
                parent = current["id"] if current else None
                revision = self._add_revision(article, parent, kind, author, stamp)
            article.revision_id = revision
            article.updated_at = stamp
            self.db["articles"].update(
                article.id,
                _row_from_article(article) | {"revision_id": revision, "updated_at": stamp},
            )
            if self.defer_index:
                self.db.execute("INSERT OR IGNORE INTO fts_pending (article_id) VALUES (?)",
                                [article.id])
            else:
                index_article(self.db, article)
        return article

    def index_pending(self) -> int:
        """Bring the search index up to date for saves that left it for later; how many.

        See :attr:`defer_index`. Each article is re-indexed in the same
        transaction that clears its mark, so a crash leaves either the mark
        or the new entry, never neither.
        """
        ids = [row[0] for row in self.db.execute("SELECT article_id FROM fts_pending")]
        for article_id in ids:
            with self._writing():
                try:
                    index_article(self.db, self.get(article_id))
                except ArticleNotFound:
                    unindex_article(self.db, article_id)
                self.db.execute("DELETE FROM fts_pending WHERE article_id = ?", [article_id])
        return len(ids)

    def _index_before_search(self) -> None:
        if self.conn.execute("SELECT 1 FROM fts_pending LIMIT 1").fetchone() is None:
            return
        try:
            self.index_pending()
        except LibraryError:  # a library that refuses writes: search what is indexed
            pass

    def transaction(self) -> Any:
        """One write transaction around several calls, e.g. importing a whole package.

        Nested calls (``create``, ``save``) become savepoints inside it, so a
        failure anywhere rolls back everything and nothing is partly imported.
        """
        return self._writing()

    def insert_revision(self, revision: Revision) -> None:
        """Store a revision made on another machine exactly as it was made there.

        Its id, parent, author, time and kind are kept: they are how the next
        package from the same lineage is recognised. The caller holds a
        :meth:`transaction` and has checked that the article exists.
        """
        article = Article.from_dict({**revision.content, "id": revision.article_id})
        with self._writing():
            self.db["revisions"].insert(
                {
                    "id": revision.id,
                    "article_id": revision.article_id,
                    "parent_id": revision.parent_id,
                    "created_at": revision.created_at,
                    "author": revision.author,
                    "kind": revision.kind,
                }
                | _revision_content(article)
            )

    def insert_article(self, article: Article) -> None:
        """Store an article row as given (its ``revision_id`` already stored), and index it."""
        article.normalize()
        with self._writing():
            self.db["articles"].insert(_row_from_article(article))
            index_article(self.db, article)

    def set_head(self, article: Article, revision_id: str) -> Article:
        """Make an already stored revision the article's current content."""
        article.normalize()
        article.revision_id = revision_id
        article.updated_at = now_iso()
        with self._writing():
            self.db["articles"].update(article.id, _row_from_article(article))
            index_article(self.db, article)
        return article

    def _save_target(self, article: Article) -> None:
        stored = self.conn.execute(
            "SELECT target_words, target_lines FROM articles WHERE id = ?",
            [article.id]).fetchone()
        wanted = (article.target_words, article.target_lines)
        if stored is not None and tuple(stored) != wanted:
            with self._writing():
                self.db["articles"].update(article.id, {"target_words": wanted[0],
                                                        "target_lines": wanted[1]})

    def article_preset(self, article_id: str) -> str | None:
        """The print preset chosen for this article, or None (it follows the defaults).

        Kept in the article's row, not in a revision: choosing one changes no
        text, no history and no other article.
        """
        row = self.conn.execute("SELECT print_preset FROM articles WHERE id = ?",
                                [article_id]).fetchone()
        return row[0] if row is not None and row[0] else None

    def set_article_preset(self, article_id: str, name: str | None) -> None:
        """Print this article with the preset ``name`` (None: follow the defaults again)."""
        with self._writing():
            self.db.execute("UPDATE articles SET print_preset = ? WHERE id = ?",
                            [name or None, article_id])

    def trash(self, article_id: str) -> None:
        self._set_deleted(article_id, now_iso())

    def restore(self, article_id: str) -> None:
        self._set_deleted(article_id, None)

    def purge(self, article_id: str) -> None:
        """Delete an article and its revisions for good (only from the trash)."""
        if not self.db["articles"].count_where(
            "id = ? AND deleted_at IS NOT NULL", [article_id]
        ):
            return  # not in the trash: its history must stay too
        with self._writing():
            for table in ("assets", "comments", "comment_resolutions", "status_events",
                          "revisions"):
                self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
            self.db.execute("DELETE FROM articles WHERE id = ?", [article_id])
            self.db.execute("DELETE FROM fts_pending WHERE article_id = ?", [article_id])
            unindex_article(self.db, article_id)

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row is not None else default

    def set_setting(self, key: str, value: str) -> None:
        with self._writing():
            self.db["settings"].upsert({"key": key, "value": value}, pk="key")

    # ---- internals -----------------------------------------------------
    def _writing(self) -> Any:
        return _WriteGuard(self)

    def _set_deleted(self, article_id: str, when: str | None) -> None:
        self.get(article_id)
        with self._writing():
            self.db["articles"].update(article_id, {"deleted_at": when})

    def _current_revision(self, article_id: str) -> dict[str, Any] | None:
        """The article's current revision's id, time, author, kind and hash (not its text)."""
        cursor = self.conn.execute(
            "SELECT r.id, r.created_at, r.author, r.kind, r.content_hash FROM revisions r "
            "JOIN articles a ON a.revision_id = r.id WHERE a.id = ?", [article_id])
        values = cursor.fetchone()
        if values is None:
            return None
        return dict(zip((d[0] for d in cursor.description), values, strict=True))

    def _rewrite_unsealed(self, revision_id: str, article: Article, stamp: str) -> bool:
        """Replace an autosave's content in place, unless another machine already has it.

        The check and the write are one statement, so a sync sealing the
        revision at the same moment either sees the new content or makes
        this save add a new revision instead.
        """
        values = _revision_content(article) | {"created_at": stamp}
        columns = ", ".join(f"[{name}] = ?" for name in values)
        cursor = self.db.execute(
            f"UPDATE revisions SET {columns} WHERE id = ? "
            "AND id NOT IN (SELECT id FROM sealed_revisions)",
            [*values.values(), revision_id],
        )
        return cursor.rowcount == 1

    def _add_revision(self, article: Article, parent: str | None, kind: str, author: str,
                      stamp: str) -> str:
        revision_id = new_id()
        self.db["revisions"].insert(
            {
                "id": revision_id,
                "article_id": article.id,
                "parent_id": parent,
                "created_at": stamp,
                "author": author,
                "kind": str(kind),
            }
            | _revision_content(article)
        )
        return revision_id


def import_writer() -> None:
    """Import sqlite-utils now (e.g. on a background thread), before a write waits for it."""
    import sqlite_utils  # noqa: F401


class _WriteGuard:
    """A write transaction that turns SQLite's write failures into :class:`LibraryError`.

    The outermost level begins with ``BEGIN IMMEDIATE``: the write lock is
    taken at once, waiting up to the busy timeout for another writer. A
    deferred ``BEGIN`` would read first (sqlite-utils' ``update`` reads the
    row it updates) and then upgrade to a write, and SQLite never waits on
    that upgrade: a second writer failed at once with "database is locked".
    Nested levels are savepoints (sqlite-utils' ``atomic``).
    """

    def __init__(self, library: Library) -> None:
        self._library = library
        self._atomic: Any = None

    def __enter__(self) -> Database:
        library = self._library
        if library.refused is not None:
            raise library.refused
        db = library.db
        try:
            if library.conn.in_transaction:
                self._atomic = db.atomic()
                return self._atomic.__enter__()
            library.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._error(exc) from exc
        return db

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> bool:
        try:
            if self._atomic is not None:
                self._atomic.__exit__(exc_type, exc, tb)
            elif exc_type is None:
                try:
                    self._library.conn.execute("COMMIT")
                except BaseException:
                    self._library.conn.rollback()
                    raise
            else:
                self._library.conn.rollback()
        except sqlite3.Error as error:
            raise self._error(error) from error
        if isinstance(exc, sqlite3.Error):  # a write inside failed (disk full): rolled back
            raise self._error(exc) from exc
        return False

    def _error(self, exc: sqlite3.Error) -> LibraryError:
        return write_error(self._library.path, exc)


def open_error(path: Path | None, exc: sqlite3.DatabaseError) -> LibraryError:
    """What a failure while opening means: damage only when SQLite says the file is bad.

    SQLite reports a full disk as ``SQLITE_FULL`` on a write and often as a
    plain I/O error on a read (the ``-shm`` index cannot grow); neither is
    damage, and a library judged damaged is offered for recovery.
    """
    if isinstance(exc, sqlite3.OperationalError) or is_disk_full(exc):
        if is_write_problem(exc) or is_disk_full(exc) or (
                path is not None and disk_is_full(path.parent)):
            return write_error(path, exc)
    return LibraryError("library_corrupt", path=str(path) if path else ":memory:")


def write_error(path: Path | None, exc: BaseException) -> LibraryError:
    """The library error for a failed write: a full disk is named as one."""
    where = str(path) if path else ":memory:"
    if is_disk_full(exc) or (path is not None and isinstance(exc, (sqlite3.OperationalError,
                                                                     OSError))
                             and disk_is_full(path.parent)):
        return LibraryError("disk_full", path=where)
    if is_busy(exc):
        return LibraryError("library_busy", path=where)
    return LibraryError("library_unwritable", path=where, reason=_reason(exc))


def is_disk_full(exc: BaseException) -> bool:
    """SQLITE_FULL from SQLite, or ENOSPC / EDQUOT from the operating system."""
    import errno

    if isinstance(exc, sqlite3.Error):
        if (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF == _SQLITE_FULL:
            return True
        return "database or disk is full" in str(exc)
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC,
                                                      getattr(errno, "EDQUOT", -1))


def disk_is_full(folder: Path) -> bool:
    """Whether the disk holding ``folder`` has (almost) no room left for this user."""
    import shutil

    try:
        return shutil.disk_usage(folder).free < DISK_FULL_BELOW
    except OSError:
        return False


def is_busy(exc: BaseException) -> bool:
    """SQLITE_BUSY / SQLITE_LOCKED: another writer kept the library past the busy timeout."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
    return code in (_SQLITE_BUSY, _SQLITE_LOCKED) or "database is locked" in str(exc)


# Less room than this is a full disk: SQLite cannot add a page and its log frame.
DISK_FULL_BELOW = 64 * 1024
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_FULL = 13


def _check_header(path: Path) -> None:
    """Refuse what is not an SQLite file, or is shorter than its own header says.

    Cheap (100 bytes and a ``stat``), so it runs before every open; a file cut
    short on a USB stick fails here instead of mid-typing. SQLite keeps the
    page count in the header valid only while bytes 92–95 equal the change
    counter (bytes 24–27); otherwise the size is not checked. A library only
    grows past, never shrinks below, the size its header records — except
    while a write-ahead log beside it still holds frames: a checkpoint cut
    short (the process killed, the battery dead) may have written page 1
    before the pages that extend the file, and SQLite completes it from the
    log at the next open. The size is not judged then.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(100)
            size = os.fstat(handle.fileno()).st_size
    except FileNotFoundError:
        return
    except OSError as exc:
        raise LibraryError("library_unwritable", path=str(path), reason=_reason(exc)) from exc
    if head and head[:len(SQLITE_HEADER)] != SQLITE_HEADER:
        raise LibraryError("library_corrupt", path=str(path))
    if len(head) < 100:
        if head:
            raise LibraryError("library_corrupt", path=str(path))
        return
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    size_valid = head[24:28] == head[92:96] and not has_frames(path)
    if size_valid and pages and size < pages * page_size:
        raise LibraryError("library_corrupt", path=str(path))


def check_pages(path: Path | str, stop: Callable[[], bool] | None = None) -> bool | None:
    """Read every page of the library file (``PRAGMA quick_check``) on a connection of its own.

    For a background thread: the library may stay open and in use meanwhile
    (WAL lets this reader see a consistent snapshot). False when damaged;
    None when ``stop()`` turned true before the check was done.
    """
    if stop is not None and stop():
        return None
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=10)
        try:
            if stop is not None:
                conn.set_progress_handler(lambda: 1 if stop() else 0, 20_000)
            return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if stop is not None and stop():
            return None
        if is_write_problem(exc) or disk_is_full(Path(path).parent):
            raise write_error(Path(path), exc) from exc
        return False
    except sqlite3.DatabaseError:
        return False


def _coalesces(current: dict[str, Any], author: str, stamp: str) -> bool:
    if current["kind"] != RevisionKind.AUTOSAVE or (current["author"] or "") != author:
        return False
    then = datetime.fromisoformat(current["created_at"])
    return datetime.fromisoformat(stamp) - then < AUTOSAVE_COALESCE


def _revision_content(article: Article) -> dict[str, Any]:
    import json

    content = article.content()
    content["tags"] = json.dumps(article.tags, ensure_ascii=False)
    content["content_hash"] = article.content_hash()
    return content


def _row_from_article(article: Article) -> dict[str, Any]:
    import json

    row = article.to_dict()
    row["tags"] = json.dumps(article.tags, ensure_ascii=False)
    row["title_key"] = title_order_key(article.title)
    return row


def _article_from_row(row: dict[str, Any]) -> Article:
    data = dict(row)
    for name in _TEXT_FIELDS:
        data[name] = data.get(name) or ""
    return Article.from_dict(data)  # Article normalizes to NFC as it is built


def _revision_from_row(row: dict[str, Any]) -> Revision:
    """A stored revision; one whose content is unreadable or fails its hash is ``damaged``.

    A damaged row does not stop the rest of the history from being read.
    """
    import json

    try:
        content: dict[str, Any] = {name: row.get(name) for name in CONTENT_FIELDS}
        content["tags"] = json.loads(row.get("tags") or "[]")
        for name in _TEXT_FIELDS:
            content[name] = nfc(content[name] or "")
        damaged = Article.from_dict(dict(content)).content_hash() != row["content_hash"]
    except (ValueError, TypeError, AttributeError, UnicodeError):
        content = {name: "" for name in _TEXT_FIELDS} | {"tags": [],
                                                          "status": "draft"}
        damaged = True
    return Revision(
        damaged=damaged,
        id=row["id"],
        article_id=row["article_id"],
        parent_id=row["parent_id"],
        created_at=row["created_at"],
        author=row["author"] or "",
        kind=row["kind"],
        content_hash=row["content_hash"],
        content=content,
    )


def is_write_problem(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return any(w in text for w in ("readonly", "read-only", "disk", "locked", "unable to open"))


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc)


# The search module (its tables and regular expressions) loads with the first
# save, re-index or search, not when a library is opened for the window.
def index_article(db: Any, article: Article) -> None:
    from deskapp.store.search import index_article as index

    index(db, article)


def unindex_article(db: Any, article_id: str) -> None:
    from deskapp.store.search import unindex_article as unindex

    unindex(db, article_id)


def search_index(db: Any, query: str, **options: Any) -> list[SearchHit]:
    from deskapp.store.search import search

    return search(db, query, **options)
