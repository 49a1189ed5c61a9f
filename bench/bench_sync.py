"""Sync through PostgreSQL on loopback: the first sync of 1,000 articles, then 10 changed.

Targets: first sync < 30 s, incremental sync of 10 changed articles < 1 s.
A throw-away cluster is started with initdb/pg_ctl; without PostgreSQL the
benchmark prints a note and skips.
"""

import sys
import tempfile
import time
from pathlib import Path

from common import report, sample_text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from deskapp.desk import transition
from deskapp.model import Article, new_id
from deskapp.store import Library
from deskapp.sync import SyncTarget, run_sync
from deskapp.sync.server import add_user, setup_server
from pg_cluster import PASSWORD, start_cluster

ARTICLES = 1000
CHANGED = 10


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def main() -> None:
    cluster = start_cluster()
    if cluster is None:
        print("# bench_sync: skipped (no PostgreSQL server binaries: initdb, pg_ctl)")
        return
    try:
        dbname = cluster.new_database()
        with cluster.admin(dbname) as conn:
            setup_server(conn, dbname)
            add_user(conn, "pv_bench", PASSWORD, "reporter")
            add_user(conn, "bt_bench", PASSWORD, "editor")
        with tempfile.TemporaryDirectory() as folder:
            run(cluster, dbname, Path(folder))
    finally:
        cluster.destroy()


def run(cluster, dbname: str, folder: Path) -> None:
    text = sample_text()
    reporter = Library.open(folder / "reporter.sqlite")
    editor = Library.open(folder / "editor.sqlite")
    as_reporter, _ = SyncTarget.parse(cluster.url("pv_bench", dbname))
    as_editor, _ = SyncTarget.parse(cluster.url("bt_bench", dbname))
    ids = []
    with reporter.transaction():
        for i in range(ARTICLES):
            article = reporter.create(Article(id=new_id(), title=f"Bài số {i}", body=text,
                                              section=("Thời sự", "Kinh tế", "Thể thao")[i % 3]),
                                      author="pv_bench")
            ids.append(article.id)
    for article_id in ids[::2]:
        transition(reporter, article_id, "submit", user="pv_bench", role="reporter")

    pushed, seconds = timed(lambda: run_sync(reporter, as_reporter, password=PASSWORD))
    assert pushed.pushed == ARTICLES, pushed
    report("sync_first_push_1000", seconds, "s")
    pulled, seconds = timed(lambda: run_sync(editor, as_editor, password=PASSWORD))
    assert pulled.outcomes["created"] == ARTICLES, pulled
    report("sync_first_pull_1000", seconds, "s")

    for article_id in ids[1:CHANGED * 2:2]:
        article = reporter.get(article_id)
        reporter.save(article.with_content(body=article.body + "\n\nCập nhật lúc 10 giờ."),
                      author="pv_bench")
    pushed, seconds = timed(lambda: run_sync(reporter, as_reporter, password=PASSWORD))
    assert pushed.pushed == CHANGED, pushed
    report("sync_incremental_push_10", seconds * 1000, "ms")
    pulled, seconds = timed(lambda: run_sync(editor, as_editor, password=PASSWORD))
    assert pulled.outcomes["updated"] == CHANGED, pulled
    report("sync_incremental_pull_10", seconds * 1000, "ms")
    _, seconds = timed(lambda: run_sync(editor, as_editor, password=PASSWORD))
    report("sync_nothing_new", seconds * 1000, "ms")
    reporter.close()
    editor.close()


if __name__ == "__main__":
    main()
