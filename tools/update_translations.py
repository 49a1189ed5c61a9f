#!/usr/bin/env python3
"""Regenerate the window's translations.

Extracts every ``tr()`` string of ``src/deskapp/ui`` into
``resources/i18n/deskapp_vi.ts`` (keeping the translations already there),
then compiles it to ``deskapp_vi.qm``, which is shipped so the tools are not
needed at run time. Run it after changing strings in the window, translate
the new entries (Qt Linguist, or by hand in the .ts), and run it again.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src" / "deskapp" / "ui"
TS = ROOT / "resources" / "i18n" / "deskapp_vi.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install PySide6 (pip install PySide6-Essentials)")
    return found


def main() -> int:
    sources = sorted(str(p) for p in SOURCES.rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-target-language", "vi_VN",
                    "-no-obsolete", "-locations", "none", "-ts", str(TS)], check=True)
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
