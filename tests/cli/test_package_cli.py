"""`deskapp package`, `deskapp import FILE.deskpkg` and `deskapp export --format md|docx`."""

from __future__ import annotations

from pathlib import Path

from deskapp.cli import main
from deskapp.model import Article
from deskapp.store import Library


def _library_with_article(path: Path) -> str:
    library = Library.open(path)
    try:
        article = library.create(Article(title="Mưa lớn", lead="Sapo.", body="Đêm qua mưa."))
        return article.id
    finally:
        library.close()


def test_package_then_import_reports_each_outcome(tmp_path, capsys):
    reporter, desk = tmp_path / "r.sqlite", tmp_path / "d.sqlite"
    article_id = _library_with_article(reporter)
    package = tmp_path / "bai.deskpkg"
    assert main(["--library", str(reporter), "package", article_id[:8], "-o", str(package),
                 "--as", "reporter"]) == 0
    assert capsys.readouterr().out.strip() == str(package)

    assert main(["--library", str(desk), "import", str(package)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(article_id) and "created" in out

    assert main(["--library", str(desk), "import", str(package)]) == 0
    assert "nothing new" in capsys.readouterr().out

    library = Library.open(reporter)
    library.save(library.get(article_id).with_content(body="Đêm qua mưa rất lớn."))
    library.close()
    assert main(["--library", str(reporter), "package", article_id, "-o", str(package)]) == 0
    capsys.readouterr()
    assert main(["--library", str(desk), "import", str(package)]) == 0
    assert "updated" in capsys.readouterr().out


def test_import_of_a_broken_package_names_the_file(tmp_path, capsys):
    bad = tmp_path / "hong.deskpkg"
    bad.write_bytes(b"PK\x03\x04 not really")
    assert main(["--library", str(tmp_path / "d.sqlite"), "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "hong.deskpkg" in err and "damaged" in err


def test_export_markdown_and_docx(tmp_path, capsys):
    library_path = tmp_path / "r.sqlite"
    article_id = _library_with_article(library_path)
    md = tmp_path / "out.md"
    assert main(["--library", str(library_path), "export", article_id, "-o", str(md)]) == 0
    text = md.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Mưa lớn") and "Đêm qua mưa." in text

    docx_path = tmp_path / "out.bin"
    assert main(["--library", str(library_path), "export", article_id, "--format", "docx",
                 "-o", str(docx_path)]) == 0
    import docx

    document = docx.Document(str(docx_path))
    texts = [p.text for p in document.paragraphs]
    assert "Mưa lớn" in texts and "Đêm qua mưa." in texts
