"""No laptop holds up the others: pushes of different articles run side by side, a stalled
connection blocks nobody else, and whatever it holds is released within the sign-ins'
limits (short limits set here by the test)."""

from __future__ import annotations

import threading
import time

import psycopg
import pytest
from psycopg import sql
from psycopg.types.json import Jsonb

from deskapp.desk import transition
from deskapp.model import Article
from deskapp.store import Library
from deskapp.sync import SyncError, connect, run_sync
from deskapp.sync.admin import ROLE_SETTINGS
from deskapp.sync.messages import describe
from deskapp.sync.push import _batch_entry, _outgoing
from deskapp.sync.target import connection_error
from pg_cluster import PASSWORD


def _limit(newsroom, person, **settings: str) -> None:
    """Give one sign-in shorter limits (they apply to its next connections)."""
    with newsroom.admin() as conn:
        for key, value in settings.items():
            conn.execute(sql.SQL("ALTER ROLE {} SET {} = {}").format(
                sql.Identifier(person.name), sql.Identifier(key), sql.Literal(value)))


def _write(person, title: str) -> str:
    article = person.library.create(Article(title=title, body="Nội dung."), author=person.name)
    return article.id


def _server_heads(newsroom) -> dict[str, str]:
    with newsroom.admin() as conn:
        return dict(conn.execute("SELECT id, head_id FROM deskapp.articles").fetchall())


def _open_push(person, article_id: str):
    """A connection in the middle of pushing one article: the batch applied, not committed."""
    conn = psycopg.connect(person.target.url, password=PASSWORD)  # not autocommit
    item = _outgoing(person.library, article_id)
    conn.execute("SELECT deskapp.push(%s)", [Jsonb([_batch_entry(item)])])
    return conn


def test_every_signin_gets_the_limits(newsroom, reporter):
    with reporter.connect() as conn:
        shown = {key: conn.execute(sql.SQL("SHOW {}").format(sql.Identifier(key))).fetchone()[0]
                 for key in ("statement_timeout", "lock_timeout",
                             "idle_in_transaction_session_timeout")}
    assert shown == {"statement_timeout": "1min", "lock_timeout": "10s",
                     "idle_in_transaction_session_timeout": "30s"}
    assert ROLE_SETTINGS["statement_timeout"] == "60s"


def test_two_pushes_of_different_articles_run_side_by_side(newsroom, reporter, editor):
    other = newsroom.person("reporter")
    try:
        first = _write(reporter, "Bài của người thứ nhất")
        second = _write(other, "Bài của người thứ hai")
        _limit(newsroom, other, lock_timeout="2s")
        stalled = _open_push(reporter, first)  # holds its article's row, uncommitted
        try:
            # under one newsroom lock this would wait for the first push and, after the
            # lock timeout, fail as interrupted
            report = other.sync()
            assert report.pushed == 1 and not report.refused
            assert second in _server_heads(newsroom)
            assert first not in _server_heads(newsroom)  # the first is still in flight
            stalled.commit()
        finally:
            stalled.close()
        assert {first, second} <= set(_server_heads(newsroom))
        editor.sync()
        assert {a.id for a in editor.library.list()} >= {first, second}
    finally:
        other.library.close()


