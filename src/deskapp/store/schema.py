"""Schema of the library database, as forward migrations.

Each migration is applied once, in order, inside a transaction; the number of
migrations known to this version is written to ``PRAGMA user_version`` so an
older Deskapp can refuse a library made by a newer one instead of damaging it.
Never edit a released migration: add a new one.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from deskapp.store.keys import SCHEMA_VERSION, title_order_key
from deskapp.text import fold

migrations = Migrations("deskapp")


@migrations(name="0001_articles_revisions_settings")
def _initial(db: Database) -> None:
    db["articles"].create(
        {
            "id": str,
            "title": str,
            "lead": str,
            "body": str,
            "byline": str,
            "source": str,
            "section": str,
            "tags": str,  # JSON list
            "status": str,
            "target_words": int,
            "created_at": str,
            "updated_at": str,
            "deleted_at": str,
            "revision_id": str,
        },
        pk="id",
        not_null={"title", "lead", "body", "status", "created_at", "updated_at"},
        defaults={"title": "", "lead": "", "body": "", "byline": "", "source": "",
                  "section": "", "tags": "[]", "status": "draft"},
    )
    db["articles"].create_index(["deleted_at", "updated_at"])
    db["revisions"].create(
        {
            "id": str,
            "article_id": str,
            "parent_id": str,
            "created_at": str,
            "author": str,
            "kind": str,
            "content_hash": str,
            "title": str,
            "lead": str,
            "body": str,
            "byline": str,
            "source": str,
            "section": str,
            "tags": str,
            "status": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["revisions"].create_index(["article_id", "created_at"])
    db["settings"].create({"key": str, "value": str}, pk="key")


@migrations(name="0002_articles_fts")
def _search_index(db: Database) -> None:
    """Full-text index over folded text, filled from the articles already stored.

    FTS5's own ``remove_diacritics`` leaves "đ" alone, so the columns hold text
    folded in Python ("đường" -> "duong") and the tokenizer only splits words.
    Prefix indexes for one to six letters (nearly every folded syllable) let
    the filter-as-you-type query "quy ch" read one list for "ch*" instead of
    merging the postings of every word that starts with "ch", which in a large
    archive costs more than the rest of the search together.

    The index rowid grows with every (re)indexing, so rowid order is "most
    recently written first" and a filter can walk the index newest-first and
    stop after a page of hits. ``articles_fts_rowid`` finds an article's index
    row without scanning: ``article_id`` is UNINDEXED in FTS5, and the rowid of
    ``articles`` itself is not stable across VACUUM.

    The backfill is written out here rather than shared with the indexing code
    so this migration keeps doing what it did when later ones change the index.
    """
    db.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5("
        "article_id UNINDEXED, title, lead, body, byline, source, section, "
        "tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3 4 5 6')"
    )
    db.execute(
        "CREATE TABLE articles_fts_rowid ("
        "article_id TEXT PRIMARY KEY, fts_rowid INTEGER NOT NULL UNIQUE) WITHOUT ROWID"
    )
    rows = db.execute(  # streamed: a large archive need not fit in memory
        "SELECT id, title, lead, body, byline, source, section FROM articles "
        "ORDER BY updated_at, id"
    )
    for rowid, (article_id, *texts) in enumerate(rows, start=1):
        db.execute(
            "INSERT INTO articles_fts (rowid, article_id, title, lead, body, byline, source, "
            "section) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [rowid, article_id, *(fold(text or "") for text in texts)],
        )
        db.execute(
            "INSERT INTO articles_fts_rowid (article_id, fts_rowid) VALUES (?, ?)",
            [article_id, rowid],
        )


@migrations(name="0003_desk_status_events_comments")
def _desk(db: Database) -> None:
    """The editor's desk: who changed an article's status and why; anchored comments.

    ``status_events`` keeps one row per change of status, pointing at the
    ``status`` revision it made, with the reason for a return or the note
    that overrode open proofing findings. ``comments`` anchor to a range of
    one field by offsets plus the quoted text and a little context on each
    side, so they can find their text again after edits.

    No foreign keys: purging an article from the trash must not be refused
    because of its history (these rows go with it, or stay as a record).
    """
    db["status_events"].create(
        {
            "id": str,
            "article_id": str,
            "revision_id": str,
            "at": str,
            "user": str,
            "role": str,
            "action": str,
            "from_status": str,
            "to_status": str,
            "reason": str,
            "note": str,
        },
        pk="id",
    )
    db["status_events"].create_index(["article_id", "at"])
    db["comments"].create(
        {
            "id": str,
            "article_id": str,
            "field": str,
            "start": int,
            "end": int,
            "quote": str,
            "prefix": str,
            "suffix": str,
            "body": str,
            "author": str,
            "created_at": str,
            "resolved_at": str,
            "revision_id": str,
        },
        pk="id",
    )
    db["comments"].create_index(["article_id", "created_at"])


@migrations(name="0004_assets")
def _assets(db: Database) -> None:
    """Photos stored with their article, as bytes, so a library file is the whole archive.

    Pixel size and a SHA-256 are kept beside the bytes: print checks a
    photo's resolution and packages name their members without decoding
    or hashing the image again. ``name`` is how the Markdown refers to the
    photo (``![chú thích](asset:name)``) and is unique within an article;
    the hash is too, so adding the same photo twice keeps one copy.
    No foreign key, like the desk tables: purging an article removes its
    photos with it.
    """
    db["assets"].create(
        {
            "id": str,
            "article_id": str,
            "name": str,
            "mime": str,
            "data": bytes,
            "width": int,
            "height": int,
            "sha256": str,
            "caption": str,
            "credit": str,
            "created_at": str,
        },
        pk="id",
        not_null={"article_id", "name", "mime", "data", "width", "height", "sha256"},
        defaults={"caption": "", "credit": ""},
    )
    db["assets"].create_index(["article_id", "name"], unique=True)
    db["assets"].create_index(["article_id", "sha256"], unique=True)


@migrations(name="0005_target_lines")
def _target_lines(db: Database) -> None:
    """A length target in printed lines, beside the one in words (the desk sets one of them).

    Lines are counted at the column width of the chosen print preset, so a
    desk that plans its pages in lines need not translate them into words.
    """
    db["articles"].add_column("target_lines", int)


@migrations(name="0006_list_order_indexes")
def _list_order(db: Database) -> None:
    """What a list of 100,000 articles needs to show a page without sorting them all.

    ``title_key`` holds :func:`title_order_key` of the headline, written with
    every save, so the A–Z list is an index walk instead of a Python sort of
    every title on each refresh. The indexes serve the list's pages in both
    orders, with and without a status filter (equal headlines newest first),
    and the counts per status (a walk of the ``deleted_at, status`` prefix).
    The conflict marks of the list find their few revisions through a partial
    index instead of reading every revision.
    The first migration's ``deleted_at, updated_at`` index is replaced by one
    that also breaks ties by id.
    """
    db.execute("ALTER TABLE articles ADD COLUMN title_key TEXT NOT NULL DEFAULT ''")
    rows = db.execute("SELECT id, title FROM articles").fetchall()
    db.conn.executemany(
        "UPDATE articles SET title_key = ? WHERE id = ?",
        ((title_order_key(title or ""), article_id) for article_id, title in rows),
    )
    db.execute("DROP INDEX IF EXISTS idx_articles_deleted_at_updated_at")
    db.execute("CREATE INDEX articles_by_updated ON articles "
               "(deleted_at, updated_at DESC, id DESC)")
    db.execute("CREATE INDEX articles_by_status_updated ON articles "
               "(deleted_at, status, updated_at DESC, id DESC)")
    db.execute("CREATE INDEX articles_by_title ON articles "
               "(deleted_at, title_key, updated_at DESC, id DESC)")
    db.execute("CREATE INDEX articles_by_status_title ON articles "
               "(deleted_at, status, title_key, updated_at DESC, id DESC)")
    db.execute("CREATE INDEX revisions_import_conflicts ON revisions (article_id) "
               "WHERE kind = 'import-conflict'")



@migrations(name="0007_article_counts")
def _article_counts(db: Database) -> None:
    """How many articles are in each status, in and out of the trash, kept by triggers.

    The status filter shows a count per status on every refresh of the list;
    counting 100,000 index entries each time costs tens of milliseconds on
    the UI thread, reading six rows costs nothing. The triggers are plain SQL,
    so any tool writing to the file keeps the counts true.
    """
    db.execute(
        "CREATE TABLE article_counts (status TEXT NOT NULL, trashed INTEGER NOT NULL, "
        "n INTEGER NOT NULL, PRIMARY KEY (status, trashed)) WITHOUT ROWID"
    )
    db.execute(
        "INSERT INTO article_counts (status, trashed, n) "
        "SELECT status, deleted_at IS NOT NULL, COUNT(*) FROM articles GROUP BY 1, 2"
    )
    add = ("INSERT INTO article_counts (status, trashed, n) "
           "VALUES (NEW.status, NEW.deleted_at IS NOT NULL, 1) "
           "ON CONFLICT (status, trashed) DO UPDATE SET n = n + 1;")
    remove = ("UPDATE article_counts SET n = n - 1 "
              "WHERE status = OLD.status AND trashed = (OLD.deleted_at IS NOT NULL);")
    db.execute(f"CREATE TRIGGER articles_count_insert AFTER INSERT ON articles BEGIN {add} END")
    db.execute(f"CREATE TRIGGER articles_count_delete AFTER DELETE ON articles BEGIN {remove} END")
    db.execute(
        "CREATE TRIGGER articles_count_update AFTER UPDATE OF status, deleted_at ON articles "
        "WHEN OLD.status IS NOT NEW.status "
        "OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) "
        f"BEGIN {remove} {add} END"
    )



@migrations(name="0008_fts_pending")
def _fts_pending(db: Database) -> None:
    """Articles saved since their search index entry was last written.

    The window's autosave marks the article here, in its own transaction,
    instead of re-indexing it there (see ``Library.defer_index``); searching
    re-indexes marked articles first, so results never miss a saved word.
    """
    db.execute("CREATE TABLE fts_pending (article_id TEXT PRIMARY KEY) WITHOUT ROWID")


@migrations(name="0009_sync")
def _sync(db: Database) -> None:
    """What this library has exchanged with the newsroom server (:mod:`deskapp.sync`).

    ``sealed_revisions`` lists revisions another machine has (sent or
    received): the autosave never rewrites one of them in place, since a
    revision is identified by its id everywhere. ``sync_sent`` says which
    revisions, comments, status events and photos are known to be on the
    server (pushed, or pulled from it). ``sync_articles`` keeps, per
    article, the server's head revision this library last merged (the
    compare-and-swap base of the next push) and the server's change number
    at that moment. The pull cursor lives in ``settings``.
    """
    db.execute("CREATE TABLE sealed_revisions (id TEXT PRIMARY KEY) WITHOUT ROWID")
    db.execute(
        "CREATE TABLE sync_sent (kind TEXT NOT NULL, id TEXT NOT NULL, "
        "PRIMARY KEY (kind, id)) WITHOUT ROWID"
    )
    db.execute(
        "CREATE TABLE sync_articles (article_id TEXT PRIMARY KEY, server_head TEXT, "
        "server_seq INTEGER) WITHOUT ROWID"
    )



@migrations(name="0010_comment_resolutions")
def _comment_resolutions(db: Database) -> None:
    """Who resolved a comment and when, as a fact that travels (packages, the server).

    One row per comment, never removed: the earliest resolution known here
    wins. Reopening a comment clears ``comments.resolved_at`` only; the row
    stays, so the same resolution arriving again does not close it behind
    the reopener's back. Comments already resolved get a row with no name.
    """
    db.execute(
        "CREATE TABLE comment_resolutions (comment_id TEXT PRIMARY KEY, "
        "article_id TEXT NOT NULL, resolved_at TEXT NOT NULL, "
        "resolved_by TEXT NOT NULL DEFAULT '')"
    )
    db.execute("CREATE INDEX comment_resolutions_article ON comment_resolutions (article_id)")
    db.execute(
        "INSERT INTO comment_resolutions (comment_id, article_id, resolved_at, resolved_by) "
        "SELECT id, article_id, resolved_at, '' FROM comments WHERE resolved_at IS NOT NULL"
    )


@migrations(name="0011_approval_signatures")
def _approval_signatures(db: Database) -> None:
    """Approvals carry the approving editor's signature; editors' public keys are kept here.

    ``status_events.key_id`` and ``signature`` hold an Ed25519 signature over the
    approved revision (see :mod:`deskapp.desk.approvals`); ``trusted_keys`` lists the
    editors' public keys this library believes (``source``: ``own`` made here,
    ``server`` published through the newsroom server, ``file`` installed by IT).
    Approvals recorded before this migration have no signature and print no approval.
    """
    db.execute("ALTER TABLE status_events ADD COLUMN key_id TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE status_events ADD COLUMN signature TEXT NOT NULL DEFAULT ''")
    db.execute(
        "CREATE TABLE trusted_keys (key_id TEXT PRIMARY KEY, name TEXT NOT NULL, "
        "public_key TEXT NOT NULL, source TEXT NOT NULL, signin TEXT NOT NULL DEFAULT '', "
        "added_at TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX trusted_keys_name ON trusted_keys (name)")


@migrations(name="0012_article_print_preset")
def _article_print_preset(db: Database) -> None:
    """Each article's own print preset, kept in its row like the length target.

    ``articles.print_preset`` names the preset the article prints with; NULL
    means none was chosen for it yet, and it follows its section's default
    (the ``section_presets`` setting) or the library's (``pdf_preset``, the
    default for new articles). It is not part of a revision, a package or a
    sync. Articles already in the library keep printing as they did: each is
    given the library-wide preset it used until now, when one was set.
    """
    db.execute("ALTER TABLE articles ADD COLUMN print_preset TEXT")
    row = db.execute("SELECT value FROM settings WHERE key = 'pdf_preset'").fetchone()
    if row is not None and row[0]:
        db.execute("UPDATE articles SET print_preset = ?", [row[0]])


@migrations(name="0013_name_register")
def _name_register(db: Database) -> None:
    """The newsroom's name register: people, bodies and places with their approved spelling.

    One row per name, keyed by its folded form (``store.names.name_key``: no
    tones or marks, lower case, a final i counted as y), so "Hoàng Văn Kì" and
    "Hoàng Văn Kỳ" are one entry and proofing flags the spelling that is not
    ``name``. A removal keeps the row with ``removed_at`` set, so it travels in
    packages like an addition; ``updated_at`` decides between two versions of
    one entry (the later wins).
    """
    db.execute(
        "CREATE TABLE name_register (key TEXT PRIMARY KEY, name TEXT NOT NULL, "
        "kind TEXT NOT NULL DEFAULT 'person', note TEXT NOT NULL DEFAULT '', "
        "updated_at TEXT NOT NULL, updated_by TEXT NOT NULL DEFAULT '', "
        "removed_at TEXT) WITHOUT ROWID"
    )



@migrations(name="0014_editions")
def _editions(db: Database) -> None:
    """Page plans: an edition's pages and blocks, as JSON, with their history.

    ``editions`` holds each edition's current plan (:mod:`deskapp.makeup.plan`)
    and the revision it came from; ``edition_revisions`` keeps every saved
    plan, an autosave by the same person within a few minutes replacing the
    one before it (as article autosaves do) unless it is ``sealed``: sent in a
    package, it must keep its content. An edition is looked up by id or by
    its name.
    """
    db.execute(
        "CREATE TABLE editions (id TEXT PRIMARY KEY, name TEXT NOT NULL, "
        "date TEXT NOT NULL DEFAULT '', plan TEXT NOT NULL, created_at TEXT NOT NULL, "
        "updated_at TEXT NOT NULL, revision_id TEXT, deleted_at TEXT)"
    )
    db.execute("CREATE INDEX editions_name ON editions (name)")
    db.execute(
        "CREATE TABLE edition_revisions (id TEXT PRIMARY KEY, edition_id TEXT NOT NULL "
        "REFERENCES editions(id) ON DELETE CASCADE, parent_id TEXT, created_at TEXT NOT NULL, "
        "author TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL, plan TEXT NOT NULL, "
        "sealed INTEGER NOT NULL DEFAULT 0)"
    )
    db.execute("CREATE INDEX edition_revisions_edition ON edition_revisions "
               "(edition_id, created_at)")

if len(migrations._migrations) != SCHEMA_VERSION:  # keys.SCHEMA_VERSION was not bumped
    raise RuntimeError(f"{len(migrations._migrations)} migrations, SCHEMA_VERSION {SCHEMA_VERSION}")

__all__ = ["SCHEMA_VERSION", "migrations", "title_order_key"]
