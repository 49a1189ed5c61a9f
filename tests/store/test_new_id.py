"""Article ids are random version-4 UUIDs in their usual text form."""

from __future__ import annotations

import uuid

import pytest

from deskapp.model import new_id
from deskapp.workspace import user_at


def test_new_ids_are_version_4_uuids_written_as_uuid_writes_them():
    ids = [new_id() for _ in range(2_000)]
    assert len(set(ids)) == len(ids)
    for text in ids:
        parsed = uuid.UUID(text)
        assert parsed.version == 4 and parsed.variant == uuid.RFC_4122
        assert str(parsed) == text


def test_the_login_name_is_read_as_getpass_reads_it(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path):
    import getpass

    for variable in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("USER", "phongvien")
    monkeypatch.setenv("USERNAME", "other")
    assert user_at(tmp_path / "none.sqlite") == getpass.getuser() == "phongvien"
    monkeypatch.setenv("LOGNAME", "btv")
    assert user_at(tmp_path / "none.sqlite") == getpass.getuser() == "btv"
