"""The newsroom's name register through the server: editors change it, reporters receive it."""

from __future__ import annotations

import psycopg
import pytest

import deskapp.sync.pull as pull_module
from deskapp.model import Article
from deskapp.proof import check
from deskapp.proof.house import library_house_style
from deskapp.store.names import entries, remove_name, set_name
from deskapp.sync.messages import sync_message
from deskapp.sync.server import SERVER_SCHEMA_VERSION, setup_server


def _names(person, removed: bool = False) -> list[str]:
    return [e.name for e in entries(person.library, removed=removed)]


def _register_fixes(person, body: str) -> set[str]:
    draft = person.library.create(Article(title="Tít", lead="Sapo.", byline="PV", body=body))
    return {f.fix for f in check(draft, house=library_house_style(person.library))
            if f.rule == "name_register"}


def _server_names(newsroom) -> dict[str, tuple]:
    with newsroom.admin() as conn:
        rows = conn.execute("SELECT key, name, removed, changed_by::text FROM deskapp.names")
        return {key: tuple(rest) for key, *rest in rows}


def test_the_editors_register_reaches_the_reporter_and_proofing_there(reporter, editor):
    set_name(editor.library, "Hoàng Văn Kỳ", user=editor.name)
    set_name(editor.library, "Đắk Glei", kind="place", user=editor.name)
    assert editor.sync().names_pushed == 2
    body = "Ông Hoàng Văn Kì về huyện Đăk Glei."
    assert _register_fixes(reporter, body) == set()  # nothing registered here yet
    report = reporter.sync()
    assert report.names_pulled == 2 and not report.names_note
    assert _names(reporter) == ["Đắk Glei", "Hoàng Văn Kỳ"]
    assert entries(reporter.library)[1].updated_by == editor.name
    assert _register_fixes(reporter, body) == {"Hoàng Văn Kỳ", "Đắk Glei"}
    # the reporter's article goes up as usual beside it
    assert report.pushed >= 1
    # nothing new: nothing received, and the editor's own names do not count as received
    assert reporter.sync().names_pulled == 0
    assert editor.sync().names_pulled == 0 and editor.sync().names_pushed == 0


def test_a_removal_travels_as_a_tombstone(newsroom, reporter, editor):
    set_name(editor.library, "Hoàng Văn Kỳ", user=editor.name)
    set_name(editor.library, "Đắk Glei", kind="place", user=editor.name)
    editor.sync()
    reporter.sync()
    assert remove_name(editor.library, "Đắk Glei", user=editor.name)
    assert editor.sync().names_pushed == 1
    key = entries(editor.library, removed=True)[0].key
    assert _server_names(newsroom)[key][1] is True  # kept on the server, marked removed
    assert reporter.sync().names_pulled == 1
    assert _names(reporter) == ["Hoàng Văn Kỳ"]
    assert "Đắk Glei" in _names(reporter, removed=True)
    assert _register_fixes(reporter, "Ông Hoàng Văn Kì về huyện Đăk Glei.") == {"Hoàng Văn Kỳ"}


