import sqlite3
import sys
import unicodedata
from pathlib import Path

import pytest

from deskapp.errors import ArticleNotFound, LibraryError, RevisionNotFound
from deskapp.messages import describe
from deskapp.model import Article, RevisionKind, Status
from deskapp.store import Library, default_library_path
from deskapp.store.schema import SCHEMA_VERSION


def test_new_library_uses_wal_and_records_schema_version(library_path):
    lib = Library.open(library_path)
    assert library_path.exists()
    assert lib.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert {"articles", "revisions", "settings"} <= set(lib.db.table_names())
    lib.close()


def test_create_save_reopen_roundtrip(library_path):
    lib = Library.open(library_path)
    article = lib.create(Article(title="Hội nghị", body="Thân bài *một*."), author="An")
    article.body = "Thân bài đã sửa."
    lib.save(article, author="An")
    lib.close()

    again = Library.open(library_path)
    loaded = again.get(article.id)
    assert loaded.title == "Hội nghị"
    assert loaded.body == "Thân bài đã sửa."
    kinds = [r.kind for r in again.revisions(article.id)]
    assert kinds == [RevisionKind.CREATE, RevisionKind.SAVE]
    revs = again.revisions(article.id)
    assert revs[1].parent_id == revs[0].id
    assert loaded.revision_id == revs[1].id


def test_saving_unchanged_content_adds_no_revision():
    lib = Library.in_memory()
    article = lib.create(Article(title="A"))
    lib.save(article)
    lib.save(article)
    assert len(lib.revisions(article.id)) == 1


def test_autosaves_coalesce_but_saves_do_not():
    lib = Library.in_memory()
    article = lib.create(Article(title="A"))
    for text in ("một", "một hai", "một hai ba"):
        article.body = text
        lib.save(article, kind=RevisionKind.AUTOSAVE, author="An")
    revs = lib.revisions(article.id)
    assert [r.kind for r in revs] == ["create", "autosave"]
    assert revs[-1].content["body"] == "một hai ba"
    article.body = "một hai ba bốn"
    lib.save(article, kind=RevisionKind.SAVE, author="An")
    article.body = "năm"
    lib.save(article, kind=RevisionKind.AUTOSAVE, author="An")
    assert [r.kind for r in lib.revisions(article.id)] == ["create", "autosave", "save", "autosave"]


def test_list_is_newest_first_and_trash_restores():
    lib = Library.in_memory()
    first = lib.create(Article(title="Bài một"))
    second = lib.create(Article(title="Bài hai"))
    assert [s.id for s in lib.list()] == [second.id, first.id]
    first.body = "sửa"
    lib.save(first)
    assert [s.id for s in lib.list()] == [first.id, second.id]

    lib.trash(first.id)
    assert [s.id for s in lib.list()] == [second.id]
    assert [s.id for s in lib.list(trashed=True)] == [first.id]
    lib.restore(first.id)
    assert {s.id for s in lib.list()} == {first.id, second.id}
    assert lib.list(trashed=True) == []


def test_purge_only_removes_trashed_articles():
    lib = Library.in_memory()
    kept = lib.create(Article(title="Giữ"))
    lib.purge(kept.id)
    assert lib.get(kept.id).title == "Giữ"
    lib.trash(kept.id)
    lib.purge(kept.id)
    with pytest.raises(ArticleNotFound):
        lib.get(kept.id)
    assert lib.revisions(kept.id) == []


def test_text_is_nfc_on_save_and_on_load(library_path):
    lib = Library.open(library_path)
    decomposed = unicodedata.normalize("NFD", "Chủ đề quy chế dân chủ")
    article = lib.create(Article(title=decomposed, body=decomposed))
    lib.close()
    # Write decomposed text behind the library's back, as an old tool might.
    raw = sqlite3.connect(library_path)
    raw.execute("UPDATE articles SET body = ? WHERE id = ?", (decomposed, article.id))
    raw.commit()
    raw.close()
    loaded = Library.open(library_path).get(article.id)
    assert loaded.title == unicodedata.normalize("NFC", decomposed)
    assert unicodedata.is_normalized("NFC", loaded.body)


