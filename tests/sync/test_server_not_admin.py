"""``deskapp server setup`` / ``add-user`` run with a reporter's sign-in: told so, status 1."""

from __future__ import annotations

import getpass

import pytest

from deskapp.cli import main
from pg_cluster import PASSWORD


@pytest.mark.parametrize("command", [["setup"], ["add-user", "{url}", "pv_moi", "--role",
                                                 "reporter"]])
def test_a_reporter_is_told_before_any_password_prompt(newsroom, reporter, capsys,
                                                      monkeypatch, command):
    asked: list[str] = []
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": asked.append(prompt) or PASSWORD)
    url = (f"host={newsroom.cluster.root} port={newsroom.cluster.port} user={reporter.name} "
           f"dbname={newsroom.dbname} password={PASSWORD}")
    args = ["server", command[0], url, *[part.format(url=url) for part in command[2:]]]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert f"“{reporter.name}” is not an administrator" in err
    assert "migration" not in err and "Error" not in err
    assert asked == []
    with newsroom.admin() as conn:
        assert conn.execute("SELECT 1 FROM pg_roles WHERE rolname = 'pv_moi'").fetchone() is None
