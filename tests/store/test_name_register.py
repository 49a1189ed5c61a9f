"""The name register in the library: entries, removals that travel, merging, filling."""

from __future__ import annotations

import json

import pytest

from deskapp.cli import main
from deskapp.desk.register import approved_candidates, fill_from_approved
from deskapp.model import Article, Status
from deskapp.proof import check
from deskapp.proof.house import library_house_style
from deskapp.store import Library
from deskapp.store.names import (
    NameRegisterError,
    check_name_records,
    entries,
    merge_names,
    registered_names,
    remove_name,
    set_name,
)


def test_one_entry_per_name_whatever_its_spelling():
    library = Library.in_memory()
    set_name(library, "Hoàng Văn  Kì", user="Biên tập")
    set_name(library, "Hoàng Văn Kỳ", kind="person", note="Chủ tịch xã", user="Biên tập")
    [entry] = entries(library)
    assert (entry.name, entry.note, entry.updated_by) == ("Hoàng Văn Kỳ", "Chủ tịch xã",
                                                          "Biên tập")
    assert remove_name(library, "hoang van ky") is True
    assert entries(library) == [] and registered_names(library) == ()
    [gone] = entries(library, removed=True)
    assert gone.removed_at is not None
    assert remove_name(library, "Không Có Ai") is False


@pytest.mark.parametrize("name", ["", "   ", "123", "x" * 201])
def test_a_name_the_register_cannot_take(name):
    with pytest.raises(NameRegisterError) as caught:
        set_name(Library.in_memory(), name)
    assert "name register" in str(caught.value) or "sổ tên" in str(caught.value)


def test_merging_keeps_the_later_change_of_each_name():
    here, there = Library.in_memory(), Library.in_memory()
    set_name(here, "Đắk Glei", kind="place")
    set_name(there, "Đăk Glei", kind="place")  # later: wins
    set_name(there, "Kon Tum", kind="place")
    records = check_name_records([e.record() for e in entries(there, removed=True)])
    assert records is not None
    assert merge_names(here, records) == 2
    assert [e.name for e in entries(here)] == ["Đăk Glei", "Kon Tum"]
    assert merge_names(here, records) == 0  # the same again changes nothing
    remove_name(there, "Kon Tum")
    merge_names(here, check_name_records([e.record() for e in entries(there, removed=True)]))
    assert [e.name for e in entries(here)] == ["Đăk Glei"]


@pytest.mark.parametrize("records", [
    "not a list",
    [{"key": "x"}],
    [{"key": "kon tum", "name": "Kon Tum", "kind": "planet", "note": "",
      "updated_at": "2026", "updated_by": "", "removed_at": None}],
    [{"key": "other", "name": "Kon Tum", "kind": "place", "note": "",
      "updated_at": "2026", "updated_by": "", "removed_at": None}],
])
def test_malformed_records_are_refused(records):
    assert check_name_records(records) is None


def test_proofing_reads_the_register_of_the_library():
    library = Library.in_memory()
    set_name(library, "Hoàng Văn Kỳ")
    article = Article(title="Tít", lead="Sapo.", byline="PV", body="Ông Hoàng Văn Kì dự.")
    [finding] = check(article, house=library_house_style(library))
    assert (finding.rule, finding.fix) == ("name_register", "Hoàng Văn Kỳ")


def test_filling_from_approved_articles_only():
    library = Library.in_memory()
    approved = library.create(Article(
        title="Tít", lead="Sapo.", byline="PV",
        body="Ông Hoàng Văn Kỳ, Chủ tịch Ủy ban nhân dân huyện Đắk Glei, làm việc với "
             "Ủy ban nhân dân tỉnh Kon Tum. Ông Hoàng Văn Kỳ nói."))
    approved.status = Status.APPROVED
    library.save(approved)
    library.create(Article(title="Nháp", body="Ông Trần Văn Bình ở xã Ngọc Hồi."))
    names = {(c.name, c.kind) for c in approved_candidates(library.conn)}
    assert names == {("Hoàng Văn Kỳ", "person"), ("Đắk Glei", "place"), ("Kon Tum", "place"),
                     ("Ủy ban nhân dân huyện Đắk Glei", "body"),
                     ("Ủy ban nhân dân tỉnh Kon Tum", "body")}
    remove_name(library, "Kon Tum")  # nothing to remove: not registered yet
    set_name(library, "Kon Tum", kind="place")
    remove_name(library, "Kon Tum")  # an editor took it out: filling does not bring it back
    added = fill_from_approved(library, user="Biên tập")
    assert {e.name for e in added} == names_without(names, "Kon Tum")
    assert fill_from_approved(library, user="Biên tập") == []


def names_without(names, name):
    return {n for n, _kind in names} - {name}


def test_the_command_line(library_path, capsys):
    lib = ["--library", str(library_path)]
    assert main([*lib, "names", "add", "Hoàng Văn Kỳ"]) == 1  # a reporter may not
    assert "editors" in capsys.readouterr().err
    library = Library.open(library_path)
    library.set_setting("role", "editor")
    library.close()
    assert main([*lib, "names", "add", "Đắk Glei", "--kind", "place"]) == 0
    assert main([*lib, "names", "add", "Hoàng Văn Kỳ", "--note", "Chủ tịch xã"]) == 0
    capsys.readouterr()
    assert main([*lib, "names", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(e["name"], e["kind"]) for e in listed] == [("Đắk Glei", "place"),
                                                        ("Hoàng Văn Kỳ", "person")]
    assert main([*lib, "names", "remove", "Dak Glei"]) == 0
    assert main([*lib, "names", "remove", "Dak Glei"]) == 1
    assert main([*lib, "names", "fill"]) == 0
    assert "0" in capsys.readouterr().out.splitlines()[-1]


def test_the_house_style_command(library_path, capsys):
    lib = ["--library", str(library_path)]
    assert main([*lib, "house-style"]) == 0
    shown = dict(line.split("\t") for line in capsys.readouterr().out.splitlines())
    assert shown["unit_in_full_name"] == "lower" and shown["dates"] == "slash"
    assert main([*lib, "house-style", "dates", "dash"]) == 1  # a reporter may not
    library = Library.open(library_path)
    library.set_setting("role", "editor")
    library.close()
    capsys.readouterr()
    assert main([*lib, "house-style", "dates", "dash"]) == 0
    assert main([*lib, "house-style", "thousands", "none"]) == 0
    assert capsys.readouterr().out.splitlines() == ["dates\tdash", "thousands\tnone"]
    assert main([*lib, "house-style", "dates", "sideways"]) == 1
    assert "sideways" in capsys.readouterr().err
    library = Library.open(library_path)
    try:
        house = library_house_style(library)
    finally:
        library.close()
    assert (house.dates, house.thousands) == ("dash", "")


def test_every_change_bumps_the_register_version():
    from deskapp.store.names import register_version

    library = Library.in_memory()
    versions = [register_version(library)]
    set_name(library, "Kon Tum", kind="place")
    versions.append(register_version(library))
    remove_name(library, "Kon Tum")
    versions.append(register_version(library))
    other = Library.in_memory()
    set_name(other, "Đắk Glei", kind="place")
    merge_names(library, check_name_records([e.record() for e in entries(other)]))
    versions.append(register_version(library))
    assert len(set(versions)) == 4
