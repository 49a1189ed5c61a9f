"""Schema of the library database, as forward migrations.

Each migration is applied once, in order, inside a transaction; the number of
migrations known to this version is written to ``PRAGMA user_version`` so an
older Deskapp can refuse a library made by a newer one instead of damaging it.
Never edit a released migration: add a new one.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

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


SCHEMA_VERSION = len(migrations._migrations)