def test_find_by_unique_prefix():
    lib = Library.in_memory()
    article = lib.create(Article(title="Tìm"))
    assert lib.find(article.id[:8]).id == article.id
    with pytest.raises(ArticleNotFound):
        lib.find("")
    with pytest.raises(ArticleNotFound):
        lib.find("zzzz")


def test_garbage_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "library.sqlite"
    garbage = b"this is not a database at all\x00\x01" * 100
    path.write_bytes(garbage)
    with pytest.raises(LibraryError) as caught:
        Library.open(path)
    assert caught.value.code == "library_corrupt"
    assert path.read_bytes() == garbage


def test_truncated_database_is_refused(library_path):
    lib = Library.open(library_path)
    for i in range(50):
        lib.create(Article(title=f"Bài {i}", body="chữ " * 200))
    lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lib.close()
    data = library_path.read_bytes()
    library_path.write_bytes(data[: len(data) // 3])
    with pytest.raises(LibraryError) as caught:
        Library.open(library_path)
    assert caught.value.code == "library_corrupt"
    assert library_path.read_bytes() == data[: len(data) // 3]


def test_newer_schema_is_refused(library_path):
    Library.open(library_path).close()
    raw = sqlite3.connect(library_path)
    raw.execute(f"PRAGMA user_version={SCHEMA_VERSION + 5}")
    raw.commit()
    raw.close()
    with pytest.raises(LibraryError) as caught:
        Library.open(library_path)
    assert caught.value.code == "library_too_new"
    assert caught.value.data["found"] == SCHEMA_VERSION + 5


def test_settings_roundtrip():
    lib = Library.in_memory()
    assert lib.get_setting("user_name") is None
    lib.set_setting("user_name", "Thanh Tùng")
    assert lib.get_setting("user_name") == "Thanh Tùng"


def test_default_library_path_honours_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("DESKAPP_LIBRARY", str(tmp_path / "x.sqlite"))
    assert default_library_path() == tmp_path / "x.sqlite"
    monkeypatch.delenv("DESKAPP_LIBRARY")
    assert default_library_path().name == "library.sqlite"
    assert "Deskapp" in str(default_library_path())


def test_a_new_length_target_alone_is_saved_without_a_revision():
    lib = Library.in_memory()
    article = lib.create(Article(title="Tin", body="Một hai ba."))
    article.target_words = 500
    lib.save(article)
    assert lib.get(article.id).target_words == 500
    assert len(lib.revisions(article.id)) == 1


_READ_WITHOUT_WRITER = r"""
import sys
from deskapp.desk import counts_by_status
from deskapp.store import Library
library = Library.open(sys.argv[1], check=False)
article = library.get(library.get_setting("last"))
rows = library.page(limit=2).rows
counts = counts_by_status(library)
print(article.title, len(rows), counts["draft"], "sqlite_utils" in sys.modules)
library.db  # the first write needs it: imported now
print("sqlite_utils" in sys.modules)
"""


def test_opening_and_reading_an_up_to_date_library_leaves_sqlite_utils_unimported(
        library_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    lib = Library.open(library_path)
    first = lib.create(Article(title="Đầu tiên"))
    lib.create(Article(title="Thứ hai"))
    lib.set_setting("last", first.id)
    lib.close()
    src = str(Path(__file__).resolve().parents[2] / "src")
    env = dict(os.environ, PYTHONPATH=src)
    out = subprocess.run([sys.executable, "-c", _READ_WITHOUT_WRITER, str(library_path)],
                         env=env, capture_output=True, text=True, check=True).stdout
    assert out.split("\n")[:2] == ["Đầu tiên 2 2 False", "True"]


def test_recursive_triggers_are_on_as_sqlite_utils_set_them(library_path):
    lib = Library.open(library_path)
    assert lib.conn.execute("PRAGMA recursive_triggers").fetchone()[0] == 1
    lib.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG rule is for Linux")
@pytest.mark.parametrize("xdg", [None, "", "relative/dir", "/srv/data"])
def test_default_library_folder_follows_xdg_like_platformdirs(monkeypatch, xdg):
    from platformdirs import user_data_dir

    monkeypatch.delenv("DESKAPP_LIBRARY", raising=False)
    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    expected = Path(user_data_dir("Deskapp", appauthor=False)) / "library.sqlite"
    assert default_library_path() == expected


# ---- history without the text ----------------------------------------------------------

_TEXT_COLUMNS = {"title", "lead", "body", "byline", "source", "section", "tags"}


def _text_read_recorder(lib):
    """SQLite's authorizer: every statement prepared from now on that reads a revision's text.

    Setting an authorizer makes SQLite prepare cached statements again, so
    statements the library prepared earlier are seen too.
    """
    seen = []

    def authorize(action, table, column, _db, _trigger):
        if action == sqlite3.SQLITE_READ and table == "revisions" and column in _TEXT_COLUMNS:
            seen.append(column)
        return sqlite3.SQLITE_OK

    lib.conn.set_authorizer(authorize)
    return seen


def _history(lib, body="Bản một.", saves=4):
    article = lib.create(Article(title="Tít", body=body), author="an")
    for i in range(saves):
        article = lib.get(article.id).with_content(body=f"{body} Sửa {i}.")
        lib.save(article, author="bình" if i % 2 else "an",
                 kind=RevisionKind.AUTOSAVE if i % 2 else RevisionKind.SAVE)
    return article


def test_saving_reads_no_revision_text(library_path):
    lib = Library.open(library_path)
    article = _history(lib, saves=1)
    seen = _text_read_recorder(lib)
    before = lib.revision_reads
    for i in range(6):  # new revisions, coalesced autosaves, an unchanged save
        article = lib.get(article.id).with_content(body=f"Thân bài {i // 2}.")
        lib.save(article, kind=RevisionKind.AUTOSAVE if i < 4 else RevisionKind.SAVE,
                 author="an")
    lib.save(lib.get(article.id), author="an")
    assert lib.revision_reads == before and seen == []
    assert [r.kind for r in lib.revision_infos(article.id)][-2:] == ["autosave", "save"]
    lib.close()


def test_revision_infos_list_the_history_without_reading_its_text(library_path):
    lib = Library.open(library_path)
    article = _history(lib)
    submitted = lib.get(article.id)
    submitted.status = Status.SUBMITTED
    lib.save(submitted, kind=RevisionKind.STATUS, author="an")
    seen = _text_read_recorder(lib)
    infos = lib.revision_infos(article.id)
    assert seen == [] and lib.revision_reads == 0
    full = lib.revisions(article.id)
    assert lib.revision_reads == len(full) == 6
    assert [(i.id, i.article_id, i.parent_id, i.created_at, i.author, i.kind, i.content_hash,
             i.status) for i in infos] == [
        (r.id, r.article_id, r.parent_id, r.created_at, r.author, r.kind, r.content_hash,
         r.content["status"]) for r in full]
    assert [i.status for i in infos][-2:] == ["draft", "submitted"]
    assert lib.revision_infos("no-such-article") == []
    lib.close()


def test_one_revision_is_loaded_by_id_with_its_hash_checked(library_path):
    lib = Library.open(library_path)
    article = _history(lib, body="Quy chế dân chủ.")
    infos = lib.revision_infos(article.id)
    second = lib.revision(infos[1].id)
    assert lib.revision_reads == 1
    assert second == lib.revisions(article.id)[1]
    assert second.content["body"] == "Quy chế dân chủ. Sửa 0." and not second.damaged
    lib.db.execute("UPDATE revisions SET body = 'chữ bị hỏng' WHERE id = ?", [infos[2].id])
    lib.conn.commit()
    assert lib.revision_infos(article.id) == infos  # the list cannot tell, the text can
    assert lib.revision(infos[2].id).damaged and not lib.revision(infos[3].id).damaged
    with pytest.raises(RevisionNotFound) as raised:
        lib.revision("không-có")
    assert raised.value.code == "revision_not_found"
    assert "không-có" in describe(raised.value, "vi") and "không-có" in describe(raised.value, "en")
    lib.close()
