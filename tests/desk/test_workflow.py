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


def approved(library: Library) -> Article:
    article = library.create(clean_article())
    transition(library, article.id, "submit", user="an", role="reporter")
    return transition(library, article.id, "approve", user="bình", role="editor")


def test_saving_text_keeps_the_status_the_library_has(library):
    from deskapp.desk import save_edit

    article = library.create(clean_article())
    stale = library.get(article.id)  # what a second window shows: a draft
    transition(library, article.id, "submit", user="an", role="reporter")
    stale.body += " Thêm một câu."
    saved = save_edit(library, stale, kind=RevisionKind.AUTOSAVE, user="an", role="reporter")
    assert str(saved.status) == "submitted" == str(library.get(article.id).status)
    assert [r.content["status"] for r in library.revisions(article.id)] == \
        ["draft", "submitted", "submitted"]
    assert [e.action for e in status_events(library, article.id)] == ["submit"]


def test_editing_an_approved_text_withdraws_the_approval(library):
    from deskapp.desk import save_edit

    article = approved(library)
    unchanged = save_edit(library, library.get(article.id), user="bình", role="editor")
    assert str(unchanged.status) == "approved"
    assert approval_for(library, article.id) is not None
    before = len(library.revisions(article.id))

    edited = library.get(article.id).with_content(body="Thân bài đã sửa sau khi duyệt.")
    saved = save_edit(library, edited, kind=RevisionKind.AUTOSAVE, user="chi", role="editor")
    assert str(saved.status) == "in_review"
    assert approval_for(library, article.id) is None
    revisions = library.revisions(article.id)
    assert len(revisions) == before + 2
    reopen, edit = revisions[-2:]
    assert (reopen.kind, reopen.content["status"], reopen.content["body"]) == \
        ("status", "in_review", "Thân bài quy chế dân chủ.")
    assert (edit.kind, edit.content["body"]) == ("autosave", "Thân bài đã sửa sau khi duyệt.")
    event = status_events(library, article.id)[-1]
    assert (event.action, event.from_status, event.to_status, event.user, event.revision_id) == \
        ("reopen", "approved", "in_review", "chi", reopen.id)
    # Approved again, it exports with the new approval.
    transition(library, article.id, "approve", user="bình", role="editor")
    assert approval_for(library, article.id).approver == "bình"


def test_every_export_is_recorded_and_an_edited_export_goes_back_to_review(library):
    from deskapp.desk import save_edit

    article = approved(library)
    transition(library, article.id, "export", user="bình", role="editor",
               expected_status="approved")
    again = transition(library, article.id, "export", user="bình", role="editor",
                       expected_status="exported")
    assert str(again.status) == "exported"
    events = status_events(library, article.id)
    assert [(e.action, e.from_status, e.to_status) for e in events[-2:]] == \
        [("export", "approved", "exported"), ("export", "exported", "exported")]
    assert len({e.revision_id for e in events}) == len(events)  # one revision each
    assert approval_for(library, article.id) is not None

    edited = library.get(article.id).with_content(title="Tít mới")
    assert str(save_edit(library, edited, user="an", role="reporter").status) == "in_review"
    assert status_events(library, article.id)[-1].from_status == "exported"
    with pytest.raises(TransitionRefused):
        transition(library, article.id, "export", user="bình", role="editor")


def test_a_damaged_revision_is_marked_and_the_rest_of_the_history_reads(library):
    article = library.create(clean_article())
    article.body = "Bản thứ hai."
    library.save(article)
    article.body = "Bản thứ ba."
    library.save(article)
    first, second, _third = library.revisions(article.id)
    library.db.execute("UPDATE revisions SET body = 'chữ bị hỏng' WHERE id = ?", [second.id])
    library.db.execute("UPDATE revisions SET tags = '[[' WHERE id = ?", [first.id])
    library.db.conn.commit()
    revisions = library.revisions(article.id)
    assert [r.damaged for r in revisions] == [True, True, False]
    assert revisions[2].content["body"] == "Bản thứ ba."


def test_two_connections_changing_one_status_at_the_same_moment(tmp_path):
    import threading

    path = tmp_path / "library.sqlite"
    setup = Library.open(path)
    article = setup.create(clean_article())
    transition(setup, article.id, "submit", user="an", role="reporter")
    setup.close()
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def act(user: str, action: str) -> None:
        library = Library.open(path)
        try:
            barrier.wait(timeout=60)  # a failure in one thread breaks it instead of hanging
            transition(library, article.id, action, user=user, role="editor",
                       reason="Thiếu nguồn", expected_status="submitted")
            outcomes[user] = "done"
        except DeskError as error:
            outcomes[user] = error.code
        except Exception as error:  # reported by the assertion below
            outcomes[user] = repr(error)
            barrier.abort()
        finally:
            library.close()

    threads = [threading.Thread(target=act, args=("bình", "take")),
               threading.Thread(target=act, args=("chi", "return"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes.values()) == ["done", "transition_stale"]
    check = Library.open(path)
    try:
        events = status_events(check, article.id)
        assert len(events) == 2 and events[0].action == "submit"
        winner = next(user for user, outcome in outcomes.items() if outcome == "done")
        assert events[1].user == winner
        revisions = check.revisions(article.id)
        assert [r.kind for r in revisions] == ["create", "status", "status"]
        assert not any(r.damaged for r in revisions)
    finally:
        check.close()
