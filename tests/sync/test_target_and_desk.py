"""The server address in the settings, the password in the keyring; the desk view and locks."""

from __future__ import annotations

import json
import sys

import keyring
import pytest
from keyring.backends import fail

from deskapp.desk import transition
from deskapp.model import Article
from deskapp.store import Library
from deskapp.sync import LockHeld, SyncError, SyncTarget, load_target, run_sync, save_target
from deskapp.sync.desk import desk_articles, lock_of, release_lock, reporters, sections, take_lock
from deskapp.sync.target import keyring_available, stored_password
from newsroom_fixtures import MemoryKeyring
from pg_cluster import PASSWORD


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


def test_the_password_goes_to_the_keyring_not_the_library(tmp_path, memory_keyring):
    path = tmp_path / "lib.sqlite"
    library = Library.open(path)
    target, kept = save_target(library, "postgresql://pv_lan:bí-mật-123@toasoan.local:5433/tin")
    assert kept
    assert target.url == "postgresql://pv_lan@toasoan.local:5433/tin"
    assert load_target(library) == target
    assert stored_password(target) == "bí-mật-123"
    library.close()
    assert "bí-mật-123".encode() not in path.read_bytes()
    assert b"toasoan.local" in path.read_bytes()


def test_without_a_keyring_the_password_is_never_written(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no secret-tool to fall back on
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert not keyring_available()
        library = Library.open(tmp_path / "lib.sqlite")
        target, kept = save_target(library, "host=toasoan.local user=bt_ha password=xyz789")
        assert not kept
        assert "xyz789" not in target.url and "toasoan.local" in target.url
        library.close()
        assert b"xyz789" not in (tmp_path / "lib.sqlite").read_bytes()
    finally:
        keyring.set_keyring(previous)


def test_a_bad_address_is_explained():
    with pytest.raises(SyncError) as caught:
        SyncTarget.parse("host=a port")
    assert caught.value.code == "sync_bad_url"


def test_sync_uses_the_keyring_password(reporter, memory_keyring):
    save_target(reporter.library, reporter.target.url, password=PASSWORD)
    reporter.library.create(Article(title="Tin nhanh"), author=reporter.name)
    report = run_sync(reporter.library)
    assert report.pushed == 1


def _submit(person, title, section):
    article = person.library.create(Article(title=title, body="…", section=section),
                                    author=person.name)
    transition(person.library, article.id, "submit", user=person.name, role="reporter")
    person.sync()
    return article.id


def test_the_desk_lists_everything_submitted_with_filters(newsroom, reporter, editor):
    other = newsroom.person("reporter")
    try:
        a = _submit(reporter, "Lũ ở Sa Thầy", "Thời sự")
        b = _submit(other, "Giải bóng đá", "Thể thao")
        reporter.library.create(Article(title="Nháp chưa gửi"), author=reporter.name)
        reporter.sync()
        with editor.connect() as conn:
            assert [r.article_id for r in desk_articles(conn)] == [a, b]
            assert [r.article_id for r in desk_articles(conn, section="Thể thao")] == [b]
            assert [r.article_id for r in desk_articles(conn, reporter=reporter.name)] == [a]
            assert sections(conn) == ["Thể thao", "Thời sự"]
            assert set(reporters(conn)) == {reporter.name, other.name}
        with reporter.connect() as conn:  # a reporter's desk holds only their own
            assert [r.article_id for r in desk_articles(conn)] == [a]
    finally:
        other.library.close()


def test_soft_lock_warns_and_can_be_taken_over(newsroom, reporter, editor):
    article_id = _submit(reporter, "Lũ ở Sa Thầy", "Thời sự")
    second = newsroom.person("editor")
    try:
        with editor.connect() as mine, second.connect() as theirs:
            assert take_lock(mine, article_id, host="may-1") is None
            assert take_lock(mine, article_id) is None  # one's own lock again: fine
            with pytest.raises(LockHeld) as caught:
                take_lock(theirs, article_id)
            assert editor.name in str(caught.value)
            shown = desk_articles(theirs)[0]
            assert shown.locked_by == editor.name and shown.locked_since is not None
            previous = take_lock(theirs, article_id, take_over=True)
            assert previous is not None and previous.holder == editor.name
            assert lock_of(mine, article_id).holder == second.name
            release_lock(mine, article_id)  # not mine any more: stays
            assert lock_of(theirs, article_id).holder == second.name
            release_lock(theirs, article_id)
            assert lock_of(mine, article_id) is None
    finally:
        second.library.close()


def test_a_missing_postgresql_client_library_is_explained(monkeypatch):
    # The Linux bundle drives the system's libpq; without it psycopg cannot load.
    from deskapp.sync.messages import describe
    from deskapp.sync.target import connect

    target, _password = SyncTarget.parse("postgresql://an@127.0.0.1:1/newsroom")
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg → ImportError
    with pytest.raises(SyncError) as caught:
        connect(target, password="x")
    assert caught.value.code == "sync_driver_missing"
    with pytest.raises(SyncError) as caught:
        SyncTarget.parse("postgresql://an@127.0.0.1:1/newsroom")
    assert caught.value.code == "sync_driver_missing"
    assert "libpq5" in describe(caught.value, "vi")
    assert "libpq" in describe(caught.value, "en")


FAKE_SECRET_TOOL = """#!{python}
# Stands in for libsecret's secret-tool: items in a JSON file keyed by their attributes.
import json, sys
from pathlib import Path
store = Path({store!r})
items = json.loads(store.read_text()) if store.exists() else {{}}
args = sys.argv[1:]
command = args[0]
rest = [a for a in args[1:] if not a.startswith("--label=")]
key = " ".join(rest)
if command == "store":
    items[key] = sys.stdin.read()
elif command == "lookup":
    if key not in items:
        sys.exit(1)
    sys.stdout.write(items[key])
elif command == "clear":
    items.pop(key, None)
store.write_text(json.dumps(items))
"""


def test_secret_tool_keeps_the_password_where_no_keyring_module_backend_exists(
        tmp_path, monkeypatch):
    # The Linux bundle has no SecretStorage: the password goes through secret-tool.
    tool = tmp_path / "bin" / "secret-tool"
    tool.parent.mkdir()
    tool.write_text(FAKE_SECRET_TOOL.format(python=sys.executable,
                                            store=str(tmp_path / "secrets.json")))
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", str(tool.parent))
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus")
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        library = Library.open(tmp_path / "lib.sqlite")
        target, kept = save_target(library, "postgresql://pv_lan:mật-khẩu-9@toasoan.local/tin")
        assert kept
        assert stored_password(target) == "mật-khẩu-9"
        kept_items = json.loads((tmp_path / "secrets.json").read_text(encoding="utf-8"))
        assert list(kept_items.values()) == ["mật-khẩu-9"]
        library.close()
        assert "mật-khẩu-9".encode() not in (tmp_path / "lib.sqlite").read_bytes()
        monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS")
        keyring.set_keyring(fail.Keyring())
        assert not keyring_available()  # no session bus: no Secret Service to talk to
    finally:
        keyring.set_keyring(previous)


def test_the_lock_warning_gives_the_time_on_this_computer(newsroom, reporter, editor):
    article_id = _submit(reporter, "Lũ ở Sa Thầy", "Thời sự")
    second = newsroom.person("editor")
    try:
        with editor.connect() as mine, second.connect() as theirs:
            take_lock(mine, article_id)
            theirs.execute("SET TIME ZONE 'Pacific/Kiritimati'")  # UTC+14, a server's choice
            with pytest.raises(LockHeld) as caught:
                take_lock(theirs, article_id)
            since = lock_of(mine, article_id).since.astimezone()
            assert since.strftime("%H:%M %d/%m") in str(caught.value)
    finally:
        second.library.close()