def test_a_reporters_direct_sql_is_refused(newsroom, reporter, editor):
    set_name(editor.library, "Hoàng Văn Kỳ", user=editor.name)
    editor.sync()
    with reporter.connect() as conn:
        assert conn.execute("SELECT name FROM deskapp.names").fetchall() == [("Hoàng Văn Kỳ",)]
        for sql in ("INSERT INTO deskapp.names (key, name, kind) "
                    "VALUES ('hoang van ky', 'Hoàng Văn Kì', 'person')",
                    "UPDATE deskapp.names SET name = 'Hoàng Văn Kì'",
                    "UPDATE deskapp.names SET removed = true",
                    "DELETE FROM deskapp.names"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
    with editor.connect() as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM deskapp.names")  # a removal is a tombstone, never a delete
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # the author is the sign-in
            conn.execute("UPDATE deskapp.names SET changed_by = 'someone_else'")
        conn.execute("UPDATE deskapp.names SET note = 'Chủ tịch xã'")
    assert list(_server_names(newsroom).values()) == [("Hoàng Văn Kỳ", False, editor.name)]


def test_a_reporters_register_stays_local_and_the_desks_replaces_it(newsroom, reporter, editor):
    # (the window and `deskapp names` refuse reporters; a package or an older version may
    # still have left entries here)
    set_name(reporter.library, "Hoàng Văn Kì", user=reporter.name)
    set_name(reporter.library, "Đăk Glei", kind="place", user=reporter.name)
    assert reporter.sync().names_pushed == 0
    assert _server_names(newsroom) == {}
    set_name(editor.library, "Hoàng Văn Kỳ", user=editor.name)
    editor.sync()
    reporter.sync()
    assert _names(reporter) == ["Đăk Glei", "Hoàng Văn Kỳ"]


def test_a_reporter_claiming_the_editor_role_here_is_refused_by_the_server(newsroom, reporter):
    reporter.library.set_setting("role", "editor")
    set_name(reporter.library, "Hoàng Văn Kì", user=reporter.name)
    report = reporter.sync()
    assert report.names_note == "names_refused" and report.names_pushed == 0
    assert _server_names(newsroom) == {}
    assert _names(reporter) == ["Hoàng Văn Kì"]  # nothing lost here
    assert "chỉ biên tập viên" in sync_message("names_refused", "vi")


def test_two_editors_the_later_write_on_the_server_wins(newsroom, editor):
    other = newsroom.person("editor")
    try:
        set_name(editor.library, "Hoàng Văn Kỳ", note="Chủ tịch xã", user=editor.name)
        set_name(other.library, "Hoàng Văn Kì", note="Bí thư", user=other.name)
        editor.sync()
        # the other editor's pull brings the first spelling while their own change waits
        # to go up: theirs is kept, sent, and wins as the later write
        assert other.sync().names_pushed == 1
        assert _names(other) == ["Hoàng Văn Kì"]
        assert list(_server_names(newsroom).values()) == [("Hoàng Văn Kì", False, other.name)]
        report = editor.sync()  # the loser receives the winner's spelling
        assert report.names_pulled == 1 and report.names_pushed == 0
        assert [(e.name, e.note) for e in entries(editor.library)] == [("Hoàng Văn Kì", "Bí thư")]
        # and the next change, whoever makes it, is again the later one
        set_name(editor.library, "Hoàng Văn Kỳ", note="Bí thư", user=editor.name)
        editor.sync()
        other.sync()
        assert _names(other) == ["Hoàng Văn Kỳ"]
    finally:
        other.library.close()


def test_the_register_comes_once_with_a_window_fetched_in_batches(
        monkeypatch, newsroom, reporter, editor):
    other = newsroom.person("editor")
    try:
        for n in range(3):
            reporter.library.create(Article(title=f"Tin {n}", lead="Sapo.", byline="PV",
                                            body="Tin."))
        reporter.sync()
        set_name(other.library, "Hoàng Văn Kỳ", user=other.name)
        other.sync()
        monkeypatch.setattr(pull_module, "PULL_BATCH", 1)
        asked: list[str | None] = []
        real = pull_module.ask_names

        def counting(conn, lo):
            asked.append(lo)
            return real(conn, lo)

        monkeypatch.setattr(pull_module, "ask_names", counting)
        applied: list[str] = []
        report = editor.sync(checkpoint=lambda stage: applied.append(stage))
        assert applied.count("pull:applied") >= 3  # the window came in batches of one
        assert len(asked) == 2  # its first batch, and the fresh window closing the pull
        assert report.names_pulled == 1 and _names(editor) == ["Hoàng Văn Kỳ"]
    finally:
        other.library.close()


def test_an_older_server_syncs_without_the_register_then_carries_it_once_upgraded(
        older_server, newsroom, reporter, editor):
    old = older_server(6)
    writer = old.person("editor")
    reader = old.person("reporter")
    try:
        set_name(writer.library, "Hoàng Văn Kỳ", user=writer.name)
        writer.library.create(Article(title="Tít", lead="Sapo.", byline="BT", body="Bài."))
        report = writer.sync()
        assert report.pushed == 1 and report.names_note == "names_server_old"
        assert reader.sync().names_note == "names_server_old"
        assert _names(reader) == []
        assert "deskapp server setup" in sync_message("names_server_old", "vi")
        with old.admin() as conn:
            assert setup_server(conn, old.dbname) == SERVER_SCHEMA_VERSION - 6
        assert writer.sync().names_pushed == 1
        report = reader.sync()  # a position from version 6 takes in the register
        assert report.names_pulled == 1 and not report.names_note
        assert _names(reader) == ["Hoàng Văn Kỳ"]
    finally:
        writer.library.close()
        reader.library.close()


def test_an_entry_both_editors_already_had_is_not_sent_again(newsroom, editor):
    other = newsroom.person("editor")
    try:
        # the same register reached both desks before the server carried it (a package)
        for person in (editor, other):
            set_name(person.library, "Hoàng Văn Kỳ", note="Chủ tịch xã", user=person.name)
        assert editor.sync().names_pushed == 1
        report = other.sync()
        assert report.names_pushed == 0 and report.names_pulled == 0
        assert list(_server_names(newsroom).values()) == [("Hoàng Văn Kỳ", False, editor.name)]
    finally:
        other.library.close()
