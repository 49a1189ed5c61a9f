"""The status machine: who may move an article where, and what is recorded."""

from __future__ import annotations

import pytest

from deskapp.desk import (
    DeskError,
    TransitionRefused,
    allowed_actions,
    approval_for,
    counts_by_status,
    list_by_status,
    status_events,
    transition,
)
from deskapp.desk.messages import describe
from deskapp.model import Approval, Article, RevisionKind
from deskapp.store import Library


@pytest.fixture
def library():
    lib = Library.in_memory()
    yield lib
    lib.close()


def clean_article(**changes: object) -> Article:
    fields = {"title": "Tít bài", "lead": "Sapo.", "byline": "Thanh Tùng",
              "body": "Thân bài quy chế dân chủ."}
    fields.update(changes)
    return Article(**fields)  # type: ignore[arg-type]


def test_full_flow_submit_take_return_resubmit_approve_export(library):
    article = library.create(clean_article(body="Thân bài  có lỗi."), author="an")
    transition(library, article.id, "submit", user="an", role="reporter")
    transition(library, article.id, "take", user="bình", role="editor")
    returned = transition(library, article.id, "return", user="bình", role="editor",
                          reason="Thiếu số liệu")
    assert returned.status == "returned"
    transition(library, article.id, "submit", user="an", role="reporter")
    with pytest.raises(DeskError) as info:
        transition(library, article.id, "approve", user="bình", role="editor")
    assert info.value.code == "proof_findings" and info.value.data["count"] == 1
    approved = transition(library, article.id, "approve", user="bình", role="editor",
                          override_note="Lỗi khoảng trắng, sửa khi dàn trang")
    assert approved.status == "approved"
    exported = transition(library, article.id, "export", user="bình", role="editor")
    assert exported.status == "exported" and library.get(article.id).status == "exported"

    events = status_events(library, article.id)
    assert [(e.action, e.from_status, e.to_status) for e in events] == [
        ("submit", "draft", "submitted"), ("take", "submitted", "in_review"),
        ("return", "in_review", "returned"), ("submit", "returned", "submitted"),
        ("approve", "submitted", "approved"), ("export", "approved", "exported"),
    ]
    assert events[2].reason == "Thiếu số liệu" and events[2].user == "bình"
    assert events[4].note.startswith("Lỗi khoảng trắng") and events[4].role == "editor"
    status_revisions = [r for r in library.revisions(article.id) if r.kind == RevisionKind.STATUS]
    assert [r.id for r in status_revisions] == [e.revision_id for e in events]
    assert [r.author for r in status_revisions] == ["an", "bình", "bình", "an", "bình", "bình"]


def test_approve_clean_article_needs_no_note(library):
    article = library.create(clean_article())
    transition(library, article.id, "submit", user="an", role="reporter")
    transition(library, article.id, "take", user="bình", role="editor")
    assert transition(library, article.id, "approve", user="bình",
                      role="editor").status == "approved"


@pytest.mark.parametrize(("action", "role"), [
    ("take", "reporter"), ("approve", "reporter"), ("return", "reporter"),
    ("export", "editor"), ("take", "editor"),
])
def test_refused_transitions_name_action_status_and_role(library, action, role):
    article = library.create(clean_article())
    with pytest.raises(TransitionRefused) as info:
        transition(library, article.id, action, user="x", role=role, reason="r")
    error = info.value
    assert error.code == "transition_refused"
    assert error.data == {"action": action, "status": "draft", "role": role}
    assert "draft" in describe(error, "en") and "bản nháp" in describe(error, "vi")
    assert library.get(article.id).status == "draft"
    assert status_events(library, article.id) == []


def test_return_requires_a_reason(library):
    article = library.create(clean_article())
    transition(library, article.id, "submit", user="an", role="reporter")
    with pytest.raises(DeskError) as info:
        transition(library, article.id, "return", user="bình", role="editor", reason="  ")
    assert info.value.code == "reason_required"


def test_unknown_action_and_role(library):
    article = library.create(clean_article())
    with pytest.raises(DeskError, match="publish"):
        transition(library, article.id, "publish", user="x", role="editor")
    with pytest.raises(DeskError) as info:
        transition(library, article.id, "submit", user="x", role="admin")
    assert info.value.code == "unknown_role"


def test_stale_concurrent_transition_is_refused(tmp_path):
    path = tmp_path / "library.sqlite"
    first, second = Library.open(path), Library.open(path)  # two windows
    try:
        article = first.create(clean_article())
        transition(first, article.id, "submit", user="an", role="reporter")
        seen_by_both = second.get(article.id).status
        transition(first, article.id, "take", user="bình", role="editor",
                   expected_status=seen_by_both)
        with pytest.raises(TransitionRefused):
            transition(second, article.id, "take", user="chi", role="editor")
        with pytest.raises(DeskError) as info:
            transition(second, article.id, "return", user="chi", role="editor",
                       reason="x", expected_status=seen_by_both)
        assert info.value.code == "transition_stale"
        assert [e.user for e in status_events(second, article.id)] == ["an", "bình"]
    finally:
        first.close()
        second.close()


def test_counts_and_lists_by_status(library):
    ids = [library.create(clean_article(title=f"Bài {i}")).id for i in range(3)]
    transition(library, ids[0], "submit", user="an", role="reporter")
    transition(library, ids[1], "submit", user="an", role="reporter")
    transition(library, ids[1], "take", user="bình", role="editor")
    library.trash(ids[2])
    counts = counts_by_status(library)
    assert counts["submitted"] == 1 and counts["in_review"] == 1 and counts["draft"] == 0
    assert set(counts) == {"draft", "submitted", "in_review", "approved", "exported", "returned"}
    assert [a.id for a in list_by_status(library, "submitted")] == [ids[0]]


def test_allowed_actions():
    assert allowed_actions("submitted", "editor") == ["take", "return", "approve"]
    assert allowed_actions("submitted", "reporter") == []
    assert allowed_actions("returned", "reporter") == ["submit"]


def test_new_migration_is_counted():
    from deskapp.store.schema import SCHEMA_VERSION, migrations

    lib = Library.in_memory()
    try:
        assert SCHEMA_VERSION == len(migrations._migrations) >= 3
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert {"status_events", "comments"} <= set(lib.db.table_names())
    finally:
        lib.close()


def test_approval_for_comes_from_the_last_approve_and_holds_through_export(library):
    article = library.create(clean_article(), author="an")
    assert approval_for(library, article.id) is None
    transition(library, article.id, "submit", user="an", role="reporter")
    assert approval_for(library, article.id) is None
    transition(library, article.id, "approve", user="bình", role="editor",
               override_note="in gấp")
    event = status_events(library, article.id)[-1]
    expected = Approval(approver="bình", approved_at=event.at, note="in gấp")
    assert approval_for(library, article.id) == expected
    transition(library, article.id, "export", user="chi", role="editor")
    assert approval_for(library, article.id) == expected
    assert approval_for(library, "no-such-article") is None


def test_a_status_set_back_outside_approval_has_no_approval(library):
    article = library.create(clean_article(), author="an")
    transition(library, article.id, "submit", user="an", role="reporter")
    transition(library, article.id, "approve", user="bình", role="editor")
    back = library.get(article.id)
    back.status = "draft"
    library.save(back, author="an")
    assert approval_for(library, article.id) is None
