"""Page plans (editions) through the newsroom server: editors make up pages, everyone receives."""

from __future__ import annotations

import io
from dataclasses import replace

import psycopg
import pytest
from pypdf import PdfReader

from deskapp.makeup.export import library_sources, render_pages
from deskapp.makeup.plan import edition_from_dict
from deskapp.makeup.store import delete_edition, edition_history, find_edition, save_edition
from deskapp.model import Article
from deskapp.sync.messages import sync_message
from deskapp.sync.server import SERVER_SCHEMA_VERSION, setup_server

BODY = ("Sáng nay, cây cầu treo qua suối Đăk Pô Kô được thông xe sau ba tháng thi công. "
        "Người dân hai thôn Kon Rò và Đăk Kan không còn phải lội suối mỗi mùa mưa. ") * 6


def _plan(article_id: str, edition_id: str = "so-245") -> dict:
    return {"id": edition_id, "name": "Báo Tỉnh Nhà số 245", "date": "2026-12-05",
            "pages": [{"number": 1, "preset": "tabloid-a3", "blocks": [
                {"id": "head", "kind": "headline", "article": article_id, "grid": [0, 3, 0, 6]},
                {"id": "lead", "kind": "lead", "article": article_id, "grid": [0, 3, 6, 6]},
                {"id": "body", "kind": "body", "article": article_id, "grid": [0, 3, 12, 40],
                 "order": 0}]}]}


def _page_text(person, edition) -> str:
    data = render_pages(edition, library_sources(person.library, edition), draft=True).data
    return PdfReader(io.BytesIO(data)).pages[0].extract_text()


def _server_editions(newsroom) -> dict[str, tuple]:
    with newsroom.admin() as conn:
        rows = conn.execute("SELECT id, name, removed, changed_by::text, plan->'pages' "
                            "FROM deskapp.editions")
        return {key: tuple(rest) for key, *rest in rows}


def _placed_article(person) -> Article:
    return person.library.create(Article(title="Thông xe cầu treo Đăk Pô Kô",
                                         lead="Hai thôn hết cảnh lội suối.", byline="BT",
                                         body=BODY))


def test_a_second_editor_sees_the_same_plan_and_exports_the_same_page(newsroom, editor):
    other = newsroom.person("editor")
    try:
        article = _placed_article(editor)
        made = save_edition(editor.library, edition_from_dict(_plan(article.id)),
                            author=editor.name)
        report = editor.sync()
        assert report.pushed == 1 and report.editions_pushed == 1 and not report.editions_note
        assert _server_editions(newsroom)["so-245"][:3] == (made.name, False, editor.name)
        report = other.sync()
        assert report.pulled == 1 and report.editions_pulled == 1
        arrived = find_edition(other.library, "so-245")
        assert arrived == made
        text = _page_text(other, arrived)
        assert "Thông xe cầu treo" in text and "Đăk Pô Kô" in text
        assert text == _page_text(editor, made)
        # nothing new: nothing sent or received either way (the own push coming back counts
        # as neither)
        for person in (editor, other, editor):
            report = person.sync()
            assert (report.editions_pulled, report.editions_pushed) == (0, 0)
    finally:
        other.library.close()


def test_a_later_change_wins_and_both_histories_are_kept(newsroom, editor):
    other = newsroom.person("editor")
    try:
        article = _placed_article(editor)
        first = save_edition(editor.library, edition_from_dict(_plan(article.id)),
                             author=editor.name)
        editor.sync()
        other.sync()
        # both change the page before syncing: the editor first, the other editor later
        page = first.page(1)
        narrow = first.with_page(replace(page, blocks=page.blocks[:2]))
        save_edition(editor.library, narrow, author=editor.name)
        renamed = replace(first, name="Báo Tỉnh Nhà số 245 (chiều)")
        save_edition(other.library, renamed, author=other.name)
        assert editor.sync().editions_pushed == 1
        # the other editor's own unsent change is kept against the pulled one, then goes up
        report = other.sync()
        assert report.editions_pushed == 1 and report.editions_pulled == 0
        assert find_edition(other.library, "so-245") == renamed
        report = editor.sync()
        assert report.editions_pulled == 1
        assert find_edition(editor.library, "so-245") == renamed
        assert _server_editions(newsroom)["so-245"][1:3] == (False, other.name)
        # the editor's history keeps their own plans and the winner's
        plans = [r.edition() for r in edition_history(editor.library, "so-245")]
        assert renamed in plans and narrow in plans and first in plans
        # a removal travels as a tombstone
        delete_edition(other.library, "so-245")
        assert other.sync().editions_pushed == 1
        assert editor.sync().editions_pulled == 1
        assert [e for e in editor.library.conn.execute(
            "SELECT id FROM editions WHERE deleted_at IS NULL")] == []
        assert _server_editions(newsroom)["so-245"][1] is True
    finally:
        other.library.close()


