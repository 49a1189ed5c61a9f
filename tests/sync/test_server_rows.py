"""The server checks every row it stores; a bad row costs only its own article."""

from __future__ import annotations

import hashlib
import json

import psycopg
import pytest

from deskapp import cli
from deskapp.model import Article, new_id, now_iso
from deskapp.sync import server
from deskapp.sync.audit import check_articles
from deskapp.sync.messages import refusal_message
from deskapp.sync.server import setup_server

_INSERT = ("INSERT INTO deskapp.revisions (id, article_id, parent_id, created_at, author, "
           "kind, content_hash, title, lead, body, byline, source, section, tags, status) "
           "VALUES (%s, %s, NULL, %s, %s, 'create', %s, %s, '', %s, '', '', '', %s, %s)")


def _row(article_id: str, title: str, *, tags: str | None = None, hash_: str | None = None,
         status: str = "draft", body: str = "Thân bài.") -> list[object]:
    content = {"title": title, "lead": "", "body": body, "byline": "", "source": "",
               "section": "", "tags": [], "status": status}
    digest = hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True)
                            .encode()).hexdigest()  # as the library hashes, any status
    return [new_id(), article_id, now_iso(), "Nguyễn Lan", hash_ or digest,
            title, body, tags if tags is not None else "[]", status]


def _bad_article(conn, title: str, **bad: object) -> str:
    """A reporter's draft written by hand: its article row, one revision, the head moved."""
    article_id = new_id()
    conn.execute("INSERT INTO deskapp.articles (id, created_at) VALUES (%s, %s)",
                 [article_id, now_iso()])
    row = _row(article_id, title, **bad)
    conn.execute(_INSERT, row)
    conn.execute("UPDATE deskapp.articles SET head_id = %s WHERE id = %s", [row[0], article_id])
    return article_id


@pytest.mark.parametrize("bad, constraint", [
    ({"tags": "không phải json"}, None),
    ({"tags": '{"a": 1}'}, "revisions_tags"),
    ({"tags": "[1, 2]"}, "revisions_tags revisions_hash"),  # either check may fire first
    ({"hash_": "0" * 64}, "revisions_hash"),
    ({"status": "published"}, "revisions_status"),
    ({"body": "cho\u0302\u0301"}, "revisions_text"),  # not NFC
])
def test_the_server_refuses_a_malformed_row_even_from_its_owner(newsroom, reporter, bad,
                                                                 constraint):
    with reporter.connect() as conn:
        article_id = new_id()
        conn.execute("INSERT INTO deskapp.articles (id, created_at) VALUES (%s, %s)",
                     [article_id, now_iso()])
    with reporter.connect() as conn, pytest.raises(psycopg.errors.DatabaseError):
        conn.execute(_INSERT, _row(article_id, "Bài hỏng", **bad))
    # the administrator owns the tables and passes every trigger: the constraint still holds
    with newsroom.admin() as conn, pytest.raises((psycopg.errors.CheckViolation,
                                                  psycopg.errors.InvalidTextRepresentation)) as e:
        conn.execute(_INSERT, _row(article_id, "Bài hỏng", **bad))
    assert e.value.diag.constraint_name in (constraint or "").split() or (
        constraint is None and e.value.diag.constraint_name is None)
    with newsroom.admin() as conn:
        assert conn.execute("SELECT count(*) FROM deskapp.revisions").fetchone()[0] == 0


def test_a_good_row_passes_every_check(newsroom, reporter):
    """The server's content hash is the library's, for text that needs JSON escapes."""
    with reporter.connect() as conn:
        article_id = new_id()
        conn.execute("INSERT INTO deskapp.articles (id, created_at) VALUES (%s, %s)",
                     [article_id, now_iso()])
        body = 'Dòng "một"\n\tDòng hai \\ \x01 — “ba”'
        article = Article(id=article_id, title="Tít", body=body, tags=["Thời sự", 'a"b'])
        conn.execute(_INSERT, [new_id(), article_id, now_iso(), "PV", article.content_hash(),
                               "Tít", body, json.dumps(article.tags, ensure_ascii=False),
                               "draft"])


@pytest.fixture
def damaged_server(older_server):
    """A server at schema 3 (no signatures, no row checks) where a reporter wrote three bad
    drafts by hand, then migrated through schemas 4 and 5; and one good article of another
    reporter."""
    newsroom = older_server(3)
    careless, careful = newsroom.person("reporter"), newsroom.person("reporter")
    good = careful.library.create(Article(title="Bài tốt", body="Nước lên."),
                                  author=careful.name)
    careful.sync()
    with careless.connect() as conn:
        ids = {
            "damaged_tags": _bad_article(conn, "Thẻ hỏng", tags="không phải json"),
            "damaged_hash": _bad_article(conn, "Mã băm sai", hash_="0" * 64),
            "damaged_head": _bad_article(conn, "Mất bản mới nhất"),
        }
    with newsroom.admin() as conn:  # a head that is not there (only by hand, as the owner)
        conn.execute("SET session_replication_role = replica")
        conn.execute("UPDATE deskapp.articles SET head_id = 'khong-co' WHERE id = %s",
                     [ids["damaged_head"]])
        conn.execute("SET session_replication_role = DEFAULT")
        assert setup_server(conn, newsroom.dbname) == server.SERVER_SCHEMA_VERSION - 3
        kept = conn.execute("SELECT original FROM deskapp.damaged_rows WHERE article_id = %s",
                            [ids["damaged_tags"]]).fetchall()
    assert kept == [("không phải json",)]  # the migration keeps what it could not type
    yield newsroom, ids, good.id
    careless.library.close()
    careful.library.close()


