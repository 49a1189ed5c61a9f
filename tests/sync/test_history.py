"""A new laptop's first sync: the open work and a recent window first, older articles on
demand, paged and resumable; a pull batch's photos stay under a bound."""

from __future__ import annotations

import os
from io import BytesIO

import pytest
from PIL import Image

from deskapp.desk import transition
from deskapp.model import Article
from deskapp.store import Library
from deskapp.store.assets import add_photo, list_photos
from deskapp.sync import history, pull
from deskapp.sync import run_sync as _run_sync
from pg_cluster import PASSWORD


def _approved(editor, title: str) -> str:
    lib = editor.library
    article = lib.create(Article(title=title, body="Nội dung đã duyệt."), author=editor.name)
    transition(lib, article.id, "submit", user=editor.name, role="reporter")
    transition(lib, article.id, "take", user=editor.name, role="editor")
    transition(lib, article.id, "approve", user=editor.name, role="editor",
               override_note="đã đọc")
    return article.id


def _age(newsroom, ids: list[str], days: int) -> None:
    """Make the server's articles look last changed ``days`` ago (and in that order)."""
    with newsroom.admin() as conn:
        conn.execute("SET session_replication_role = replica")
        for n, aid in enumerate(ids):
            conn.execute("UPDATE deskapp.articles SET changed_at = now() - make_interval("
                         "days => %s, mins => %s) WHERE id = %s", [days, n, aid])
        conn.execute("SET session_replication_role = DEFAULT")


class Cut(Exception):
    pass


@pytest.fixture
def old_newsroom(newsroom, editor, reporter):
    """Five articles approved 90 days ago, one approved today, one of a reporter's drafts
    submitted 90 days ago and still waiting (open work)."""
    old = [_approved(editor, f"Bài cũ {i}") for i in range(5)]
    recent = _approved(editor, "Bài mới duyệt")
    waiting = reporter.library.create(Article(title="Bài chờ duyệt", body="x"),
                                      author=reporter.name).id
    transition(reporter.library, waiting, "submit", user=reporter.name, role="reporter")
    editor.sync()
    reporter.sync()
    _age(newsroom, [*old, waiting], 90)
    return old, recent, waiting


def test_a_first_sync_takes_the_open_work_and_the_recent_window(newsroom, old_newsroom):
    old, recent, waiting = old_newsroom
    newcomer = newsroom.person("editor")
    try:
        report = newcomer.sync()
        have = {a.id for a in newcomer.library.list()}
        assert {recent, waiting} <= have
        assert not have & set(old)
        assert report.older_waiting
        again = newcomer.sync()  # nothing new: the older ones stay where they are
        assert again.pulled == 0 and again.older_waiting
    finally:
        newcomer.library.close()


def test_older_articles_come_on_demand_newest_first_and_resume(newsroom, old_newsroom,
                                                              monkeypatch):
    old, _recent, _waiting = old_newsroom
    monkeypatch.setattr(history, "PULL_BATCH", 2)
    newcomer = newsroom.person("editor")
    try:
        newcomer.sync()
        pages = []

        def cut(stage: str) -> None:
            if stage == "older:applied":
                pages.append(stage)
                if len(pages) == 2:
                    raise Cut

        with pytest.raises(Cut):
            _run_sync(newcomer.library, newcomer.target, password=PASSWORD, older=100,
                      checkpoint=cut)
        have = {a.id for a in newcomer.library.list()}
        # _age made old[0] the newest: the first two pages are the four newest
        assert have & set(old) == set(old[:4])
        report = _run_sync(newcomer.library, newcomer.target, password=PASSWORD, older=100)
        assert report.older_fetched == 1 and not report.older_waiting
        assert set(old) <= {a.id for a in newcomer.library.list()}
        for aid in old:
            assert newcomer.library.get(aid).status == "approved"
    finally:
        newcomer.library.close()


def test_the_window_is_a_setting(newsroom, old_newsroom):
    old, _recent, _waiting = old_newsroom
    newcomer = newsroom.person("editor")
    try:
        newcomer.library.set_setting("sync_history_days", "365")
        report = newcomer.sync()
        assert set(old) <= {a.id for a in newcomer.library.list()}
        assert not report.older_waiting
    finally:
        newcomer.library.close()


def _noise_png(size: int = 64) -> bytes:
    out = BytesIO()
    Image.frombytes("RGB", (size, size), os.urandom(size * size * 3)).save(out, "PNG")
    return out.getvalue()


def test_a_pull_batch_stops_before_its_photos_pass_the_bound(newsroom, reporter, editor,
                                                            monkeypatch):
    photos = {}
    for i in range(4):
        article = reporter.library.create(Article(title=f"Ảnh {i}", body="x"),
                                          author=reporter.name)
        data = _noise_png()
        add_photo(reporter.library, article.id, data, caption=f"Ảnh {i}", credit="PV")
        photos[article.id] = len(data)
    reporter.sync()
    biggest = max(photos.values())
    monkeypatch.setattr(pull, "PHOTO_BYTES", biggest * 2 + 1)  # two articles' photos
    fetched = []
    editor.sync(checkpoint=lambda stage: fetched.append(stage) if stage == "pull:fetched"
                else None)
    assert len(fetched) == 2  # four articles, two by two
    for aid in photos:
        assert len(list_photos(editor.library, aid)) == 1


def test_the_command_line_sets_the_window_and_fetches_older(newsroom, old_newsroom, tmp_path,
                                                           monkeypatch, capsys):
    from deskapp.cli import main

    old, _recent, _waiting = old_newsroom
    monkeypatch.setenv("DESKAPP_LANG", "en")
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    path = tmp_path / "newcomer.sqlite"
    newcomer = newsroom.person("editor", library=Library.open(path))
    newcomer.library.close()
    assert main(["--library", str(path), "sync", "--url", newcomer.target.url,
                 "--history-days", "7"]) == 0
    assert "Older articles (approved or exported before the recent window) are still on " \
           "the server" in capsys.readouterr().out
    assert main(["--library", str(path), "sync", "--older", "1000"]) == 0
    out = capsys.readouterr().out
    assert "Received 5 older article(s) from the server." in out
    assert "still on the server" not in out
    library = Library.open(path)
    try:
        assert library.get_setting("sync_history_days") == "7"
        assert set(old) <= {a.id for a in library.list()}
    finally:
        library.close()
