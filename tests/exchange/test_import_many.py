"""Importing many files at once: each on its own, a bad one reported, progress and cancel."""

from __future__ import annotations

from deskapp.exchange.package import write_package
from deskapp.model import Article
from deskapp.store import Library
from deskapp.workspace import import_many


def test_bad_file_is_reported_and_the_others_continue(tmp_path):
    (tmp_path / "a.txt").write_text("Bài một, đủ chữ.", encoding="utf-8")
    (tmp_path / "b.docx").write_bytes(b"not a zip")
    (tmp_path / "c.md").write_text("---\ntít: Bài ba\n---\nThân bài.", encoding="utf-8")
    other = Library.open(tmp_path / "other.sqlite")
    article = other.create(Article(title="Gói", body="Nội dung gói."))
    write_package(other, article.id, tmp_path / "d.deskpkg", sender="PV", role="reporter")
    library = Library.open(tmp_path / "l.sqlite")
    seen: list[tuple[int, int, str]] = []
    paths = [tmp_path / n for n in ("a.txt", "b.docx", "c.md", "d.deskpkg")]
    outcomes = import_many(library, paths, lambda d, t, n: seen.append((d, t, n)))
    assert [o.ok for o in outcomes] == [True, False, True, True]
    assert outcomes[1].error is not None and outcomes[1].error.code == "file_corrupt"
    assert outcomes[3].merge is not None and outcomes[3].merge.outcome == "created"
    assert outcomes[3].article_id == article.id
    assert library.db["articles"].count == 3
    assert seen == [(0, 4, "a.txt"), (1, 4, "b.docx"), (2, 4, "c.md"), (3, 4, "d.deskpkg"),
                    (4, 4, "")]


def test_cancel_stops_before_the_next_file(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"Bài {name}.", encoding="utf-8")
    library = Library.open(tmp_path / "l.sqlite")
    done: list[str] = []
    outcomes = import_many(library, sorted(tmp_path.glob("*.txt")),
                           lambda d, t, n: done.append(n), lambda: len(done) >= 2)
    assert len(outcomes) == 2 and library.db["articles"].count == 2
