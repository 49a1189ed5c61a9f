"""Merging a long history: 20,000 revisions of one draft, created and then fast-forwarded.

The issue measured 100-230 s per sync for this history while the library's write lock
was held (the merge walked the lineage with list lookups). Targets: the first merge
(every revision stored) and a fast-forward of one new revision on top, each under 5 s.
The floor is the unavoidable part: the same rows written with one ``executemany``.
"""

import tempfile
import time
from pathlib import Path

from common import report

from deskapp.exchange.merge import apply_package
from deskapp.exchange.package import Package
from deskapp.model import Article, Revision, new_id, now_iso
from deskapp.store import Library

REVISIONS = 20_000
TARGET_S = 5.0


def chain(article_id: str, count: int, parent: str | None = None) -> list[Revision]:
    revisions = []
    for i in range(count):
        article = Article(id=article_id, title="Mưa lớn ở Kon Tum",
                          body=f"Đêm qua mưa lớn. Bản lưu số {i}.")
        article.normalize()
        revision = Revision(id=new_id(), article_id=article_id, parent_id=parent,
                            created_at=now_iso(), author="PV", kind="autosave",
                            content_hash=article.content_hash(), content=article.content())
        revisions.append(revision)
        parent = revision.id
    return revisions


def package(article_id: str, revisions: list[Revision]) -> Package:
    return Package(name="bench", format_version=1, app_version="", created_at=now_iso(),
                   sender="PV", role="reporter", article_id=article_id,
                   head_id=revisions[-1].id, article_created_at=now_iso(),
                   target_words=None, revisions=revisions)


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def floor(folder: Path, revisions: list[Revision]) -> float:
    library = Library.open(folder / "floor.sqlite")
    rows = [(r.id, r.article_id, r.parent_id, r.created_at, r.author, r.kind,
             r.content_hash, r.content["title"], r.content["body"]) for r in revisions]

    def write() -> None:
        with library.transaction():
            library.db.execute("INSERT INTO articles (id, title, created_at, updated_at) "
                               "VALUES (?, '', '', '')", [revisions[0].article_id])
            library.db.conn.executemany(
                "INSERT INTO revisions (id, article_id, parent_id, created_at, author, kind, "
                "content_hash, title, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    seconds = timed(write)
    library.close()
    return seconds


def main() -> None:
    article_id = new_id()
    history = chain(article_id, REVISIONS)
    new = chain(article_id, 1, parent=history[-1].id)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        base = floor(folder, history)
        report("merge_floor_insert_20000", base, "s")
        library = Library.open(folder / "desk.sqlite")
        created = timed(lambda: apply_package(library, package(article_id, history)))
        report("merge_create_20000", created, "s")
        report("merge_create_20000_target", TARGET_S, "s")
        report("merge_create_20000_ratio_to_floor", created / base, "x")
        forward = timed(lambda: apply_package(library, package(article_id, history + new)))
        report("merge_fast_forward_20000", forward, "s")
        report("merge_fast_forward_20000_target", TARGET_S, "s")
        library.close()


if __name__ == "__main__":
    main()
