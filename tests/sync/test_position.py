"""The pull position (server schema 6): a snapshot, not a number, so commit order does not
matter, an idle reader moves past changes it cannot see, and a long pull pages through a
fixed window."""

from __future__ import annotations

import json

import psycopg
import pytest
from psycopg.types.json import Jsonb

from deskapp.model import Article
from deskapp.sync import pull as pull_module
from deskapp.sync.push import _batch_entry, _outgoing
from pg_cluster import PASSWORD


def _write(person, title: str) -> str:
    return person.library.create(Article(title=title, body="Nội dung."),
                                 author=person.name).id


def _position(person) -> dict:
    return json.loads(person.library.get_setting("sync_cursor"))


def test_a_change_committed_after_a_later_one_still_arrives(newsroom, reporter, editor):
    late = _write(reporter, "Gửi trước, xong sau")
    slow = psycopg.connect(reporter.target.url, password=PASSWORD)  # not autocommit
    try:
        slow.execute("SELECT deskapp.push(%s)",
                     [Jsonb([_batch_entry(_outgoing(reporter.library, late))])])
        other = newsroom.person("reporter")
        try:
            early = _write(other, "Gửi sau, xong trước")
            other.sync()  # its change number is higher, and it commits first
        finally:
            other.library.close()
        first = editor.sync()
        assert first.outcomes["created"] == 1
        assert editor.library.get(early).title == "Gửi sau, xong trước"
        slow.commit()  # the lower number commits after the reader moved on
    finally:
        slow.close()
    second = editor.sync()
    assert second.outcomes["created"] == 1
    assert editor.library.get(late).title == "Gửi trước, xong sau"


def test_an_idle_reporters_position_moves_past_what_it_cannot_see(newsroom, reporter):
    reporter.sync()
    before = _position(reporter)
    colleague = newsroom.person("reporter")
    try:
        ids = [_write(colleague, f"Bài {i} của đồng nghiệp") for i in range(3)]
        colleague.sync()
    finally:
        colleague.library.close()
    report = reporter.sync()
    assert report.pulled == 0
    after = _position(reporter)
    assert after["lo"] != before["lo"] and after["hi"] is None
    with newsroom.admin() as conn:
        # every one of the colleague's changes is below where the next window starts,
        # so the next sync's index range does not reach them
        below = conn.execute(
            "SELECT bool_and(xid < pg_snapshot_xmin(%s::pg_snapshot)) FROM deskapp.articles "
            "WHERE id = ANY(%s)", [after["lo"], ids]).fetchone()[0]
    assert below is True
    assert reporter.sync().pulled == 0


class Cut(Exception):
    pass


def test_a_paged_pull_cut_between_pages_resumes_in_the_same_window(
        newsroom, reporter, editor, monkeypatch):
    monkeypatch.setattr(pull_module, "PULL_BATCH", 2)
    ids = [_write(reporter, f"Bài số {i}") for i in range(5)]
    reporter.sync()
    pages = []

    def cut(stage: str) -> None:
        if stage == "pull:applied":
            pages.append(stage)
            raise Cut

    with pytest.raises(Cut):
        editor.sync(checkpoint=cut)
    half = _position(editor)
    assert half["hi"] is not None and half["after"] > 0
    assert len(editor.library.list()) >= 2
    # meanwhile: one article already pulled and one not yet pulled change again
    lib = reporter.library
    for aid in (ids[0], ids[4]):
        lib.save(lib.get(aid).with_content(body="Sửa thêm."), author=reporter.name)
    reporter.sync()
    editor.sync()
    assert _position(editor)["hi"] is None
    for aid in ids:
        assert editor.library.get(aid).revision_id == reporter.library.get(aid).revision_id
    assert editor.library.get(ids[0]).body == "Sửa thêm."
    assert editor.library.get(ids[4]).body == "Sửa thêm."


def test_a_library_with_a_number_position_carries_on_after_the_upgrade(
        older_server, tmp_path):
    from deskapp.sync.server import setup_server

    newsroom = older_server(5)
    reporter, editor = newsroom.person("reporter"), newsroom.person("editor")
    try:
        first = _write(reporter, "Trước khi nâng cấp")
        reporter.sync()
        editor.sync()
        assert editor.library.get_setting("sync_cursor").isdigit()
        with newsroom.admin() as conn:
            setup_server(conn, newsroom.dbname)
        second = _write(reporter, "Sau khi nâng cấp")
        reporter.sync()
        report = editor.sync()
        assert report.outcomes["created"] == 1  # only the new one: the old number still counts
        assert {a.id for a in editor.library.list()} >= {first, second}
        assert _position(editor)["lo"]
    finally:
        reporter.library.close()
        editor.library.close()
