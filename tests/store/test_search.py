"""Search in the library: folded matching, ranking, snippets, index upkeep, migration."""

import sqlite3
import unicodedata

import pytest
from sqlite_utils import Database

from deskapp.model import Article, RevisionKind
from deskapp.store import Library
from deskapp.store.schema import SCHEMA_VERSION, migrations
from deskapp.store.search import parse_query


@pytest.fixture
def lib():
    library = Library.in_memory()
    yield library
    library.close()


def add(lib, title, body="", **fields):
    return lib.create(Article(title=title, body=body, **fields))


def titles(hits):
    return [h.title for h in hits]


def test_folded_words_find_marked_text(lib):
    add(lib, "Hội nghị tổng kết", "Thực hiện quy chế dân chủ ở cơ sở.")
    add(lib, "Con đường mới", "Mở rộng đường giao thông.")
    add(lib, "Người Việt ở Kon Tum", "Bà con người Việt.")
    assert titles(lib.search("quy che dan chu")) == ["Hội nghị tổng kết"]
    assert titles(lib.search("duong")) == ["Con đường mới"]
    assert titles(lib.search("viet")) == ["Người Việt ở Kon Tum"]
    assert titles(lib.search("DUONG")) == ["Con đường mới"]
    assert titles(lib.search("Quy Chế Dân Chủ")) == ["Hội nghị tổng kết"]


def test_every_word_must_match(lib):
    add(lib, "Quy chế mới", "Quy chế làm việc.")
    add(lib, "Dân chủ cơ sở", "Phát huy dân chủ.")
    assert titles(lib.search("quy che dan chu")) == []
    assert titles(lib.search("quy che ")) == ["Quy chế mới"]


def test_decomposed_query_finds_composed_text(lib):
    add(lib, "Đường về quê", "")
    assert titles(lib.search(unicodedata.normalize("NFD", "đường"))) == ["Đường về quê"]


def test_words_typed_with_marks_rank_their_spelling_first(lib):
    add(lib, "Tin chiều", "Âm dương hài hòa, dương lịch.")
    add(lib, "Tin sáng", "Đương nhiên là vậy.")
    add(lib, "Tin trưa", "Con đường làng.")
    hits = lib.search("đường")
    assert titles(hits)[0] == "Tin trưa"
    assert set(titles(hits)) == {"Tin chiều", "Tin sáng", "Tin trưa"}
    assert hits[0].score > hits[1].score
    assert titles(lib.search("dương"))[0] == "Tin chiều"
    assert titles(lib.search("Đương"))[0] == "Tin sáng"


def test_headline_matches_rank_above_body_matches(lib):
    add(lib, "Thời tiết", "Chiều nay có bão lũ ở miền Trung.")
    add(lib, "Bão lũ miền Trung", "Chiều nay trời mưa.")
    add(lib, "Giá vàng", "Không liên quan.")
    assert titles(lib.search("bao lu")) == ["Bão lũ miền Trung", "Thời tiết"]


def test_last_word_is_a_prefix_while_typing(lib):
    add(lib, "Hội nghị", "Thực hiện quy chế dân chủ.")
    add(lib, "Quyết định mới", "Ban hành quyết định.")
    for typed in ("q", "qu", "quy", "quy c", "quy ch", "quy chế", "quy chế d"):
        assert "Hội nghị" in titles(lib.search(typed)), typed
    assert titles(lib.search("quy")) == ["Quyết định mới", "Hội nghị"]
    assert titles(lib.search("quy ")) == ["Hội nghị"]  # a finished word matches whole


def test_snippet_shows_original_text_with_highlights(lib):
    body = ("Đoạn mở đầu khá dài để đẩy từ cần tìm ra xa. " * 8
            + "Ban chỉ đạo thực hiện **quy chế dân chủ** ở cơ sở.\n\nĐoạn sau.")
    add(lib, "Hội nghị", body, lead="")
    hit = lib.search("quy che")[0]
    assert "quy chế dân chủ" in hit.snippet
    assert "**" not in hit.snippet and "\n" not in hit.snippet
    assert hit.snippet.startswith("…")
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["quy", "chế"]
    assert "«quy» «chế» dân chủ" in hit.marked()
    assert len(hit.snippet) < 200
    body_words = set(body.replace("**", "").split())
    assert set(hit.snippet.strip("…").split()) <= body_words  # no word cut in half
    tail = "Câu mở đầu. " + "Từ nối dài ra mãi " * 40 + "quy chế " + "cuối cùng " * 200
    add(lib, "Bài dài", tail, lead="")
    long_hit = next(h for h in lib.search("quy che") if h.title == "Bài dài")
    assert long_hit.snippet.startswith("…") and long_hit.snippet.endswith("…")
    assert set(long_hit.snippet.strip("…").split()) <= set(tail.split())


