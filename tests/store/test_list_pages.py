"""The library list read page by page (keyset paging) and its sort-key column."""

import sqlite3

import pytest
from sqlite_utils import Database

from deskapp.errors import LibraryError
from deskapp.model import Article
from deskapp.store import Library
from deskapp.store.library import _check_header, check_pages
from deskapp.store.schema import migrations, title_order_key
from deskapp.text.collation import sort_key

TITLES = ["Đà Lạt", "Dung Quất", "Ăn Tết", "An Giang", "an giang", "Bài 10", "Bài 2", "",
          "Zalo", "Ấp Bắc", "An Giang", "ma", "mà", "má", "ma cà rồng"]


def _all_pages(library, size, **options):
    rows, after, pages = [], None, 0
    while True:
        page = library.page(after=after, limit=size, **options)
        rows += page.rows
        pages += 1
        if page.after is None:
            return rows, pages
        after = page.after


def _library(titles=TITLES):
    library = Library.in_memory()
    for n, title in enumerate(titles):
        status = "submitted" if n % 3 == 0 else "draft"
        library.create(Article(title=title, status=status))
    return library


@pytest.mark.parametrize("size", [1, 2, 4, 7, 100])
def test_pages_join_up_to_the_whole_list_in_both_orders(size):
    library = _library()
    for sort in ("updated", "title"):
        rows, pages = _all_pages(library, size, sort=sort)
        assert [r.id for r in rows] == [r.id for r in library.list(sort=sort)]
        assert len(rows) == len(TITLES)
        assert pages == len(TITLES) // size + 1


def test_title_order_is_vietnamese_with_equal_titles_newest_first():
    library = _library()
    rows, _ = _all_pages(library, 2, sort="title")
    titles = [r.title for r in rows]
    assert titles == sorted(TITLES, key=sort_key)
    equal = [r for r in rows if r.title == "An Giang"]
    assert equal[0].updated_at > equal[1].updated_at


def test_newest_first_breaks_equal_times_by_id():
    library = _library()
    library.db.execute("UPDATE articles SET updated_at = '2025-01-01T00:00:00+00:00'")
    rows, _ = _all_pages(library, 3, sort="updated")
    assert [r.id for r in rows] == sorted((r.id for r in rows), reverse=True)


def test_status_filter_and_trash_page_too():
    library = _library()
    trashed = library.list()[0].id
    library.trash(trashed)
    for sort in ("updated", "title"):
        submitted, _ = _all_pages(library, 2, sort=sort, status="submitted")
        assert {r.status for r in submitted} == {"submitted"}
        assert len(submitted) == len([t for n, t in enumerate(TITLES) if n % 3 == 0]) - (
            1 if library.get(trashed).status == "submitted" else 0)
        in_trash, _ = _all_pages(library, 2, sort=sort, trashed=True)
        assert [r.id for r in in_trash] == [trashed]
    assert library.is_listed(trashed, trashed=True) and not library.is_listed(trashed)


def test_a_save_between_pages_neither_repeats_nor_skips_a_row():
    library = _library()
    first = library.page(sort="title", limit=5)
    moved = library.get(first.rows[0].id)
    moved.body = "sửa"
    library.save(moved)  # newest now, same headline: its place in A–Z is unchanged
    rest, _ = _all_pages(library, 5, sort="title")
    seen = [r.id for r in first.rows] + [
        r.id for r in library.page(sort="title", after=first.after, limit=100).rows]
    assert len(seen) == len(set(seen)) == len(TITLES)
    assert [r.id for r in rest] == [r.id for r in library.list(sort="title")]


def test_the_sort_key_follows_a_renamed_headline():
    library = _library(["Bắc", "Cà Mau"])
    article = library.get(library.list(sort="title")[0].id)
    article.title = "Ấp mới"
    library.save(article)
    assert [r.title for r in library.list(sort="title")] == ["Ấp mới", "Cà Mau"]
    stored = library.db.execute("SELECT title_key FROM articles WHERE id = ?",
                                [article.id]).fetchone()[0]
    assert stored == title_order_key("Ấp mới")


def test_title_order_key_compares_like_the_collation_key():
    words = [*TITLES, "A", "a", "à", "Á", "Bài 02", "hoà", "hòa", "\x00x", "x"]
    by_key = sorted(words, key=title_order_key)
    assert [sort_key(w.replace("\x00", "")) for w in by_key] == sorted(
        sort_key(w.replace("\x00", "")) for w in words)


