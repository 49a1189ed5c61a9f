"""The server grown past one machine: syncing through PgBouncer in transaction mode, and a
streaming replica that takes over when the primary is lost."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest

from deskapp.desk import transition
from deskapp.model import Article
from deskapp.store import Library
from deskapp.sync import SyncTarget, run_sync
from deskapp.sync.desk import desk_articles
from pg_cluster import PASSWORD, Cluster, _free_port


def _pgbouncer() -> str | None:
    for path in (shutil.which("pgbouncer"), "/usr/sbin/pgbouncer"):
        if path and Path(path).exists():
            return path
    return None


@pytest.fixture
def bouncer(newsroom, reporter, editor):
    """PgBouncer in transaction mode in front of the newsroom, two server connections per
    sign-in shared by its clients transaction by transaction (so any session state, such
    as a prepared statement, one transaction left would be missed by the next)."""
    binary = _pgbouncer()
    if binary is None:
        pytest.skip("pgbouncer is not installed (apt-get install pgbouncer)")
    cluster = newsroom.cluster
    folder = cluster.root / f"bouncer-{newsroom.dbname}"
    folder.mkdir()
    port = _free_port()
    users = folder / "users.txt"
    users.write_text("".join(f'"{p.name}" "{PASSWORD}"\n' for p in (reporter, editor)),
                     encoding="utf-8")
    config = folder / "pgbouncer.ini"
    config.write_text(f"""[databases]
{newsroom.dbname} = host=127.0.0.1 port={cluster.port} dbname={newsroom.dbname}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {port}
unix_socket_dir =
auth_type = scram-sha-256
auth_file = {users}
pool_mode = transaction
default_pool_size = 2
max_client_conn = 50
logfile = {folder / "pgbouncer.log"}
pidfile = {folder / "pgbouncer.pid"}
ignore_startup_parameters = extra_float_digits
""", encoding="utf-8")
    command = [binary, "-d", str(config)]
    if cluster.as_root:
        shutil.chown(folder, "postgres", "postgres")
        for item in folder.iterdir():
            shutil.chown(item, "postgres", "postgres")
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, timeout=30)
    for _ in range(50):
        if (folder / "pgbouncer.pid").exists():
            break
        time.sleep(0.1)
    pid = int((folder / "pgbouncer.pid").read_text().strip())
    yield port
    subprocess.run(["kill", str(pid)], check=False)


def _through(person, port: int, dbname: str) -> SyncTarget:
    target, _ = SyncTarget.parse(f"postgresql://{person.name}@127.0.0.1:{port}/{dbname}")
    return target


def test_syncing_through_pgbouncer_in_transaction_mode(newsroom, reporter, editor, bouncer):
    as_reporter = _through(reporter, bouncer, newsroom.dbname)
    as_editor = _through(editor, bouncer, newsroom.dbname)
    lib = reporter.library
    ids = [lib.create(Article(title=f"Qua PgBouncer {i}", body="x"), author=reporter.name).id
           for i in range(3)]
    for aid in ids:
        transition(lib, aid, "submit", user=reporter.name, role="reporter")
    for _ in range(7):  # past psycopg's default threshold for preparing a statement
        assert not run_sync(lib, as_reporter, password=PASSWORD).refused
    first = run_sync(editor.library, as_editor, password=PASSWORD)
    assert first.outcomes["created"] == 3
    transition(editor.library, ids[0], "take", user=editor.name, role="editor")
    transition(editor.library, ids[0], "approve", user=editor.name, role="editor",
               override_note="đã đọc")
    for _ in range(6):
        assert not run_sync(editor.library, as_editor, password=PASSWORD).refused
    back = run_sync(lib, as_reporter, password=PASSWORD)
    assert back.outcomes["updated"] == 1
    assert lib.get(ids[0]).status == "approved"
    from deskapp.sync import connect

    conn = connect(as_editor, PASSWORD)
    try:
        assert {row.article_id for row in desk_articles(conn)} == set(ids[1:])
    finally:
        conn.close()


@pytest.fixture
def replica(pg, newsroom):
    """A streaming replica of the test cluster on another loopback port."""
    standby = Cluster(pg.bindir)
    try:
        standby._run("pg_basebackup", "-h", str(pg.root), "-p", str(pg.port), "-U",
                     "postgres", "-D", str(standby.data), "-R", "-X", "stream", "-c", "fast")
        standby.start()
    except BaseException:
        standby.destroy()
        raise
    yield standby
    standby.destroy()


def _caught_up(primary, standby) -> None:
    with primary.admin() as conn:
        target = conn.execute("SELECT pg_current_wal_lsn()").fetchone()[0]
    for _ in range(100):
        with standby.admin() as conn:
            done = conn.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn",
                                [target]).fetchone()[0]
        if done:
            return
        time.sleep(0.1)
    raise AssertionError("the replica did not catch up")


def test_a_replica_reads_the_desk_and_takes_over_when_the_primary_is_lost(
        newsroom, reporter, editor, replica, tmp_path):
    lib = reporter.library
    first = lib.create(Article(title="Trước sự cố", body="x"), author=reporter.name)
    transition(lib, first.id, "submit", user=reporter.name, role="reporter")
    reporter.sync()
    editor.sync()
    _caught_up(newsroom.cluster, replica)
    on_replica = SyncTarget.parse(replica.url(editor.name, newsroom.dbname))[0]
    from deskapp.sync import connect

    conn = connect(on_replica, PASSWORD)  # the desk view reads from the replica
    try:
        assert [row.article_id for row in desk_articles(conn)] == [first.id]
    finally:
        conn.close()
    # the primary is lost; IT promotes the replica and points the laptops at it
    replica._run("pg_ctl", "-D", str(replica.data), "-w", "promote")
    second = lib.create(Article(title="Sau sự cố", body="y"), author=reporter.name)
    on_new_reporter = SyncTarget.parse(replica.url(reporter.name, newsroom.dbname))[0]
    report = run_sync(lib, on_new_reporter, password=PASSWORD)
    assert report.pushed == 1 and not report.refused  # same server id: it carries on
    pulled = run_sync(editor.library, on_replica, password=PASSWORD)
    assert pulled.outcomes["created"] == 1
    assert editor.library.get(second.id).title == "Sau sự cố"
    fresh = Library.open(tmp_path / "fresh.sqlite")
    try:
        assert run_sync(fresh, on_replica, password=PASSWORD).outcomes["created"] == 2
    finally:
        fresh.close()


def test_two_laptops_of_one_signin_pull_side_by_side_through_pgbouncer(
        newsroom, reporter, editor, bouncer, monkeypatch, tmp_path):
    """Batches of one article: each laptop runs the same statements many times, its
    transactions spread over both server connections."""
    import threading

    from deskapp.sync import pull

    lib = reporter.library
    for i in range(12):
        lib.create(Article(title=f"Bài {i}", body="x"), author=reporter.name)
    reporter.sync()
    monkeypatch.setattr(pull, "PULL_BATCH", 1)
    as_editor = _through(editor, bouncer, newsroom.dbname)
    results: list[object] = []

    def laptop(n: int) -> None:
        library = Library.open(tmp_path / f"laptop{n}.sqlite")
        try:
            results.append(run_sync(library, as_editor, password=PASSWORD).outcomes["created"])
        except Exception as exc:  # reported below
            results.append(exc)
        finally:
            library.close()

    threads = [threading.Thread(target=laptop, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert results == [12, 12]
