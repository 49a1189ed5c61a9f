"""Editor's comments anchored to a range of text in one field of an article.

Offsets alone go wrong as soon as anyone types above the comment, so each
comment also keeps the quoted text and about 32 characters of context on
each side (the approach of web annotation "text quote selectors").
:func:`reanchor` finds the range again in edited text:

1. the quote with its context on both sides: ``exact`` if still at the
   stored offsets, else ``moved``;
2. the quote found exactly once anywhere: ``moved``;
3. several copies of the quote, or the quote itself slightly edited: the
   place whose surroundings best resemble the stored context (difflib):
   ``fuzzy``;
4. otherwise ``lost``: the quoted text is gone; the comment stays, unanchored.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

from deskapp.desk.workflow import DeskError
from deskapp.model import Article, new_id, now_iso
from deskapp.store import Library

CONTEXT = 32
COMMENT_FIELDS = ("title", "lead", "body", "byline")
# How much the text between the old context must resemble the quote to be it.
_FUZZY_QUOTE = 0.6
# How much the surroundings of one of several copies must resemble the context.
_FUZZY_CONTEXT = 0.5

AnchorStatus = Literal["exact", "moved", "fuzzy", "lost"]


@dataclass(frozen=True)
class Comment:
    id: str
    article_id: str
    field: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    body: str
    author: str
    created_at: str
    resolved_at: str | None
    revision_id: str | None

    @property
    def resolved(self) -> bool:
        return self.resolved_at is not None


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    status: AnchorStatus


def add_comment(library: Library, article: Article, field: str, start: int, end: int,
                body: str, author: str) -> Comment:
    """Attach ``body`` to ``article.<field>[start:end]`` as it is now."""
    text = getattr(article, field, None) if field in COMMENT_FIELDS else None
    if text is None or not 0 <= start < end <= len(text):
        raise DeskError("comment_range_invalid", where=field, start=start, end=end)
    comment = Comment(
        id=new_id(), article_id=article.id, field=field, start=start, end=end,
        quote=text[start:end], prefix=text[max(0, start - CONTEXT):start],
        suffix=text[end:end + CONTEXT], body=body.strip(), author=author,
        created_at=now_iso(), resolved_at=None, revision_id=article.revision_id,
    )
    with library.db.atomic():
        library.db["comments"].insert(comment.__dict__)
    return comment


def list_comments(library: Library, article_id: str, *,
                  include_resolved: bool = True) -> list[Comment]:
    """The article's comments, oldest first."""
    where = "" if include_resolved else " AND resolved_at IS NULL"
    rows = library.db.query(
        f"SELECT * FROM comments WHERE article_id = ?{where} ORDER BY created_at, rowid",
        [article_id],
    )
    return [_comment(row) for row in rows]


def get_comment(library: Library, comment_id: str) -> Comment:
    rows = list(library.db.query("SELECT * FROM comments WHERE id = ?", [comment_id]))
    if not rows:
        raise DeskError("comment_not_found", ref=comment_id)
    return _comment(rows[0])


def resolve(library: Library, comment_id: str, by: str | None = None) -> Comment:
    """Mark a comment as dealt with (it stays in the history).

    The resolution is also kept as a fact that travels with the article
    (``comment_resolutions``: who, when), packages and the newsroom server
    carry it. ``by`` defaults to the library's profile name. A comment
    resolved before keeps its first resolution there (the earliest wins).
    """
    comment = get_comment(library, comment_id)
    when = now_iso()
    who = (library.get_setting("user_name") or "") if by is None else by
    with library.db.atomic():
        library.db["comments"].update(comment_id, {"resolved_at": when})
        library.db.execute(
            "INSERT OR IGNORE INTO comment_resolutions (comment_id, article_id, resolved_at, "
            "resolved_by) VALUES (?, ?, ?, ?)", [comment_id, comment.article_id, when, who])
    return get_comment(library, comment_id)


def reopen(library: Library, comment_id: str) -> Comment:
    """Open a resolved comment again, here only.

    The resolution that travelled stays recorded, so receiving it again
    (the same package, the next sync) does not close the comment again; a
    reopen does not travel.
    """
    get_comment(library, comment_id)
    with library.db.atomic():
        library.db["comments"].update(comment_id, {"resolved_at": None})
    return get_comment(library, comment_id)


def resolution_of(library: Library, comment_id: str) -> tuple[str, str] | None:
    """``(resolved_at, resolved_by)`` of the comment's recorded resolution, or ``None``."""
    row = library.db.execute(
        "SELECT resolved_at, resolved_by FROM comment_resolutions WHERE comment_id = ?",
        [comment_id]).fetchone()
    return (row[0], row[1]) if row else None


def move_anchor(library: Library, comment: Comment, anchor: Anchor,
                text: str | None = None) -> Comment:
    """Store a re-found range (not for ``lost``), so the next search starts from it.

    With ``text`` (the field the anchor was found in) the context on both
    sides is taken from it too, so the comment keeps following its words
    through many small edits around them. The quote stays as written when
    the comment was made.
    """
    changes = _anchor_changes(comment, anchor, text)
    if not changes:
        return comment
    with library.db.atomic():
        library.db["comments"].update(comment.id, changes)
    return get_comment(library, comment.id)


