"""A newsroom's day compressed: 200 laptops syncing through a slow network (run by hand).

200 simulated laptops (threads, each with its own library: 180 reporters, 20 editors) sync
on a five-minute cycle compressed five times (one sync a minute each, at random phases)
through a local TCP proxy that delays every chunk by 50 ms each way, delays 1 % of chunks
by another 200 ms (a lost packet's retransmission, holding up what follows it), and stalls
one laptop's link for 20 s in the middle of a sync. Reporters save one of their articles in
most cycles, sometimes write a new one and submit; editors take what was submitted. Against
a throw-away local PostgreSQL (tests/pg_cluster.py). It prints the syncs' p50/p95/p99, the
same during the stall, sessions seen waiting for a lock, the server's CPU and errors.

Targets: p95 < 2 s and p99 < 5 s at 50 ms, no error, the stalled laptop adds < 1 s to
anyone else's sync. Takes about four minutes, so bench/run.py skips it:

    PYTHONPATH=src python bench/bench_newsroom.py --run [--laptops 200] [--minutes 2]
                                                  [--schema 5]
"""

import argparse
import asyncio
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from deskapp.desk import transition
from deskapp.model import Article
from deskapp.store import Library
from deskapp.sync import SyncError, SyncTarget, run_sync
from deskapp.sync.server import add_user, setup_server
from pg_cluster import PASSWORD, _free_port, start_cluster

DELAY = 0.050  # seconds, each way
LOSS = 0.01  # share of chunks held up as by a retransmission
LOSS_DELAY = 0.200
STALL = 20.0  # seconds the stalled laptop's link stops
CYCLE = 60.0  # the five-minute cycle, compressed five times
EDITORS_SHARE = 10  # one laptop in ten is an editor's


# ---------------------------------------------------------------- the slow network


def proxy_main(listen: int, stalled_port: int, upstream: int, ready, stall_at: float) -> None:
    """Two listeners in front of PostgreSQL: every laptop's, and the stalled laptop's."""

    async def pipe(reader, writer, stall: asyncio.Event | None) -> None:
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue = asyncio.Queue()

        async def pump_in() -> None:
            while True:
                data = await reader.read(65536)
                extra = LOSS_DELAY if random.random() < LOSS else 0.0
                await queue.put((loop.time() + DELAY + extra, data))
                if not data:
                    return

        async def pump_out() -> None:
            while True:
                due, data = await queue.get()
                if stall is not None and not stall.is_set() and time.time() >= stall_at:
                    stall.set()  # once: this link goes quiet in the middle of a sync
                    await asyncio.sleep(STALL)
                wait = due - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                if not data:
                    writer.close()
                    return
                writer.write(data)
                await writer.drain()

        try:
            await asyncio.gather(pump_in(), pump_out())
        except (ConnectionError, OSError):
            writer.close()

    def handler(stall: asyncio.Event | None):
        async def handle(client_reader, client_writer) -> None:
            try:
                server_reader, server_writer = await asyncio.open_connection(
                    "127.0.0.1", upstream)
            except OSError:
                client_writer.close()
                return
            await asyncio.gather(pipe(client_reader, server_writer, stall),
                                 pipe(server_reader, client_writer, None),
                                 return_exceptions=True)
        return handle

    async def main() -> None:
        stall = asyncio.Event()
        every = await asyncio.start_server(handler(None), "127.0.0.1", listen)
        slow = await asyncio.start_server(handler(stall), "127.0.0.1", stalled_port)
        ready.set()
        async with every, slow:
            await asyncio.Event().wait()

    asyncio.run(main())


# ---------------------------------------------------------------- the server's side


def server_cpu_seconds(data: Path) -> float:
    """CPU time of the postmaster, its live children and the children it has reaped."""
    pid = int((data / "postmaster.pid").read_text().split()[0])
    tick = os.sysconf("SC_CLK_TCK")

    def stat(p: int) -> list[str]:
        text = Path(f"/proc/{p}/stat").read_text()
        return text[text.rindex(")") + 2:].split()

    fields = stat(pid)
    total = sum(int(fields[i]) for i in (11, 12, 13, 14))  # utime stime cutime cstime
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                child = stat(int(entry.name))
            except OSError:
                continue
            if int(child[1]) == pid:  # ppid
                total += int(child[11]) + int(child[12])
    return total / tick