def test_snippet_prefers_the_lead_and_falls_back_to_the_start(lib):
    add(lib, "Bão số 3", "Thân bài nói về bão.", lead="Sapo: bão đổ bộ.")
    assert lib.search("bao")[0].marked() == "Sapo: «bão» đổ bộ."
    hit = lib.search("so 3")[0]  # only the headline has these words
    assert hit.marked() == "Bão «số» «3»"


def test_empty_or_syntax_only_query_lists_newest_first(lib):
    first = add(lib, "Một")
    second = add(lib, "Hai")
    for query in ("", "   ", '"', "*", "-", ")", "()", "^"):
        hits = lib.search(query)
        assert [h.id for h in hits] == [second.id, first.id], query
        assert all(h.score == 0 for h in hits)
    assert len(lib.search("", limit=1)) == 1


@pytest.mark.parametrize("query", [
    '"', "*", "NEAR(", "-", ")", "(", '"quy', 'quy"', "quy*", "-quy", "quy -chế",
    "NEAR(quy chế, 2)", "quy AND chế", "quy OR", "NOT quy", "title:quy", "^quy", "{title}: quy",
    "quy + chế", "'; DROP TABLE articles; --", "\x00", "🙂 quy", "quy " * 300, "_", "ß",
])
def test_hostile_queries_never_raise(lib, query):
    add(lib, "Quy chế", "Quy chế dân chủ ở cơ sở.")
    for order in ("relevance", "updated"):
        hits = lib.search(query, order=order)
        assert isinstance(hits, list)
    assert lib.get(lib.list()[0].id).title == "Quy chế"


def test_syntax_characters_are_dropped_not_obeyed(lib):
    add(lib, "Quy chế", "Quy chế dân chủ.")
    assert titles(lib.search('"quy" -chế')) == ["Quy chế"]  # no NOT, no phrase
    assert titles(lib.search("quy*")) == ["Quy chế"]
    assert parse_query('NEAR("quy" chế)*').match_expression() == '"near" "quy" "che"'


def test_trashed_articles_are_found_only_in_the_trash(lib):
    kept = add(lib, "Đường sắt", "")
    gone = add(lib, "Đường bộ", "")
    lib.trash(gone.id)
    assert [h.id for h in lib.search("duong")] == [kept.id]
    assert [h.id for h in lib.search("duong", trashed=True)] == [gone.id]
    assert [h.id for h in lib.search("", trashed=True)] == [gone.id]
    lib.restore(gone.id)
    assert {h.id for h in lib.search("duong")} == {kept.id, gone.id}


def test_purge_removes_the_index_entry(lib):
    article = add(lib, "Đường sắt", "")
    lib.purge(article.id)  # not in the trash: nothing happens
    assert [h.id for h in lib.search("duong")] == [article.id]
    assert len(lib.revisions(article.id)) == 1
    lib.trash(article.id)
    lib.purge(article.id)
    assert lib.search("duong", trashed=True) == []
    assert lib.db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 0
    assert lib.db.execute("SELECT count(*) FROM articles_fts_rowid").fetchone()[0] == 0


def test_edits_reindex(lib):
    article = add(lib, "Bản nháp", "Chuyện con mèo.")
    article.body = "Chuyện con chó."
    lib.save(article)
    assert lib.search("meo") == []
    assert titles(lib.search("cho")) == ["Bản nháp"]
    for text in ("Tin bão", "Tin bão lũ", "Tin lũ quét"):  # coalesced autosaves
        article.body = text
        lib.save(article, kind=RevisionKind.AUTOSAVE)
    assert lib.search("bao") == []
    assert titles(lib.search("lu quet")) == ["Bản nháp"]
    article.title = "Lũ quét ở Lào Cai"
    lib.save(article)
    assert titles(lib.search("lao cai")) == ["Lũ quét ở Lào Cai"]
    assert lib.db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 1


def test_every_indexed_field_is_searchable(lib):
    add(lib, "Tin", "", lead="Sapo về Huế", byline="Đào Xuân Quí", source="Báo Kon Tum",
        section="Thời sự")
    for query in ("hue", "dao xuan qui", "bao kon tum", "thoi su"):
        assert titles(lib.search(query)) == ["Tin"], query


def test_updated_order_is_newest_change_first(lib):
    old = add(lib, "Lúa mùa", "lúa")
    new = add(lib, "Lúa chiêm", "lúa")
    assert [h.id for h in lib.search("lua", order="updated")] == [new.id, old.id]
    old.body = "lúa gạo"
    lib.save(old)
    assert [h.id for h in lib.search("lua", order="updated")] == [old.id, new.id]
    with pytest.raises(ValueError):
        lib.search("lua", order="random")


def test_limit_is_respected(lib):
    for i in range(30):
        add(lib, f"Bài {i}", "Thời sự trong ngày.")
    assert len(lib.search("thoi su", limit=10)) == 10
    assert len(lib.search("thoi su", limit=10, order="updated")) == 10
    assert lib.search("thoi su", limit=0) == []


