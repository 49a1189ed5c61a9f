"""Bringing a package into the library without losing anyone's work.

An article is the same article on every machine (its id); a revision is the
same revision only when it has the same id, and then it must carry the same
author and content hash as the copy here (a package that reuses a known id
for other text is refused). Text alone never makes two revisions the same: a
lineage rebuilt elsewhere from known text (new ids, the same texts) shares no
revision with the one here, so it arrives as a conflict, never as a
fast-forward over the text here. With that, a package is one of:

* **created**: the article is new here; it arrives with its whole lineage,
  comments and status events, ids, authors and times as they were made;
* **updated** (fast-forward): the local head is in the package's lineage, so
  the sender saw everything done here and went on; the new revisions are
  appended and the package head becomes the article's content;
* **nothing_new**: the package head is already here (a second import of the
  same file, or an older package than the local work);
* **diverged**: both sides changed since they last met. The local article is
  left exactly as it is; the package's new revisions are stored too, its head
  marked ``import-conflict``, so the UI can show the difference and
  :func:`resolve_conflict` can record the choice as a new revision.

An article open in an editor with unsaved changes (``unsaved_article_ids``)
is never fast-forwarded under the editor's feet: it gets the diverged
treatment. Everything one import writes happens in one transaction.

Ancestry follows ``parent_id`` only (a revision has one parent). Every step is
linear in the number of revisions (dictionaries and sets, one walk each), and
an article may hold at most :data:`MAX_ARTICLE_REVISIONS` revisions: a package
or pull that would take it past that is refused before anything is written. Resolving
towards the incoming side, or with merged text, makes the resolution a child
of the conflict revision, so the sender's next package sees its own head as
an ancestor and fast-forwards; resolving for the local side keeps the local
parent, so the sender is told of the divergence in turn rather than silently
losing their version.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from deskapp.errors import DeskappError, ImportRejected
from deskapp.exchange.package import Package
from deskapp.model import CONTENT_FIELDS, Article, Revision, new_id, now_iso
from deskapp.store import Library

__all__ = [
    "CONFLICT_KIND",
    "MAX_ARTICLE_REVISIONS",
    "RESOLVE_KIND",
    "MergeError",
    "MergeResult",
    "apply_package",
    "open_conflict",
    "parents_first",
    "resolve_conflict",
]

CONFLICT_KIND = "import-conflict"
RESOLVE_KIND = "resolve"
# The most revisions one article may hold here after a merge (autosaves coalesce per
# minute, so this is months of writing); past it an import or pull is refused.
MAX_ARTICLE_REVISIONS = 25_000

Outcome = Literal["created", "updated", "nothing_new", "diverged"]


class MergeError(DeskappError):
    """A merge operation was refused (``conflict_not_found``)."""

    code = "conflict_not_found"


@dataclass(frozen=True)
class MergeResult:
    """What an import did; enough for the UI to show a diff of the two heads."""

    outcome: Outcome
    article_id: str
    title: str
    local_head: str | None
    incoming_head: str
    common_ancestor: str | None
    new_revisions: int = 0
    new_comments: int = 0
    new_events: int = 0
    new_resolutions: int = 0
    # Name register entries changed here by an editor's package (deskapp.store.names).
    new_names: int = 0
    # Why the package's name register was not merged (register_trust's reason), if it was not.
    refused_names: str | None = None
    # Why the package's page plans were not merged (same reasons), if they were not.
    refused_editions: str | None = None
    sender: str = ""

    def signature_errors(self) -> list[DeskappError]:
        """What the package carried that no trusted editor signed, as errors to word."""
        refused = (("register_refused", self.refused_names),
                   ("editions_refused_package", self.refused_editions))
        return [DeskappError(code, sender=self.sender, reason=reason)
                for code, reason in refused if reason is not None]

    # Editions (page plans) added or brought up to date (deskapp.makeup.exchange).
    new_editions: int = 0
    # Approval claims that did not verify here (deskapp.desk.approvals.ApprovalRefused).
    refused_approvals: tuple[Any, ...] = ()


@dataclass
class _Local:
    """The article's revisions as stored here: parent and content hash by id."""

    head: str | None
    parents: dict[str, str | None]
    hashes: dict[str, str]
    authors: dict[str, str]

    def ancestors(self, revision_id: str | None) -> list[str]:
        chain: list[str] = []
        seen: set[str] = set()
        while revision_id is not None and revision_id not in seen:
            chain.append(revision_id)
            seen.add(revision_id)
            revision_id = self.parents.get(revision_id)
        return chain


