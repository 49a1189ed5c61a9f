"""The status of an article on its way from the reporter to the page.

::

    draft ──submit──► submitted ──take──► in_review ──approve──► approved ──export──► exported
      ▲                   │                  │    ▲                  ▲
      │                   └──────return──────┤    └──(approve from submitted too)
    returned ◄───────────────────────────────┘
      └──submit──► submitted

Every change of status is saved as a revision of kind ``status`` and one
row of ``status_events`` (who, in which role, when, from and to, and the
reason for a return or the note that approved despite open findings).

Approval covers the text that was approved. Exporting an approved article
moves it to ``exported``; exporting it again records another ``export``
step (exported → exported) so every PDF handed to the printer is in the
history. Editing the text of an approved or exported article withdraws the
approval: :func:`save_edit` first records a ``reopen`` step back to
``in_review`` (who, when), then saves the edit, and the article must be
approved again before a PDF carries an approval.

Saving text never changes the status: :func:`save_edit` keeps the status
the library has, so a window that still shows an older status cannot
overwrite a change made meanwhile in another window.

Two windows may act on the same article at once. The current status is
read and changed inside one ``BEGIN IMMEDIATE`` transaction, so of two
conflicting changes the second sees the first's result and is refused
(``transition_refused``, or ``transition_stale`` when the caller said which
status it expected).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum

from deskapp.desk.messages import describe
from deskapp.errors import ArticleNotFound, DeskappError, LibraryError
from deskapp.model import Approval, Article, RevisionKind, Status, new_id, now_iso
from deskapp.store import Library


class Role(StrEnum):
    REPORTER = "reporter"
    EDITOR = "editor"


class Action(StrEnum):
    SUBMIT = "submit"
    TAKE = "take"
    RETURN = "return"
    APPROVE = "approve"
    EXPORT = "export"
    REOPEN = "reopen"  # recorded by save_edit, never asked for


@dataclass(frozen=True)
class Rule:
    """Who may take an action, from which statuses, and where it leads."""

    roles: frozenset[Role]
    sources: frozenset[Status]
    target: Status


_BOTH = frozenset(Role)
_EDITOR = frozenset({Role.EDITOR})
RULES: dict[Action, Rule] = {
    Action.SUBMIT: Rule(_BOTH, frozenset({Status.DRAFT, Status.RETURNED}), Status.SUBMITTED),
    Action.TAKE: Rule(_EDITOR, frozenset({Status.SUBMITTED}), Status.IN_REVIEW),
    Action.RETURN: Rule(_EDITOR, frozenset({Status.SUBMITTED, Status.IN_REVIEW}),
                        Status.RETURNED),
    Action.APPROVE: Rule(_EDITOR, frozenset({Status.SUBMITTED, Status.IN_REVIEW}),
                         Status.APPROVED),
    Action.EXPORT: Rule(_EDITOR, frozenset({Status.APPROVED, Status.EXPORTED}),
                        Status.EXPORTED),
}


class DeskError(DeskappError):
    """A desk operation was refused; ``code`` says why (see :mod:`deskapp.desk.messages`)."""

    code = "transition_refused"

    def __str__(self) -> str:
        return describe(self)


class TransitionRefused(DeskError):
    """This action is not possible for this role from the article's current status."""

    code = "transition_refused"


@dataclass(frozen=True)
class StatusEvent:
    """One change of status, as recorded."""

    id: str
    article_id: str
    revision_id: str
    at: str
    user: str
    role: str
    action: str
    from_status: str
    to_status: str
    reason: str
    note: str


def allowed_actions(status: Status | str, role: Role | str) -> list[Action]:
    """The actions ``role`` may take on an article in ``status`` (for menus and buttons)."""
    status, role = Status(status), Role(role)
    return [a for a, rule in RULES.items() if status in rule.sources and role in rule.roles]


def save_edit(library: Library, article: Article, *, kind: str = RevisionKind.SAVE,
              user: str, role: Role | str) -> Article:
    """Save edited text, keeping the status the library has; return the saved article.

    The status in ``article`` is ignored (another window may have changed
    it). When the text of an approved or exported article changes, its
    approval is withdrawn first: a ``reopen`` status revision of the
    approved text, moved back to ``in_review``, with its event; then the
    edit is saved on top of it. Unchanged text is not a change.
    """
    role = _parse(Action.REOPEN, role)[1]
    with _immediate(library):
        try:
            current = library.get(article.id)
        except ArticleNotFound:
            return library.save(article, kind=kind, author=user)
        article.status = current.status
        if current.status in _APPROVED and _text_differs(current, article):
            previous = current.status
            current.status = Status.IN_REVIEW
            reopened = library.save(current, kind=RevisionKind.STATUS, author=user)
            _record(library, reopened, previous, Action.REOPEN, user, role, "", "")
            article.status = Status.IN_REVIEW
        return library.save(article, kind=kind, author=user)


