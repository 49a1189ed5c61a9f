"""An idle reporter's nothing-new sync on a server holding 100,000 articles.

The server's articles belong to other reporters (written straight into the
tables as the administrator, with the triggers off, as a year of a newsroom
would leave them); the reporter has ten of their own. Between two of the
reporter's syncs, colleagues change 100 articles (five minutes of a busy
newsroom). Target: the nothing-new sync < 100 ms in process (an open
connection), at 100,000 articles as at 1,000; and what the same pull costs
with the position of server version 5 (a change number the reporter's own
changes never move past), for comparison. The server also holds a register of
5,000 names (schema 7), which the reporter receives once; from then on the
register costs the nothing-new sync one indexed question in the same round trip.
Likewise a year of page plans (schema 8, :data:`EDITIONS` editions of two pages).
"""

import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from deskapp.model import Article, new_id
from deskapp.store import Library
from deskapp.sync import SyncTarget, connect, run_sync
from deskapp.sync.engine import sync
from deskapp.sync.server import add_user, setup_server
from pg_cluster import PASSWORD, start_cluster

SIZES = (1_000, 100_000)
BUSY = 100  # articles colleagues change between two syncs
TARGET_MS = 100.0
REGISTER = 5_000  # names in the desk's register on the server, all received by the reporter
EDITIONS = 300  # a daily paper's year of page plans on the server, all received too

_FILL = """
INSERT INTO deskapp.articles (id, owner, created_at, head_id, status, title, section, byline,
                              seq, xid)
  SELECT 'bai-' || n, 'pv_khac', '2026-01-01T00:00:00+00:00', 'rev-' || n, 'submitted',
         'Bài số ' || n, 'Thời sự', 'PV', nextval('deskapp.change_seq'), pg_current_xact_id()
  FROM generate_series(%(start)s, %(stop)s - 1) AS n;
INSERT INTO deskapp.revisions (id, article_id, parent_id, created_at, author, kind,
                               content_hash, title, lead, body, byline, source, section, tags,
                               status, pushed_by)
  SELECT 'rev-' || n, 'bai-' || n, NULL, '2026-01-01T00:00:00+00:00', 'PV', 'create',
         deskapp.content_hash('Bài số ' || n, '', 'Nội dung bài ' || n, 'PV', '', 'Thời sự',
                              '[]'::jsonb, 'submitted'),
         'Bài số ' || n, '', 'Nội dung bài ' || n, 'PV', '', 'Thời sự', '[]'::jsonb,
         'submitted', 'pv_khac'
  FROM generate_series(%(start)s, %(stop)s - 1) AS n;
"""

_BUSY = """
UPDATE deskapp.articles SET changed_at = now(), seq = nextval('deskapp.change_seq'),
                            xid = pg_current_xact_id()
WHERE id IN (SELECT 'bai-' || n FROM generate_series(1, %(count)s) AS n)
"""


def fill_register(admin, count: int) -> None:
    """``count`` names in the desk's register (server schema 7), as editors would add them."""
    from deskapp.proof.house import name_key

    given = ("An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nga")
    middle = ("Văn", "Thị", "Đức", "Ngọc", "Hữu")
    family = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng")
    names = {}
    for n in range(count * 2):
        name = (f"{family[n % 10]} {middle[n // 10 % 5]} {given[n // 50 % 10]} "
                f"{given[n // 500 % 10]}{'' if n < 5000 else ' ' + given[n // 5000 % 10]}")
        names.setdefault(name_key(name), name)
        if len(names) == count:
            break
    with admin.transaction():
        admin.execute("SET LOCAL session_replication_role = replica")  # no triggers
        with admin.cursor() as cur:
            cur.executemany(
                "INSERT INTO deskapp.names (key, name, kind, changed_by, xid) "
                "VALUES (%s, %s, 'person', 'bt_bench', pg_current_xact_id())",
                list(names.items()))
    admin.execute("VACUUM ANALYZE deskapp.names")


def fill_editions(admin, count: int) -> None:
    """``count`` editions of two pages (server schema 8), as the desk would leave them."""
    import json

    from deskapp.makeup.plan import edition_from_dict, edition_to_dict

    rows = []
    for n in range(count):
        plan = edition_to_dict(edition_from_dict({
            "id": f"so-{n}", "name": f"Báo Tỉnh Nhà số {n}", "date": f"2026-{n % 12 + 1:02}-01",
            "pages": [{"number": page, "preset": "tabloid-a3", "blocks": [
                {"id": f"qc-{page}", "kind": "reserved", "grid": [0, 5, 0, 20],
                 "label": "QUẢNG CÁO"}]} for page in (1, 2)]}))
        rows.append((plan["id"], plan["name"], plan["date"], json.dumps(plan), f"rev-so-{n}"))
    with admin.transaction():
        admin.execute("SET LOCAL session_replication_role = replica")  # no triggers
        with admin.cursor() as cur:
            cur.executemany(
                "INSERT INTO deskapp.editions (id, name, date, plan, revision_id, changed_by, "
                "xid) VALUES (%s, %s, %s, %s::jsonb, %s, 'bt_bench', pg_current_xact_id())",
                rows)
    admin.execute("VACUUM ANALYZE deskapp.editions")