def apply_package(library: Library, package: Package, *,
                  unsaved_article_ids: Collection[str] = (),
                  verify_approvals: bool = True) -> MergeResult:
    """Bring ``package`` into ``library`` in one transaction (see the module notes).

    Approvals are checked (:mod:`deskapp.desk.approvals`) unless
    ``verify_approvals`` is false (a newsroom server too old to carry signatures).
    """
    with library.transaction():
        _check_foreign_ids(library, package)
        exists = library.db["articles"].count_where("id = ?", [package.article_id]) > 0
        package, refused, before = _screen(library, package, exists, verify_approvals)
        if not exists:
            result = _create(library, package)
        else:
            result = _merge(library, package, package.article_id in set(unsaved_article_ids))
        comments = _insert_new(library, "comments", package.comments)
        events = _insert_new(library, "status_events", package.status_events)
        resolutions = _apply_resolutions(library, package)
        _insert_photos(library, package)
        names, names_refused = _apply_names(library, package)
        editions, editions_refused = _apply_editions(library, package)
        if verify_approvals:
            refused = _settle(library, result, before, refused)
    if result.outcome == "nothing_new" and (comments or events or resolutions or names
                                            or editions):
        result = replace(result, outcome="updated")
    return replace(result, new_comments=comments, new_events=events,
                   new_resolutions=resolutions, new_names=names, new_editions=editions,
                   refused_names=names_refused, refused_editions=editions_refused,
                   sender=package.sender,
                   refused_approvals=tuple(refused))


def _apply_names(library: Library, package: Package) -> tuple[int, str | None]:
    """An editor's name register comes with the package: the later change of each name wins.

    Only a package an editor wrote and signed changes the register here
    (:mod:`deskapp.desk.register_trust`); one from a reporter, or unsigned, or
    signed by a key this library does not trust, changes nothing. Returns how
    many names changed and, when the register was refused, why.
    """
    if package.role != "editor" or not package.names:
        return 0, None
    from deskapp.desk.register_trust import check_member
    from deskapp.store.names import merge_names

    refused = check_member(library, package.names_signature, package.names_digest,
                          package.sender)
    if refused is not None:
        return 0, refused
    return merge_names(library, package.names), None


def _apply_editions(library: Library, package: Package) -> tuple[int, str | None]:
    """The page plans placing the article: the later change of each edition wins.

    Pages are the desk's: only a package an editor wrote and signed changes a
    plan here (:mod:`deskapp.desk.register_trust`, as for the name register).
    Returns how many plans changed and, when they were refused, why.
    """
    if not package.editions or package.role != "editor":
        return 0, None
    from deskapp.desk.register_trust import EDITIONS_TAG, check_member
    from deskapp.makeup.exchange import merge_editions

    refused = check_member(library, package.editions_signature, package.editions_digest,
                          package.sender, EDITIONS_TAG)
    if refused is not None:
        return 0, refused
    return merge_editions(library, package.editions), None


def _screen(library: Library, package: Package, exists: bool,
            verify: bool) -> tuple[Package, list[Any], str | None]:
    """Drop approve events that do not verify here; the status the article had before."""
    if not verify:
        return package, [], None
    from deskapp.desk.approvals import screen_approvals

    before = library.get(package.article_id).status if exists else None
    screened, refused = screen_approvals(library, package)
    return screened, list(refused), before


def _settle(library: Library, result: MergeResult, before: str | None,
            refused: list[Any]) -> list[Any]:
    """An article that became approved here without a verified approval goes back to the desk."""
    if result.outcome not in ("created", "updated"):
        return refused
    from deskapp.desk.approvals import settle

    extra = settle(library, result.article_id, before=before, refused=refused)
    return [*refused, extra] if extra is not None else refused


def _apply_resolutions(library: Library, package: Package) -> int:
    """Record the package's comment resolutions; return how many changed something here.

    The earliest resolution of a comment wins, so applying the same package
    twice, or resolutions made on both sides, ends the same everywhere. A
    comment not resolved here takes the resolution's time; one reopened here
    (its resolution recorded, ``resolved_at`` cleared) stays open. A
    resolution for a comment this library does not have is skipped (it
    comes again with the comment); one for a comment of another article is
    a forged package and refuses the whole package.
    """
    changed = 0
    db = library.db
    for row in package.resolutions:
        comment = db.execute("SELECT article_id, resolved_at FROM comments WHERE id = ?",
                             [row["comment_id"]]).fetchone()
        if comment is None:
            continue
        if comment[0] != package.article_id:
            raise ImportRejected("package_corrupt", name=package.name,
                                 reason="a comment resolution belongs to another article here")
        known = db.execute("SELECT resolved_at FROM comment_resolutions WHERE comment_id = ?",
                           [row["comment_id"]]).fetchone()
        if known is not None and known[0] <= row["resolved_at"]:
            continue
        db.execute(
            "INSERT INTO comment_resolutions (comment_id, article_id, resolved_at, resolved_by) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (comment_id) DO UPDATE SET "
            "resolved_at = excluded.resolved_at, resolved_by = excluded.resolved_by",
            [row["comment_id"], package.article_id, row["resolved_at"], row["resolved_by"]])
        # Never resolved here: it is now. Resolved here: it keeps the earlier time.
        # Reopened here after the resolution we knew: it stays open.
        if known is None and (comment[1] is None or comment[1] > row["resolved_at"]):
            db.execute("UPDATE comments SET resolved_at = ? WHERE id = ?",
                       [row["resolved_at"], row["comment_id"]])
        elif known is not None and comment[1] is not None:
            db.execute("UPDATE comments SET resolved_at = ? WHERE id = ?",
                       [row["resolved_at"], row["comment_id"]])
        changed += 1
    return changed