def transition(
    library: Library,
    article_id: str,
    action: Action | str,
    *,
    user: str,
    role: Role | str,
    reason: str | None = None,
    override_note: str | None = None,
    expected_status: Status | str | None = None,
    tone_style: str | None = None,
) -> Article:
    """Move an article to its next status and record who did it; return the saved article.

    ``reason`` is required to return an article. Approval requires
    :func:`deskapp.proof.check` to find nothing, unless ``override_note``
    says why it is approved anyway (``tone_style`` is the newsroom's, for
    that check). ``expected_status`` is the status the caller's window
    shows: if someone else changed it meanwhile, the change is refused as
    stale. Raises :class:`TransitionRefused` and other :class:`DeskError`.
    """
    action, role = _parse(action, role)
    reason = (reason or "").strip()
    note = (override_note or "").strip()
    if action is Action.RETURN and not reason:
        raise DeskError("reason_required", action=str(action))
    with _immediate(library):
        article = library.get(article_id)
        _check_allowed(article, action, role, expected_status)
        if action is Action.APPROVE and not note:
            _require_clean_proof(library, article, tone_style)
        previous = article.status
        article.status = RULES[action].target
        saved = library.save(article, kind=RevisionKind.STATUS, author=user)
        _record(library, saved, previous, action, user, role, reason, note)
    return saved


def status_events(library: Library, article_id: str) -> list[StatusEvent]:
    """The article's changes of status, oldest first."""
    rows = library.db.query(
        "SELECT * FROM status_events WHERE article_id = ? ORDER BY at, rowid", [article_id]
    )
    return [StatusEvent(**{k: r[k] or "" for k in StatusEvent.__dataclass_fields__})
            for r in rows]


def last_event(library: Library, article_id: str,
               actions: tuple[str, ...]) -> StatusEvent | None:
    """The latest change made by one of ``actions``, or ``None``."""
    events = [e for e in status_events(library, article_id) if e.action in actions]
    return events[-1] if events else None


def approval_for(library: Library, article_id: str) -> Approval | None:
    """Who approved the article and when, while it stands approved (or exported).

    Taken from the latest ``approve`` change of status whose editor's
    signature verifies over the article's current text (see
    :mod:`deskapp.desk.approvals`); ``None`` for an article that was never
    approved, is not in the library, has been moved to another status since,
    or whose approval no trusted editor's key vouches for.
    """
    from deskapp.desk.approvals import verified_approval

    return verified_approval(library, article_id)


def counts_by_status(library: Library) -> dict[str, int]:
    """How many articles (outside the trash) are in each status; every status is present."""
    counts = {str(status): 0 for status in Status}
    for status, count in library.conn.execute(  # kept by triggers (migration 0007)
        "SELECT status, n FROM article_counts WHERE trashed = 0 AND n > 0"
    ):
        counts[status] = count
    return counts


def list_by_status(library: Library, status: Status | str) -> list[Article]:
    """The articles in ``status`` (outside the trash), the longest waiting first."""
    Status(status)
    rows = library.db.query(
        "SELECT id FROM articles WHERE status = ? AND deleted_at IS NULL "
        "ORDER BY updated_at, id",
        [str(status)],
    )
    return [library.get(row["id"]) for row in rows]


# ---------------------------------------------------------------- internals

_APPROVED = frozenset({Status.APPROVED, Status.EXPORTED})


def _text_differs(old: Article, new: Article) -> bool:
    new.normalize()
    return ({k: v for k, v in old.content().items() if k != "status"}
            != {k: v for k, v in new.content().items() if k != "status"})


def _parse(action: Action | str, role: Role | str) -> tuple[Action, Role]:
    try:
        parsed_action = Action(action)
    except ValueError:
        raise DeskError("unknown_action", action=str(action),
                        choices=", ".join(a.value for a in Action)) from None
    try:
        parsed_role = Role(role)
    except ValueError:
        raise DeskError("unknown_role", role=str(role)) from None
    return parsed_action, parsed_role


def _check_allowed(article: Article, action: Action, role: Role,
                   expected: Status | str | None) -> None:
    if expected is not None and Status(expected) != article.status:
        raise DeskError("transition_stale", action=str(action), status=str(article.status),
                        expected=str(Status(expected)), role=str(role))
    rule = RULES[action]
    if article.status not in rule.sources or role not in rule.roles:
        raise TransitionRefused(action=str(action), status=str(article.status), role=str(role))


def _require_clean_proof(library: Library, article: Article, tone_style: str | None) -> None:
    from deskapp.proof import check
    from deskapp.proof.house import library_house_style

    findings = check(article, tone_style=tone_style, house=library_house_style(library))
    if findings:
        raise DeskError("proof_findings", action="approve", count=len(findings),
                        rules=sorted({f.rule for f in findings}))


def _record(library: Library, article: Article, previous: Status, action: Action, user: str,
            role: Role, reason: str, note: str) -> None:
    event = {
        "id": new_id(),
        "article_id": article.id,
        "revision_id": article.revision_id,
        "at": now_iso(),
        "user": user,
        "role": str(role),
        "action": str(action),
        "from_status": str(previous),
        "to_status": str(article.status),
        "reason": reason,
        "note": note,
    }
    if action is Action.APPROVE:  # signed by the approving editor (deskapp.desk.approvals)
        from deskapp.desk.approvals import sign_approval

        event = sign_approval(library, event, article.content_hash())
    library.db["status_events"].insert(event)


@contextmanager
def _immediate(library: Library) -> Iterator[None]:
    """One write transaction taken at once (``BEGIN IMMEDIATE``).

    A deferred transaction would read the status under a shared lock and
    only fail when it tries to write; taking the write lock first makes the
    second of two concurrent changes wait, then read the first one's result.
    """
    conn = library.db.conn
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        path = str(library.path) if library.path else ":memory:"
        raise LibraryError("library_unwritable", path=path, reason=str(exc)) from exc
    try:
        yield
    except BaseException:
        conn.rollback()
        raise
    else:
        conn.execute("COMMIT")
