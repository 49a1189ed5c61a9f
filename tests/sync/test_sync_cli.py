"""``deskapp sync`` and ``deskapp server`` on the command line."""

from __future__ import annotations

import getpass

import keyring
import pytest

from deskapp.cli import main
from deskapp.model import Article
from deskapp.store import Library
from newsroom_fixtures import MemoryKeyring
from pg_cluster import PASSWORD


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_it_sets_up_a_server_and_a_user_then_syncs(pg, tmp_path, capsys, monkeypatch,
                                                   memory_keyring):
    dbname = pg.new_database()
    admin_url = f"host={pg.root} port={pg.port} user=postgres dbname={dbname}"
    assert main(["server", "setup", admin_url]) == 0
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": PASSWORD)
    assert main(["server", "add-user", admin_url, "pv_thu", "--role", "reporter"]) == 0

    path = tmp_path / "lib.sqlite"
    library = Library.open(path)
    library.create(Article(title="Mùa cà phê", section="Kinh tế"), author="pv_thu")
    library.close()
    url = pg.url("pv_thu", dbname).replace("pv_thu@", f"pv_thu:{PASSWORD}@")
    capsys.readouterr()
    assert main(["--library", str(path), "sync", "--url", url]) == 0
    out = capsys.readouterr().out
    assert "Synced: articles sent 1, received 0." in out
    assert PASSWORD.encode() not in path.read_bytes()
    assert main(["--library", str(path), "sync"]) == 0  # the keyring answers now
    assert "Synced: articles sent 0," in capsys.readouterr().out


def test_unreachable_in_vietnamese(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DESKAPP_LANG", "vi")
    path = tmp_path / "lib.sqlite"
    code = main(["--library", str(path), "sync", "--url", "postgresql://pv@127.0.0.1:1/tin"])
    assert code == 1
    err = capsys.readouterr().err
    assert "Không kết nối được máy chủ tòa soạn 127.0.0.1:1/tin" in err
    assert "Bài trên máy vẫn nguyên" in err


def test_no_server_set(tmp_path, capsys):
    assert main(["--library", str(tmp_path / "lib.sqlite"), "sync"]) == 1
    assert "No newsroom server is set" in capsys.readouterr().err


def test_a_refused_article_without_a_headline_is_still_named(newsroom, tmp_path, capsys,
                                                              monkeypatch):
    from deskapp.desk import transition

    monkeypatch.setenv("DESKAPP_LANG", "en")
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    path = tmp_path / "pv.sqlite"
    library = Library.open(path)
    person = newsroom.person("reporter", library=library)
    article = library.create(Article(body="Chưa có tít."), author=person.name)
    transition(library, article.id, "submit", user=person.name, role="reporter")
    transition(library, article.id, "take", user=person.name, role="editor")
    transition(library, article.id, "approve", user=person.name, role="editor",
               override_note="tự duyệt")
    library.close()
    capsys.readouterr()
    assert main(["--library", str(path), "sync", "--url", person.target.url]) == 1
    err = capsys.readouterr().err
    assert "The server refused the changes to “(no headline)”" in err


def _no_password_prompt(prompt=""):
    raise AssertionError("the password was asked for")


def test_add_user_checks_the_name_before_asking_for_a_password(pg, capsys, monkeypatch):
    monkeypatch.setenv("DESKAPP_LANG", "en")
    dbname = pg.new_database()
    admin_url = f"host={pg.root} port={pg.port} user=postgres dbname={dbname}"
    assert main(["server", "setup", admin_url]) == 0
    monkeypatch.setattr(getpass, "getpass", _no_password_prompt)
    capsys.readouterr()
    assert main(["server", "add-user", admin_url, "Lan Nguyễn", "--role", "reporter"]) == 1
    assert "The sign-in name “Lan Nguyễn” is not valid" in capsys.readouterr().err


def test_add_user_names_a_user_that_already_exists(pg, capsys, monkeypatch):
    monkeypatch.setenv("DESKAPP_LANG", "vi")
    dbname = pg.new_database()
    admin_url = f"host={pg.root} port={pg.port} user=postgres dbname={dbname}"
    assert main(["server", "setup", admin_url]) == 0
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": PASSWORD)
    name = f"pv_{dbname[-8:]}"  # roles are the cluster's, shared by every test database
    assert main(["server", "add-user", admin_url, name, "--role", "reporter"]) == 0
    monkeypatch.setattr(getpass, "getpass", _no_password_prompt)
    capsys.readouterr()
    assert main(["server", "add-user", admin_url, name, "--role", "editor"]) == 1
    err = capsys.readouterr().err
    assert f"Người dùng “{name}” đã có trên máy chủ" in err
    assert "DuplicateObject" not in err


def test_add_user_refuses_a_duplicate_created_meanwhile(newsroom, reporter, monkeypatch):
    from deskapp.sync import SyncError
    from deskapp.sync.server import add_user

    with newsroom.admin() as conn, pytest.raises(SyncError) as caught:
        add_user(conn, reporter.name, PASSWORD, "editor")
    assert caught.value.code == "user_exists"
    monkeypatch.setenv("DESKAPP_LANG", "en")
    assert f"The user “{reporter.name}” already exists on the server" in str(caught.value)


def test_sync_says_what_the_register_did_and_names_list_shows_it(
        newsroom, editor, tmp_path, capsys, monkeypatch):
    from deskapp.store.names import set_name

    monkeypatch.setenv("DESKAPP_LANG", "vi")
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    set_name(editor.library, "Hoàng Văn Kỳ", note="Chủ tịch xã Đắk Pék", user=editor.name)
    editor.sync()
    path = tmp_path / "pv.sqlite"
    library = Library.open(path)
    person = newsroom.person("reporter", library=library)
    library.set_setting("role", "reporter")
    library.close()
    capsys.readouterr()
    assert main(["--library", str(path), "sync", "--url", person.target.url]) == 0
    captured = capsys.readouterr()
    assert "Sổ tên: gửi 0 tên, nhận 1 tên." in captured.out and not captured.err
    assert main(["--library", str(path), "names", "list"]) == 0
    assert capsys.readouterr().out == "Hoàng Văn Kỳ\tperson\tChủ tịch xã Đắk Pék\n"
    assert main(["--library", str(path), "names", "add", "Hoàng Văn Kì"]) == 1
    assert "Chỉ biên tập viên" in capsys.readouterr().err


def test_an_older_server_syncs_without_the_register_and_says_so(
        older_server, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DESKAPP_LANG", "en")
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    old = older_server(6)
    path = tmp_path / "bt.sqlite"
    library = Library.open(path)
    person = old.person("editor", library=library)
    library.set_setting("role", "editor")
    library.create(Article(title="Mùa cà phê"), author=person.name)
    library.close()
    capsys.readouterr()
    assert main(["--library", str(path), "sync", "--url", person.target.url]) == 0
    captured = capsys.readouterr()
    assert "Synced: articles sent 1, received 0." in captured.out
    assert "does not carry the name register yet" in captured.err
    assert "IT runs deskapp server setup" in captured.err