def _insert_photos(library: Library, package: Package) -> None:
    """Store the package's photos; bytes already stored for the article are skipped.

    Each is checked as an image again here: a package is hostile input, and
    one bad photo refuses the whole package (the transaction rolls back).
    """
    from deskapp.store.assets import add_photo, get_photo

    for photo in package.photos:
        if get_photo(library, package.article_id, photo.name) is not None:
            continue
        try:
            add_photo(library, package.article_id, photo.data, caption=photo.caption,
                      credit=photo.credit, name=photo.name)
        except ImportRejected as exc:
            raise ImportRejected("package_corrupt", name=package.name,
                                 reason=f"the photo “{photo.name}” is not a usable image"
                                 ) from exc


def _check_foreign_ids(library: Library, package: Package) -> None:
    """A revision id that belongs to another article here means a forged or broken package."""
    ids = [r.id for r in package.revisions]
    clash = 0
    for start in range(0, len(ids), 500):  # under SQLite's limit on bound values
        chunk = ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        clash += library.db.execute(
            f"SELECT COUNT(*) FROM revisions WHERE id IN ({marks}) AND article_id != ?",
            [*chunk, package.article_id],
        ).fetchone()[0]
    if clash:
        raise ImportRejected("package_corrupt", name=package.name,
                             reason="its revisions belong to another article here")


def _create(library: Library, package: Package) -> MergeResult:
    _check_size(package, len(package.revisions))
    article = package.article()
    article.updated_at = now_iso()
    library.insert_article(article)
    for revision in parents_first(package.revisions):
        library.insert_revision(revision)
    return MergeResult("created", article.id, article.title, None, package.head_id, None,
                       new_revisions=len(package.revisions))


def _merge(library: Library, package: Package, unsaved: bool) -> MergeResult:
    local = _local(library, package.article_id)
    mapping = _match(package, local)
    _check_size(package, len(local.parents) + len(package.revisions) - len(mapping))
    title = library.get(package.article_id).title
    if package.head_id in mapping:
        return MergeResult("nothing_new", package.article_id, title, local.head,
                           package.head_id, mapping[package.head_id])
    lineage = [mapping.get(r.id) for r in package.lineage()]
    if local.head is not None and local.head in set(lineage) and not unsaved:
        added = _insert_unknown(library, package, mapping, conflict=False)
        article = library.get(package.article_id).with_content(**package.head.content)
        article = library.set_head(article, package.head_id)
        return MergeResult("updated", article.id, article.title, local.head, package.head_id,
                           local.head, new_revisions=added)
    local_chain = set(local.ancestors(local.head))
    ancestor = next((m for m in lineage if m is not None and m in local_chain), None)
    added = _insert_unknown(library, package, mapping, conflict=True)
    return MergeResult("diverged", package.article_id, title, local.head, package.head_id,
                       ancestor, new_revisions=added)


def _local(library: Library, article_id: str) -> _Local:
    rows = library.db.execute(
        "SELECT id, parent_id, content_hash, author FROM revisions WHERE article_id = ?",
        [article_id]).fetchall()
    head = library.db.execute("SELECT revision_id FROM articles WHERE id = ?",
                              [article_id]).fetchone()[0]
    return _Local(head, {r[0]: r[1] for r in rows}, {r[0]: r[2] for r in rows},
                  {r[0]: r[3] or "" for r in rows})


def _match(package: Package, local: _Local) -> dict[str, str]:
    """Package revision id → local revision id: the revisions known here, by identity.

    A known id must come with the author and content hash it has here; one
    that does not is another revision wearing a known id, and the package is
    refused. Unknown ids are new, whatever their text.
    """
    mapping: dict[str, str] = {}
    for revision in package.revisions:
        if revision.id not in local.parents:
            continue
        if (local.hashes[revision.id] != revision.content_hash
                or local.authors[revision.id] != (revision.author or "")):
            raise ImportRejected("package_corrupt", name=package.name,
                                 reason=f"revision {revision.id} differs from the copy here")
        mapping[revision.id] = revision.id
    return mapping


