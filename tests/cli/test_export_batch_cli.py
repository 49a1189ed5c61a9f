"""``deskapp export --all-approved -o DIR`` and ``deskapp export ID ID --edition -o FILE``."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image
from pypdf import PdfReader

from deskapp.cli import main
from deskapp.model import Article, Status
from deskapp.store import Library
from deskapp.store.assets import add_photo


def seeded(library_path: Path) -> list[Article]:
    library = Library.open(library_path)
    try:
        made = [
            library.create(Article(title="Bài duyệt một", body="Nội dung một.")),
            library.create(Article(title="Bài nháp", body="Chưa xong.")),
            library.create(Article(title="Bài duyệt hai", body="![](asset:nho.jpg)")),
        ]
        out = BytesIO()
        Image.new("RGB", (100, 80), "red").save(out, "JPEG")
        add_photo(library, made[2].id, out.getvalue(), name="nho.jpg")
        for article in (made[0], made[2]):
            library.db["articles"].update(article.id, {"status": str(Status.APPROVED)})
    finally:
        library.close()
    return made


def test_all_approved_writes_one_pdf_each(library_path: Path, tmp_path: Path, capsys):
    made = seeded(library_path)
    out = tmp_path / "ra"
    assert main(["--library", str(library_path), "export", "--all-approved", "-o", str(out)]) == 0
    captured = capsys.readouterr()
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([f"bai-duyet-mot-{made[0].id[:8]}.pdf",
                            f"bai-duyet-hai-{made[2].id[:8]}.pdf"])
    assert "dpi" in captured.err  # the small stored photo was placed and warned about
    assert len(captured.out.strip().splitlines()) == 2
    pdf = PdfReader(out / f"bai-duyet-hai-{made[2].id[:8]}.pdf")
    assert len(pdf.pages[0]["/Resources"]["/XObject"]) == 1


def test_edition_of_named_articles(library_path: Path, tmp_path: Path, capsys):
    made = seeded(library_path)
    target = tmp_path / "so-bao.pdf"
    args = ["--library", str(library_path), "export", made[0].id[:8], made[1].id,
            "--edition", "-o", str(target)]
    assert main(args) == 0
    pdf = pdfium.PdfDocument(str(target))
    texts = [page.get_textpage().get_text_range() for page in pdf]
    assert len(texts) == 2
    assert "Bài duyệt một" in texts[0] and "Trang 1/2" in texts[0]
    assert "Bài nháp" in texts[1] and "Trang 2/2" in texts[1]


def test_several_ids_without_edition_go_into_a_folder(library_path: Path, tmp_path: Path):
    made = seeded(library_path)
    out = tmp_path / "moi"
    assert main(["--library", str(library_path), "export", made[0].id, made[1].id,
                 "-o", str(out)]) == 0
    assert len(list(out.iterdir())) == 2


def test_a_failing_article_fails_the_command_but_not_the_others(library_path: Path,
                                                               tmp_path: Path, capsys):
    made = seeded(library_path)
    library = Library.open(library_path)
    try:
        library.db["articles"].update(made[0].id, {"body": "Chữ 中"})
    finally:
        library.close()
    out = tmp_path / "ra"
    assert main(["--library", str(library_path), "export", "--all-approved", "-o",
                 str(out)]) == 1
    assert [p.name for p in out.iterdir()] == [f"bai-duyet-hai-{made[2].id[:8]}.pdf"]
    assert "U+4E2D" in capsys.readouterr().err


def test_export_needs_something_to_export(library_path: Path, tmp_path: Path):
    assert main(["--library", str(library_path), "export", "-o", str(tmp_path / "x")]) == 2