class LockWatch(threading.Thread):
    """Samples, every 100 ms, how many sessions wait for a lock."""

    def __init__(self, cluster, dbname: str) -> None:
        super().__init__(daemon=True)
        self.conn = cluster.admin(dbname)
        self.samples: list[int] = []
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            waiting = self.conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
            ).fetchone()[0]
            self.samples.append(int(waiting))
            time.sleep(0.1)


# ---------------------------------------------------------------- the laptops


class Laptop:
    def __init__(self, n: int, folder: Path, dbname: str, port: int) -> None:
        self.n = n
        self.role = "editor" if n % EDITORS_SHARE == 1 else "reporter"
        self.name = f"{'bt' if self.role == 'editor' else 'pv'}_{n:03d}"
        self.path = folder / f"{self.name}.sqlite"
        self.library = Library.open(self.path)
        self.library.set_setting("role", self.role)
        self.library.set_setting("user_name", self.name)
        self.direct, _ = SyncTarget.parse(f"postgresql://{self.name}@127.0.0.1:{port}/{dbname}")
        self.target = self.direct
        self.rng = random.Random(n)

    def write(self, count: int) -> None:
        for i in range(count):
            self.library.create(Article(title=f"Bài {i} của {self.name}",
                                        body="Nội dung ban đầu. " * 40, section="Thời sự"),
                                author=self.name)

    def work(self) -> None:
        lib = self.library
        if self.role == "editor":
            for row in lib.db.execute("SELECT id FROM articles WHERE status = 'submitted' "
                                      "ORDER BY updated_at LIMIT 2").fetchall():
                transition(lib, row[0], "take", user=self.name, role="editor")
            return
        drafts = [r[0] for r in lib.db.execute(
            "SELECT id FROM articles WHERE status = 'draft' AND deleted_at IS NULL")]
        if drafts and self.rng.random() < 0.8:
            aid = self.rng.choice(drafts)
            article = lib.get(aid)
            lib.save(article.with_content(body=article.body + "\n\nThêm một câu."),
                     author=self.name)
            if self.rng.random() < 0.1:
                transition(lib, aid, "submit", user=self.name, role="reporter")
        if self.rng.random() < 0.1:
            self.write(1)


