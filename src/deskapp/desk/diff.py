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
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, cast

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
    """The word-level difference from ``old`` to ``new``.

    Short texts are compared word by word at once. Longer ones are compared a
    paragraph at a time first, so unchanged paragraphs cost one comparison of
    their whole text each, and words are compared only inside the paragraphs
    that changed; see :func:`_diff_tokens`. Joined, the ``old`` sides of the
    result give ``old`` and the ``new`` sides give ``new`` (both in NFC).
    """
    old, new = nfc(old), nfc(new)
    if len(old) * len(new) <= WORD_LIMIT:  # fewer tokens than characters: one word matcher
        return _merge_equal_spaces(_joined(_diff_tokens(tokenize(old), tokenize(new))))
    # The common start and end are set aside before anything is split into words.
    start, old_end, new_end = _common_text_ends(old, new)
    spans: list[_Span] = [("equal", [old[:start]], [new[:start]]),
                          *_diff_tokens(tokenize(old[start:old_end]),
                                        tokenize(new[start:new_end])),
                          ("equal", [old[old_end:]], [new[new_end:]])]
    return _merge_equal_spaces(_joined(spans))


# Word comparisons (tokens on one side times tokens on the other) one matcher
# may take: about 5 ms on Vietnamese prose here (some 170 words a side). A
# changed run larger than this is first cut into sentences; a pair of sentences
# still larger than this is shown as one replacement. All the matchers of one
# comparison together make at most √WORD_LIMIT × (tokens of both texts) / 2.
WORD_LIMIT = 120_000

_PARAGRAPH, _SENTENCE = 0, 1
_SENTENCE_END = frozenset(".!?…;")
_LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")

_Span = tuple[OpKind, list[str], list[str]]


def _diff_tokens(a: list[str], b: list[str]) -> list[_Span]:
    """Aligned stretches of the token lists ``a`` and ``b``.

    Up to :data:`WORD_LIMIT` comparisons, one word matcher over the whole
    texts (what the comparison always was). Beyond it: the common start and
    end are set aside, the middle is matched a paragraph at a time, and runs
    of changed paragraphs are compared word by word — or, when such a run is
    itself too large (a text rewritten from top to bottom), sentence by
    sentence first. The work so follows the size of the change, not the
    square of the text.
    """
    if len(a) * len(b) <= WORD_LIMIT:
        return _word_spans(a, b)
    start, a_end, b_end = _common_ends(a, b)
    spans: list[_Span] = []
    if start:
        spans.append(("equal", a[:start], b[:start]))
    spans += _by_units(a[start:a_end], b[start:b_end], _PARAGRAPH)
    if a_end < len(a):
        spans.append(("equal", a[a_end:], b[b_end:]))
    return spans


def _by_units(a: list[str], b: list[str], level: int) -> list[_Span]:
    """Match whole paragraphs (or sentences), then look inside the runs that differ."""
    if not a or not b:
        return _word_spans(a, b)
    a_units, b_units = _units(a, level), _units(b, level)
    matcher = difflib.SequenceMatcher(None, [u for u, _s, _e in a_units],
                                      [u for u, _s, _e in b_units])
    spans: list[_Span] = []
    for kind, i1, i2, j1, j2 in matcher.get_opcodes():
        old = a[a_units[i1][1]:a_units[i2 - 1][2]] if i2 > i1 else []
        new = b[b_units[j1][1]:b_units[j2 - 1][2]] if j2 > j1 else []
        if kind == "equal" or not old or not new or len(old) * len(new) <= WORD_LIMIT:
            spans += [("equal", old, new)] if kind == "equal" else _word_spans(old, new)
        elif level == _PARAGRAPH:
            spans += _by_units(old, new, _SENTENCE)
        else:
            spans += _paired(a_units[i1:i2], b_units[j1:j2], a, b)
    return spans


def _paired(a_units: list[tuple[str, int, int]], b_units: list[tuple[str, int, int]],
            a: list[str], b: list[str]) -> list[_Span]:
    """A rewritten run of sentences: the first against the first, the second against the second…

    Sentences left over on the longer side are inserted or deleted. A pair
    still too large for the word matcher (one endless sentence) is one
    replacement once its common start and end are set aside.
    """
    spans: list[_Span] = []
    for (_u, i1, i2), (_v, j1, j2) in zip(a_units, b_units, strict=False):
        old, new = a[i1:i2], b[j1:j2]
        start, a_end, b_end = _common_ends(old, new)
        middle_old, middle_new = old[start:a_end], new[start:b_end]
        spans.append(("equal", old[:start], new[:start]))
        if len(middle_old) * len(middle_new) <= WORD_LIMIT:
            spans += _word_spans(middle_old, middle_new)
        else:
            spans.append(("replace", middle_old, middle_new))
        spans.append(("equal", old[a_end:], new[b_end:]))
    paired = min(len(a_units), len(b_units))
    if len(a_units) > paired:
        spans.append(("delete", a[a_units[paired][1]:a_units[-1][2]], []))
    if len(b_units) > paired:
        spans.append(("insert", [], b[b_units[paired][1]:b_units[-1][2]]))
    return spans


