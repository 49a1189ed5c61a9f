#!/usr/bin/env python3
"""Regenerate the window's translations.

Extracts every ``tr()`` string of ``src/deskapp/ui`` into
``resources/i18n/deskapp_vi.ts`` (keeping the translations already there),
then compiles it to ``deskapp_vi.qm``, which is shipped so the tools are not
needed at run time. Run it after changing strings in the window, translate
the new entries (Qt Linguist, or by hand in the .ts), and run it again.

A text that moves to another class keeps its translation: lupdate files it
under the new class as unfinished, and this tool fills it with the
translation the same English text had before (``carry_translations``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
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


def _key(message: ET.Element) -> tuple[str, str, str]:
    source = message.findtext("source") or ""
    return source, message.findtext("comment") or "", message.get("numerus", "")


def known_translations(ts: Path) -> dict[tuple[str, str, str], ET.Element]:
    """Each English text's translation in ``ts`` (the most common one, whatever its class)."""
    found: dict[tuple[str, str, str], Counter[str]] = {}
    elements: dict[tuple[str, str, str, str], ET.Element] = {}
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "obsolete",
                                                              "vanished"):
            continue
        text = ET.tostring(translation, encoding="unicode")
        found.setdefault(_key(message), Counter())[text] += 1
        elements[(*_key(message), text)] = translation
    return {key: elements[(*key, counts.most_common(1)[0][0])] for key, counts in found.items()}


def carry_translations(ts: Path, known: dict[tuple[str, str, str], ET.Element]) -> int:
    """Fill unfinished entries whose English text was translated before; how many."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        before = known.get(_key(message))
        if before is None:
            continue
        message.remove(translation)
        message.append(before)
        filled += 1
    if filled:
        ET.indent(tree, space="    ")
        body = ET.tostring(tree.getroot(), encoding="unicode")
        ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                      encoding="utf-8")
    return filled


def main() -> int:
    sources = sorted(str(p) for p in SOURCES.rglob("*.py"))
    known = known_translations(TS)
    subprocess.run([tool("pyside6-lupdate"), *sources, "-target-language", "vi_VN",
                    "-no-obsolete", "-locations", "none", "-ts", str(TS)], check=True)
    print(f"{carry_translations(TS, known)} moved text(s) keep their translation")
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