def anchored_comments(library: Library, article: Article, *,
                      include_resolved: bool = True,
                      store: bool = False) -> list[tuple[Comment, Anchor]]:
    """Every comment with its range in the article's current text.

    With ``store`` the ranges found again are written back (one transaction
    for all), and the comments returned carry them; a comment whose text is
    gone keeps its last range and comes back ``lost``.
    """
    found = find_anchors(list_comments(library, article.id, include_resolved=include_resolved),
                         article)
    return store_anchors(library, article, found) if store else found


def find_anchors(comments: list[Comment], article: Article) -> list[tuple[Comment, Anchor]]:
    """Each comment's range in ``article``'s text now. Reads nothing: a worker may run it."""
    return [(c, reanchor(c, getattr(article, c.field))) for c in comments]


def store_anchors(library: Library, article: Article,
                  found: list[tuple[Comment, Anchor]]) -> list[tuple[Comment, Anchor]]:
    """Write the ranges :func:`find_anchors` found back (one transaction); the comments
    returned carry them."""
    moves = {c.id: changes for c, a in found
             if (changes := _anchor_changes(c, a, getattr(article, c.field)))}
    if not moves:
        return found
    with library.db.atomic():
        for comment_id, changes in moves.items():
            library.db["comments"].update(comment_id, changes)
    return [(_moved(c, moves.get(c.id)), a) for c, a in found]


def _anchor_changes(comment: Comment, anchor: Anchor, text: str | None) -> dict[str, object]:
    """The columns that change when ``comment`` moves to ``anchor`` (none when lost)."""
    if anchor.status == "lost":
        return {}
    changes: dict[str, object] = {"start": anchor.start, "end": anchor.end}
    if text is not None:
        changes["prefix"] = text[max(0, anchor.start - CONTEXT):anchor.start]
        changes["suffix"] = text[anchor.end:anchor.end + CONTEXT]
    return {k: v for k, v in changes.items() if getattr(comment, k) != v}


def _moved(comment: Comment, changes: dict[str, object] | None) -> Comment:
    if not changes:
        return comment
    return Comment(**{**comment.__dict__, **changes})


def reanchor(comment: Comment, text: str) -> Anchor:
    """Where ``comment``'s quote is in ``text`` now (see the module notes)."""
    quote = comment.quote
    copies = _occurrences(text, quote)
    with_context = [s for s in copies if _context_matches(comment, text, s)]
    if with_context:
        start = min(with_context, key=lambda s: abs(s - comment.start))
        status: AnchorStatus = "exact" if start == comment.start else "moved"
        return Anchor(start, start + len(quote), status)
    if len(copies) == 1:
        return Anchor(copies[0], copies[0] + len(quote), "moved")
    if copies:
        best = max(copies, key=lambda s: _context_score(comment, text, s))
        if _context_score(comment, text, best) >= _FUZZY_CONTEXT:
            return Anchor(best, best + len(quote), "fuzzy")
        return Anchor(0, 0, "lost")
    return _between_context(comment, text)


def _occurrences(text: str, quote: str) -> list[int]:
    found, at = [], text.find(quote)
    while at != -1 and quote:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def _context_matches(comment: Comment, text: str, start: int) -> bool:
    end = start + len(comment.quote)
    return (text[max(0, start - len(comment.prefix)):start] == comment.prefix
            and text[end:end + len(comment.suffix)] == comment.suffix)


def _context_score(comment: Comment, text: str, start: int) -> float:
    end = start + len(comment.quote)
    before = text[max(0, start - len(comment.prefix)):start]
    after = text[end:end + len(comment.suffix)]
    return (_ratio(before, comment.prefix) + _ratio(after, comment.suffix)) / 2


def _ratio(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _between_context(comment: Comment, text: str) -> Anchor:
    """The quote was edited: take what now sits between its old context, if it resembles it."""
    start = _locate(text, comment.prefix, comment.start, after=True)
    end = _locate(text, comment.suffix, start if start is not None else 0, after=False)
    if start is None or end is None or end <= start:
        return Anchor(0, 0, "lost")
    if _ratio(text[start:end], comment.quote) < _FUZZY_QUOTE:
        return Anchor(0, 0, "lost")
    return Anchor(start, end, "fuzzy")


def _locate(text: str, context: str, near: int, *, after: bool) -> int | None:
    """Offset just after ``prefix`` / at the start of ``suffix``, by the longest match."""
    if not context:
        return 0 if after else len(text)
    matcher = difflib.SequenceMatcher(None, text, context, autojunk=False)
    block = matcher.find_longest_match(0, len(text), 0, len(context))
    if block.size < max(4, len(context) // 3):
        return None
    if after:
        return block.a + (len(context) - block.b)
    return block.a - block.b


def _comment(row: dict[str, object]) -> Comment:
    return Comment(**{name: row.get(name) for name in Comment.__dataclass_fields__})  # type: ignore[arg-type]
