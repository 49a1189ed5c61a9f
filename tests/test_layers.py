"""The core must work without Qt: importing it never loads PySide6."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import deskapp


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(deskapp.__path__, "deskapp."):
        if info.name in ("deskapp.ui", "deskapp.__main__") or info.name.startswith("deskapp.ui."):
            continue
        names.append(info.name)
    return names


def test_core_never_imports_qt():
    modules = core_modules()
    assert "deskapp.store.library" in modules and "deskapp.cli" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'PySide6')\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_resources_are_found_and_licensed():
    from deskapp.resources import resource_path

    fonts = resource_path("fonts")
    assert (fonts / "OFL.txt").read_text(encoding="utf-8").startswith("Noto Serif")
    for family in ("NotoSerif", "NotoSans"):
        for style in ("Regular", "Bold", "Italic", "BoldItalic"):
            assert (fonts / f"{family}-{style}.ttf").stat().st_size > 100_000
    assert Path(resource_path("fonts", "LICENSE-DejaVu.txt")).exists()


def test_render_knows_nothing_of_print():
    """The element tree and its HTML load without reportlab or the print package.

    The print renderer of the tree lives in ``deskapp.pdf``; ``deskapp.store``
    and ``deskapp.model`` take the photo type from ``model``, not from print.
    """
    import deskapp.render

    modules = [info.name for info in pkgutil.walk_packages(deskapp.render.__path__,
                                                            "deskapp.render.")]
    assert "deskapp.render.html" in modules
    modules += ["deskapp.render", "deskapp.store.assets", "deskapp.model"]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules\n"
        "             if m.split('.')[0] == 'reportlab' or m.startswith('deskapp.pdf'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
