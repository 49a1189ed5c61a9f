"""``deskapp export`` loads only what the export needs (start-up is most of a short export)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium

import deskapp
from deskapp.store import Library

SRC = str(Path(deskapp.__file__).resolve().parents[1])

# Runs the command in a fresh interpreter, then lists what it imported.
_CHILD = """
import json, sys
from deskapp.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def run_export(*args: str) -> tuple[int, set[str]]:
    env = {**os.environ, "PYTHONPATH": SRC, "DESKAPP_LANG": "en"}
    result = subprocess.run([sys.executable, "-c", _CHILD, *args], capture_output=True,
                            text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    return report["code"], set(report["modules"])


def loaded(modules: set[str], package: str) -> set[str]:
    return {name for name in modules if name == package or name.startswith(package + ".")}


def test_exporting_a_file_loads_no_library_no_qt_no_word(tmp_path):
    source = tmp_path / "tin.md"
    source.write_text("# Tin ngắn\n\nMưa lớn ở **Đắk Tô**.\n", encoding="utf-8")
    library = tmp_path / "lib.sqlite"
    code, modules = run_export("--library", str(library), "export", str(source),
                               "-o", str(tmp_path / "tin.pdf"))
    assert code == 0
    for package in ("PySide6", "sqlite_utils", "docx", "deskapp.store.library",
                    "deskapp.text.typing_engine", "deskapp.exchange.package", "urllib.request",
                    "deskapp.exchange.webcopy"):
        assert not loaded(modules, package), package
    assert (tmp_path / "tin.pdf").stat().st_size > 0
    # Exporting a file neither creates nor opens the library.
    assert not library.exists()


def test_exporting_a_library_article_loads_no_importers(tmp_path):
    path = tmp_path / "lib.sqlite"
    library = Library.open(path)
    from deskapp.model import Article

    article = library.create(Article(title="Bài trong thư viện", body="Nội dung đủ dài."))
    library.close()
    out = tmp_path / "bai.pdf"
    code, modules = run_export("--library", str(path), "export", article.id[:8], "-o", str(out))
    assert code == 0
    assert not loaded(modules, "deskapp.exchange"), sorted(loaded(modules, "deskapp.exchange"))
    assert not loaded(modules, "PySide6")
    assert not loaded(modules, "docx")
    assert out.stat().st_size > 0


def test_a_file_export_names_the_profile_as_author(tmp_path):
    path = tmp_path / "lib.sqlite"
    library = Library.open(path)
    library.set_setting("user_name", "Nguyễn Thị Hằng")
    library.close()
    source = tmp_path / "tin.md"
    source.write_text("# Tin\n\nMột dòng.\n", encoding="utf-8")
    out = tmp_path / "tin.pdf"
    code, _modules = run_export("--library", str(path), "export", str(source), "-o", str(out))
    assert code == 0
    pdf = pdfium.PdfDocument(str(out))
    try:
        assert pdf.get_metadata_dict()["Author"] == "Nguyễn Thị Hằng"
    finally:
        pdf.close()