def fill(admin, start: int, stop: int) -> None:
    with admin.transaction():
        admin.execute("SET LOCAL session_replication_role = replica")  # no triggers
        for statement in _FILL.split(";")[:2]:
            admin.execute(statement, {"start": start, "stop": stop})
    admin.execute("VACUUM ANALYZE deskapp.articles")
    admin.execute("VACUUM ANALYZE deskapp.revisions")


def busy(admin) -> None:
    with admin.transaction():
        admin.execute("SET LOCAL session_replication_role = replica")
        admin.execute(_BUSY, {"count": BUSY})


def measure(library: Library, target: SyncTarget, admin, rounds: int = 9) -> float:
    """Median ms of the reporter's sync (open connection) after colleagues' changes."""
    conn = connect(target, PASSWORD)
    try:
        times = []
        for _ in range(rounds):
            busy(admin)
            start = time.perf_counter()
            done = sync(library, conn, server="bench")
            times.append((time.perf_counter() - start) * 1000)
            assert done.pulled == 0 and done.pushed == 0, done
        return statistics.median(times)
    finally:
        conn.close()


def legacy_pull_ms(target: SyncTarget, cursor: int) -> float:
    """The version 5 pull's query for the same reporter: every change above its number."""
    conn = connect(target, PASSWORD)
    try:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            conn.execute("SELECT id FROM deskapp.articles WHERE seq > %s ORDER BY seq LIMIT 200",
                         [cursor]).fetchall()
            times.append((time.perf_counter() - start) * 1000)
        return statistics.median(times)
    finally:
        conn.close()


def main() -> None:
    cluster = start_cluster()
    if cluster is None:
        print("# bench_server_scale: skipped (no PostgreSQL server binaries: initdb, pg_ctl)")
        return
    try:
        dbname = cluster.new_database()
        with cluster.admin(dbname) as admin:
            setup_server(admin, dbname)
            add_user(admin, "pv_bench", PASSWORD, "reporter")
            add_user(admin, "pv_khac", PASSWORD, "reporter")
            target, _ = SyncTarget.parse(cluster.url("pv_bench", dbname))
            with tempfile.TemporaryDirectory() as folder:
                library = Library.open(Path(folder) / "reporter.sqlite")
                with library.transaction():
                    for i in range(10):
                        library.create(Article(id=new_id(), title=f"Bài của tôi {i}",
                                               body="Nội dung."), author="pv_bench")
                run_sync(library, target, password=PASSWORD)
                fill_register(admin, REGISTER)
                start = time.perf_counter()
                taken = run_sync(library, target, password=PASSWORD).names_pulled
                assert taken == REGISTER, taken
                report(f"sync_register_first_pull_{REGISTER}",
                       (time.perf_counter() - start) * 1000, "ms")
                fill_editions(admin, EDITIONS)
                start = time.perf_counter()
                taken = run_sync(library, target, password=PASSWORD).editions_pulled
                assert taken == EDITIONS, taken
                report(f"sync_editions_first_pull_{EDITIONS}",
                       (time.perf_counter() - start) * 1000, "ms")
                cursor = int(admin.execute("SELECT last_value FROM deskapp.change_seq")
                             .fetchone()[0])
                held = 0
                for size in SIZES:
                    fill(admin, held + 1, size + 1)
                    held = size
                    run_sync(library, target, password=PASSWORD)
                    ms = measure(library, target, admin)
                    report(f"sync_idle_reporter_nothing_new_{size}", ms, "ms")
                    report(f"sync_idle_reporter_nothing_new_{size}_target", TARGET_MS, "ms")
                    report(f"sync_idle_reporter_nothing_new_{size}_ratio_to_target",
                           ms / TARGET_MS, "x")
                    report(f"sync_v5_position_pull_query_{size}",
                           legacy_pull_ms(target, cursor), "ms")
                start = time.perf_counter()
                run_sync(library, target, password=PASSWORD)
                report("sync_idle_reporter_with_connect_100000",
                       (time.perf_counter() - start) * 1000, "ms")
                library.close()
    finally:
        cluster.destroy()


if __name__ == "__main__":
    main()