def test_one_bad_article_never_blocks_the_others(damaged_server):
    newsroom, _ids, good_id = damaged_server
    editor = newsroom.person("editor")
    first = editor.sync()
    assert len(first.refused) == 3
    assert good_id in {a.id for a in editor.library.list()}
    again = editor.sync()  # the retry neither fails nor repeats the skips
    assert not again.refused
    # the careful reporter's next change still arrives
    editor.library.close()


def test_each_bad_article_is_skipped_with_its_reason(damaged_server):
    newsroom, ids, good_id = damaged_server
    editor = newsroom.person("editor")
    report = editor.sync()
    assert {(r.article_id, r.why) for r in report.refused} == {
        (aid, why) for why, aid in ids.items()}
    assert all(r.pulled for r in report.refused)
    assert report.outcomes["created"] == 1
    assert {a.id for a in editor.library.list()} >= {good_id}
    assert not {a.id for a in editor.library.list()} & set(ids.values())
    for refusal in report.refused:
        for lang in ("vi", "en"):
            text = refusal_message(refusal, lang)
            assert refusal.article_id in text and refusal.title in text
            assert "Error" not in text and "StopIteration" not in text
    editor.library.close()


def _admin_url(newsroom) -> str:
    cluster = newsroom.cluster
    return f"host={cluster.root} port={cluster.port} user=postgres dbname={newsroom.dbname}"


def test_server_check_names_the_bad_articles(damaged_server, capsys):
    newsroom, ids, good_id = damaged_server
    with newsroom.admin() as conn:
        found = {a.article_id: a.problems for a in check_articles(conn)}
    assert found == {aid: (why,) for why, aid in ids.items()}
    assert cli.main(["server", "check", _admin_url(newsroom)]) == 1
    out = capsys.readouterr()
    for aid in ids.values():
        assert aid in out.out
    assert good_id not in out.out
    assert "3" in out.err


def test_server_check_on_a_clean_server(newsroom, reporter, capsys):
    reporter.library.create(Article(title="Bài tốt", body="x"), author=reporter.name)
    reporter.sync()
    with newsroom.admin() as conn:
        assert check_articles(conn) == []
    assert cli.main(["server", "check", _admin_url(newsroom)]) == 0


def test_a_bad_row_with_the_check_dropped_is_still_skipped(newsroom, reporter, editor):
    """The client does not rely on the server: a constraint dropped by hand changes nothing."""
    with newsroom.admin() as conn:
        conn.execute("ALTER TABLE deskapp.revisions DROP CONSTRAINT revisions_hash")
    good = reporter.library.create(Article(title="Bài tốt", body="x"), author=reporter.name)
    reporter.sync()
    with reporter.connect() as conn:
        bad = _bad_article(conn, "Mã băm sai", hash_="1" * 64)
    report = editor.sync()
    assert [(r.article_id, r.why) for r in report.refused] == [(bad, "damaged_hash")]
    assert good.id in {a.id for a in editor.library.list()}


def test_status_events_signature_columns_are_held_to_their_size(newsroom, reporter):
    """Schema 4's key_id and signature are checked as rows too, by schema 5."""
    article = reporter.library.create(Article(title="Tít", body="Thân bài."),
                                      author=reporter.name)
    assert not reporter.sync().refused
    head = reporter.library.get(article.id).revision_id
    insert = ("INSERT INTO deskapp.status_events (id, article_id, revision_id, at, \"user\", "
              "role, action, from_status, to_status, key_id, signature) VALUES "
              "(%s, %s, %s, %s, %s, 'reporter', 'submit', 'draft', 'submitted', %s, %s)")
    with newsroom.admin() as conn:
        conn.execute(insert, [new_id(), article.id, head, now_iso(), reporter.name,
                              "k" * 32, "s" * 88])  # a signature's size passes
        for key_id, signature in (("k" * 101, ""), ("", "s" * 201)):
            with pytest.raises(psycopg.errors.CheckViolation) as caught:
                conn.execute(insert, [new_id(), article.id, head, now_iso(), reporter.name,
                                      key_id, signature])
            assert caught.value.diag.constraint_name == "status_events_valid"


def test_an_article_past_the_limits_is_skipped_and_named(newsroom, reporter, editor):
    """What arrives by sync is held to the limits a package is (it must render and print)."""
    good = reporter.library.create(Article(title="Bài tốt", body="x"), author=reporter.name)
    reporter.sync()
    nested = "\n".join("  " * depth + "- mục" for depth in range(40))  # lists 40 deep
    with reporter.connect() as conn:
        deep = _bad_article(conn, "Lồng quá sâu", body=nested)
    report = editor.sync()
    assert [(r.article_id, r.why) for r in report.refused] == [(deep, "over_limits")]
    assert good.id in {a.id for a in editor.library.list()}
    assert "limits" in refusal_message(report.refused[0], "en")