def test_an_older_library_gets_its_sort_keys_when_upgraded(library_path):
    library_path.parent.mkdir(parents=True)
    db = Database(sqlite3.connect(library_path))
    migrations.apply(db, stop_before="0006_list_order_indexes")
    db.execute("PRAGMA user_version=5")
    for n, title in enumerate(["Đà Lạt", "An Giang", "Ăn Tết"]):
        db.execute("INSERT INTO articles (id, title, status, created_at, updated_at) "
                   "VALUES (?, ?, 'draft', ?, ?)", [f"id{n}", title, f"2025-0{n + 1}",
                                                      f"2025-0{n + 1}"])
    db.conn.commit()
    db.close()
    library = Library.open(library_path)
    try:
        assert [r.title for r in library.list(sort="title")] == ["An Giang", "Ăn Tết", "Đà Lạt"]
        plan = library.db.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE deleted_at IS NULL "
            "ORDER BY title_key, updated_at DESC, id DESC LIMIT 5").fetchall()
        assert "articles_by_title" in str(plan) and "TEMP B-TREE" not in str(plan)
    finally:
        library.close()


def test_a_truncated_file_is_refused_even_without_the_page_check(library_path):
    library = Library.open(library_path)
    for n in range(40):
        library.create(Article(title=f"Bài {n}", body="chữ " * 300))
    library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    library.close()
    data = library_path.read_bytes()
    library_path.write_bytes(data[: len(data) // 2])
    with pytest.raises(LibraryError) as caught:
        Library.open(library_path, check=False)
    assert caught.value.code == "library_corrupt"
    assert library_path.read_bytes() == data[: len(data) // 2]


def test_a_checkpoint_cut_short_is_not_taken_for_a_truncated_file(library_path):
    # Killed mid-checkpoint, the file may be shorter than page 1 already says while
    # the log still holds the frames; SQLite finishes the checkpoint at the next open.
    library = Library.open(library_path)
    for n in range(40):
        library.create(Article(title=f"Bài {n}", body="chữ " * 300))
    library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    library.close()
    data = library_path.read_bytes()
    wal = library_path.with_name(library_path.name + "-wal")
    wal.write_bytes(b"\x37\x7f\x06\x82" + bytes(4096))  # a log with frames in it
    library_path.write_bytes(data[: len(data) - 4096])
    _check_header(library_path)  # not refused on the header's size
    wal.unlink()
    with pytest.raises(LibraryError):  # without the log the same file is refused
        _check_header(library_path)


def test_check_pages_finds_damage_the_header_does_not_show(library_path):
    library = Library.open(library_path)
    for n in range(40):
        library.create(Article(title=f"Bài {n}", body="chữ " * 300))
    library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert check_pages(library_path)  # while open and in use
    library.close()
    data = bytearray(library_path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(len(data) // page_size - 4, len(data) // page_size):  # the last pages
        data[page * page_size: page * page_size + 64] = b"\xa5" * 64
    library_path.write_bytes(bytes(data))
    opened = Library.open(library_path, check=False)  # the header looks fine
    opened.close()
    assert not check_pages(library_path)


def test_counts_per_status_follow_every_change(library_path):
    from deskapp.desk import counts_by_status

    library = Library.open(library_path)
    try:
        articles = [library.create(Article(title=f"Bài {n}")) for n in range(6)]
        articles[0].status = "submitted"
        library.save(articles[0])
        library.trash(articles[1].id)
        library.trash(articles[2].id)
        library.restore(articles[2].id)
        library.trash(articles[3].id)
        library.purge(articles[3].id)
        library.db.execute("UPDATE articles SET status = 'approved' WHERE id = ?",
                           [articles[4].id])  # a write from outside the store counts too
        expected = {row[0]: row[1] for row in library.db.execute(
            "SELECT status, COUNT(*) FROM articles WHERE deleted_at IS NULL GROUP BY status")}
        counts = counts_by_status(library)
        assert {k: v for k, v in counts.items() if v} == expected == {
            "draft": 2, "submitted": 1, "approved": 1}
        trashed = library.db.execute(
            "SELECT SUM(n) FROM article_counts WHERE trashed = 1").fetchone()[0]
        assert trashed == 1
    finally:
        library.close()