def _word_spans(a: list[str], b: list[str]) -> list[_Span]:
    if not a or not b:
        return [("delete" if a else "insert", a, b)] if a or b else []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [(cast(OpKind, kind), a[i1:i2], b[j1:j2])
            for kind, i1, i2, j1, j2 in matcher.get_opcodes()]


def _common_ends(a: list[str], b: list[str]) -> tuple[int, int, int]:
    """(length of the common start, end of ``a``'s middle, end of ``b``'s middle)."""
    limit = min(len(a), len(b))
    start = 0
    while start < limit and a[start] == b[start]:
        start += 1
    end = 0
    while end < limit - start and a[-1 - end] == b[-1 - end]:
        end += 1
    return start, len(a) - end, len(b) - end


def _common_text_ends(old: str, new: str) -> tuple[int, int, int]:
    """(length of the common start, end of ``old``'s middle, end of ``new``'s middle).

    Each cut falls where whitespace meets something else in both texts, which
    is always between two tokens: the middle splits into the same words it
    would as part of the whole text.
    """
    shortest = min(len(old), len(new))
    start = _common_length(old, new, shortest, lambda n, t: t[:n])
    while start and not (_cut(old, start) and _cut(new, start)):
        start -= 1
    end = _common_length(old, new, shortest - start, lambda n, t: t[len(t) - n:])
    while end and not (_cut(old, len(old) - end) and _cut(new, len(new) - end)):
        end -= 1
    return start, len(old) - end, len(new) - end


def _common_length(old: str, new: str, most: int, part: Callable[[int, str], str]) -> int:
    """The largest ``n`` up to ``most`` with ``part(n, old) == part(n, new)`` (by halving)."""
    low, high = 0, most
    while low < high:
        middle = (low + high + 1) // 2
        if part(middle, old) == part(middle, new):
            low = middle
        else:
            high = middle - 1
    return low


def _cut(text: str, at: int) -> bool:
    return at in (0, len(text)) or text[at - 1].isspace() != text[at].isspace()


def _units(tokens: list[str], level: int) -> list[tuple[str, int, int]]:
    """(text, first token, end token) of each paragraph or sentence of ``tokens``.

    A paragraph ends after whitespace holding a line break; a sentence after
    whitespace that follows a full stop, question or exclamation mark,
    ellipsis or semicolon (or a line break). Every token is in exactly one unit.
    """
    units = []
    first = 0
    for index, token in enumerate(tokens):
        if not token.isspace():
            continue
        breaks = not _LINE_BREAKS.isdisjoint(token)
        if breaks or (level == _SENTENCE and index and tokens[index - 1] in _SENTENCE_END):
            units.append(("".join(tokens[first:index + 1]), first, index + 1))
            first = index + 1
    if first < len(tokens):
        units.append(("".join(tokens[first:]), first, len(tokens)))
    return units


def _joined(spans: list[_Span]) -> list[Op]:
    """Ops from spans: empty ones dropped, neighbours of one kind joined.

    Like the matcher's own output, equal and changed stretches then alternate,
    a change being one replacement (or an insertion or deletion).
    """
    ops: list[Op] = []
    for kind, a, b in spans:
        old, new = "".join(a), "".join(b)
        if not old and not new:
            continue
        changed = kind != "equal"
        if ops and (ops[-1].kind != "equal") == changed:
            last = ops.pop()
            kind = "replace" if changed else "equal"
            old, new = last.old + old, last.new + new
        ops.append(_kind_fixed(Op(kind, old, new)))
    return ops


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
    Reads the text of one or two revisions, not the whole history.
    """
    return diff_fields(*review_pair(library, article_id, kind))


def review_pair(library: Library, article_id: str,
                kind: Literal["submit", "editor"] = "submit"
                ) -> tuple[dict[str, object], dict[str, object]]:
    """The two versions :func:`changes_since` compares (reads one or two revisions)."""
    from deskapp.desk.workflow import DeskError, status_events

    events = status_events(library, article_id)
    submits = [i for i, e in enumerate(events) if e.action == "submit"]
    if not submits:
        raise DeskError("never_submitted", ref=article_id)
    if kind not in ("submit", "editor"):
        raise ValueError(f"kind must be 'submit' or 'editor', not {kind!r}")
    submitted = events[submits[-1]]
    base = review_base(events) if kind == "submit" else submitted
    old = library.revision((base or submitted).revision_id).content
    new: dict[str, object] = library.get(article_id).content()
    if kind == "editor":
        later = [e for e in events[submits[-1] + 1:] if e.action in ("return", "approve")]
        if later:
            new = library.revision(later[-1].revision_id).content
    return old, new


def diff_fields(old: Mapping[str, object], new: Mapping[str, object]) -> dict[str, list[Op]]:
    """The word diff of each compared field (headline, lead, body, byline) that changed.

    Pure and thread-safe: the window runs it on a worker.
    """
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
