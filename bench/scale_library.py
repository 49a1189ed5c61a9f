"""A generated library of many articles for the scale benchmark, cached between runs.

Articles of about 500 words of Vietnamese-like text (``bench_search.TextMaker``),
each with its first revision, its index entry and its list sort key, written
straight into a library made by ``Library.open`` (so the schema is the
store's own) in one transaction. A few statuses and a trash are mixed in so
the status filter and the trash have something to show.

The file is cached under the system's temporary folder, keyed by the schema
version and the article count, and built under a temporary name so an
interrupted build is never mistaken for a finished one.
"""

from __future__ import annotations

import hashlib
import json
import random
import tempfile
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench_search import BODY_WORDS, SEED, TextMaker, _chunks

from deskapp.store import Library
from deskapp.store.schema import SCHEMA_VERSION, title_order_key
from deskapp.text import fold

STATUSES = ("draft",) * 40 + ("submitted",) * 4 + ("in_review", "returned") * 2 + (
    "approved",) * 3 + ("exported",)
TRASH_EVERY = 250


def library_path(count: int) -> Path:
    """Where the cached library of ``count`` articles lives (its own folder: backups go beside)."""
    folder = Path(tempfile.gettempdir()) / "deskapp-bench-scale" / f"v{SCHEMA_VERSION}-{count}"
    return folder / "library.sqlite"


def ensure_library(count: int) -> tuple[Path, bool]:
    """The cached library of ``count`` articles, built first if missing; (path, built now)."""
    path = library_path(count)
    if path.exists():
        return path, False
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(f".building-{uuid.uuid4().hex[:8]}.sqlite")
    library = Library.open(building)
    try:
        library.set_setting("welcomed", "1")
        library.set_setting("user_name", "Bench")
        library.set_setting("user_role", "editor")
        _generate(library, count)
        library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        library.close()
    building.rename(path)
    return path, True


def _generate(library: Library, count: int) -> None:
    maker = TextMaker(random.Random(SEED))
    db = library.db
    with db.atomic():
        for chunk in _chunks(_rows(maker, count), 1000):
            db.conn.executemany(
                "INSERT INTO articles (id, title, lead, body, byline, source, section, tags, "
                "status, created_at, updated_at, deleted_at, revision_id, title_key) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?)",
                [row[0] for row in chunk],
            )
            db.conn.executemany(
                "INSERT INTO revisions (id, article_id, parent_id, created_at, author, kind, "
                "content_hash, title, lead, body, byline, source, section, tags, status) "
                "VALUES (?, ?, NULL, ?, ?, 'create', ?, ?, ?, ?, ?, ?, ?, '[]', ?)",
                [row[1] for row in chunk],
            )
            db.conn.executemany(
                "INSERT INTO articles_fts (rowid, article_id, title, lead, body, byline, "
                "source, section) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [row[2] for row in chunk],
            )
            db.conn.executemany(
                "INSERT INTO articles_fts_rowid (article_id, fts_rowid) VALUES (?, ?)",
                [(row[2][1], row[2][0]) for row in chunk],
            )


def _rows(maker: TextMaker, count: int) -> Iterator[tuple[tuple, tuple, tuple]]:
    bylines = ["Minh Anh", "Thanh Tùng", "Đào Quí", "Lê Hương", "Phạm Đức"]
    sections = ["Thời sự", "Kinh tế", "Văn hóa", "Thể thao", "Đời sống"]
    start = datetime(2015, 1, 1, tzinfo=UTC)
    for n in range(1, count + 1):
        stamp = (start + timedelta(minutes=7 * n)).isoformat(timespec="microseconds")
        title, title_f = maker.text(maker.rng.randint(6, 10))
        lead, lead_f = maker.text(30)
        body, body_f = maker.text(BODY_WORDS)
        byline, section = bylines[n % 5], sections[n % 5]
        status = STATUSES[n % len(STATUSES)]
        deleted = stamp if n % TRASH_EVERY == 0 else None
        article_id = str(uuid.UUID(int=maker.rng.getrandbits(128), version=4))
        revision_id = str(uuid.UUID(int=maker.rng.getrandbits(128), version=4))
        digest = hashlib.sha256(json.dumps([title, lead, body, byline, section, status],
                                           ensure_ascii=False).encode()).hexdigest()
        yield (
            (article_id, title, lead, body, byline, "", section, status, stamp, stamp, deleted,
             revision_id, title_order_key(title)),
            (revision_id, article_id, stamp, byline, digest, title, lead, body, byline, "",
             section, status),
            (n, article_id, title_f, lead_f, body_f, fold(byline), "", fold(section)),
        )
