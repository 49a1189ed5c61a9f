"""IT scripts the server: passwords from standard input, ``server status``, ``check --repair``."""

from __future__ import annotations

import getpass
import io
import threading
import time
import uuid

import psycopg
import pytest

from deskapp.cli import main
from deskapp.model import Article, new_id, now_iso
from deskapp.store.names import remove_name, set_name
from deskapp.sync import connect
from deskapp.sync.audit import check_articles
from deskapp.sync.server import SERVER_SCHEMA_VERSION
from pg_cluster import PASSWORD


def _no_prompt(prompt=""):
    raise AssertionError("a password was asked for at a terminal")


@pytest.fixture
def it_admin(pg):
    """An administrator who signs in over TCP with a password (not the socket's trust)."""
    name = f"it_{uuid.uuid4().hex[:8]}"
    with pg.admin() as conn:
        conn.execute(f"CREATE ROLE {name} LOGIN SUPERUSER PASSWORD '{PASSWORD}'")
    return name


def test_setup_and_add_user_read_passwords_from_standard_input(pg, it_admin, monkeypatch,
                                                               capsys):
    monkeypatch.setenv("DESKAPP_LANG", "en")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setattr(getpass, "getpass", _no_prompt)
    dbname = pg.new_database()
    admin_url = pg.url(it_admin, dbname)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["server", "setup", admin_url, "--password-stdin"]) == 0
    assert f"{SERVER_SCHEMA_VERSION} migration(s) applied" in capsys.readouterr().out
    name = f"pv_{uuid.uuid4().hex[:8]}"
    monkeypatch.setenv("PGPASSWORD", PASSWORD)  # the administrator's, for add-user
    monkeypatch.setattr("sys.stdin", io.StringIO("mật khẩu của Thu\n"))
    assert main(["server", "add-user", admin_url, name, "--role", "reporter",
                 "--password-stdin"]) == 0
    with psycopg.connect(pg.url(name, dbname), password="mật khẩu của Thu") as conn:
        assert conn.execute("SHOW lock_timeout").fetchone()[0] == "10s"


def test_an_empty_standard_input_changes_nothing(pg, monkeypatch, capsys):
    monkeypatch.setenv("DESKAPP_LANG", "vi")
    monkeypatch.setattr(getpass, "getpass", _no_prompt)
    dbname = pg.new_database()
    admin_url = f"host={pg.root} port={pg.port} user=postgres dbname={dbname}"
    assert main(["server", "setup", admin_url]) == 0
    name = f"pv_{uuid.uuid4().hex[:8]}"
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    capsys.readouterr()
    assert main(["server", "add-user", admin_url, name, "--role", "reporter",
                 "--password-stdin"]) == 1
    assert "dòng đầu của đầu vào chuẩn trống" in capsys.readouterr().err
    with pg.admin() as conn:
        assert conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [name]).fetchone() \
            is None


def _admin_url(newsroom) -> str:
    cluster = newsroom.cluster
    return f"host={cluster.root} port={cluster.port} user=postgres dbname={newsroom.dbname}"


def test_status_shows_version_laptops_last_syncs_and_lock_waits(newsroom, reporter, editor,
                                                                monkeypatch, capsys):
    monkeypatch.setenv("DESKAPP_LANG", "en")
    article = reporter.library.create(Article(title="Bài chờ khóa", body="x"),
                                      author=reporter.name)
    reporter.sync()
    set_name(editor.library, "Hoàng Văn Kỳ", user=editor.name)
    set_name(editor.library, "Đăk Glei", kind="place", user=editor.name)
    remove_name(editor.library, "Đăk Glei", user=editor.name)
    editor.sync()
    holder = connect(reporter.target, PASSWORD)
    holder.autocommit = False
    holder.execute("SELECT 1 FROM deskapp.articles WHERE id = %s FOR UPDATE", [article.id])
    waiter = connect(editor.target, PASSWORD)

    def wait() -> None:
        try:
            waiter.execute("UPDATE deskapp.articles SET head_id = head_id WHERE id = %s",
                           [article.id])
        except psycopg.Error:
            pass

    thread = threading.Thread(target=wait)
    thread.start()
    try:
        time.sleep(0.5)
        capsys.readouterr()
        assert main(["server", "status", _admin_url(newsroom)]) == 0
        out = capsys.readouterr().out
    finally:
        holder.rollback()
        thread.join(10)
        holder.close()
        waiter.close()
    assert f"Deskapp schema version {SERVER_SCHEMA_VERSION}" in out
    assert "Laptops connected now: 2" in out
    assert reporter.name in out and editor.name in out
    assert "Last sync of each sign-in (time, syncs): 2" in out
    assert "Sessions waiting for a lock: 1" in out
    assert f"Name register: 1 name(s) in force, 1 removed; last change:\n  {editor.name}\t" in out
    lines = out.splitlines()
    waits = lines[lines.index("Sessions waiting for a lock: 1") + 1]
    assert waits.strip().startswith(editor.name)


def test_check_repairs_a_missing_head_and_quarantines_what_it_cannot(
        newsroom, reporter, editor, monkeypatch, capsys):
    monkeypatch.setenv("DESKAPP_LANG", "en")
    lib = reporter.library
    kept = lib.create(Article(title="Mất bản mới nhất", body="Bản một."), author=reporter.name)
    lib.save(lib.get(kept.id).with_content(body="Bản hai."), author=reporter.name)
    reporter.sync()
    empty = new_id()
    with newsroom.admin() as conn:  # by hand, as only an administrator could
        conn.execute("SET session_replication_role = replica")
        conn.execute("UPDATE deskapp.articles SET head_id = 'khong-co', seq = "
                     "nextval('deskapp.change_seq'), xid = pg_current_xact_id() WHERE id = %s",
                     [kept.id])
        conn.execute("INSERT INTO deskapp.articles (id, owner, created_at, head_id, title, "
                     "seq, xid) VALUES (%s, %s, %s, 'cung-khong-co', 'Không còn bản nào', "
                     "nextval('deskapp.change_seq'), pg_current_xact_id())",
                     [empty, reporter.name, now_iso()])
        conn.execute("SET session_replication_role = DEFAULT")

    skipped = editor.sync()
    assert {(r.article_id, r.why) for r in skipped.refused} == {
        (kept.id, "damaged_head"), (empty, "damaged_head")}
    from deskapp.sync.messages import refusal_message

    words = refusal_message(next(r for r in skipped.refused if r.article_id == kept.id), "en")
    assert "Mất bản mới nhất" in words and "khong-co" in words  # headline and what is missing

    capsys.readouterr()
    assert main(["server", "check", "--repair", _admin_url(newsroom)]) == 1
    out = capsys.readouterr().out
    assert f"{kept.id}\t“Mất bản mới nhất”: repaired, its head on the server is now " \
           f"{lib.get(kept.id).revision_id}" in out
    assert f"{empty}\t“Không còn bản nào”: could not be repaired and is quarantined" in out
    with newsroom.admin() as conn:
        assert check_articles(conn) == []
        assert conn.execute("SELECT article_id, reason, head_id FROM deskapp.quarantine"
                            ).fetchall() == [(empty, "damaged_head", "cung-khong-co")]
    after = editor.sync()
    assert not after.refused
    assert editor.library.get(kept.id).body == "Bản hai."
    assert main(["server", "check", _admin_url(newsroom)]) == 0