def run_laptop(laptop: Laptop, start: float, stop: float, results: list, lock,
               phase: float | None = None) -> None:
    laptop.library = Library.open(laptop.path)  # a library is used by the thread it opened
    due = start + (laptop.rng.uniform(0, CYCLE) if phase is None else phase)
    while due < stop:
        time.sleep(max(0.0, due - time.time()))
        laptop.work()
        began = time.time()
        error = ""
        try:
            run_sync(laptop.library, laptop.target, password=PASSWORD)
        except SyncError as exc:
            error = f"{exc.code}: {exc}"
        with lock:
            results.append((laptop.n, began, time.time() - began, error))
        due += CYCLE
    laptop.library.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    import signal

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # the cluster is destroyed below
    parser = argparse.ArgumentParser()
    parser.add_argument("--run", action="store_true")
    parser.add_argument("--laptops", type=int, default=200)
    parser.add_argument("--minutes", type=float, default=2.0)
    parser.add_argument("--schema", type=int, default=0,
                        help="set the server up only to this schema version (5: the one lock "
                             "for every push, for comparison)")
    args = parser.parse_args()
    if not args.run:
        print("# bench_newsroom: run by hand (about four minutes): "
              "python bench/bench_newsroom.py --run")
        return
    cluster = start_cluster()
    if cluster is None:
        print("# bench_newsroom: skipped (no PostgreSQL server binaries: initdb, pg_ctl)")
        return
    proxy = None
    try:
        cluster.stop()
        cluster._run("pg_ctl", "-D", str(cluster.data), "-o",
                     f"-p {cluster.port} -k {cluster.root} -c listen_addresses=127.0.0.1 "
                     "-c fsync=off -c max_connections=300", "-l",
                     str(cluster.root / "server.log"), "-w", "-t", "60", "start")
        dbname = cluster.new_database()
        if args.schema:
            from deskapp.sync import server

            server.MIGRATIONS[:] = server.MIGRATIONS[:args.schema]
            server.SERVER_SCHEMA_VERSION = args.schema
            report("newsroom_server_schema", args.schema, "")
        with cluster.admin(dbname) as admin, tempfile.TemporaryDirectory() as folder:
            setup_server(admin, dbname)
            laptops = [Laptop(n, Path(folder), dbname, cluster.port)
                       for n in range(args.laptops)]
            for laptop in laptops:
                add_user(admin, laptop.name, PASSWORD, laptop.role)
            # the morning: every reporter's five articles on the server, editors up to date
            for laptop in laptops:
                if laptop.role == "reporter":
                    laptop.write(5)
                    run_sync(laptop.library, laptop.direct, password=PASSWORD)
            for laptop in laptops:
                if laptop.role == "editor":
                    run_sync(laptop.library, laptop.direct, password=PASSWORD)
            for laptop in laptops:
                laptop.library.close()
            print(f"# warmed up: {args.laptops} laptops", flush=True)

            listen, stalled = _free_port(), _free_port()
            ready = multiprocessing.Event()
            start = time.time() + 2
            stop = start + args.minutes * 60
            stall_at = start + CYCLE / 2
            proxy = multiprocessing.Process(target=proxy_main, daemon=True,
                                            args=(listen, stalled, cluster.port, ready,
                                                  stall_at))
            proxy.start()
            if not ready.wait(10):
                raise RuntimeError("the delay proxy did not start")
            for laptop in laptops:
                port = stalled if laptop.n == 0 else listen
                laptop.target, _ = SyncTarget.parse(
                    f"postgresql://{laptop.name}@127.0.0.1:{port}/{dbname}")
            watch = LockWatch(cluster, dbname)
            watch.start()
            cpu_before = server_cpu_seconds(cluster.data)
            results: list = []
            lock = threading.Lock()
            # the stalled laptop starts a sync a second before its link goes quiet
            threads = [threading.Thread(target=run_laptop,
                                        args=(laptop, start, stop, results, lock,
                                              stall_at - start - 1.0 if laptop.n == 0
                                              else None))
                       for laptop in laptops]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            wall = time.time() - start
            cpu = server_cpu_seconds(cluster.data) - cpu_before
            watch.stop.set()
            watch.join()
        others = [r for r in results if r[0] != 0]
        ok = [r[2] for r in others if not r[3]]
        during = [r[2] for r in others if not r[3] and stall_at <= r[1] <= stall_at + STALL]
        outside = [r[2] for r in others if not r[3] and not stall_at <= r[1] <= stall_at + STALL]
        errors = [r for r in results if r[3]]
        report("newsroom_laptops", args.laptops, "laptops")
        report("newsroom_syncs", len(results), "syncs")
        report("newsroom_sync_p50", statistics.median(ok), "s")
        report("newsroom_sync_p95", percentile(ok, 0.95), "s")
        report("newsroom_sync_p95_target", 2, "s")
        report("newsroom_sync_p99", percentile(ok, 0.99), "s")
        report("newsroom_sync_p99_target", 5, "s")
        report("newsroom_sync_max", max(ok), "s")
        if during:
            report("newsroom_sync_p95_during_stall", percentile(during, 0.95), "s")
            report("newsroom_sync_p95_outside_stall", percentile(outside, 0.95), "s")
            report("newsroom_stall_added_p95", percentile(during, 0.95)
                   - percentile(outside, 0.95), "s")
            report("newsroom_stall_added_target", 1, "s")
        stalled_runs = [r for r in results if r[0] == 0]
        report("newsroom_stalled_laptop_max", max((r[2] for r in stalled_runs), default=0), "s")
        report("newsroom_lock_wait_samples", sum(1 for s in watch.samples if s), "samples")
        report("newsroom_lock_waiting_max", max(watch.samples, default=0), "sessions")
        report("newsroom_server_cpu", 100 * cpu / wall, "% of one core")
        report("newsroom_server_cpu_per_sync", 1000 * cpu / max(1, len(results)), "ms")
        report("newsroom_errors", len(errors), "errors")
        for _n, _began, _took, error in errors[:10]:
            print(f"# error: {error}")
    finally:
        if proxy is not None:
            proxy.terminate()
        cluster.destroy()


if __name__ == "__main__":
    main()
