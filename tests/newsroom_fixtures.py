"""A real PostgreSQL server for the sync tests: one cluster per session, a database per test.

Loaded for every test folder by the root conftest (``pytest_plugins``), so the sync
tests and the sync window's tests (tests/ui/sync) share one cluster.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend

from deskapp.store import Library
from deskapp.sync import SyncReport, SyncTarget, run_sync, server
from deskapp.sync.server import add_user, setup_server
from pg_cluster import PASSWORD, Cluster, start_cluster


@pytest.fixture(scope="session")
def pg() -> Iterator[Cluster]:
    cluster = start_cluster()
    if cluster is None:
        reason = ("PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found in "
                  "PATH, pg_config --bindir or /usr/lib/postgresql/*/bin: install the "
                  "postgresql package to run the sync tests")
        if os.environ.get("DESKAPP_REQUIRE_POSTGRES"):
            pytest.fail(reason)
        pytest.skip(reason)
    try:
        yield cluster
    finally:
        cluster.destroy()


@dataclass
class Person:
    name: str
    role: str
    library: Library
    target: SyncTarget

    def sync(self, **kwargs: object) -> SyncReport:
        return run_sync(self.library, self.target, password=PASSWORD, **kwargs)  # type: ignore[arg-type]

    def connect(self):
        import psycopg

        return psycopg.connect(self.target.url, password=PASSWORD, autocommit=True)


@dataclass
class Newsroom:
    cluster: Cluster
    dbname: str
    tmp: Path

    def admin(self):
        return self.cluster.admin(self.dbname)

    def person(self, role: str, library: Library | None = None) -> Person:
        name = f"{role[:2]}_{uuid.uuid4().hex[:8]}"
        with self.cluster.admin(self.dbname) as conn:
            add_user(conn, name, PASSWORD, role)
        if library is None:
            library = Library.open(self.tmp / f"{name}.sqlite")
            library.set_setting("role", role)
            library.set_setting("user_name", name)
        target, _ = SyncTarget.parse(self.cluster.url(name, self.dbname))
        return Person(name, role, library, target)


@pytest.fixture
def newsroom(pg: Cluster, tmp_path: Path) -> Newsroom:
    dbname = pg.new_database()
    with pg.admin(dbname) as conn:
        setup_server(conn, dbname)
    return Newsroom(pg, dbname, tmp_path)


@pytest.fixture
def older_server(pg: Cluster, newsroom: Newsroom,
                 monkeypatch: pytest.MonkeyPatch) -> Callable[[int], Newsroom]:
    """``older_server(version)``: the newsroom on a server set up by a Deskapp that knew
    schemas up to ``version``."""

    def make(version: int) -> Newsroom:
        dbname = pg.new_database()
        with monkeypatch.context() as older:
            older.setattr(server, "MIGRATIONS", server.MIGRATIONS[:version])
            older.setattr(server, "SERVER_SCHEMA_VERSION", version)
            with pg.admin(dbname) as conn:
                assert setup_server(conn, dbname) == version
        return replace(newsroom, dbname=dbname)

    return make


@pytest.fixture
def reporter(newsroom: Newsroom) -> Iterator[Person]:
    person = newsroom.person("reporter")
    yield person
    person.library.close()


@pytest.fixture
def editor(newsroom: Newsroom) -> Iterator[Person]:
    person = newsroom.person("editor")
    yield person
    person.library.close()


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in a dict, like the OS one without the OS."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        self.items.pop((service, username), None)
