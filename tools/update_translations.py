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

Qt's own parts (dialog buttons, file dialogs, text-field context menus,
scroll bars) have no Vietnamese catalogue from Qt, so the project keeps its
own: ``resources/i18n/qt_vi.ts``, written by hand in Qt's contexts
(``QPlatformTheme``, ``QFileDialog``, ``QLineEdit``, ``QWidgetTextControl``…)
and compiled here to ``qt_vi.qm``. Qt's source texts are facts of its API:
``qt_texts_missing`` reads them from a catalogue Qt ships for another
language (``qtbase_fr.qm``) and names those of our contexts not yet
translated, so a new Qt's new texts are seen.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src" / "deskapp" / "ui"
TS = ROOT / "resources" / "i18n" / "deskapp_vi.ts"
QM = TS.with_suffix(".qm")
QT_TS = TS.with_name("qt_vi.ts")
QT_QM = QT_TS.with_suffix(".qm")
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")


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


def qm_texts(path: Path) -> set[tuple[str, str, str]]:
    """(context, source, comment) of every message in a compiled Qt catalogue.

    The .qm format: a magic number, then sections (one tag byte, a 32-bit
    big-endian length); the messages section (tag 0x69) holds, per message,
    tagged fields (3 translation in UTF-16, 6 source, 7 context, 8 comment in
    UTF-8, each with a 32-bit length; 5 a bare marker) up to an end tag 1.
    """
    data = path.read_bytes()
    if not data.startswith(QM_MAGIC):
        raise ValueError(f"{path} is not a Qt catalogue")
    sections, at = {}, len(QM_MAGIC)
    while at + 5 <= len(data):
        tag, length = data[at], struct.unpack(">I", data[at + 1:at + 5])[0]
        sections[tag] = data[at + 5:at + 5 + length]
        at += 5 + length
    messages, at, found, fields = sections.get(0x69, b""), 0, set(), {}
    while at < len(messages):
        tag = messages[at]
        at += 1
        if tag == 1:
            found.add((fields.get(7, ""), fields.get(6, ""), fields.get(8, "")))
            fields = {}
        elif tag in (3, 6, 7, 8):
            length = struct.unpack(">I", messages[at:at + 4])[0]
            at += 4
            if length == 0xFFFFFFFF:
                continue
            if tag != 3:
                fields[tag] = messages[at:at + length].decode("utf-8")
            at += length
        elif tag != 5:
            raise ValueError(f"{path}: unknown field {tag} in a message")
    return found


def qt_texts_missing(ts: Path = QT_TS) -> list[tuple[str, str, str]]:
    """Qt's texts in the contexts ``ts`` translates that ``ts`` does not have."""
    from PySide6.QtCore import QLibraryInfo

    shipped = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / "qtbase_fr.qm"
    if not shipped.exists():
        return []
    ours = {(context.findtext("name") or "", message.findtext("source") or "",
             message.findtext("comment") or "")
            for context in ET.parse(ts).getroot().iter("context")
            for message in context.iter("message")}
    contexts = {context for context, _, _ in ours}
    return sorted(text for text in qm_texts(shipped) - ours if text[0] in contexts)


def main() -> int:
    sources = sorted(str(p) for p in SOURCES.rglob("*.py"))
    known = known_translations(TS)
    subprocess.run([tool("pyside6-lupdate"), *sources, "-target-language", "vi_VN",
                    "-no-obsolete", "-locations", "none", "-ts", str(TS)], check=True)
    print(f"{carry_translations(TS, known)} moved text(s) keep their translation")
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    subprocess.run([tool("pyside6-lrelease"), str(QT_TS), "-qm", str(QT_QM)], check=True)
    for context, source, comment in qt_texts_missing():
        print(f"{QT_TS.name} lacks a text Qt uses: {context}: {source!r}"
              + (f" ({comment})" if comment else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