def test_a_stalled_push_of_the_same_article_ends_within_the_limits(newsroom, reporter, editor):
    article_id = _write(reporter, "Bài đang gửi dở")
    transition(reporter.library, article_id, "submit", user=reporter.name, role="reporter")
    reporter.sync()
    editor.sync()
    # the reporter's laptop drops off the network in the middle of a transaction
    _limit(newsroom, reporter, idle_in_transaction_session_timeout="1500ms")
    _limit(newsroom, editor, lock_timeout="300ms")
    lib = editor.library
    transition(lib, article_id, "take", user=editor.name, role="editor")
    stalled = psycopg.connect(reporter.target.url, password=PASSWORD)
    stalled.execute("SELECT 1 FROM deskapp.articles WHERE id = %s FOR UPDATE", [article_id])
    try:
        with pytest.raises(SyncError) as caught:
            editor.sync()  # the same article: waits at most lock_timeout, says so
        assert caught.value.code == "sync_interrupted"
        time.sleep(2)  # idle_in_transaction_session_timeout ends the stalled session
        with pytest.raises(psycopg.errors.IdleInTransactionSessionTimeout):
            stalled.execute("SELECT 1")
    finally:
        stalled.close()
    report = editor.sync()  # resumes where it stopped
    assert not report.refused
    with newsroom.admin() as conn:
        status = conn.execute("SELECT status FROM deskapp.articles WHERE id = %s",
                              [article_id]).fetchone()[0]
    assert status == "in_review"


def test_pushes_in_parallel_threads_lose_nothing(newsroom, editor):
    people = [newsroom.person("reporter") for _ in range(4)]
    for person in people:
        person.library.close()  # each thread opens its own (one writer per library)
    heads: dict[str, str] = {}
    errors: list[BaseException] = []

    def run(person) -> None:
        library = Library.open(newsroom.tmp / f"{person.name}.sqlite")
        try:
            for i in range(5):
                article = library.create(Article(title=f"Bài {i} của {person.name}",
                                                 body="Nội dung."), author=person.name)
                heads[article.id] = article.revision_id
            run_sync(library, person.target, password=PASSWORD)
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            library.close()

    threads = [threading.Thread(target=run, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    on_server = _server_heads(newsroom)
    assert {k: on_server.get(k) for k in heads} == heads
    assert editor.sync().outcomes["created"] == 20


def test_a_version_5_server_still_serializes_every_push(older_server, pg, tmp_path):
    """The same stall on a server before version 6 blocks everyone (why version 6 exists)."""
    newsroom = older_server(5)
    first, second = newsroom.person("reporter"), newsroom.person("reporter")
    try:
        _write(first, "Bài một")
        _write(second, "Bài hai")
        _limit(newsroom, second, lock_timeout="300ms")
        stalled = psycopg.connect(first.target.url, password=PASSWORD)
        stalled.execute("INSERT INTO deskapp.articles (id, created_at) VALUES ('dang-do', 'x')")
        try:
            with pytest.raises(SyncError) as caught:
                second.sync()
            assert caught.value.code == "sync_interrupted"
        finally:
            stalled.close()
    finally:
        first.library.close()
        second.library.close()


def test_the_client_sets_its_own_limits(reporter):
    conn = connect(reporter.target, PASSWORD)
    try:
        params = conn.info.get_parameters()
        assert params["connect_timeout"] == "5"
        assert (params["keepalives"], params["keepalives_idle"]) == ("1", "20")
        assert params["tcp_user_timeout"] == "60000"
        assert conn.prepare_threshold is None  # no session state: PgBouncer transaction mode
    finally:
        conn.close()


def test_a_full_server_says_so_not_unreachable(newsroom, reporter):
    with newsroom.admin() as conn:  # SQLSTATE 53300, as when every slot is taken
        conn.execute(sql.SQL("ALTER ROLE {} CONNECTION LIMIT 0").format(
            sql.Identifier(reporter.name)))
    with pytest.raises(SyncError) as caught:
        reporter.sync()
    assert caught.value.code == "server_full"
    assert "has as many connections as it allows" in describe(caught.value, "en")
    assert "đang đủ người kết nối" in describe(caught.value, "vi")
    assert "Cannot reach" not in describe(caught.value, "en")


@pytest.mark.parametrize("words", [
    "FATAL:  sorry, too many clients already",
    "FATAL:  remaining connection slots are reserved for roles with the SUPERUSER attribute",
])
def test_every_wording_of_a_full_server_is_recognised(reporter, words):
    error = connection_error(psycopg.OperationalError(f"connection failed: {words}"),
                             reporter.target)
    assert error.code == "server_full"