def test_search_survives_reopening(library_path):
    lib = Library.open(library_path)
    add(lib, "Quy chế dân chủ", "")
    lib.close()
    again = Library.open(library_path)
    assert titles(again.search("quy che")) == ["Quy chế dân chủ"]
    again.close()


def test_migration_backfills_the_index_of_an_existing_library(library_path):
    library_path.parent.mkdir(parents=True)
    db = Database(sqlite3.connect(library_path))
    migrations.apply(db, stop_before="0002_articles_fts")
    db.execute("PRAGMA user_version=1")
    assert "articles_fts" not in db.table_names()
    rows = [
        ("a1", "Quy chế dân chủ ở cơ sở", "Kon Tum tổng kết.", "2014-01-02T00:00:00+00:00"),
        ("a2", "Đường Hồ Chí Minh", "Thông xe.", "2014-01-03T00:00:00+00:00"),
        ("a3", "Bài đã xóa", "Đường cũ.", "2014-01-01T00:00:00+00:00"),
    ]
    for article_id, title, body, stamp in rows:
        db["articles"].insert({"id": article_id, "title": title, "body": body,
                               "created_at": stamp, "updated_at": stamp,
                               "deleted_at": stamp if article_id == "a3" else None})
    db.conn.commit()
    db.close()

    lib = Library.open(library_path)
    assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert [h.id for h in lib.search("quy che dan chu")] == ["a1"]
    assert [h.id for h in lib.search("duong", order="updated")] == ["a2"]
    assert [h.id for h in lib.search("duong", trashed=True)] == ["a3"]
    # index order follows the stored change times, so new saves come after them
    order = lib.db.execute(
        "SELECT article_id FROM articles_fts_rowid ORDER BY fts_rowid").fetchall()
    assert [r[0] for r in order] == ["a3", "a1", "a2"]
    fresh = add(lib, "Đường mới", "")
    assert [h.id for h in lib.search("duong", order="updated")] == [fresh.id, "a2"]
    lib.close()


def test_list_sorts_titles_in_vietnamese_order(lib):
    for title in ("Ưu tiên", "Đà Lạt", "Ăn Tết", "Dung dị", "an cư", "Uống nước", "Bài 10",
                  "Bài 2", "mà", "ma", "má", ""):
        add(lib, title)
    assert [s.title for s in lib.list(sort="title")] == [
        "", "an cư", "Ăn Tết", "Bài 2", "Bài 10", "Dung dị", "Đà Lạt", "ma", "mà", "má",
        "Uống nước", "Ưu tiên",
    ]
    assert [s.title for s in lib.list()][:2] == ["", "má"]  # newest first by default
    with pytest.raises(ValueError):
        lib.list(sort="size")


def test_list_by_title_covers_the_trash_too(lib):
    for title in ("Đà Nẵng", "Cà Mau", "Dung Quất"):
        lib.trash(add(lib, title).id)
    assert [s.title for s in lib.list(trashed=True, sort="title")] == [
        "Cà Mau", "Dung Quất", "Đà Nẵng"]


def test_search_pages_and_a_status_filter():
    from deskapp.store import Library

    library = Library.in_memory()
    for n in range(25):
        library.create(Article(title=f"Đường số {n}", status="approved" if n % 5 == 0 else "draft"))
    whole = [h.id for h in library.search("duong", order="updated", limit=100)]
    assert len(whole) == 25
    pages, after = [], None
    while True:
        page = library.search_page("duong", after=after, limit=10)
        pages += [h.id for h in page.rows]
        if page.after is None:
            break
        after = page.after
    assert pages == whole
    approved = library.search("duong", order="updated", status="approved")
    assert len(approved) == 5 and {h.status for h in approved} == {"approved"}
    ranked = library.search("duong", limit=10, offset=20)
    assert [h.id for h in ranked] == [h.id for h in library.search("duong", limit=30)][20:]


def test_a_deferred_index_is_caught_up_before_any_search(library_path):
    library = Library.open(library_path)
    library.defer_index = True
    article = library.create(Article(title="Tin sáng", body="Nội dung cũ."))
    article.body = "Nội dung mới về đường sắt."
    library.save(article)
    pending = library.db.execute("SELECT article_id FROM fts_pending").fetchall()
    assert pending == [(article.id,)]
    library.close()  # as if the window had died before its index timer fired

    reopened = Library.open(library_path)
    try:
        assert [h.id for h in reopened.search("duong sat")] == [article.id]
        assert reopened.search("cu", order="updated") == []
        assert reopened.db.execute("SELECT COUNT(*) FROM fts_pending").fetchone()[0] == 0
        reopened.defer_index = True
        article.body = "Bản thứ ba."
        reopened.save(article)
        assert reopened.index_pending() == 1
        assert [h.id for h in reopened.search_page("ban thu ba").rows] == [article.id]
        article.body = "Bản thứ tư."
        reopened.save(article)
        reopened.trash(article.id)
        reopened.purge(article.id)
        assert reopened.index_pending() == 0
        assert reopened.search("ban", trashed=True) == []
    finally:
        reopened.close()