def _check_size(package: Package, total: int) -> None:
    """Refuse a merge that would leave the article with more revisions than the limit."""
    if total > MAX_ARTICLE_REVISIONS:
        raise ImportRejected("too_many_revisions", name=package.name, count=total,
                             limit=MAX_ARTICLE_REVISIONS)


def _insert_unknown(library: Library, package: Package, mapping: Mapping[str, str], *,
                    conflict: bool) -> int:
    """Store the package's revisions that are not here yet, parents pointing at local ids."""
    added = 0
    for revision in parents_first(package.revisions):
        if revision.id in mapping:
            continue
        parent = mapping.get(revision.parent_id or "", revision.parent_id)
        kind = CONFLICT_KIND if conflict and revision.id == package.head_id else revision.kind
        library.insert_revision(replace(revision, parent_id=parent, kind=kind))
        added += 1
    return added


def parents_first(revisions: list[Revision]) -> list[Revision]:
    """Revisions ordered so that each comes after its parent (clocks may disagree)."""
    by_id = {r.id: r for r in revisions}
    ordered: list[Revision] = []
    placed: set[str] = set()
    for revision in revisions:
        chain: list[Revision] = []
        walked: set[str] = set()
        current: Revision | None = revision
        while current is not None and current.id not in placed and current.id not in walked:
            chain.append(current)
            walked.add(current.id)
            current = by_id.get(current.parent_id or "")
        for item in reversed(chain):
            placed.add(item.id)
            ordered.append(item)
    return ordered


def _insert_new(library: Library, table: str, rows: list[dict[str, Any]]) -> int:
    """Insert the rows whose id is not in ``table`` yet; return how many were new."""
    if not rows:
        return 0
    ids = [row["id"] for row in rows]
    marks = ", ".join("?" * len(ids))
    known = {r[0] for r in library.db.execute(
        f"SELECT id FROM {table} WHERE id IN ({marks})", ids).fetchall()}
    fresh = [row for row in rows if row["id"] not in known]
    if fresh:
        library.db[table].insert_all(fresh)
    return len(fresh)


# ---------------------------------------------------------------- conflicts


def open_conflict(library: Library, article_id: str) -> Revision | None:
    """The incoming revision waiting for a decision, or ``None``.

    The latest ``import-conflict`` revision stored, unless a ``resolve``
    revision was stored after it (storage order, not the senders' clocks).
    """
    rows = list(library.db.query(
        "SELECT id, kind FROM revisions WHERE article_id = ? AND kind IN (?, ?) "
        "ORDER BY rowid DESC LIMIT 1", [article_id, CONFLICT_KIND, RESOLVE_KIND]))
    if not rows or rows[0]["kind"] != CONFLICT_KIND:
        return None
    return library.revision(rows[0]["id"])


def resolve_conflict(library: Library, article_id: str,
                     take: Literal["local", "incoming"] | str | Mapping[str, Any], *,
                     author: str = "") -> Article:
    """Settle the open conflict with a new ``resolve`` revision that becomes the content.

    ``take`` is ``"local"`` (keep the article as it is here), ``"incoming"``
    (take the package's version), the merged body text as a string, or a
    mapping of merged fields (the rest from the local article).
    """
    conflict = open_conflict(library, article_id)
    if conflict is None:
        raise MergeError("conflict_not_found", ref=article_id)
    with library.transaction():
        article = library.get(article_id)
        if take == "local":
            parent, merged = article.revision_id, article
        elif take == "incoming":
            parent, merged = conflict.id, article.with_content(**conflict.content)
        elif isinstance(take, str):
            parent, merged = conflict.id, article.with_content(body=take)
        else:
            fields = {k: v for k, v in take.items() if k in CONTENT_FIELDS}
            parent, merged = conflict.id, article.with_content(**fields)
        revision = Revision(
            id=new_id(), article_id=article_id, parent_id=parent, created_at=now_iso(),
            author=author, kind=RESOLVE_KIND, content_hash=merged.content_hash(),
            content=merged.content(),
        )
        library.insert_revision(revision)
        settled = library.set_head(merged, revision.id)
        # Taking the incoming side never takes an approval nobody can vouch for.
        from deskapp.desk.approvals import settle

        if settle(library, article_id, before=str(article.status), refused=[]) is not None:
            settled = library.get(article_id)
        return settled
