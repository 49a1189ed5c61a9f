"""Word-level differences between two versions of a text, for Vietnamese.

A character diff of Vietnamese is unreadable: "quy chế" → "quy định"
would show as a scatter of changed letters and marks. Here both texts are
split into words (each syllable is a word), runs of spaces and single
punctuation marks, and the token lists are compared, so that change is one
replaced word. Texts are compared in NFC, so a decomposed "ế" and a
precomposed one are the same word.

The HTML renderers target Qt's ``QTextBrowser``, which understands only a
subset of CSS: colours and ``text-decoration`` are given inline on each
``<ins>``/``<del>``, nothing relies on a stylesheet.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from deskapp.text import nfc

if TYPE_CHECKING:
    from deskapp.desk.workflow import StatusEvent
    from deskapp.store import Library

OpKind = Literal["equal", "insert", "delete", "replace"]

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_INS_STYLE = "background-color:#d4f7d4; color:#0a5d0a; text-decoration:none;"
_DEL_STYLE = "background-color:#fbdada; color:#8a1010; text-decoration:line-through;"
DIFF_FIELDS = ("title", "lead", "body", "byline")


@dataclass(frozen=True)
class Op:
    """One stretch of the comparison: ``old`` and ``new`` are the texts on each side."""

    kind: OpKind
    old: str
    new: str


def tokenize(text: str) -> list[str]:
    """Words, whitespace runs and single punctuation marks, in order; joined they give ``text``."""
    return _TOKEN.findall(nfc(text))


def diff_words(old: str, new: str) -> list[Op]:
    """The word-level difference from ``old`` to ``new``."""
    a, b = tokenize(old), tokenize(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    ops: list[Op] = []
    for kind, i1, i2, j1, j2 in matcher.get_opcodes():
        ops.append(Op(kind, "".join(a[i1:i2]), "".join(b[j1:j2])))  # type: ignore[arg-type]
    return _merge_equal_spaces(ops)


def _merge_equal_spaces(ops: list[Op]) -> list[Op]:
    """Join two changes separated only by one equal space into one replacement.

    "quy chế dân" → "nội quy dân" reads better as one change of two words
    than as two changes around an unchanged space.
    """
    merged: list[Op] = []
    for op in ops:
        if (len(merged) >= 2 and merged[-1].kind == "equal" and merged[-1].old.isspace()
                and merged[-2].kind != "equal" and op.kind != "equal"):
            space = merged.pop()
            before = merged.pop()
            op = Op("replace", before.old + space.old + op.old, before.new + space.new + op.new)
        merged.append(op)
    return [_kind_fixed(op) for op in merged]


def _kind_fixed(op: Op) -> Op:
    if op.kind == "replace" and not op.old:
        return Op("insert", "", op.new)
    if op.kind == "replace" and not op.new:
        return Op("delete", op.old, "")
    return op


def has_changes(ops: list[Op]) -> bool:
    return any(op.kind != "equal" for op in ops)


def inline_html(ops: list[Op]) -> str:
    """One text with deletions struck through in red and insertions in green."""
    parts = []
    for op in ops:
        if op.kind == "equal":
            parts.append(_escape(op.old))
            continue
        if op.old:
            parts.append(_deleted(op.old))
        if op.new:
            parts.append(_inserted(op.new))
    return "".join(parts)


def side_by_side(ops: list[Op]) -> tuple[str, str]:
    """(old text with deletions marked, new text with insertions marked)."""
    left, right = [], []
    for op in ops:
        if op.kind == "equal":
            left.append(_escape(op.old))
            right.append(_escape(op.new))
            continue
        if op.old:
            left.append(_deleted(op.old))
        if op.new:
            right.append(_inserted(op.new))
    return "".join(left), "".join(right)


def _escape(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br/>")


def _inserted(text: str) -> str:
    return f'<ins style="{_INS_STYLE}">{_escape(text)}</ins>'


def _deleted(text: str) -> str:
    return f'<del style="{_DEL_STYLE}">{_escape(text)}</del>'


# ---------------------------------------------------------------- article history


def changes_since(library: Library, article_id: str,
                  kind: Literal["submit", "editor"] = "submit") -> dict[str, list[Op]]:
    """Per field (headline, lead, body, byline), what changed — only fields that did.

    ``kind="submit"``: from the version the reporter last submitted to the
    current one ("what changed since submission"); when that submission
    answered a return, from the version the editor returned, so the editor
    sees what the reporter changed in response (see :func:`review_base`). ``kind="editor"``: from
    that submitted version to the one the editor last returned or approved
    (or the current one while it is still being edited): "what the editor
    changed". Raises ``DeskError("never_submitted")`` if there is no submission.
    """
    from deskapp.desk.workflow import DeskError, status_events

    events = status_events(library, article_id)
    submits = [i for i, e in enumerate(events) if e.action == "submit"]
    if not submits:
        raise DeskError("never_submitted", ref=article_id)
    submitted = events[submits[-1]]
    revisions = {r.id: r for r in library.revisions(article_id)}
    base = review_base(events) if kind == "submit" else submitted
    old = revisions[(base or submitted).revision_id].content
    new: dict[str, object] = library.get(article_id).content()
    if kind == "editor":
        later = [e for e in events[submits[-1] + 1:] if e.action in ("return", "approve")]
        if later:
            new = revisions[later[-1].revision_id].content
    elif kind != "submit":
        raise ValueError(f"kind must be 'submit' or 'editor', not {kind!r}")
    result = {}
    for name in DIFF_FIELDS:
        ops = diff_words(str(old.get(name) or ""), str(new.get(name) or ""))
        if has_changes(ops):
            result[name] = ops
    return result


def review_base(events: list[StatusEvent]) -> StatusEvent | None:
    """Where "what changed since submission" starts: the last submission, or the
    return it answered (the return just before it), or None if never submitted."""
    submits = [i for i, e in enumerate(events) if e.action == "submit"]
    if not submits:
        return None
    before = [e for e in events[:submits[-1]] if e.action in ("submit", "return")]
    if before and before[-1].action == "return":
        return before[-1]
    return events[submits[-1]]