def test_a_reporter_receives_plans_and_their_direct_sql_is_refused(newsroom, reporter, editor):
    article = _placed_article(editor)
    made = save_edition(editor.library, edition_from_dict(_plan(article.id)), author=editor.name)
    editor.sync()
    assert reporter.sync().editions_pulled == 1
    assert find_edition(reporter.library, "so-245") == made
    with reporter.connect() as conn:
        assert conn.execute("SELECT id FROM deskapp.editions").fetchall() == [("so-245",)]
        plan = '{"id": "so-246", "name": "x", "date": "", "pages": []}'
        for sql, params in (
                ("INSERT INTO deskapp.editions (id, name, plan, revision_id) "
                 "VALUES ('so-246', 'Số giả', %s::jsonb, 'r1')", [plan]),
                ("UPDATE deskapp.editions SET name = 'Số giả'", []),
                ("UPDATE deskapp.editions SET removed = true", []),
                ("DELETE FROM deskapp.editions", [])):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql, params)
    with editor.connect() as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM deskapp.editions")  # a removal is a tombstone
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # the author is the sign-in
            conn.execute("UPDATE deskapp.editions SET changed_by = 'someone_else'")
        with pytest.raises(psycopg.errors.CheckViolation):  # the plan is the row's edition
            conn.execute("UPDATE deskapp.editions SET plan = '{\"id\": \"khac\"}'::jsonb")
    assert _server_editions(newsroom)["so-245"][:3] == (made.name, False, editor.name)


def test_a_reporters_plans_stay_local_until_the_desks_replace_them(newsroom, reporter, editor):
    article = _placed_article(reporter)
    mine = save_edition(reporter.library, edition_from_dict(_plan(article.id)),
                        author=reporter.name)
    report = reporter.sync()
    assert report.editions_pushed == 0 and not report.editions_note
    assert _server_editions(newsroom) == {}
    assert find_edition(reporter.library, "so-245") == mine  # nothing lost here
    # a reporter claiming the editor role here is refused by the server, keeps the plan
    reporter.library.set_setting("role", "editor")
    report = reporter.sync()
    assert report.editions_note == "editions_refused" and report.editions_pushed == 0
    assert _server_editions(newsroom) == {}
    reporter.library.set_setting("role", "reporter")
    desk = replace(mine, name="Số của tòa soạn")
    save_edition(editor.library, desk, author=editor.name)
    editor.sync()
    assert reporter.sync().editions_pulled == 1
    assert find_edition(reporter.library, "so-245") == desk
    assert mine in [r.edition() for r in edition_history(reporter.library, "so-245")]


def test_an_older_server_gives_a_note_then_carries_plans_once_upgraded(older_server, newsroom):
    old = older_server(7)
    writer = old.person("editor")
    reader = old.person("editor")
    try:
        article = _placed_article(writer)
        made = save_edition(writer.library, edition_from_dict(_plan(article.id)),
                            author=writer.name)
        report = writer.sync()
        assert report.pushed == 1 and report.editions_note == "editions_server_old"
        assert not report.names_note
        assert reader.sync().editions_note == "editions_server_old"
        assert reader.library.conn.execute("SELECT count(*) FROM editions").fetchone() == (0,)
        assert "deskapp server setup" in sync_message("editions_server_old", "vi")
        with old.admin() as conn:
            assert setup_server(conn, old.dbname) == SERVER_SCHEMA_VERSION - 7
        assert writer.sync().editions_pushed == 1
        report = reader.sync()  # a position from version 7 takes in the plans
        assert report.editions_pulled == 1 and not report.editions_note
        assert find_edition(reader.library, "so-245") == made
    finally:
        writer.library.close()
        reader.library.close()


def test_the_command_line_says_what_travelled_and_server_status_counts_editions(
        newsroom, editor, tmp_path, capsys, monkeypatch):
    from deskapp.cli import main
    from deskapp.store import Library
    from pg_cluster import PASSWORD

    monkeypatch.setenv("DESKAPP_LANG", "vi")
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    article = _placed_article(editor)
    save_edition(editor.library, edition_from_dict(_plan(article.id)), author=editor.name)
    editor.sync()
    path = tmp_path / "pv.sqlite"
    library = Library.open(path)
    person = newsroom.person("reporter", library=library)
    library.set_setting("role", "reporter")
    library.close()
    capsys.readouterr()
    assert main(["--library", str(path), "sync", "--url", person.target.url]) == 0
    captured = capsys.readouterr()
    assert "Trang báo: gửi 0 số báo, nhận 1 số báo." in captured.out and not captured.err
    cluster = newsroom.cluster
    admin_url = f"host={cluster.root} port={cluster.port} user=postgres dbname={newsroom.dbname}"
    assert main(["server", "status", admin_url]) == 0
    out = capsys.readouterr().out
    assert "Trang báo: 1 số báo, 0 số đã bỏ; lần sửa gần nhất:" in out
    assert f"  {editor.name}\t" in out


def test_a_plan_written_by_hand_on_the_server_is_skipped_and_counted(newsroom, reporter, editor):
    article = _placed_article(editor)
    made = save_edition(editor.library, edition_from_dict(_plan(article.id)), author=editor.name)
    editor.sync()
    with newsroom.admin() as conn:  # a kind of block no plan has: not a plan Deskapp reads
        conn.execute("INSERT INTO deskapp.editions (id, name, plan, revision_id) VALUES "
                     "('hong', 'Số hỏng', %s::jsonb, 'r-hong')",
                     ['{"id": "hong", "name": "Số hỏng", "pages": [{"number": 1, '
                      '"preset": "tabloid-a3", "blocks": [{"id": "x", "kind": "banner", '
                      '"grid": [0, 99, 0, 5]}]}]}'])
    report = reporter.sync()
    assert report.editions_skipped == 1 and report.editions_pulled == 1
    assert find_edition(reporter.library, "so-245") == made
    assert reporter.library.conn.execute(
        "SELECT count(*) FROM editions WHERE id = 'hong'").fetchone() == (0,)
